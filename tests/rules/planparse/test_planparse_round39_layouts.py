"""Layouts of the thirty-ninth round of real notices (tests/fixtures/notices/real/1401-1449):
women and children, wage arrears and jobs, intellectual property, ethnic affairs, language work;
each as a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.annotations import parse_annotation
from gongkai.rules.planparse.parser import _continues


def test_fields_of_work_share_the_last_unit_s_department():
    # "公安、司法、卫生部门": the departments of each field, named as written
    assert parse_annotation("(财政、税务部门负责)").units == ("财政", "税务部门")
    assert parse_annotation("(发改委和财政、统计部门负责)").units == ("发改委", "财政", "统计部门")
    plan = parse_text(
        "关于做好农村劳动力转移培训工作的意见\n三、明确部门职责\n"
        "(一)发改委和财政、统计部门:要把农村劳动力转移纳入中长期规划;安排落实培训专项资金。\n"
        "(二)建设、交通、水务、林业部门:要在项目建设中确保农民工的平等就业权利。\n"
    )
    assert [item.units for item in plan.items] == [("发改委", "财政", "统计部门"), ("建设", "交通", "水务", "林业部门")]


def test_work_and_manner_words_before_a_department_name_no_field():
    assert parse_annotation("(按要求、其他部门负责)") is None


def test_an_event_plan_s_table_one_cell_a_line_names_its_activities_and_their_times():
    plan = parse_text(
        "2024年质量月活动方案\n三、活动安排\n\n序号\n\n活动内容\n\n活动时间\n\n牵头部门\n\n协助部门\n\n"
        "1\n\n制作、群发质量月公益宣传手机短信10000条\n\n9月1日-2日\n\n质量安全监督管理股、办公室\n\n \n\n"
        "2\n\n组织企业参加首席质量官公益培训\n\n9月\n\n质量安全监督管理股\n\n \n\n"
    )
    assert [item.text for item in plan.items] == ["制作、群发质量月公益宣传手机短信10000条", "组织企业参加首席质量官公益培训"]
    assert plan.items[0].units == ("质量安全监督管理股", "办公室")
    assert plan.items[1].deadline.date is not None and plan.items[1].deadline.date.month == 9


def test_a_pdf_copied_with_a_blank_line_after_each_printed_line_is_joined_where_lines_wrap():
    paragraphs = [
        "2022年全国打击侵犯知识产权工作要点",
        "做好2022年全国打击侵犯知识产权和制售假冒伪劣商品工作，要坚持依法治理、打建结合、统筹协作、"
        "社会共治原则，严厉打击侵权假冒，依法保护权利人、消费者合法权益。",
        "一、扎实开展重点难点治理",
        "1.开展“剑网2022”专项行动，严厉打击网络侵权盗版行为。(中央宣传部、中央网信办、公安部、"
        "工业和信息化部按职责分工负责)",
        "2.印发《2022年全国知识产权行政保护工作方案》，聚焦电商等重点领域开展专项治理。开展反不正当竞争"
        "专项执法，打击互联网领域仿冒混淆、侵犯商业秘密等行为。加强互联网广告监测监管，严厉查处虚假违法"
        "广告。(市场监管总局、邮政局、知识产权局按职责分工负责)",
        "3.开展网售药品违法违规行为专项整治，净化药品网络销售市场，落实医疗器械网络交易服务第三方"
        "平台的责任。(药监局负责)",
    ]
    # the text layer of a page printed 24 characters wide, a blank line after each printed line
    plan = parse_text("\n\n".join(line for paragraph in paragraphs for line in _printed(paragraph, 24)) + "\n")
    assert [item.units for item in plan.items] == [
        ("中央宣传部", "中央网信办", "公安部", "工业和信息化部"),
        ("市场监管总局", "邮政局", "知识产权局"),
        ("药监局",),
    ]
    assert plan.items[1].text.endswith("严厉查处虚假违法广告。")
    assert plan.items[2].text.endswith("落实医疗器械网络交易服务第三方平台的责任。")


def test_a_page_of_short_paragraphs_between_blank_lines_keeps_each_its_own():
    plan = parse_text(
        "2019年区政府实事项目安排\n\n实事项目\n\n"
        "1.完成30台多层住宅电梯加装工作(区住建委负责)\n\n"
        "2.为8个住宅小区新增电动自行车充电设施(区消防救援支队负责)\n\n"
        "3.为7个老旧小区实施消防设施增配或改造(区房管局负责)\n\n"
        "4.新建改建公共厕所20座(区绿化市容局负责)\n\n"
        "5.新增养老床位200张(区民政局负责)\n\n"
        "6.开展社区健康讲座100场(区卫健委负责)\n"
    )
    assert len(plan.items) == 6


def test_the_youth_league_s_centre_is_a_unit_beside_ministries():
    found = parse_annotation("(教育部牵头,团中央、国家语委参与)")
    assert found is not None and found.units == ("教育部", "团中央", "国家语委")
    assert found.lead_units == ("教育部",)


def _printed(paragraph: str, width: int) -> list[str]:
    """A paragraph as a page prints it ``width`` Chinese characters wide (a digit is half of one),
    its first line indented two characters (the indent is lost in the copy)."""
    lines, line, used = [], "", 2.0
    for char in paragraph:
        size = 1.0 if ord(char) >= 0x2E80 else 0.5
        if used + size > width:
            lines, line, used = [*lines, line], "", 0.0
        line, used = line + char, used + size
    return [*lines, line]


def test_a_paragraph_s_first_line_is_full_though_its_indent_makes_it_narrower():
    # a page printed 24 wide: its first line, indented two characters, measures 20.5 ("3." and ","
    # printed wide); a later line as short is a line the paragraph ended on
    first = "3.开展网售药品整治,净化药品网络销售市场和"
    assert _continues(first, "医疗器械网络交易服务第三方平台的经营秩序。", first, 24.0)
    assert not _continues("专项执法工作。" + first, "医疗器械网络交易服务第三方平台的经营秩序。", first, 24.0)
