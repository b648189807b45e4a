"""The demo's open data: an uploaded table and the platform's own data published, a draft, and
the demo year's plan with a late unit; loaded once."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_opendata(db):
    from gongkai.console.demo import DEMO_UNITS
    from gongkai.opendata.demo import load_demo_opendata
    from gongkai.orgs.registry import load_registry_data

    load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))
    assert load_demo_opendata() == 3
    assert load_demo_opendata() == 0  # a second run changes nothing


def test_it_publishes_an_uploaded_table_and_the_platforms_own_data(demo_opendata, client):
    from gongkai.opendata.models import Dataset

    catalog = client.get("/data/").content.decode()
    assert "市级部门预算支出公开情况" in catalog and "各单位每月主动公开政府信息条数" in catalog
    assert "全市中小学校名录" not in catalog  # 教育局's draft
    budget = Dataset.objects.get(title="市级部门预算支出公开情况")
    document = json.loads(b"".join(client.get(f"/data/{budget.slug}/data.json").streaming_content))
    assert len(document["rows"]) == 5 and document["columns"][0] == "部门"
    monthly = Dataset.objects.get(title="各单位每月主动公开政府信息条数")
    assert client.get(f"/data/{monthly.slug}/records-monthly.csv").status_code == 200


def test_the_demo_plan_shows_the_office_a_late_unit(demo_opendata, client):
    from gongkai.opendata import progress
    from gongkai.opendata.models import PlanEntry
    from gongkai.orgs.models import Unit

    year = PlanEntry.objects.first().year
    rows = progress.entry_rows(PlanEntry.objects.filter(year=year), progress.date(year, 12, 31))
    first = progress.unit_rows(rows)[0]
    assert (first.name, first.tally.late) == ("肇庆市教育局", 2)
    assert Unit.objects.get(name="肇庆市教育局").opening_plan.count() == 2
