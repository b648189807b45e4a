"""Reminders before the annual report's deadline (issue 16, item 3; 条例第四十九条).

On working days only, a configured number of working days before the deadline
(``GONGKAI_ANNUAL_REPORT_REMINDER_WORKDAYS``, default 10, 5 and 1), each active unit whose report
on last year is not yet handed in (submitted, accepted or published) is reminded: its 政务公开联络员,
or its clerks (``plans.reminders.unit_contacts``), get an in-app notice and an e-mail. The days are
counted to the last working day on or before the deadline, and the message says when the deadline
falls on a rest day (``rules.annualreport.deadlines.deadline_notice``).

Never twice: a ``ReportReminder`` row per (unit, year, offset) is inserted before anything is
sent; when the worker was down past a reminder, only the nearest is sent
(``rules.schedule.decide_reminder``).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from gongkai.audit.log import record as audit
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.jobs.models import JobFailure
from gongkai.orgs.models import Unit, User
from gongkai.orgs.notices import Message, notify
from gongkai.plans.reminders import unit_contacts
from gongkai.reports.deadlines import unit_deadline
from gongkai.reports.models import AnnualReport, ReportReminder, ReportState
from gongkai.rules.annualreport.deadlines import DeadlineNotice
from gongkai.rules.schedule import decide_reminder

DEFAULT_WORKDAYS = (10, 5, 1)
HANDED_IN = (ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.PUBLISHED)
SUBJECT = "【年度报告提醒】"


def reminder_offsets() -> tuple[int, ...]:
    value = getattr(settings, "GONGKAI_ANNUAL_REPORT_REMINDER_WORKDAYS", DEFAULT_WORKDAYS)
    offsets = tuple(value) if isinstance(value, list | tuple) else ()
    if not offsets or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in offsets):
        raise ImproperlyConfigured(
            f"GONGKAI_ANNUAL_REPORT_REMINDER_WORKDAYS: 应为正整数工作日数，如 (10, 5, 1)，而不是 {value!r}"
        )
    return tuple(sorted(set(offsets), reverse=True))


def send_report_reminders(today: date | None = None) -> int:
    """Remind every unit that has not handed in last year's report and is due a reminder today;
    returns how many units were reminded."""
    today = today or dates.today()
    calendar = working_calendar()
    if not calendar.is_workday(today):
        return 0
    year, offsets = today.year - 1, reminder_offsets()
    handed_in = set(
        AnnualReport.objects.filter(year=year, state__in=HANDED_IN).values_list("unit_id", flat=True)
    )
    logged: dict[int, set[int]] = {}
    for unit_id, days in ReportReminder.objects.filter(year=year).values_list("unit_id", "days_before"):
        logged.setdefault(unit_id, set()).add(days)
    units = list(Unit.objects.filter(is_active=True).exclude(pk__in=handed_in).select_related("liaison"))
    people = unit_contacts(units)
    due: list[tuple[Unit, DeadlineNotice, int, tuple[int, ...], list[User]]] = []
    for unit in units:
        notice = unit_deadline(unit, year, calendar=calendar)
        decision = decide_reminder(notice.last_working_day, offsets, logged.get(unit.pk, set()), today, calendar)
        recipients = people.get(unit.pk, [])
        if decision.send is not None and recipients:
            due.append((unit, notice, calendar.workdays_between(today, notice.last_working_day), decision.log, recipients))
    sent = []
    with transaction.atomic():
        for unit, notice, left, log, recipients in due:
            if _claim(unit, year, log, recipients):
                sent.append((unit, notice, left, recipients))
        notify(
            (user, Message(SUBJECT + _title(year, left), _body(unit, year, notice, left), _path(unit, year)))
            for unit, notice, left, recipients in sent
            for user in recipients
        )
        if sent:
            audit("annual_report_reminders_sent", None, object_type="reports.reportreminder",
                  object_repr=f"{today.isoformat()} 年度报告提醒",
                  after={"date": today, "year": year, "units": sorted(unit.name for unit, *_ in sent)})  # fmt: skip
    _mail(year, sent)
    return len(sent)


def _claim(unit: Unit, year: int, log: tuple[int, ...], recipients: list[User]) -> bool:
    names = [user.username for user in recipients]
    try:
        with transaction.atomic():
            ReportReminder.objects.bulk_create(
                [ReportReminder(unit=unit, year=year, days_before=n, recipients=names) for n in log]
            )
    except IntegrityError:
        return False  # a concurrent run sends it
    return True


def _title(year: int, left: int) -> str:
    return f"{year}年政府信息公开工作年度报告还有{left}个工作日到期" if left else f"{year}年政府信息公开工作年度报告今天到期"


def _body(unit: Unit, year: int, notice: DeadlineNotice, left: int) -> str:
    return (
        f"{unit.name}的{year}年政府信息公开工作年度报告尚未报送。{notice.message}"
        "请在平台上核对数据、填写总体情况和存在的主要问题，报送公开办审核。"
    )


def _path(unit: Unit, year: int) -> str:
    return reverse("reports:report", args=[unit.pk, year])


def _mail(year: int, sent: list[tuple[Unit, DeadlineNotice, int, list[User]]]) -> None:
    failures = []
    for unit, notice, left, recipients in sent:
        for user in recipients:
            if not user.email:
                continue
            try:
                send_mail(SUBJECT + _title(year, left), _body(unit, year, notice, left), None, [user.email])
            except Exception as error:  # noqa: BLE001 - any failure of the mail server is reported
                failures.append(f"{user.email}：{type(error).__name__}: {error}")
    if failures:
        JobFailure.objects.create(
            task_name="年度报告提醒邮件", task_id="annual-report-reminders", attempts=1,
            error="以下提醒邮件未能发出（站内通知已发送）：\n" + "\n".join(failures),
        )  # fmt: skip
