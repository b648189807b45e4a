"""The annual report's workflow (issue 16, item 3): the unit's clerk writes §一 and §五 and submits
to the office; the office returns it with comments or accepts it. Each step is an event and an
audit row; a step out of turn or by the wrong person is refused and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.foi import services as foi_services
from gongkai.reports import services
from gongkai.reports.models import AnnualReport, ReportState
from tests.foi.conftest import citizen_details

pytestmark = pytest.mark.django_db

TEXTS = {"overview": "本年度，本局坚持以公开为常态。", "problems": "公开内容的及时性有待提高。"}


@pytest.fixture
def draft(unit_a, clerk_a, freeze):
    freeze(date(2027, 1, 10))
    return services.open_report(unit_a, 2026, actor=clerk_a)


def test_the_report_goes_from_draft_to_submitted_returned_and_accepted(draft, clerk_a, office_admin):
    services.save_texts(draft, actor=clerk_a, **TEXTS)
    submitted = services.submit_report(draft, actor=clerk_a)
    assert submitted.state == ReportState.SUBMITTED
    assert submitted.tables["applications"]["rows"]["一"] == [0] * 7
    returned = services.return_report(submitted, comment="请补充政策解读情况。", actor=office_admin)
    assert (returned.state, returned.comment) == (ReportState.RETURNED, "请补充政策解读情况。")
    services.save_texts(returned, actor=clerk_a, overview=TEXTS["overview"] + "政策解读12篇。", problems=TEXTS["problems"])
    services.submit_report(returned, actor=clerk_a)
    accepted = services.accept_report(returned, actor=office_admin)
    assert accepted.state == ReportState.ACCEPTED and accepted.comment == ""
    assert [event.step for event in accepted.events.all()] == [
        "open", "save", "submit", "return", "save", "submit", "accept",
    ]  # fmt: skip
    actions = AuditEntry.objects.filter(object_id=str(draft.pk)).order_by("pk").values_list("action", flat=True)
    assert list(actions)[-2:] == ["annual_report_submit", "annual_report_accept"]


def test_the_submitted_tables_do_not_move_when_a_late_request_is_registered(draft, clerk_a, unit_a, freeze):
    services.save_texts(draft, actor=clerk_a, **TEXTS)
    services.submit_report(draft, actor=clerk_a)
    foi_services.register_request(citizen_details(), unit=unit_a, channel="in_person", arrived_on=date(2026, 12, 28),
                                  date_reason="补录遗漏的申请", actor=clerk_a)  # fmt: skip
    draft.refresh_from_db()
    assert draft.tables["applications"]["rows"]["一"] == [0] * 7


def test_it_refuses_to_submit_without_the_texts(draft, clerk_a):
    with pytest.raises(ValidationError, match="请先填写"):
        services.submit_report(draft, actor=clerk_a)
    draft.refresh_from_db()
    assert draft.state == ReportState.DRAFT and draft.tables == {}


def test_only_the_office_returns_or_accepts(draft, clerk_a, reviewer_a):
    services.save_texts(draft, actor=clerk_a, **TEXTS)
    services.submit_report(draft, actor=clerk_a)
    for actor in (clerk_a, reviewer_a):
        with pytest.raises(PermissionDenied):
            services.accept_report(draft, actor=actor)
        with pytest.raises(PermissionDenied):
            services.return_report(draft, comment="改", actor=actor)
    draft.refresh_from_db()
    assert draft.state == ReportState.SUBMITTED


def test_a_step_out_of_turn_is_refused(draft, clerk_a, office_admin):
    with pytest.raises(ValidationError, match="报告当前为“编写中”，不能审核通过"):
        services.accept_report(draft, actor=office_admin)
    services.save_texts(draft, actor=clerk_a, **TEXTS)
    services.submit_report(draft, actor=clerk_a)
    with pytest.raises(ValidationError, match="不能修改报告"):
        services.save_texts(draft, actor=clerk_a, overview="改", problems="改")
    with pytest.raises(ValidationError, match="请写明退回修改的意见"):
        services.return_report(draft, comment=" ", actor=office_admin)


def test_another_unit_may_not_write_the_report(unit_a, clerk_b, reviewer_a):
    for actor in (clerk_b, reviewer_a):
        with pytest.raises(PermissionDenied):
            services.open_report(unit_a, 2026, actor=actor)
    assert not AnnualReport.objects.exists()


# --- through the page ------------------------------------------------------------------------------


def test_the_clerk_writes_and_submits_and_the_office_returns_and_accepts_on_the_page(
    login, clerk_a, office_admin, unit_a, freeze
):
    freeze(date(2027, 1, 10))
    base = f"/console/reports/{unit_a.pk}/2026/"
    clerk = login(clerk_a)
    assert "开始编写本年度报告" in clerk.get(base).content.decode()
    clerk.post(base + "steps/open/", {"whole": "0"})
    clerk.post(base + "steps/save/", {"whole": "0", **TEXTS})
    page = clerk.post(base + "steps/submit/", {"whole": "0"}, follow=True).content.decode()
    assert "已报送公开办" in page and "审核通过</button>" not in page
    office = login(office_admin)
    page = office.get(base).content.decode()
    assert "审核通过</button>" in page and "退回修改</button>" in page and TEXTS["overview"] in page
    office.post(base + "steps/return/", {"whole": "0", "comment": "请补充数据说明。"})
    page = login(clerk_a).get(base).content.decode()
    assert "公开办意见：请补充数据说明。" in page and "报送公开办</button>" in page
    login(clerk_a).post(base + "steps/submit/", {"whole": "0"})
    office = login(office_admin)
    office.post(base + "steps/accept/", {"whole": "0"})
    assert AnnualReport.objects.get().state == ReportState.ACCEPTED
    from gongkai.records.catalog import apply_default_columns

    apply_default_columns(unit_a, actor=office_admin)
    page = office.post(base + "steps/publish/", {"whole": "0"}, follow=True).content.decode()
    published = AnnualReport.objects.get()
    assert published.state == ReportState.PUBLISHED
    assert f"已发布，索引号 {published.record.index_number}" in page
    assert f'href="/xxgk/content/{published.record.pk}/"' in page


def test_the_page_refuses_a_step_by_the_wrong_person_with_a_message(login, clerk_a, clerk_b, unit_a, freeze):
    freeze(date(2027, 1, 10))
    base = f"/console/reports/{unit_a.pk}/2026/"
    login(clerk_a).post(base + "steps/open/", {"whole": "0"})
    login(clerk_a).post(base + "steps/save/", {"whole": "0", **TEXTS})
    login(clerk_a).post(base + "steps/submit/", {"whole": "0"})
    response = login(clerk_a).post(base + "steps/accept/", {"whole": "0"})
    assert response.status_code == 403
    assert login(clerk_b).post(base + "steps/save/", {"whole": "0", **TEXTS}).status_code == 404
    assert AnnualReport.objects.get().state == ReportState.SUBMITTED


def test_the_office_sees_which_units_are_late_submitted_or_accepted(login, office_admin, clerk_a, unit_a, unit_b, freeze):
    freeze(date(2027, 1, 10))
    report = services.open_report(unit_a, 2026, actor=clerk_a)
    services.save_texts(report, actor=clerk_a, **TEXTS)
    services.submit_report(report, actor=clerk_a)
    freeze(date(2027, 2, 1))  # the day after the departments' 31 January
    page = login(office_admin).get("/console/reports/").content.decode()
    finance = page[page.index("示范市财政局"):page.index("示范市教育局")]
    education = page[page.index("示范市教育局"):]
    assert "已报送公开办" in finance and "逾期未报送" not in finance and "2027-01-31" in finance
    assert "未开始" in education and "逾期未报送" in education
    assert "已报送待审核 1 个" in page and "逾期未报送 2 个" in page  # 教育局 and the office's own unit


def test_the_progress_table_exports_for_the_office_and_a_unit_sees_its_own_row(login, office_admin, clerk_a, unit_a, unit_b,
                                                                              freeze):
    import csv
    import io

    freeze(date(2027, 2, 1))
    services.submit_report(services.save_texts(services.open_report(unit_a, 2026, actor=clerk_a), actor=clerk_a, **TEXTS),
                           actor=clerk_a)

    def rows(user):
        body = b"".join(login(user).get("/console/reports/?format=csv").streaming_content)
        return list(csv.reader(io.StringIO(body.decode("utf-8").lstrip("\ufeff"))))

    office = rows(office_admin)
    assert office[0] == ["单位", "年度", "状态", "发布期限", "逾期未报送"]
    by_unit = {row[0]: row for row in office[1:]}
    assert by_unit["示范市财政局"][1:] == ["2026", "已报送公开办", "2027-01-31", "否"]
    assert by_unit["示范市教育局"][2:] == ["未开始", "2027-01-31", "是"]
    assert [row[0] for row in rows(clerk_a)[1:]] == ["示范市财政局"]


# --- publishing -------------------------------------------------------------------------------------


@pytest.fixture
def accepted(draft, clerk_a, office_admin):
    services.save_texts(draft, actor=clerk_a, **TEXTS)
    services.submit_report(draft, actor=clerk_a)
    return services.accept_report(draft, actor=office_admin)


def test_the_office_publishes_the_accepted_report_as_a_record_of_the_annual_report_column(
    accepted, office_admin, unit_a
):
    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import RecordStatus

    apply_default_columns(unit_a, actor=office_admin)
    published = services.publish_report(accepted, actor=office_admin)
    record = published.record
    assert published.state == ReportState.PUBLISHED
    assert record.status == RecordStatus.PUBLISHED and record.index_number
    assert record.title == "示范市财政局2026年政府信息公开工作年度报告"
    assert [column.name for column in record.columns.all()] == ["政府信息公开年报"]
    attachment = record.attachments.get()
    assert attachment.name == "示范市财政局2026年政府信息公开工作年度报告.docx"
    from gongkai.reports.checkfile import check_file, read_content

    attachment.file.open("rb")
    checked = check_file(read_content(attachment.name, attachment.file.read()))
    assert checked.clean and checked.output["tables"]["applications"]["rows"]["一"] == [0] * 7
    with pytest.raises(ValidationError, match="不能修改报告"):
        services.save_texts(published, actor=office_admin, **TEXTS)  # frozen


def test_publishing_needs_the_annual_report_column_and_changes_nothing_without_it(accepted, office_admin):
    with pytest.raises(ValidationError, match="没有“政府信息公开年报”栏目"):
        services.publish_report(accepted, actor=office_admin)
    accepted.refresh_from_db()
    assert accepted.state == ReportState.ACCEPTED and accepted.record is None


def test_only_the_office_publishes(accepted, clerk_a, reviewer_a, unit_a, office_admin):
    from gongkai.records.catalog import apply_default_columns

    apply_default_columns(unit_a, actor=office_admin)
    for actor in (clerk_a, reviewer_a):
        with pytest.raises(PermissionDenied):
            services.publish_report(accepted, actor=actor)
    assert AnnualReport.objects.get().state == ReportState.ACCEPTED
