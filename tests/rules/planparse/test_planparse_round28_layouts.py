"""Layouts of the twenty-eighth round of real notices (tests/fixtures/notices/real/921-959),
each as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.model import PlanKind


def test_a_part_headed_by_an_office_and_its_main_work_gives_it_the_items():
    plan = parse_text(
        "示范县大气污染综合整治方案\n(八)县经济局主要工作任务:\n1、认真贯彻实施加快淘汰落后产能的若干政策措施。\n"
        "2、督促高耗能企业加快技术改造步伐,大力推进清洁生产。\n(九)县广电局主要工作任务:\n1、加大对整治工作的宣传。\n"
    )
    assert [item.units for item in plan.items] == [("县经济局",), ("县经济局",), ("县广电局",)]


def test_a_meeting_whose_tasks_a_part_lists_is_no_unit():
    plan = parse_text(
        "2023年区民政局重点工作任务清单\n序号 | 重点工作事项 | 工作措施 | 责任科室 |\n一、区委十四届六次全会任务 | | | |\n"
        "1 | 健全群众自治组织机制 | 加强村(居)民委员会规范化建设。 | 基层政权科 |\n"
    )
    assert [item.units for item in plan.items] == [("基层政权科",)]


def test_an_assisting_line_after_the_items_of_an_office_s_part_assists_in_each():
    plan = parse_text(
        "示范县大气污染综合整治方案\n(九)县公安局主要工作任务:\n1、依法整治尾气排放年检不合格的机动车辆。\n"
        "2、依法整治运输车辆的扬尘污染。\n协助单位:交通局、县城管监察大队。\n(十)县国土局主要工作任务:\n"
        "1、依法取缔农田挖砂,有效制止破坏植被的行为。\n2、负责组织开展对砂石开采企业扬尘污染的专项整治。\n工作协助部门:水务局\n"
    )
    assert [item.units for item in plan.items] == [
        ("县公安局", "交通局", "县城管监察大队"),
        ("县公安局", "交通局", "县城管监察大队"),
        ("县国土局", "水务局"),
        ("县国土局", "水务局"),
    ]
    assert {item.lead_units for item in plan.items} == {("县公安局",), ("县国土局",)}


def test_where_each_item_has_its_own_assisting_line_the_last_line_is_the_last_item_s():
    plan = parse_text(
        "示范省人民政府工作任务分工\n一、常务副省长负责的工作\n(一)省政府办公厅牵头的工作\n1.加强政府自身建设,切实优化政务环境。\n"
        "协同单位:省直有关部门。\n2.进一步完善民主科学决策的体制机制。\n协同单位:各市人民政府。\n(二)省编办牵头的工作\n"
        "1.深化行政管理体制改革,优化政府机构设置。\n2.积极稳妥地推进乡镇机构改革。\n协同单位:省财政厅、省人事厅。\n"
    )
    assert [item.units for item in plan.items][2:] == [
        ("省编办",),
        ("省编办", "省财政厅", "省人事厅"),
    ]


def test_a_numbered_office_over_its_sub_items():
    plan = parse_text(
        "示范市大气污染防治任务分工\n4、示范区政府负责:\n(1)对主要大街两侧的锅炉进行集中整治,限期取消原煤散烧。\n"
        "(2)加强新强煤矿矸石山粉尘污染治理。\n5、市建设局负责:\n(1)组织实施城市供热管网建设。\n"
    )
    assert [item.units for item in plan.items] == [("示范区政府",), ("示范区政府",), ("市建设局",)]


def test_the_closing_sentence_names_the_office_that_does_the_specific_work():
    plan = parse_text(
        "示范区庆祝八一建军节活动方案\n二、活动内容\n5、八一期间,举办女青年与部队官兵的联谊活动。具体工作由区妇联负责,双拥办配合。\n"
        "6、7月8日,组织第十三期少年军校活动。具体工作由团区委负责,民政局配合。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("区妇联", "双拥办"), ("区妇联",)),
        (("团区委", "民政局"), ("团区委",)),
    ]
    assert plan.items[0].text.endswith("联谊活动。")


def test_an_office_s_own_key_points_without_a_title_are_a_plan():
    drawn_up = parse_text(
        "2015年是全面深化改革的关键之年,为扎实推进人防改革发展工作,经办领导班子研究,特拟定2015年全面深化改革工作要点。\n"
        "一、加快推进人防建设与经济社会深度融合发展。\n二、加快形成一体化信息系统。\n三、调整完善人防组织指挥体制机制。\n"
        "示范市人民防空办公室\n2015年1月22日\n"
    )
    assert drawn_up.kind is PlanKind.PROSE and len(drawn_up.items) == 3
    aspects = parse_text(
        "2025年,全市国动系统将始终以习近平新时代中国特色社会主义思想为指导,努力实现新的跨越。具体来说,要做好以下几方面的工作。\n"
        "一是坚持完善链路,持续增强国动体系治理水平。理顺组织功能。\n二是坚持扩量提质,持续推动融合产业深入发展。\n"
    )
    assert aspects.kind is PlanKind.PROSE and len(aspects.items) == 2
    assert aspects.year == 2025


def test_a_lead_in_sentence_gives_the_list_below_it_to_its_offices():
    plan = parse_text(
        "示范县公共机构节能实施方案\n第四阶段:整体推进。\n县机关事务管理局和各公共机构节能管理机构要着力完成以下工作:\n"
        "一是在2009年2月28日前完成各公共机构用能统计、汇总。\n二是组织开展节能监督检查。\n五、制度保障\n"
        "(一)建立联席会议制度。县公共机构节能联席会议由县政府分管领导担任召集人。\n"
    )
    units = [item.units for item in plan.items]
    assert units[:2] == [("县机关事务管理局", "各公共机构节能管理机构")] * 2
    assert units[2] == ()


def test_a_list_of_what_each_office_does_after_its_name_and_a_colon():
    plan = parse_text(
        "示范市双拥工作领导小组成员单位双拥工作职责\n1、市委办公室:组织协调市委有关部门开展双拥工作,起草审核拥军优属文件。\n"
        "2、市政府办公室:组织协调市政府有关部门开展双拥工作。\n3、市人武部:发挥军地双拥工作的桥梁作用。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市委办公室",),
        ("市政府办公室",),
        ("市人武部",),
    ]
    assert plan.items[0].text.startswith("组织协调")


def test_one_office_and_a_colon_in_a_list_of_tasks_is_no_unit():
    plan = parse_text(
        "示范市2024年政务公开工作要点\n1.总体目标:到年底基本建成全市统一的政策文件库。(市政府办公室负责)\n"
        "2.市政府办公室:组织开展政策解读工作。\n3.推进决策公开,扩大公众参与。(市司法局负责)\n"
    )
    assert plan.items[1].units == ()


def test_numbered_paragraphs_each_closed_by_their_time_are_a_schedule():
    plan = parse_text(
        "1.召开全市民族工作会议,研究部署下一阶段我市城市民族工作。4月份 2.组队参加全国少数民族传统体育运动会。8月份\n"
        "3.成立少数民族流动人员联络站。4月份\n4.深化民族宗教领域调研工作。12月底前\n"
    )
    assert plan.kind is PlanKind.PROSE and len(plan.items) == 4
    untimed = parse_text(
        "1.召开全市民族工作会议。\n2.组队参加全国少数民族传统体育运动会。\n3.成立少数民族流动人员联络站。\n"
    )
    assert untimed.kind is PlanKind.NOT_A_PLAN
