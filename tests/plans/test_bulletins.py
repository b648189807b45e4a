"""Supervision bulletins (督查通报): drafted from the reports at a cutoff, edited by the office (on
the page or in Word), issued, and if the office chooses published as a record. Office only."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.shared import Cm

from gongkai.audit.models import AuditEntry
from gongkai.plans import bulletins
from gongkai.plans.models import Bulletin
from gongkai.records.catalog import apply_default_columns
from gongkai.records.models import Column, RecordStatus
from tests.plans.board_data import CUTOFF, DELAY_REASON, freeze_today, make_reports

pytestmark = pytest.mark.django_db

ITEM_1 = "细化部门预决算公开，按经济分类公开到款级科目。"
ITEM_2 = "公开义务教育招生范围和招生结果。"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def reported(small_plan, unit_a, unit_b, clerk_a, clerk_b, monkeypatch):
    freeze_today(monkeypatch)
    unit_b.liaison = clerk_b
    unit_b.save(update_fields=["liaison"])
    make_reports(unit_a, unit_b, clerk_a, clerk_b)
    return small_plan


@pytest.fixture
def office_catalog(office_unit):
    """The office's unit with an organisation code (for 索引号) and the default catalog."""
    office_unit.org_code = "11441200MB0000004F"
    office_unit.save(update_fields=["org_code"])
    apply_default_columns(office_unit)
    return office_unit


@pytest.fixture
def draft(reported, office_admin):
    return bulletins.create_bulletin(reported, CUTOFF, actor=office_admin)


def entry(bulletin: Bulletin, unit: str, item: str) -> dict:
    return next(e for e in bulletin.content["entries"] if e["unit"] == unit and item in e["item"])


def docx_rows(content: bytes) -> list[list[str]]:
    document = Document(io.BytesIO(content))
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def docx_text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs)


def test_it_names_an_overdue_item_with_its_unit_and_liaison_in_the_docx(draft, unit_a, unit_b):
    overdue = entry(draft, unit_b.name, ITEM_1)
    assert overdue["kinds"] == ["overdue"] and overdue["person"] == "教育局赵经办"
    assert overdue["facts"].startswith("截至2026年9月30日，2026年3月31日、2026年6月30日、2026年9月30日到期的进展情况逾期未报送")
    assert overdue["requirement"].startswith("请立即补报")
    mixed = entry(draft, unit_a.name, ITEM_1)
    assert mixed["kinds"] == ["overdue", "not_started"] and mixed["person"] == ""  # no liaison: the office fills it
    assert DELAY_REASON in entry(draft, unit_b.name, ITEM_2)["facts"]
    assert draft.content["overall"]["total"] == 7 and draft.content["overall"]["overdue"] == 4
    assert [(row["rank"], row["unit"]) for row in draft.content["ranking"]] == [(1, unit_a.name), (2, unit_b.name)]

    content = bulletins.render_docx(draft)
    rows = docx_rows(content)
    assert ["序号", "事项名称", "责任单位", "责任人", "推进落实不力主要事实", "整改要求"] in rows
    named = [row for row in rows if row[2] == unit_b.name and ITEM_1 in row[1]]
    assert len(named) == 1 and named[0][3] == "教育局赵经办" and "逾期未报送" in named[0][4]
    assert ["1", unit_a.name, "3", "2", "0", "1", "33.3%"] in rows  # the ranking table
    text = docx_text(content)
    assert draft.title in text and "一、总体情况" in text and "推进落实不力的事项共3项" in text
    section = Document(io.BytesIO(content)).sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.1) and abs(section.page_height - Cm(29.7)) < Cm(0.1)
    assert AuditEntry.objects.filter(action="plan_bulletin_created", object_id=str(draft.pk)).exists()


def test_the_snapshot_stays_as_drafted_when_reports_come_in_later(draft, unit_b, clerk_b):
    from tests.plans.board_data import report

    report("1", unit_b, date(2026, 3, 31), clerk_b, "in_progress")
    draft.refresh_from_db()
    assert draft.content["overall"]["overdue"] == 4


def test_it_refuses_a_cutoff_that_is_not_a_due_date(reported, office_admin):
    with pytest.raises(ValidationError, match="不是本方案的报送截止日期"):
        bulletins.create_bulletin(reported, date(2026, 8, 1), actor=office_admin)


def test_the_office_edits_the_entries_and_the_docx_follows(draft, office_admin, unit_a, unit_b):
    edits = [dict(e) for e in draft.content["entries"]]
    for edit in edits:
        if edit["unit"] == unit_a.name:
            edit["person"] = "财政局钱科长"
        if ITEM_2 in edit["item"]:
            edit["included"] = False
    bulletin = bulletins.update_content(draft, {
        "title": "关于2026年政务公开工作要点落实情况的通报", "doc_number": "示府办函[2026]第08号",
        "summary": "总体推进有序。", "entries": edits,
    }, actor=office_admin)
    assert bulletin.doc_number == "示府办函〔2026〕8号"
    rows = docx_rows(bulletins.render_docx(bulletin))
    assert any(row[2] == unit_a.name and row[3] == "财政局钱科长" for row in rows)
    assert not any(ITEM_2 in cell for row in rows for cell in row)
    text = docx_text(bulletins.render_docx(bulletin))
    assert "示府办函〔2026〕8号" in text and "总体推进有序。" in text and "推进落实不力的事项共2项" in text
    assert AuditEntry.objects.filter(action="plan_bulletin_edited").count() == 1


@pytest.mark.parametrize(("data", "message"), [
    ({"doc_number": "八号文"}, "文号"),
    ({"title": "  "}, "请填写通报标题"),
    ({"entries": []}, "数量与草稿不一致"),
])
def test_it_refuses_edits_that_do_not_fit(draft, office_admin, data, message):
    with pytest.raises(ValidationError, match=message):
        bulletins.update_content(draft, data, actor=office_admin)


def test_a_word_edited_version_replaces_the_generated_one(draft, office_admin):
    document = Document(io.BytesIO(bulletins.render_docx(draft)))
    document.add_paragraph("经主任审定，在 Word 中补充的一段。")
    buffer = io.BytesIO()
    document.save(buffer)
    bulletins.replace_document(draft, "督查通报（审定稿）.docx", buffer.getvalue(), actor=office_admin)
    draft.refresh_from_db()
    assert "在 Word 中补充的一段" in docx_text(bulletins.document_bytes(draft))
    bulletins.discard_document(draft, actor=office_admin)
    draft.refresh_from_db()
    assert not draft.document and "在 Word 中补充的一段" not in docx_text(bulletins.document_bytes(draft))


def broken_docx() -> bytes:
    """A Word package whose main part is not XML: it passes the upload check, not python-docx."""
    blank = io.BytesIO()
    Document().save(blank)
    buffer = io.BytesIO()
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            part = source.read(info) if info.filename != "word/document.xml" else "这不是 XML".encode()
            archive.writestr(info.filename, part)
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("说明.txt", "不是 Word")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("通报.docx", broken_docx(), "无法作为 Word 文档打开"),
    ("通报.docx", plain_zip(), "实际内容是 ZIP 压缩包"),
    ("通报.docx", b"\x00\x01not a zip at all" * 10, "通报.docx"),
    ("通报.pdf", b"%PDF-1.4\n%%EOF\n", "不是 Word 文档"),
    ("通报.docx", b"", "空文件"),
])
def test_a_malformed_upload_is_refused_in_chinese_and_changes_nothing(draft, office_admin, name, content, message):
    audited = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match=message):
        bulletins.replace_document(draft, name, content, actor=office_admin)
    draft.refresh_from_db()
    assert not draft.document and AuditEntry.objects.count() == audited


def test_the_upload_page_shows_the_refusal(draft, office_admin, login):
    upload = SimpleUploadedFile("通报.docx", broken_docx())
    response = login(office_admin).post(reverse("plans:bulletin_upload", args=[draft.pk]), {"document": upload}, follow=True)
    assert "无法作为 Word 文档打开" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.document


def test_it_issues_and_publishes_the_bulletin_as_a_record_with_an_audit_trail(draft, office_admin, office_catalog):
    office_unit = office_catalog
    bulletin = bulletins.issue_bulletin(draft, actor=office_admin, publish_as_record=True)
    assert bulletin.status == "issued" and bulletin.issued_at and bulletin.document
    record = bulletin.record
    assert record.status == RecordStatus.PUBLISHED and record.unit == office_unit and record.index_number
    assert [column.name for column in record.columns.all()] == ["通知公告"]
    attachment = record.attachments.get()
    assert attachment.name.endswith(".docx") and unit_named_in(attachment.file.read())
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"plan_bulletin_issued", "record_created", "record_published"} <= actions
    with pytest.raises(ValidationError, match="已印发"):
        bulletins.update_content(bulletin, {"title": "改"}, actor=office_admin)
    with pytest.raises(ValidationError, match="已印发"):
        bulletins.issue_bulletin(bulletin, actor=office_admin)


def unit_named_in(content: bytes) -> bool:
    return any(row[2] == "示范市教育局" and ITEM_1 in row[1] for row in docx_rows(content))


def test_it_issues_without_publishing_and_keeps_the_uploaded_version(draft, office_admin):
    document = Document(io.BytesIO(bulletins.render_docx(draft)))
    document.add_paragraph("审定稿")
    buffer = io.BytesIO()
    document.save(buffer)
    bulletins.replace_document(draft, "审定稿.docx", buffer.getvalue(), actor=office_admin)
    bulletin = bulletins.issue_bulletin(draft, actor=office_admin)
    assert bulletin.record is None and "审定稿" in docx_text(bulletins.document_bytes(bulletin))


def test_a_refused_publication_leaves_the_bulletin_a_draft(draft, office_admin):
    # the office's unit has no catalog: nowhere to publish
    with pytest.raises(ValidationError, match="请选择发布栏目"):
        bulletins.issue_bulletin(draft, actor=office_admin, publish_as_record=True)
    draft.refresh_from_db()
    assert draft.status == "draft" and not draft.document and draft.record is None


def test_unit_users_are_refused_every_step(draft, clerk_a, reported, login):
    for call in (
        lambda: bulletins.create_bulletin(reported, CUTOFF, actor=clerk_a),
        lambda: bulletins.update_content(draft, {"title": "改"}, actor=clerk_a),
        lambda: bulletins.replace_document(draft, "a.docx", bulletins.render_docx(draft), actor=clerk_a),
        lambda: bulletins.issue_bulletin(draft, actor=clerk_a),
    ):
        with pytest.raises(PermissionDenied, match="公开办管理员"):
            call()
    client = login(clerk_a)
    assert client.get(reverse("plans:bulletins", args=[reported.pk])).status_code == 403
    assert client.post(reverse("plans:bulletins", args=[reported.pk]), {"cutoff": "2026-09-30"}).status_code == 403
    for name in ("plans:bulletin", "plans:bulletin_docx"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == 403
    for name in ("plans:bulletin_upload", "plans:bulletin_discard", "plans:bulletin_issue"):
        assert client.post(reverse(name, args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft" and Bulletin.objects.count() == 1


def test_the_office_drafts_edits_downloads_and_issues_in_the_console(reported, office_admin, office_catalog, login):
    office_unit = office_catalog
    client = login(office_admin)
    response = client.post(reverse("plans:bulletins", args=[reported.pk]), {"cutoff": "2026-09-30"})
    bulletin = Bulletin.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:bulletin", args=[bulletin.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200 and "推进落实不力的事项（3）" in page.content.decode()
    entries = bulletin.content["entries"]
    data = {"title": bulletin.title, "doc_number": "", "issuer": "示范市人民政府办公室", "summary": "总体情况。",
            "closing": "有关要求。", "entries-TOTAL_FORMS": str(len(entries)), "entries-INITIAL_FORMS": str(len(entries))}
    for index, e in enumerate(entries):
        data.update({f"entries-{index}-{name}": e[name] for name in ("item", "unit", "person", "facts", "requirement")})
        data[f"entries-{index}-included"] = "on"
    data["entries-0-person"] = "财政局钱科长"
    assert client.post(response["Location"], data).status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.content["entries"][0]["person"] == "财政局钱科长"
    download = client.get(reverse("plans:bulletin_docx", args=[bulletin.pk]))
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert any(row[3] == "财政局钱科长" for row in docx_rows(download.content))
    column = Column.objects.get(unit=office_unit, name="工作动态")
    issued = client.post(reverse("plans:bulletin_issue", args=[bulletin.pk]),
                         {"publish_as_record": "on", "column": column.pk}, follow=True)
    assert "通报已印发，并已作为政府信息公开" in issued.content.decode()
    bulletin.refresh_from_db()
    assert bulletin.status == "issued" and list(bulletin.record.columns.all()) == [column]
    listing = client.get(reverse("plans:bulletins", args=[reported.pk])).content.decode()
    assert "已印发" in listing and "已公开" in listing


def test_a_long_bulletin_is_edited_page_by_page(plan_000, admin_zq, login, monkeypatch):
    """Seed 000 with nothing reported: every assignment is overdue; one page of the form stays
    well under Django's 1,000 fields."""
    freeze_today(monkeypatch)
    bulletin = bulletins.create_bulletin(plan_000, date(2016, 12, 31), actor=admin_zq)
    entries = bulletin.content["entries"]
    assert len(entries) > 100 and all(e["kinds"] == ["overdue"] for e in entries)
    client = login(admin_zq)
    url = reverse("plans:bulletin", args=[bulletin.pk])
    page = client.get(url, {"page": 2})
    assert page.context["entries"].total_form_count() == 40 and "第 41 项" in page.content.decode()
    data = {"title": bulletin.title, "doc_number": "", "issuer": "", "summary": "", "closing": "",
            "entries-TOTAL_FORMS": "40", "entries-INITIAL_FORMS": "40"}
    for index, e in enumerate(entries[40:80]):
        data.update({f"entries-{index}-{name}": e[name] for name in ("item", "unit", "person", "facts", "requirement")})
        data[f"entries-{index}-included"] = "on"
    data["entries-0-person"] = "第四十一项责任人"
    data["entries-1-included"] = ""
    response = client.post(f"{url}?page=2", data)
    assert response.status_code == 302 and response["Location"].endswith("?page=2")
    bulletin.refresh_from_db()
    edited = bulletin.content["entries"]
    assert edited[40]["person"] == "第四十一项责任人" and edited[41]["included"] is False
    assert edited[0] == entries[0] and len(edited) == len(entries)
