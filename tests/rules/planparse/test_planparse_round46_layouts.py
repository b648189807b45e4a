"""Layouts of the forty-sixth round of real notices (tests/fixtures/notices/real/1751-1794):
rural revitalisation, business environment, floods and geological hazards, the patriotic health
campaign, open-government key points; each as a small synthetic page written the way those pages
are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import Recurrence, parse_text


def test_the_duties_of_the_body_the_sentence_before_describes_are_its_work():
    plan = parse_text(
        "某市爱国卫生管理条例实施办法\n"
        "第一条 为加强本市爱国卫生工作，结合本市实际，制定本办法。第五条 市、县(区)人民政府爱国卫生运动委员会"
        "(以下简称爱卫会)由本级人民政府各有关部门组成，是本级人民政府爱国卫生工作的议事协调机构。其主要职责是:\n"
        "(一)统一规划、部署本行政区域内的爱国卫生工作;\n"
        "(二)组织动员社会全体成员参与爱国卫生工作。\n"
    )
    assert [item.units for item in plan.items] == [("市、县(区)人民政府爱国卫生运动委员会(以下简称爱卫会)",)] * 2


def test_an_office_named_before_its_duty_is_no_label():
    plan = parse_text(
        "某市爱国卫生管理办法\n"
        "第六条 下列单位应按本办法规定协同开展爱国卫生工作。具体分工如下:\n"
        "(一)卫生防疫行政主管部门:负责制定爱国卫生有关标准;做好社区卫生保健规划的贯彻实施;\n"
        "(二)教育行政部门:负责学校卫生工作;\n"
    )
    assert [item.units for item in plan.items] == [("卫生防疫行政主管部门",), ("教育行政部门",)]
    assert plan.items[0].text.startswith("负责制定爱国卫生有关标准")


def test_an_article_is_the_work_of_the_office_it_opens_with_whatever_the_verb():
    plan = parse_text(
        "某省乡村振兴促进条例\n第一章 总则\n"
        "第四条 省人民政府建立各部门统筹协调、省负总责、市县抓落实的乡村振兴促进工作机制。\n"
        "县级以上人民政府农业农村主管部门负责本行政区域内乡村振兴促进工作的政策指导和监督检查。\n"
        "第五条 省人民政府发展改革部门根据国家乡村振兴战略规划，编制省乡村振兴战略规划。\n"
        "第六条 乡村振兴促进工作应当因地制宜、循序渐进。\n"
    )
    assert [item.units for item in plan.items] == [
        ("省人民政府", "县级以上人民政府农业农村主管部门"), ("省人民政府发展改革部门",), (),
    ]


def test_an_article_headed_by_its_work_goes_on_with_the_offices_of_its_paragraphs_but_a_scope_does_not():
    plan = parse_text(
        "某市山洪灾害防御工作指南\n"
        "第二条 本市行政区域内的山洪灾害防御适用本指南。\n"
        "本指南所称山洪灾害，是指山丘区溪河洪水引发的灾害。\n"
        "第五条 动态开展山洪灾害隐患排查。\n"
        "市防汛指挥部结合全市防汛防台检查，组织相关部门开展山洪灾害隐患排查。\n"
        "镇(街道)负责组织所辖村(社区)开展山洪灾害隐患自查。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["动态开展山洪"]
    assert plan.items[0].units == ("市防汛指挥部", "镇(街道)")


def test_an_article_opening_with_the_fields_of_its_offices_is_their_work():
    plan = parse_text(
        "某市基本菜田保护管理条例\n"
        "第五条 计划、城建、规划、财政等有关行政部门依照各自的职责，做好基本菜田的建设、保护和管理的相关工作。\n"
    )
    assert [item.units for item in plan.items] == [("计划", "城建", "规划", "财政")]


def test_a_rule_s_principle_is_no_task_unless_an_office_takes_it_on_after_it():
    plan = parse_text(
        "某市殡葬管理办法\n第一章 总则\n"
        "第二条 山洪灾害防御坚持人民至上、生命至上;坚持以防为主、防治结合。\n"
        "第三条 殡葬管理坚持以人为本、生态科学的工作原则，严格实行属地管理。各乡镇要切实加强殡葬管理工作。\n"
    )
    assert [item.units for item in plan.items] == [("各乡镇",)]


def test_in_a_plan_a_task_that_keeps_to_something_is_still_a_task():
    plan = parse_text(
        "示范市2019年政务公开工作要点\n"
        "1.把公开透明作为政府工作的基本要求，坚持以公开为常态、不公开为例外。(市政府办公室负责)\n"
    )
    assert len(plan.items) == 1


def test_a_time_of_each_year_in_a_task_s_first_sentence_makes_it_yearly():
    plan = parse_text(
        "某区2021年行政执法工作要点\n"
        "(一)严格年度检查计划制定和备案。行政执法机关要于每年3月底前科学制定年度检查计划。(区司法局负责)\n"
        "(二)做好年度报告。按照条例规定完善制度。市政府部门要在每年1月31日前公布年度报告。(区政府办负责)\n"
    )
    assert [item.deadline.recurrence for item in plan.items] == [Recurrence.YEARLY, None]
    assert [item.deadline.date for item in plan.items] == [None, None]
