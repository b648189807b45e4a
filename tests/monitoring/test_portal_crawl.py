"""The platform's own demo portal, served by the live test server on 127.0.0.1 and crawled as the
worker crawls it: no broken internal link, no column whose items carry no date, and the stale and
blank findings exactly where the demo data leaves columns stale or blank (worked out here from
the database, independently of the crawler)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import Count, Max
from django.utils import timezone

from gongkai.monitoring import services
from gongkai.monitoring.models import RunStatus
from gongkai.records import catalog
from gongkai.records.models import Column
from gongkai.records.public import public_records
from gongkai.rules.monitoring.columns import ColumnClass, months_before

KEEP_UNITS = 5  # the catalogs of the units publishing most, so that the crawl stays short


@pytest.fixture
def demo_portal(transactional_db, settings, tmp_path, live_server):
    from gongkai.console.demo import load_demo

    settings.VAR_DIR = tmp_path
    settings.GONGKAI_SITE_URL = live_server.url
    load_demo()
    busiest = (public_records().values("unit_id").annotate(n=Count("pk")).order_by("-n", "unit_id")
               .values_list("unit_id", flat=True)[:KEEP_UNITS])
    Column.objects.exclude(unit_id__in=list(busiest)).delete()
    site = services.ensure_portal_site()
    site.rate = 0
    # The live server shares the test's one in-memory SQLite connection between its threads, so
    # requests that write (a public form's page opens a session) must come one at a time here; the
    # crawler's concurrency is tested against a fixture site (tests/monitoring/test_crawl_fixture_site.py).
    site.concurrency = 1
    site.timeout = 30
    site.max_pages = 5000
    site.save()
    return site


def _expected(site, today):
    """Per registered column: (blank, stale) from the records the database holds."""
    expected = {}
    records = public_records()
    for column in site.columns.select_related("catalog_column"):
        ids = catalog.descendant_ids(column.catalog_column)
        listed = records.filter(columns__in=ids)
        last = listed.aggregate(last=Max("published_on"))["last"]
        column_class = ColumnClass(column.column_class)
        if column_class is ColumnClass.NEWS:
            stale = last is not None and last < today - timedelta(days=14)
        elif column_class is ColumnClass.NOTICE:
            stale = last is not None and last < months_before(today, 6)
        else:
            stale = False
        expected[column.url] = (last is None, stale)
    return expected


def test_the_demo_portal_crawled(demo_portal) -> None:
    today = timezone.localdate()
    run = services.run_crawl(demo_portal, today)
    assert run.status == RunStatus.DONE
    findings = list(run.findings.all())
    assert not [f for f in findings if f.indicator == "链接不可用" and f.evidence.get("internal")]
    assert not [f for f in findings if f.indicator == "未注明发布时间"]
    columns = run.result["columns"]
    expected = _expected(demo_portal, today)
    assert {column["url"] for column in columns} == set(expected)  # every registered column reached
    assert [c for c in columns if c["items"] and c["last_date"] is None] == []  # no column without dates
    blank = {f.evidence["column"] for f in findings if f.indicator == "空白栏目"}
    stale = {f.evidence["column"] for f in findings if f.indicator == "栏目不更新" and not f.veto}
    assert blank == {url for url, (is_blank, _) in expected.items() if is_blank}
    assert stale == {url for url, (_, is_stale) in expected.items() if is_stale}
    assert blank and stale  # the demo data has both, so the comparison means something
    home = [f for f in findings if f.indicator == "首页不更新"]
    latest = public_records().aggregate(last=Max("published_on"))["last"]
    assert bool(home) == (latest < today - timedelta(days=14))
