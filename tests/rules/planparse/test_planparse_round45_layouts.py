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


def test_the_principle_of_a_work_is_no_task_but_an_office_that_keeps_to_one_has_its_duty():
    plan = parse_text(
        "某自治区公共信用信息管理办法\n"
        "第一条 为进一步规范公共信用信息管理，根据有关法律法规，特制本办法。\n"
        "第二条 公共信用信息的归集、披露和使用，应当遵循合法、客观、公正的原则，保护信息主体合法权益。\n"
        "第三条 促进民族团结进步是全社会的共同责任，实行党委领导、政府负责的工作机制。\n"
        "第四条 各级国家机关要坚持各民族一律平等的原则，保障散居少数民族的合法权益。\n"
        "第五条 测绘工作实行统一管理与分级管理的原则。\n"
        "自治区测绘行政主管部门主管全区的测绘工作。\n"
    )
    # (the last article's principle heads its offices' paragraph: the article is their work)
    assert [item.text[:6] for item in plan.items] == ["各级国家机关", "测绘工作实行"]
    assert plan.items[0].units == ("各级国家机关",)


def test_a_generic_tail_with_its_level_names_no_unit_and_other_bodies_split_off():
    plan = parse_text(
        "示范省2021年社会信用体系建设工作要点\n"
        "1.推进科研诚信建设。(省科技厅、省卫生健康委等中省直各有关单位负责)\n"
        "2.推进社会组织诚信建设。(省民政厅和其他成员单位负责)\n"
    )
    assert [item.units for item in plan.items] == [("省科技厅", "省卫生健康委"), ("省民政厅", "其他成员单位")]


def test_an_article_asking_related_offices_goes_on_with_the_offices_it_names_below():
    plan = parse_text(
        "某市城镇居民基本医疗保险暂行办法\n"
        "第七条 相关部门要协助做好城镇居民基本医疗保险工作。\n"
        "市发改委负责将城镇居民基本医疗保险纳入全市经济社会发展规划。\n"
        "公安部门负责提供参保城镇居民的户籍和人口信息。\n"
        "第八条 城镇居民基本医疗保险实行属地管理。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["相关部门要协", "城镇居民基本"]
    assert plan.items[0].units == ("市发改委", "公安部门")


def test_related_offices_written_as_a_unit_of_their_own_are_one_but_the_others_are_none():
    plan = parse_text(
        "示范市2023年政务公开工作要点\n"
        "1.推进决策公开。(市发改委牵头,相关部门配合)\n"
        "2.推进执行公开。(市审改办牵头,其他有关部门配合)\n"
        "3.推进结果公开。(市统计局、市财政局等有关部门负责)\n"
    )
    assert [item.units for item in plan.items] == [("市发改委", "相关部门"), ("市审改办",), ("市统计局", "市财政局")]
    assert plan.items[0].lead_units == ("市发改委",)


def test_what_is_founded_is_no_office_and_an_office_that_administers_by_law_has_its_duty():
    plan = parse_text(
        "某自治区宗教事务若干规定\n第一章 总则\n"
        "第三条 县级以上人民政府宗教事务部门依法对本行政区域内的宗教事务进行行政管理。\n"
        "第二章 宗教活动场所\n"
        "第四条 设立宗教活动场所应当符合国务院《宗教事务条例》规定的条件。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府宗教事务部门",), ()]


def test_a_lost_space_written_full_width_is_a_space_too():
    plan = parse_text(
        "某市消防安全责任制实施细则\n"
        "第三條？ 各級人民政府負責本行政區域內的消防工作。\n"
        "？？ 第四條？ 縣級以上人民政府應當將消防工作納入國民經濟和社會發展計劃。\n"
    )
    assert [item.units for item in plan.items] == [("各级人民政府",), ("县级以上人民政府",)]
