"""The reply clock of a stored message: its events read as the pure rules' events
(``gongkai.rules.interaction.messages``), over the office's working calendar and the
jurisdiction's limits (``GONGKAI_MESSAGE_LIMITS``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from gongkai.calendars.service import working_calendar
from gongkai.interaction.models import HANDOVER_KINDS, EventKind, Message, MessageEvent
from gongkai.rules import interaction as rules
from gongkai.rules.calendar import WorkingCalendar


def message_limits() -> rules.MessageLimits:
    """The jurisdiction's reply periods: ``GONGKAI_MESSAGE_LIMITS`` (``咨询=5,投诉=15``) over the
    defaults; a value out of bounds stops the platform with its reason."""
    configured = getattr(settings, "GONGKAI_MESSAGE_LIMITS", "") or ""
    try:
        return rules.parse_limits(str(configured))
    except rules.MessageError as error:
        raise ImproperlyConfigured(f"GONGKAI_MESSAGE_LIMITS: {error}") from None


def clock_events(events: Sequence[MessageEvent]) -> list[rules.ClockEvent]:
    found: list[rules.ClockEvent] = []
    for event in events:
        if event.kind in HANDOVER_KINDS:
            restart = bool(event.data.get("restart"))
            found.append(rules.ClockEvent(rules.EventKind.TRANSFERRED, event.on, restart))
        elif event.kind == EventKind.REPLIED:
            found.append(rules.ClockEvent(rules.EventKind.REPLIED, event.on))
        elif event.kind == EventKind.REOPENED:
            found.append(rules.ClockEvent(rules.EventKind.REOPENED, event.on))
    return found


def message_clock(
    message: Message, calendar: WorkingCalendar | None = None, events: Sequence[MessageEvent] | None = None,
) -> rules.MessageClock:
    rows = list(message.events.all()) if events is None else events
    return rules.message_clock(
        message.rule_kind, message.received_on, clock_events(rows), calendar or working_calendar(), message_limits(),
    )


def read_message(
    message: Message, today: date, calendar: WorkingCalendar | None = None,
    events: Sequence[MessageEvent] | None = None,
) -> rules.Reading:
    calendar = calendar or working_calendar()
    return rules.read_clock(message_clock(message, calendar, events), today, calendar, message_limits())


def refresh_due_on(message: Message, calendar: WorkingCalendar | None = None,
                   events: Sequence[MessageEvent] | None = None) -> rules.MessageClock:
    """Recompute the clock and store its due date on ``message`` (the caller saves)."""
    clock = message_clock(message, calendar, events)
    message.due_on = clock.due_on
    return clock
