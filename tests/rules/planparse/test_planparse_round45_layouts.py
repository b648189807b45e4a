"""Layouts of the forty-fifth round of real notices (tests/fixtures/notices/real/1701-1747):
social credit, elderly care, digital government, fire safety, ethnic and religious affairs; each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import PlanKind, parse_text


def test_in_a_notice_that_annotates_no_task_the_sentence_after_the_heading_sentence_names_its_offices():
    plan = parse_text(
        "某区人民政府办公室关于开展打通消防通道工作的通知\n"
        "各乡(镇)人民政府，各有关单位:\n"
        "一、统一思想，认真贯彻文件要求。各有关单位要及时部署开展打通消防通道工作。\n"
        "二、强化部门联动。要健全联合执法工作机制，开展整治行动。\n"
        "三、深化消防宣教。街道办事处要组织深入居民小区，提醒物业服务企业加强消防安全管理。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.units for item in plan.items] == [("各有关单位",), (), ("街道办事处",)]


def test_where_other_tasks_carry_annotations_the_sentence_after_the_heading_sentence_names_none():
    plan = parse_text(
        "示范市2019年政务公开工作要点\n"
        "一、推进决策公开\n"
        "(一)推进决策和执行公开。围绕年度重点工作，加大政策执行情况公开力度。(各区政府负责落实)\n"
        "(二)加强组织领导。各区政府要高度重视政务公开工作，理顺工作机制。\n"
    )
    assert [item.units for item in plan.items] == [("各区政府",), ()]


def test_a_few_requests_that_say_who_among_many_paragraphs_make_no_plan():
    criteria = "".join(f"({n})第{n}项指标。按标准建设，考评得分不低于80分。\n" for n in "一二三四五六七八九十")
    plan = parse_text(
        "示范市政务公开办公室关于做好示范点建设工作的通知\n"
        "一、建设标准\n" + criteria + "二、组织推进\n"
        "(一)加强监督指导。市政务公开办要加强业务指导，确保示范点建设有效推进。\n"
    )
    assert plan.kind is PlanKind.NOT_A_PLAN and plan.items == ()


def test_a_space_a_copy_turned_into_a_question_mark_is_a_space():
    plan = parse_text(
        "某市消防安全责任制实施细则\n"
        "第一條? 為明確和落實消防安全責任，根據有關規定，制定本實施細則。\n"
        "第二條? 本實施細則適用於本市行政區域內的機關、團體、企業、事業單位。\n"
        "第三條? 各級人民政府負責本行政區域內的消防工作。\n"
        "?? 第四條? 縣級以上人民政府應當將消防工作納入國民經濟和社會發展計劃。\n"
    )
    assert [item.units for item in plan.items] == [("各级人民政府",), ("县级以上人民政府",)]
    assert not any("?" in item.text or "？" in item.text for item in plan.items)


def test_a_leading_according_to_clause_stands_before_the_subject():
    plan = parse_text(
        "某市安全生产责任规定\n第一章 总则\n"
        "第三条 按照“党政同责、一岗双责”的工作要求，各级人民政府负责本行政区域内的安全生产工作。\n"
    )
    assert [item.units for item in plan.items] == [("各级人民政府",)]


def test_what_an_office_oversees_is_its_list_of_duties():
    plan = parse_text(
        "某自治区医疗保障基金使用监督管理条例\n"
        "第九条 旗县级以上人民政府医疗保障行政部门应当对医疗保障经办机构履行下列职责情况进行监督:\n"
        "(一)建立健全业务、财务、安全和风险管理制度;\n"
        "(二)向社会公开医疗保障基金收入、支出、结余等情况;\n"
    )
    assert [item.units for item in plan.items] == [("旗县级以上人民政府医疗保障行政部门",)] * 2


def test_an_article_s_caption_stands_before_its_subject_and_its_purpose_is_no_task():
    plan = parse_text(
        "某自治区多元化解纠纷条例\n第一章 总则\n"
        "第一条【立法目的】为了促进和规范多元化解纠纷工作，根据有关法律，制定本条例。\n"
        "第五条【工作规划】各级人民政府应当将多元化解纠纷工作纳入国民经济和社会发展规划。\n"
        "第六条(科研)县级以上人民政府科技部门应当支持防治技术研究。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["【工作规划】", "(科研)县级"]
    assert [item.units for item in plan.items] == [("各级人民政府",), ("县级以上人民政府科技部门",)]


def test_an_alias_stays_inside_its_unit_and_its_own_bodies_are_one_unit():
    plan = parse_text(
        "某市防汛工作规定\n"
        "第四条 市防汛指挥部(以下简称市防指)负责全市防汛工作的组织、协调和指导。\n"
        "第五条 各级人民政府及其有关部门应当加强防汛宣传。\n"
    )
    assert [item.units for item in plan.items] == [("市防汛指挥部(以下简称市防指)",), ("各级人民政府及其有关部门",)]
