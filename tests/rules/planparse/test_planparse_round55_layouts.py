"""Layouts of the fifty-fifth round of real notices (tests/fixtures/notices/real/2201-2247):
deputies' suggestions and CPPCC proposals, sponge cities and pipe networks, private economy and
small businesses, government websites and new media, autonomous prefectures and counties; each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import Recurrence, parse_text


def test_an_article_whose_office_states_its_duty_over_numbered_points_does_each_point():
    plan = parse_text(
        "某市城市管理委员会门户网站管理办法\n"
        "第一章 总 则\n"
        "第二条 委门户网站(以下简称“委网站”)是我委唯一政务公开平台,是政民互动的重要窗口。\n"
        "第三条 委网站本着统筹规划、分工合作、安全高效的原则进行管理和运行。\n"
        "第二章 责任分工\n"
        "第四条 办公室是委网站的主管部门,负责委网站的统筹规划、综合管理、监督考核工作。\n"
        "(一)制定委网站管理制度并组织实施;\n"
        "(二)组织委网站考核评估。\n"
        "第五条 工商、城管等部门,应依法分别对社会用字进行管理。\n"
        "(一)广告的社会用字审批及监督,由工商行政管理部门负责。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("制定委网", ("办公室",)), ("组织委网", ("办公室",)), ("广告的社", ("工商行政管理部门",)),
    ]


def test_handling_a_suggestion_is_the_duty_of_the_units_that_receive_it():
    plan = parse_text(
        "某旗关于做好人大代表建议和政协委员提案办理工作的通知\n"
        "(一)交办\n"
        "1.各承办单位收到建议、提案后,要逐件清点、核对、登记,妥善保管好原件。调整期结束后,不再接受调整申请。\n"
        "2.各承办单位在提交纸质答复函时,要将办复征询意见表一并提供。\n"
        "3.各承办单位务必在规定期限内全面完成办理工作。\n"
        "4.望各单位接到通知后要高度重视,认真开展自查工作。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("各承办单位收", ("各承办单位",)), ("各承办单位在", ("各承办单位",)),
        ("各承办单位务", ("各承办单位",)), ("望各单位接到", ("各单位",)),
    ]
    assert [item.deadline.recurrence for item in plan.items] == [Recurrence.EVENT, None, None, None]


def test_the_rest_left_unnamed_in_a_later_sentence_is_no_unit():
    plan = parse_text(
        "某省燃气管理条例\n"
        "第五条 县级以上人民政府燃气行政主管部门负责本行政区域内的燃气管理工作。\n"
        "县级以上人民政府其他有关部门在各自的职责范围内,依法做好燃气管理的相关工作。\n"
        "第六条 旗县级以上人民政府语言文字工作机构负责本行政区域内的语言文字工作。"
        "旗县级以上人民政府有关部门按照各自的职责,共同做好语言文字工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县级以上人民政府燃气行政主管部门",),
        ("旗县级以上人民政府语言文字工作机构", "旗县级以上人民政府有关部门"),
    ]


def test_offices_that_are_what_they_are_and_then_take_on_a_work_do_it():
    plan = parse_text(
        "某市政府网站管理办法\n"
        "第四条 市人民政府办公室是全市政府网站的主管单位,负责推进、指导、监督全市政府网站建设和发展。\n"
        "市委网信办、市公安局是全市政府网站的协同监管单位,共同做好网站标识管理、网络安全等工作。\n"
        "第五条 盟市级人民政府办公室承担本地区政府网站的主管职责,负责对本地区政府网站进行统筹规划和日常监测。\n"
        "第六条 市排水管理处受市政工程局委托,具体负责城市排水管理工作。\n"
        "第七条 市政工程局应会同城市规划行政部门编制城市排水管网规划。\n"
    )
    assert [item.units for item in plan.items] == [
        ("市人民政府办公室", "市委网信办", "市公安局"),
        ("盟市级人民政府办公室",),
        ("市排水管理处",),
        ("市政工程局", "城市规划行政部门"),
    ]


def test_an_annotation_cut_inside_its_role_word_keeps_its_last_name():
    plan = parse_text(
        "某区2018年政务公开工作要点\n"
        "(一)推进重点领域信息公开。及时公开重大项目批准和实施信息。(区发展改革委牵头)\n"
        "(二)推动公共企事业单位信息公开。切实推进公共企事业单位信息公开(区教委、区环保局、区城市管理委等相关部门负责落"
    )
    assert [item.units for item in plan.items] == [("区发展改革委",), ("区教委", "区环保局", "区城市管理委")]


def test_units_that_assist_before_the_rest_of_the_work_assist():
    plan = parse_text(
        "某县政府网站整合工作方案\n"
        "一、工作目标\n"
        "加大政府网站整合力度,由县政府办牵头,各乡镇政府、各有关部门全力配合,于6月底前完成全县政府网站整合工作。\n"
        "二、工作要求\n"
        "县政府办负责网站整合的指导和监督。\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县政府办", "各乡镇政府", "各有关部门"), ("县政府办",)),
        (("县政府办",), ("县政府办",)),
    ]
