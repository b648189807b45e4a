"""Interaction with the public (政民互动): the reply clock of messages and its 3-month veto, the
clock-hour marks of incidents of public concern, and the routing of a message to a unit
(DOMAIN.md section 5). One module per subject; pure Python, no Django."""

from __future__ import annotations

from gongkai.rules.interaction.due import (
    INCIDENT_KINDS,
    DueItem,
    due_answer,
    due_items,
    known_kinds,
)
from gongkai.rules.interaction.incidents import (
    MARKS,
    DueMark,
    IncidentLevel,
    Mark,
    MarkState,
    format_remaining,
    marks_for,
)
from gongkai.rules.interaction.messages import (
    KIND_LABELS,
    ClockEvent,
    EventKind,
    MessageClock,
    MessageError,
    MessageKind,
    MessageLimits,
    MessageState,
    Reading,
    Round,
    add_months,
    kind_from_text,
    limits_from_mapping,
    message_clock,
    over_three_months,
    parse_limits,
    read_clock,
    veto_deadline,
    veto_window,
    vetoed,
)
from gongkai.rules.interaction.routing import KeywordRule, Routing, mentioned_units, route_message

__all__ = [
    "INCIDENT_KINDS",
    "KIND_LABELS",
    "MARKS",
    "ClockEvent",
    "DueItem",
    "DueMark",
    "EventKind",
    "IncidentLevel",
    "KeywordRule",
    "Mark",
    "MarkState",
    "MessageClock",
    "MessageError",
    "MessageKind",
    "MessageLimits",
    "MessageState",
    "Reading",
    "Round",
    "Routing",
    "add_months",
    "due_answer",
    "due_items",
    "format_remaining",
    "kind_from_text",
    "known_kinds",
    "limits_from_mapping",
    "marks_for",
    "mentioned_units",
    "message_clock",
    "over_three_months",
    "parse_limits",
    "read_clock",
    "route_message",
    "veto_deadline",
    "veto_window",
    "vetoed",
]
