"""The monthly government gazette (政府公报): compiled by the office from the month's 规章 and
行政规范性文件 (条例 第二十三条 names the 政府公报 among the channels of proactive disclosure),
published as a page and as a .docx."""

from __future__ import annotations

import io
from calendar import monthrange
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.audit import log as audit
from gongkai.orgs.models import Unit, UnitKind, User
from gongkai.orgs.policy import SYSTEM, policy
from gongkai.records.models import Gazette, GazetteEntry, GazetteStatus, Record, RecordKind
from gongkai.records.normative import normative_documents
from gongkai.rules.textcodec import without_control_characters

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"


def _require_office(actor: User | None) -> None:
    policy.require_manage(actor or SYSTEM, "政府公报由公开办管理员编辑和出版。")


def gazette_title() -> str:
    government = Unit.objects.filter(kind=UnitKind.CITY_GOV, is_active=True).order_by("sort_order", "pk").first()
    return f"{government.name if government else '人民政府'}公报"


def month_documents(year: int, month: int) -> list[Record]:
    """The public 规章 and 行政规范性文件 issued (成文) in the month: 规章 first, then by date."""
    first, last = date(year, month, 1), date(year, month, monthrange(year, month)[1])
    documents = normative_documents().filter(Record.listed_q(), issued_on__gte=first, issued_on__lte=last)
    kind_order = {RecordKind.REGULATION.value: 0, RecordKind.NORMATIVE.value: 1}
    return sorted(documents.select_related("unit"), key=lambda r: (kind_order[r.kind], r.issued_on, r.pk))


@transaction.atomic
def compile_gazette(year: int, month: int, *, actor: User | None = None) -> Gazette:
    """Make (or refresh, while still being edited) the issue of ``year``-``month``."""
    _require_office(actor)
    if not 1 <= month <= 12:
        raise ValidationError("月份应在 1 到 12 之间。")
    gazette, created = Gazette.objects.select_for_update().get_or_create(
        year=year, month=month, defaults={"title": gazette_title(), "created_by": actor}
    )
    if gazette.status == GazetteStatus.PUBLISHED:
        raise ValidationError(f"{gazette.issue_label}已经出版，不能重新编辑。")
    documents = month_documents(year, month)
    gazette.entries.all().delete()
    GazetteEntry.objects.bulk_create(
        GazetteEntry(gazette=gazette, record=record, order=order) for order, record in enumerate(documents)
    )
    audit.record("gazette_compiled", gazette, after={
        "issue": gazette.issue_label, "documents": [record.title for record in documents], "created": created,
    })
    return gazette


@transaction.atomic
def publish_gazette(gazette: Gazette, *, actor: User | None = None) -> Gazette:
    _require_office(actor)
    if gazette.status == GazetteStatus.PUBLISHED:
        raise ValidationError(f"{gazette.issue_label}已经出版。")
    if not gazette.entries.exists():
        raise ValidationError("本期公报没有收录任何文件，不能出版。")
    gazette.status = GazetteStatus.PUBLISHED
    gazette.published_on = timezone.localdate()
    gazette.save(update_fields=["status", "published_on"])
    audit.record("gazette_published", gazette, after={"issue": gazette.issue_label, "published_on": gazette.published_on})
    return gazette


def entries(gazette: Gazette) -> list[Record]:
    """The issue's documents the public is still offered: one withdrawn or superseded after the
    issue came out leaves its page and its .docx at once (the entry stays, for the record)."""
    listed = gazette.entries.filter(Record.listed_q("record__"))
    return [entry.record for entry in listed.select_related("record__unit")]


def to_docx(gazette: Gazette) -> bytes:
    """The issue as a Word document: cover title, contents, then each document in full."""
    document = Document()
    records = entries(gazette)
    _line(document, gazette.title, TITLE_FONT, 26, center=True)
    _line(document, gazette.issue_label, HEADING_FONT, 16, center=True)
    if gazette.published_on:
        _line(document, f"{gazette.published_on:%Y年%-m月%-d日}出版", BODY_FONT, 12, center=True)
    _line(document, "目　录", HEADING_FONT, 16, center=True)
    for record in records:
        number = f"（{record.doc_number}）" if record.doc_number else ""
        _line(document, f"{record.title}{number}", BODY_FONT, 14)
    for record in records:
        document.add_page_break()
        _line(document, record.title, TITLE_FONT, 20, center=True)
        if record.doc_number:
            _line(document, record.doc_number, BODY_FONT, 14, center=True)
        for paragraph in (record.body_text or record.summary).split("\n"):
            if paragraph.strip():
                _line(document, paragraph.strip(), BODY_FONT, 14)
        _line(document, record.publisher, BODY_FONT, 14, right=True)
        if record.written_on:
            _line(document, f"{record.written_on:%Y年%-m月%-d日}", BODY_FONT, 14, right=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _line(document: Any, text: str, font: str, size: int, center: bool = False, right: bool = False) -> None:
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(without_control_characters(text))  # python-docx refuses them
    run.font.size = Pt(size)
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
