"""Layouts of the twenty-first round of real notices (tests/fixtures/notices/real/641-676), each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.units import split_units


def test_the_lead_convention_closing_a_unit_list_and_units_named_unusually():
    plan = parse_text(
        "示范市关于落实粮食安全责任制的实施意见\n一、明确粮食安全责任\n"
        "(一)切实增强粮食安全意识。把保障粮食安全放在经济社会发展的突出位置。"
        "(市发改委、市农委、中储粮示范直属库。排名第一的为牵头单位,下同)\n"
        "(二)完善粮食收储制度。落实最低收购价政策。[责任单位:市财政局、市税务局,各区政府,排在首位为牵头单位,下同]\n"
    )
    assert [item.units for item in plan.items] == [
        ("市发改委", "市农委", "中储粮示范直属库"),
        ("市财政局", "市税务局", "各区政府"),
    ]
    assert [item.lead_units for item in plan.items] == [("市发改委",), ("市财政局",)]


def test_labels_of_divisions_and_units_assisting_and_angle_brackets():
    plan = parse_text(
        "示范市农业农村局2022年工作要点\n一、稳定粮食生产\n"
        "1.抓好粮食生产。全年粮食播种面积稳定在25万亩以上。(责任处室及单位:种植业管理处、农技中心)\n"
        "2.优化营商环境。推行涉企事项一网通办。(牵头单位:局办公室,相关单位协同落实)\n"
        "3.加强作风建设。落实机关作风建设各项制度。(责任部门:各处〈室、局〉)\n"
    )
    assert [item.units for item in plan.items] == [
        ("种植业管理处", "农技中心"), ("局办公室", "相关单位"), ("各处〈室、局〉",),
    ]  # fmt: skip
    assert split_units("各处〈室、局〉、相关处〈室、局〉") == ["各处〈室、局〉", "相关处〈室、局〉"]


def test_duties_named_by_their_office_before_a_colon_or_as_the_subject():
    plan = parse_text(
        "示范市打击非法营运专项整治方案\n二、部门职责\n(一)城管部门职责:负责对乱停乱放占用人行道的车辆管理。\n"
        "(二)广电局、示范日报社职责:负责整顿工作的宣传报道。\n"
        "(三)市农办、市建设局、市旅游局主要做好招商合作项目的产业政策前期审查等工作。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["负责对乱停乱", "负责整顿工作", "市农办、市建"]
    assert [item.units for item in plan.items] == [
        ("城管部门",), ("广电局", "示范日报社"), ("市农办", "市建设局", "市旅游局"),
    ]  # fmt: skip


def test_a_one_task_form_of_labelled_lines():
    plan = parse_text("任务163\n重点工作: 全面推行林长制。\n牵头单位: 市林业园林局\n年度阶段性工作目标: 第四季度:全面推行林长制。\n")
    assert [(item.text, item.units) for item in plan.items] == [("全面推行林长制。", ("市林业园林局",))]


def test_a_rectification_problem_over_its_numbered_measures():
    plan = parse_text(
        "示范林业局整改情况公示\n一、反馈问题情况\n"
        "示范林区毁林种参问题。全局清理违法违规参地1200亩,尚未全部还林。\n"
        "责任单位:各林场、示范保护区管理处\n整改目标:2018年8月底前,完成违法违规参地的查处工作。\n"
        "整改措施:\n1.认真制定整改计划,确保整改任务有序开展。\n2.加强参业用地监督,严格管理。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["认真制定整改", "加强参业用地"]
    assert {item.units for item in plan.items} == {("各林场", "示范保护区管理处")}
