"""Layouts of the fifty-first round of real notices (tests/fixtures/notices/real/2001-2046):
statistics and censuses, energy saving, science and talent, open-government points of ministries
and departments, township finance; each as a small synthetic page written the way those pages
are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.annotations import parse_annotation
from gongkai.rules.planparse.cells import is_unit_phrase
from gongkai.rules.units import split_units


def test_what_a_census_covers_listed_under_its_scope_is_no_work():
    plan = parse_text(
        "某普查条例\n"
        "第十条 经济普查的行业范围包括:\n"
        "(一)采矿业;\n"
        "(二)制造业;\n"
        "第十一条 国务院经济普查领导小组负责经济普查的组织和实施。\n"
    )
    assert [item.units for item in plan.items] == [("国务院经济普查领导小组",)]


def test_what_a_duty_is_for_stands_before_the_office_no_part_of_it():
    plan = parse_text(
        "(四)剥离上收债务,减少化债环节。为进一步核实债权债务关系、挤掉债务水分、减少化债资金支付环节,"
        "各地要将沉积在基层的债务逐笔分离出来。\n"
        "(五)规范工作程序,积极稳妥推进。各旗县人民政府要严格按照乡村自查、相关部门审核的程序推进。\n"
    )
    assert [item.units for item in plan.items] == [("各地",), ("各旗县人民政府",)]


def test_offices_listed_with_their_duties_before_the_first_that_says_负责():
    plan = parse_text(
        "某市节能工作通知\n"
        "1、市总工会重点抓好企业、事业单位职工节能宣传和培训活动。\n"
        "2、市委组织部参与节能目标考核工作。\n"
        "3、市委督查室负责督查各部门对节能政策的贯彻执行情况。\n"
        "4、国资委及市自来水公司一方面要加强对高耗能行业用水量的跟踪监测。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市总工会",), ("市委组织部",), ("市委督查室",), ("国资委", "市自来水公司"),
    ]


def test_offices_named_alone_after_each_requirement_s_full_stop_close_it():
    plan = parse_text(
        "某部2020年政务公开工作安排\n"
        "一、强化重点生态环境信息公开\n"
        "1.污染防治攻坚战信息。及时公开各项行动计划的目标任务进展情况。(大气司、水司、土壤司)"
        "加强专项行动信息公开,主动接受公众监督。(执法局)\n"
        "2.疫情防控信息。定期公布城市空气质量监测情况。(监测司)及时公布医疗废物处置情况。(应急中心、固体司)\n"
    )
    assert [item.units for item in plan.items] == [
        ("大气司", "水司", "土壤司"), ("执法局",), ("监测司",), ("应急中心", "固体司"),
    ]


def test_stations_and_detachments_named_alone_in_brackets_are_offices():
    plan = parse_text(
        "某州生态环境局2019年政务公开工作要点\n"
        "(一)深入解读重要政策措施。全面公开、精准解读相关政策措施。(综合科、污染防治科)\n"
        "(二)积极回应社会关切。对民众关心的热点问题及时回应。(综合科、监察支队)\n"
        "(三)强化重点领域信息公开。进一步做好生态环境信息公开。(监管科、监测站)\n"
    )
    assert [item.units for item in plan.items] == [("综合科", "污染防治科"), ("综合科", "监察支队"), ("监管科", "监测站")]


def test_a_rule_s_purpose_and_the_principle_it_is_carried_out_by_are_no_work():
    plan = parse_text(
        "全国农业普查条例\n"
        "第二条 农业普查的目的,是全面掌握我国农业、农村和农民的基本情况。\n"
        "第三条 农业普查工作按照全国统一领导、部门分工协作、地方分级负责的原则组织实施。\n"
        "第四条 国务院农业普查领导小组负责组织和领导全国农业普查工作。\n"
    )
    assert [item.units for item in plan.items] == [("国务院农业普查领导小组",)]


def test_an_article_run_on_after_an_ascii_full_stop_opens_its_own_item():
    plan = parse_text(
        "某自治区科学技术进步条例\n"
        "第四条 各级人民政府要加强对科学技术进步工作的领导. 第五条 自治区各级科学技术行政部门负责本行政区域内"
        "科学技术工作的宏观管理. 第六条 旗县以上各级人民政府要逐步建立健全科学技术顾问组织.\n"
    )
    assert [item.units for item in plan.items] == [
        ("各级人民政府",), ("自治区各级科学技术行政部门",), ("旗县以上各级人民政府",),
    ]


def test_the_addressees_label_over_a_covering_notice_s_words_names_no_unit():
    found = parse_annotation("民政部政务公开领导小组各成员单位:《工作要点》已经部领导审定,现印发给你们,请结合实际认真贯彻落实。")
    assert found is None or not found.units


def test_a_label_s_units_end_at_a_telephone_label_and_angle_brackets_hold_alternatives():
    assert parse_annotation("承办部门:市文旅委         咨询电话:2860503").units == ("市文旅委",)
    assert is_unit_phrase("各处〈室、局〉")


def test_a_page_that_opens_inside_a_list_has_its_first_paragraph_as_the_first_item():
    plan = parse_text(
        "票据统管。即苏木乡镇使用的非税收入等票据,全部由旗县市(区)财政部门管理,实行票款同行、以票管收。\n"
        "(二)配合苏木乡镇机构改革,在苏木乡镇党政综合办公室设专人从事苏木乡镇财政管理工作。\n"
        "(三)各旗县市(区)要根据苏木乡镇经济状况和支出需求,合理确定苏木乡镇财政管理体制。\n"
    )
    # (its heading sentence "票据统管。" stands as the section of its requirement)
    assert [item.text[:4] for item in plan.items] == ["即苏木乡", "配合苏木", "各旗县市"]


def test_a_rule_s_enactment_note_is_no_item():
    plan = parse_text(
        "某省统计管理规定\n\n"
        "某省统计管理规定,于1997年10月24日某省人民代表大会常务委员会第三十二次会议通过。\n\n"
        "(1997年10月24日某省人民代表大会常务委员会第三十二次会议通过1997年11月26日公布施行)\n"
        "第一条 为了加强统计管理,根据《中华人民共和国统计法》,制定本规定。\n"
        "第四条 省人民政府统计主管部门负责组织、协调、指导和监督全省统计工作。\n"
        "第五条 各级人民政府应当加强对统计工作的领导。\n"
    )
    assert [item.units for item in plan.items] == [("省人民政府统计主管部门",), ("各级人民政府",)]


def test_whom_a_rule_s_work_serves_is_no_work():
    plan = parse_text(
        "某省科学技术普及条例\n"
        "第三条 科普工作的对象是全体公民,重点是青少年、农村干部群众和城镇劳动者。\n"
        "第四条 县级以上人民政府科学技术行政部门负责本行政区域内的科普工作。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府科学技术行政部门",)]


def test_a_requirement_the_page_cut_before_its_annotation_is_still_an_item():
    plan = parse_text(
        "某市市场监管局2019年政务公开工作要点\n"
        "(二)推进执行公开\n"
        "依托局门户网站“财政信息”栏目,继续做好财政预决算信息公开。(科技和财务处)\n"
        "严格落实社会公益事业建设领域政府信息公开工作实施方案,形成食品安全信息公开事项清单,相关信息通\n"
    )
    assert [item.units for item in plan.items] == [("科技和财务处",), ()]
    # (a short fragment, an addressee line of the next document on the page, is none)
    short = parse_text(
        "某市市场监管局2019年政务公开工作要点\n"
        "(二)推进执行公开\n"
        "依托局门户网站“财政信息”栏目,继续做好财政预决算信息公开。(科技和财务处)\n"
        "各省、自治区、直辖市人民政府,国\n"
    )
    assert len(short.items) == 1


def test_other_offices_left_unnamed_as_处室_name_no_unit():
    assert split_units("评估中心、就业指导中心等有关处室(单位)") == ["评估中心", "就业指导中心"]
    assert split_units("研究室会同相关处室负责落实") == ["研究室"]
