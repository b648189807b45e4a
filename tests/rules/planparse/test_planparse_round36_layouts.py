"""Layouts of the thirty-sixth round of real notices (tests/fixtures/notices/real/1271-1315):
culture and sport, pollution control, housing, public finance and industry, each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_office_s_rules_articles_then_its_duties_under_the_article_that_names_it():
    plan = parse_text(
        "示范区工业信息化和科技局\n  第一条 根据《示范区机构改革方案》,制定本规定。\n"
        "  第二条 区工业信息化和科技局是区政府工作部门,为正科级,加挂区商务局牌子。\n"
        "  第三条 区工业信息化和科技局贯彻落实上级关于工业信息化工作的方针政策,坚持党的集中统一领导。主要职责是:\n"
        "  (一)拟订工业、信息化领域的地方规范性文件。研究提出全区新型工业化发展政策。\n"
        "  (二)监测分析工业、信息化领域运行态势并做好相关信息发布。\n"
    )
    assert [item.units for item in plan.items] == [("区工业信息化和科技局",), ("区工业信息化和科技局",)]
    assert not any("制定本规定" in item.text or "正科级" in item.text for item in plan.items)


def test_sentences_each_giving_an_office_its_part_under_a_heading_of_duties():
    plan = parse_text(
        "九、改革的职责分工\n预算编制由预算处、预算编审中心负责,做好预算数据转换工作。"
        "预算执行由国库处、国库收付中心牵头,负责启动分月数据的科目转换工作。信息中心负责做好技术保障工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("预算处", "预算编审中心"), ("国库处", "国库收付中心"), ("信息中心",),
    ]


def test_an_office_that_is_named_for_what_it_is_before_its_duty():
    plan = parse_text(
        "(二)街镇政府采购监管机构及职责\n1、各街镇的财政管理部门是政府采购的职能部门,负责本级政府采购工作。\n"
        "2、区审计局负责对街镇政府采购活动开展情况进行审计监督。\n"
    )
    assert [item.units for item in plan.items] == [("各街镇的财政管理部门",), ("区审计局",)]


def test_an_office_that_works_with_another_later_in_its_sentence():
    plan = parse_text(
        "第三条 专项资金的管理职责\n(一)国家发展改革委负责确定专项资金的年度支持方向,会同财政部对申报的项目进行审核。\n"
        "(二)财政部负责专项资金的预算管理和资金拨付。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("国家发展改革委", "财政部"), ("国家发展改革委",)), (("财政部",), ("财政部",)),
    ]


def test_what_a_rule_s_words_mean_is_no_work():
    plan = parse_text(
        "第一章 总则\n第二条 本办法所称补助资金,是指中央及自治区本级财政安排的资金。\n"
        "第三条 自治区财政厅负责编制补助资金预算,下达补助资金。\n"
    )
    assert [item.units for item in plan.items] == [("自治区财政厅",)]


def test_a_clause_giving_the_work_to_an_office_with_others():
    plan = parse_text(
        "五、实施步骤\n(一)建设阶段(2009年12月底前)。各责任单位按照任务分解表组织建设。(市建委牵头)\n"
        "(二)验收阶段(2010年3月底前)。由市体育局牵头,会同市发展改革委、市财政局等部门对建成的项目组织验收。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items][1] == (
        ("市体育局", "市发展改革委", "市财政局"), ("市体育局",),
    )


def test_a_paragraph_that_says_it_divides_the_duties_then_gives_each_office_its_clause():
    plan = parse_text(
        "一、区级管理\n按照我区政府采购监督管理机构设置和工作职责分工要求,区财政局负责牵头建立街镇联席会议制度;"
        "区招管办负责对街镇政府采购制度执行情况进行定期检查;区监察局负责指导街镇的监察部门实施监督;"
        "区审计局负责对街镇政府采购活动开展情况进行审计监督。\n"
    )
    assert [item.units for item in plan.items] == [("区财政局",), ("区招管办",), ("区监察局",), ("区审计局",)]
    assert plan.items[0].text.startswith("区财政局负责")
