"""Reminders before the annual report's deadline, on working days, to the units that have not
handed in last year's report; the message warns when the deadline falls on a rest day.

2026's reports of departments are due 31 January 2027, a Sunday: counted to Friday 29 January,
the 10-, 5- and 1-working-day reminders fire on 15, 22 and 28 January."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.orgs.models import Notice
from gongkai.reports import services
from gongkai.reports.models import ReportReminder
from gongkai.reports.reminders import send_report_reminders

pytestmark = pytest.mark.django_db


def _notices(user):
    return list(Notice.objects.filter(user=user).order_by("pk").values_list("title", flat=True))


def test_units_not_handed_in_are_reminded_on_working_days_once_each(clerk_a, clerk_b, unit_a, office_admin, freeze, mailoutbox):
    clerk_b.email = "qian@example.com"
    clerk_b.save()
    assert send_report_reminders(date(2027, 1, 14)) == 0  # nothing due yet
    assert send_report_reminders(date(2027, 1, 15)) == 2  # 财政局 and 教育局 (their clerks)
    assert _notices(clerk_a) == ["【年度报告提醒】2026年政府信息公开工作年度报告还有10个工作日到期"]
    body = Notice.objects.filter(user=clerk_a).get().body
    assert "应于2027年1月31日前发布；该日是休息日，请在此前最后一个工作日2027年1月29日前完成发布。" in body
    assert send_report_reminders(date(2027, 1, 15)) == 0  # a second run sends nothing
    assert not _notices(office_admin)  # nobody of the office's own unit is a clerk

    freeze(date(2027, 1, 20))
    report = services.open_report(unit_a, 2026, actor=clerk_a)
    services.save_texts(report, overview="总体情况。", problems="问题。", actor=clerk_a)
    services.submit_report(report, actor=clerk_a)
    assert send_report_reminders(date(2027, 1, 23)) == 0  # a Saturday
    assert send_report_reminders(date(2027, 1, 28)) == 1  # the worker was down on the 22nd: only the nearest
    assert len(_notices(clerk_a)) == 1
    assert _notices(clerk_b)[-1] == "【年度报告提醒】2026年政府信息公开工作年度报告还有1个工作日到期"
    assert sorted(ReportReminder.objects.filter(unit=clerk_b.unit).values_list("days_before", flat=True)) == [1, 5, 10]
    assert [message.to for message in mailoutbox] == [[clerk_b.email]] * 2  # the one clerk with an address: 10 and 1


def test_the_worker_runs_it_daily(clerk_a, freeze):
    from gongkai.reports.tasks import send_report_reminders_daily

    freeze(date(2027, 1, 22))
    assert send_report_reminders_daily.call_local() == 1
    assert _notices(clerk_a) == ["【年度报告提醒】2026年政府信息公开工作年度报告还有5个工作日到期"]
