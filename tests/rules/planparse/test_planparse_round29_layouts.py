"""Layouts of the twenty-ninth round of real notices (tests/fixtures/notices/real/961-999),
each as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.model import PlanKind
from gongkai.rules.units import split_units


def test_offices_and_their_duties_run_together_on_one_line_after_a_comma():
    plan = parse_text(
        "示范盟新农村新牧区建设试点方案\n五、部门职责\n"
        "[接上页] 交通部门,负责通村公路和道路建设。 教育部门,负责试点嘎查村义务教育。 水利部门,负责指导防洪、排涝工作。\n"
    )
    assert [item.units for item in plan.items] == [("交通部门",), ("教育部门",), ("水利部门",)]


def test_a_part_on_the_duties_of_departments_names_no_unit():
    plan = parse_text(
        "示范市创建工作方案\n五、部门职责\n1.组织开展创建工作的宣传发动。\n2.做好创建工作的督促检查。(市文明办负责)\n"
    )
    assert plan.items[0].units == ()


def test_the_steps_of_a_schedule_each_opened_by_its_time():
    plan = parse_text(
        "三、编纂要求\n(一)时间安排。具体进度要求如下:\n2011年3月至4月,成立编纂机构,制订编纂方案,召开启动会议。\n"
        "2011年5月至6月,全面搜集整理资料并形成初稿。\n2011年7月至9月,承编单位完成初稿的修改完善工作。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.deadline.date for item in plan.items] == [date(2011, 4, 30), date(2011, 6, 30), date(2011, 9, 30)]


def test_offices_that_organise_the_work_after_the_leads():
    plan = parse_text(
        "示范市农村气象灾害防御体系建设实施方案\n(二)健全制度\n2.制定出台县级气象灾害风险区划\n"
        "业务科、应急办牵头,各县气象局组织实施,要力争有一个县完成县级气象灾害风险区划。\n3.建立两卡发放制度\n"
        "应急办、业务科技科牵头,市科技服务中心和各县局组织实施,县级统一制作防灾减灾明白卡。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items][0] == (
        ("业务科", "应急办", "各县气象局"),
        ("业务科", "应急办"),
    )


def test_a_lead_in_at_the_end_of_a_paragraph_and_a_second_list_that_names_no_one():
    plan = parse_text(
        "示范市地名公共服务工程实施方案\n(一)组织领导\n为加强领导,由市政府成立地名公共服务工程领导小组。领导小组的主要职责是:\n"
        "1.审查、批准地名公共服务工程实施方案;\n2.筹集地名公共服务工程建设经费;\n"
        "领导小组下设办公室在民政局合署办公。其主要职责是:\n1.制定地名公共服务工程实施方案及工作计划;\n"
        "2.组织培训和督促检查、验收;\n"
    )
    assert [item.units for item in plan.items] == [("领导小组",), ("领导小组",), (), ()]


def test_an_office_then_a_full_stop_then_its_duty():
    plan = parse_text(
        "示范区平安市场创建活动方案\n四、职责分工\n6、区质量技监局。负责规范市场计量行为,查处市场内的计量违法行为。\n"
        "7、区城管执法大队。负责查处市场外占用道路无照经营等违法行为。\n"
    )
    assert [item.units for item in plan.items] == [("区质量技监局",), ("区城管执法大队",)]


def test_a_level_list_without_brackets_over_a_long_name():
    assert split_units("各市、区质量技术监督检测所") == ["各市、区质量技术监督检测所"]
    assert split_units("各乡、街办") == ["各乡", "街办"]
    assert split_units("各镇街区、市政府各部门(单位)") == ["各镇街区", "市政府各部门(单位)"]


def test_an_item_runs_on_from_the_annotation_before_it_where_the_page_skipped_numbers():
    plan = parse_text(
        "一、建立健全科普工作体系1.完善落实科普工作制度机制,做好年度科普基地建设等具体组织实施工作,(责任单位:市科协、市科技局)"
        "7.强化科普服务平台建设,有条件的均应植入科普元素,(责任单位:市科技局、市科协、市委宣传部)9.推动科普活动提档提能,"
        "联动办好科技活动周。(责任单位:市应急管理局、市科技局)\n"
    )
    assert [item.units for item in plan.items] == [
        ("市科协", "市科技局"),
        ("市科技局", "市科协", "市委宣传部"),
        ("市应急管理局", "市科技局"),
    ]


def test_a_project_without_its_full_stop_over_label_lines_whose_values_sit_below_them():
    plan = parse_text(
        "示范区2020年民生实事:幼有善育(3项)\n\n进一步完善托育服务体系,为不同年龄段幼儿家庭提供有针对性的服务\n\n牵头单位:\n\n"
        "示范区卫生健康局\n\n协办单位:\n\n各有关单位\n\n进度安排\n\n第一季度:落实托育机构备案制度。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("示范区卫生健康局", "各有关单位"), ("示范区卫生健康局",))
    ]
