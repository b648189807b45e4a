"""Layouts of the fifty-second round of real notices (tests/fixtures/notices/real/2051-2099):
health reform, rule-of-law government and legal education, agriculture, grass-roots open
government, natural resources and housing funds; each as a small synthetic page written the way
those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import is_unit_phrase


def test_the_office_an_article_charges_with_the_work_or_rules_listed_below_does_each_point():
    plan = parse_text(
        "某市法制宣传教育条例\n"
        "第九条 市和区县司法行政主管部门应当做好下列工作:\n"
        "(一)贯彻执行有关法制宣传教育的法律、法规;\n"
        "(二)组织法制宣传教育培训和考试;\n"
        "第十条 县级以上人民政府应当建立和完善下列行政执法监督制度:\n"
        "(一)规范性文件备案审查制度;\n"
        "(二)行政执法检查、督察等制度。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市和区县司法行政主管部门",), ("市和区县司法行政主管部门",),
        ("县级以上人民政府",), ("县级以上人民政府",),
    ]


def test_what_a_check_covers_and_the_powers_it_may_use_are_no_work():
    plan = parse_text(
        "某省行政执法监督规定\n"
        "第二十五条 各级政府法制机构应当适时组织专项行政执法监督检查,并将检查情况向本级政府报告。\n"
        "第二十六条 行政执法监督检查的主要内容:\n"
        "(一)法律、法规、规章的实施和履行法定职责情况;\n"
        "(二)持证上岗、亮证执法情况;\n"
        "第二十七条 各级政府法制机构履行监督职责时可以采取以下措施:\n"
        "(一)询问行政执法部门负责人及其行政执法人员;\n"
        "(二)查阅和复制行政执法案卷、账目、票据和凭证;\n"
    )
    assert [item.units for item in plan.items] == [("各级政府法制机构",)]
    assert [line for line, _ in plan.unread if line > 2] == [4, 5, 7, 8]


def test_an_article_whose_points_say_what_its_report_covers_is_one_item_with_them():
    plan = parse_text(
        "某委信息公开工作规定\n"
        "第十一条 办公室负责门户网站的日常维护等工作。\n"
        "第十二条 市档案局应当在每年3月31日前公布工作年度报告。主要内容包括:\n"
        "(一)机关主动公开政府信息的情况;\n"
        "(二)其他需要报告的事项。\n"
        "第十三条 信息中心负责内网设备的管理和维护。\n"
    )
    assert [item.units for item in plan.items] == [("办公室",), ("市档案局",), ("信息中心",)]
    report = plan.items[1]
    assert "(一)机关主动公开政府信息的情况" in report.text and report.deadline.recurrence is not None
    assert not [line for line, _ in plan.unread if line > 2]


def test_offices_that_each_do_their_part_分别_are_the_subject():
    plan = parse_text(
        "某市不动产登记改革实施方案\n"
        "二、工作任务\n"
        "(一)整合精简申请材料。\n"
        "1、市房产局、税务局分别提供申请材料清单给不动产登记机构。\n"
        "2、申请材料清单分别由各窗口公布。\n"
    )
    assert [item.units for item in plan.items] == [("市房产局", "税务局"), ()]


def test_a_heading_s_time_closes_on_the_points_that_name_their_own_offices():
    plan = parse_text(
        "某市不动产登记改革实施方案\n"
        "二、工作任务\n"
        "(二)整合精简申请材料(完成时限:2018年9月30日)。\n"
        "1、市房产局、税务局分别提供申请材料清单给不动产登记机构。\n"
        "2、市政务服务中心负责制定统一的申请材料目录。\n"
    )
    assert [(item.units, item.deadline.date) for item in plan.items] == [
        (("市房产局", "税务局"), date(2018, 9, 30)), (("市政务服务中心",), date(2018, 9, 30)),
    ]


def test_a_heading_with_its_time_alone_on_its_line_heads_the_paragraph_below():
    plan = parse_text(
        "某市不动产登记改革实施方案\n"
        "二、工作任务\n"
        "(一)设置统一受理窗口(完成时限:2018年9月30日)。\n"
        "市政务服务中心牵头,调整工作流程、完善窗口设置,在大厅设置综合受理窗口。\n"
        "(二)推行网上预约(完成时限:2018年12月31日)。\n"
        "市不动产登记中心负责开发网上预约系统,实现全流程网上预约办理。\n"
    )
    assert [(item.section[-1], item.text[:7], item.units, item.deadline.date) for item in plan.items] == [
        ("(一)设置统一受理窗口", "市政务服务中心", ("市政务服务中心",), date(2018, 9, 30)),
        ("(二)推行网上预约", "市不动产登记中", ("市不动产登记中心",), date(2018, 12, 31)),
    ]


def test_an_emergency_office_s_duties_named_inline_are_its_own():
    plan = parse_text(
        "某县安全生产责任清单\n"
        "一、县应急管理局主要职责。负责全县安全生产综合监督管理工作,组织开展安全生产大检查。\n"
        "二、县住建局主要职责。负责建筑施工安全监督管理工作,组织开展建筑施工安全专项整治。\n"
        "三、其他应当履行的职责。按照县委、县政府部署完成其他工作。\n"
    )
    assert [item.units for item in plan.items][:2] == [("县应急管理局",), ("县住建局",)]


def test_a_remark_saying_what_the_annotation_s_role_word_means_is_no_unit():
    plan = parse_text(
        "某市短缺药品保供稳价工作方案\n"
        "1、建立短缺药品监测预警机制,做好我市报告预警工作。(市卫生健康委、各县(市、区)人民政府负责。排在第一位的为牵头单位,下同)\n"
        "2、市联动机制牵头单位制定市级工作规则。(市卫生健康委、各县(市、区)人民政府分别负责。分别负责为有关单位按职责分别牵头,下同)\n"
    )
    assert [item.units for item in plan.items] == [("市卫生健康委", "各县(市、区)人民政府")] * 2


def test_whoever_is_found_wanting_凡_is_no_office():
    plan = parse_text(
        "某盟整顿矿产资源开发秩序实施方案\n"
        "(二)加强领导,明确责任。各旗人民政府是专项行动的责任主体,要切实担负起组织实施工作。"
        "凡在本次专项工作中存在工作不力的地区和部门,要追究领导责任。\n"
    )
    assert [item.units for item in plan.items] == [("各旗人民政府",)]


def test_an_office_named_by_the_work_it_oversees_keeps_its_whole_name():
    plan = parse_text(
        "某市行政执法监督规定\n"
        "第六条 本规定由市人民政府法制工作部门组织实施。\n"
        "区、县(市)人民政府主管法制工作的部门,负责在本行政区域内组织实施。\n"
    )
    assert [item.units for item in plan.items] == [("市人民政府法制工作部门", "区、县(市)人民政府主管法制工作的部门")]


def test_an_office_that_leads_and_carries_out_the_work_of_its_area_does_it():
    plan = parse_text(
        "某自治区行政执法监督条例\n"
        "第二条 在自治区行政区域内开展行政执法监督工作,应当遵守本条例。法律、法规另有规定的从其规定。\n"
        "第三条 旗县级以上人民政府领导并组织实施本行政区域内的行政执法监督工作。\n"
    )
    assert [item.units for item in plan.items] == [("旗县级以上人民政府",)]


def test_the_title_repeated_under_a_list_number_of_the_page_is_no_item():
    plan = parse_text(
        "某市行政执法监督规定\n"
        "2024-05-16\n"
        "1. 某市行政执法监督规定\n"
        "第五条 市人民政府法制工作部门负责组织实施本规定。\n"
        "第六条 区、县人民政府负责本行政区域内的行政执法监督工作。\n"
    )
    assert [item.units for item in plan.items] == [("市人民政府法制工作部门",), ("区、县人民政府",)]


def test_bodies_named_组织_are_units_and_an_office_that_organises_is_no_body():
    plan = parse_text(
        "某市统计管理规定\n"
        "第五条 本市行政区域内的国家机关、社会团体、企业事业组织和其他组织,必须依照统计法律、法规如实提供统计资料。\n"
        "第六条 各地人民调解组织要及时受理矛盾纠纷调解申请。\n"
        "第七条 各县(市)人民政府组织开展统计执法检查,每年不少于一次。\n"
    )
    assert [item.units for item in plan.items] == [
        ("国家机关", "社会团体", "企业事业组织", "其他组织"), ("各地人民调解组织",), ("各县(市)人民政府",),
    ]


def test_a_verb_s_object_or_a_clause_is_no_unit_s_name():
    assert not any(map(is_unit_phrase, ["协调各成员单位", "鼓励社会", "督促各行业管理部门", "测绘工作实行",
                                        "领导小组办公室设在国家统计局", "省国资委深化行政执法体制改革"]))
    assert all(map(is_unit_phrase, ["协调机制成员单位", "市委宣传部", "领导小组办公室"]))


def test_the_rest_left_unnamed_beside_named_units_is_no_unit_whatever_its_level():
    plan = parse_text(
        "某区2020年政务公开工作要点\n"
        "1.推进财政预决算公开。(区财政局、区级其他有关部门负责)\n"
        "2.推进重大建设项目信息公开。(发展改革委、能源局和国务院其他有关部门负责)\n"
        "3.做好政策解读工作。(其他有关部门负责)\n"
    )
    assert [item.units for item in plan.items][:2] == [("区财政局",), ("发展改革委", "能源局")]


def test_an_office_told_to_work_with_others_会同_leads_them():
    plan = parse_text(
        "某市社会救助工作要点\n"
        "(一)完善救助制度。市民政局要会同市财政局、市卫健委制定临时救助实施细则。\n"
        "(二)加强资金监管。市审计局负责对救助资金使用情况进行审计。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市民政局", "市财政局", "市卫健委"), ("市民政局",)), (("市审计局",), ("市审计局",)),
    ]


def test_a_rule_s_regime_and_whom_it_binds_are_no_work():
    plan = parse_text(
        "某省水土保持条例\n"
        "第三条 移民工作实行政府领导、分级负责、县为主体、项目法人参与的管理体制。\n"
        "第四条 凡在本省行政区域内从事生产建设活动的单位和个人,应当依法保护水土资源。\n"
        "第五条 县级以上人民政府水行政主管部门负责本行政区域的水土保持工作。\n"
        "第六条 凡在本省从事开发建设的单位,应当编制水土保持方案。县级以上人民政府水行政主管部门要加强监督检查。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府水行政主管部门",)] * 2


def test_a_task_opened_by_its_trigger_is_done_on_the_event():
    plan = parse_text(
        "某县道路交通安全工作方案\n"
        "1.辖区内发生一次死亡5人以上道路交通事故后,县政府在一个月内向市政府上报事故调查处理报告。\n"
        "2.一旦发生重大网络安全事件,县网信办统一组织指挥应急处置工作。\n"
        "3.县交通运输局负责开展道路隐患排查整治工作。\n"
        "4.待建用地上出现违法建设的,由县自然资源局依法处理。\n"
    )
    assert [item.deadline.recurrence.value if item.deadline.recurrence else None for item in plan.items] == [
        "event", "event", None, None,
    ]


def test_a_rectification_notice_s_time_for_all_its_problems_closes_on_each():
    plan = parse_text(
        "某区人民政府督查室\n"
        "关于对城区环境卫生综合整治工作检查情况的整改通知\n"
        "各街道办事处、区住建局:\n"
        "5月15日,区政府对城区环境卫生进行检查,共梳理出3条问题,请各部门对存在的问题立即进行整改,"
        "并于5月20日前将问题整改完成,整改情况报区政府督查室。\n"
        "某区人民政府督查室\n"
        "2019年5月15日\n"
        "附件:存在问题\n"
        "1.医院附近北侧胡同内垃圾。(责任单位:英雄街道)\n"
        "2.天桥下路面破损。(责任单位:住建局)\n"
        "3.拆迁区域需加围挡。(责任单位:征地中心,完成时限:6月30日前)\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2019, 5, 20), date(2019, 5, 20), date(2019, 6, 30)]
