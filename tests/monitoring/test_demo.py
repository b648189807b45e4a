"""The demo's monitoring: 肇庆市财政局's site crawled last quarter and this one from recorded pages
(no network), so that the quarter report has data after ``gongkai demo``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.monitoring import quarterly
from gongkai.monitoring.demo import DEMO_SITE, load_demo_monitoring
from gongkai.monitoring.models import Site
from gongkai.orgs.models import Notice
from gongkai.rules.monitoring.quarters import Quarter
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)


def test_the_demo_site_has_two_quarters_of_findings_once(city, office_admin, login, tmp_path, settings):
    from gongkai.orgs.models import Unit, UnitKind

    settings.VAR_DIR = tmp_path
    assert load_demo_monitoring(TODAY) == 0  # no 肇庆市财政局 in the registry
    owner = Unit.objects.create(key="zq-finance", name="肇庆市财政局", kind=UnitKind.DEPARTMENT, parent=city)
    reviewer = make_user("zq_reviewer", owner, "reviewer")
    assert load_demo_monitoring(TODAY) == 2 and load_demo_monitoring(TODAY) == 0
    site = Site.objects.get(name=DEMO_SITE)
    report = quarterly.site_quarter(site, Quarter.of(TODAY))
    found = sorted((row.indicator, row.key.rsplit("/", 2)[-2]) for row in report.findings)
    assert found == [("未注明发布时间", "tzgg"), ("栏目不更新", "zcwj"), ("空白栏目", "rsxx")]
    # 100 − 2 (政策文件 6 months stale) − 1 (blank column) − 0.1 (undated page)
    assert report.score.total == Decimal("96.90") and report.previous_total == Decimal("96.80")
    assert [key.rsplit("/", 1)[-1] for key in report.fixed] == ["ysbg.pdf"]  # the broken attachment, fixed
    assert Notice.objects.filter(user=reviewer, title__contains=DEMO_SITE).exists()
    html = login(office_admin).get(reverse("monitoring:sites") + "?quarter=2026Q4").content.decode()
    assert DEMO_SITE in html and "96.90" in html
