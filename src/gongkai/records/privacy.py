"""The privacy scan of a record before review: its summary, body, link targets and attachments.

《政府信息公开条例》第十五条: published information must not disclose 个人隐私. The hits are found
by ``rules.pii`` (body through ``rules.richtext`` so that offsets refer to the body's text) and
computed at read time, so the reviewer always sees the current text. Attachments are scanned in
the text ``rules.filetext`` read from them at upload (Word headers and footers, tables, workbook
cells, PDF pages); an attachment of which some part could not be read is listed by
:func:`unread_attachments` for the reviewer to check by eye. ``gongkai privacy scan FILE``
(:func:`scan_file`) runs this same scan on a file before it is uploaded. Masking is applied by
``services.mask_pii``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from gongkai.records.models import Attachment, Record
from gongkai.rules.filetext import DocumentText, attribute_values
from gongkai.rules.pii import PiiHit, mask, scan
from gongkai.rules.richtext import sanitize, stored_text

SUMMARY = "summary"
BODY = "body"
LINKS = "links"
ATTACHMENT_PREFIX = "attachment:"
CONTEXT_CHARS = 14


@dataclass(frozen=True)
class SourcedHit:
    """A hit and where it is: ``source`` is "summary", "body", "links" (the body's link targets
    and other attribute values, such as ``href="tel:…"``) or "attachment:<id>"."""

    source: str
    source_label: str
    hit: PiiHit
    before: str
    after: str

    @property
    def blocking(self) -> bool:
        """Hits a reviewer must mask or explicitly accept before publishing: probable ones as
        much as certain ones (``PiiHit.needs_review``)."""
        return self.hit.needs_review


def _sourced(source: str, label: str, text: str, hits: list[PiiHit]) -> list[SourcedHit]:
    return [
        SourcedHit(
            source=source, source_label=label, hit=hit,
            before=text[max(0, hit.start - CONTEXT_CHARS):hit.start],
            after=text[hit.end:hit.end + CONTEXT_CHARS],
        )
        for hit in hits
    ]


def link_text(body: str) -> str:
    """The attribute values of the body (link targets, titles, alt texts), one a line: the
    public page carries them although no reader sees them as text."""
    return "\n".join(value for _, value in attribute_values(body))


def scan_record(record: Record) -> list[SourcedHit]:
    found = _sourced(SUMMARY, "内容概述", record.summary, scan(record.summary))
    body_text = stored_text(record.body)  # the stored body is clean: no second run of the cleaner
    found += _sourced(BODY, "正文", body_text, scan(body_text))
    links = link_text(record.body)
    found += _sourced(LINKS, "正文中的链接地址", links, scan(links))
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


def unread_attachments(record: Record) -> list[Attachment]:
    """Attachments of which some part could not be read (a scanned PDF page, an image, an old
    Office file): the scan cannot vouch for them, so a person must look before publishing."""
    return list(record.attachments.filter(text_read=False)) if record.pk else []


# --- masking link targets ----------------------------------------------------------------------


class _StartTags(HTMLParser):
    """Each start tag of a body: where it is, its source text and its attributes."""

    def __init__(self, body: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]
        self.tags: list[tuple[int, str, str, list[tuple[str, str | None]]]] = []
        self.feed(body)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        raw = self.get_starttag_text() or ""
        self.tags.append((self._line_starts[line - 1] + column, raw, tag, attrs))

    handle_startendtag = handle_starttag


def mask_links(body: str, hits: list[PiiHit]) -> str:
    """``body`` with ``hits`` (found in :func:`link_text` of it) masked in its attribute values;
    raises ValueError for hits from another version of the body."""
    values = [value for _, value in attribute_values(body)]
    masked = mask("\n".join(values), hits)
    pairs: list[tuple[str, str]] = []
    start = 0
    for value in values:
        pairs.append((value, masked[start : start + len(value)]))
        start += len(value) + 1
    replaced = iter(pairs)
    pieces: list[str] = []
    done = 0
    for offset, raw, tag, attrs in _StartTags(body).tags:
        new_attrs = [(name, _masked_value(value, replaced)) for name, value in attrs]
        if new_attrs == attrs:
            continue
        pieces += [body[done:offset], _start_tag(tag, new_attrs)]
        done = offset + len(raw)
    return sanitize("".join(pieces) + body[done:])


def _masked_value(value: str | None, replaced: Iterator[tuple[str, str]]) -> str | None:
    if not value or not value.strip():
        return value  # attribute_values skips these
    read, masked = next(replaced)
    return value if masked == read else masked


def _start_tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    written = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
    return f"<{tag}{written}>"


def scan_document(document: DocumentText) -> list[tuple[str, PiiHit]]:
    """The findings of a document read by ``rules.filetext`` that would hold up its publication,
    with their places: what ``gongkai privacy scan`` prints."""
    return [
        (document.where(hit.start), hit) for hit in scan(document.text) if hit.needs_review
    ]
