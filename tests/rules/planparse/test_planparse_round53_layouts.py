"""Layouts of the fifty-third round of real notices (tests/fixtures/notices/real/2101-2149):
commerce, social assistance, zero-waste cities and soil pollution, industry and the digital
economy, city open-government points; each as a small synthetic page written the way those pages
are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_office_that_sets_up_a_body_for_the_duties_listed_below_does_them():
    plan = parse_text(
        "某市城市居民最低生活保障办法实施细则\n"
        "1、市民政部门设立办事机构,其职责是:\n"
        "⑴组织调查研究,制定城市居民最低生活保障制度规范性文件和具体政策;\n"
        "⑵负责制定城市居民最低生活保障工作发展规划和计划;\n"
        "2、街道办事处成立审核小组,配备低保工作专职管理员,其职责是:\n"
        "⑴负责保障对象的调查摸底和审核上报;\n"
        "⑵负责监督保障金的发放和管理。\n"
    )
    assert [item.units for item in plan.items] == [("市民政部门",)] * 2 + [("街道办事处",)] * 2


def test_a_rule_s_short_points_closing_with_semicolons_are_duties_even_on_a_page_that_opens_in_their_list():
    plan = parse_text(
        "某市城市居民最低生活保障办法\n"
        "(七)参与城区有劳动能力人员低保审批工作;\n"
        "(八)制定本地区城市低保工作人员培训计划;\n"
        "(九)负责本地区低保信息网络的管理工作等。\n"
        "第三十五条 县民政局主要职责是:\n"
        "(一)制定本地区实施城市低保的方案、工作计划并组织实施;\n"
        "(二)开展与城市低保有关的培训工作。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("参与城区", ()), ("制定本地", ()), ("负责本地", ()), ("制定本地", ("县民政局",)), ("开展与城", ("县民政局",)),
    ]


def test_a_plan_s_list_of_what_a_campaign_targets_stays_unread():
    plan = parse_text(
        "某市打击非法营运专项整治方案\n"
        "(三)非法从事出租客运的摩托车;\n"
        "(四)“克隆”出租车;\n"
        "(五)恶势力操纵的非法营运团伙。\n"
        "四、组织领导\n"
        "(一)市交通局负责专项整治的组织协调,制定工作方案并组织实施。\n"
        "(二)市公安局负责依法查处非法营运车辆,打击恶势力团伙。\n"
    )
    assert [item.units for item in plan.items] == [("市交通局",), ("市公安局",)]


def test_fields_before_等部门_in_a_clause_of_the_first_sentence_join_its_office():
    plan = parse_text(
        "某自治区最低生活保障实施办法\n"
        "第四条 县级以上人民政府民政部门负责本行政区域最低生活保障工作的组织实施,教育、财政、卫生健康、残联等部门和组织,"
        "按照职责做好最低生活保障工作。\n"
        "第五条 户籍管理、税务、社会保险等部门和银行、保险、证券等金融机构,应当向核对信息平台提供相关数据。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县级以上人民政府民政部门", "教育", "财政", "卫生健康", "残联"),
        ("户籍管理", "税务", "社会保险", "银行", "保险", "证券"),
    ]


def test_question_marks_where_a_doc_lost_its_spaces_are_spaces():
    plan = parse_text(
        "某省土壤污染防治条例(草案征求意见稿)\n"
        "第一章 ?总 则\n"
        "第一条 ?为了保护和改善生态环境,防治土壤污染,根据有关法律,结合本省实际,制定本条例。\n"
        "第五条 ?各级人民政府应当对本行政区域土壤污染防治和安全利用负责。\n"
        "村民委员会、居民委员会负有协助实施土壤污染防治的义务。\n"
        "第六条??县级以上生态环境主管部门对本行政区域内的土壤污染防治工作实施统一监督管理。?\n"
    )
    assert [item.units for item in plan.items] == [
        ("各级人民政府", "村民委员会", "居民委员会"), ("县级以上生态环境主管部门",),
    ]
    assert plan.items[1].text.endswith("监督管理。")


def test_an_office_another_task_has_as_its_subject_is_the_subject_of_a_task_it_opens_whatever_the_verb():
    plan = parse_text(
        "关于做好2022年第四季度创新型中小企业申报工作的通知\n"
        "一、各市(州)经济和信息化局依照《实施方案》,结合实际确定创新型中小企业评价具体流程和时间安排。\n"
        "二、中小企业按照属地化管理原则自愿登录培育平台在线填报,并按要求报送纸质申报材料。\n"
        "三、各市(州)经济和信息化局对企业申报材料进行审核,并于12月20日前将名单汇总报送我厅。\n"
        "四、各市(州)经济和信息化局要高度重视,切实加强对优质中小企业梯度培育工作的组织领导。\n"
    )
    office = ("各市(州)经济和信息化局",)
    assert [item.units for item in plan.items] == [office, (), office, office]


def test_a_field_s_office_named_by_its_level_and_field_alone_is_a_unit():
    plan = parse_text(
        "某县困难群众基本生活保障工作方案\n"
        "(一)加强工作衔接。各有关部门要密切协作,定期研究解决困难群众基本生活保障问题。\n"
        "(二)加强资金投入。县财政要在一般性转移支付中统筹安排困难群众救助资金。\n"
        "(三)强化资金监管。各级财政要加强对救助资金使用情况的监督检查。\n"
    )
    assert [item.units for item in plan.items] == [("各有关部门",), ("县财政",), ("各级财政",)]


def test_articles_whose_number_stands_alone_between_rule_lines_are_read_as_articles():
    plan = parse_text(
        "第一條\n"
        "為進一步規范和完善我市城市居民最低生活保障制度,根據國務院《城市居民最低生活保障條例》等有關規定,結合我市實際,制定本辦法。\n"
        "|\n"
        "第三條\n"
        "城市低保制度實行各級人民政府負責制。市民政部門負責政策指導、組織實施和審批管理等工作。\n"
        "|\n"
        "第四條\n"
        "相關部門的工作職責: 財政部門負責按照規定落實城市低保資金和低保工作業務經費。\n"
        "|\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("城市低保制度", ("市民政部门",)), ("相关部门的工", ("财政部门",)),
    ]
    assert not plan.items[0].text.endswith("|")


def test_an_office_that_coordinates_its_area_s_work_统筹_does_it():
    plan = parse_text(
        "某省中小企业促进条例\n"
        "第四条 省人民政府统筹全省中小企业促进工作。县级以上人民政府应当把促进中小企业发展纳入国民经济和社会发展规划。\n"
        "第五条 统筹推进中小企业公共服务体系建设,完善服务网络。\n"
    )
    assert [item.units for item in plan.items][0] == ("省人民政府", "县级以上人民政府")


def test_an_article_saying_what_a_work_is_for_the_place_is_no_work():
    plan = parse_text(
        "某省数字经济促进条例\n"
        "第三条 发展数字经济是本省经济社会发展的重要战略。\n"
        "第四条 县级以上人民政府应当加强对数字经济发展工作的领导。\n"
        "第五条 数字化转型是推动产业升级的重要途径。各级工业和信息化部门要加强指导。\n"
    )
    assert [item.units for item in plan.items] == [("县级以上人民政府",), ("各级工业和信息化部门",)]


def test_places_that_share_a_later_unit_s_政府_are_units_inside_a_longer_list():
    plan = parse_text(
        "某省促进经济稳增长的若干措施\n"
        "1.加快推进机场改扩建工程,年内完成主体工程。(哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责)\n"
        "2.推进口岸基础设施建设。(省商务厅、财政、税务部门负责)\n"
    )
    assert [item.units for item in plan.items] == [
        ("哈尔滨机场扩建指挥部", "哈尔滨", "黑河", "绥芬河市政府", "省农垦总局"), ("省商务厅", "财政", "税务部门"),
    ]
