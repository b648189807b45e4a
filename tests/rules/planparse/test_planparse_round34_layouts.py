"""Layouts of the thirty-fourth round of real notices (tests/fixtures/notices/real/1171-1212):
social credit, civil air defence, land and geological hazards, energy and community governance,
each as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.annotations import parse_annotation


def test_a_working_group_s_people_are_notes_and_its_duties_line_is_the_task():
    plan = parse_text(
        "下设3个工作小组。\n1、综合协调组。\n组长:李明县政府副县长。\n副组长:xxx。\n组员:xxx。\n"
        "职责:负责资料收集,文件起草下发,协调各小组日常事务。\n2、资金组。\n组长:xx。\n组员:xxx。\n"
        "职责:负责项目资金保障及融资工作。\n"
    )
    assert [(item.text, item.units) for item in plan.items] == [
        ("负责资料收集，文件起草下发，协调各小组日常事务。", ("综合协调组",)),
        ("负责项目资金保障及融资工作。", ("资金组",)),
    ]
    assert "组长：李明县政府副县长。" in plan.items[0].notes


def test_headings_naming_the_time_and_scope_of_an_event_are_no_work():
    plan = parse_text(
        "一、防空警报试鸣时间\n2023年9月18日(星期一)上午9:05至9:28。\n二、防空警报试鸣范围\n全县范围内。\n"
        "三、工作职责\n1.县公安局保障防空警报试鸣期间的社会治安、交通安全;\n"
        "2.县供电分公司保障防空警报设施供电需要;\n"
    )
    assert [item.text[:5] for item in plan.items] == ["县公安局保", "县供电分公"]


def test_a_schedule_s_steps_and_time_still_hold_work():
    plan = parse_text("七、工作步骤及时间\n2010年3月1日-2010年4月30日,县领导小组办公室组织开展专项检查。\n")
    assert len(plan.items) == 1


def test_offices_that_open_the_items_under_a_heading_of_duties_do_them():
    plan = parse_text(
        "四、工作职责\n为保证试鸣准确、安全、可靠,试鸣工作由县政府统一指挥。\n"
        "1.县国动办、县文旅广电局确保应急广播终端防空警报专用频率安全可靠;\n"
        "2.县供电分公司保障防空警报设施供电需要;\n3.县公安局保障试鸣期间的社会治安、交通安全;\n"
    )
    assert [item.units for item in plan.items] == [("县国动办", "县文旅广电局"), ("县供电分公司",), ("县公安局",)]


def test_offices_opening_items_under_an_ordinary_heading_are_not_given_them():
    plan = parse_text("四、工作要求\n1.县供电分公司保障防空警报设施供电需要;\n2.县公安局保障试鸣期间的社会治安;\n")
    assert all(not item.units for item in plan.items)


def test_a_unit_name_ending_in_a_label_word_before_the_deadline_label():
    plan = parse_text(
        "(一)降低准入门槛\n1.对符合登记条件的社区社会组织,优化服务,加快审核办理。\n主责单位:区民政局\n"
        "配合单位:区社会组织有关业务主管单位\n完成时限:2018年12月底前\n"
    )
    assert plan.items[0].units == ("区民政局", "区社会组织有关业务主管单位")
    assert plan.items[0].deadline.date == date(2018, 12, 31)


def test_an_assisting_label_of_two_role_words():
    found = parse_annotation("牵头责任部门:局政策法规科;协同配合部门:各县市区交通运输局、局直各单位")
    assert found is not None
    assert found.units == ("局政策法规科", "各县市区交通运输局", "局直各单位")
    assert found.lead_units == ("局政策法规科",)


def test_an_annotation_s_work_going_on_past_a_comma_names_no_units():
    found = parse_annotation("(省国土资源厅负责组织重大隐患点勘查,指导督促各有关部门和市县政府制定落实监测防治措施)")
    assert found is not None
    assert found.units == ("省国土资源厅",)
