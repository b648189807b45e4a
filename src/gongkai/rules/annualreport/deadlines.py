"""When last year's annual report is due (《政府信息公开条例》第四十九条, DOMAIN.md 2.1).

- 县级以上人民政府部门: submit to the 主管部门 and publish by 1月31日.
- 县级以上地方人民政府的政府信息公开工作主管部门: publish the 本级政府 report by 3月31日.

A jurisdiction may set earlier internal dates (怀化: 市直单位 by 1月28日), never later ones:
:class:`ReportDeadlines` holds them and refuses a date after the statutory one. The date is a
calendar date ("前"), not a count of working days; when it falls on a rest day (2025年1月31日 was
in the Spring Festival break), :func:`deadline_notice` says so and names the last working day
before it. Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from gongkai.rules.calendar import WorkingCalendar


class ReportingBody(StrEnum):
    DEPARTMENT = "department"  # 县级以上人民政府部门
    GOVERNMENT = "government"  # 本级人民政府 (published by its 主管部门)

    @property
    def label(self) -> str:
        return "部门" if self is ReportingBody.DEPARTMENT else "本级人民政府"


STATUTORY: Final = {ReportingBody.DEPARTMENT: (1, 31), ReportingBody.GOVERNMENT: (3, 31)}


class DeadlineError(ValueError):
    """A configured deadline the 条例 does not allow; ``str(error)`` is Chinese."""


@dataclass(frozen=True)
class ReportDeadlines:
    """(month, day) of the year after the report's year, for each reporting body."""

    department: tuple[int, int] = STATUTORY[ReportingBody.DEPARTMENT]
    government: tuple[int, int] = STATUTORY[ReportingBody.GOVERNMENT]

    def __post_init__(self) -> None:
        for body in ReportingBody:
            month, day = self.of(body)
            try:
                date(2001, month, day)  # a year without 29 February
            except ValueError:
                raise DeadlineError(f"{body.label}年度报告期限 {month}月{day}日 不是有效日期") from None
            if (month, day) > STATUTORY[body]:
                latest = "{}月{}日".format(*STATUTORY[body])
                raise DeadlineError(
                    f"{body.label}年度报告期限 {month}月{day}日 晚于《政府信息公开条例》第四十九条规定的{latest}"
                )

    def of(self, body: ReportingBody) -> tuple[int, int]:
        return self.department if body is ReportingBody.DEPARTMENT else self.government


def parse_deadlines(text: str) -> ReportDeadlines:
    """ "department=01-26,government=03-20" (either may be left out)."""
    values: dict[str, tuple[int, int]] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        key, _, raw = pair.partition("=")
        month, _, day = raw.strip().partition("-")
        if key.strip() not in ReportingBody.__members__.values() or not (month.isdigit() and day.isdigit()):
            raise DeadlineError(f"应为“department=01-31,government=03-31”的形式，而不是 {pair!r}")
        values[key.strip()] = (int(month), int(day))
    return ReportDeadlines(**values)


def report_deadline(
    body: ReportingBody, report_year: int, deadlines: ReportDeadlines = ReportDeadlines()
) -> date:
    """The day by which ``body``'s report on ``report_year`` must be published."""
    return date(report_year + 1, *deadlines.of(body))


@dataclass(frozen=True)
class DeadlineNotice:
    due_on: date
    working_day: bool
    last_working_day: date  # the due day, or the last working day before it
    message: str


def deadline_notice(due_on: date, calendar: WorkingCalendar) -> DeadlineNotice:
    """The deadline in words, with a warning when it falls on a rest day."""
    shown = f"{due_on.year}年{due_on.month}月{due_on.day}日"
    if calendar.is_workday(due_on):
        return DeadlineNotice(due_on, True, due_on, f"应于{shown}前发布。")
    before = due_on - timedelta(days=1)
    while not calendar.is_workday(before):
        before -= timedelta(days=1)
    rest = calendar.holiday_name(due_on)
    kind = f"{rest}假期" if rest else "休息日"
    message = (
        f"应于{shown}前发布；该日是{kind}，请在此前最后一个工作日"
        f"{before.year}年{before.month}月{before.day}日前完成发布。"
    )
    return DeadlineNotice(due_on, False, before, message)
