"""Layouts of the twelfth round of real notices (tests/fixtures/notices/real/351-370), each as a
small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.bench import planscore
from gongkai.rules.planparse import PlanKind, parse_text
from gongkai.rules.planparse.cells import Column, header_column
from gongkai.rules.units import split_roles


def test_targets_under_a_targets_heading_are_items_when_they_name_their_units():
    plan = parse_text(
        "示范市国民经济和社会发展规划纲要主要目标和任务分工\n"
        "一、分工原则\n"
        "(一)明确政府职责和市场功能。充分体现政府与市场在实施中的不同功能，对依靠市场主体自主行为实现的目标不作分解。\n"
        "二、责任主体及工作分工\n"
        "(一)主要目标。\n"
        "1.主要指标的责任部门。\n"
        "常住人口控制在1150万人左右。(市公安局牵头)万元地区生产总值能源消耗降低20%。(市经委牵头)\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.text for item in plan.items] == ["常住人口控制在1150万人左右。", "万元地区生产总值能源消耗降低20%。"]
    assert [item.units for item in plan.items] == [("市公安局",), ("市经委",)]


def test_an_annotation_the_line_broke_onto_the_next_line_belongs_to_the_sentence_above():
    plan = parse_text(
        "示范市规划纲要任务分工\n"
        "一、主要指标的责任部门\n"
        "万元工业增加值取水量降低20%。(市节水办牵头)耕地保有量保持在国务院确定的面积。\n"
        "(市国土房管局牵头)主要污染物排放总量减少10%。(市环保局牵头)\n"
    )
    assert [item.text for item in plan.items] == [
        "万元工业增加值取水量降低20%。",
        "耕地保有量保持在国务院确定的面积。",
        "主要污染物排放总量减少10%。",
    ]
    assert [item.units for item in plan.items] == [("市节水办",), ("市国土房管局",), ("市环保局",)]


def test_a_page_cut_inside_an_annotation_after_a_space():
    plan = parse_text(
        "示范市规划纲要任务分工\n"
        "一、主要指标的责任部门\n"
        "主要污染物排放总量减少10%。(市环保局牵头)城市建成区绿化覆盖率达到40%以上。 (市建委、"
    )
    assert [item.text for item in plan.items] == ["主要污染物排放总量减少10%。", "城市建成区绿化覆盖率达到40%以上。"]
    assert plan.items[1].units == ("市建委",)


def test_a_data_provider_label_names_assisting_units_and_a_cut_last_name_is_none():
    plan = parse_text(
        "示范市2024年政府工作报告主要目标任务分解\n"
        "一、全市经济社会发展主要预期目标\n"
        "1.地区生产总值增长7%左右。(牵头单位:市发改委;数据提供单位:市统计局)\n"
        "2.城镇调查失业率5.5%左右。(牵头单位:市人"
    )
    first, second = plan.items
    assert first.units == ("市发改委", "市统计局")
    assert first.lead_units == ("市发改委",)
    assert second.text == "城镇调查失业率5.5%左右。"
    assert second.units == ()


def test_main_and_joint_assisting_unit_headers():
    assert header_column("主要责任单位") is Column.UNITS
    assert header_column("主要牵头单位") is Column.UNITS_LEAD
    assert header_column("协同配合单位") is Column.UNITS_ASSIST


def test_a_space_separated_row_whose_last_cells_the_page_put_on_lines_of_their_own():
    plan = parse_text(
        "示范区2025年政府工作报告重点工作任务分解表\n"
        "序号 重点工作任务 主要责任单位 协同配合单位\n"
        "一、2025年经济社会发展的主要预期目标\n"
        "1 地区生产总值增长6.5%左右。 区发改委 区政府各部门,各乡镇人民政府。\n"
        "2 一般公共预算收入增长5%左右。 区财政局\n"
        "区税务局\n"
        "区政府有关部门,各乡镇人民政府。\n"
        "3 社会消费品零售总额增长8.2%左右。 区商务局 区发改委、区市场监管局。\n"
        "4 城乡居民人均可支配收入增长6%左右。 区人社局\n"
        "区发改委,各乡镇人民政府、街道办事处,示范经开"
    )
    assert plan.kind is PlanKind.TABLE
    assert [item.text[:6] for item in plan.items] == ["地区生产总值", "一般公共预算", "社会消费品零", "城乡居民人均"]
    assert plan.items[1].units == ("区财政局", "区税务局", "区政府有关部门", "各乡镇人民政府")
    assert plan.items[1].lead_units == ("区财政局", "区税务局")
    # the page ends inside the name of a unit: the piece is no unit
    assert plan.items[3].units == ("区人社局", "区发改委", "各乡镇人民政府", "街道办事处")


def test_a_space_separated_header_broken_over_two_lines():
    plan = parse_text(
        "示范市2021年政务公开工作要点任务分解\n"
        "工作任务 具体要求\n"
        "责任单位\n"
        "一、做好各类规划主动公开。 1.主动公开规划纲要、各项规划、政策解读等相关信息。 市直有关部门;各镇(街)\n"
        "2.做好各项规划的归集整理和主动公开工作。 市政府办公室牵头,市直有关部门配合;各镇(街)参照落实\n"
    )
    assert plan.kind is PlanKind.TABLE
    assert [item.units for item in plan.items] == [
        ("市直有关部门", "各镇(街)"),
        ("市政府办公室", "市直有关部门", "各镇(街)"),
    ]


def test_leaders_conditions_and_the_units_left_unnamed_are_no_units_and_a_comma_ends_a_requirement():
    plan = parse_text(
        "示范省人民政府关于《政府工作报告》重点工作部门分工的意见\n"
        "一、努力保持经济平稳健康发展\n"
        "(一)增强创新驱动发展能力。构建科技成果转化、科技金融结合等政策体系(分管副省长、协管副秘书长负责,"
        "省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出,下同)。落实企业研发费用加计扣除政策"
        "(分管副省长负责,省科技厅、省财政厅等负责。列第一位的为牵头部门,其他部门和单位按职责分工负责,下同),"
        "建设一批众创空间和农村“星创天地”(省科技厅牵头)。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["构建科技成果", "落实企业研发", "建设一批众创"]
    assert [item.units for item in plan.items] == [("省科技厅",), ("省科技厅", "省财政厅"), ("省科技厅",)]
    assert plan.items[1].lead_units == ("省科技厅",)


def test_a_level_list_without_brackets_is_one_group():
    assert [phrase.text for phrase in split_roles("市财政局、各县市、区政府")] == ["市财政局", "各县市、区政府"]


def test_a_standing_list_of_units_with_commas_goes_to_every_item_below():
    plan = parse_text(
        "示范市人民政府办公室关于根治欠薪的实施意见\n"
        "一、强化措施，健全完善保障工资支付制度\n"
        "(一)加强劳动合同管理。用人单位应当依法与招用的农民工订立劳动合同。(责任单位:市人力资源社会保障局,"
        "各县市区人民政府,示范经开区管委会。以下均需各县市区人民政府,示范经开区管委会负责落实,不再列出)\n"
        "(二)完善实名制管理制度。施工总承包单位应当依法进行用工实名登记。(责任单位:市城乡建设局)\n"
    )
    assert plan.items[1].units == ("市城乡建设局", "各县市区人民政府", "示范经开区管委会")


def test_articles_numbered_di_n_tiao_are_headings():
    plan = parse_text(
        "示范区应对疫情助企纾困措施\n"
        "第一条 免租减租支持\n"
        "实施区政府物业免租。对承租区政府经营性物业的实际租户，免除其三个月租金。(牵头单位:区财政局)\n"
        "第二条 稳企支持\n"
        "助力重点行业应对疫情冲击。对开展经营的住宿、餐飲企业给予补贴。(牵头单位:区商务局)\n"
    )
    assert [item.section for item in plan.items] == [("第一条免租减租支持",), ("第二条稳企支持",)]
    assert [item.units for item in plan.items] == [("区财政局",), ("区商务局",)]


def test_an_outline_whose_breaks_were_lost_is_cut_at_its_markers():
    """A document-sharing site's text (368): "…制定本实施方案。一、…(一)…。1.…。2.…"."""
    plan = parse_text(
        "示范市促进民营经济高质量发展实施方案\n"
        "为激发民营经济发展活力，制定本实施方案。一、加强民营经济资源要素支持(一)强化财税政策保障。"
        "依规加大减税降费力度。(市税务局、市财政局负责)(二)加强产业基金支持。发挥产业基金引领作用。(市财政局负责)\n"
        "二、主要预期指标1.地区生产总值增长5%左右，争取实现更好的发展。牵头单位:区发改委\n"
        "三、保障措施\n"
        "1.加强组织领导，各单位主要负责人亲自抓。2.强化督查考核，每季度通报一次进展情况。\n"
    )
    # a short heading sentence before an annotated requirement is its section (CONTRACTS.md §1)
    assert [item.text[:8] for item in plan.items] == [
        "依规加大减税降费", "发挥产业基金引领", "地区生产总值增长", "加强组织领导，各", "强化督查考核，每",
    ]
    assert plan.items[0].section == ("一、加强民营经济资源要素支持", "(一)强化财税政策保障")
    assert plan.items[2].section == ("二、主要预期指标",)
    assert plan.items[2].units == ("区发改委",)


def test_a_unit_label_run_on_from_its_item_without_a_stop():
    plan = parse_text(
        "示范区2023年政府工作报告主要目标任务责任分解方案\n"
        "一、2023年全区经济社会发展的主要预期目标\n"
        "(一)地区生产总值增长7%以上责任单位:区发展和改革局\n"
        "(二)规上工业增加值增长12%以上责任单位:区科技和经信局\n"
    )
    assert [item.text for item in plan.items] == ["地区生产总值增长7%以上", "规上工业增加值增长12%以上"]
    assert [item.units for item in plan.items] == [("区发展和改革局",), ("区科技和经信局",)]


def test_a_plan_without_its_title_line_is_known_by_its_opening_or_the_pages_name_field():
    """The layout variant "title lost": what else tells a page is a plan whose tasks name no units."""
    body = (
        "一、深化重点领域政府信息公开\n"
        "(一)立足实施重大战略推进政务公开。主动公开本地区规划和专项规划，做好历史规划的归集整理。\n"
        "(二)着眼畅通经济循环推进政务公开。及时公开助企纾困政策，做好政策解读。\n"
    )
    opened = "为全面推进三合乡政务公开标准化规范化工作，结合我乡实际，特制订本方案。\n" + body
    named = "索引号: 11341700003244799H/202102-00014\n名称: 2021年度示范市民政局政务公开工作要点及分工 文号:\n" + body
    handed_out = (
        "示范市人民政府办公室关于印发《2023年全市政务公开工作要点》的通知\n"
        "各县(市、区)人民政府:\n经市政府领导同意，现将《2023年全市政务公开工作要点》印发你们，请认真抓好贯彻落实。\n"
        "示范市人民政府办公室\n2023424\n"
        "2023年，全市政务公开工作要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n" + body
    )
    for page in (opened, named, handed_out):
        plan = parse_text(page)
        assert [item.text[:8] for item in plan.items] == ["主动公开本地区规", "及时公开助企纾困"], page[:20]


def test_a_covering_notices_own_request_opening_with_the_year_is_no_plan():
    """Real notice 186: the notice hands out a table that is not on the page; its own request
    "一、统一思想认识" opens "2023年，全县政务公开工作坚持以…", which is no plan's opening."""
    page, _ = planscore.load(planscore.corpus_dir() / "186.txt")
    assert parse_text(page).items == ()
