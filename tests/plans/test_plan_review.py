"""A parsed notice becomes a draft plan the office reviews, corrects, resolves and publishes."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document
from openpyxl import load_workbook

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit, UnitAlias
from gongkai.plans import services
from gongkai.plans.models import ItemUnit, Plan, PlanStatus

pytestmark = pytest.mark.django_db

PARSED = {
    "title": "肇庆市贯彻落实省府办公厅2016年政务公开工作要点分工方案",
    "issuer": "肇庆市人民政府办公室",
    "doc_number": "肇府办〔2016〕15号",
    "issued_on": "2016-06-22",
    "year": 2016,
    "items": [
        {"number": "1", "section": ["推进行政权力公开"], "text": "全面公开市县政府部门权力清单和责任清单。",
         "lead_units": ["市编办"], "units": ["市编办", "各县(市、区)政府", "肇庆高新区管委会"],
         "deadline": {"raw": "2016年12月底前", "date": "2016-12-31", "recurrence": None, "inherited": False}},
        {"number": "2", "section": ["推进行政权力公开"], "text": "推进权责清单动态调整。",
         "lead_units": ["市编办"], "units": ["市编办", "市宇宙局"],
         "deadline": {"raw": "持续推进", "date": None, "recurrence": "ongoing", "inherited": False}},
        {"number": "3", "section": ["推进财政资金信息公开"], "text": "细化部门预决算公开。",
         "lead_units": ["市财政局"], "units": ["市财政局", "各有关单位"],
         "deadline": {"raw": "持续推进", "date": None, "recurrence": "ongoing", "inherited": True}},
    ],
}


@pytest.fixture
def draft(zhaoqing, admin_zq):
    return services.create_plan(PARSED, issuer_unit=zhaoqing, source_name="000.txt", actor=admin_zq)


def test_it_imports_items_with_sections_and_deadlines(draft):
    assert draft.status == PlanStatus.DRAFT and draft.items.count() == 3
    assert draft.doc_number == "肇府办〔2016〕15号" and str(draft.issued_on) == "2016-06-22"
    first = draft.items.get(number="1")
    assert first.section.title == "推进行政权力公开" and str(first.deadline_date) == "2016-12-31"
    assert draft.items.get(number="3").deadline_inherited
    assert AuditEntry.objects.filter(action="plan_imported").exists()


def test_it_expands_group_phrases_to_units_at_import(draft):
    first = draft.items.get(number="1")
    names = set(first.units.values_list("name", flat=True))
    counties = {"端州区", "鼎湖区", "高要区", "四会市", "广宁县", "德庆县", "封开县", "怀集县"}
    assert {name + "人民政府" for name in counties} <= {n.removeprefix("肇庆市") for n in names}
    assert "肇庆市机构编制委员会办公室" in names and any("高新" in name for name in names)
    assert len(names) == 10
    assert ItemUnit.objects.get(item=first, unit__name__contains="编").role == "lead"


def test_it_keeps_last_years_plan_when_a_unit_is_added_later(draft, zhaoqing):
    first = draft.items.get(number="1")
    before = first.units.count()
    Unit.objects.create(key="zq-new", name="肇庆市新设县人民政府", kind="county_gov", parent=zhaoqing)
    assert draft.items.get(number="1").units.count() == before


def test_it_flags_an_unknown_phrase_and_refuses_to_publish(draft, admin_zq):
    second = draft.items.get(number="2")
    assert [entry["phrase"] for entry in second.unresolved] == ["市宇宙局"]
    with pytest.raises(ValidationError, match="1 处单位表述未识别"):
        services.publish_plan(draft, actor=admin_zq)


def test_it_remembers_how_the_office_resolved_a_phrase(draft, admin_zq, zhaoqing):
    science = Unit.objects.get(name="肇庆市科学技术局")
    assert services.resolve_phrase(draft, "市宇宙局", science, actor=admin_zq) == 0
    assert UnitAlias.objects.filter(alias="市宇宙局", unit=science).exists()
    assert draft.items.get(number="2").units.filter(pk=science.pk).exists()
    later = services.create_plan(PARSED, issuer_unit=zhaoqing, actor=admin_zq)
    assert later.items.get(number="2").unresolved == []  # remembered for the next import


def test_it_leaves_generic_phrases_unassigned_without_blocking(draft):
    third = draft.items.get(number="3")
    assert third.unresolved == [] and list(third.units.values_list("name", flat=True)) == ["肇庆市财政局"]


def test_it_publishes_once_everything_resolves(draft, admin_zq, client):
    assert client.get(f"/plans/{draft.pk}/").status_code == 404  # drafts are the office's
    services.update_item(draft.items.get(number="2"), {"units": "市编办"}, actor=admin_zq)
    services.publish_plan(draft, actor=admin_zq)
    page = client.get(f"/plans/{draft.pk}/").content.decode()
    for column in ("序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限"):
        assert f">{column}</th>" in page
    assert "全面公开市县政府部门权力清单和责任清单" in page and "2016年12月底前" in page
    assert "肇庆市贯彻落实" in client.get("/plans/").content.decode()


def test_it_corrects_a_cell_and_resolves_again(draft, admin_zq):
    item = draft.items.get(number="2")
    services.update_item(item, {"text": "推进权责清单动态调整，及时公开。", "lead_units": "市财政局", "units": "市编办"}, actor=admin_zq)
    item.refresh_from_db()
    assert item.lead_phrases == ["市财政局"] and item.unit_phrases == ["市财政局", "市编办"] and not item.unresolved
    assert ItemUnit.objects.get(item=item, role="lead").unit.name == "肇庆市财政局"
    entry = AuditEntry.objects.get(action="plan_item_corrected")
    assert entry.before["text"] == "推进权责清单动态调整。"


def test_it_keeps_plan_work_for_the_office(draft, clerk_zq, login):
    client = login(clerk_zq)
    for url in (f"/console/plans/{draft.pk}/", "/console/plans/import/", f"/console/plans/{draft.pk}/items/{draft.items.first().pk}/"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/console/plans/{draft.pk}/publish/").status_code == 403
    assert client.get(f"/plans/{draft.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.publish_plan(draft, actor=clerk_zq)
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.DRAFT


def test_it_reviews_and_edits_through_the_console(draft, admin_zq, login):
    client = login(admin_zq)
    page = client.get(f"/console/plans/{draft.pk}/").content.decode()
    assert "未识别的单位表述" in page and "市宇宙局" in page
    item = draft.items.get(number="1")
    response = client.post(f"/console/plans/{draft.pk}/items/{item.pk}/", {
        "number": "1", "task": "推进行政权力公开", "text": "全面公开权力清单。", "lead_units": "市编办",
        "units": "各县(市、区)政府", "deadline_raw": "2016年11月底前", "deadline_date": "2016-11-30", "recurrence": "",
    })
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "全面公开权力清单。" and str(item.deadline_date) == "2016-11-30"
    bad = client.post(f"/console/plans/{draft.pk}/items/{item.pk}/", {"text": "x", "deadline_date": "2016-02-30"})
    assert "请输入有效日期" in bad.content.decode()


def test_it_exports_an_official_docx_annex(draft, admin_zq):
    from gongkai.plans.exports import to_docx

    document = Document(io.BytesIO(to_docx(draft)))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    table = document.tables[0]
    header = table.rows[0]
    assert [cell.text for cell in header.cells] == ["序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限"]
    assert header._tr.trPr.xpath("./w:tblHeader")  # repeated on every page
    fonts = {run._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
             for run in table.rows[1].cells[2].paragraphs[0].runs}
    assert fonts == {"仿宋_GB2312"}
    assert table.rows[1].cells[2].text == "全面公开市县政府部门权力清单和责任清单。"


def test_an_item_text_with_control_characters_still_exports_to_docx(draft, admin_zq):
    """Text pasted from an old system may carry control characters, which python-docx refuses."""
    from gongkai.plans.exports import to_docx

    services.update_item(draft.items.get(number="1"), {"text": "全面公开\x0b权力清单\x01。"}, actor=admin_zq)
    document = Document(io.BytesIO(to_docx(draft)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "全面公开权力清单。" in cells


def test_it_exports_an_xlsx_laid_out_like_the_annex(draft, admin_zq, client):
    services.update_item(draft.items.get(number="2"), {"units": "市编办"}, actor=admin_zq)
    services.publish_plan(draft, actor=admin_zq)
    response = client.get(f"/plans/{draft.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]] == ["序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限"]
    assert sheet["C3"].value == "全面公开市县政府部门权力清单和责任清单。"
    assert "B3:B4" in {str(merged) for merged in sheet.merged_cells.ranges}


def test_it_reimports_its_own_xlsx_export_to_the_same_plan(draft, admin_zq, zhaoqing, tmp_path):
    from gongkai.plans.exports import to_xlsx
    from gongkai.plans.parsing import parse_path

    services.update_item(draft.items.get(number="2"), {"units": "市编办"}, actor=admin_zq)
    exported = tmp_path / "分工方案.xlsx"
    exported.write_bytes(to_xlsx(draft))
    again = services.create_plan(parse_path(exported, exported.name), issuer_unit=zhaoqing, actor=admin_zq)

    def fields(plan):
        return [(item.text, item.lead_phrases, item.unit_phrases, item.deadline_raw,
                 item.deadline_date, item.task) for item in plan.items.all()]

    assert fields(again) == fields(draft)
    assert again.title == draft.title


def test_the_review_page_shows_the_lines_left_out_among_the_items(zhaoqing, admin_zq, login):
    from gongkai.rules.planparse import parse_text, to_json

    notice = (
        "肇庆市2019年政务公开工作要点\n"
        "一、总体要求\n"
        "以习近平新时代中国特色社会主义思想为指导，推进政务公开。\n"
        "二、重点任务\n"
        "1.公开部门预决算。(市财政局负责)\n"
        "此段文字不属于任何一项任务。\n"
        "序号 | 具体要求 | 责任单位 | 责任领导 |\n"
        "1 | 公开权责清单。 | 市编办 | 张明 |\n"
    )
    plan = services.create_plan(to_json(parse_text(notice)), issuer_unit=zhaoqing, actor=admin_zq)
    assert [entry["line"] for entry in plan.unread] == [2, 6]
    assert plan.items.get(text="公开权责清单。").notes == ["责任领导：张明"]
    page = login(admin_zq).get(f"/console/plans/{plan.pk}/").content.decode()
    lines = [page.index(text) for text in ("原文第2行", "公开部门预决算。", "原文第6行", "公开权责清单。")]
    assert lines == sorted(lines)  # each left-out line where it stands in the notice
    assert "责任领导：张明" in page and "另有 2 行原文未导入为任务" in page


def test_the_office_sees_each_items_schedule_rule_and_chooses_the_default_cadence(
    draft, admin_zq, login
):
    page = login(admin_zq).get(f"/console/plans/{draft.pk}/").content.decode()
    assert "报送：按完成时限" in page and "报送：按周期：持续推进" in page
    assert '<option value="quarterly"' in page and "原文没有完成时限的事项" in page
    with pytest.raises(ValidationError):
        services.publish_plan(draft, actor=admin_zq, cadence="fortnightly")


def test_a_plan_whose_notice_states_no_year_is_asked_for_it_never_guessed(
    zhaoqing, admin_zq, login
):
    from gongkai.rules.planparse import parse_text, to_json

    parsed = to_json(parse_text("序号 | 具体要求 | 责任单位 | 完成时限 |\n1 | 公开预算。 | 市财政局 | 6月底前 |\n"))
    assert parsed["year"] is None
    plan = services.create_plan(parsed, issuer_unit=zhaoqing, actor=admin_zq)
    assert plan.year is None and plan.items.get().deadline_date is None
    with pytest.raises(ValidationError, match="请先在审核页填写年度"):
        services.publish_plan(plan, actor=admin_zq)
    client = login(admin_zq)
    assert "通知没有写明年度，请填写" in client.get(f"/console/plans/{plan.pk}/").content.decode()
    client.post(f"/console/plans/{plan.pk}/year/", {"year": "2024"})
    plan.refresh_from_db()
    assert plan.year == 2024 and str(plan.items.get().deadline_date) == "2024-06-30"
    assert AuditEntry.objects.filter(action="plan_year_set").exists()
    refused = client.post(f"/console/plans/{plan.pk}/year/", {"year": "二〇二四"}, follow=True)
    assert "请填写四位数的年度" in refused.content.decode()
