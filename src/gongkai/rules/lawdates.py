"""The sane range of a date that carries law: 成文日期, 发布日期, 生效日期, 失效日期, 废止日期 of a
record, and the law dates of a disclosure request.

No government information of the People's Republic predates its founding (1949-10-01), and no
date a clerk types is more than the end of next year away: a 失效日期 may lie ahead (a document in
force "until 2027-12-31"), a 成文日期 of "9999-12-31" or "0202-05-20" is a typing error. Such a date
is refused where it enters (the form, the service, the importers) with a message naming the field,
because beyond it every working-day count and every yearly report breaks.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

from datetime import date
from typing import Final

EARLIEST: Final = date(1949, 10, 1)


def latest(today: date) -> date:
    """The last acceptable law date: 31 December of the year after ``today``."""
    return date(today.year + 1, 12, 31)


def law_date_problem(label: str, value: date, today: date) -> str | None:
    """Why ``value`` cannot be the ``label`` (e.g. "成文日期") of anything, or None when it can."""
    last = latest(today)
    if EARLIEST <= value <= last:
        return None
    return (
        f"{label} {value.isoformat()} 超出合理范围：应在 {EARLIEST.isoformat()} 至 {last.isoformat()} 之间，"
        "请检查年份是否输错。"
    )
