"""The platform's own data as data sets: records per month per unit and plan progress, generated
from the database at the moment of the download."""

from __future__ import annotations

import csv
import io

import pytest

from gongkai.opendata import services
from tests.plans.conftest import small_plan, unit_c  # noqa: F401 (fixtures)
from tests.records.conftest import columns_a, make_draft, publish  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def _published(make_dataset, unit, clerk, reviewer, source):
    dataset = make_dataset(unit, clerk, title=source, source=source, theme="government")
    services.submit_dataset(dataset, actor=clerk)
    return services.publish_dataset(dataset, actor=reviewer)


def _csv(client, url):
    return list(csv.reader(io.StringIO(b"".join(client.get(url).streaming_content).decode("utf-8-sig"))))


def test_records_per_month_counts_the_published_records_as_of_the_download(
    client, make_dataset, unit_a, clerk_a, reviewer_a, make_draft, publish,  # noqa: F811
):
    dataset = _published(make_dataset, unit_a, clerk_a, reviewer_a, "records_monthly")
    url = f"/data/{dataset.slug}/records-monthly.csv"
    assert _csv(client, url) == [["月份", "单位", "主动公开信息条数"]]
    first = publish(make_draft(title="一"))
    publish(make_draft(title="二"))
    make_draft(title="草稿不计")
    assert _csv(client, url)[1:] == [[first.published_on.strftime("%Y-%m"), "示范市财政局", "2"]]


def test_plan_progress_lists_each_units_slots_of_the_published_plans(
    client, make_dataset, unit_a, clerk_a, reviewer_a, small_plan,  # noqa: F811
):
    dataset = _published(make_dataset, unit_a, clerk_a, reviewer_a, "plan_progress")
    rows = _csv(client, f"/data/{dataset.slug}/plan-progress.csv")
    assert rows[0] == ["分工方案", "单位", "应报送", "已报送", "已验收", "已完成", "逾期未报", "完成率（%）"]
    assert all(row[0] == small_plan.title for row in rows[1:])
