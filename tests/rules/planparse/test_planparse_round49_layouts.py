"""Layouts of the forty-ninth round of real notices (tests/fixtures/notices/real/1901-1946):
employment and wage arrears, investment and key projects, city management and waste sorting,
women, children and minors, work-report task divisions; each as a small synthetic page written the
way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import Column, header_column
from gongkai.rules.planparse.normalize import fold_line
from gongkai.rules.units import split_units


def test_radicals_a_pdf_writes_for_ideographs_read_as_the_ideographs():
    # U+2F00 ⼀, U+2F08 ⼈, U+2F06 ⼆: the text layer of a PDF, as the page printed it
    assert fold_line("第\u2f00条为了保障未成年\u2f08合法权益") == "第一条为了保障未成年人合法权益"
    plan = parse_text(
        "某省未成年人保护规定\n"
        "第\u2f06条 县级以上\u2f08民政府民政部门负责未成年人保护工作的统筹协调。\n"
        "第三条 教育行政部门应当建立学生欺凌防控制度。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府民政部门",), ("教育行政部门",)]


def test_a_numeral_after_a_numeral_and_a_pause_counts_things_it_opens_no_part():
    plan = parse_text(
        "某县清冰雪工作通告\n"
        "一、清扫责任人\n"
        "县城管局负责对各单位清冰雪分担区划分、监督和考评工作。\n"
        "二、责任路段划分\n"
        "一道街由疾病预防控制中心、组织部等11家单位负责;二道街由住建局、自然资源局等10家单位负责;"
        "三道街由检察院、生态环境局等3家单位负责;四、五道街由林草局、水务局等7家单位负责。\n"
    )
    assert [item.text for item in plan.items][-1].startswith("四、五道街")
    assert [item.units for item in plan.items] == [
        ("县城管局",),
        ("疾病预防控制中心", "组织部"),
        ("住建局", "自然资源局"),
        ("检察院", "生态环境局"),
        ("林草局", "水务局"),
    ]
    # ("三、三大攻坚战": the same numeral again is a heading)
    heading = parse_text("某县工作要点\n一、总体要求\n略。\n三、三大攻坚战\n(一)县财政局负责防范化解债务风险。\n")
    assert heading.items[0].section[0].startswith("三、三大攻坚战")


def test_employers_and_everyone_a_rule_binds_are_no_office():
    plan = parse_text(
        "某市工资支付规定\n"
        "第四条 市人力资源社会保障局负责本市工资支付的监督检查工作。\n"
        "第五条 用人单位应当依法建立本单位的工资支付制度。\n"
        "第六条 驻本市所有单位,应当宣传市容环境卫生的科学知识。\n"
        "第七条 各级工会组织依法对用人单位遵守工资支付法规的情况进行监督。\n"
    )
    assert [item.units for item in plan.items] == [("市人力资源社会保障局",), (), (), ("各级工会组织",)]


def test_towns_with_their_alternatives_and_the_county_s_departments_are_two():
    assert split_units("各镇(乡、街道)、县直有关部门") == ["各镇(乡、街道)", "县直有关部门"]
    # (a lone level still closes its list: "各市、区质量技术监督检测所")
    assert split_units("各市、区质量技术监督检测所") == ["各市、区质量技术监督检测所"]


def test_levels_joined_by_and_share_the_office_after_them():
    assert split_units("市和区、县劳动和社会保障行政部门") == ["市和区、县劳动和社会保障行政部门"]


def test_fields_before_a_described_kind_of_department_are_its_offices():
    plan = parse_text(
        "某市农民工工资支付办法\n"
        "第六条 住房城乡建设、交通运输、水利等工程建设监管部门应当履行行业监管职责。\n"
    )
    assert plan.items[0].units == ("住房城乡建设", "交通运输", "水利")


def test_a_time_standing_over_numbered_targets_is_their_deadline():
    plan = parse_text(
        "某部门城乡环境卫生整洁行动任务分工方案\n"
        "一、主要行动目标\n"
        "(二)具体目标。\n"
        "到2015年底:\n"
        "1.完成6万个村庄的综合整治。(环境保护部负责)\n"
        "2.农村卫生厕所普及率提高到75%。(卫生计生委、财政部等负责)\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2015, 12, 31)] * 2


def test_an_office_and_the_day_its_report_is_due_is_its_duty():
    plan = parse_text(
        "某市公益性零工市场建设通知\n"
        "一、建设任务\n"
        "(一)市人社局负责制定全市零工市场运行管理考核办法。\n"
        "二、有关要求\n"
        "(一)各区县3月20日下班前报送本地区公益性零工市场规范化建设方案。\n"
        "(二)市人社局每月10日前汇总全市零工市场运行数据。\n"
        "(三)会商系统到镇、视频到村,于2025年10月底前完成。\n"
    )
    assert [item.units for item in plan.items] == [("市人社局",), ("各区县",), ("市人社局",), ()]


def test_a_later_sentence_s_fields_join_whatever_they_will_do():
    plan = parse_text(
        "某省高校毕业生就业工作通知\n"
        "三、组织实施\n"
        "(一)加强领导,明确责任。各地区要把高校毕业生就业放在首位。省人力资源社会保障、教育、"
        "中国人民银行太原中心支行、税务等部门将联合开展督查活动。\n"
        "(二)市人社局负责建立就业困难毕业生帮扶台账。\n"
    )
    assert plan.items[0].units == ("各地区", "省人力资源社会保障", "教育", "中国人民银行太原中心支行", "税务")


def test_an_overall_lead_and_a_lead_of_each_part_are_lead_columns():
    assert header_column("总牵头 单位") is Column.UNITS_LEAD
    assert header_column("分项 牵头单位") is Column.UNITS_LEAD


def test_an_office_that_leads_its_area_s_work_has_it():
    plan = parse_text(
        "某自治区妇女权益保障条例\n"
        "第四条 各级人民政府领导本行政区域内的妇女权益保障工作,建立健全妇女权益保障的各项政策措施。\n"
        "第五条 县级以上人民政府应当将妇女发展规划纳入国民经济和社会发展计划。\n"
    )
    assert [item.units for item in plan.items] == [("各级人民政府",), ("县级以上人民政府",)]


def test_the_body_that_leads_a_work_as_a_whole_and_the_duties_members_have():
    plan = parse_text(
        "某县招商引资工作管理办法\n"
        "第四条 全县招商引进工作由县招商引资和文化旅游指挥部(以下简称“县招商指挥部”)统一领导。\n"
        "第五条 县招商指挥部办公室负责全县招商引资工作的综合管理和统筹协调。\n"
        "第七条 县招商指挥部成员单位主要职责有:负责承办项目的核准或备案、项目选址和环评审批。\n"
        "第八条 管理服务中心直接由街镇政府领导。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县招商引资和文化旅游指挥部(以下简称“县招商指挥部”)",),
        ("县招商指挥部办公室",),
        ("县招商指挥部成员单位",),
        (),  # (the centre is led: the task is the centre's, whom the sentence opens with)
    ]


def test_a_line_below_the_first_article_is_never_the_title():
    plan = parse_text(
        "《某自治区未成年人保护条例》已由自治区人民代表大会常务委员会修订通过,现予公布。\n"
        "第五条旗县级以上人民政府应当将未成年人保护工作纳入国民经济和社会发展规划。\n"
        "第六条各级人民政府应当重视和加强未成年人保护工作。\n"
        "旗县级以上人民政府民政、教育、公安、网信、司法行政、人力资源社会保障、卫生健康、市场监督管理\n"
    )
    assert plan.title is None
    assert [item.units for item in plan.items] == [("旗县级以上人民政府",), ("各级人民政府",)]
