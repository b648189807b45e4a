"""The pages of plans in motion: a unit's inbox, its reports and evidence, the office's 验收."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.plans import progress
from gongkai.plans.models import Assignment, Evidence, ProgressReport

pytestmark = pytest.mark.django_db

FORM = {"status": "in_progress", "text": "已公开一季度部门预算执行情况。", "problems": "", "next_steps": "继续推进。"}


def assignment(number, unit):
    return Assignment.objects.get(item__number=number, unit=unit)


def test_the_inbox_lists_the_units_own_work_soonest_first(small_plan, unit_a, unit_b, clerk_b, login):
    page = login(clerk_b).get(reverse("plans:inbox"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "公开义务教育招生范围" in html and "细化部门预决算公开" in html
    assert "道路交通安全事故" not in html  # 公安局's item
    dates = [row.due_on for row in page.context["page"]]
    assert dates == sorted(dates)
    assert html.index("2026-03-31") < html.index("2026-09-30")


def test_another_units_assignment_is_not_found(small_plan, unit_a, clerk_b, clerk_c, login):
    lead = assignment("1", unit_a)
    assert login(clerk_c).get(reverse("plans:assignment", args=[lead.pk])).status_code == 404
    period = lead.item.periods.first()
    assert login(clerk_c).get(reverse("plans:report", args=[lead.pk, period.pk])).status_code == 404


def test_a_clerk_writes_saves_and_submits_a_report(small_plan, unit_a, clerk_a, login):
    client = login(clerk_a)
    lead = assignment("1", unit_a)
    period = lead.item.periods.order_by("seq").first()
    url = reverse("plans:report", args=[lead.pk, period.pk])
    assert "汇总报告" in client.get(url).content.decode()
    response = client.post(url, {**FORM, "save": "1"})
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.state == "draft"
    client.post(reverse("plans:evidence_add", args=[report.pk]), {"kind": "url", "url": "https://example.gov.cn/ys"})
    hostile = SimpleUploadedFile("进展.docx", b"MZ" + b"\x00" * 100)
    response = client.post(reverse("plans:evidence_add", args=[report.pk]), {"kind": "file", "file": hostile}, follow=True)
    assert "可执行程序" in response.content.decode()
    assert Evidence.objects.count() == 1
    response = client.post(url, {**FORM, "submit": "1"})
    assert response.status_code == 302 and ProgressReport.objects.get().state == "submitted"
    # a submitted report is read, not edited
    assert client.get(url).status_code == 302


def test_a_bad_form_shows_the_message_and_saves_nothing(small_plan, unit_a, clerk_a, login):
    lead = assignment("1", unit_a)
    period = lead.item.periods.first()
    response = login(clerk_a).post(reverse("plans:report", args=[lead.pk, period.pk]),
                                   {"status": "delayed", "text": "x", "submit": "1"})
    assert response.status_code == 200 and "请说明原因" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_the_lead_reads_the_cooperating_report_and_a_third_unit_cannot(
    small_plan, unit_a, unit_b, clerk_a, clerk_b, clerk_c, login,
):
    cooperating = assignment("1", unit_b)
    period = cooperating.item.periods.first()
    report = progress.save_report(cooperating, period, FORM, actor=clerk_b, submit=True)
    url = reverse("plans:report_detail", args=[report.pk])
    assert login(clerk_a).get(url).status_code == 200
    assert "示范市教育局" in login(clerk_a).get(reverse("plans:assignment", args=[assignment("1", unit_a).pk])).content.decode()
    assert login(clerk_c).get(url).status_code == 404
    lead_report = progress.save_report(assignment("1", unit_a), period, FORM, actor=clerk_a, submit=True)
    assert login(clerk_b).get(reverse("plans:report_detail", args=[lead_report.pk])).status_code == 404


def test_the_office_accepts_and_a_unit_cannot(small_plan, unit_a, clerk_a, office_admin, login):
    lead = assignment("1", unit_a)
    report = progress.save_report(lead, lead.item.periods.first(), FORM, actor=clerk_a, submit=True)
    url = reverse("plans:report_detail", args=[report.pk])
    assert login(clerk_a).post(url, {"accept": "1"}).status_code == 403
    queue = login(office_admin).get(reverse("plans:review_queue", args=[small_plan.pk]))
    assert "汇总报告" in queue.content.decode()
    login(office_admin).post(url, {"return": "1", "comment": ""}, follow=True)
    assert ProgressReport.objects.get().state == "submitted"  # a return needs a comment
    login(office_admin).post(url, {"accept": "1", "comment": "同意"})
    assert ProgressReport.objects.get().state == "accepted"


def test_the_office_records_a_trigger_from_the_queue(small_plan, office_admin, clerk_c, login):
    item = small_plan.items.get(number="3")
    url = reverse("plans:trigger", args=[small_plan.pk, item.pk])
    assert login(clerk_c).post(url, {"triggered_on": "2026-09-28"}).status_code == 403
    response = login(office_admin).post(url, {"triggered_on": "2026-02-30"}, follow=True)
    assert "请输入有效日期" in response.content.decode()
    login(office_admin).post(url, {"triggered_on": "2026-09-28"})
    assert str(item.periods.get().due_on) == "2026-10-16"
    response = login(office_admin).post(url, {"triggered_on": "2026-09-28", "workdays": "0"}, follow=True)
    assert "1 至 250 个工作日" in response.content.decode()
    login(office_admin).post(url, {"triggered_on": "2026-09-28", "workdays": "5"})
    assert str(item.periods.get().due_on) == "2026-10-10"  # the 调休 Saturday is the fifth


def test_the_inbox_shows_the_units_own_implementation_plan_deadline(small_plan, clerk_b, login):
    page = login(clerk_b).get(reverse("plans:inbox")).content.decode()
    assert "本单位实施方案" in page and "“年度计划与总结”栏目" in page


def test_the_office_exports_the_reports_waiting_and_a_unit_cannot(small_plan, unit_a, clerk_a, office_admin, login):
    import csv
    import io

    from openpyxl import load_workbook

    lead = assignment("1", unit_a)
    progress.save_report(lead, lead.item.periods.order_by("seq").first(),
                         {**FORM, "text": "@SUM(A1:A9) 已公开预算。"}, actor=clerk_a, submit=True)
    url = reverse("plans:review_queue", args=[small_plan.pk])
    assert login(clerk_a).get(url + "?format=csv").status_code == 403
    response = login(office_admin).get(url + "?format=csv")
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    header, row = list(csv.reader(io.StringIO(body)))
    assert header[:5] == ["截止日期", "事项序号", "具体要求", "单位", "报告"]
    assert row[1] == "1" and row[3] == "示范市财政局" and row[4] == "汇总报告" and row[5] == "推进中"
    assert row[7] == "'@SUM(A1:A9) 已公开预算。" and row[9] == "继续推进。" and row[10]
    sheet = load_workbook(io.BytesIO(b"".join(login(office_admin).get(url + "?format=xlsx").streaming_content))).active
    assert [r[3] for r in sheet.iter_rows(values_only=True)] == ["单位", "示范市财政局"]
