"""The privacy scan of a record before review: its summary, body and attachments' text.

《政府信息公开条例》第十五条: published information must not disclose 个人隐私. The hits are found
by ``rules.pii`` (body through ``rules.richtext`` so that offsets refer to the body's text) and
computed at read time, so the reviewer always sees the current text. Masking is applied by
``services.mask_pii``.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.records.models import Record
from gongkai.rules.pii import Confidence, PiiHit, scan
from gongkai.rules.richtext import html_to_text, scan_html

SUMMARY = "summary"
BODY = "body"
ATTACHMENT_PREFIX = "attachment:"
CONTEXT_CHARS = 14


@dataclass(frozen=True)
class SourcedHit:
    """A hit and where it is: ``source`` is "summary", "body" or "attachment:<id>"."""

    source: str
    source_label: str
    hit: PiiHit
    before: str
    after: str

    @property
    def blocking(self) -> bool:
        """Hits a reviewer must mask or explicitly accept before publishing."""
        return self.hit.confidence is not Confidence.LOW


def _sourced(source: str, label: str, text: str, hits: list[PiiHit]) -> list[SourcedHit]:
    return [
        SourcedHit(
            source=source, source_label=label, hit=hit,
            before=text[max(0, hit.start - CONTEXT_CHARS):hit.start],
            after=text[hit.end:hit.end + CONTEXT_CHARS],
        )
        for hit in hits
    ]


def scan_record(record: Record) -> list[SourcedHit]:
    found = _sourced(SUMMARY, "内容概述", record.summary, scan(record.summary))
    body_text = html_to_text(record.body)
    found += _sourced(BODY, "正文", body_text, scan_html(record.body))
    if record.pk:
        for attachment in record.attachments.all():
            if attachment.text:
                label = f"附件“{attachment.name}”"
                found += _sourced(
                    f"{ATTACHMENT_PREFIX}{attachment.pk}", label, attachment.text, scan(attachment.text)
                )
    return found


def blocking_hits(record: Record) -> list[SourcedHit]:
    return [hit for hit in scan_record(record) if hit.blocking]
