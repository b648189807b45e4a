"""The office dashboard: completion by unit, by section and by due date, overdue items by unit,
charts, filters and the .xlsx export; nobody but the office sees it."""

from __future__ import annotations

import io
from datetime import date
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.orgs.policy import SYSTEM
from gongkai.plans import board, progress, services
from gongkai.plans.models import Assignment, Period, ProgressReport, Section
from gongkai.rules.board import Tally
from gongkai.rules.progress import Standing, standing
from tests.plans.board_data import CUTOFF, TODAY, freeze_today, make_reports, report

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def reported(small_plan, unit_a, unit_b, clerk_a, clerk_b, monkeypatch):
    freeze_today(monkeypatch)
    make_reports(unit_a, unit_b, clerk_a, clerk_b)
    return small_plan


def scope(plan, **kwargs):
    return board.Scope(plan=plan, cutoff=kwargs.pop("cutoff", CUTOFF), today=TODAY, **kwargs)


def test_it_counts_each_units_periods_due_by_the_cutoff(reported, unit_a, unit_b):
    rows = {row.name: row.tally for row in board.by_unit(scope(reported))}
    assert rows == {
        unit_a.name: Tally(total=3, handed_in=2, accepted=0, done=0, advanced=1, overdue=1),
        unit_b.name: Tally(total=4, handed_in=1, accepted=1, done=0, advanced=0, overdue=3),
    }  # 公安局's event item has no date yet: nothing due


def test_it_counts_by_section_and_by_due_date(reported):
    sections = {row.name: row.tally.total for row in board.by_section(scope(reported), board.sections(reported))}
    assert sections == {"推进财政信息公开": 6, "推进教育信息公开": 1}
    trend = [(row.key, row.tally.total, row.tally.handed_in) for row in board.trend(scope(reported))]
    assert trend == [(date(2026, 3, 31), 2, 1), (date(2026, 6, 30), 2, 1), (date(2026, 9, 30), 3, 1)]


def test_a_later_cutoff_counts_periods_not_yet_due_without_calling_them_overdue(reported, unit_a):
    rows = {row.key: row.tally for row in board.by_unit(scope(reported, cutoff=date(2026, 12, 31)))}
    assert rows[unit_a.pk].total == 4 and rows[unit_a.pk].overdue == 1


def test_the_standing_filter_agrees_with_the_pure_rule(reported, unit_b, unit_c, clerk_b, clerk_c):
    returned = report("1", unit_b, date(2026, 3, 31), clerk_b, "in_progress")
    progress.return_report(returned, "请补充佐证材料。", actor=SYSTEM)
    cooperating = Assignment.objects.get(item__number="1", unit=unit_b)
    progress.save_report(cooperating, Period.objects.get(item__number="1", due_on=date(2026, 12, 31)),
                         {"status": "in_progress", "text": "草稿"}, actor=clerk_b)
    event = Assignment.objects.get(item__number="3", unit=unit_c)
    progress.save_report(event, event.item.periods.get(), {"status": "in_progress", "text": "草稿"}, actor=clerk_c)
    states = {(r.assignment_id, r.period_id): r.state for r in ProgressReport.objects.all()}
    for issued_on in (date(2026, 3, 2), date(2026, 4, 15)):  # issued in April, the March periods are never overdue
        reported.issued_on = issued_on
        reported.save(update_fields=["issued_on"])
        expected: dict[Standing, set] = {value: set() for value in Standing}
        for assignment in Assignment.objects.filter(plan=reported):
            for period in assignment.item.periods.all():
                key = (assignment.pk, period.pk)
                expected[standing(period.due_on, states.get(key), TODAY, reported.given_on)].add(key)
        wide = scope(reported, cutoff=date(2026, 12, 31))
        for value in Standing:
            found = {(row["assignment_id"], row["period_id"]) for row in board.in_standing(wide, value)}
            assert found == expected[value], (issued_on, value)
        assert expected[Standing.UNDATED]
    assert expected[Standing.RETURNED]  # returned in March, before the April issue: to correct, not late


def test_the_office_sees_the_dashboard_with_charts_and_overdue_items_by_unit(reported, office_admin, login, unit_b):
    page = login(office_admin).get(reverse("plans:dashboard", args=[reported.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'role="img"' in html and "<title id=\"unit-completion-title\">各单位完成率</title>" in html
    assert 'id="period-trend"' in html and "<script" not in html.split("<main", 1)[1]
    assert " style=" not in html  # the CSP allows no inline style
    for chart in ("unit_chart", "trend_chart"):
        svg = ElementTree.fromstring(str(page.context[chart]))  # well-formed, with its title and description
        assert svg.get("role") == "img" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    assert len(ElementTree.fromstring(str(page.context["unit_chart"])).findall(f".//{SVG}rect")) == 2
    assert "统计截止 2026年9月30日" in html
    listed = page.context["listed"]
    assert len(listed) == page.context["listed_count"] == 4
    assert {row["unit__name"] for row in listed} == {"示范市财政局", unit_b.name}
    assert "逾期 15 天" in html and "细化部门预决算公开" in html
    assert page.context["overall"] == Tally(total=7, handed_in=3, accepted=1, done=0, advanced=1, overdue=4)


def test_it_filters_by_unit_section_cutoff_and_standing(reported, office_admin, login, unit_a, unit_b):
    client = login(office_admin)
    url = reverse("plans:dashboard", args=[reported.pk])
    page = client.get(url, {"unit": unit_b.pk})
    assert [row.name for row in page.context["units"]] == [unit_b.name]
    education = Section.objects.get(plan=reported, title="推进教育信息公开")
    page = client.get(url, {"section": education.pk, "standing": "accepted"})
    assert [row["item__number"] for row in page.context["listed"]] == ["2"]
    assert page.context["overall"].total == 1
    page = client.get(url, {"cutoff": "2026-06-30", "standing": "submitted"})
    assert page.context["scope"].cutoff == date(2026, 6, 30)
    assert [(row["unit__name"], row["due_on"]) for row in page.context["listed"]] == [
        (unit_a.name, date(2026, 3, 31)), (unit_a.name, date(2026, 6, 30)),
    ]


def test_a_value_that_does_not_fit_is_ignored_with_a_message(reported, office_admin, login):
    page = login(office_admin).get(reverse("plans:dashboard", args=[reported.pk]), {"cutoff": "2030-01-01"})
    assert page.status_code == 200 and page.context["scope"].cutoff == CUTOFF
    assert page.context["form"].errors["cutoff"]


def test_choosing_another_plan_opens_its_dashboard(reported, office_admin, login, city):
    from tests.plans.conftest import SMALL_PLAN

    other = services.publish_plan(
        services.create_plan({**SMALL_PLAN, "title": "另一方案"}, issuer_unit=city, actor=SYSTEM), actor=SYSTEM
    )
    response = login(office_admin).get(reverse("plans:dashboard", args=[reported.pk]), {"plan": other.pk})
    assert response.status_code == 302 and response["Location"] == reverse("plans:dashboard", args=[other.pk])


def test_the_xlsx_has_units_sections_and_every_overdue_item(reported, office_admin, login, unit_b):
    response = login(office_admin).get(reverse("plans:dashboard_xlsx", args=[reported.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["按单位", "按分项", "逾期事项"]
    units = list(book["按单位"].iter_rows(values_only=True))
    assert units[0][:3] == ("单位", "应报送", "已报送")
    assert units[2][:4] == ("示范市教育局", 4, 1, 25.0)
    assert [row[0] for row in book["按分项"].iter_rows(min_row=2, values_only=True)] == ["推进财政信息公开", "推进教育信息公开"]
    overdue = list(book["逾期事项"].iter_rows(min_row=2, values_only=True))
    assert len(overdue) == 4 and sum(1 for row in overdue if row[0] == unit_b.name) == 3
    assert all(row[4] == "细化部门预决算公开，按经济分类公开到款级科目。" for row in overdue)


def test_the_plan_list_links_the_dashboard(reported, office_admin, login):
    html = login(office_admin).get(reverse("plans:console_list")).content.decode()
    assert reverse("plans:dashboard", args=[reported.pk]) in html


def test_nobody_but_the_office_sees_it(reported, clerk_a, login, client, city):
    for name in ("plans:dashboard", "plans:dashboard_xlsx"):
        url = reverse(name, args=[reported.pk])
        assert login(clerk_a).get(url).status_code == 403
    client.logout()
    assert client.get(reverse("plans:dashboard", args=[reported.pk])).status_code == 302  # to the login


def test_a_draft_plan_has_no_dashboard(small_plan, office_admin, login, city):
    from tests.plans.conftest import SMALL_PLAN

    draft = services.create_plan({**SMALL_PLAN, "title": "草稿方案"}, issuer_unit=city, actor=SYSTEM)
    assert login(office_admin).get(reverse("plans:dashboard", args=[draft.pk])).status_code == 404
