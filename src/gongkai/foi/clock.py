"""A request's clock, always recomputed from its events by ``rules.foiclock.compute_clock``.

``refresh_due_on`` is the one place that writes ``Request.due_on`` (a cache for sorting the
queue); every page, letter and the tracking page read the clock through ``request_clock``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from gongkai.calendars.service import working_calendar
from gongkai.foi.models import EventKind, LetterKind, Request, RequestEvent, Status
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock import (
    Amendment,
    Clock,
    ClockError,
    ClockRules,
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
    served = _served(rows)
    return RequestEvents(
        received_on=request.received_on,
        amendments=_amendments(rows),
        pauses=_pauses(rows, served),
        extensions=_extensions(rows),
        fee_notice=_fee_notice(rows),
        replied_on=request.replied_on,
        served_on=_reply_served(rows, served) if request.replied_on else None,
    )


def _served(rows: Iterable[RequestEvent]) -> dict[int, date]:
    """The day each served letter reached its addressee: signed for, else served (235号)."""
    served: dict[int, date] = {}
    for event in rows:
        if event.kind == EventKind.LETTER_SERVED:
            signed = event.data.get("signed_on")
            served[int(event.data["letter"])] = date.fromisoformat(signed) if signed else event.on
    return served


def _issued(rows: Iterable[RequestEvent], kind: LetterKind) -> list[tuple[RequestEvent, int]]:
    return [(event, int(event.data["letter"])) for event in rows
            if event.kind == EventKind.LETTER_ISSUED and event.data.get("kind") == kind]


def _reply_served(rows: Sequence[RequestEvent], served: dict[int, date]) -> date | None:
    replies = _issued(rows, LetterKind.REPLY)
    return served.get(replies[-1][1]) if replies else None


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


def _pauses(rows: Sequence[RequestEvent], served: dict[int, date]) -> tuple[Pause, ...]:
    """Each consultation from its start to its end, with the day its 征求意见书 was served (the
    letter issued right after the start, 第三十二条)."""
    started: dict[int, RequestEvent] = {}
    ended: dict[int, date] = {}
    letter_of: dict[int, int] = {}
    waiting: RequestEvent | None = None
    for event in rows:
        if event.kind == EventKind.CONSULTATION_STARTED:
            started[event.pk] = waiting = event
        elif event.kind == EventKind.CONSULTATION_ENDED:
            ended[int(event.data["started"])] = event.on
        elif waiting is not None and event.kind == EventKind.LETTER_ISSUED \
                and event.data.get("kind") == LetterKind.CONSULTATION:
            letter_of[waiting.pk], waiting = int(event.data["letter"]), None
    return tuple(
        Pause(PauseKind(event.data.get("pause", PauseKind.THIRD_PARTY)), event.on, ended.get(pk),
              served.get(letter_of[pk]) if pk in letter_of else None)
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


def clock_rules() -> ClockRules:
    """The jurisdiction's periods: ``GONGKAI_FOI_CLOCK`` (a mapping of ``ClockRules`` fields) over
    the national defaults; a value the 条例 does not allow stops the platform with its reason."""
    configured = getattr(settings, "GONGKAI_FOI_CLOCK", None) or {}
    unknown = set(configured) - {f.name for f in fields(ClockRules)}
    if not isinstance(configured, Mapping) or unknown:
        raise ImproperlyConfigured(f"GONGKAI_FOI_CLOCK: 未知的期限设置 {sorted(unknown)}")
    try:
        return ClockRules(**configured)
    except ClockError as error:
        raise ImproperlyConfigured(f"GONGKAI_FOI_CLOCK: {error}") from None


def request_clock(
    request: Request, calendar: WorkingCalendar | None = None,
    events: Sequence[RequestEvent] | None = None,
) -> Clock:
    """The clock of ``request`` (raises ``ClockError`` on events that describe no real request)."""
    return compute_clock(clock_events(request, events), calendar or working_calendar(), clock_rules())


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
