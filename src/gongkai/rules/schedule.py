"""Reporting schedules of plan items: when each item's progress is due (CONTRACTS.md §4).

From an item's deadline, the due dates of its reporting periods within the plan year:

- a dated deadline gives that date;
- ``monthly``, ``quarterly``, ``semiannual`` and ``yearly`` give the period ends (month ends;
  03-31, 06-30, 09-30, 12-31; 06-30 and 12-31; 12-31) that fall after the plan's issue date and on
  or before 31 December of the plan year (the whole year when the issue date is unknown);
- ``ongoing`` work reports on the semiannual cadence (seed 000 item 20: 每半年向社会公开进展);
- an ``event`` has no date until the office records its trigger: :func:`event_due` then gives
  the configured number of working days after it; items without a deadline give none.

A due date that falls on a non-working day stays as written and is flagged ``holiday``: the
notice set it, and moving it is the office's decision, not ours.

Pure: no Django; the working-day calendar is rules.calendar's.
"""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from gongkai.rules.calendar import WorkingCalendar, default_calendar
from gongkai.rules.planparse.model import Deadline, Item, Plan, Recurrence, deadline_to_json

HOLIDAY: Final = "holiday"  # a due date on a weekend, holiday or 调休 rest day
YEAR_UNKNOWN: Final = "year_unknown"  # a recurring item of a plan whose year is not known

_PERIOD_MONTHS: Final = {
    Recurrence.MONTHLY: tuple(range(1, 13)),
    Recurrence.QUARTERLY: (3, 6, 9, 12),
    Recurrence.SEMIANNUAL: (6, 12),
    Recurrence.ONGOING: (6, 12),
    Recurrence.YEARLY: (12,),
}


@dataclass(frozen=True)
class ScheduledItem:
    number: str
    text: str
    deadline: Deadline
    due: tuple[date, ...]
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schedule:
    issued_on: date | None
    year: int | None
    items: tuple[ScheduledItem, ...]
    title: str | None = None


def period_ends(
    recurrence: Recurrence, year: int, issued_on: date | None = None
) -> tuple[date, ...]:
    """The ends of the reporting periods of ``year`` that fall after ``issued_on``."""
    ends = (_month_end(year, month) for month in _PERIOD_MONTHS.get(recurrence, ()))
    return tuple(end for end in ends if issued_on is None or end > issued_on)


def due_dates(
    deadline: Deadline, year: int | None, issued_on: date | None = None
) -> tuple[date, ...]:
    """The due dates of one item (CONTRACTS.md §4)."""
    if deadline.date is not None:
        return (deadline.date,)
    if deadline.recurrence is None or deadline.recurrence is Recurrence.EVENT or year is None:
        return ()
    return period_ends(deadline.recurrence, year, issued_on)


def schedule_item(
    item: Item, year: int | None, issued_on: date | None, calendar: WorkingCalendar | None = None
) -> ScheduledItem:
    calendar = calendar or default_calendar()
    due = due_dates(item.deadline, year, issued_on)
    flags = []
    if any(not calendar.is_workday(day) for day in due):
        flags.append(HOLIDAY)
    periodic = item.deadline.date is None and item.deadline.recurrence in _PERIOD_MONTHS
    if periodic and year is None:
        flags.append(YEAR_UNKNOWN)
    return ScheduledItem(item.number, item.text, item.deadline, due, tuple(flags))


def schedule_plan(plan: Plan, calendar: WorkingCalendar | None = None) -> Schedule:
    """Every item of a plan with its due dates."""
    items = tuple(schedule_item(item, plan.year, plan.issued_on, calendar) for item in plan.items)
    return Schedule(plan.issued_on, plan.year, items, plan.title)


def event_due(trigger: date, workdays: int, calendar: WorkingCalendar | None = None) -> date:
    """The due date of an event item: ``workdays`` working days after its trigger (the trigger
    day itself not counted, 《民法典》第二百零一条)."""
    return (calendar or default_calendar()).add_workdays(trigger, workdays)


def schedule_to_json(schedule: Schedule) -> dict[str, Any]:
    """The schedule exactly as CONTRACTS.md section 4 prints it (plus the plan's ``title``)."""
    return {
        "issued_on": schedule.issued_on.isoformat() if schedule.issued_on else None,
        "year": schedule.year,
        "title": schedule.title,
        "items": [
            {
                "number": item.number,
                "text": item.text,
                "deadline": deadline_to_json(item.deadline),
                "due": [day.isoformat() for day in item.due],
                "flags": list(item.flags),
            }
            for item in schedule.items
        ],
    }


def _month_end(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])
