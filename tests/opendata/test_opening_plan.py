"""The yearly opening plan: each unit's planned data sets, progress by the working calendar, the
office's view of who is late, the .xlsx; a unit sees and changes only its own entries."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from gongkai.opendata import services
from gongkai.opendata.models import PlanEntry
from gongkai.opendata.services import PlanEntryData

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(unit_a, unit_b, published, draft_b):
    """Today is 2026-09-28. A's entry opened on time; B's entry is late; B's other is ahead."""
    from gongkai.orgs.policy import SYSTEM

    return [
        services.add_plan_entry(unit_a, PlanEntryData(2026, "学校名录", "education", date(2026, 9, 30), published), actor=SYSTEM),
        services.add_plan_entry(unit_b, PlanEntryData(2026, "招生计划", "education", date(2026, 6, 30), draft_b), actor=SYSTEM),
        services.add_plan_entry(unit_b, PlanEntryData(2026, "校车线路", "education", date(2026, 12, 15)), actor=SYSTEM),
    ]


def test_the_office_sees_who_is_late(login, office_admin, plan):
    page = login(office_admin).get("/console/opendata/plan/", {"year": 2026})
    assert page.status_code == 200
    units = [(row.name, row.tally.planned, row.tally.opened, row.tally.late) for row in page.context["units"]]
    assert units == [("示范市教育局", 2, 0, 1), ("示范市财政局", 1, 1, 0)]
    standings = {row.entry.title: row.label for row in page.context["rows"]}
    assert standings == {"学校名录": "按期开放", "招生计划": "逾期未开放", "校车线路": "未到期"}


def test_it_exports_the_plan_with_its_progress_as_xlsx(login, office_admin, plan):
    response = login(office_admin).get("/console/opendata/plan/export.xlsx", {"year": 2026})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("责任单位", "计划开放的数据集", "主题分类", "计划开放日期")
    assert [(row[0], row[1], row[7]) for row in rows[1:]] == [
        ("示范市财政局", "学校名录", "按期开放"), ("示范市教育局", "招生计划", "逾期未开放"), ("示范市教育局", "校车线路", "未到期"),
    ]


def test_a_clerk_plans_for_their_own_unit_only(login, clerk_a, unit_b, plan):
    client = login(clerk_a)
    page = client.get("/console/opendata/plan/", {"year": 2026})
    assert [row.entry.title for row in page.context["rows"]] == ["学校名录"]
    response = client.post("/console/opendata/plan/?year=2026", {
        "title": "预算支出", "theme": "finance", "planned_on": "2026-11-30", "unit": unit_b.pk,
    })
    assert response.status_code == 302
    added = PlanEntry.objects.get(title="预算支出")
    assert added.unit_id == clerk_a.unit_id  # the unit field is not theirs to choose
    theirs = plan[1]
    assert client.post(f"/console/opendata/plan/entries/{theirs.pk}/remove/").status_code == 404
    assert PlanEntry.objects.filter(pk=theirs.pk).exists()


def test_it_refuses_a_planned_date_outside_the_year(login, clerk_a, plan):
    response = login(clerk_a).post("/console/opendata/plan/?year=2026", {"title": "x", "theme": "finance", "planned_on": "2027-01-05"})
    assert response.status_code == 400
    assert "计划开放日期应在 2026 年内" in response.content.decode()
    assert not PlanEntry.objects.filter(title="x").exists()


def test_linking_the_published_data_set_opens_the_entry(login, clerk_a, published, unit_a):
    from gongkai.orgs.policy import SYSTEM

    entry = services.add_plan_entry(unit_a, PlanEntryData(2026, "学校名录", "education", date(2026, 3, 31)), actor=SYSTEM)
    client = login(clerk_a)
    client.post(f"/console/opendata/plan/entries/{entry.pk}/dataset/", {"dataset": published.pk})
    [row] = client.get("/console/opendata/plan/", {"year": 2026}).context["rows"]
    assert row.label == "逾期开放"  # published 2026-09-28, planned for 31 March


def test_an_entry_is_changed_in_place_by_its_unit_with_the_old_date_in_the_audit_log(login, clerk_a, plan):
    from gongkai.audit.models import AuditEntry

    ours, theirs = plan[0], plan[1]
    client = login(clerk_a)
    page = client.get(f"/console/opendata/plan/entries/{ours.pk}/").content.decode()
    assert 'value="学校名录"' in page and 'value="2026-09-30"' in page and 'name="unit"' not in page
    refused = client.post(f"/console/opendata/plan/entries/{ours.pk}/", {
        "title": "学校名录", "theme": "education", "planned_on": "2027-02-01",
    })
    assert refused.status_code == 400 and "计划开放日期应在 2026 年内" in refused.content.decode()
    moved = client.post(f"/console/opendata/plan/entries/{ours.pk}/", {
        "title": "中小学校名录", "theme": "education", "planned_on": "2026-11-30", "note": "新增民办学校",
    })
    assert moved.status_code == 302
    ours.refresh_from_db()
    assert (ours.title, ours.planned_on, ours.note, ours.dataset) == ("中小学校名录", date(2026, 11, 30), "新增民办学校", None)
    change = AuditEntry.objects.get(action="opendata_plan_entry_changed")
    assert change.before["planned_on"] == "2026-09-30" and change.after["planned_on"] == "2026-11-30"
    assert client.get(f"/console/opendata/plan/entries/{theirs.pk}/").status_code == 404
    assert client.post(f"/console/opendata/plan/entries/{theirs.pk}/", {
        "title": "x", "theme": "education", "planned_on": "2026-10-01",
    }).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "招生计划"
