"""Read-time states (STYLE.md habit 4): what ``today`` makes of a clock (due soon, overdue, …).

Pure Python: no Django.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock.counting import Clock, Stage

# Read-time states (STYLE.md habit 4). "Due soon" leaves a working week to finish the reply.
DUE_SOON_WORKDAYS: Final = 5
# "Seriously overdue": more than 20 working days late, i.e. later than even the longest lawful
# extension would have allowed. This is our choice; no rule defines it.
SERIOUSLY_OVERDUE_WORKDAYS: Final = 20


class ClockState(StrEnum):
    NOT_STARTED = "not_started"
    AWAITING_AMENDMENT = "awaiting_amendment"
    ABANDONED = "abandoned"
    PAUSED = "paused"
    RUNNING = "running"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    SERIOUSLY_OVERDUE = "seriously_overdue"
    AWAITING_SERVICE = "awaiting_service"
    REPLIED = "replied"
    REPLIED_LATE = "replied_late"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS: Final = MappingProxyType({
    ClockState.NOT_STARTED: "未起算",
    ClockState.AWAITING_AMENDMENT: "待补正",
    ClockState.ABANDONED: "视为放弃",
    ClockState.PAUSED: "暂停计算",
    ClockState.RUNNING: "办理中",
    ClockState.DUE_SOON: "即将到期",
    ClockState.DUE_TODAY: "今日到期",
    ClockState.OVERDUE: "已超期",
    ClockState.SERIOUSLY_OVERDUE: "严重超期",
    ClockState.AWAITING_SERVICE: "已答复待送达",
    ClockState.REPLIED: "已答复",
    ClockState.REPLIED_LATE: "逾期答复",
})


def clock_state(
    clock: Clock,
    today: date,
    calendar: WorkingCalendar,
    *,
    due_soon_workdays: int = DUE_SOON_WORKDAYS,
    seriously_overdue_workdays: int = SERIOUSLY_OVERDUE_WORKDAYS,
) -> ClockState:
    """The state of a request on ``today``: due soon = the due date is at most
    ``due_soon_workdays`` working days ahead; seriously overdue = more than
    ``seriously_overdue_workdays`` working days past it."""
    if clock.stage is Stage.REPLIED:
        # Judged on the day of service (国办公开办函〔2016〕235号): unserved past the due date is late.
        served = clock.served_on
        late = clock.due_on is not None and (served or today) > clock.due_on
        if late:
            return ClockState.REPLIED_LATE
        return ClockState.REPLIED if served is not None else ClockState.AWAITING_SERVICE
    if clock.abandon_on is not None and today >= clock.abandon_on:
        return ClockState.ABANDONED
    if clock.stage is Stage.NOT_STARTED:
        return ClockState.NOT_STARTED
    if clock.stage is Stage.AWAITING_AMENDMENT:
        return ClockState.AWAITING_AMENDMENT
    due = clock.due_on
    if due is None or (clock.stage is Stage.PAUSED and (clock.paused_until is None or today <= clock.paused_until)):
        return ClockState.PAUSED
    if today == due:
        return ClockState.DUE_TODAY
    if today < due:
        soon = calendar.workdays_between(today, due) <= due_soon_workdays
        return ClockState.DUE_SOON if soon else ClockState.RUNNING
    days_late = calendar.workdays_between(due, today)
    serious = days_late > seriously_overdue_workdays
    return ClockState.SERIOUSLY_OVERDUE if serious else ClockState.OVERDUE

def workdays_left(clock: Clock, today: date, calendar: WorkingCalendar) -> int | None:
    """Working days from ``today`` to the due date: positive ahead, 0 on it, negative when late
    (-k: k working days late). None when there is no due date."""
    if clock.due_on is None:
        return None
    if today <= clock.due_on:
        return calendar.workdays_between(today, clock.due_on)
    return -calendar.workdays_between(clock.due_on, today)
