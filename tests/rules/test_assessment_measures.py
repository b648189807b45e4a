"""Measured scores: the share done on time, and the points it suggests (the evaluator decides)."""

from __future__ import annotations

from decimal import Decimal

from gongkai.rules.assessment.indicators import Indicator, IndicatorSystem, check_system
from gongkai.rules.assessment.measures import Measure, Measured, suggested_points


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
