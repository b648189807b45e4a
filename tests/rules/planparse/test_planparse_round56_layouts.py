"""Layouts of the fifty-sixth round of real notices (tests/fixtures/notices/real/2251-2298):
earthquakes and disaster relief, traditional Chinese medicine, vocational education, wetlands and
nature reserves, grass-roots open-government catalogs and town guides; each as a small synthetic
page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import PlanKind, parse_text

_PIPED_TABLE = (
    "某市人民政府办公室关于印发近期防震减灾工作目标管理责任分解表的通知\n"
    "各区人民政府,市各有关部门:\n"
    "现将《近期防震减灾工作目标管理责任分解表》印发给你们,请认真抓好落实。\n"
    "二○○七年八月十二日\n"
    "近期防震减灾工作目标管理责任分解表\n"
    "工作目标任务\n|\n完成时间\n|\n牵头部门\n|\n配合部门\n|\n|\n"
    "制定年度防震减灾工作实施计划,保证防震减灾经费投入逐年增加。\n|\n年内\n|\n地震局\n|\n财政局\n|\n|\n"
    "收集“市区震害预测项目”基础数据资料统计。\n|\n9月底前\n|\n地震局\n|\n按市府办通知另行确定\n|\n|\n"
    "出台地震监测设施和观测环境保护暂行办法。\n|\n年内\n|\n法制办\n|\n地震局、规划局\n|\n|\n"
)


def test_a_table_headed_by_its_work_targets_read_with_the_year_of_a_date_written_with_circles():
    plan = parse_text(_PIPED_TABLE)
    assert plan.kind is PlanKind.TABLE
    assert [(item.text[:4], item.lead_units, item.deadline.date) for item in plan.items] == [
        ("制定年度", ("地震局",), date(2007, 12, 31)),
        ("收集“市", ("地震局",), date(2007, 9, 30)),
        ("出台地震", ("法制办",), date(2007, 12, 31)),
    ]


def test_units_still_to_be_named_are_no_heading_over_the_rows_below():
    plan = parse_text(_PIPED_TABLE)
    assert [item.section for item in plan.items] == [()] * 3


def test_an_office_s_disclosure_list_under_a_scope_heading_is_its_work_and_the_exceptions_are_none():
    plan = parse_text(
        "某镇政府信息公开指南\n"
        "一、主动公开\n"
        "(一)公开主体\n"
        "镇政府信息公开主体包括镇政府和各村。政府信息公开坚持“以公开为常态”的原则,除以下信息外,其余政府信息应当公开:\n"
        "1. 依法确定为国家秘密的政府信息;\n"
        "2. 法律、行政法规禁止公开的政府信息。\n"
        "(二)公开范围\n"
        "镇党政综合办公室负责向社会主动公开本机关制发的非涉密类政府信息:\n"
        "1.镇政府组织机构、领导分工及其主要职责。\n"
        "2.财政收支、各类专项资金的管理和使用情况。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("镇政府组织机", ("镇党政综合办公室",)), ("财政收支、各", ("镇党政综合办公室",)),
    ]


def test_a_sentence_that_opens_with_由_gives_the_work_to_the_office_and_those_it_works_with():
    plan = parse_text(
        "某省关于进一步加强防震减灾工作的实施意见\n"
        "四、切实保障防震减灾各项措施落实\n"
        "(十二)加强领导,落实责任。各地、各部门要严格按照要求,抓好各项工作落实。\n"
        "(十三)制定规划,总结成效。由省发展改革委会同省地震局尽快组织编制完成防震减灾规划。各州(市)要做好总结。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("各地", "各部门"), ("各地", "各部门")),
        (("省发展改革委", "省地震局", "各州(市)"), ("省发展改革委",)),
    ]


def test_offices_named_by_their_duties_in_a_rule():
    plan = parse_text(
        "某条例\n"
        "第五条 国家公园管理机构履行国家公园内的生态保护、自然资源资产管理等职责。\n"
        "第七条 国务院有关部委主管部门的主要职责;提出本部门毕业生就业的具体工作意见;及时报送所属院校毕业生就业计划。\n"
    )
    assert [item.units for item in plan.items] == [("国家公园管理机构",), ("国务院有关部委主管部门",)]


def test_offices_whose_task_is_written_after_the_time_it_is_due():
    plan = parse_text(
        "某市机关事务管理局关于做好2023年公共机构节约能源资源工作的通知\n"
        "一、坚决制止餐饮浪费行为。根据绿色食堂评估细则,各县、区2023年底前遴选绿色食堂不少于1个。\n"
        "二、扎实做好生活垃圾分类。各县、区2023年底前建设公共机构生活垃圾分类示范点不少于3个。\n"
    )
    assert [(item.units, item.deadline.date) for item in plan.items] == [(("各县、区",), date(2023, 12, 31))] * 2


def test_an_office_s_list_of_duties_in_one_field_named_by_the_title():
    plan = parse_text(
        "北京市某区园林绿化局\n"
        "信息名称:某区园林绿化局生态环境保护责任清单\n"
        "某区园林绿化局生态环境保护责任清单\n"
        "1.负责本区野生动植物和湿地保护工作,贯彻执行相关政策措施。\n"
        "2.指导、监督本区陆生野生动植物的保护和合理利用工作。\n"
    )
    assert [item.units for item in plan.items] == [("某区园林绿化局",)] * 2


def test_a_part_that_names_who_carries_out_a_rectification_gives_them_every_measure():
    plan = parse_text(
        "第二轮中央生态环境保护督察反馈第三十八项问题已整改完成的公示\n"
        "一、整改问题\n"
        "一些市县对矿山整治工作重视不够、督促不力。\n"
        "二、整改实施主体\n"
        "某市委、市政府\n"
        "三、重点措施\n"
        "1.2021年底前完成矿山生态修复验收标准制定,并印发实施。\n"
        "2.2022年底前对露天矿山整治工作滞后的,加强调度督办。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items if item.section == ("三、重点措施",)] == [
        ("2021年底", ("某市委", "市政府")), ("2022年底", ("某市委", "市政府")),
    ]
    assert all(not item.text.startswith("某市委") for item in plan.items)
