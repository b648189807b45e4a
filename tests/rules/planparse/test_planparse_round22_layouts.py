"""Layouts of the twenty-second round of real notices (tests/fixtures/notices/real/681-716), each
as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import Column, header_column


def test_a_notice_asking_for_opinions_signed_before_the_plan_it_attaches():
    plan = parse_text(
        "关于征集民生实事意见的通告\n一、征集内容\n1. 您比较关注哪些方面的民生问题?\n"
        "2. 您想了解哪几项民生实事的进展情况?\n市人大社会建设委员会\n2023年7月24日\n附件:\n"
        "2023年示范市民生实事项目\n一、教育惠民领域\n"
        "1. 新建中小学15所。(牵头单位:市教育局;共同责任单位:各县区、功能板块)\n"
        "2. 完成全市义务教育学校灯光照明改造。(牵头单位:市教育局;共同责任单位:各县区)\n"
    )
    assert [item.text for item in plan.items] == ["新建中小学15所。", "完成全市义务教育学校灯光照明改造。"]
    assert [item.units for item in plan.items] == [("市教育局", "各县区", "功能板块"), ("市教育局", "各县区")]
    assert [item.lead_units for item in plan.items] == [("市教育局",), ("市教育局",)]


def test_units_taking_part_and_numbers_in_one_enclosing_glyph():
    plan = parse_text(
        "示范州就业创业实施细则\n一、完善就业政策\n"
        "㈠完善经济发展与就业联动机制。确定经济增长方式时优先考虑扩大就业。(牵头单位:能源局 参加单位:发展改革委、国资委)\n"
        "㈡落实创业扶持政策。简化创业担保贷款审批流程。(牵头单位:州人社局)\n"
    )
    assert [item.section[-1] for item in plan.items] == ["(一)完善经济发展与就业联动机制", "(二)落实创业扶持政策"]
    assert plan.items[0].units == ("能源局", "发展改革委", "国资委")
    assert plan.items[0].lead_units == ("能源局",)


def test_a_ministrys_departments_and_an_indicators_columns():
    assert header_column("牵头负责司局") is Column.UNITS_LEAD
    assert header_column("预期效果") is Column.NOTE
    assert header_column("指标 属性") is Column.NOTE
    plan = parse_text(
        "重点工作绩效指标\n序号 | 指标名称 | 预期效果 | 完成时限 | 牵头负责司局 |\n"
        "1 | 创建国家级示范区 | 确定首批示范区创建名单 | 2018年6月 | 规划司 |\n"
        "2 | 钢铁去产能规模 | 3000万吨左右 | 2018年12月 | 原材料工业司 |\n"
    )
    assert [(item.text, item.units) for item in plan.items] == [
        ("创建国家级示范区", ("规划司",)), ("钢铁去产能规模", ("原材料工业司",)),
    ]  # fmt: skip
