"""The worker's side of monitoring: probes, the scheduled and the office's crawls, a crawl the
worker was killed in resumed, and `gongkai monitor crawl --save`."""

from __future__ import annotations

import io
import json
from datetime import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command

from gongkai.monitoring import services, tasks
from gongkai.monitoring.crawler import Crawler, CrawlState
from gongkai.monitoring.models import CrawlRun, RunStatus, Site
from tests.monitoring.fixture_site import SLOW_SECONDS, TIMEOUT, TODAY, fixture_site, outbound_site
from tests.monitoring.sites import Answer, serving
from tests.monitoring.sites import Site as WebSite

pytestmark = pytest.mark.django_db


def test_a_probe_is_ok_within_the_timeout_and_not_past_it(unit_a) -> None:
    pages = {"/": Answer("<html><body>首页</body></html>")}
    with serving(WebSite(pages)) as web:
        site = Site.objects.create(name="网站", home_url=web.url + "/", owner_unit=unit_a, timeout=Decimal(TIMEOUT))
        assert services.probe(site).ok
        pages["/"] = Answer("<html></html>", delay=SLOW_SECONDS)
        slow = services.probe(site)
        pages["/"] = Answer("", 500)
        failed = services.probe(site)
    assert not slow.ok and slow.error == "timeout"
    assert not failed.ok and failed.status == 500
    assert site.probes.count() == 3


def test_the_schedule() -> None:
    hourly = tasks.probe_sites.task_class().validate_datetime
    assert all(hourly(datetime(2026, 12, 1, hour, 7)) for hour in range(24))  # 24 probes a day
    assert not hourly(datetime(2026, 12, 1, 3, 8))
    weekly = tasks.crawl_sites_weekly.task_class().validate_datetime
    assert weekly(datetime(2026, 11, 30, 1, 30))  # a Monday
    assert not weekly(datetime(2026, 12, 1, 1, 30))


def test_the_office_crawls_now_from_the_site_page(unit_a, office_admin, login, immediate_jobs, tmp_path, settings) -> None:
    settings.VAR_DIR = tmp_path
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as web:
        site = services.register_site("示范县政府网站", web.url, unit_a, actor=office_admin,
                                      timeout=Decimal(TIMEOUT), rate=Decimal(0), exclude="/search")
        response = login(office_admin).post(f"/console/monitoring/sites/{site.pk}/crawl/")
    assert response.status_code == 302
    run = site.runs.get()
    assert run.status == RunStatus.DONE and run.checked_on > TODAY
    # checked today, the fixture's 2024 pages are all stale, the home page too
    assert run.findings.filter(indicator="首页不更新", veto=True).exists()


def test_a_crawl_the_worker_was_killed_in_goes_on(unit_a, office_admin, tmp_path, settings) -> None:
    settings.VAR_DIR = tmp_path
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as web:
        site = services.register_site("示范县政府网站", web.url, unit_a, actor=office_admin,
                                      timeout=Decimal(TIMEOUT), rate=Decimal(0), exclude="/search", max_depth=1)
        run = services.start_or_resume_run(site, TODAY)
        # the worker got through the first two levels before it died
        state = CrawlState(run.state_file, site.home_url, services.crawl_settings(site))
        Crawler(site.home_url, state, services.crawl_settings(site)).run()
        state.close()
        before = dict(web.hits)
        site.max_depth = 8
        site.save()
        resumed = services.run_crawl(site, TODAY)
    assert resumed.pk == run.pk and CrawlRun.objects.count() == 1
    assert resumed.status == RunStatus.DONE and resumed.findings.count() == 8
    assert web.hits["/"] == before["/"] == 1  # the home page was not fetched again


def test_the_command_saves_a_registered_sites_crawl(unit_a, office_admin, tmp_path, settings) -> None:
    settings.VAR_DIR = tmp_path
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as web:
        site = services.register_site("示范县政府网站", web.url, unit_a, actor=office_admin)
        out = io.StringIO()
        call_command("monitor", "crawl", web.url, "--timeout", str(TIMEOUT), "--rate", "0", "--exclude", "/search",
                     "--today", TODAY.isoformat(), "--save", "--json", stdout=out)
    answer = json.loads(out.getvalue())
    run = site.runs.get()
    assert run.checked_on == TODAY and run.findings.count() == len(answer["findings"]) == 8
