"""Units report progress with evidence; the lead unit consolidates; the office accepts or returns.
A unit never sees another unit's assignments or reports, except a lead unit seeing the reports of
its cooperating units on its own items."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.plans import progress
from gongkai.plans.models import Assignment, Evidence, ProgressReport
from gongkai.records import services as record_services
from gongkai.records.catalog import apply_default_columns
from gongkai.records.models import Column

pytestmark = pytest.mark.django_db

DONE = {"status": "in_progress", "text": "已在部门预算中公开到款级科目。", "problems": "个别单位公开不及时。",
        "next_steps": "下季度开展抽查。"}


def assignment(number, unit):
    return Assignment.objects.get(item__number=number, unit=unit)


def first_period(assignment_):
    return assignment_.item.periods.order_by("seq").first()


def published_record(unit, clerk, reviewer, title="示范市财政局2026年部门预算"):
    apply_default_columns(unit)
    column = Column.objects.get(unit=unit, name="通知公告")
    record = record_services.create_record(
        unit, {"title": title, "body": "<p>部门预算。</p>", "written_on": date(2026, 3, 2)},
        columns=[column], actor=clerk,
    )
    record_services.submit_record(record, actor=clerk)
    return record_services.publish_record(record, actor=reviewer)


def test_a_clerk_reports_progress_and_submits_it(small_plan, unit_a, clerk_a):
    lead = assignment("1", unit_a)
    report = progress.save_report(lead, first_period(lead), DONE, actor=clerk_a)
    assert report.state == "draft" and report.consolidated and report.unit_id == unit_a.pk
    report = progress.submit_report(report, actor=clerk_a)
    assert report.state == "submitted" and report.submitted_by == clerk_a
    assert list(AuditEntry.objects.filter(action__startswith="plan_report").order_by("pk").values_list("action", flat=True)) == [
        "plan_report_saved", "plan_report_submitted",
    ]
    with pytest.raises(ValidationError, match="待验收"):
        progress.save_report(lead, first_period(lead), {"text": "改一下"}, actor=clerk_a)


def test_it_requires_a_reason_when_work_cannot_be_done_on_time(small_plan, unit_a, clerk_a):
    lead = assignment("1", unit_a)
    with pytest.raises(ValidationError, match="请说明原因"):
        progress.save_report(lead, first_period(lead), {"status": "delayed", "text": "进行中"}, actor=clerk_a)
    with pytest.raises(ValidationError, match="请选择推进状态"):
        progress.save_report(lead, first_period(lead), {"status": "finished"}, actor=clerk_a)
    with pytest.raises(ValidationError, match="请填写进展情况"):
        progress.save_report(lead, first_period(lead), {"status": "done"}, actor=clerk_a)
    assert not ProgressReport.objects.exists()


def test_another_units_clerk_cannot_report_for_it(small_plan, unit_a, clerk_b):
    lead = assignment("1", unit_a)
    with pytest.raises(PermissionDenied):
        progress.save_report(lead, first_period(lead), DONE, actor=clerk_b)
    assert not ProgressReport.objects.exists()


def test_evidence_is_a_public_record_of_the_unit_an_url_or_a_checked_file(
    small_plan, unit_a, unit_b, clerk_a, clerk_b, reviewer_a,
):
    from tests.conftest import make_user

    lead = assignment("1", unit_a)
    report = progress.save_report(lead, first_period(lead), DONE, actor=clerk_a)
    record = published_record(unit_a, clerk_a, reviewer_a)
    progress.add_record_evidence(report, record, actor=clerk_a)
    with pytest.raises(ValidationError, match="已在佐证材料中"):
        progress.add_record_evidence(report, record, actor=clerk_a)
    reviewer_b = make_user("rev_b", unit_b, "reviewer")
    other = published_record(unit_b, clerk_b, reviewer_b, title="教育局招生公告")
    with pytest.raises(ValidationError, match="本单位已主动公开"):
        progress.add_record_evidence(report, other, actor=clerk_a)
    progress.add_url_evidence(report, "https://www.zhaoqing.gov.cn/xxgk/", "市政府网站", actor=clerk_a)
    with pytest.raises(ValidationError, match="链接无效"):
        progress.add_url_evidence(report, "javascript:alert(1)", actor=clerk_a)
    with pytest.raises(ValidationError, match="可执行程序"):
        progress.add_file_evidence(report, "进展.pdf", b"MZ\x90\x00" + b"\x00" * 200, actor=clerk_a)
    progress.add_file_evidence(report, "进展.txt", "一季度进展情况。".encode(), actor=clerk_a)
    assert list(report.evidence.values_list("kind", flat=True)) == ["record", "url", "file"]


def test_the_office_accepts_or_returns_with_a_comment(small_plan, unit_a, clerk_a, office_admin):
    lead = assignment("1", unit_a)
    report = progress.save_report(lead, first_period(lead), DONE, actor=clerk_a, submit=True)
    with pytest.raises(PermissionDenied):
        progress.accept_report(report, actor=clerk_a)
    with pytest.raises(ValidationError, match="写明"):
        progress.return_report(report, " ", actor=office_admin)
    report = progress.return_report(report, "请补充公开链接。", actor=office_admin)
    assert report.state == "returned"
    notice = clerk_a.notices.get()
    assert "被退回" in notice.title and notice.body == "请补充公开链接。"
    report = progress.save_report(lead, report.period, {"text": DONE["text"] + "链接已补充。"}, actor=clerk_a, submit=True)
    report = progress.accept_report(report, "同意。", actor=office_admin)
    assert report.state == "accepted" and report.reviewed_by == office_admin
    with pytest.raises(ValidationError, match="已验收"):
        progress.accept_report(report, actor=office_admin)
    assert AuditEntry.objects.filter(action="plan_report_returned").count() == 1
    assert AuditEntry.objects.filter(action="plan_report_accepted").count() == 1


def test_scoping_both_ways(small_plan, unit_a, unit_b, unit_c, clerk_a, clerk_b, clerk_c, office_admin):
    lead, cooperating = assignment("1", unit_a), assignment("1", unit_b)
    period = first_period(lead)
    own_b = progress.save_report(cooperating, period, DONE, actor=clerk_b)
    # a draft stays with its unit, even from the lead unit and the office
    assert set(progress.visible_reports(clerk_a)) == set()
    assert set(progress.visible_reports(office_admin)) == set()
    progress.submit_report(own_b, actor=clerk_b)
    # the lead unit sees its cooperating unit's report on its own item ...
    assert set(progress.visible_reports(clerk_a)) == {own_b}
    lead_report = progress.save_report(lead, period, DONE, actor=clerk_a, submit=True)
    # ... but the cooperating unit does not see the lead's, nor does a third unit see either
    assert set(progress.visible_reports(clerk_b)) == {own_b}
    assert set(progress.visible_reports(clerk_c)) == set()
    assert set(progress.visible_reports(office_admin)) == {own_b, lead_report}
    # item 2 is 教育局's alone: 财政局 sees nothing of it
    solo = assignment("2", unit_b)
    solo_report = progress.save_report(solo, first_period(solo), DONE, actor=clerk_b, submit=True)
    assert solo_report not in set(progress.visible_reports(clerk_a))
    assert set(progress.visible_assignments(clerk_c)) == {assignment("3", unit_c)}
    assert set(progress.visible_assignments(clerk_a)) == {lead}


def test_the_coordinator_sees_what_to_consolidate(small_plan, unit_a, unit_b, clerk_a, clerk_b):
    lead, cooperating = assignment("1", unit_a), assignment("1", unit_b)
    period = first_period(lead)
    progress.save_report(cooperating, period, DONE, actor=clerk_b)
    assert list(progress.cooperating_reports(lead, period)) == []  # a draft is not handed in
    handed_in = progress.submit_report(ProgressReport.objects.get(assignment=cooperating), actor=clerk_b)
    assert list(progress.cooperating_reports(lead, period)) == [handed_in]


def test_removing_evidence_of_a_submitted_report_is_refused(small_plan, unit_a, clerk_a):
    lead = assignment("1", unit_a)
    report = progress.save_report(lead, first_period(lead), DONE, actor=clerk_a)
    evidence = progress.add_url_evidence(report, "https://example.gov.cn/a", actor=clerk_a)
    progress.submit_report(report, actor=clerk_a)
    with pytest.raises(ValidationError, match="不能再修改"):
        progress.remove_evidence(Evidence.objects.get(pk=evidence.pk), actor=clerk_a)
    assert Evidence.objects.count() == 1


@pytest.mark.parametrize("value", ["abc", "²", "99999999999999999999"])
def test_it_answers_a_malformed_evidence_record_with_a_form_error(small_plan, unit_a, clerk_a, login, value):
    """Issue 15, point 6: record=abc answered 500."""
    lead = assignment("1", unit_a)
    report = progress.save_report(lead, first_period(lead), DONE, actor=clerk_a)
    response = login(clerk_a).post(f"/console/plans/reports/{report.pk}/evidence/", {"kind": "record", "record": value},
                                   follow=True)
    assert response.status_code == 200 and "“信息”应为 1 至" in response.content.decode()
    assert not Evidence.objects.exists()
