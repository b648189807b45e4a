"""Layouts of the fifty-eighth round of real notices (tests/fixtures/notices/real/2351-2396): audit
rectification and budget disclosure, statistics, farmland and grain security, drug control and
public security, urban safety; each as a small synthetic page written the way those pages are, and
each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_what_a_notice_asks_of_offices_and_when_is_no_part_of_their_names():
    plan = parse_text(
        "某县关于加强宣传工作的通知\n"
        "一、强化意识。要求各乡镇、各部门要进一步增强监督意识,支持有关机关依法履行职能。\n"
        "二、开展宣传。宣传月期间各单位要策划、组织若干宣传活动,做到主题鲜明、形式多样。\n"
        "三、开展整治。即日起市住房城乡建设管理、公安、交通等部门将联合开展专项整治,严厉打击非法经营行为。\n"
    )
    assert [item.units for item in plan.items] == [
        ("各乡镇", "各部门"),
        ("各单位",),
        ("市住房城乡建设管理", "公安", "交通"),
    ]


def test_an_office_that_joins_others_before_their_generic_tail_leads_them():
    plan = parse_text(
        "某市耕地保护责任目标考核办法\n"
        "一、为切实加强耕地保护工作,依据有关法律法规,制定本考核办法。\n"
        "二、市国土资源局会同市农委、市统计局等有关部门,根据省政府下达的耕地保护目标,确定各区的责任目标。\n"
    )
    assert [(item.text[:4], item.units, item.lead_units) for item in plan.items] == [
        ("市国土资", ("市国土资源局", "市农委", "市统计局"), ("市国土资源局",)),
    ]


def test_a_later_sentence_after_an_ascii_full_stop_adds_its_office():
    plan = parse_text(
        "某市非机动车管理条例\n"
        "第三条 公安机关负责非机动车的登记和通行管理工作;市场监管部门负责非机动车生产、销售、维修的监督管理工作.交通运输主管部门负责互联网租赁自行车的行业监督管理工作。\n"
    )
    assert plan.items[0].units == ("公安机关", "市场监管部门", "交通运输主管部门")


def test_a_later_clause_opening_with_its_own_office_and_duty_word_adds_that_office():
    plan = parse_text(
        "某省乡镇统计基础工作管理办法\n"
        "第二条 乡镇人民政府应当配备专职的统计员,组织和协调本乡镇的统计工作。"
        "各业务部门在乡镇的派出机构应当明确负责统计工作的人员,村(居)委会应当指定人员负责统计工作。\n"
        "第三条 各县(市)区政府要加强指导,各县(市)区要定期检查;火灾发生后,市气象部门要提供火场天气预报。\n"
    )
    assert [item.units for item in plan.items] == [
        ("乡镇人民政府", "各业务部门在乡镇的派出机构", "村(居)委会"),
        ("各县(市)区政府",),
    ]


def test_a_body_the_levels_set_up_does_the_duties_listed_under_it():
    plan = parse_text(
        "某省社会治安综合治理条例\n"
        "第四条 社会治安综合治理是全社会的共同责任,各级人民政府应当动员和组织各方面力量,开展平安建设。\n"
        "第五条 省、设区的市、县(市、区)、乡镇(街道)设立社会治安综合治理委员会,负责组织、指导、协调当地的社会治安综合治理工作,履行下列职责:\n"
        "(一)宣传、贯彻社会治安综合治理相关法律法规和政策;\n"
        "(二)研究部署本地区社会治安综合治理工作;\n"
        "第六条 各县(市)、区政府应成立粮食应急工作指挥部,负责组织实施本地区的粮食应急供应工作。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("社会治安", ("各级人民政府",)),
        ("宣传、贯", ("社会治安综合治理委员会",)),
        ("研究部署", ("社会治安综合治理委员会",)),
        ("各县(市", ("各县(市)、区政府",)),
    ]
