"""Statistics of messages per unit and month of receipt: received, answered on time, answered
late, still open, 咨询 over 3 months without a reply (the national veto, 国办秘函〔2019〕19号) and
the senders' ratings. Counts only; read by the console page and, later, the assessment and the
annual report. Each message is judged by its own clock (``clock.message_clock``), so the
statistics and the message pages can never disagree."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet

from gongkai.calendars.service import working_calendar
from gongkai.interaction.clock import message_clock
from gongkai.interaction.models import Message, MessageEvent, Rating
from gongkai.rules import interaction as rules


@dataclass
class Row:
    unit: str
    month: str  # YYYY-MM of receipt
    received: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    vetoed: int = 0  # 咨询 over 3 months without a reply, as of the day asked
    ratings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Rating.values, 0))
    reply_workdays: list[int] = field(default_factory=list)  # receipt to first reply, each answered message

    @property
    def mean_reply_workdays(self) -> float | None:
        """Working days from receipt to the first reply, on average over the answered (the API's)."""
        return round(sum(self.reply_workdays) / len(self.reply_workdays), 1) if self.reply_workdays else None

    @property
    def satisfied_share(self) -> str:
        """满意 and 基本满意 among the rated, as a percentage ("—" when nobody rated)."""
        rated = sum(self.ratings.values())
        if not rated:
            return "—"
        good = self.ratings[Rating.SATISFIED] + self.ratings[Rating.BASICALLY]
        return f"{good * 100 / rated:.0f}%"


def with_events(rows: QuerySet[Message]) -> QuerySet[Message]:
    return rows.select_related("unit").prefetch_related(
        Prefetch("events", queryset=MessageEvent.objects.order_by("id")))


def _clocked(messages: Iterable[Message]) -> Iterator[tuple[Message, rules.MessageClock, int | None]]:
    """Each message with its own clock (its events prefetched by ``with_events``) and the working
    days from its receipt to its first reply (None while unanswered)."""
    calendar = working_calendar()
    for message in messages:
        clock = message_clock(message, calendar, list(message.events.all()))
        replied = clock.first_replied_on
        yield message, clock, calendar.workdays_between(message.received_on, replied) if replied else None


def monthly(messages: Iterable[Message], as_of: date) -> list[Row]:
    table: dict[tuple[str, str], Row] = {}
    for message, clock, workdays in _clocked(messages):
        unit = message.unit.name if message.unit else "待分办"
        month = message.received_on.strftime("%Y-%m")
        _count(table.setdefault((unit, month), Row(unit, month)), message, clock, as_of, workdays)
    return sorted(table.values(), key=lambda row: (row.month, row.unit), reverse=True)


def total(messages: Iterable[Message], as_of: date) -> Row | None:
    """All ``messages`` counted in one row (the annual report's §一), or None when there are none."""
    row = Row("", "")
    for message, clock, workdays in _clocked(messages):
        _count(row, message, clock, as_of, workdays)
    return row if row.received else None


def _count(row: Row, message: Message, clock: rules.MessageClock, as_of: date, workdays: int | None) -> None:
    row.received += 1
    if workdays is not None:
        row.reply_workdays.append(workdays)
    if clock.first_replied_on is None:
        row.open += 1
    elif clock.late:
        row.late += 1
    else:
        row.on_time += 1
    if rules.over_three_months(message.rule_kind, message.received_on, clock.first_replied_on, as_of):
        row.vetoed += 1
    if message.rating:
        row.ratings[message.rating] += 1



def veto_count(as_of: date, messages: QuerySet[Message] | None = None) -> int:
    """How many 咨询 messages of the check's window (``rules.veto_window``) went more than 3 months
    without a reply as seen on ``as_of``: what website monitoring reads for the 单项否决 (0 keeps
    the site clear). Each message by its own clock's first reply, like the statistics."""
    first, last = rules.veto_window(as_of)
    rows = (Message.objects.all() if messages is None else messages).filter(
        kind=rules.MessageKind.CONSULT, received_on__gt=first, received_on__lte=last)
    calendar = working_calendar()
    return rules.vetoed(
        ((message.rule_kind, message.received_on,
          message_clock(message, calendar, list(message.events.all())).first_replied_on)
         for message in with_events(rows)),
        as_of,
    )


# --- incidents of public concern, per lead unit ------------------------------------------------


@dataclass
class IncidentRow:
    unit: str
    registered: int = 0
    on_time: int = 0  # every mark met in time
    late: int = 0  # a mark met late, or past and still unmet


def incident_rows(readings: Iterable[Any]) -> list[IncidentRow]:
    """Per lead unit: incidents registered, answered in time, late (``incidents.Reading``)."""
    table: dict[str, IncidentRow] = {}
    for reading in readings:
        row = table.setdefault(reading.incident.lead_unit.name, IncidentRow(reading.incident.lead_unit.name))
        row.registered += 1
        if reading.late:
            row.late += 1
        elif not reading.open_marks:
            row.on_time += 1
    return sorted(table.values(), key=lambda row: row.unit)
