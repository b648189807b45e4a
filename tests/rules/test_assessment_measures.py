"""Measured scores: the share done on time, and the points it suggests (the evaluator decides)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gongkai.rules.assessment.indicators import Indicator, IndicatorSystem, check_system
from gongkai.rules.assessment.measures import (
    Measure,
    Measured,
    annual_reports_on_time,
    done_by,
    interpretations_on_time,
    messages_on_time,
    plan_reports_accepted,
    site_scores,
    suggested_points,
)


def test_it_suggests_points_in_proportion_to_the_share_on_time():
    measured = Measured(Measure.RECORDS_ON_TIME, met=2, total=3)
    assert suggested_points(Decimal(3), measured) == Decimal("2.00")
    assert suggested_points(Decimal("2.5"), measured) == Decimal("1.67")  # 1.666… half up
    assert measured.describe() == "主动公开信息在形成之日起规定工作日内公开：3 件中按时 2 件（66.7%）"


def test_it_suggests_nothing_when_nothing_was_due():
    measured = Measured(Measure.FOI_ON_TIME, met=0, total=0)
    assert suggested_points(Decimal(3), measured) is None
    assert "没有可计算的事项" in measured.describe()


def test_it_refuses_an_unknown_measure():
    system = IndicatorSystem("体系", (Indicator("1", "甲", Decimal(1), measure="website", row=4),))
    assert [problem.describe() for problem in check_system(system)] == ["第4行：编号 1 的平台测量“website”无法识别"]


YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_records_and_replies_count_when_done_in_the_period_with_a_due_date():
    items = [
        (date(2026, 3, 2), date(2026, 3, 30)),  # on time
        (date(2026, 3, 31), date(2026, 3, 30)),  # a day late
        (date(2026, 6, 1), None),  # no due date: not counted
        (None, date(2026, 5, 1)),  # not done: not counted here
        (date(2025, 12, 31), date(2026, 1, 5)),  # done before the period
    ]
    measured = done_by(Measure.RECORDS_ON_TIME, items, YEAR)
    assert (measured.met, measured.total) == (1, 2)


def test_interpretations_within_their_working_days_and_the_missing_ones_once_overdue():
    policies = [
        (date(2026, 3, 2), 0, 200),  # interpreted the same day
        (date(2026, 3, 9), 3, 190),  # on the 3rd working day: on time
        (date(2026, 4, 1), 4, 180),  # the 4th: late
        (date(2026, 5, 6), None, 150),  # never interpreted: late
        (date(2026, 12, 29), None, 2),  # not interpreted yet, still within its 3 days: not counted
        (date(2025, 12, 1), 1, 260),  # published before the period
    ]
    measured = interpretations_on_time(policies, 3, YEAR)
    assert (measured.met, measured.total) == (2, 4)
    assert measured.describe() == "规章和行政规范性文件在规定工作日内发布解读：4 件中按时 2 件（50.0%）"


def test_plan_periods_count_when_handed_in_by_their_due_date_and_accepted():
    periods = [
        (date(2026, 3, 31), date(2026, 3, 30), True),  # met
        (date(2026, 6, 30), date(2026, 7, 2), True),  # accepted but handed in late
        (date(2026, 9, 30), date(2026, 9, 1), False),  # on time, not accepted (yet or returned)
        (date(2026, 10, 31), None, False),  # nothing handed in
        (date(2026, 12, 31), None, False),  # due after the day measured: not counted
    ]
    measured = plan_reports_accepted(periods, YEAR, as_of=date(2026, 12, 4))
    assert (measured.met, measured.total) == (1, 4)
    assert measured.describe() == "工作要点任务按期报送进展并通过验收：4 期中按时 1 期（25.0%）"


def test_the_annual_report_due_in_the_period_published_by_its_deadline():
    on_time = annual_reports_on_time([(date(2026, 1, 31), date(2026, 1, 20)), (date(2027, 1, 31), None)], YEAR,
                                     as_of=date(2026, 12, 4))
    assert (on_time.met, on_time.total) == (1, 1)
    late = annual_reports_on_time([(date(2026, 3, 31), date(2026, 4, 1))], YEAR, as_of=date(2026, 12, 4))
    assert (late.met, late.total) == (0, 1)
    assert late.describe() == "政府信息公开工作年度报告按期发布：1 份中按时 0 份（0.0%）"


def test_messages_answered_in_the_period_and_the_three_month_veto_suggests_nothing_but_zero():
    replies = [(date(2026, 2, 3), False), (date(2026, 2, 10), True), (None, False), (date(2025, 12, 30), False)]
    measured = messages_on_time(replies, 0, YEAR)
    assert (measured.met, measured.total) == (1, 2)
    assert suggested_points(Decimal(2), measured) == Decimal("1.00")
    vetoed = messages_on_time(replies, 1, YEAR)
    assert suggested_points(Decimal(2), vetoed) == Decimal(0)
    assert vetoed.describe().endswith("；超过3个月未答复的咨询 1 件（单项否决）")


def test_the_sites_quarter_scores_suggest_points_out_of_100_and_a_veto_suggests_zero():
    """Issue 17 point 3: "(once it lands) website monitoring results"; issue 19: "the assessment
    … can read the quarter's score as a measured indicator"."""
    two = site_scores([(Decimal("90.00"), True, False), (Decimal("55.00"), False, False)])
    assert (two.met, two.total, two.vetoed, two.score) == (1, 2, 0, Decimal("72.5"))
    assert suggested_points(Decimal(3), two) == Decimal("2.18")  # 3 × 72.5 % = 2.175, half up
    assert two.describe() == "政府网站季度监测得分：监测 2 个网站季度，合格 1 个，平均 72.50 分"
    with_bonus = site_scores([(Decimal("112.00"), True, False)])
    assert suggested_points(Decimal(3), with_bonus) == Decimal("3.00")  # 加分 never past the leaf's points
    vetoed = site_scores([(Decimal("95.00"), True, False), (None, False, True)])
    assert suggested_points(Decimal(3), vetoed) == Decimal(0)  # 单项否决: 不合格
    assert vetoed.describe().endswith("；单项否决 1 个季度（不合格）")
    nothing = site_scores([])
    assert suggested_points(Decimal(3), nothing) is None
    assert nothing.describe() == "政府网站季度监测得分：考评期间内本单位网站没有监测结果"
