"""Seed 001 三(三): 自评, then 采集 → 复核 → 审定, each a signed entry; score rates and ranking."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gongkai.rules.assessment.indicators import Indicator, IndicatorSystem
from gongkai.rules.assessment.rounds import check_stage_dates, default_stage_dates
from gongkai.rules.assessment.scoring import (
    Entry,
    Stage,
    check_entry,
    counting_entry,
    final_score,
    missing_leaves,
    rank,
    unit_result,
)
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.units import UnitCategory as C

D = Decimal
S, CO, RE, AP = Stage.SELF, Stage.COLLECT, Stage.RECHECK, Stage.APPROVE


def entries(*items):
    return {entry.stage: entry for entry in items}


def test_it_keeps_a_score_within_the_leafs_points():
    assert check_entry(S, D(5), D(5), earlier={}) == []
    assert check_entry(S, D("5.01"), D(5), earlier={}) == ["得分须在 0 至 5 分之间"]
    assert check_entry(S, D(-1), D(5), earlier={}) == ["得分须在 0 至 5 分之间"]
    assert check_entry(S, D("2.125"), D(5), earlier={}) == ["得分最多保留两位小数"]


def test_it_needs_a_reason_when_the_evaluator_departs_from_the_self_assessment():
    claimed = entries(Entry(S, D(5)))
    assert check_entry(CO, D(4), D(5), earlier=claimed) == ["采集分 4 与自评分 5 不同，须填写理由"]
    assert check_entry(CO, D(4), D(5), note="未见年中研究记录", earlier=claimed) == []
    assert check_entry(CO, D(5), D(5), earlier=claimed) == []


def test_it_needs_a_reason_when_a_later_stage_departs_from_the_earlier_one():
    seen = entries(Entry(CO, D(4), "无记录", "甲"))
    assert check_entry(RE, D(3), D(5), signer="乙", earlier=seen) == ["复核分 3 与采集分 4 不同，须填写理由"]
    assert check_entry(RE, D(4), D(5), signer="乙", earlier=seen) == []


def test_it_needs_no_new_reason_to_agree_with_an_explained_departure():
    seen = entries(Entry(S, D(5)), Entry(CO, D(4), "无记录", "甲"))
    assert check_entry(RE, D(4), D(5), signer="乙", earlier=seen) == []
    assert check_entry(RE, D(5), D(5), signer="乙", earlier=seen) == ["复核分 5 与采集分 4 不同，须填写理由"]


def test_it_keeps_the_stages_in_order():
    assert check_entry(RE, D(4), D(5), signer="乙", earlier={}) == ["该指标还没有采集分，不能复核"]
    assert check_entry(AP, D(4), D(5), earlier=entries(Entry(CO, D(4)))) == ["该指标还没有复核分，不能审定"]
    assert check_entry(CO, D(4), D(5), earlier={}) == []  # a leaf the unit did not claim


def test_it_freezes_a_stage_once_a_later_one_is_entered():
    later = entries(Entry(S, D(4)), Entry(CO, D(4), signer="甲"))
    assert check_entry(S, D(5), D(5), earlier=later) == ["该指标已进入采集，自评分不能再修改"]


def test_it_has_a_second_evaluator_recheck():
    collected = entries(Entry(CO, D(4), signer="甲"))
    assert check_entry(RE, D(4), D(5), signer="甲", earlier=collected) == ["复核须由采集人以外的评估人进行"]


def test_it_counts_the_latest_evaluator_stage_and_never_the_self_assessment():
    assert counting_entry(entries(Entry(S, D(5)))) is None
    assert counting_entry(entries(Entry(S, D(5)), Entry(CO, D(4)))).score == 4
    assert counting_entry(entries(Entry(CO, D(4)), Entry(RE, D(3)))).score == 3
    assert final_score(entries(Entry(CO, D(4)), Entry(RE, D(3)))) is None
    assert final_score(entries(Entry(CO, D(4)), Entry(RE, D(3)), Entry(AP, D("3.5")))) == D("3.5")


def indicators():
    return IndicatorSystem("体系", (
        Indicator("1", "共性", D(60)),
        Indicator("1.1", "组织", D(40)),
        Indicator("1.2", "重点领域", D(20), key_area=True),
        Indicator("2", "个性", D(40)),
        Indicator("2.1", "乡镇个性", D(40), classes=frozenset({C.TOWNSHIP}), key_area=True),
        Indicator("2.2", "县区个性", D(40), classes=frozenset({C.COUNTY_GOV})),
    ))


def test_it_rates_a_unit_over_the_points_of_its_class():
    result = unit_result(indicators(), "青山乡", C.TOWNSHIP,
                         {"1.1": D(30), "1.2": D(16), "2.1": D(32), "2.2": D(40)})
    assert (result.score, result.points) == (D(78), D(100))
    assert result.rate == D("0.78")
    assert result.key_rate == D(48) / D(60)


def test_an_earlier_awards_bonus_adds_to_the_rate_but_not_to_the_key_rate():
    # seed 001 三(四)2: "在年度政务公开考核中给予加分"
    result = unit_result(indicators(), "青山乡", C.TOWNSHIP,
                         {"1.1": D(30), "1.2": D(16), "2.1": D(32), "2.2": D(40)}, bonus=D("2.5"))
    assert (result.score, result.total) == (D(78), D("80.5"))
    assert result.rate == D("0.805") and result.key_rate == D(48) / D(60)


def test_it_has_no_key_rate_for_a_class_without_key_leaves():
    system = IndicatorSystem("体系", (Indicator("1", "组织", D(10)),))
    assert unit_result(system, "甲", C.COUNTY_GOV, {"1": D(9)}).key_rate is None


def test_it_lists_the_leaves_still_unscored():
    assert missing_leaves(indicators(), C.COUNTY_GOV, {"1.1": D(1)}) == ["1.2", "2.2"]


def test_it_ranks_with_shared_positions_for_ties():
    ranked = rank([("乙", D("0.9")), ("甲", D("0.95")), ("丙", D("0.9")), ("丁", D("0.8"))])
    assert [(r.name, r.position, r.tied) for r in ranked] == [
        ("甲", 1, False), ("丙", 2, True), ("乙", 2, True), ("丁", 4, False)
    ]


def test_a_tie_the_office_decided_takes_consecutive_positions_in_its_order():
    values = [("乙", D("0.9")), ("甲", D("0.95")), ("丙", D("0.9")), ("丁", D("0.8"))]
    ranked = rank(values, [["乙", "丙"]])
    assert [(r.name, r.position, r.tied, r.decided) for r in ranked] == [
        ("甲", 1, False, False), ("乙", 2, False, True), ("丙", 3, False, True), ("丁", 4, False, False)
    ]
    assert [r.tied for r in rank(values, [["乙", "丁"]])] == [False, True, True, False]  # not this group


CALENDAR = WorkingCalendar(use_package=True)


def test_it_derives_stage_dates_on_working_days():
    due = default_stage_dates(date(2026, 9, 1), CALENDAR, (20, 10, 5, 5))
    assert all(CALENDAR.is_workday(day) for day in due.values())
    assert due[S] == CALENDAR.add_workdays(date(2026, 9, 1), 20)  # across 国庆
    assert list(due.values()) == sorted(due.values())


def test_it_refuses_a_stage_date_on_a_holiday_or_out_of_order():
    due = {S: date(2026, 10, 1), CO: date(2026, 9, 30), RE: date(2026, 10, 20), AP: date(2026, 10, 20)}
    problems = check_stage_dates(date(2026, 9, 1), due, CALENDAR)
    assert problems[0].startswith("自评截止日期 2026-10-01 不是工作日（国庆")
    assert "采集截止日期 2026-09-30 应晚于自评截止日期 2026-10-01" in problems
    assert "审定截止日期 2026-10-20 应晚于复核截止日期 2026-10-20" in problems


def test_it_refuses_a_missing_stage_date():
    assert check_stage_dates(date(2026, 9, 1), {}, CALENDAR)[0] == "缺少自评截止日期"


@pytest.mark.parametrize("spans", [(1, 2, 3), (0, 1, 1, 1)])
def test_it_refuses_spans_that_do_not_give_each_stage_a_day(spans):
    with pytest.raises(ValueError):
        default_stage_dates(date(2026, 9, 1), CALENDAR, spans)


def test_a_rate_counts_in_the_performance_assessment_by_its_weight():
    from gongkai.rules.assessment.scoring import performance_points

    # seed 000: "纳入政府绩效考核体系，所占分值权重不应低于4%"
    assert performance_points(D("0.9"), D(4)) == D("3.60")
    assert performance_points(D(2) / D(3), D(5)) == D("3.33")
    assert performance_points(D("1.02"), D(4)) == D("4.00")  # a bonus cannot pass the weight
    with pytest.raises(ValueError, match="不应低于 4%"):
        performance_points(D("0.9"), D("3.9"))
