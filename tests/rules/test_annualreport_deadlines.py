"""When the annual report is due (《政府信息公开条例》第四十九条, DOMAIN.md 2.1)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gongkai.rules.annualreport.deadlines import (
    DeadlineError,
    ReportDeadlines,
    ReportingBody,
    deadline_notice,
    parse_deadlines,
    report_deadline,
)
from gongkai.rules.calendar import DayKind, WorkingCalendar


def test_departments_publish_by_31_january_and_governments_by_31_march():
    assert report_deadline(ReportingBody.DEPARTMENT, 2025) == date(2026, 1, 31)
    assert report_deadline(ReportingBody.GOVERNMENT, 2025) == date(2026, 3, 31)


def test_a_jurisdiction_may_set_earlier_dates_but_not_later_ones():
    earlier = parse_deadlines("department=01-26, government=03-20")
    assert report_deadline(ReportingBody.DEPARTMENT, 2020, earlier) == date(2021, 1, 26)
    assert report_deadline(ReportingBody.GOVERNMENT, 2020, earlier) == date(2021, 3, 20)
    assert parse_deadlines("") == ReportDeadlines()
    with pytest.raises(DeadlineError, match="晚于《政府信息公开条例》第四十九条规定的1月31日"):
        parse_deadlines("department=02-20")
    with pytest.raises(DeadlineError, match="不是有效日期"):
        ReportDeadlines(government=(2, 30))
    with pytest.raises(DeadlineError, match="department=01-31"):
        parse_deadlines("county=01-20")


def test_it_warns_when_the_deadline_falls_in_the_spring_festival_break():
    # 2025年1月31日 was in the break of 1月28日–2月4日 (DOMAIN.md 2.1, 7.2).
    calendar = WorkingCalendar(
        overrides={date(2025, 1, 28) + timedelta(days=n): DayKind.HOLIDAY for n in range(8)},
        holiday_names={date(2025, 1, 31): "春节"},
        use_package=False,
    )
    notice = deadline_notice(date(2025, 1, 31), calendar)
    assert not notice.working_day and notice.last_working_day == date(2025, 1, 27)
    assert notice.message == "应于2025年1月31日前发布；该日是春节假期，请在此前最后一个工作日2025年1月27日前完成发布。"


def test_a_working_deadline_needs_no_warning():
    notice = deadline_notice(date(2026, 3, 31), WorkingCalendar(use_package=False))  # a Tuesday
    assert notice.working_day and notice.message == "应于2026年3月31日前发布。"
    weekend = deadline_notice(date(2027, 1, 31), WorkingCalendar(use_package=False))  # a Sunday
    assert weekend.last_working_day == date(2027, 1, 29) and "该日是休息日" in weekend.message
