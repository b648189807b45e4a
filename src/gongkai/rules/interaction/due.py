"""The answer of ``gongkai interaction due`` (CONTRACTS.md section 9), from the same functions as
the pages: a message kind gives its reply day, an incident level its clock-hour marks.

Pure Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.interaction.incidents import IncidentLevel, marks_for
from gongkai.rules.interaction.messages import (
    KIND_LABELS,
    MessageError,
    MessageLimits,
    kind_from_text,
    message_clock,
)

INCIDENT_KINDS: Final = {"舆情-重大": IncidentLevel.MAJOR, "舆情-一般": IncidentLevel.GENERAL}
MINUTE: Final = "%Y-%m-%dT%H:%M"


@dataclass(frozen=True)
class DueItem:
    what: str
    due: date | datetime

    def as_json(self) -> dict[str, str]:
        text = self.due.strftime(MINUTE) if isinstance(self.due, datetime) else self.due.isoformat()
        return {"what": self.what, "due": text}


def known_kinds() -> str:
    return "、".join([*KIND_LABELS.values(), *INCIDENT_KINDS])


def due_items(
    kind: str, at: datetime, calendar: WorkingCalendar, limits: MessageLimits | None = None,
) -> tuple[DueItem, ...]:
    """What falls due for ``kind`` received (or learned of) at the local time ``at``."""
    level = INCIDENT_KINDS.get(kind.strip())
    if level is not None:
        return tuple(DueItem(mark.mark.what, mark.due_at) for mark in marks_for(level, at))
    try:
        message_kind = kind_from_text(kind)
    except MessageError:
        raise MessageError(f"未知的类型“{kind}”：应为{known_kinds()}之一") from None
    clock = message_clock(message_kind, at.date(), (), calendar, limits)
    return (DueItem("答复", clock.due_on),)


def due_answer(
    kind: str, at: datetime, calendar: WorkingCalendar, limits: MessageLimits | None = None,
) -> dict[str, object]:
    items = due_items(kind, at, calendar, limits)
    return {"kind": kind, "at": at.strftime(MINUTE), "due": [item.as_json() for item in items]}
