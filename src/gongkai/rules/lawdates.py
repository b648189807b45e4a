"""The sane range of a date that carries law: 成文日期, 发布日期, 生效日期, 失效日期, 废止日期 of a
record, and the law dates of a disclosure request.

No government information of the People's Republic predates its founding (1949-10-01), and no
date a clerk types is later than the end of next year (a 生效日期 may lie a few months ahead), except
an expiry: a 失效日期 closes a validity period, which for a 规范性文件 is commonly up to five years
from a 生效日期 that may itself lie ahead, so it may reach :data:`EXPIRY_YEARS_AHEAD` years on. A
成文日期 of "9999-12-31" or "0202-05-20" is a typing error. Such a date
is refused where it enters (the form, the service, the importers) with a message naming the field,
because beyond it every working-day count and every yearly report breaks.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

from datetime import date
from typing import Final

EARLIEST: Final = date(1949, 10, 1)
YEARS_AHEAD: Final = 1
EXPIRY_YEARS_AHEAD: Final = 10


def latest(today: date, years_ahead: int = YEARS_AHEAD) -> date:
    """The last acceptable law date: 31 December of the year after ``today`` (or ``years_ahead``
    years on, for an expiry)."""
    return date(today.year + years_ahead, 12, 31)


def law_date_problem(label: str, value: date, today: date, years_ahead: int = YEARS_AHEAD) -> str | None:
    """Why ``value`` cannot be the ``label`` (e.g. "成文日期") of anything, or None when it can."""
    last = latest(today, years_ahead)
    if EARLIEST <= value <= last:
        return None
    return (
        f"{label} {value.isoformat()} 超出合理范围：应在 {EARLIEST.isoformat()} 至 {last.isoformat()} 之间，"
        "请检查年份是否输错。"
    )
