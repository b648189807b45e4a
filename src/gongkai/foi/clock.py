"""A request's clock, always recomputed from its events by ``rules.foiclock.compute_clock``.

``refresh_due_on`` is the one place that writes ``Request.due_on`` (a cache for sorting the
queue); every page, letter and the tracking page read the clock through ``request_clock``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from gongkai.calendars.service import working_calendar
from gongkai.foi.models import EventKind, LetterKind, Request, RequestEvent, Status
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock import (
    Amendment,
    Clock,
    ClockState,
    Extension,
    FeeNotice,
    Pause,
    PauseKind,
    RequestEvents,
    clock_state,
    compute_clock,
)


def _events(request: Request, events: Sequence[RequestEvent] | None) -> list[RequestEvent]:
    rows = list(events) if events is not None else list(request.events.all())
    return sorted(rows, key=lambda event: event.pk or 0)


def clock_events(request: Request, events: Sequence[RequestEvent] | None = None) -> RequestEvents:
    """The request's recorded events in the shape the pure clock reads."""
    rows = _events(request, events)
    return RequestEvents(
        received_on=request.received_on,
        amendments=_amendments(rows),
        pauses=_pauses(rows),
        extensions=_extensions(rows),
        fee_notice=_fee_notice(rows),
        replied_on=request.replied_on,
    )


def _amendments(rows: Iterable[RequestEvent]) -> tuple[Amendment, ...]:
    amendments: list[Amendment] = []
    for event in rows:
        if event.kind == EventKind.AMENDMENT_REQUESTED:
            reply_by = event.data.get("reply_by")
            amendments.append(Amendment(
                notice_sent_on=event.on, reply_by=date.fromisoformat(reply_by) if reply_by else None,
            ))
        elif event.kind == EventKind.AMENDED:
            last = amendments.pop() if amendments and amendments[-1].amended_on is None else Amendment()
            amendments.append(Amendment(last.notice_sent_on, last.reply_by, event.on))
    return tuple(amendments)


def _pauses(rows: Iterable[RequestEvent]) -> tuple[Pause, ...]:
    started: dict[int, RequestEvent] = {}
    ended: dict[int, date] = {}
    for event in rows:
        if event.kind == EventKind.CONSULTATION_STARTED:
            started[event.pk] = event
        elif event.kind == EventKind.CONSULTATION_ENDED:
            ended[int(event.data["started"])] = event.on
    return tuple(
        Pause(PauseKind(event.data.get("pause", PauseKind.THIRD_PARTY)), event.on, ended.get(pk))
        for pk, event in started.items()
    )


def _extensions(rows: Sequence[RequestEvent]) -> tuple[Extension, ...]:
    notified = [
        event.on for event in rows
        if event.kind == EventKind.LETTER_ISSUED and event.data.get("kind") == LetterKind.EXTENSION
    ]
    return tuple(
        Extension(
            workdays=int(event.data["workdays"]), approved_by=event.data.get("approved_by", ""),
            approved_on=event.on, notified_on=notified[0] if notified else None,
        )
        for event in rows if event.kind == EventKind.EXTENSION_APPROVED
    )


def _fee_notice(rows: Iterable[RequestEvent]) -> FeeNotice | None:
    served = paid = None
    for event in rows:
        if event.kind == EventKind.FEE_NOTICE:
            served = event.on
        elif event.kind == EventKind.FEE_PAID:
            paid = event.on
    return FeeNotice(served, paid) if served is not None else None


def request_clock(
    request: Request, calendar: WorkingCalendar | None = None,
    events: Sequence[RequestEvent] | None = None,
) -> Clock:
    """The clock of ``request`` (raises ``ClockError`` on events that describe no real request)."""
    return compute_clock(clock_events(request, events), calendar or working_calendar())


def refresh_due_on(
    request: Request, calendar: WorkingCalendar | None = None,
    events: Sequence[RequestEvent] | None = None,
) -> Clock:
    """Recompute the clock and store its due date on ``request`` (the caller saves)."""
    clock = request_clock(request, calendar, events)
    request.due_on = clock.due_on if request.status not in (Status.ABANDONED,) else None
    return clock


@dataclass(frozen=True)
class ReadState:
    """A request's state on a day, derived from its clock: what the queue and pages show."""

    state: ClockState

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def css(self) -> str:
        return self.state.value.replace("_", "-")


def request_state(request: Request, clock: Clock, today: date, calendar: WorkingCalendar) -> ReadState:
    if request.status == Status.ABANDONED:
        return ReadState(ClockState.ABANDONED)
    return ReadState(clock_state(clock, today, calendar))
