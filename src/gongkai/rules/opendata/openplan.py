"""Where one entry of the yearly opening plan (年度开放计划) stands, derived at read time from its
planned date, the day its data set was first published and today, never stored.

A planned date that falls on a rest day (a weekend, a holiday, by the project calendar with its
调休) is met by the next working day, as every deadline of the platform is. Then:

- ``opened``       the data set was published by that day (按期开放);
- ``opened_late``  published, but after it (逾期开放);
- ``late``         not published and the day has passed (逾期未开放);
- ``due_soon``     not published, due within ``SOON_WORKDAYS`` working days (即将到期);
- ``planned``      not published, not yet due (未到期).

Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from gongkai.rules.calendar import WorkingCalendar

SOON_WORKDAYS: Final = 5


class Standing(StrEnum):
    OPENED = "opened"
    OPENED_LATE = "opened_late"
    LATE = "late"
    DUE_SOON = "due_soon"
    PLANNED = "planned"


LABELS: Final = {
    Standing.OPENED: "按期开放",
    Standing.OPENED_LATE: "逾期开放",
    Standing.LATE: "逾期未开放",
    Standing.DUE_SOON: "即将到期",
    Standing.PLANNED: "未到期",
}
OPEN: Final = frozenset({Standing.OPENED, Standing.OPENED_LATE})


def due_on(planned_on: date, calendar: WorkingCalendar) -> date:
    """The planned date, or the first working day after it when it is a rest day."""
    return planned_on if calendar.is_workday(planned_on) else calendar.add_workdays(planned_on, 1)


def standing(planned_on: date, opened_on: date | None, today: date, calendar: WorkingCalendar) -> Standing:
    due = due_on(planned_on, calendar)
    if opened_on is not None:
        return Standing.OPENED if opened_on <= due else Standing.OPENED_LATE
    if today > due:
        return Standing.LATE
    if today == due or calendar.workdays_between(today, due) <= SOON_WORKDAYS:
        return Standing.DUE_SOON
    return Standing.PLANNED


@dataclass(frozen=True)
class Tally:
    """One unit's plan for the year, counted."""

    planned: int = 0
    opened: int = 0  # on time or late
    late: int = 0  # not opened and past due
    opened_late: int = 0

    @property
    def rate(self) -> float:
        """Share opened, in percent, one decimal (0 for an empty plan)."""
        return round(100 * self.opened / self.planned, 1) if self.planned else 0.0


def tally(standings: Iterable[Standing]) -> Tally:
    planned = opened = late = opened_late = 0
    for found in standings:
        planned += 1
        opened += found in OPEN
        late += found is Standing.LATE
        opened_late += found is Standing.OPENED_LATE
    return Tally(planned, opened, late, opened_late)
