"""The office's lists that staff would otherwise retype — users, units, letter templates, plans,
gazettes — as .xlsx (and .csv) from the list page: what its filters show, scoped like the page,
a cell typed as a formula kept as text, and each download in the audit log."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from gongkai.audit.models import AuditEntry
from tests.plans.conftest import small_plan, unit_c  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","点击")'


def _sheet(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return book.active


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _exports(list_name):
    return AuditEntry.objects.filter(action="list_exported", after__list=list_name)


def test_the_user_list_exports_what_its_filters_show_with_formulas_as_text(
    office_admin, clerk_a, clerk_b, unit_a, login
):
    clerk_a.full_name = FORMULA
    clerk_a.phone = "13800000001"
    clerk_a.save()
    client = login(office_admin)
    sheet = _sheet(client.get("/console/users/?format=xlsx"))
    rows = _rows(sheet)
    assert rows[0][:5] == ["用户名", "姓名", "单位", "角色", "状态"]
    names = {row[0] for row in rows[1:]}
    assert {office_admin.username, clerk_a.username, clerk_b.username} <= names
    mine = next(row for row in rows[1:] if row[0] == clerk_a.username)
    assert mine[2] == "示范市财政局" and mine[3] == "单位经办人" and mine[5] == "13800000001"
    cell = next(c for c in sheet.iter_rows(min_col=2, max_col=2) if c[0].value and "HYPERLINK" in str(c[0].value))[0]
    assert cell.data_type == "s"  # text, never a formula the spreadsheet would run
    only_a = _rows(_sheet(client.get(f"/console/users/?unit={unit_a.pk}&format=xlsx")))
    assert {row[2] for row in only_a[1:]} == {"示范市财政局"} and clerk_b.username not in {r[0] for r in only_a}
    clerk_b.is_active = False
    clerk_b.save()
    disabled = _rows(_sheet(client.get("/console/users/?active=0&format=xlsx")))
    assert [row[0] for row in disabled[1:]] == [clerk_b.username]
    page = client.get(f"/console/users/?unit={unit_a.pk}").content.decode()
    assert f"unit={unit_a.pk}&amp;format=xlsx" in page
    entry = _exports("用户").order_by("pk").last()
    assert entry.actor == office_admin and entry.after["filters"] == {"unit": None, "active": "0"}
    assert _exports("用户").count() == 3


def test_the_user_list_and_its_export_are_the_offices_only(clerk_a, login):
    client = login(clerk_a)
    assert client.get("/console/users/?format=xlsx").status_code == 403
    assert client.get("/console/users/?format=csv").status_code == 403
    assert not _exports("用户").exists()


def test_a_bad_unit_filter_is_a_clear_400(office_admin, login):
    response = login(office_admin).get("/console/users/?unit=abc&format=xlsx")
    assert response.status_code == 400


def test_the_unit_registry_download_is_audited(office_admin, unit_a, login):
    response = login(office_admin).get("/console/units/export.xlsx")
    rows = _rows(load_workbook(io.BytesIO(response.content)).active)
    assert "示范市财政局" in {cell for row in rows for cell in row}
    assert _exports("单位名录").get().actor == office_admin


def test_the_letter_templates_export_every_kind_with_its_wording(office_admin, clerk_a, login):
    from gongkai.foi.models import LetterKind

    client = login(office_admin)
    rows = _rows(_sheet(client.get("/console/foi/templates/?format=xlsx")))
    assert rows[0] == ["文书", "标题", "正文", "修改时间"]
    assert [row[0] for row in rows[1:]] == [kind.label for kind in LetterKind]
    assert all(row[1] and row[2] for row in rows[1:]) and {row[3] for row in rows[1:]} == {"默认"}
    text = client.get("/console/foi/templates/?format=csv").getvalue().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[0] == ["文书", "标题", "正文", "修改时间"]
    assert _exports("文书模板").count() == 2
    assert login(clerk_a).get("/console/foi/templates/?format=xlsx").status_code == 403


def test_the_plan_list_exports_the_plans_the_user_sees(small_plan, office_admin, clerk_a, login):  # noqa: F811
    rows = _rows(_sheet(login(office_admin).get("/console/plans/?format=xlsx")))
    assert rows[0][:3] == ["年度", "方案", "发文机关"]
    (plan,) = rows[1:]
    assert plan[1] == small_plan.title and plan[5] == small_plan.items.count() and plan[6] == "已发布"
    seen_by_clerk = login(clerk_a)
    page = seen_by_clerk.get("/console/plans/").content.decode()
    exported = _rows(_sheet(seen_by_clerk.get("/console/plans/?format=xlsx")))
    assert small_plan.title in page and [row[1] for row in exported[1:]] == [small_plan.title]
    assert _exports("分工方案").count() == 2


def test_the_gazette_list_exports_every_issue_for_the_office_only(office_admin, clerk_a, login):
    from gongkai.records.models import Gazette

    Gazette.objects.create(title="示范市人民政府公报", year=2026, month=9, published_on=date(2026, 10, 8),
                           status="published")
    Gazette.objects.create(title="示范市人民政府公报", year=2026, month=10)
    rows = _rows(_sheet(login(office_admin).get("/console/records/gazette/?format=xlsx")))
    assert rows[0][0] == "期号"
    assert [(row[0], row[4], row[5], row[6]) for row in rows[1:]] == [
        ("2026年第10期", 0, "编辑中", None), ("2026年第9期", 0, "已出版", "2026-10-08")]
    assert login(clerk_a).get("/console/records/gazette/?format=xlsx").status_code == 403
