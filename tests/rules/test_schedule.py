"""Reporting schedules (CONTRACTS.md §4): due dates per item from its deadline. Pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.rules.calendar import DayKind, WorkingCalendar
from gongkai.rules.planparse import (
    Deadline,
    Item,
    Milestone,
    Plan,
    PlanKind,
    Recurrence,
    parse_text,
)
from gongkai.rules.schedule import (
    BEFORE_ISSUE,
    DEFAULT_CADENCE,
    HOLIDAY,
    YEAR_UNKNOWN,
    due_dates,
    event_due,
    period_ends,
    schedule_item,
    schedule_plan,
    schedule_to_json,
)

ISSUED = date(2016, 6, 22)


def _item(deadline: Deadline) -> Item:
    return Item("1", ("推进决策公开",), "公开决策事项目录。", ("市司法局",), ("市司法局",), deadline)


def test_it_gives_a_dated_deadline_its_date():
    assert due_dates(Deadline("2016年12月底前完成", date(2016, 12, 31)), 2016, ISSUED) == (date(2016, 12, 31),)
    # a date wins over a recurrence written beside it ("按预算法规时限完成…2016年12月底前")
    dated_event = Deadline("…", date(2016, 12, 31), Recurrence.EVENT)
    assert due_dates(dated_event, 2016, ISSUED) == (date(2016, 12, 31),)


@pytest.mark.parametrize(
    ("recurrence", "expected"),
    [
        (Recurrence.MONTHLY, [date(2016, m, d) for m, d in ((6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31))]),
        (Recurrence.QUARTERLY, [date(2016, 6, 30), date(2016, 9, 30), date(2016, 12, 31)]),
        (Recurrence.SEMIANNUAL, [date(2016, 6, 30), date(2016, 12, 31)]),
        (Recurrence.YEARLY, [date(2016, 12, 31)]),
        (Recurrence.ONGOING, [date(2016, 6, 30), date(2016, 12, 31)]),  # semiannual cadence
        (Recurrence.EVENT, []),
    ],
)  # fmt: skip
def test_it_gives_the_period_ends_after_the_issue_date(recurrence, expected):
    assert list(due_dates(Deadline("…", None, recurrence), 2016, ISSUED)) == expected


def test_it_counts_the_whole_year_when_the_issue_date_is_unknown():
    assert period_ends(Recurrence.QUARTERLY, 2017) == (
        date(2017, 3, 31), date(2017, 6, 30), date(2017, 9, 30), date(2017, 12, 31),
    )  # fmt: skip
    assert len(period_ends(Recurrence.MONTHLY, 2017)) == 12
    assert period_ends(Recurrence.QUARTERLY, 2017, date(2016, 12, 20))[0] == date(2017, 3, 31)


def test_it_excludes_a_period_end_on_the_issue_date_itself():
    assert period_ends(Recurrence.SEMIANNUAL, 2016, date(2016, 6, 30)) == (date(2016, 12, 31),)


def test_an_item_without_a_deadline_takes_the_plans_default_cadence():
    assert due_dates(Deadline(), 2016, ISSUED) == (date(2016, 6, 30), date(2016, 12, 31))
    assert due_dates(Deadline(), 2016, ISSUED, "quarterly")[0] == date(2016, 6, 30)  # after issue
    assert due_dates(Deadline(), 2016, ISSUED, "none") == ()
    undated = schedule_item(_item(Deadline()), 2016, ISSUED)
    assert DEFAULT_CADENCE in undated.flags
    assert schedule_item(_item(Deadline()), 2016, ISSUED, cadence="none").flags == ()


def test_it_gives_nothing_without_a_year():
    assert due_dates(Deadline("全年工作", None, Recurrence.ONGOING), None, ISSUED) == ()
    unknown = schedule_item(_item(Deadline("每季度", None, Recurrence.QUARTERLY)), None, None)
    assert unknown.due == () and unknown.flags == (YEAR_UNKNOWN,)


def test_each_milestone_is_a_due_date_and_an_early_one_is_flagged():
    exams = Deadline("中考3月 高考11月", date(2016, 3, 31), milestones=(
        Milestone("中考", date(2016, 3, 31)), Milestone("高考", date(2016, 11, 30))))  # fmt: skip
    scheduled = schedule_item(_item(exams), 2016, ISSUED)
    assert scheduled.due == (date(2016, 3, 31), date(2016, 11, 30))
    assert BEFORE_ISSUE in scheduled.flags  # March is before the plan was issued in June


def test_it_flags_a_due_date_on_a_non_working_day_without_moving_it():
    saturday = schedule_item(_item(Deadline("2016年12月底前", date(2016, 12, 31))), 2016, ISSUED)
    assert saturday.due == (date(2016, 12, 31),) and saturday.flags == (HOLIDAY,)
    national_day = schedule_item(_item(Deadline("10月3日前", date(2016, 10, 3))), 2016, ISSUED)
    assert national_day.flags == (HOLIDAY,)  # a Monday, but inside the 国庆节 holiday
    friday = schedule_item(_item(Deadline("2016年9月30日前", date(2016, 9, 30))), 2016, ISSUED)
    assert friday.flags == ()


def test_it_uses_the_calendar_it_is_given():
    calendar = WorkingCalendar(overrides={date(2016, 12, 31): DayKind.WORKDAY})
    item = schedule_item(_item(Deadline("…", date(2016, 12, 31))), 2016, ISSUED, calendar)
    assert item.flags == ()


def test_it_dates_an_event_in_working_days_after_its_trigger():
    assert event_due(date(2016, 9, 28), 5) == date(2016, 10, 10)  # across 国庆节; 调休 10-08/09 count
    assert event_due(date(2016, 6, 22), 0) == date(2016, 6, 22)


def test_it_schedules_a_parsed_plan_as_the_contract_prints_it():
    plan = parse_text(
        "示范市人民政府办公室\n2016年6月22日\n示范市2016年政务公开工作要点分工方案\n"
        "序号 | 工作任务 | 具体要求 | 牵头单位 | 完成时限 |\n"
        "1 | 推进决策公开 | 公开目录。 | 市司法局 | 每季度 |\n"
        "2 | 推进执行公开 | 公开执行情况。 | 市督查室 | 收到文件后及时转发 |\n"
    )
    data = schedule_to_json(schedule_plan(plan))
    assert (data["issued_on"], data["year"]) == ("2016-06-22", 2016)
    first, second = data["items"]
    assert first["number"] == "1" and first["text"] == "公开目录。"
    assert first["due"] == ["2016-06-30", "2016-09-30", "2016-12-31"]
    assert first["flags"] == [HOLIDAY]  # 2016-12-31 is a Saturday
    assert first["deadline"]["recurrence"] == "quarterly"
    assert (second["due"], second["flags"], second["deadline"]["recurrence"]) == ([], [], "event")


def test_it_schedules_an_empty_plan():
    empty = Plan(None, None, None, None, None, (), PlanKind.NOT_A_PLAN)
    assert schedule_to_json(schedule_plan(empty)) == {"issued_on": None, "year": None, "title": None, "items": []}
