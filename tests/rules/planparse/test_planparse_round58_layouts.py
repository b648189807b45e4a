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
