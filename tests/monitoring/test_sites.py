"""Monitored sites in the platform: the portal registered from the catalog, a crawl kept with its
findings and score, inspectors' findings, reports, and who sees what."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.monitoring import quarterly, services
from gongkai.monitoring.models import Finding, Probe, RunStatus, Site
from gongkai.orgs.models import Notice
from gongkai.orgs.policy import SYSTEM
from gongkai.rules.monitoring.quarters import Quarter
from tests.monitoring.fixture_site import TIMEOUT, TODAY, fixture_site, outbound_site
from tests.monitoring.sites import serving
from tests.records.conftest import _media_in_tmp, columns_a, make_draft, publish  # noqa: F401  (fixtures reused)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_a(unit_a):
    return Site.objects.create(name="财政局网站", home_url="http://127.0.0.1:9/", owner_unit=unit_a)


@pytest.fixture
def site_b(unit_b):
    return Site.objects.create(name="教育局网站", home_url="http://127.0.0.2:9/", owner_unit=unit_b)


def test_the_portal_is_registered_with_its_catalog_columns(city, unit_a, settings) -> None:
    from gongkai.records import catalog

    settings.GONGKAI_SITE_URL = "http://127.0.0.1:8000"
    catalog.apply_default_columns(unit_a)
    site = services.ensure_portal_site()
    assert site.is_portal and site.owner_unit == city and site.home_url == "http://127.0.0.1:8000/"
    classes = {column.name.split(" ", 1)[1]: column.column_class for column in site.columns.all()}
    assert classes["工作动态"] == "news"
    assert classes["通知公告"] == "notice"
    assert classes["政策文件 / 规范性文件"] == "notice"
    assert classes["机构信息 / 机构职能"] == "other"
    assert services.ensure_portal_site() == site and Site.objects.filter(is_portal=True).count() == 1
    assert AuditEntry.objects.filter(action="monitoring_site_registered").count() == 1


def test_a_crawl_is_kept_with_its_findings_score_and_notices(unit_a, clerk_a, reviewer_a, clerk_b, office_admin, tmp_path,
                                                             settings) -> None:
    settings.VAR_DIR = tmp_path
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as web:
        site = services.register_site("示范县政府网站", web.url, unit_a, actor=office_admin, timeout=Decimal(TIMEOUT),
                                      rate=Decimal(0), exclude="/search")
        start = timezone.make_aware(datetime(2024, 6, 24, 0, 0))
        Probe.objects.bulk_create([Probe(site=site, at=start + timedelta(hours=i), ok=i % 10 != 0) for i in range(100)])
        run = services.run_crawl(site, TODAY)
    assert run.status == RunStatus.DONE and run.pages == 15
    indicators = sorted(run.findings.values_list("indicator", flat=True))
    assert indicators == ["未注明发布时间", "栏目不更新", "栏目不更新", "空白栏目", "站点无法访问",
                          "链接不可用", "链接不可用", "链接不可用", "链接不可用"]
    unavailable = run.findings.get(indicator="站点无法访问")
    assert unavailable.veto and unavailable.evidence["failed"] == 10  # 10 % of the week's probes
    report = quarterly.site_quarter(site, Quarter(2024, 2))
    assert report.score.verdict.value == "不合格" and report.score.vetoes == ["站点无法访问"]
    assert Notice.objects.filter(user=clerk_a, title__contains="9 项新发现").exists()
    assert Notice.objects.filter(user=reviewer_a, title__contains="9 项新发现").exists()  # issue 19: reviewers too
    assert not Notice.objects.filter(user=clerk_b).exists()
    assert AuditEntry.objects.filter(action="monitoring_crawl_recorded", unit_id=unit_a.pk).exists()
    assert not (tmp_path / "monitor" / f"site{site.pk}-run{run.pk}.sqlite").exists()


def test_a_crawl_without_vetoes_is_scored_as_by_hand(unit_a, office_admin, tmp_path, settings) -> None:
    settings.VAR_DIR = tmp_path
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as web:
        site = services.register_site("示范县政府网站", web.url, unit_a, actor=office_admin,
                                      timeout=Decimal(TIMEOUT), rate=Decimal(0), exclude="/search")
        services.run_crawl(site, TODAY)
    report = quarterly.site_quarter(site, Quarter(2024, 2))
    assert report.score.total == Decimal("93.60")  # as in test_crawl_fixture_site
    # an inspector's serious error is a veto; a 办事指南 deduction is worth what they state
    services.add_inspector_finding(site, "办事指南", date(2024, 6, 30), "办事指南缺少办理时限", actor=office_admin,
                                   points=Decimal("2.5"))
    assert quarterly.site_quarter(site, Quarter(2024, 2)).score.total == Decimal("91.10")
    services.add_inspector_finding(site, "严重错误", date(2024, 6, 30), "首页领导姓名错误，见截图", actor=office_admin)
    assert quarterly.site_quarter(site, Quarter(2024, 2)).score.vetoes == ["严重错误"]


def test_only_the_office_and_evaluators_enter_findings(site_a, clerk_a, reviewer_a, clerk_b, evaluator) -> None:
    with pytest.raises(PermissionDenied):
        services.add_inspector_finding(site_a, "严重错误", date(2024, 6, 30), "错字", actor=clerk_a)
    with pytest.raises(ValidationError):
        services.add_inspector_finding(site_a, "办事指南", date(2024, 6, 30), "缺要素", actor=evaluator, points=Decimal(11))
    with pytest.raises(ValidationError):
        services.add_inspector_finding(site_a, "严重错误", date(2024, 6, 30), " ", actor=evaluator)
    finding = services.add_inspector_finding(site_a, "办事指南", date(2024, 6, 30), "缺要素", actor=evaluator, points=Decimal(1))
    assert finding.key == f"办事指南:人工{finding.pk}"
    assert AuditEntry.objects.filter(action="monitoring_finding_entered").count() == 1
    told = set(Notice.objects.filter(title__contains="新的检查发现（办事指南）").values_list("user__username", flat=True))
    assert told == {clerk_a.username, reviewer_a.username}  # the unit's clerks and reviewers, no other unit's


def test_a_clerk_sees_only_their_own_units_sites(site_a, site_b, clerk_a, office_admin, login) -> None:
    Finding.objects.create(site=site_a, source="inspector", checked_on=timezone.localdate(), indicator="办事指南",
                           key="a1", note="财政局的问题", points=Decimal(1))
    Finding.objects.create(site=site_b, source="inspector", checked_on=timezone.localdate(), indicator="办事指南",
                           key="b1", note="教育局的问题", points=Decimal(1))
    client = login(clerk_a)
    listing = client.get("/console/monitoring/").content.decode()
    assert "财政局网站" in listing and "教育局网站" not in listing
    own = client.get(f"/console/monitoring/sites/{site_a.pk}/")
    assert own.status_code == 200 and "财政局的问题" in own.content.decode()
    assert client.get(f"/console/monitoring/sites/{site_b.pk}/").status_code == 404
    assert client.get(f"/console/monitoring/sites/{site_b.pk}/report.xlsx").status_code == 404
    assert client.post(f"/console/monitoring/sites/{site_a.pk}/findings/", {
        "indicator": "严重错误", "checked_on": "2024-06-30", "note": "x"}).status_code == 403
    ranking = b"".join(client.get("/console/monitoring/ranking.csv").streaming_content).decode()
    assert "财政局网站" in ranking and "教育局网站" not in ranking
    office = login(office_admin).get("/console/monitoring/").content.decode()
    assert "财政局网站" in office and "教育局网站" in office
    ranking = b"".join(login(office_admin).get("/console/monitoring/ranking.csv").streaming_content).decode()
    assert "财政局网站" in ranking and "教育局网站" in ranking


def test_the_quarter_report_as_xlsx_and_docx(site_a, office_admin, login) -> None:
    from docx import Document
    from openpyxl import load_workbook

    services.add_inspector_finding(site_a, "附件下载", date(2026, 11, 2), "办事表格无法下载", actor=office_admin, points=Decimal(2))
    client = login(office_admin)
    sheet = load_workbook(io.BytesIO(client.get(f"/console/monitoring/sites/{site_a.pk}/report.xlsx?quarter=2026Q4").content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "办事表格无法下载" in values and "98.00" in values
    document = Document(io.BytesIO(client.get(f"/console/monitoring/sites/{site_a.pk}/report.docx?quarter=2026Q4").content))
    text = "\n".join(p.text for p in document.paragraphs) + "".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "2026年第四季度网站监测报告" in text and "办事表格无法下载" in text
    ranking = load_workbook(io.BytesIO(client.get("/console/monitoring/ranking.xlsx?quarter=2026Q4").content)).active
    assert [row[1] for row in ranking.iter_rows(min_row=3, values_only=True)] == ["财政局网站"]
    ranking_csv = b"".join(client.get("/console/monitoring/ranking.csv?quarter=2026Q4").streaming_content).decode()
    assert ranking_csv.lstrip("\ufeff").splitlines()[1].split(",")[:2] == ["1", "财政局网站"]
    assert client.get("/console/monitoring/?quarter=2026Q9").status_code == 400


def test_the_change_since_last_quarter(site_a, office_admin) -> None:
    services.add_inspector_finding(site_a, "附件下载", date(2026, 8, 2), "表格无法下载", actor=office_admin, points=Decimal(2))
    services.add_inspector_finding(site_a, "在线系统", date(2026, 11, 2), "系统无法登录", actor=office_admin, points=Decimal(5))
    report = quarterly.site_quarter(site_a, Quarter(2026, 4))
    assert report.previous_total == Decimal("98.00") and report.score.total == Decimal("95.00")
    assert report.change == Decimal("-3.00") and len(report.fixed) == 1 and len(report.new_keys) == 1


def test_the_office_changes_a_column_class_audited(site_a, office_admin, clerk_a, login) -> None:
    column = services.add_column(site_a, "http://127.0.0.1:9/jg/", "机构职能", services.ColumnClass.OTHER, actor=office_admin)
    assert login(clerk_a).post(f"/console/monitoring/columns/{column.pk}/class/", {"column_class": "news"}).status_code == 403
    response = login(office_admin).post(f"/console/monitoring/columns/{column.pk}/class/", {"column_class": "news"})
    assert response.status_code == 302
    column.refresh_from_db()
    assert column.column_class == "news" and column.class_set_by_office
    assert AuditEntry.objects.filter(action="monitoring_column_class_set").exists()
    with pytest.raises(PermissionDenied):
        services.set_column_class(column, services.ColumnClass.NOTICE, actor=clerk_a)
    services.set_column_class(column, services.ColumnClass.NOTICE, actor=SYSTEM)


def test_the_portal_carries_the_interaction_veto_from_the_platforms_messages(city, unit_a, office_admin, tmp_path, settings) -> None:
    from gongkai.interaction import services as interaction
    from gongkai.monitoring.services import interaction_findings

    settings.VAR_DIR = tmp_path
    site = services.ensure_portal_site()
    today = date(2026, 11, 30)
    details = {"kind": "consult", "title": "咨询社保转移", "body": "请问如何办理？", "name": "张三", "phone": "13800138000"}
    interaction.register_message(details, channel="letter", received_on=date(2026, 8, 20), unit=unit_a, actor=office_admin)
    assert interaction_findings(site, date(2026, 11, 19)) == []  # not yet 3 months without a reply
    [veto] = interaction_findings(site, today)
    assert veto.veto and veto.evidence["messages"] == 1 and veto.evidence["units"] == [unit_a.name]
    assert interaction_findings(Site(is_portal=False), today) == []


def test_the_portal_finds_policies_still_without_an_interpretation(city, unit_a, make_draft, publish, tmp_path,  # noqa: F811
                                                                   settings) -> None:
    """Issue 19 point 3: "for the platform's own data, … interpretations missing for policies"."""
    from gongkai.monitoring.services import INTERPRETATION_MISSING, interpretation_findings
    from gongkai.records.models import RecordKind

    settings.VAR_DIR = tmp_path
    site = services.ensure_portal_site()
    policy = publish(make_draft(title="示范市财政专项资金管理办法", kind=RecordKind.NORMATIVE,
                                columns=("政策文件/规范性文件",)))
    today = policy.published_on
    assert interpretation_findings(site, today) == []  # its allowed working days have not passed
    [missing] = interpretation_findings(site, today + timedelta(days=30))
    assert (missing.indicator, missing.veto, missing.key) == (INTERPRETATION_MISSING, False,
                                                              f"{INTERPRETATION_MISSING}:{policy.pk}")
    assert missing.evidence["policy"] == "示范市财政专项资金管理办法" and missing.evidence["unit"] == unit_a.name
    assert "仍无政策解读" in quarterly.describe(Finding(indicator=missing.indicator, evidence=dict(missing.evidence)))
    assert interpretation_findings(Site(is_portal=False), today + timedelta(days=30)) == []
    publish(make_draft(title="《示范市财政专项资金管理办法》解读", kind=RecordKind.INTERPRETATION, interprets=policy,
                       columns=("政策解读",)))
    assert interpretation_findings(site, today + timedelta(days=30)) == []


def test_a_units_quarter_report_lists_its_sites_only(site_a, site_b, office_admin, clerk_a, login) -> None:
    office = login(office_admin)
    page = office.get(f"/console/monitoring/?unit={site_a.owner_unit_id}").content.decode()
    assert "财政局网站" in page and "教育局网站" not in page
    assert office.get("/console/monitoring/?unit=abc").status_code == 400
    clerk = login(clerk_a).get(f"/console/monitoring/?unit={site_b.owner_unit_id}").content.decode()
    assert "教育局网站" not in clerk  # another unit's filter shows a clerk nothing


def test_the_office_loads_a_provinces_system_from_xlsx(site_a, office_admin, clerk_a, login) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.rules.monitoring.indicators import NATIONAL_2019
    from gongkai.rules.monitoring.sheet import write_sheet
    from tests.rules.test_monitoring_sheet import _xlsx

    province = _xlsx([
        ["扣分", "1", "办事指南", "服务", 50, "办事指南", None, None, "是", None],
        ["扣分", "2", "附件下载", "服务", 50, "附件下载", None, 10, None, None],
    ])
    services.add_inspector_finding(site_a, "附件下载", date(2026, 11, 2), "表格无法下载", actor=office_admin, points=Decimal(2))
    assert quarterly.site_quarter(site_a, Quarter(2026, 4)).score.total == Decimal("98.00")
    upload = SimpleUploadedFile("某省检查指标.xlsx", province)
    assert login(clerk_a).post("/console/monitoring/system/", {"file": upload}).status_code == 403
    bad = SimpleUploadedFile("坏.xlsx", _xlsx([["扣分", "1", "x", None, 30, None, None, None, None, None]]))
    page = login(office_admin).post("/console/monitoring/system/", {"file": bad}).content.decode()
    assert "合计应为 100" in page and services.current_system() == NATIONAL_2019
    response = login(office_admin).post("/console/monitoring/system/", {"file": SimpleUploadedFile("某省检查指标.xlsx", province)})
    assert response.status_code == 302 and services.current_system().name == "某省检查指标"
    assert quarterly.site_quarter(site_a, Quarter(2026, 4)).score.total == Decimal("90.00")  # 10 a finding here
    assert AuditEntry.objects.filter(action="monitoring_system_loaded").exists()
    assert login(office_admin).get("/console/monitoring/system/indicators.xlsx").content[:2] == b"PK"
    login(office_admin).post("/console/monitoring/system/national/")
    assert services.current_system() == NATIONAL_2019
    assert write_sheet(NATIONAL_2019)


def test_the_columns_are_listed_fifty_a_page(site_a, office_admin, login) -> None:
    from gongkai.monitoring.models import SiteColumn

    SiteColumn.objects.bulk_create([SiteColumn(site=site_a, url=f"http://127.0.0.1:9/c{i}/", name=f"栏目{i:03}") for i in range(60)])
    client = login(office_admin)
    first = client.get(f"/console/monitoring/sites/{site_a.pk}/").content.decode()
    assert "栏目（60）" in first and "栏目049" in first and "栏目050" not in first and "第 1 / 2 页" in first
    assert "栏目059" in client.get(f"/console/monitoring/sites/{site_a.pk}/?page=2&quarter=2026Q4").content.decode()
