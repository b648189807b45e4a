"""Seed 001 三(四): each rule tested against the sentence of the notice it implements."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.awards import (
    AwardClass,
    AwardInputError,
    Candidate,
    candidate_from_json,
    compute_awards,
)

D = Decimal


def unit(name, cls, rate="0.9", key_rate="0.9", parent="", parent_kind=""):
    return Candidate(name, AwardClass(cls), D(rate), D(key_rate), parent, parent_kind)


def towns(parent, kind, *rates, cls="township"):
    return [unit(f"{parent}{cls}{i}", cls, rate, parent=parent, parent_kind=kind) for i, rate in enumerate(rates, 1)]


def test_it_awards_at_exactly_80_percent_on_both_rates():
    # "成效突出（经评估综合得分率达80%以上且重点领域信息公开得分率不低于80%）"
    result = compute_awards([
        unit("甲县", "county_gov", "0.80", "0.80"),
        unit("乙县", "county_gov", "0.7999", "0.95"),
        unit("丙县", "county_gov", "0.95", "0.7999"),
    ])
    assert result.awarded == ["甲县"]
    assert "80%" in result.reasons["乙县"] and "79.99%" in result.reasons["乙县"]
    assert "79.99%" in result.reasons["丙县"]


def test_it_awards_nobody_when_nobody_reaches_the_threshold():
    # "经评估均达不到表彰标准的，则不予表彰。"
    result = compute_awards([unit("甲县", "county_gov", "0.79"), unit("开发区管委", "mgmt", "0.5")])
    assert result.awarded == [] and result.bonus == {} and result.ties == []


def test_it_caps_county_governments_at_3_and_committees_at_1():
    # "县区政府政务公开示范点建设市级表彰不超过3名；管委政务公开示范点建设市级表彰不超过1名。"
    result = compute_awards(
        [unit(f"县{i}", "county_gov", f"0.9{i}") for i in range(5)]
        + [unit("甲管委", "mgmt", "0.85"), unit("乙管委", "mgmt", "0.84")]
    )
    assert result.awarded == ["县2", "县3", "县4", "甲管委"]
    assert "名额 3 名已满" in result.reasons["县1"] and "名额 1 名已满" in result.reasons["乙管委"]


def test_it_moves_the_city_quota_from_key_to_non_key_departments():
    # "市级部门政务公开示范点建设表彰不超过15名（其中市级承担重点领域事项公开的部门表彰10名、非承担重点领域
    # 事项公开的部门表彰5名，若其中某类经评估达标不满指标名额的，则多余指标调剂使用）"
    key = [unit(f"重点{i:02}", "city_key", "0.9") for i in range(3)]
    nonkey = [unit(f"非重点{i:02}", "city_nonkey", f"0.8{i}") for i in range(10)]
    result = compute_awards(key + nonkey + [unit("未达标部门", "city_key", "0.5")])
    assert len(result.awarded) == 13  # 3 重点 + 10 非重点: the 7 unused key places serve the others
    assert "未达标部门" not in result.awarded


def test_it_moves_the_city_quota_from_non_key_to_key_departments_but_never_past_15():
    # same sentence: 多余指标调剂使用, within 不超过15名
    key = [unit(f"重点{i:02}", "city_key", f"0.9{i:02}") for i in range(16)]
    nonkey = [unit("非重点甲", "city_nonkey", "0.85"), unit("非重点乙", "city_nonkey", "0.6")]
    result = compute_awards(key + nonkey)
    assert len(result.awarded) == 15  # 14 重点 (10 + the 4 places 非重点 cannot use) + 1 非重点
    assert "重点00" not in result.awarded and "重点01" not in result.awarded and "非重点甲" in result.awarded
    assert "名额 14 名已满" in result.reasons["重点00"]


def test_it_gives_each_county_2_and_each_district_1_town_and_1_subdistrict():
    # "县乡镇政务公开示范点建设市级表彰8名（每县2名）；区乡镇政务公开示范点建设市级表彰3名（每区1名），
    # 区街道政务公开示范点建设市级表彰3名（每区1名）。"
    units = (towns("甲县", "县", "0.95", "0.94", "0.93") + towns("乙区", "区", "0.92", "0.91")
             + towns("乙区", "区", "0.90", "0.89", cls="subdistrict"))
    result = compute_awards(units)
    assert result.awarded == sorted(["甲县township1", "甲县township2", "乙区township1", "乙区subdistrict1"])


def test_it_moves_the_places_of_a_county_without_eligible_towns_to_others_up_to_3():
    # "若县区申报的乡镇或街道达不到表彰标准的，则名额调剂到其他县区使用，但每个县区表彰不超过3名。"
    units = (towns("甲县", "县", "0.70", "0.60")  # two places to give away
             + towns("乙县", "县", "0.99", "0.98", "0.97", "0.96")  # 2 own + 1 moved = the cap
             + towns("丙区", "区", "0.95", "0.85"))  # 1 own + 1 moved
    result = compute_awards(units)
    assert result.awarded == sorted(["乙县township1", "乙县township2", "乙县township3",
                                     "丙区township1", "丙区township2"])
    assert "调剂" in result.reasons["乙县township3"] and "甲县" in result.reasons["乙县township3"]
    assert "不超过3名" in result.reasons["乙县township4"]  # 0.96 beats 丙区's 0.85, but 乙县 has 3


def test_it_never_moves_a_place_back_to_the_district_that_could_not_fill_it():
    # "则名额调剂到其他县区使用": 丙区 has no eligible subdistrict; its place goes to another 县区,
    # not to its own second town.
    units = towns("丙区", "区", "0.95", "0.94") + towns("甲县", "县", "0.99", "0.98", "0.82")
    result = compute_awards(units)
    assert result.awarded == sorted(["甲县township1", "甲县township2", "甲县township3", "丙区township1"])
    assert "没有其他县区调剂出的名额" in result.reasons["丙区township2"]


def test_it_ranks_county_governments_and_committees_together_for_the_bonus():
    # "县区政府、管委获得表彰的，先将政府、管委合并排序，再按分值的高低给予加分，第一名5分、第二名4.5分、
    # 第三名4分、第四名3.5。"
    result = compute_awards([unit("甲县", "county_gov", "0.91"), unit("乙县", "county_gov", "0.85"),
                             unit("丙区", "county_gov", "0.83"), unit("开发区管委", "mgmt", "0.88")])
    assert result.bonus == {"甲县": D("5"), "开发区管委": D("4.5"), "乙县": D("4"), "丙区": D("3.5")}


def test_it_gives_city_departments_5_points_down_by_0_2():
    # "市级部门获得的，先将重点部门与非重点部门合并排序，再按分值高低给予加分，第一名5分、第二名4.8分 …
    # 第十五名2.2分。"
    key = [unit(f"重点{i:02}", "city_key", f"0.{99 - i}") for i in range(10)]
    nonkey = [unit(f"非重点{i:02}", "city_nonkey", f"0.{94 - 2 * i}5") for i in range(5)]
    result = compute_awards(key + nonkey)
    assert result.bonus["重点00"] == D("5.0")
    assert result.bonus["非重点00"] == D("4.0")  # 0.945 ranks sixth, after 重点00–04
    assert sorted(result.bonus.values()) == [D("2.2") + D("0.2") * i for i in range(15)]


def test_it_credits_town_points_to_their_county_with_the_three_winner_rule():
    # "乡镇、街道获得的，先将乡镇、街道合并排序，再按分值高低给予所属县区加分，第一名2.5分、第二名2.4分 …；
    # 同一县区有3名乡镇（含街道）获得的，按照得分高低在前两名分值相加的基础上再加0.5分，作为对该县区的加分。"
    units = (towns("甲县", "县", "0.70")
             + towns("乙县", "县", "0.99", "0.97", "0.95")  # places 1, 3, 4 (丙区's 0.98 is second)
             + towns("丙区", "区", "0.98"))
    result = compute_awards(units)
    assert result.bonus == {"乙县": D("2.5") + D("2.3") + D("0.5"), "丙区": D("2.4")}


def test_it_gives_public_service_institutions_3_2_5_and_2():
    # "承担公共服务的事业单位办事公开示范点建设先进单位加分，第一名3分、第二名2.5分、第三名2分。"
    result = compute_awards([unit(f"单位{i}", "public_service", f"0.9{i}") for i in range(4)])
    assert result.bonus == {"单位3": D("3"), "单位2": D("2.5"), "单位1": D("2")}


def test_it_reports_a_tie_at_the_quota_instead_of_breaking_it():
    # "县区政府政务公开示范点建设市级表彰不超过3名": two counties equal on the third place.
    result = compute_awards([unit("甲县", "county_gov", "0.95"), unit("乙县", "county_gov", "0.93"),
                             unit("丙县", "county_gov", "0.90"), unit("丁县", "county_gov", "0.90")])
    assert ["丁县", "丙县"] in result.ties
    assert result.awarded == ["丁县", "乙县", "甲县"]  # stable by code point only, pending the office


def test_it_reports_a_tie_between_winners_whose_bonus_differs():
    # "第一名3分、第二名2.5分": equal rates cannot both be first.
    result = compute_awards([unit("甲院", "public_service", "0.9"), unit("乙院", "public_service", "0.9")])
    assert result.ties == [["乙院", "甲院"]]


def test_the_offices_recorded_decision_orders_a_tie_and_is_no_longer_reported_as_one():
    # "县区政府政务公开示范点建设市级表彰不超过3名" and "县区政府和管委合并排序…第一名5分、第二名4.5分、
    # 第三名4分": the office decided 丁县 before 丙县 on the third place.
    counties = [unit("甲县", "county_gov", "0.95"), unit("乙县", "county_gov", "0.93"),
                unit("丙县", "county_gov", "0.90"), unit("丁县", "county_gov", "0.90")]
    result = compute_awards(counties, decisions=[["丁县", "丙县"]])
    assert result.ties == [] and result.decided == [["丁县", "丙县"]]
    assert result.awarded == ["丁县", "乙县", "甲县"] and "丙县" not in result.bonus
    reversed_ = compute_awards(counties, decisions=[["丁县", "丙县"], ["丙县", "丁县"]])  # the later decision counts
    assert reversed_.awarded == ["丙县", "乙县", "甲县"] and reversed_.bonus["丙县"] == D("4")
    partial = compute_awards(counties, decisions=[["丁县", "甲县"]])  # not naming 丙县: still a tie
    assert partial.ties == [["丁县", "丙县"]]


def test_it_does_not_report_equal_rates_that_decide_nothing():
    result = compute_awards([unit("甲县", "county_gov", "0.95"), unit("乙县", "county_gov", "0.5"),
                             unit("丙县", "county_gov", "0.5")])
    assert result.ties == []


def test_it_reads_the_contract_input_and_writes_the_contract_output():
    items = [{"unit": "金寨县", "cls": "county_gov", "parent": "", "parent_kind": "", "rate": 0.912, "key_rate": 0.85},
             {"unit": "青山乡", "cls": "township", "parent": "金寨县", "parent_kind": "县", "rate": 0.9, "key_rate": 0.9}]
    output = compute_awards([candidate_from_json(item) for item in items]).as_contract()
    # The county's own bonus and its town's points are both credited to 金寨县.
    assert output == {"awarded": ["金寨县", "青山乡"], "bonus": {"金寨县": 7.5}, "ties": []}


@pytest.mark.parametrize("item", [
    {"unit": "甲", "cls": "city", "rate": 0.9, "key_rate": 0.9},
    {"unit": "甲", "cls": "township", "rate": 0.9, "key_rate": 0.9},
    {"unit": "甲", "cls": "mgmt", "rate": 1.2, "key_rate": 0.9},
    {"unit": "甲", "cls": "mgmt", "key_rate": 0.9},
])
def test_it_refuses_input_it_cannot_place(item):
    with pytest.raises(AwardInputError):
        candidate_from_json(item)


def test_it_refuses_a_unit_named_twice():
    with pytest.raises(AwardInputError, match="单位重复"):
        compute_awards([unit("甲县", "county_gov"), unit("甲县", "mgmt")])


# -- properties over any list of units -------------------------------------------------------

RATES = st.sampled_from([D("0.6"), D("0.79"), D("0.8"), D("0.85"), D("0.9"), D("0.95"), D("1")])
PARENTS = st.sampled_from([("甲县", "县"), ("乙县", "县"), ("丙区", "区"), ("丁区", "区")])


@st.composite
def unit_lists(draw):
    units = []
    for index in range(draw(st.integers(0, 40))):
        cls = draw(st.sampled_from(list(AwardClass)))
        parent, kind = draw(PARENTS) if cls in (AwardClass.TOWNSHIP, AwardClass.SUBDISTRICT) else ("", "")
        units.append(Candidate(f"单位{index:02}", cls, draw(RATES), draw(RATES), parent, kind))
    return units


@settings(max_examples=300, deadline=None)
@given(unit_lists())
def test_it_never_names_an_ineligible_unit_nor_exceeds_a_quota(units):
    result = compute_awards(units)
    by_name = {unit.unit: unit for unit in units}
    awarded = [by_name[name] for name in result.awarded]
    assert all(unit.eligible for unit in awarded)
    per_class = Counter(unit.cls for unit in awarded)
    assert per_class[AwardClass.COUNTY_GOV] <= 3 and per_class[AwardClass.MGMT] <= 1
    assert per_class[AwardClass.PUBLIC_SERVICE] <= 3
    assert per_class[AwardClass.CITY_KEY] + per_class[AwardClass.CITY_NONKEY] <= 15
    local = [unit for unit in awarded if unit.parent]
    parents = {unit.parent for unit in units if unit.parent}
    assert len(local) <= 2 * len(parents)  # 2 towns a county; 1 town + 1 subdistrict a district
    for classes, quota in (((AwardClass.COUNTY_GOV,), 3), ((AwardClass.MGMT,), 1), ((AwardClass.PUBLIC_SERVICE,), 3),
                           ((AwardClass.CITY_KEY, AwardClass.CITY_NONKEY), 15)):
        left_out = [u for u in units if u.cls in classes and u.eligible and u.unit not in result.awarded]
        if left_out:  # an eligible unit stays out only when its class's places are all taken
            assert sum(per_class[cls] for cls in classes) == quota
    assert all(count <= 3 for count in Counter(unit.parent for unit in local).values())
    assert set(result.reasons) == set(by_name)  # every unit is told why
