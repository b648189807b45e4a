"""完成时限 as notices write it: every form in CONTRACTS.md §1 and issue 3. Pure rules."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.planparse import Recurrence, parse_deadline, parse_text
from gongkai.rules.planparse.deadlines import find_deadline_in_text, is_deadline_like

ONGOING, QUARTERLY, SEMIANNUAL = Recurrence.ONGOING, Recurrence.QUARTERLY, Recurrence.SEMIANNUAL
YEARLY, MONTHLY, EVENT = Recurrence.YEARLY, Recurrence.MONTHLY, Recurrence.EVENT


@pytest.mark.parametrize(
    ("raw", "day", "recurrence"),
    [
        ("2016年12月底前完成", date(2016, 12, 31), None),
        ("2016 年 12 月底前完成", date(2016, 12, 31), None),  # spaces inside the date
        ("2016年12 月底前完成", date(2016, 12, 31), None),
        ("2016 年 12底前完成", date(2016, 12, 31), None),  # 月 left out
        ("2016 年底前 完成", date(2016, 12, 31), None),
        ("2016年2月底前", date(2016, 2, 29), None),  # a leap year's February
        ("2016年7月前完成", date(2016, 6, 30), None),  # before July: the day before
        ("2016年6月30日前", date(2016, 6, 30), None),
        ("6月中旬", date(2016, 6, 20), None),
        ("2017年第1季度完成", date(2017, 3, 31), None),
        ("2017年第一 季度前完成", date(2017, 3, 31), None),
        ("三季度末", date(2016, 9, 30), None),
        ("上半年", date(2016, 6, 30), None),
        ("年底前", date(2016, 12, 31), None),  # the plan year
        ("年内完成", date(2016, 12, 31), None),
        ("十二月底前", date(2016, 12, 31), None),
        ("2019-09-30", date(2019, 9, 30), None),
        ("全年工作", None, ONGOING),
        ("持续推进", None, ONGOING),
        ("长期坚持", None, ONGOING),
        ("常态化开展", None, ONGOING),
        ("按照财政部、省财政厅相关部署,全年工作", None, ONGOING),
        ("每月", None, MONTHLY),
        ("每季度", None, QUARTERLY),
        ("每半年", None, SEMIANNUAL),
        ("每年", None, YEARLY),
        ("收到省转发国家税收政策文件后及时转发", None, EVENT),
        ("按预算法规时限完成", None, EVENT),
        ("按环保部修订发布后的时间要求完成", None, EVENT),
        ("文件印发后20个工作日内", None, EVENT),
        (
            "按预算法规时限完成。全市部门决算公开完成时限为 2016年12月底前",
            date(2016, 12, 31),
            EVENT,
        ),
        ("2016 年 12月底前完成,后续不定期进行目录调整", date(2016, 12, 31), None),
    ],
)
def test_it_reads_every_written_form(raw, day, recurrence):
    deadline = parse_deadline(raw, 2016)
    assert (deadline.date, deadline.recurrence) == (day, recurrence)
    assert deadline.raw == " ".join(raw.split()) and not deadline.inherited


def test_it_keeps_both_milestones_and_dates_the_first():
    deadline = parse_deadline("中考3月 高考11月", 2016)
    assert deadline.date == date(2016, 3, 31)
    assert [(step.label, step.date) for step in deadline.milestones] == [
        ("中考", date(2016, 3, 31)), ("高考", date(2016, 11, 30))
    ]  # fmt: skip


def test_it_carries_a_year_to_later_dates_of_the_same_cell():
    deadline = parse_deadline("2017年6月底前完成初稿，12月底前正式公布", 2016)
    assert [step.date for step in deadline.milestones] == [date(2017, 6, 30), date(2017, 12, 31)]


def test_it_leaves_a_date_open_when_the_year_is_unknown():
    assert parse_deadline("年底前", None).date is None
    assert parse_deadline("2016年3月底", None).date == date(2016, 3, 31)
    assert parse_deadline(None, 2016).raw is None and parse_deadline("  ", 2016).date is None


def test_it_tells_a_deadline_cell_from_a_task_that_mentions_a_year():
    assert is_deadline_like("2016 年 12 月底前完成") and is_deadline_like("全年工作")
    assert is_deadline_like("收到省转发国家税收政策文件后及时转发")
    assert not is_deadline_like("年内将政务公开工作纳入政府绩效考核 体系,分值权重不应低于4%")
    assert not is_deadline_like("按照上级统一部署，推动地方政府债务信息公开。")
    assert not is_deadline_like("市财政局、市审计局")


def test_it_finds_only_explicit_deadlines_inside_task_text():
    assert find_deadline_in_text("围绕2019年政府主要工作任务，加大公开力度。", 2019) is None
    assert find_deadline_in_text("在2015年全市PPP项目已向社会公开的基础上", 2016) is None
    assert find_deadline_in_text("市政府部门要在每年1月31日前公布年度报告", 2019) is None
    assert find_deadline_in_text("截至2018年底，全市已公开", 2019) is None
    found = find_deadline_in_text("要于年底前分别制定完善相关制度。", 2018)
    assert found is not None and (found.raw, found.date) == ("年底前", date(2018, 12, 31))
    found = find_deadline_in_text("力争于2019年6月底前完成建设。", 2019)
    assert found is not None and found.date == date(2019, 6, 30)


def test_it_marks_a_deadline_that_could_not_be_read():
    text = "示范市2020年政务公开工作要点分工方案\n序号 | 具体要求 | 责任单位 | 完成时限 |\n1 | 公开信息。 | 市财政局 | 视情况而定 |\n"
    plan = parse_text(text)
    assert plan.items[0].deadline.raw == "视情况而定"
    assert plan.items[0].deadline.recurrence is Recurrence.EVENT  # 视情: after a trigger
    text = text.replace("视情况而定", "另行通知")
    assert any("另行通知" in warning for warning in parse_text(text).warnings)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="2016年12月底前完成季度第一上半年每全工作内后收到及时 ,，。、0123456789",
        max_size=40,
    )
)
def test_it_never_fails_on_any_deadline_text(raw):
    deadline = parse_deadline(raw, 2016)
    assert deadline.date is None or 1900 < deadline.date.year < 2100


def test_next_year_words_move_the_date_into_the_following_year():
    assert parse_deadline("明年3月底前", 2023).date == date(2024, 3, 31)
    assert parse_deadline("次年1月31日前", 2023).date == date(2024, 1, 31)
    assert parse_deadline("下一年度第一季度", 2023).date == date(2024, 3, 31)
    assert parse_deadline("明年底前", 2023).date == date(2024, 12, 31)
    assert parse_deadline("下半年", 2023).date == date(2023, 12, 31)  # not "下一年"


@pytest.mark.parametrize(
    ("written", "recurrence"),
    [("每季度末", Recurrence.QUARTERLY), ("季度底", Recurrence.QUARTERLY),
     ("每半年末", Recurrence.SEMIANNUAL)],
)  # fmt: skip
def test_period_ends_are_recurrences_not_the_years_end(written, recurrence):
    deadline = parse_deadline(written, 2016)
    assert (deadline.date, deadline.recurrence) == (None, recurrence)


def test_a_numbered_quarters_end_is_a_date():
    assert parse_deadline("第三季度末", 2016).date == date(2016, 9, 30)
    assert parse_deadline("第三季度末", 2016).recurrence is None


def test_an_events_window_in_working_days_is_kept():
    deadline = parse_deadline("印发后20个工作日内", 2016)
    assert (deadline.recurrence, deadline.workdays) == (Recurrence.EVENT, 20)


def test_before_a_month_is_the_end_of_the_month_before_and_is_reported_for_review():
    assert parse_deadline("12月前", 2016).date == date(2016, 11, 30)
    assert parse_deadline("12月底前", 2016).date == date(2016, 12, 31)
    plan = parse_text("示范市2016年工作要点\n序号 | 具体要求 | 责任单位 | 完成时限 |\n"
                      "1 | 公开预算。 | 市财政局 | 12月前 |\n2 | 公开决算。 | 市财政局 | 12月底前 |\n")  # fmt: skip
    assert plan.warnings == (
        "完成时限“12月前”按前一个月的月底计（2016-11-30），也可能指该月月底，请核对（第1条）",
    )
