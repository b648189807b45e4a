"""What falls due today across messages, consultations and incidents, for the console's home: the
office sees every unit, a unit's staff their own. Counts and links only, each item read by the
same functions as its own page (``clock.read_message``, ``Consultation.phase``, ``Incident.marks``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import QuerySet

from gongkai.calendars.service import working_calendar
from gongkai.interaction import incidents
from gongkai.interaction.clock import message_clock, message_limits
from gongkai.interaction.models import (
    OPEN_STATUSES,
    Consultation,
    ConsultationStatus,
    Incident,
    Message,
)
from gongkai.interaction.statistics import with_events
from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, policy
from gongkai.rules import interaction as rules

RECENT_DAYS = 30
LATE_STATES = (rules.MessageState.OVERDUE, rules.MessageState.ESCALATED)


@dataclass
class DueToday:
    messages_due: list[Message] = field(default_factory=list)
    messages_late: list[Message] = field(default_factory=list)
    unrouted: int = 0
    closing: list[Consultation] = field(default_factory=list)
    awaiting_feedback: list[Consultation] = field(default_factory=list)
    marks_due: list[tuple[Incident, rules.DueMark]] = field(default_factory=list)
    late_incidents: list[incidents.Reading] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.messages_due or self.messages_late or self.unrouted or self.closing
                    or self.awaiting_feedback or self.marks_due or self.late_incidents)


def _messages(user: User, today: date, found: DueToday) -> None:
    calendar, limits = working_calendar(), message_limits()
    rows = policy.scope(user, Message.objects.filter(status__in=OPEN_STATUSES), Action.VIEW_IDENTITY)
    found.unrouted = rows.filter(unit__isnull=True).count()
    for message in with_events(rows.filter(due_on__lte=today)):
        try:
            state = rules.read_clock(message_clock(message, calendar, list(message.events.all())), today,
                                     calendar, limits).state
        except rules.MessageError:
            continue
        if state is rules.MessageState.DUE_TODAY:
            found.messages_due.append(message)
        elif state in LATE_STATES:
            found.messages_late.append(message)


def _consultations(user: User, today: date, found: DueToday) -> None:
    rows: QuerySet[Consultation] = policy.scope(
        user, Consultation.objects.filter(status=ConsultationStatus.OPEN).select_related("unit"), Action.VIEW_IDENTITY)
    found.closing = list(rows.filter(closes_on=today))
    found.awaiting_feedback = list(rows.filter(closes_on__lt=today))


def _incidents(user: User, now: datetime, found: DueToday) -> None:
    """Marks due before midnight; late incidents: a mark past and unmet (however old), or met late
    in the last 30 days. The register holds tens of incidents a year: all are read."""
    end_of_day = datetime.combine(now.date(), datetime.min.time()) + timedelta(days=1)
    recent = now - timedelta(days=RECENT_DAYS)
    rows = incidents.with_responses(policy.scope(user, Incident.objects.all(), Action.VIEW))
    for reading in incidents.read(rows, now):
        found.marks_due += [(reading.incident, mark) for mark in reading.open_marks if mark.due_at < end_of_day]
        overdue = any(mark.due_at < now for mark in reading.open_marks)
        if overdue or (reading.late and max(mark.due_at for mark in reading.marks) >= recent):
            found.late_incidents.append(reading)


def due_today(user: User, today: date, now: datetime | None = None) -> DueToday:
    found = DueToday()
    _messages(user, today, found)
    _consultations(user, today, found)
    _incidents(user, now or incidents.local_now(), found)
    return found
