"""Reminders of public messages before their reply date, and escalation to the office after it.

The days come from the message's own clock (``rules.interaction.read_clock``: ``remind_before``
working days before the due date, the office told ``escalate_after`` working days after it), so
the message page, the queue and the job can never disagree. The worker runs
:func:`send_message_reminders` once a day; nothing time decides is stored on the message.

Never twice: a ``MessageReminder`` row per (message, kind, due date, day) is inserted before the
notices are written, in the same transaction, and its unique constraint decides which of two
racing runs sends. A run that missed days sends only the latest reminder that is due, and logs
the skipped ones. Each sending is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse

from gongkai.audit.context import Actor, reset_actor, set_actor
from gongkai.audit.log import record
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.interaction.clock import message_clock, message_limits
from gongkai.interaction.models import OPEN_STATUSES, Message, MessageReminder, ReminderKind
from gongkai.interaction.statistics import with_events
from gongkai.orgs.models import Role, User
from gongkai.orgs.notices import Message as Notice
from gongkai.orgs.notices import notify
from gongkai.rules import interaction as rules
from gongkai.rules.calendar import WorkingCalendar


@dataclass(frozen=True)
class Due:
    message: Message
    kind: ReminderKind
    due_on: date
    days: tuple[date, ...]  # the reminder days reached; the last is sent, the others only logged


def due_reminders(today: date, calendar: WorkingCalendar) -> list[Due]:
    limits = message_limits()
    found: list[Due] = []
    for message in with_events(Message.objects.filter(status__in=OPEN_STATUSES)):
        try:
            clock = message_clock(message, calendar, list(message.events.all()))
            reading = rules.read_clock(clock, today, calendar, limits)
        except rules.MessageError:
            continue  # shown on the message page; the job does not guess
        if today >= reading.escalate_on:
            found.append(Due(message, ReminderKind.ESCALATE, clock.due_on, (reading.escalate_on,)))
        elif message.unit_id is not None:
            reached = tuple(day for day in reading.reminder_days if day <= today <= clock.due_on)
            if reached:
                found.append(Due(message, ReminderKind.REMIND, clock.due_on, reached))
    return found


def _claim(due: Due, recipients: int) -> bool:
    logged = set(MessageReminder.objects.filter(message=due.message, kind=due.kind, due_on=due.due_on)
                 .values_list("day", flat=True))
    if due.days[-1] in logged:
        return False
    try:
        with transaction.atomic():
            MessageReminder.objects.bulk_create([
                MessageReminder(message=due.message, kind=due.kind, due_on=due.due_on, day=day, sent_on=dates.today(),
                                recipients=recipients if day == due.days[-1] else 0)
                for day in due.days if day not in logged
            ])
    except IntegrityError:
        return False  # another run claimed it and sends it
    return True


def _recipients(due: Due) -> list[User]:
    if due.kind == ReminderKind.ESCALATE:
        people = User.objects.filter(is_active=True, roles__role=Role.OFFICE_ADMIN)
    else:
        people = User.objects.filter(is_active=True, unit_id=due.message.unit_id, roles__role=Role.CLERK)
    return list(people.distinct().order_by("username"))


def _notice(due: Due) -> Notice:
    message = due.message
    url = reverse("interaction:detail", args=[message.pk])
    if due.kind == ReminderKind.ESCALATE:
        unit = message.unit.name if message.unit else "待分办"
        return Notice(f"【留言超期】{message.display_code} 已超过答复期限 {due.due_on.isoformat()}",
                      f"{unit}办理的留言“{message.subject}”已超期未答复，请督办。", url)
    return Notice(f"【留言提醒】{message.display_code} 答复期限 {due.due_on.isoformat()}",
                  f"留言“{message.subject}”应于 {due.due_on.isoformat()} 前答复。", url)


def send_message_reminders(today: date | None = None) -> int:
    """Send every reminder and escalation due by ``today`` not sent yet; returns how many."""
    today = today or dates.today()
    token = set_actor(Actor(user=None, label="系统（留言提醒）"))
    sent = 0
    try:
        for due in due_reminders(today, working_calendar()):
            recipients = _recipients(due)
            if not recipients:
                continue  # nobody to tell yet: a later run sends it once someone is there
            with transaction.atomic():
                if not _claim(due, len(recipients)):
                    continue
                notify((user, _notice(due)) for user in recipients)
                record(f"message_{due.kind}", due.message, after={
                    "due_on": due.due_on, "day": due.days[-1], "recipients": [u.username for u in recipients],
                    "skipped": [d for d in due.days[:-1]],
                })
            sent += 1
    finally:
        reset_actor(token)
    return sent
