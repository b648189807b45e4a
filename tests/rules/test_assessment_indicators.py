"""The indicator tree: classes, 重点领域, points adding up, and every problem with its row."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.rules.assessment.indicators import (
    ALL_CLASSES,
    Indicator,
    IndicatorSystem,
    IndicatorSystemError,
    check_system,
    class_label_list,
    require_valid,
)
from gongkai.rules.units import UnitCategory as C

D = Decimal


def system(*indicators):
    return IndicatorSystem("测试体系", tuple(indicators))


def tree():
    return system(
        Indicator("1", "组织保障", D(10)),
        Indicator("1.1", "领导组织", D(4), guide="有文件 4 分"),
        Indicator("1.2", "工作机构", D(6)),
        Indicator("2", "个性指标", D(20)),
        Indicator("2.1", "考评机制", D(20), classes=frozenset({C.COUNTY_GOV})),
        Indicator("2.2", "惠民资金公开", D(12), classes=frozenset({C.TOWNSHIP}), key_area=True),
        Indicator("2.3", "查阅点", D(8), classes=frozenset({C.TOWNSHIP})),
    )


def test_it_accepts_points_that_add_up_for_every_class():
    assert check_system(tree()) == []


def test_it_gives_each_class_its_own_leaves_and_totals():
    indicators = tree()
    assert [leaf.code for leaf in indicators.leaves(C.TOWNSHIP)] == ["1.1", "1.2", "2.2", "2.3"]
    assert indicators.total_points(C.TOWNSHIP) == 30 and indicators.total_points(C.COUNTY_GOV) == 30
    assert indicators.key_points(C.TOWNSHIP) == 12 and indicators.key_points(C.COUNTY_GOV) == 0
    assert indicators.points_of("2", C.PUBLIC_SERVICE_INSTITUTION) is None  # 个性 of others only
    assert indicators.classes_of("2") == {C.COUNTY_GOV, C.TOWNSHIP}


def test_it_refuses_a_parent_whose_points_differ_from_its_childrens_for_one_class():
    indicators = system(
        Indicator("1", "个性指标", D(20), row=2),
        Indicator("1.1", "县区", D(20), classes=frozenset({C.COUNTY_GOV}), row=2),
        Indicator("1.2", "乡镇", D(15), classes=frozenset({C.TOWNSHIP}), row=3),
    )
    problems = check_system(indicators)
    assert [problem.describe() for problem in problems] == [
        "第2行：编号 1 的分值 20 与乡镇适用的下级指标分值之和 15 不相等"
    ]


def test_it_sums_a_parent_given_no_points():
    indicators = system(Indicator("1", "组织"), Indicator("1.1", "甲", D(3)), Indicator("1.2", "乙", D("2.5")))
    assert check_system(indicators) == [] and indicators.points_of("1", C.COUNTY_GOV) == D("5.5")


def test_it_names_every_row_of_a_missing_parent_a_negative_point_and_a_duplicate_code():
    indicators = system(
        Indicator("1", "组织保障", row=2),
        Indicator("1.1", "领导组织", D(4), row=2),
        Indicator("2.1", "无上级", D(4), row=3),
        Indicator("1.2", "负分", D(-1), row=4),
        Indicator("1.1", "重复", D(2), row=5),
    )
    with pytest.raises(IndicatorSystemError) as refused:
        require_valid(indicators)
    assert [problem.row for problem in refused.value.problems] == [3, 4, 5]
    message = str(refused.value)
    assert "第3行：编号 2.1 缺少上级指标 2" in message
    assert "第4行：编号 1.2 的分值 -1 为负数" in message
    assert "第5行：编号 1.1 重复（第2行已使用）" in message


@pytest.mark.parametrize("code", ["0", "1.0", "1.2.3.4", "一", "1..2", ""])
def test_it_refuses_codes_that_are_not_positions_in_three_levels(code):
    problems = check_system(system(Indicator(code, "指标", D(1), row=7)))
    assert problems[0].row == 7 and "编号" in problems[0].reason


def test_it_refuses_a_leaf_without_points_or_classes():
    problems = check_system(system(Indicator("1", "无分值"), Indicator("2", "无类别", D(1), classes=frozenset())))
    assert {problem.reason for problem in problems} == {"编号 1 没有分值", "编号 2 没有适用的单位类别"}


def test_it_refuses_an_empty_system():
    assert [problem.reason for problem in check_system(system())] == ["指标体系中没有任何指标"]


def test_it_writes_classes_the_way_a_clerk_does():
    assert class_label_list(ALL_CLASSES) == "全部"
    assert class_label_list({C.TOWNSHIP, C.COUNTY_GOV}) == "县区政府、乡镇"
