"""Layouts of the twenty-fourth round of real notices (tests/fixtures/notices/real/761-792), each
as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_a_congress_table_of_suggestions_with_the_units_that_handle_them():
    plan = parse_text(
        "2024年度重点处理代表建议办理分工表\n"
        "序号 | 建议标题 | 领衔 | 选举单位 | 主办单位 | 会办单位 | 督办领导 | 具体督办的专委会 |\n"
        "1 | 关于加快农村公路提质改造的建议(108号) | 张三 | 示范市 | 省交通运输厅 | 省财政厅 | 李四 | 财政经济委员会 |\n"
        "2 | 关于完善基层医疗服务体系的建议(215号) | 王五 | 样例市 | 省卫生健康委 | 省医保局 | 赵六 | 教科文卫委员会 |\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("省交通运输厅", "省财政厅"), ("省交通运输厅",)),
        (("省卫生健康委", "省医保局"), ("省卫生健康委",)),
    ]
    assert all("委员会" not in "".join(item.units) for item in plan.items)  # who oversees is no unit


def test_a_task_closed_by_the_sentence_naming_who_does_it_and_a_month_it_is_scheduled_in():
    plan = parse_text(
        "根据监督法的规定,对2020年度监督工作具体安排如下。\n一、听取和审议专项工作报告\n"
        "(一)听取和审议市人民政府关于医疗保险工作情况的报告。报告拟安排在6月份举行的常委会会议上听取和审议。"
        "由社会建设委员会负责做好相关工作。\n"
        "(二)听取和审议市人民政府关于2019年度国有资产管理情况的综合报告。报告拟安排在8月份举行的常委会会议上听取和审议。"
        "由财政经济委员会、预算工作委员会负责做好相关工作。\n"
    )
    assert [item.units for item in plan.items] == [("社会建设委员会",), ("财政经济委员会", "预算工作委员会")]
    assert not any("由" in item.text for item in plan.items)
    assert [item.deadline.date for item in plan.items] == [date(2020, 6, 30), date(2020, 8, 31)]


def test_a_month_mentioned_without_a_schedule_is_no_deadline():
    plan = parse_text(
        "示范县2024年工作要点\n1.总结6月份汛期工作经验,完善防汛预案。(县水利局负责)\n"
        "2.拟于9月召开的推进会议材料由县发改局准备。(县发改局负责)\n"
    )
    assert plan.items[0].deadline.date is None
    assert plan.items[1].deadline.date == date(2024, 9, 30)
