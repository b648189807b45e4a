"""A small plan in motion for the dashboard and bulletin tests (``small_plan`` of conftest): on
TODAY, with the cutoff 2026-09-30, 财政局 has three periods of item 1 due, 教育局 three of item 1
and one of item 2.

- 财政局 item 1: 3-31 handed in 推进中, 6-30 handed in 未启动, 9-30 nothing (overdue);
- 教育局 item 1: nothing at all (three overdue); item 2: 9-30 handed in 无法按期完成 and accepted.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from gongkai.orgs.policy import SYSTEM
from gongkai.plans import progress
from gongkai.plans.models import Assignment, Period

TODAY = date(2026, 10, 15)
CUTOFF = date(2026, 9, 30)
DELAY_REASON = "招生系统升级尚未完成"


def freeze_today(monkeypatch, day: date = TODAY) -> date:
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return day if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    return day


def period(number: str, due_on: date) -> Period:
    return Period.objects.get(item__number=number, due_on=due_on)


def report(number: str, unit, due_on: date, clerk, status: str, **extra):
    assignment = Assignment.objects.get(item__number=number, unit=unit)
    data = {"status": status, "text": "" if status == "not_started" else "已按要求推进。", **extra}
    return progress.save_report(assignment, period(number, due_on), data, actor=clerk, submit=True)


def make_reports(unit_a, unit_b, clerk_a, clerk_b, office=SYSTEM) -> None:
    report("1", unit_a, date(2026, 3, 31), clerk_a, "in_progress")
    report("1", unit_a, date(2026, 6, 30), clerk_a, "not_started")
    delayed = report("2", unit_b, CUTOFF, clerk_b, "delayed", reason=DELAY_REASON)
    progress.accept_report(delayed, actor=office)
