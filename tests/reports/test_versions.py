"""A published report is frozen; a correction is the next version, which says what changed; the
portal shows every unit's report of a year, each version in the template's layout with charts;
next year's report is checked (D3) against the report as published."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.foi import services as foi_services
from gongkai.records import services as records
from gongkai.records.catalog import apply_default_columns
from gongkai.records.models import Record, RecordKind
from gongkai.reports import services
from gongkai.reports.models import ReportState, ReportVersion
from tests.foi.conftest import citizen_details
from tests.records import conftest as records_fixtures

pytestmark = pytest.mark.django_db

columns_a, make_draft, publish = records_fixtures.columns_a, records_fixtures.make_draft, records_fixtures.publish

TEXTS = {"overview": "本年度，本局坚持以公开为常态。", "problems": "公开内容的及时性有待提高。"}


def _publish(report, clerk, office):
    services.save_texts(report, actor=clerk, **TEXTS)
    services.submit_report(report, actor=clerk)
    services.accept_report(report, actor=office)
    return services.publish_report(report, actor=office)


@pytest.fixture
def published(unit_a, clerk_a, office_admin, freeze):
    freeze(date(2027, 1, 10))
    apply_default_columns(unit_a, actor=office_admin)
    return _publish(services.open_report(unit_a, 2026, actor=clerk_a), clerk_a, office_admin)


def _late_request(unit, clerk, on=date(2026, 12, 28)):
    return foi_services.register_request(
        citizen_details(description="补录的申请"), unit=unit, channel="in_person", arrived_on=on,
        date_reason="补录遗漏的申请", actor=clerk,
    )  # fmt: skip


def test_a_correction_is_published_as_a_second_version_naming_the_cells_it_changed(
    published, clerk_a, office_admin, unit_a, client
):
    first = published.versions.get()
    assert (first.number, first.tables["applications"]["rows"]["一"][6]) == (1, 0)
    with pytest.raises(ValueError, match="不能修改"):
        first.save()  # frozen
    _late_request(unit_a, clerk_a)
    with pytest.raises(ValidationError, match="请写明更正说明"):
        services.correct_report(published, note=" ", actor=clerk_a)
    corrected = services.correct_report(published, note="补录12月28日收到的1件申请。", actor=clerk_a)
    assert corrected.state == ReportState.DRAFT
    second = _publish(corrected, clerk_a, office_admin).latest_version()
    assert second.number == 2 and second.change_note == "补录12月28日收到的1件申请。"
    assert {"cell": "三·一·自然人", "before": "0", "after": "1"} in second.changes
    assert {"cell": "三·四·总计", "before": "0", "after": "1"} in second.changes
    assert second.title == "示范市财政局2026年政府信息公开工作年度报告（更正版，第2版）"
    first.refresh_from_db()
    assert first.tables["applications"]["rows"]["一"][6] == 0  # the first version as it was

    page = client.get(f"/xxgk/nianbao/versions/{first.pk}/").content.decode()
    assert "本报告已于" in page and f'href="/xxgk/nianbao/versions/{second.pk}/"' in page
    page = client.get(f"/xxgk/nianbao/versions/{second.pk}/").content.decode()
    assert "更正说明（第2版）" in page and "三·一·自然人：0 → 1" in page
    listing = client.get("/xxgk/nianbao/2026/").content.decode()
    assert f'href="/xxgk/nianbao/versions/{second.pk}/"' in listing and "（已更正）" in listing
    assert f'href="/xxgk/nianbao/versions/{first.pk}/"' not in listing


def test_the_portal_page_draws_the_template_layout_with_charts(published, client, unit_a, clerk_a):
    version = published.latest_version()
    page = client.get(f"/xxgk/nianbao/versions/{version.pk}/").content.decode()
    assert "示范市财政局2026年政府信息公开工作年度报告" in page
    assert 'rowspan="2" colspan="3"' in page and 'colspan="5"' in page  # merged headers as printed
    assert 'class="table-wrap report-scroll"' in page  # scrolls sideways on a phone
    assert "五、存在的主要问题及改进情况" in page and TEXTS["problems"] in page
    assert "本年度未发出信息处理费收费通知" in page  # §六, frozen at submission
    assert "<svg" not in page  # nothing counted: no chart
    assert "cdn" not in page.lower()


def test_the_portal_draws_a_chart_of_what_was_counted(year, freeze, unit_a, clerk_a, office_admin, client):
    freeze(date(2027, 1, 20))
    apply_default_columns(unit_a, actor=office_admin)
    version = _publish(services.open_report(unit_a, 2026, actor=clerk_a), clerk_a, office_admin).latest_version()
    page = client.get(f"/xxgk/nianbao/versions/{version.pk}/").content.decode()
    assert page.count('<svg class="report-chart"') == 3
    assert "本年新收申请（按申请人类型）：自然人 5；商业企业" in page
    assert "行政复议·结果维持 1" in page


def test_a_withdrawn_report_leaves_the_portal(published, office_admin, client):
    version = published.latest_version()
    records.withdraw_record(version.record, "误发", actor=office_admin)
    assert client.get(f"/xxgk/nianbao/versions/{version.pk}/").status_code == 404
    assert "示范市财政局2026年" not in client.get("/xxgk/nianbao/2026/").content.decode()


def test_the_portal_link_lists_the_latest_year(published, client):
    response = client.get("/xxgk/nianbao/")
    assert response.status_code == 302 and response["Location"].endswith("/xxgk/nianbao/2026/")
    assert 'href="/xxgk/nianbao/"' in client.get("/").content.decode()


def test_next_years_report_is_checked_against_the_report_as_published(
    published, unit_a, clerk_a, office_admin, login, freeze
):
    _late_request(unit_a, clerk_a)  # into 2026 after its report was published: still open
    freeze(date(2027, 3, 1))  # in 2027: its own report is checked as a draft before the year ends
    draft = services.open_report(unit_a, 2027, actor=clerk_a)
    services.save_texts(draft, actor=clerk_a, **TEXTS)
    with pytest.raises(ValidationError, match="D3 自然人：本年 二、上年结转 1 ≠ 上年 四、结转下年度继续办理 0"):
        services.submit_report(draft, actor=clerk_a)
    page = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2027/").content.decode()
    assert "<strong>D3</strong> 自然人：本年 二、上年结转 1" in page
    assert not ReportVersion.objects.filter(report=draft).exists()
    # Correcting last year's report (a second version whose 四 counts the late request) clears it.
    corrected = services.correct_report(published, note="补录12月28日收到的申请。", actor=clerk_a)
    _publish(corrected, clerk_a, office_admin)
    assert services.submit_report(draft, actor=clerk_a).state == ReportState.SUBMITTED


def test_a_figure_of_section_four_opens_the_cases_it_counts(login, clerk_a, clerk_b, unit_a, year, freeze):
    freeze(date(2027, 1, 20))
    client = login(clerk_a)
    page = client.get(f"/console/reports/{unit_a.pk}/2026/").content.decode()
    assert f'<a href="/console/reports/{unit_a.pk}/2026/cases/0/">1</a>' in page  # 行政复议·结果维持
    cases = client.get(f"/console/reports/{unit_a.pk}/2026/cases/12/").content.decode()
    assert "行政诉讼·复议后起诉·其他结果" in cases and "共 1 件" in cases and "2025-09-01" in cases
    pending = client.get(f"/console/reports/{unit_a.pk}/2026/cases/8/").content.decode()
    assert "共 1 件" in pending and "2026-12-01" in pending and "尚未审结" in pending
    assert client.get(f"/console/reports/{unit_a.pk}/2026/cases/15/").status_code == 404
    assert login(clerk_b).get(f"/console/reports/{unit_a.pk}/2026/cases/0/").status_code == 404


def test_a_figure_of_section_two_opens_the_documents_it_counts(
    login, office_admin, clerk_b, unit_a, freeze, make_draft, publish
):
    freeze(date(2027, 1, 20))
    document = publish(make_draft(title="示范市财政资金管理办法", kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",)))
    Record.objects.filter(pk=document.pk).update(written_on=date(2026, 5, 1))
    client = login(office_admin)
    page = client.get(f"/console/reports/{unit_a.pk}/2026/").content.decode()
    link = f"/console/reports/{unit_a.pk}/2026/documents/%E8%A1%8C%E6%94%BF%E8%A7%84%E8%8C%83%E6%80%A7%E6%96%87%E4%BB%B6/%E5%88%B6%E5%8F%91/"
    assert f'<a href="{link}">1</a>' in page
    listing = client.get(link).content.decode()
    assert "共 1 件" in listing and "示范市财政资金管理办法" in listing
    assert client.get(f"/console/reports/{unit_a.pk}/2026/documents/公告/制发/").status_code == 404
    assert login(clerk_b).get(link).status_code == 404


def test_the_portal_page_reads_back_clean_through_report_check(year, freeze, unit_a, clerk_a, office_admin, client):
    from gongkai.reports.checkfile import check_file, read_content

    freeze(date(2027, 1, 20))
    apply_default_columns(unit_a, actor=office_admin)
    version = _publish(services.open_report(unit_a, 2026, actor=clerk_a), clerk_a, office_admin).latest_version()
    page = client.get(f"/xxgk/nianbao/versions/{version.pk}/").content
    checked = check_file(read_content("report.html", page))
    assert checked.clean, checked.output["violations"]
    assert checked.output["tables"]["applications"]["rows"] == version.tables["applications"]["rows"]
    assert checked.output["tables"]["reviews"] == version.tables["reviews"]


def test_the_clerk_starts_a_correction_on_the_page(published, login, clerk_a, unit_a):
    base = f"/console/reports/{unit_a.pk}/2026/"
    page = login(clerk_a).get(base).content.decode()
    assert "更正已发布的报告</button>" in page and "第1版</a>" in page
    page = login(clerk_a).post(base + "steps/correct/", {"whole": "0", "change_note": "补录一件申请。"}, follow=True)
    assert "原版本保留" in page.content.decode()
    published.refresh_from_db()
    assert published.state == ReportState.DRAFT and published.change_note == "补录一件申请。"
