"""Where one unit stands on one reporting period of a plan item, derived at read time from the
dates and the report, never stored (so a holiday-table change or a new day needs no job).

- ``accepted``  the office accepted the report (验收通过);
- ``submitted`` handed in, waiting for 验收;
- ``returned``  returned by the office, to be corrected (overdue as well once past due);
- ``overdue``   due date passed and nothing handed in (逾期未报), or returned and past due;
- ``due``       not yet due, nothing handed in;
- ``undated``   an event not yet triggered, or an item without any deadline.

A due date before the day the plan gave the work (``given_on``: its issue date) is one the unit
could never meet: the review flagged it (rules.schedule ``before_issue``), and it stands ``due``
until a report is handed in, never ``overdue`` from the day the plan is published.

An item is *advanced* (推进) for a period when its report was handed in and is not 未启动 or
无法按期完成; the supervision bulletin names the ones that are not (seed 000 item 20).

Pure: no Django.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final


class Standing(StrEnum):
    ACCEPTED = "accepted"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    OVERDUE = "overdue"
    DUE = "due"
    UNDATED = "undated"


LABELS: Final = {
    Standing.ACCEPTED: "已验收",
    Standing.SUBMITTED: "待验收",
    Standing.RETURNED: "已退回",
    Standing.OVERDUE: "逾期未报",
    Standing.DUE: "待报送",
    Standing.UNDATED: "未定期",
}

TO_HAND_IN: Final = frozenset({Standing.DUE, Standing.RETURNED})  # what a reminder is about
HANDED_IN: Final = frozenset({"submitted", "accepted"})  # report states
NOT_ADVANCED: Final = frozenset({"not_started", "delayed"})  # progress statuses


def is_past_due(due_on: date | None, today: date, given_on: date | None = None) -> bool:
    """The due date has passed (the day after it, not on it) and was not before the work was
    given."""
    return due_on is not None and due_on < today and (given_on is None or due_on >= given_on)


def standing(
    due_on: date | None, report_state: str | None, today: date, given_on: date | None = None
) -> Standing:
    """Where a unit stands on a period due ``due_on`` with a report in ``report_state``
    (None when it has not written one), of a plan that gave the work on ``given_on``."""
    if report_state == "accepted":
        return Standing.ACCEPTED
    if report_state == "submitted":
        return Standing.SUBMITTED
    if is_past_due(due_on, today, given_on):
        return Standing.OVERDUE
    if report_state == "returned":
        return Standing.RETURNED
    return Standing.DUE if due_on is not None else Standing.UNDATED


def is_overdue(
    due_on: date | None, report_state: str | None, today: date, given_on: date | None = None
) -> bool:
    """Past its due date without a report handed in (:func:`standing` is ``overdue``)."""
    return standing(due_on, report_state, today, given_on) is Standing.OVERDUE


def is_advanced(report_state: str | None, progress_status: str | None) -> bool:
    """Handed in and moving: not 未启动 and not 无法按期完成."""
    return report_state in HANDED_IN and progress_status not in NOT_ADVANCED


def completion_rate(done: int, total: int) -> float:
    """Share of ``total`` done, as a percentage with one decimal; 0 of 0 is 0."""
    return round(100.0 * done / total, 1) if total else 0.0
