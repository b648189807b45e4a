"""Leaves bound to a measure show the evaluator what the platform measured for the round's
period and the points it suggests; the unit does not see it before publication."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.assessment.measures import measure
from gongkai.rules.assessment.measures import Measure

pytestmark = pytest.mark.django_db


def test_records_published_within_their_working_days_count_on_time(participant_a, make_draft, publish):
    publish(make_draft(title="按时公开的通知", written_on=timezone.localdate()))
    publish(make_draft(title="逾期公开的通知", written_on=date(2026, 3, 2)))
    measured = measure(participant_a, Measure.RECORDS_ON_TIME)
    assert (measured.met, measured.total) == (1, 2)


def test_replies_by_their_due_date_count_on_time(participant_a, unit_a):
    """The measure reads the reply date and the due date the request's clock wrote (the clock
    itself is tested in tests/foi); here the two dates are set directly."""
    from gongkai.foi import services
    from gongkai.foi.models import Request
    from tests.foi.conftest import citizen_details

    today = timezone.localdate()
    first = services.submit_request(citizen_details(), unit=unit_a)
    second = services.submit_request(citizen_details(), unit=unit_a)
    Request.objects.filter(pk=first.pk).update(replied_on=today, due_on=today)
    Request.objects.filter(pk=second.pk).update(replied_on=today, due_on=today - timedelta(days=1))
    measured = measure(participant_a, Measure.FOI_ON_TIME)
    assert (measured.met, measured.total) == (1, 2)


def test_the_evaluator_sees_the_measure_and_the_unit_does_not(participant_a, clerk_a, evaluator, make_draft,
                                                              publish, login):
    publish(make_draft(title="按时公开的通知", written_on=timezone.localdate()))
    url = reverse("assessment:sheet", args=[participant_a.round_id, participant_a.pk])
    html = login(evaluator).get(url).content.decode()
    assert "平台测量：主动公开信息在形成之日起规定工作日内公开：1 件中按时 1 件（100.0%）；建议 3 分" in html
    assert "平台测量" not in login(clerk_a).get(url).content.decode()


def test_interpretations_within_three_working_days_and_a_missing_one_once_overdue(participant_a, make_draft,
                                                                                     publish):
    from gongkai.records.models import Record, RecordKind

    today = timezone.localdate()
    interpreted = publish(make_draft(title="示范市财政专项资金管理办法", kind=RecordKind.NORMATIVE,
                                     columns=("政策文件/规范性文件",)))
    publish(make_draft(title="《示范市财政专项资金管理办法》解读", kind=RecordKind.INTERPRETATION,
                       interprets=interpreted, columns=("政策解读",)))  # the same day
    forgotten = publish(make_draft(title="示范市政府采购管理办法", kind=RecordKind.NORMATIVE,
                                   columns=("政策文件/规范性文件",)))
    fresh = publish(make_draft(title="示范市国库集中支付办法", kind=RecordKind.NORMATIVE,
                               columns=("政策文件/规范性文件",)))
    Record.objects.filter(pk=forgotten.pk).update(published_on=today.replace(month=3, day=2))
    assert fresh.published_on == today  # not interpreted yet, but its 3 working days have not passed
    measured = measure(participant_a, Measure.INTERPRETATIONS_ON_TIME)
    assert (measured.met, measured.total) == (1, 2)


def test_plan_periods_handed_in_by_their_due_date_and_accepted(participant_a, small_plan, unit_a, clerk_a,
                                                               office_admin):
    from gongkai.plans import progress
    from gongkai.plans.models import Assignment, ProgressReport

    lead = Assignment.objects.get(item__number="1", unit=unit_a)
    periods = list(lead.item.periods.order_by("seq"))
    assert [period.due_on for period in periods] == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30),
                                                     date(2026, 12, 31)]
    for period, handed_in in ((periods[0], date(2026, 3, 30)), (periods[1], date(2026, 7, 3)),
                              (periods[2], date(2026, 9, 29))):
        report = progress.submit_report(progress.save_report(lead, period, {"status": "in_progress", "text": "已公开。"},
                                                             actor=clerk_a), actor=clerk_a)
        if period != periods[2]:  # the third waits for 验收
            progress.accept_report(report, "同意。", actor=office_admin)
        ProgressReport.objects.filter(pk=report.pk).update(submitted_at=timezone.make_aware(
            timezone.datetime.combine(handed_in, timezone.datetime.min.time()).replace(hour=10)))
    measured = measure(participant_a, Measure.PLAN_REPORTS_ACCEPTED, today=date(2026, 12, 4))
    assert (measured.met, measured.total) == (1, 3)  # 12-31 is not due yet; one late, one not accepted


def test_the_annual_report_due_in_the_period_published_by_its_deadline(participant_a, unit_a, published_record):
    from gongkai.records.models import Record
    from gongkai.reports.models import AnnualReport

    assert measure(participant_a, Measure.ANNUAL_REPORT_ON_TIME).describe().endswith("1 份中按时 0 份（0.0%）")
    AnnualReport.objects.create(unit=unit_a, year=2025, state="published", record=published_record)
    Record.objects.filter(pk=published_record.pk).update(published_on=date(2026, 1, 30))
    measured = measure(participant_a, Measure.ANNUAL_REPORT_ON_TIME)  # a department's: by 2026-01-31
    assert (measured.met, measured.total) == (1, 1)
    Record.objects.filter(pk=published_record.pk).update(published_on=date(2026, 2, 2))
    assert measure(participant_a, Measure.ANNUAL_REPORT_ON_TIME).met == 0


def test_messages_answered_on_time_and_the_three_month_veto(participant_a, unit_a, clerk_a, office_admin, freeze):
    from gongkai.interaction import services
    from tests.interaction.conftest import message_details

    freeze(date(2026, 9, 30))  # 咨询 received on 09-30 are due on 10-13
    made = [services.route(services.submit_message(message_details()), unit_a, actor=office_admin) for _ in range(3)]
    freeze(date(2026, 10, 13))
    services.reply(made[0], "按期答复", actor=clerk_a)
    freeze(date(2026, 10, 14))
    services.reply(made[1], "逾期答复", actor=clerk_a)
    measured = measure(participant_a, Measure.MESSAGES_ON_TIME, today=date(2026, 12, 30))
    assert (measured.met, measured.total, measured.vetoed) == (1, 2, 0)
    vetoed = measure(participant_a, Measure.MESSAGES_ON_TIME, today=date(2026, 12, 31))
    assert vetoed.vetoed == 1  # the third, unanswered for more than 3 months


def test_the_units_site_quarter_scores_beside_the_evidence(participant_a, unit_a, unit_b, evaluator, office_admin,
                                                           login):
    """Leaf 4.1 of the demo system reads the monitoring quarter score of the unit's own sites
    (not another unit's); an inspector's 单项否决 turns the suggestion to 0."""
    from gongkai.monitoring import services as monitoring
    from gongkai.monitoring.models import Site

    today = timezone.localdate()
    site = Site.objects.create(name="财政局网站", home_url="http://127.0.0.1:9/", owner_unit=unit_a)
    other = Site.objects.create(name="教育局网站", home_url="http://127.0.0.2:9/", owner_unit=unit_b)
    monitoring.add_inspector_finding(site, "附件下载", today, "办事表格无法下载", actor=office_admin, points=Decimal(5))
    monitoring.add_inspector_finding(other, "严重错误", today, "领导姓名错误", actor=office_admin)
    measured = measure(participant_a, Measure.SITE_SCORE)
    assert (measured.met, measured.total, measured.vetoed, measured.score) == (1, 1, 0, Decimal("95.00"))
    url = reverse("assessment:sheet", args=[participant_a.round_id, participant_a.pk])
    html = login(evaluator).get(url).content.decode()
    assert "政府网站季度监测得分：监测 1 个网站季度，合格 1 个，平均 95.00 分；建议 2.85 分" in html
    monitoring.add_inspector_finding(site, "严重错误", today, "首页领导姓名错误", actor=office_admin)
    html = login(evaluator).get(url).content.decode()
    assert "单项否决 1 个季度（不合格）；建议 0 分" in html
