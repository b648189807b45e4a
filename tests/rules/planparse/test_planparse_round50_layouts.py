"""Layouts of the fiftieth round of real notices (tests/fixtures/notices/real/1951-1996): work
safety and its responsibility lists, river, lake and forest chiefs, tourism, culture and sport,
population and health, key points of counties and towns; each as a small synthetic page written
the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.units import split_units


def test_what_an_office_acts_as_is_no_part_of_its_name():
    assert split_units("省安全生产监督管理部门作为省安委会办事机构") == ["省安全生产监督管理部门"]
    # (作为牵头单位 is a role, read as before)
    assert split_units("市财政局作为牵头单位，市税务局配合") == ["市财政局", "市税务局"]


def test_a_lead_in_closed_by_a_full_stop_gives_its_points_to_its_offices():
    plan = parse_text(
        "某省安全生产委员会工作规则\n"
        "第五条 省安委会成员单位必须认真履行以下职责。\n"
        "(一)宣传、贯彻、执行国家安全生产的法律、法规和规章;\n"
        "(二)组织开展本行业领域安全生产检查。\n"
        "第六条 省应急管理厅负责省安委会的日常工作。\n"
    )
    assert [item.units for item in plan.items] == [("省安委会成员单位",)] * 2 + [("省应急管理厅",)]


def test_a_lone_level_with_its_alternatives_closes_a_list_of_levels():
    assert split_units("各市、县〔区〕") == ["各市、县〔区〕"]
    plan = parse_text(
        "某自治区河湖长制工作要点\n"
        "一、提升河湖长履职实效\n"
        "1.规范河湖长履职行为。健全完善河湖长工作交接制度。(自治区河长办、河长制责任单位牵头,各市、县〔区〕落实)\n"
        "2.强化乡村河湖管护。健全乡村河湖管护体系。(自治区河长办负责)\n"
    )
    assert plan.items[0].units == ("自治区河长办", "河长制责任单位", "各市、县〔区〕")
    assert plan.items[0].lead_units == ("自治区河长办", "河长制责任单位")


def test_the_office_a_rule_names_the_authority_in_charge_has_the_task():
    plan = parse_text(
        "某省河道管理条例\n"
        "第四条 县级以上人民政府水行政主管部门是本行政区域内的河道主管部门。\n"
        "第五条 县级以上人民政府应当将河道规划纳入国民经济和社会发展规划。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府水行政主管部门",), ("县级以上人民政府",)]


def test_a_part_after_an_annotation_s_bracket_in_a_page_that_lost_its_breaks():
    filler = "承办好乡村文化节、广场文艺汇演和全民健身系列赛事活动," * 8
    plan = parse_text(
        "某市关于促进文体会展活动恢复振兴的若干措施的通知各镇人民政府,市政府直属各单位:现印发给你们。"
        "为进一步促进文化展演、体育赛事等活动快速复苏,"  # (a comma before the first part: no break)
        f"一、持续承办好国家、省级文化体育活动赛事{filler}(责任单位:市旅游和文化广电体育局、市财政局)"
        f"二、办好特色精品文体赛事活动{filler}(责任单位:市旅游和文化广电体育局、市委宣传部)"
        "三、设立文体赛事活动专项支持资金,鼓励支持企业和社会力量在我市举办赛事。(责任单位:市财政局)\n"
    )
    assert [item.units for item in plan.items] == [
        ("市旅游和文化广电体育局", "市财政局"),
        ("市旅游和文化广电体育局", "市委宣传部"),
        ("市财政局",),
    ]


def test_the_offices_that_manage_a_fund_together_have_its_article():
    plan = parse_text(
        "某省非物质文化遗产保护资金管理办法\n"
        "第四条 专项资金由省文化和旅游厅与省财政厅共同管理,分省本级资金和转移支付资金。\n"
        "第五条 省文化和旅游厅负责编制专项资金年度预算。\n"
    )
    assert [item.units for item in plan.items] == [("省文化和旅游厅", "省财政厅"), ("省文化和旅游厅",)]


def test_the_work_an_office_does_its_duty_in_stands_between_them():
    plan = parse_text(
        "某省卫生厅关于开展爱国卫生月活动的通知\n"
        "一、各市县在爱国卫生月活动中应大力开展环境卫生综合治理。\n"
        "二、各市县爱卫会在爱国卫生活动月中要依法行政,加大执法力度。\n"
    )
    assert [item.units for item in plan.items] == [("各市县",), ("各市县爱卫会",)]


def test_an_office_s_duties_named_in_its_paragraph_s_lead_are_its_own():
    plan = parse_text(
        "某县人民政府办公室关于明确镇村工作职责的通知\n"
        "一、镇政府主要职责。贯彻执行人口与计划生育工作的政策;负责镇级计划生育管理工作。\n"
        "二、镇妇幼保健计生服务站主要职责。承担本辖区内妇幼保健和妇女儿童常见病防治工作。\n"
        "三、其他应当履行的职责。按照上级要求完成其他工作。\n"
    )
    assert [item.units for item in plan.items] == [("镇政府",), ("镇妇幼保健计生服务站",), ()]
