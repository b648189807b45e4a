"""Reporting schedules of plan items: when each item's progress is due (CONTRACTS.md §4).

From an item's deadline, the due dates of its reporting periods within the plan year:

- a dated deadline gives that date;
- ``monthly``, ``quarterly``, ``semiannual`` and ``yearly`` give the period ends (month ends;
  03-31, 06-30, 09-30, 12-31; 06-30 and 12-31; 12-31) that fall after the plan's issue date and on
  or before 31 December of the plan year (the whole year when the issue date is unknown);
- ``ongoing`` work reports on the semiannual cadence (seed 000 item 20: 每半年向社会公开进展);
- a deadline naming several dates gives each of them (its milestones);
- an ``event`` has no date until the office records its trigger (unless it also names one, which
  is its due date): :func:`event_due` then gives the configured number of working days after it;
- an item without any deadline takes the plan's default cadence (semiannual unless the office
  chooses quarterly, yearly or none) and is flagged ``default_cadence``;
- a due date before the plan's issue date is flagged ``before_issue`` for review, never treated
  as overdue on the day the plan is published.

Before each due date, reminders fire a configured number of working days ahead (default 5 and 1,
:func:`reminder_dates`); :func:`decide_reminder` says which one to send today, at most one.

A due date that falls on a non-working day stays as written and is flagged ``holiday``: the
notice set it, and moving it is the office's decision, not ours.

Pure: no Django; the working-day calendar is rules.calendar's.
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from gongkai.rules.calendar import WorkingCalendar, default_calendar
from gongkai.rules.planparse.deadlines import find_recurrence_in_text
from gongkai.rules.planparse.model import Deadline, Item, Plan, Recurrence, deadline_to_json

HOLIDAY: Final = "holiday"  # a due date on a weekend, holiday or 调休 rest day
YEAR_UNKNOWN: Final = "year_unknown"  # a recurring item of a plan whose year is not known
BEFORE_ISSUE: Final = "before_issue"  # a due date before the plan was issued: for review
DEFAULT_CADENCE: Final = "default_cadence"  # no deadline written: the plan's default cadence

# What an item without any deadline reports on, unless the office says otherwise (seed 000 item
# 20 asks for progress every half year). None: such items get no due date.
CADENCES: Final = {
    "semiannual": Recurrence.SEMIANNUAL,
    "quarterly": Recurrence.QUARTERLY,
    "yearly": Recurrence.YEARLY,
    "none": None,
}
STANDARD_CADENCE: Final = "semiannual"

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


def undated(deadline: Deadline) -> bool:
    """An item that states no deadline at all: it reports on the plan's default cadence."""
    return deadline.date is None and deadline.recurrence is None and not deadline.milestones


def proposed_recurrence(text: str, deadline: Deadline) -> Recurrence | None:
    """A cadence the requirement's own words state ("每季度公示…", "按月公开…") that its deadline
    does not (it says only 全年工作, or nothing): proposed at review, for the office to confirm."""
    if deadline.date is not None or deadline.milestones:
        return None
    if deadline.recurrence not in (None, Recurrence.ONGOING):
        return None
    stated = find_recurrence_in_text(text)
    if stated is None or stated.recurrence in (None, Recurrence.ONGOING):
        return None
    return stated.recurrence


def due_dates(
    deadline: Deadline,
    year: int | None,
    issued_on: date | None = None,
    cadence: str = STANDARD_CADENCE,
) -> tuple[date, ...]:
    """The due dates of one item (CONTRACTS.md §4): each milestone, else its date (an event's
    too), else its recurrence's period ends, else, with no deadline at all, the ends of the
    plan's default ``cadence`` (one of :data:`CADENCES`). The one rule the command, the
    platform's periods, reminders and the dashboard all use."""
    if deadline.milestones:
        return tuple(step.date for step in deadline.milestones)
    if deadline.date is not None:
        return (deadline.date,)
    recurrence = CADENCES[cadence] if undated(deadline) else deadline.recurrence
    if recurrence is None or recurrence is Recurrence.EVENT or year is None:
        return ()
    return period_ends(recurrence, year, issued_on)


def schedule_item(
    item: Item,
    year: int | None,
    issued_on: date | None,
    calendar: WorkingCalendar | None = None,
    cadence: str = STANDARD_CADENCE,
) -> ScheduledItem:
    calendar = calendar or default_calendar()
    due = due_dates(item.deadline, year, issued_on, cadence)
    flags = []
    if any(not calendar.is_workday(day) for day in due):
        flags.append(HOLIDAY)
    if issued_on is not None and any(day < issued_on for day in due):
        flags.append(BEFORE_ISSUE)
    if undated(item.deadline) and CADENCES[cadence] is not None:
        flags.append(DEFAULT_CADENCE)
    periodic = item.deadline.date is None and item.deadline.recurrence in _PERIOD_MONTHS
    if (periodic or DEFAULT_CADENCE in flags) and year is None:
        flags.append(YEAR_UNKNOWN)
    return ScheduledItem(item.number, item.text, item.deadline, due, tuple(flags))


def schedule_plan(
    plan: Plan, calendar: WorkingCalendar | None = None, cadence: str = STANDARD_CADENCE
) -> Schedule:
    """Every item of a plan with its due dates."""
    items = tuple(
        schedule_item(item, plan.year, plan.issued_on, calendar, cadence) for item in plan.items
    )
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


# -- reminders before a due date ---------------------------------------------------------------

DEFAULT_REMINDER_WORKDAYS: Final = (5, 1)


def reminder_dates(
    due_on: date, offsets: Iterable[int], calendar: WorkingCalendar | None = None
) -> dict[int, date]:
    """When each reminder fires: for an offset n, the working day n working days before
    ``due_on`` (``workdays_between(fires_on, due_on) == n``), so 5 days before a due date just
    after 国庆 reaches back over the whole golden week, not 5 calendar days."""
    calendar = calendar or default_calendar()
    return {n: calendar.sub_workdays(due_on, n) for n in sorted(set(offsets), reverse=True)}


def due_reminders(
    due_on: date, offsets: Iterable[int], today: date, calendar: WorkingCalendar | None = None
) -> tuple[int, ...]:
    """The offsets whose reminder should have fired by ``today`` (fire date <= today <= due
    date), nearest first. None once the due date has passed: that is overdue, not a reminder."""
    if today > due_on:
        return ()
    fired = [n for n, fires_on in reminder_dates(due_on, offsets, calendar).items() if fires_on <= today]
    return tuple(sorted(fired))


@dataclass(frozen=True)
class ReminderDecision:
    """What to do today for one unit's period: ``send`` the reminder of that offset (None: send
    nothing) and record ``log`` as done, the sent offset and any larger one it supersedes."""

    send: int | None
    log: tuple[int, ...]


def decide_reminder(
    due_on: date,
    offsets: Iterable[int],
    logged: Collection[int],
    today: date,
    calendar: WorkingCalendar | None = None,
) -> ReminderDecision:
    """At most one reminder per unit and period a day, and never one sent twice.

    When the worker was down past the 5-day reminder and the 1-day one is due as well, only the
    nearest is sent and both are recorded, so nobody gets two mails at once; an offset that
    fired before a nearer one already sent is recorded without sending anything.
    """
    fired = due_reminders(due_on, offsets, today, calendar)
    pending = tuple(n for n in fired if n not in logged)
    if not pending:
        return ReminderDecision(None, ())
    send = fired[0] if fired[0] in pending else None
    return ReminderDecision(send, pending)


def reminder_horizon(today: date, offsets: Iterable[int], calendar: WorkingCalendar | None = None) -> date:
    """The last due date any reminder can concern on ``today``: a due date D has a fired
    reminder of offset n exactly when ``workdays_between(today, D) <= n``, so the due dates worth
    looking at run from ``today`` to the day before the (largest offset + 1)-th working day."""
    largest = max(offsets, default=0)
    return (calendar or default_calendar()).add_workdays(today, largest + 1) - timedelta(days=1)


def _month_end(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])
