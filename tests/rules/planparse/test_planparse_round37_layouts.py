"""Layouts of the thirty-seventh round of real notices (tests/fixtures/notices/real/1321-1342):
disaster prevention, public projects and archives, each as a small synthetic page written the way
those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_a_town_s_posts_in_the_unit_column_of_a_table_with_one_cell_per_line():
    # a town's offices are posts (岗位): "规划建设岗", "安全监管岗" in the 责任单位 column
    plan = parse_text(
        "2025年示范镇防汛抗旱重点任务清单 | ||||\n工作任务 |\n时限要求 |\n责任单位 | ||\n"
        "一、落实防汛责任 | ||||\n1 |\n修订镇级防汛抗旱应急预案,明确各村防汛责任人。 |\n4月底前 |\n规划建设岗 | |\n"
        "2 |\n组织各村开展山洪灾害避险转移演练。 |\n5月底前 |\n规划建设岗、安全监管岗 | |\n"
    )
    assert [item.units for item in plan.items] == [("规划建设岗",), ("规划建设岗", "安全监管岗")]
    assert [item.section for item in plan.items] == [("一、落实防汛责任",)] * 2


def test_an_office_heading_then_where_it_sits_then_its_duties_under_a_duties_label():
    plan = parse_text(
        "(五)成员单位职责\n(1)市水务局:负责全市防汛调度。\n(2)市气象局:负责暴雨预警。\n"
        "(六)防汛指挥部办公室\n市防汛指挥部下设办公室,办公室设在市水务局,办公室主任由市水务局分管副局长担任。\n"
        "主要职责:\n(1)负责执行市防汛指挥部的决定,组织协调各成员单位的防汛行动。\n(2)负责汛情信息的收集、汇总和报送。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市水务局",), ("市气象局",), ("防汛指挥部办公室",), ("防汛指挥部办公室",),
    ]


def test_a_post_is_a_unit_only_where_units_are_named_never_a_duty_s_own_words():
    plan = parse_text(
        "示范镇2025年就业工作要点\n1.开展公益性岗位人员上岗培训,每季度一次。(责任单位:社会保障岗)\n"
        "2.组织青年志愿者在文明劝导岗轮流值守。(责任单位:镇团委)\n"
    )
    assert [item.units for item in plan.items] == [("社会保障岗",), ("镇团委",)]
    assert plan.items[1].text.startswith("组织青年志愿者在文明劝导岗轮流值守")
