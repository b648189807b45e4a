"""`make run`'s demo has last year's annual reports of three units, drafted from the demo's own
requests: one published, one submitted, one whose failing rule the page explains."""

from __future__ import annotations

import pytest

from gongkai.console.demo import load_demo
from gongkai.foi import dates
from gongkai.orgs.models import User
from gongkai.reports.models import AnnualReport, ReportState

pytestmark = pytest.mark.django_db


def test_the_demo_has_last_years_reports_published_submitted_and_failing(settings, tmp_path, login, client):
    settings.VAR_DIR = tmp_path
    load_demo()
    year = dates.today().year - 1
    reports = {r.unit.name: r for r in AnnualReport.objects.filter(year=year).select_related("unit")}
    assert {name: r.state for name, r in reports.items()} == {
        "肇庆市财政局": ReportState.PUBLISHED, "肇庆市教育局": ReportState.SUBMITTED,
        "江门市新会区委区府办公室": ReportState.DRAFT,
    }  # fmt: skip
    finance = reports["肇庆市财政局"]
    assert finance.tables["applications"]["rows"]["一"][6] == 4  # the demo's requests of that year
    listing = client.get(f"/xxgk/nianbao/{year}/").content.decode()
    assert f'href="/xxgk/nianbao/versions/{finance.latest_version().pk}/"' in listing
    assert listing.count(f"肇庆市财政局{year}年政府信息公开工作年度报告") == 1  # not also a ready-made record

    failing = reports["江门市新会区委区府办公室"]
    page = login(User.objects.get(username="xinhui")).get(f"/console/reports/{failing.unit_id}/{year}/").content.decode()
    assert "<strong>D3</strong> 自然人：本年 二、上年结转 1 ≠ 上年 四、结转下年度继续办理 0" in page
    assert 'id="d3-explained"' in page and "更正上年报告" in page
    clerk = login(User.objects.get(username="xinhui"))
    response = clerk.post(f"/console/reports/{failing.unit_id}/{year}/steps/submit/", {"whole": "0"}, follow=True)
    failing.refresh_from_db()
    assert failing.state == ReportState.DRAFT
    assert "D3 自然人：本年 二、上年结转 1" in response.content.decode()
