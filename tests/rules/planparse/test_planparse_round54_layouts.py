"""Layouts of the fifty-fourth round of real notices (tests/fixtures/notices/real/2151-2194):
water works, tax and procurement, development zones' and public enterprises' open government,
broadcasting and cybersecurity, counterpart support; each as a small synthetic page written the
way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import PlanKind, parse_text


def test_a_notice_that_puts_forward_its_plan_inline_is_the_plan_not_a_covering_note():
    plan = parse_text(
        "某省水利厅关于印发贯彻落实水库除险加固工作方案的通知\n"
        "各市水利局:\n"
        "为贯彻落实国务院办公厅有关通知精神,经研究,提出如下工作方案。\n"
        "一、加快实施除险加固\n"
        "各市水利局要加快推进病险水库除险加固,确保按期完成。\n"
        "二、加强运行管护\n"
        "各市水利局要落实水库管护责任,健全管护机制。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.units for item in plan.items] == [("各市水利局",)] * 2


def test_a_lead_in_that_asks_an_office_to_finish_the_tasks_below_by_a_date_gives_them_both():
    plan = parse_text(
        "某省水库运行管护工作方案\n"
        "二、明确目标任务\n"
        "各市水行政主管部门要按要求,进一步细化目标任务,确保在2022年年底前完成以下任务:\n"
        "1.有序完成已到安全鉴定期限水库的安全鉴定任务;\n"
        "2.全面完成小型水库雨水情测报设施建设。\n"
    )
    assert [(item.units, item.deadline.date) for item in plan.items] == [
        (("各市水行政主管部门",), date(2022, 12, 31)),
    ] * 2


def test_a_heading_on_its_own_line_is_a_heading_sentence_whose_paragraph_names_its_office_later():
    plan = parse_text(
        "某市机关办公用房清查工作方案\n"
        "一、组织机构\n"
        "市政府已明确由市机关事务管理局牵头,会同市财政局等部门组成清查工作组。\n"
        "二、明确纪律\n"
        "清查市级机关办公用房及其相应土地,是盘活存量的大事,也是防止国有资产流失的重要举措。各单位要充分认识这项工作的重要性,不得漏报瞒报。\n"
    )
    assert [item.units for item in plan.items] == [("市机关事务管理局",), ("各单位",)]


def test_an_article_whose_office_has_the_duties_listed_below_without_a_verb_before_the_colon():
    plan = parse_text(
        "某省公共资源交易管理办法\n"
        "第五条 省公共资源交易管理委员会负责对全省公共资源交易工作的指导、协调和综合监管,主要职责:\n"
        "(一)贯彻执行公共资源交易法律法规、规章和政策;\n"
        "(二)研究出台全省公共资源交易工作重大政策措施。\n"
    )
    assert [item.units for item in plan.items] == [("省公共资源交易管理委员会",)] * 2


def test_an_office_that_is_named_the_competent_department_with_为_has_the_duty_that_follows():
    plan = parse_text(
        "某市公共交通企事业单位信息公开工作制度\n"
        "第五条 市交通运输局为全市公共交通企事业单位信息公开工作的主管部门,负责推进、指导和协调全市信息公开工作。\n"
        "第六条 市财政局负责保障信息公开工作经费。\n"
    )
    assert [item.units for item in plan.items] == [("市交通运输局",), ("市财政局",)]


def test_an_office_bound_to_disclose_the_information_listed_below_discloses_each_point():
    plan = parse_text(
        "某县政府信息公开规定\n"
        "第六条 县级行政机关应当主动公开以下信息:\n"
        "(一)机构职能、机构设置、办公地址、办公时间、联系方式;\n"
        "(二)行政许可的事项、依据、条件、程序及办理结果。\n"
        "第七条 县政府办公室负责组织编制政府信息公开指南。\n"
    )
    assert [item.units for item in plan.items] == [("县级行政机关",)] * 2 + [("县政府办公室",)]


def test_what_a_rule_covers_and_what_its_words_mean_are_no_work():
    plan = parse_text(
        "某自治区政府非税收入管理条例\n"
        "第二条 本规定适用于本省境内农村有线广播下列设施:\n"
        "(一)信号传输设施;\n"
        "(二)用户收听设施。\n"
        "第三条 本条例所称非税收入,是指除税收以外取得的财政资金。主要包括下列项目:\n"
        "(一)政府性基金收入;\n"
        "(二)行政事业性收费收入。\n"
        "第四条 在自治区范围内设立广播电视台、网,摄录、制作和播放广播电视节目,建设和管理广播电视工程、设施,"
        "经营公共场所大型电视播放设施或者进行其他广播电视活动,均应遵守本条例。\n"
        "第五条 县级以上人民政府财政部门负责本行政区域内非税收入的管理和监督。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府财政部门",)]


def test_offices_that_do_their_share_according_to_their_duties_join_the_article_s_office():
    plan = parse_text(
        "某省农田水利条例\n"
        "第四条 省水行政主管部门负责全省农田水利的管理和监督工作。省人民政府有关部门按照职责分工做好农田水利相关工作。\n"
        "县级以上人民政府水行政主管部门负责本行政区域内水库的监督管理工作。\n"
        "电力、林业、交通等有关业务部门,按照职责分工,协同水行政主管部门做好所辖水库的监督管理工作。\n"
        "第五条 市和县财政部门是政府非税收入主管部门,负责政府非税收入的监督管理工作。"
        "发展和改革、审计等部门和人民银行按照各自职责,做好政府非税收入监督管理工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("省水行政主管部门", "省人民政府有关部门", "县级以上人民政府水行政主管部门", "电力", "林业", "交通"),
        ("市和县财政部门", "发展和改革", "审计", "人民银行"),
    ]


def test_a_rule_s_enactment_note_without_于_is_furniture():
    plan = parse_text(
        "某省水库和灌区工程管理办法\n"
        "颁布单位:某省人民政府\n"
        "第一章 总则\n第二章 水库管理\n第三章 附则\n\n"
        "  1997年7月11日省人民政府第165次常务会议通过,现予发布施行。\n"
        "第一章 总则\n"
        "第二条 县级以上人民政府水行政主管部门负责本行政区域内水库的监督管理工作。\n"
        "第二章 水库管理\n"
        "第三条 水库管理范围内水土资源的开发利用由水库管理单位负责。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["县级以上人民", "水库管理范围"]


def test_a_work_managed_by_an_office_as_a_whole_and_governments_where_it_lies():
    plan = parse_text(
        "某县农村饮水安全工程管理办法\n"
        "第六条 县水利局负责全县农村饮水安全工程的规划和建设。\n"
        "第七条 日供水能力在100立方米以上的农村饮水安全工程,由县农村供水管理总站统一管理。\n"
        "第八条 国有水库的管理机构,由水库所在地市、县(区)人民政府负责组建。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县水利局",), ("县农村供水管理总站",), ("水库所在地市、县(区)人民政府",),
    ]


def test_an_office_that_gathers_fields_to_do_a_work_leads_them():
    plan = parse_text(
        "某市公共资源交易管理工作意见\n"
        "四、加强管理监督\n"
        "(一)市公共资源交易管理委员会办公室组织发改、财政、住建等部门,依据相关规定对交易制度进行全面整理和完善。\n"
        "(二)市财政局负责保障交易平台运行经费。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市公共资源交易管理委员会办公室", "发改", "财政", "住建"), ("市公共资源交易管理委员会办公室",)),
        (("市财政局",), ("市财政局",)),
    ]


def test_whom_a_clause_is_about_is_no_office_of_a_later_sentence():
    plan = parse_text(
        "关于做好政府采购农副产品预留份额填报工作的通知\n"
        "一、各部门要指导所属预算单位按照不低于10%预留比例填报预留份额。\n"
        "二、各部门应要求所属共用食堂的预算单位共同确定一个单位填报;对无食堂的预算单位,应要求其在系统中注明“无食堂”。\n"
    )
    assert [item.units for item in plan.items] == [("各部门",), ("各部门",)]


def test_the_year_end_a_task_is_aimed_at_is_its_deadline():
    plan = parse_text(
        "某区财政局关于做好消费扶贫产品采购工作的通知\n"
        "一、目标任务\n"
        "各单位要广泛宣传,认真落实消费扶贫农副产品购买工作,确保到2020年底我区消费扶贫工作取得较大成果。\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2020, 12, 31)]


def test_units_that_carry_a_work_out_according_to_their_functions_are_an_annotation():
    plan = parse_text(
        "某新区2020年政务公开工作要点\n"
        "(一)以权责清单为依托,加强权力配置信息公开。更新完善权责清单并按要求公开。(各开发区,新区各委办局,各市直派驻机构按照工作职能落实)\n"
        "(二)加强权力运行过程信息公开。抓紧构建基层行政决策公众参与机制。(新区党政综合办公室牵头)\n"
    )
    assert [item.units for item in plan.items] == [("各开发区", "新区各委办局", "各市直派驻机构"), ("新区党政综合办公室",)]


def test_a_name_the_page_s_end_cut_inside_an_open_annotation_is_left_out():
    plan = parse_text(
        "某省农产品质量提升工作方案\n"
        "1.建设农产品质量追溯体系。加快推进贫困地区重要农产品追溯体系建设。(省农业农村厅)\n"
        "2.建设农产品生产标准化体系。提高农产品质量和标准。(省市场监管局、省农业农村厅、省商务厅、省林业"
    )
    assert [item.units for item in plan.items] == [("省农业农村厅",), ("省市场监管局", "省农业农村厅", "省商务厅")]
