"""Layouts of the thirty-third round of real notices (tests/fixtures/notices/real/1121-1163):
event plans, public health duties, digital government and party work points, each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_member_units_each_alone_on_its_line_over_its_numbered_duties():
    plan = parse_text(
        "大同市艾滋病防治工作委员会成员单位职责\n\n  住房和城乡建设委员会\n\n"
        "  一、联合宣传、农业、工商、卫生等部门做好农民工预防艾滋病宣传教育工程。\n"
        "  二、做好建筑工地农民工的防治艾滋病工作,将防治知识纳入务工常识读本。\n\n  总工会\n\n"
        "  一、充分发挥工会工作网络优势,在大型厂矿和工作场所设立艾滋病防治知识宣传栏。\n\n  妇联\n\n"
        "  一、充分发挥工作网络优势,依托基层妇联组织开展防治艾滋病家庭宣传。\n"
    )
    assert [item.units for item in plan.items] == [
        ("住房和城乡建设委员会",), ("住房和城乡建设委员会",), ("总工会",), ("妇联",),
    ]


def test_one_office_over_a_numbered_list_is_no_list_of_member_units():
    plan = parse_text("工作安排\n\n市财政局\n\n一、安排专项资金。\n二、加强资金监管。\n")
    assert all(not item.units for item in plan.items)


def test_a_pipe_table_whose_header_and_rows_break_over_lines():
    plan = parse_text(
        "序号 | 问题类型 | 具体措施 |\n责任单位 | 完成时限 |\n"
        "1 | 环境脏乱 |\n清理度假村内的垃圾死角,拆除废弃附属设施。 | 县城管局 | 2018年11月 |\n"
        "2 | 废水直排 |\n封堵货车加水点的取水口,拆除出水管道。 | 县环保局 | 2018年5月 |\n"
        "3 | 违规养殖 |\n关停保护区内的养殖场,清运粪污。 | 县农业局 | 2018年6月 |\n"
    )
    assert [item.units for item in plan.items] == [("县城管局",), ("县环保局",), ("县农业局",)]
    assert [item.deadline.date for item in plan.items] == [date(2018, 11, 30), date(2018, 5, 31), date(2018, 6, 30)]


def test_a_notice_that_forwards_another_keeps_the_duties_it_gives_its_own_offices():
    plan = parse_text(
        "粤府办[1999]94号\n各市、县、自治县人民政府,省府直属有关单位:\n"
        "现将《国务院办公厅关于卫生部等有关部门血吸虫病防治工作职责的通知》转发给你们。结合我省实际,明确职责如下:\n"
        "省卫生厅:负责组织制定全省血防监测工作计划,负责螺情监测和防治技术指导。\n"
        "省教育厅:负责组织开展原疫区中、小学校血防知识宣传教育活动。\n"
        "省财政厅:负责安排应由省财政解决的血吸虫病防治监测经费。\n"
        "广东省人民政府办公厅\n一九九九年十月二十八日\n"
        "国务院办公厅关于卫生部等有关部门血吸虫病防治工作职责的通知\n国办发〔1999〕70号\n各省、自治区、直辖市人民政府:\n"
    )
    assert [item.units for item in plan.items] == [("省卫生厅",), ("省教育厅",), ("省财政厅",)]
