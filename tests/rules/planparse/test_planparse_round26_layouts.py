"""Layouts of the twenty-sixth round of real notices (tests/fixtures/notices/real/841-875), each
as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_a_catalogue_of_major_decisions_one_cell_a_line_with_quarters_as_deadlines():
    plan = parse_text(
        "示范县人民政府办公室关于公布2022年县政府重大行政决策目录的通知\n\n序号\n\n重大行政决策事项\n\n承办单位\n\n"
        "决策时间安排\n\n1\n\n示范县“十四五”残疾人保障和发展规划\n\n县残联\n\n第三季度\n\n2\n\n"
        "示范县“十四五”生态环境保护规划\n\n县生态环境分局\n\n第四季度\n"
    )
    assert [item.units for item in plan.items] == [("县残联",), ("县生态环境分局",)]
    assert [item.deadline.date for item in plan.items] == [date(2022, 9, 30), date(2022, 12, 31)]


def test_a_catalogue_table_with_how_and_on_what_grounds_each_decision_is_taken():
    plan = parse_text(
        "示范区2021年度重大行政决策事项目录\n"
        "| 序号 | 重大行政决策事项名称 | 承办单位 | 决策依据 | 决策程序 | 拟决策时间 | 实施计划 |\n"
        "| 1 | 示范区卫生健康事业“十四五”发展规划 | 示范区卫生健康局 | 《健康中国2030》 | 依照规定的程序执行 | 2021年10月 | 9月组织专家论证 |\n"
    )
    assert [(item.units, item.deadline.date) for item in plan.items] == [(("示范区卫生健康局",), date(2021, 10, 31))]


def test_a_short_task_name_whose_number_lost_its_stop_over_its_lead_unit():
    plan = parse_text(
        "关于十大重点民生工程50件实事推进落实情况的督查报告\n一、就业创业致富工程\n1优化就业创业服务\n牵头单位:市人社局\n"
        "完成情况:达到序时进度\n2加快市场主体培育\n牵头单位:市市场监管局\n完成情况:达到序时进度\n"
    )
    assert [(item.text, item.units) for item in plan.items] == [
        ("优化就业创业服务", ("市人社局",)), ("加快市场主体培育", ("市市场监管局",)),
    ]  # fmt: skip
    chapter = parse_text("示范市突发事件应急预案\n7应急保障\n7.1 应急队伍保障\n各部门要加强应急队伍建设。(市应急局负责)\n")
    assert "7应急保障" not in [item.text for item in chapter.items]
