"""Layouts of the sixth round of real notices (tests/fixtures/notices/real/208-228), each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import PlanKind, Recurrence, parse_text
from gongkai.rules.units import split_units


def test_an_etc_tail_naming_the_level_after_its_generic_word_names_no_unit():
    assert split_units("区发改委、区财政局等相关区直部门，各镇(办)") == [
        "区发改委",
        "区财政局",
        "各镇(办)",
    ]
    assert split_units("市民政局等有关市直部门") == ["市民政局"]


def test_key_points_opening_with_their_year_and_guiding_thought_are_a_plan():
    plan = parse_text(
        "2020年,市统计局政务公开工作要以习近平新时代中国特色社会主义思想为指导,紧紧围绕中心工作。\n"
        "一、加强统计数据解读\n"
        "(一)加大数据发布解读力度。紧扣全市经济运行走势,加强统计数据解读,稳定社会预期、提振市场信心。\n"
        "(二)积极回应社会关切。落实网络舆情研判,完善网络舆情监测预警机制,及时予以回应,正面引导舆论。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.text[:6] for item in plan.items] == ["紧扣全市经济", "落实网络舆情"]


def test_a_last_sentence_naming_only_units_and_roles_is_the_annotation_without_brackets():
    plan = parse_text(
        "示范省民政厅2020年政务公开工作要点\n"
        "一、推进履职依据公开\n"
        "1. 系统梳理我厅制发的规范性文件,通过网站集中统一对外公开并动态更新。办公室牵头,各有关处室、民服中心配合 \n"
        "2. 及时更新厅网站发布的权责清单,依法公开工作职能、机构设置等信息。(审批处牵头,人事处配合)\n"
        "3. 督促各处室做好信息发布工作。各处室要明确专人负责\n"
    )
    first, second, third = plan.items
    assert first.text.endswith("动态更新。")
    assert first.units == ("办公室", "各有关处室", "民服中心") and first.lead_units == ("办公室",)
    assert second.units == ("审批处", "人事处")
    # a sentence of work that ends on a role word is not an annotation
    assert third.text.endswith("明确专人负责") and not third.units


def test_a_plan_title_of_key_points_and_their_division_is_the_title_not_a_menu_entry():
    plan = parse_text(
        "• 设为首页|\n  • 无障碍浏览|\n"
        "2021年度示范市民政局政务公开工作要点及分工\n"
        "一、要点\n"
        "(一)加大政策解读。围绕保障和改善民生重大部署开展深入解读,把握好政策解读的方向和力度。\n"
    )
    assert plan.title == "2021年度示范市民政局政务公开工作要点及分工"
    assert plan.year == 2021 and plan.kind is PlanKind.PROSE


def test_paragraphs_each_opening_with_a_heading_sentence_under_a_lone_heading_are_items_each():
    plan = parse_text(
        "2021年度示范市民政局政务公开工作要点\n"
        "一、要点\n"
        "(一)加大民政领域政策解读\n\n"
        "扩大解读范围。重点围绕保障和改善民生重大部署和重要政策的执行情况开展深入解读。\n\n"
        "落实解读责任。局主要负责人履行“第一解读人”的职责,通过参加新闻发布会等方式解读。\n\n"
        "加大解读力度。对于我局制发的规范性文件,按照“谁起草、谁解读”的原则同步解读。\n\n"
        "(二)持续推进政务公开标准化规范化\n\n"
        "根据市政务公开办要求部署,继续做好社会救助、养老领域政务公开标准化规范化工作。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["扩大解读范围", "落实解读责任", "加大解读力度", "根据市政务公"]
    assert all(item.section == ("一、要点", "(一)加大民政领域政策解读") for item in plan.items[:3])
    # the lone heading "(二)持续推进…" is the item's section, not its standing deadline
    assert plan.items[3].deadline.recurrence is None


def test_a_heading_sentence_opening_its_own_paragraph_still_gives_its_standing_deadline():
    plan = parse_text(
        "示范市2021年政务公开工作要点\n"
        "一、深化政策公开\n"
        "(一)持续推进重大部署的宣传阐释。组织各部门围绕重大部署做好政策发布和解读工作。(市政府办负责)\n"
    )
    assert plan.items[0].deadline.recurrence is Recurrence.ONGOING


def test_a_lower_level_following_the_same_duty_is_a_unit_of_the_cell():
    assert split_units("市财政局牵头,市直各部门落实;各镇(街)参照落实") == [
        "市财政局",
        "市直各部门",
        "各镇(街)",
    ]
    plan = parse_text(
        "工作任务 | 具体要求 | 责任单位 |\n"
        "一、做好规划公开。 | 1.主动公开规划纲要、各项规划、政策解读等相关信息。 | 市直有关部门;各镇(街) |\n"
        "2.做好各项规划的归集整理和主动公开工作。 | 市政府办公室牵头,市直有关部门配合;各镇(街)参照落实 |\n"
    )
    assert [item.text[:6] for item in plan.items] == ["主动公开规划", "做好各项规划"]
    assert plan.items[1].lead_units == ("市政府办公室",)


def test_a_row_without_a_unit_cell_shares_the_merged_cell_of_the_row_above():
    # a flattened table prints a merged cell in its first row, never in the middle of its span
    plan = parse_text(
        "工作任务 | 具体要求 | 责任单位 |\n"
        "一、做好财政信息公开。 | 1.积极推进部门预算、决算及相关报表公开。 | 市财政局牵头,市直各部门落实 |\n"
        "2.持续深化地方政府债务信息公开,定期公开债务限额、余额等信息。 |\n"
        "3.加大惠民惠农资金发放信息公开力度,及时公布财政资金分配信息。 | 市财政局牵头,市民政局等有关部门落实 |\n"
        "4.推动补贴信息公开向村和社区延伸,并与村(居)务公开有效衔接。 |\n"
    )
    units = [item.units for item in plan.items]
    assert units[0] == units[1] == ("市财政局", "市直各部门")
    assert units[2] == units[3] == ("市财政局", "市民政局")


def test_an_action_plan_is_a_plan_and_its_numbered_tasks_items():
    plan = parse_text(
        "示范县打造政务服务品牌\n争创政务服务示范县行动方案\n"
        "为深入贯彻落实深化“放管服”改革的部署要求,结合我县实际,制定本方案。\n"
        "一、指导思想\n以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大精神。\n"
        "二、重点任务\n(一)建立健全政务服务工作机制\n"
        "1.打造一流的政务服务平台。对照政务服务大厅建设运行规范要求,加快便民服务中心规范化建设。\n"
    )
    assert plan.title == "争创政务服务示范县行动方案" and plan.kind is PlanKind.PROSE
    assert [item.text[:6] for item in plan.items] == ["对照政务服务"]


def test_a_unit_cell_cut_inside_its_group_bracket_and_injected_reading_keeps_the_group():
    plan = parse_text(
        "序號 |\n工作任務 |\n責任單位 |\n時限要求 |\n"
        "1 |\n編制完善基層政務公開事項目錄並按目錄公開各類信息。 |\n各縣市區(qū)政府 |\n2020年底 |\n"
        "2 |\n推進基層政務公開事項標準目錄嵌入部門業(yè)務系統(tǒng),促進公開工作與其他業務工作融合發展。 |\n"
        "各縣(市、區(q"
    )
    assert [item.units for item in plan.items] == [("各县市区政府",), ("各县(市、区",)]


def test_a_heading_whose_marker_a_wrong_encoding_garbled_heads_the_paragraph_below_it():
    plan = parse_text(
        "示范市推进公共资源配置领域政府信息公开实施方案\n"
        "一、总体目标\n全面贯彻党的十九大精神,推进公共资源配置领域政府信息公开。\n"
        "二、重点任务\n\n"
        " ?。ㄒ唬┐_定公開范圍。\n\n"
        "  各地、各部門要根據區域、行業特點,進一步細化明確本地、本部門公共資源配置信息公開的範圍。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["各地、各部门"]
    assert plan.items[0].section[0] == "二、重点任务"


def test_a_catalogue_row_cut_after_its_time_limit_inherits_no_unit_from_the_row_above():
    plan = parse_text(
        "    序号\n\n    一级事项\n\n    公开内容\n\n    公开时限\n\n    公开主体\n\n"
        "    1\n\n    财务信息\n\n    财务管理及监督办法、年度经费预决算信息、收费项目及收费标准\n\n"
        "    信息形成或者变更之日起20个工作日内\n\n    区级教育部门\n\n"
        "    2\n\n    招生管理\n\n    办学性质、办学地点、办学规模、办学基本条件、联系方式等\n\n"
        "    信息形成或者变更之日起20个工作日内\n"
    )
    assert [item.units for item in plan.items] == [("区级教育部门",), ()]


def test_an_annotation_glued_to_the_text_starts_at_a_unit_the_notice_names_elsewhere():
    plan = parse_text(
        "示范省民政厅2020年政务公开工作要点\n"
        "一、推进履职依据公开\n"
        "1. 及时完善更新厅网站发布的权责清单,依法公开工作职能等信息。(审批处、人事处分别牵头,民服中心配合)\n"
        "2. 全面优化政务服务办事流程,及时更新并公开办事方式、办事条件等信息审批处牵头,各有关处室、民服中心配合\n"
        "3. 做好政务服务事项的咨询答复和群众评价工作,评价结果按季度报送人事处\n"
    )
    second, third = plan.items[1:]
    assert second.text.endswith("办事条件等信息")
    assert second.units == ("审批处", "各有关处室", "民服中心") and second.lead_units == ("审批处",)
    # a unit the sentence names at its end, with no role word after it, is no annotation
    assert third.text.endswith("报送人事处") and not third.units
