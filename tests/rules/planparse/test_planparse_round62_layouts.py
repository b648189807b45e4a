"""Layouts of the sixty-second round of real notices (tests/fixtures/notices/real/2551-2599):
overseas Chinese and foreign affairs, postal, radio and telecom facilities, urban renewal and
historic protection, special equipment and consumer rights, leading groups and joint meetings;
each as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_offices_own_page_gives_it_the_duties_under_its_caption_and_a_stations_to_the_station():
    plan = parse_text(
        "某市无线电管理局\n"
        "\n"
        "联合创作 · 2024-08-28 16:27\n"
        "\n"
        "管辖区域\n"
        "\n"
        "某市\n"
        "\n"
        "主要职责\n"
        "\n"
        "一、贯彻执行国家和省无线电管理的方针、政策和规章。\n"
        "\n"
        "二、负责本市范围内无线电监测,实施无线电管理行政执法。\n"
        "\n"
        "三、完成上级交办的其它工作。\n"
        "\n"
        "监测站职责\n"
        "\n"
        "一、对本市内无线电发射信号实施监测。\n"
        "\n"
        "二、负责查找无线电干扰源和违章设置使用的电台。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("贯彻执行", ("某市无线电管理局",)),
        ("负责本市", ("某市无线电管理局",)),
        ("完成上级", ("某市无线电管理局",)),
        ("对本市内", ("监测站",)),
        ("负责查找", ("监测站",)),
    ]


def test_a_whole_sentence_at_the_outermost_level_is_a_task_beside_headings_with_points():
    # a page that opens inside a list whose heading was on the page before
    plan = parse_text(
        "(8)加强农村环境保护。\n"
        "(9)群众环境信访处理率100%,杜绝上省进京访。\n"
        "4、甲区政府负责:\n"
        "(1)对大街两侧100米范围内的40台锅炉进行改造。\n"
        "(2)加强农村环境保护。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("加强农村", ()),
        ("群众环境", ()),
        ("对大街两", ("甲区政府",)),
        ("加强农村", ("甲区政府",)),
    ]


def test_a_centre_named_by_its_hotlines_number_is_a_unit():
    plan = parse_text(
        "关于建立12312举报投诉服务体系的通知\n"
        "(二)各市12312中心职责。在各市建立12312中心,开通12312举报投诉服务热线。各市12312中心主要职责:\n"
        "1、接受社会公众的投诉举报、咨询服务;\n"
        "2、统计、上报举报投诉信息和商业执法数据。\n"
    )
    assert [item.units for item in plan.items] == [("各市12312中心",)] * 2


def test_an_office_named_before_its_main_duties_and_a_colon_over_points_on_one_line():
    plan = parse_text(
        "網站簡介:\n"
        "某省人民政府外事辦公室主要職責(zé):(一)貫徹執行國家有關外事工作的方針政策。(二)負責全省外事管理工作。"
        "(三)承辦省政府交辦的其他事項。\n"
    )
    assert [item.units for item in plan.items] == [("某省人民政府外事办公室",)] * 3


def test_a_rule_whose_articles_lost_their_numbers_gives_one_item_a_charging_paragraph():
    plan = parse_text(
        "目录\n"
        "第一章 总则\n"
        "为了加强传统村落的保护,根据有关法律法规,结合本县实际,制定本条例。\n"
        "本县行政区域内传统村落的保护管理,适用本条例。\n"
        "县人民政府应当加强对传统村落保护管理工作的领导,建立保护管理协调机制。\n"
        "县自然资源、住房和城乡建设、文化和旅游等主管部门在各自职责范围内,负责传统村落的保护和监督管理工作。\n"
        "支持公民、法人和其他组织依法参与传统村落的保护管理。\n"
        "乡(镇)人民政府应当做好本辖区内传统村落保护管理的相关具体工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县人民政府",),
        ("县自然资源", "住房和城乡建设", "文化和旅游"),
        ("乡(镇)人民政府",),
    ]
    assert any("没有条号" in warning for warning in plan.warnings)


def test_offices_after_由_that_carry_out_a_measure_together_are_its_units():
    plan = parse_text(
        "第一篇:传统村落保护\n"
        "1、加强领导,明确职责。成立由镇长任组长的传统村落保护工作领导小组,统筹推进保护工作。\n"
        "2、积极开展调查摸底工作。由住建办、文体中心、村委会联合开展对村落历史建筑的调查摸底。\n"
        "3、科学编制村落保护规划。要以古镇总体规划为指导,编制村落保护规划。\n"
    )
    assert [item.units for item in plan.items] == [(), ("住建办", "文体中心", "村委会"), ()]


def test_what_a_rule_protects_and_its_protected_area_are_no_work():
    plan = parse_text(
        "某市历史文化名城保护条例\n"
        "第一条 为了加强历史文化名城保护,制定本条例。\n"
        "第九条 市名城保护主管部门负责历史文化名城保护的监督管理工作。\n"
        "第十条 历史文化名城保护对象包括下列内容:\n"
        "(一)历史文化街区;\n"
        "(二)历史建筑;\n"
        "(三)传统风貌建筑。\n"
        "第二十条 通信设施的保护范围是:\n"
        "(一)邮电局及分支机构、信箱、报刊亭;\n"
        "(二)电杆及附属设施、电线、电缆。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["市名城保护主"]


def test_an_office_named_with_和_that_leads_fields_keeps_its_name():
    plan = parse_text(
        "某市历史文化名城保护条例\n"
        "第一条 为了加强保护,制定本条例。\n"
        "第五条 市住房和城乡建设主管部门会同自然资源、规划、文物等主管部门,负责全市历史文化名城的保护监督管理工作。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("市住房和城乡建设主管部门", "自然资源", "规划", "文物"), ("市住房和城乡建设主管部门",)),
    ]


def test_what_a_peoples_body_is_is_no_work():
    plan = parse_text(
        "某自治区归侨侨眷权益保护办法\n"
        "第一条 为了保护归侨、侨眷的合法权益,制定本办法。\n"
        "第三条 县级以上人民政府负责侨务工作的机构应当做好归侨、侨眷权益保护工作。\n"
        "第四条 自治区各级归国华侨联合会是归侨、侨眷依法成立的人民团体,维护归侨、侨眷的合法权益。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["县级以上人民"]


def test_a_level_alone_beside_the_offices_asked_is_no_unit():
    plan = parse_text(
        "某市邮政业发展规划实施意见\n"
        "一、各级、各有关部门要把邮政业发展摆上重要位置,认真组织实施。\n"
        "二、各级、各有关部门要加强组织领导,按照职责分工加强协调配合。\n"
        "三、市邮政管理局要加强对规划实施情况的督促检查。\n"
    )
    assert [item.units for item in plan.items] == [("各有关部门",), ("各有关部门",), ("市邮政管理局",)]


def test_offices_told_to_do_a_work_after_a_clause_saying_what_the_work_is():
    plan = parse_text(
        "某省关于加强历史文化保护传承的实施意见\n"
        "(九)加快实现保护规划全覆盖。保护规划是历史文化名城、街区保护、建设、管理的依据,各地要按照要求完成保护规划编制。\n"
        "(十)强化保障。申报历史文化名城是我市文化名城建设工作的重要内容,各部门要把思想统一到市委的决策部署上来。\n"
    )
    assert [item.units for item in plan.items] == [("各地",), ("各部门",)]


def test_each_clause_led_by_its_own_office_after_由_adds_it():
    plan = parse_text(
        "某县放心消费环境建设实施方案\n"
        "⑴净化门店竞争行为。由县工商局牵头,重点对烟、酒加大检查力度;由县公安局牵头,重点加大对欺诈行为的惩处力度。\n"
        "⑵净化网络购物秩序。由县商务局牵头,加强对网络销售的监管。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县工商局", "县公安局"), ("县工商局", "县公安局")),
        (("县商务局",), ("县商务局",)),
    ]


def test_an_offices_own_page_under_the_sites_menu_is_still_that_offices():
    plan = parse_text(
        "首页 | 政务公开 | 政务服务 | 互动交流\n"
        "某市无线电管理局\n"
        "管辖区域\n"
        "某市\n"
        "主要职责\n"
        "一、贯彻执行国家和省无线电管理的方针、政策和规章。\n"
        "二、负责本市范围内无线电监测,实施无线电管理行政执法。\n"
    )
    assert [item.units for item in plan.items] == [("某市无线电管理局",)] * 2


def test_a_body_named_by_the_work_it_is_in_charge_of_keeps_its_name():
    plan = parse_text(
        "某自治区归侨侨眷权益保护办法\n"
        "第一条 为了保护归侨、侨眷的合法权益,制定本办法。\n"
        "第七条 负责侨务工作的机构应当自收到申请之日起10个工作日内作出认定。\n"
        "第八条 市财政局负责归侨、侨眷权益保护工作经费的保障。\n"
    )
    assert [item.units for item in plan.items] == [("负责侨务工作的机构",), ("市财政局",)]


def test_duties_closed_by_a_semicolon_at_the_outermost_level_beside_a_heading_with_points():
    # a page that opens inside the list of the part before "(二)"
    plan = parse_text(
        "5、组织开展相关宣传及培训工作;\n"
        "6、做好职责内适合12312中心承担的其他工作。\n"
        "(二)各市12312中心职责。在各市建立12312中心。各市12312中心主要职责:\n"
        "1、接受社会公众的投诉举报、咨询服务;\n"
        "2、统计、上报举报投诉信息和商业执法数据。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["组织开展", "做好职责", "接受社会", "统计、上"]
