"""Layouts of the fifty-seventh round of real notices (tests/fixtures/notices/real/2301-2347):
epidemic prevention, digital villages, water saving, towns' duty lists, government offices' internal
work; each as a small synthetic page written the way those pages are, and each read by a general
rule."""

from __future__ import annotations

from gongkai.rules.planparse import PlanKind, parse_text
from gongkai.rules.planparse.model import Recurrence


def test_a_part_an_office_handles_gives_it_its_points_and_the_scope_above_them_is_no_work():
    plan = parse_text(
        "某省人民政府办公厅督促检查工作制度\n"
        "一、督促检查工作范围\n"
        "(一)省政府会议决定需要落实并反馈结果的事项;\n"
        "(二)其他需要督查落实的事项。\n"
        "二、督促检查工作分工\n"
        "(一)督查处(省政府督查室)负责办理的事项1.《政府工作报告》涉及的各项工作;\n"
        "2.省政府全体会议、常务会议决定事项。\n"
        "(二)各业务处室负责办理的事项\n"
        "1.由业务处室承办的省长办公会议决定事项;\n"
        "2.副省长批示件。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("《政府工作报", ("督查处(省政府督查室)",)),
        ("省政府全体会", ("督查处(省政府督查室)",)),
        ("由业务处室承", ("各业务处室",)),
        ("副省长批示件", ("各业务处室",)),
    ]


def test_articles_of_a_page_that_scrambled_its_marks_are_read_one_by_one():
    plan = parse_text(
        "某地区节约用水管理办法 第一条.为了推动全社会节约水资源、提高用水效率.保护和改善生态环境.建设节水型社会,"
        "根据有关法律法规,结合我区实际,特制定本办法,第二条,本办法适用于本地区范围内的节约用水及其监督管理 "
        "第三条,各地应当采取有效措施,加强对节约用水的管理。建立节约用水技术开发推广体系、培育和发展节约用水产业、"
        "第四条、各级人民政府应当大力推行节约用水措施,推广节约用水新技术、新工艺 发展节水型工业.农业和服务业、"
        "第五条,县级以上水行政主管部门负责本行政区域的节约用水工作,第六条,经营洗浴 洗车,滑雪场。高尔夫球场等"
        "高耗水服务业应当采用国家规定的节水工艺,采取节水措施、安装节水设施,器具、依照第五条规定接受检查。"
        "其中用水大户应当加强用水管理,建立健全用水台账,定期开展水平衡测试,及时维修用水设施,杜绝跑冒滴漏,"
        "对查出的问题限期整改。同时还应当加强供水管网的维护管理,降低管网漏损率,对老旧管网进行改造,"
        "其中新建小区应当同步配套建设节水设施,推广使用节水型器具,逐步淘汰不符合节水标准的用水器具和设备。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("各地应当", ("各地",)),
        ("各级人民", ("各级人民政府",)),
        ("县级以上", ("县级以上水行政主管部门",)),
        ("经营洗浴", ()),
    ]


def test_offices_with_a_bracket_naming_several_kinds_are_the_subject_and_cadres_are_none():
    plan = parse_text(
        "某县疫情防控指挥部令\n"
        "为切实有效防控疫情,特发布如下命令:\n"
        "一、切实加强返乡人员的排查工作。各乡镇(办事处、高新区)要实行网格化管理,做到村不漏户、户不漏人。\n"
        "二、切实做好居家隔离工作。居家隔离期间,由辖区卫生所进行居家随访。行政村(居委会)干部负责对居家隔离人员进行管控。\n"
        "三、各乡镇(办事处、高新区)要切实做好疫情防控宣传工作,引导群众强化防护意识。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.units for item in plan.items] == [("各乡镇(办事处、高新区)",), (), ("各乡镇(办事处、高新区)",)]


def test_a_quota_shared_out_to_offices_goes_to_them_as_often_as_the_lead_in_says():
    plan = parse_text(
        "某州政务信息工作考核评比办法\n"
        "一、任务要求\n"
        "(一)各县市人民政府每月向州政府报送政务信息20条以上。\n"
        "(二)州直有关单位每月向州政府报送政务信息任务如下:\n"
        "⒈州发改委、经信委、农业局各5条;\n"
        "⒉州财政局、教育局,州经济开发区各3条。\n"
    )
    assert [(item.units, item.deadline.recurrence) for item in plan.items] == [
        (("各县市人民政府",), Recurrence.MONTHLY),
        (("州发改委", "经信委", "农业局"), Recurrence.MONTHLY),
        (("州财政局", "教育局", "州经济开发区"), Recurrence.MONTHLY),
    ]


def test_matters_an_office_oversees_are_no_work_and_由x督办_gives_the_work_to_x():
    plan = parse_text(
        "某市委市政府议定事项的督办制度\n"
        "为推动议定事项的全面落实,特制定本制度。\n"
        "一、督办任务\n"
        "(一)市委常委会议定的事项。\n"
        "(二)市委、市政府其它重要会议议定的事项。\n"
        "二、督办主体及职责\n"
        "(一)市委常委会议定事项由市委办督查室督办。\n"
        "(二)市政府常务会议定的事项由市政府办督查议案科督办。\n"
        "(三)对市政府议定的事项,各承办单位要按督查部门的要求,及时报送办理的进展情况。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("市委常委", ("市委办督查室",)),
        ("市政府常", ("市政府办督查议案科",)),
        ("对市政府", ("各承办单位",)),
    ]


def test_whom_an_office_answers_to_is_no_part_of_its_name_and_what_it_is_no_work():
    plan = parse_text(
        "某省乡镇人民政府工作暂行规定\n"
        "第一条 为加强基层政权建设,根据有关法律,制定本规定。\n"
        "第二条 乡、镇人民政府是本级人民代表大会的执行机关,是基层国家行政机关。\n"
        "第三条 乡、镇人民政府对本级人民代表大会和上一级国家行政机关负责并报告工作,受上级国家行政机关领导。\n"
        "第四条 在本市行政区域内取水的单位和个人,均须遵守本规定。\n"
        "第五条 市水利局、市市政管理委员会会同市物价部门研究制定有利于节水的科学水价体系。\n"
        "第六条 局办公室是局机关公文处理的管理机构,主管局机关公文处理工作。\n"
    )
    assert [(item.text[:4], item.units, item.lead_units) for item in plan.items] == [
        ("乡、镇人", ("乡、镇人民政府",), ("乡、镇人民政府",)),
        ("市水利局", ("市水利局", "市市政管理委员会", "市物价部门"), ("市水利局", "市市政管理委员会")),
        ("局办公室", ("局办公室",), ("局办公室",)),
    ]


def test_a_rule_s_basis_principle_and_kinds_are_no_work_and_由x主管_gives_it_to_x():
    plan = parse_text(
        "某部信息化示范基地认定办法\n"
        "第一条 为推动信息技术与农业农村深度融合,根据有关要求,对原认定办法进行修订,形成本办法。\n"
        "第二条 坚持“总量控制、优中选优”原则组织开展示范基地的申报、认定和监管等工作。\n"
        "第三条 示范基地认定工作由农业农村部主管,制定出台有关制度要求;市场与信息化司负责认定工作的组织实施。\n"
        "第四条 示范基地按照建设内容和所起作用分为四类:生产型、经营型、管理型、服务型。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("示范基地", ("农业农村部", "市场与信息化司")),
    ]


def test_a_working_group_s_members_are_a_roster_and_its_office_s_duty_is_an_item():
    plan = parse_text(
        "关于成立集中隔离医学观察场所管理工作专班的通知\n"
        "各有关单位,各村(社区):\n"
        "一、组织架构\n"
        "组  长:张某某(办事处副主任)\n"
        "成  员:谭某某(应急管理局),温某某(专职消防队),许某某(城管住建农业农村局),邱某某(公安分局),金某某(卫健分局)\n"
        "专班办公室设在卫健分局,负责专班日常组织协调工作。\n"
        "二、职责分工\n"
        "应急管理局:负责牵头组织开展集中隔离场所安全隐患排查治理,及时消除安全隐患。\n"
        "专职消防队:组织开展集中隔离场所消防安全监督检查工作。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("专班办公", ("专班办公室",)),
        ("负责牵头", ("应急管理局",)),
        ("组织开展", ("专职消防队",)),
    ]


def test_the_date_under_a_command_s_last_order_is_its_signature_not_its_deadline():
    plan = parse_text(
        "某旗疫情防控工作应急指挥部令\n"
        "现就我旗疫情防控工作下达如下命令:\n"
        "一、各苏木镇场要准备一处独立的隔离场所。\n"
        "二、所有对外服务性岗位工作人员,必须全员配戴口罩。\n"
        "2020年1月27日\n"
    )
    assert [(item.text[:4], item.deadline.date) for item in plan.items] == [("各苏木镇", None), ("所有对外", None)]


def test_an_open_list_s_other_units_and_a_government_s_branches_name_no_unit():
    plan = parse_text(
        "某市农民信息化培训工作方案\n"
        "(一)市农办、供销社、农科所等农业系统其它单位以及民政局、教育局负责本系统的培训工作。\n"
        "(二)乡(镇)人民政府以及经济技术开发区管理机构、街道办事处等政府派出机构负责本辖区的培训工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市农办", "供销社", "农科所", "民政局", "教育局"),
        ("乡(镇)人民政府", "经济技术开发区管理机构", "街道办事处"),
    ]


def test_a_document_viewer_s_page_numbers_are_no_outline_numbers():
    first = "第一条 为了促进节约用水,科学合理利用水资源,提高用水效率,推进生态文明建设和经济社会可持续发展,根据有关法律法规,结合本市实际,制定本办法。"
    plan = parse_text(
        "2023年城市节约用水管理制度.docx\n"
        f"1、2023年城市节约用水管理制度第一章总则{first}第二条 市、县(区)人民政府应当加强对节约用水工作的领导,加大财政投入,"
        "建立健全节约用水管理目标责任制和考核评价机制,考核结果作为对下一级人民政府综合绩效考核评价的依据;建立节约用水工作联席会议制度,将节\n"
        "2、约用水工作纳入国民经济和社会发展规划以及年度计划。第三条 市、县(区)水行政主管部门负责本行政区域内节约用水监督管理工作,"
        "拟定节约用水政策,制定、实施用水总量控制、定额管理和计划用水制度,对水资源开发、利用、节约、保护落实情况进行考核。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("市、县(", ("市、县(区)人民政府",)),
        ("市、县(", ("市、县(区)水行政主管部门",)),
    ]
    assert "节约用水工作纳入国民经济" in plan.items[0].text


def test_readings_without_tone_marks_injected_throughout_a_page_go_and_an_abbreviation_stays():
    from gongkai.rules.planparse.normalize import without_toneless_pinyin

    page = (
        "某省節約用水條例\n"
        "第(di)二章 節約(yue)用水管理(li)\n"
        "第五條 縣級以上人民政府(fu)水行政主管部門負責本行政區域內的節約(yue)用水工作(zuo)。\n"
        "第六條 各級人民政府應當推廣ppp模式(ppp)和節水新技術。\n"
    )
    plan = parse_text(page)
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("县级以上人民", ("县级以上人民政府水行政主管部门",)),
        ("各级人民政府", ("各级人民政府",)),
    ]
    assert "模式(ppp)" in without_toneless_pinyin(page) and "管理(li)" not in without_toneless_pinyin(page)
    assert without_toneless_pinyin("推广模式(ppp)和节水技术。") == "推广模式(ppp)和节水技术。"


def test_the_score_reads_a_gold_text_and_unit_written_with_their_readings_as_the_page_without():
    from gongkai.bench import planscore

    page = "某省節約用水條例\n第(di)二章 節約(yue)用水管理(li)\n第五條 縣級以上水行(xing)政主管部門負責本行政區域內的節約(yue)用水工作(zuo)。\n"
    gold = {"items": [{
        "text": "縣級以上水行(xing)政主管部門負責本行政區域內的節約(yue)用水工作(zuo)。", "section": [],
        "units": ["縣級以上水行(xing)政主管部門"], "lead_units": ["縣級以上水行(xing)政主管部門"],
        "deadline": {"date": None, "recurrence": None},
    }]}
    tally = planscore.score_document(gold, parse_text(page).items)
    assert (tally.matched, tally.units, tally.parsed) == (1, 1, 1)


def test_paragraphs_under_a_heading_each_opening_with_the_offices_that_do_it_are_items_of_their_own():
    plan = parse_text(
        "某县关于公布乡镇权责清单的通知\n"
        "一、及时公布清单,优化政务服务\n"
        "县委编办负责将乡镇权责清单在政府网站权责清单栏目公布。\n"
        "各乡镇人民政府要推进依申请类事项网上办、就近办、一次办,进一步优化办事流程。\n"
        "县数据资源局负责做好网上办事平台的技术保障。\n"
        "二、明晰责任主体,落实责任到位\n"
        "各乡镇人民政府要严格按照清单履行主体责任。\n"
    )
    assert [(item.section, item.units) for item in plan.items] == [
        (("一、及时公布清单，优化政务服务",), ("县委编办",)),
        (("一、及时公布清单，优化政务服务",), ("各乡镇人民政府",)),
        (("一、及时公布清单，优化政务服务",), ("县数据资源局",)),
        (("二、明晰责任主体，落实责任到位",), ("各乡镇人民政府",)),
    ]


def test_a_guide_s_list_of_what_an_office_discloses_goes_to_the_office_its_paragraph_opens_with():
    plan = parse_text(
        "某镇人民政府政府信息公开指南\n"
        "一、主动公开\n"
        "(一)公开范围\n"
        "某镇人民政府办公室公开政府信息的范围,主要是涉及群众切身利益、需要群众广泛知晓的事项。并重点公开下列政府信息:\n"
        "1、财政预算、决算报告;\n"
        "2、重大建设项目的批准和实施情况。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("财政预算", ("某镇人民政府办公室",)), ("重大建设", ("某镇人民政府办公室",)),
    ]


def test_a_part_naming_the_office_that_discloses_gives_it_its_points():
    plan = parse_text(
        "某县人民政府信息公开指南\n"
        "一、政府信息公开范围\n"
        "县政府信息公开坚持“公开为常态、不公开为例外”的原则,除以下信息外,其余政府信息应当公开:\n"
        "(一)依法确定为国家秘密的政府信息;\n"
        "(二)法律、行政法规禁止公开的政府信息。\n"
        "二、主动公开\n"
        "(一)县政府办公室公开的政府信息\n"
        "1.县政府组织机构。\n"
        "2.县政府制发的规范性文件。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("县政府组", ("县政府办公室",)), ("县政府制", ("县政府办公室",)),
    ]


def test_paragraphs_under_a_heading_whose_offices_come_after_a_first_sentence_or_a_start_year():
    plan = parse_text(
        "某市人民政府办公室关于做好大中专毕业生就业工作的通知\n"
        "一、加大宏观调控力度,强化政府促进就业的职能和责任\n"
        "促进毕业生就业是政府的一项重要职责和任务。各县(市、区)政府要把毕业生就业工作列入重要议事日程。\n"
        "要加大财政支持力度。自2008年起,市财政要增加就业工作经费和专项资金,用于毕业生就业信息网络建设。\n"
    )
    assert [item.units for item in plan.items] == [("各县(市、区)政府",), ("市财政",)]


def test_offices_told_also_or_still_to_do_it_what_they_are_twice_and_a_duty_in_the_next_clause():
    plan = parse_text(
        "某县关于做好人口普查工作的通知\n"
        "一、警备区以及其他部门也要按照各自的职责,做好人口普查工作。\n"
        "二、县级以上人民政府作为地质灾害治理项目的主体,是治理工作的第一责任单位,负责治理项目的组织实施。\n"
        "三、县文广新局安排演出时间、场次,负责送戏下乡活动的总协调。\n"
        "四、在县级人民政府统一领导下开展普查,负责普查的是普查机构。\n"
    )
    assert [item.units for item in plan.items][:3] == [("警备区",), ("县级以上人民政府",), ("县文广新局",)]
    assert plan.items[3].units == ()


def test_a_later_sentence_naming_where_an_office_sits_before_its_duty_adds_that_office():
    plan = parse_text(
        "某普查条例\n"
        "第八条 国务院经济普查领导小组负责经济普查的组织和实施。领导小组办公室设在国家统计局,具体负责经济普查的日常组织和协调。\n"
    )
    assert plan.items[0].units == ("国务院经济普查领导小组", "领导小组办公室")


def test_offices_whose_duty_comes_a_clause_or_two_after_them_in_later_sentences_join_the_task():
    plan = parse_text(
        "某县农村住房规划建设管理办法\n"
        "第五条 县级人民政府住房和城乡建设行政主管部门依据有关办法,制定本县实施办法,负责村庄规划编制工作。"
        "县新农村办公室协助进行规划编制,负责农村配套设施建设管理工作。"
        "市人大常委会组成人员及常委会工作机构在各自职责内,按规定负责接待。\n"
    )
    assert plan.items[0].units == ("县级人民政府住房和城乡建设行政主管部门", "县新农村办公室")

