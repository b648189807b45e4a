"""Reminders before each due date of a published plan (issue #7, 提醒).

A configured number of working days before a period's due date (``GONGKAI_PLAN_REMINDER_WORKDAYS``,
default 5 and 1), each unit that has not handed in its report is reminded: its 政务公开联络员, or
every active clerk of the unit when it has none, gets an in-app notice and an e-mail. The worker
runs :func:`send_due_reminders` once a day; overdue is never stored, only derived at read time.

Never twice: a ``ReminderLog`` row per (assignment, period, offset) is inserted before anything is
sent, and its unique constraint decides which of two racing workers sends. When the worker was
down past the 5-day reminder, only the nearest one goes out and both are logged
(``rules.schedule.decide_reminder``). E-mails leave after the rows are committed, one by one: an
address the mail server refuses is kept on the log, retried by each later run until it is sent,
and reported to the office as a failed job; nothing is sent twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.log import record as audit
from gongkai.calendars.service import working_calendar
from gongkai.jobs.models import JobFailure
from gongkai.links import absolute_url
from gongkai.orgs.models import Role, Unit, User
from gongkai.orgs.notices import Message, notify
from gongkai.plans.models import (
    Assignment,
    AssignmentRole,
    Period,
    PlanStatus,
    ProgressReport,
    ReminderLog,
)
from gongkai.rules.calendar import WEEKDAY_NAMES
from gongkai.rules.progress import TO_HAND_IN, standing
from gongkai.rules.schedule import (
    DEFAULT_REMINDER_WORKDAYS,
    ReminderDecision,
    decide_reminder,
    reminder_horizon,
)

SUBJECT_PREFIX = "【政务公开任务提醒】"


@dataclass(frozen=True)
class Reminder:
    """One reminder to send: a unit's period, how many working days are left, and to whom."""

    assignment: Assignment
    period: Period
    today: date
    workdays_left: int
    recipients: tuple[User, ...]


def reminder_offsets() -> tuple[int, ...]:
    """The configured offsets, largest first; a bad value stops the job with the setting named."""
    value = getattr(settings, "GONGKAI_PLAN_REMINDER_WORKDAYS", DEFAULT_REMINDER_WORKDAYS)
    offsets = tuple(value) if isinstance(value, list | tuple) else ()
    if not offsets or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in offsets):
        raise ImproperlyConfigured(f"GONGKAI_PLAN_REMINDER_WORKDAYS: 应为正整数工作日数，如 (5, 1)，而不是 {value!r}")
    return tuple(sorted(set(offsets), reverse=True))


def send_due_reminders(today: date | None = None) -> int:
    """Send every reminder due by ``today`` that was not sent yet; returns how many were sent
    (one per unit and period, whatever the number of its recipients)."""
    today = today or timezone.localdate()
    offsets = reminder_offsets()
    calendar = working_calendar()
    _retry_unmailed(today, calendar)
    periods = _candidate_periods(today, reminder_horizon(today, offsets, calendar))
    pairs = _open_pairs(periods, today)
    if not pairs:
        return 0
    logged = _logged_offsets(periods)
    people = unit_contacts({assignment.unit for assignment, _ in pairs})
    due: list[_Due] = []
    for assignment, period in pairs:
        assert period.due_on is not None  # the candidate query keeps dated periods only
        decision = decide_reminder(period.due_on, offsets, logged[assignment.pk, period.pk], today, calendar)
        recipients = tuple(people.get(assignment.unit_id, ()))
        if decision.log and (decision.send is None or recipients):  # nobody to tell: a later run may
            left = calendar.workdays_between(today, period.due_on)
            due.append(_Due(Reminder(assignment, period, today, left, recipients), decision))
    with transaction.atomic():
        sent = [entry.reminder for entry in _claim(due) if entry.decision.send is not None]
        _notify(sent)
        _audit(sent, today, offsets)
    _mail(sent)
    return len(sent)


@dataclass(frozen=True)
class _Due:
    """A unit's period with offsets to log today, and the reminder to send if ``decision`` says so."""

    reminder: Reminder
    decision: ReminderDecision


# -- what is due ----------------------------------------------------------------------------


def _candidate_periods(today: date, horizon: date) -> QuerySet[Period]:
    """Dated periods of published plans that a reminder can concern today (one query)."""
    return Period.objects.filter(
        due_on__gte=today, due_on__lte=horizon, item__plan__status=PlanStatus.PUBLISHED
    )


def _open_pairs(periods: QuerySet[Period], today: date) -> list[tuple[Assignment, Period]]:
    """Each (assignment, period) of those periods that its unit still has to hand in
    (``rules.progress.standing`` due or returned)."""
    period_rows = list(periods.select_related("item__plan").order_by("due_on", "item__order", "seq"))
    if not period_rows:
        return []
    by_item: dict[int, list[Period]] = defaultdict(list)
    for period in period_rows:
        by_item[period.item_id].append(period)
    states = {
        (assignment_id, period_id): state
        for assignment_id, period_id, state in ProgressReport.objects.filter(period__in=periods).values_list(
            "assignment_id", "period_id", "state"
        )
    }
    assignments = Assignment.objects.filter(
        item__periods__in=periods, unit__is_active=True
    ).distinct().select_related("unit__liaison", "item__plan").order_by("item__order", "order")
    return [
        (assignment, period)
        for assignment in assignments
        for period in by_item[assignment.item_id]
        if standing(period.due_on, states.get((assignment.pk, period.pk)), today, assignment.item.plan.given_on) in TO_HAND_IN
    ]


def _logged_offsets(periods: QuerySet[Period]) -> defaultdict[tuple[int, int], set[int]]:
    logged: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
    rows = ReminderLog.objects.filter(period__in=periods).values_list("assignment_id", "period_id", "days_before")
    for assignment_id, period_id, days_before in rows:
        logged[assignment_id, period_id].add(days_before)
    return logged


def unit_contacts(units: Iterable[Unit]) -> dict[int, list[User]]:
    """Who hears for each unit: its liaison while active in the unit, else its active clerks."""
    people: dict[int, list[User]] = {}
    without_liaison = []
    for unit in units:
        liaison = unit.liaison
        if liaison is not None and liaison.is_active and liaison.unit_id == unit.pk:
            people[unit.pk] = [liaison]
        else:
            without_liaison.append(unit.pk)
    clerks = User.objects.filter(
        unit_id__in=without_liaison, is_active=True, roles__role=Role.CLERK
    ).order_by("username")
    for clerk in clerks:
        people.setdefault(clerk.unit_id, []).append(clerk)
    return people


# -- sending --------------------------------------------------------------------------------


def _claim(due: list[_Due]) -> list[_Due]:
    """Log every reminder as done, the ones that are sent and the ones they supersede, before
    anything is sent. One insert normally; when a concurrent run logged some first (the unique
    constraint of ``ReminderLog``), one savepoint per unit, so that each is sent by one run only."""
    if not due:
        return []
    try:
        with transaction.atomic():
            ReminderLog.objects.bulk_create([row for entry in due for row in _log_rows(entry)])
    except IntegrityError:
        return [entry for entry in due if _claim_one(entry)]
    return due


def _claim_one(entry: _Due) -> bool:
    try:
        with transaction.atomic():
            ReminderLog.objects.bulk_create(_log_rows(entry))
    except IntegrityError:
        return False  # the other run sends it
    return True


def _log_rows(entry: _Due) -> list[ReminderLog]:
    reminder = entry.reminder
    names = [user.username for user in reminder.recipients]
    return [
        ReminderLog(
            assignment=reminder.assignment, period=reminder.period, days_before=n,
            recipients=names if n == entry.decision.send else [],
        )
        for n in entry.decision.log
    ]  # fmt: skip


def _notify(reminders: list[Reminder]) -> None:
    notify(
        (user, Message(title=reminder_subject(reminder), body=reminder_body(reminder), url=assignment_path(reminder.assignment)))
        for reminder in reminders
        for user in reminder.recipients
    )


def _audit(reminders: list[Reminder], today: date, offsets: tuple[int, ...]) -> None:
    if not reminders:
        return
    audit("plan_reminders_sent", None, object_type="plans.reminderlog", object_repr=f"{today.isoformat()} 任务提醒", after={
        "date": today,
        "offsets": list(offsets),
        "reminders": len(reminders),
        "notices": sum(len(reminder.recipients) for reminder in reminders),
        "emails": sum(1 for reminder in reminders for user in reminder.recipients if user.email),
        "units": sorted({reminder.assignment.unit.name for reminder in reminders}),
    })


def _mail(reminders: list[Reminder]) -> None:
    """One e-mail a recipient, each on its own: a mail server that refuses one does not drop the
    others. What was not sent is kept on the reminder's log, retried by the next run and shown
    to the office as a failed job."""
    failures: list[str] = []
    for reminder in reminders:
        unmailed, errors = _send(reminder, [user.email for user in reminder.recipients if user.email])
        if unmailed:
            ReminderLog.objects.filter(
                assignment=reminder.assignment, period=reminder.period
            ).exclude(recipients=[]).update(unmailed=unmailed)
            failures += errors
    _report(failures)


def _send(reminder: Reminder, addresses: list[str]) -> tuple[list[str], list[str]]:
    """Mail ``reminder`` to each address; the addresses that failed, and why."""
    connection = get_connection(fail_silently=False)
    unmailed, errors = [], []
    for address in addresses:
        message = EmailMessage(reminder_subject(reminder), reminder_body(reminder, absolute=True),
                               settings.DEFAULT_FROM_EMAIL, [address], connection=connection)  # fmt: skip
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - any failure of the mail server: kept, retried
            unmailed.append(address)
            errors.append(f"{address}：{type(error).__name__}: {error}")
    return unmailed, errors


def _retry_unmailed(today: date, calendar: Any) -> None:
    """Send again what a mail server refused before; clear each address once it is sent."""
    failures: list[str] = []
    logs = ReminderLog.objects.exclude(unmailed=[]).select_related(
        "assignment__item__plan", "assignment__unit", "period"
    )
    for log in logs:
        period = log.period
        left = calendar.workdays_between(today, period.due_on) if period.due_on and period.due_on >= today else 0
        users = tuple(User.objects.filter(email__in=log.unmailed))
        unmailed, errors = _send(Reminder(log.assignment, period, today, left, users), list(log.unmailed))
        ReminderLog.objects.filter(pk=log.pk).update(unmailed=unmailed)
        failures += errors
    _report(failures)


def _report(failures: list[str]) -> None:
    if failures:
        JobFailure.objects.create(
            task_name="任务提醒邮件", task_id="plan-reminders", attempts=1,
            error="以下提醒邮件未能发出，下次提醒任务运行时将重发：\n" + "\n".join(failures),
        )  # fmt: skip


# -- the words ------------------------------------------------------------------------------


def assignment_path(assignment: Assignment) -> str:
    """The unit's page of the assignment, where it writes and submits its report."""
    return reverse("plans:assignment", args=[assignment.pk])


def when_due(reminder: Reminder) -> str:
    if reminder.workdays_left:
        return f"还有{reminder.workdays_left}个工作日到期"
    if reminder.today == reminder.period.due_on:
        return "今日到期"
    return "即将到期（截止日前已无工作日）"


def reminder_subject(reminder: Reminder) -> str:
    item = reminder.assignment.item
    number = f"第{item.number}项" if item.number else ""
    return f"{SUBJECT_PREFIX}{item.plan.year}年分工方案{number}任务{when_due(reminder)}"


def reminder_body(reminder: Reminder, *, absolute: bool = False) -> str:
    assignment, period = reminder.assignment, reminder.period
    item = assignment.item
    due_on = period.due_on
    assert due_on is not None
    weekday = WEEKDAY_NAMES[due_on.weekday()]
    holiday = "，该日为节假日" if period.on_holiday else ""
    link = assignment_path(assignment)
    return "\n".join([
        f"{assignment.unit.name}：",
        "",
        f"您单位承担的政务公开工作任务{when_due(reminder)}，请按时报送进展情况和佐证材料。",
        "",
        f"方案：{item.plan.title}",
        f"事项：{f'第{item.number}项 ' if item.number else ''}{_excerpt(item.text or item.task)}",
        f"职责：{_duty(assignment)}",
        f"截止日期：{due_on.year}年{due_on.month}月{due_on.day}日（{weekday}{holiday}）",
        f"报送地址：{absolute_url(link) if absolute else link}",
        "",
        "本提醒由政务公开工作平台自动发送，请勿回复。",
    ])


def _duty(assignment: Assignment) -> str:
    if assignment.role == AssignmentRole.LEAD:
        return "牵头单位（负责汇总报送）" if assignment.is_coordinator else "牵头单位"
    return "配合单位"


def _excerpt(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
