"""Where one unit stands on one reporting period of a plan item, derived at read time from the
dates and the report, never stored (so a holiday-table change or a new day needs no job).

- ``accepted``  the office accepted the report (验收通过);
- ``submitted`` handed in, waiting for 验收;
- ``returned``  returned by the office, to be corrected (overdue as well once past due);
- ``overdue``   due date passed and nothing handed in (逾期未报), or returned and past due;
- ``due``       not yet due, nothing handed in;
- ``undated``   an event not yet triggered, or an item without any deadline.

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

HANDED_IN: Final = frozenset({"submitted", "accepted"})  # report states
NOT_ADVANCED: Final = frozenset({"not_started", "delayed"})  # progress statuses


def standing(due_on: date | None, report_state: str | None, today: date) -> Standing:
    """Where a unit stands on a period due ``due_on`` with a report in ``report_state``
    (None when it has not written one)."""
    if report_state == "accepted":
        return Standing.ACCEPTED
    if report_state == "submitted":
        return Standing.SUBMITTED
    if due_on is not None and due_on < today:
        return Standing.OVERDUE
    if report_state == "returned":
        return Standing.RETURNED
    return Standing.DUE if due_on is not None else Standing.UNDATED


def is_overdue(due_on: date | None, report_state: str | None, today: date) -> bool:
    """Past its due date without a report handed in: the day after the due date, not on it."""
    return due_on is not None and due_on < today and report_state not in HANDED_IN


def is_advanced(report_state: str | None, progress_status: str | None) -> bool:
    """Handed in and moving: not 未启动 and not 无法按期完成."""
    return report_state in HANDED_IN and progress_status not in NOT_ADVANCED


def completion_rate(done: int, total: int) -> float:
    """Share of ``total`` done, as a percentage with one decimal; 0 of 0 is 0."""
    return round(100.0 * done / total, 1) if total else 0.0
