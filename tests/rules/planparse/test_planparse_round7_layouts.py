"""Layouts of the seventh round of real notices (tests/fixtures/notices/real/229-251: 工作要点 and
任务分工 notices of any field), each as a small synthetic page written the way those pages are, and
each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import PlanKind, Recurrence, parse_text
from gongkai.rules.planparse.cells import Column, header_column


def test_a_task_and_requirement_header_and_a_year_before_a_target_name_the_task_column():
    assert header_column("具体工作任务和要求") is Column.REQUIREMENT
    assert header_column("2022年预期目标") is Column.REQUIREMENT
    plan = parse_text(
        "一、民生实事任务分解表\n"
        "序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |\n"
        "1 | 完成城北学校主体建设,增加义务教育学位5000个。 | 王明 | 县教体局 | 已完成主体工程。 |\n"
        "2 | 完成县妇幼保健院主体工程建设。 | 李强 | 县卫健委 | 正在装修。 |\n"
    )
    assert plan.kind is PlanKind.TABLE
    assert [item.text[:6] for item in plan.items] == ["完成城北学校", "完成县妇幼保"]
    assert [item.units for item in plan.items] == [("县教体局",), ("县卫健委",)]
    assert plan.items[0].notes == ("责任领导：王明", "落实情况：已完成主体工程。")


def test_an_attachment_label_alone_on_its_line_ends_the_table_above_it():
    plan = parse_text(
        "示范区2022年政府工作报告目标任务分解\n\n附件1\n\n预期目标任务分解表\n\n"
        "序号\n\n2022年预期目标\n\n责任单位\n\n"
        "1\n\n地区生产总值增长5.5%左右\n\n区发展改革委\n\n"
        "2\n\n工业增加值增长7%左右\n\n区经济信息委\n\n"
        "附件2\n\n重点工作任务分解表\n\n"
        "序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n"
        "1\n\n推动国家重点实验室落地,引进独立法人研发机构8家。\n\n区科技局\n\n区财政局\n"
    )
    assert [item.text[:6] for item in plan.items] == ["地区生产总值", "工业增加值增", "推动国家重点"]
    assert [item.units for item in plan.items] == [
        ("区发展改革委",),
        ("区经济信息委",),
        ("区科技局", "区财政局"),
    ]


def test_a_line_naming_the_leader_in_charge_is_a_note_of_the_item_above_not_its_text():
    plan = parse_text(
        "示范省2023年政府工作报告任务分工方案\n"
        "一、主要预期目标\n"
        "1.地区生产总值增长5%以上。\n"
        "牵头领导:省政府分管领导同志\n"
        "牵头单位:省发展改革委\n"
        "责任单位:省商务厅,各市人民政府\n"
        "2.一般公共预算收入增长5%左右。\n"
        "责任领导:张明\n"
        "牵头单位:省财政厅\n"
    )
    first, second = plan.items
    assert first.text == "地区生产总值增长5%以上。"
    assert first.notes == ("牵头领导：省政府分管领导同志",)
    assert first.units == ("省发展改革委", "省商务厅", "各市人民政府")
    assert first.lead_units == ("省发展改革委",)
    assert second.text.startswith("一般公共预算") and second.units == ("省财政厅",)


def test_a_star_before_a_unit_marks_the_lead_and_the_others_are_responsible():
    from gongkai.rules.units import UnitRole, split_roles

    phrases = split_roles("★区发改委、统计局")
    assert [(phrase.text, phrase.role) for phrase in phrases] == [
        ("区发改委", UnitRole.LEAD),
        ("统计局", UnitRole.RESPONSIBLE),
    ]
    middle = split_roles("区财政局、★区商务局、吴江海关")
    assert [phrase.text for phrase in middle if phrase.role is UnitRole.LEAD] == ["区商务局"]


def test_a_leader_name_in_a_table_flattened_one_cell_per_line_is_a_note_not_a_task():
    plan = parse_text(
        "区政府2024年重点工作目标任务分解落实方案\n"
        "序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n"
        "1\n|\n主要预期目标\n|\n1.地区生产总值增长5%以上。\n|\n钱 宇\n|\n★区发改委、统计局\n|\n"
        "2.一般公共预算收入增长6%以上。\n|\n★区财政局、税务局\n|\n|||\n"
        "3.全社会固定资产投资增长5%左右。\n|\n方 勇\n|\n★区发改委、统计局\n|\n"
    )
    assert [item.text[:6] for item in plan.items] == ["地区生产总值", "一般公共预算", "全社会固定资"]
    first, second, third = plan.items
    assert first.section == ("主要预期目标",) and first.notes == ("牵头领导：钱宇",)
    assert first.units == ("区发改委", "统计局") and first.lead_units == ("区发改委",)
    assert second.units == ("区财政局", "税务局") and second.lead_units == ("区财政局",)
    assert third.notes == ("牵头领导：方勇",)


def test_lead_and_assisting_responsible_units_and_a_task_source_column_are_named():
    assert header_column("牵头责任单位") is Column.UNITS_LEAD
    assert header_column("协同责任单位") is Column.UNITS_ASSIST
    assert header_column("任务来源") is Column.NOTE
    plan = parse_text(
        "2022年重点工作及责任清单\n\n序号\n\n重点工作\n\n牵头责任单位\n\n协同责任单位\n\n任务来源\n\n"
        "一、市长负责事项(共9项)\n\n1\n\n全面延伸“双招双引”,继续坚持“顶格倾听、顶格协调”。\n\n"
        "市政府办\n\n市政府各部门、各直属机构\n\n皖政〔2022〕9号文件\n\n"
        "2\n\n加快建设现代产业体系,培育壮大新兴产业集群。\n\n市发展改革委\n\n市经济和信息化局\n\n"
        "市政府工作报告\n"
    )
    first, second = plan.items
    assert first.units == ("市政府办", "市政府各部门", "各直属机构")
    assert first.lead_units == ("市政府办",) and first.notes == ("任务来源：皖政〔2022〕9号文件",)
    assert second.units == ("市发展改革委", "市经济和信息化局")


def test_units_an_annotation_gives_every_item_below_it_join_those_items():
    plan = parse_text(
        "示范市数字政府建设2023年工作要点\n"
        "一、提升政务服务效能\n"
        "1.深化政务服务“网上办”。全面深化提升工程,持续推进政务服务标准化、规范化。"
        "(牵头单位:市行政审批服务局;责任单位:市直有关部门,各区市政府。以下任务均需各区市政府、开发区管委落实,不再一一列出)\n"
        "2.优化“掌上办”功能。持续推进移动端政务服务渠道整合迁移,拓宽移动端服务范围。(牵头单位:市大数据局)\n"
        "3.推进“一件事”改革。围绕企业和群众全生命周期,推出一批集成服务事项,提升办事体验。\n"
    )
    first, second, third = plan.items
    # 以下: the items below; the first has its own list
    assert first.units == ("市行政审批服务局", "市直有关部门", "各区市政府")
    assert second.units == ("市大数据局", "各区市政府", "开发区管委")
    assert second.lead_units == ("市大数据局",)
    assert third.units == third.lead_units == ("各区市政府", "开发区管委")


def test_units_an_annotation_names_for_its_own_item_and_those_below_with_xia_tong():
    plan = parse_text(
        "示范省现代流通体系建设实施方案\n"
        "一、深化现代流通市场化改革\n"
        "(一)加强市场体系建设。推进高标准市场体系建设,全面融入全国统一大市场。"
        "〔责任单位:省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n"
        "(二)优化市场准入环境。实施“证照分离”改革全覆盖,持续推进“一网通办”。〔责任单位:省市场监管局〕\n"
    )
    first, second = plan.items
    assert first.units == ("省发展改革委", "省市场监管局", "相关市(州)人民政府")
    assert second.units == second.lead_units == ("省市场监管局", "相关市(州)人民政府")


def test_a_remark_in_brackets_among_the_units_is_no_part_of_a_unit():
    from gongkai.rules.planparse.annotations import parse_annotation

    found = parse_annotation(
        "〔责任单位:市市场监督管理局(以下如无特别说明,排名第一的为牵头单位)、市公安局、"
        "市政务服务中心(市大数据中心);完成时限:2019年〕"
    )
    assert found is not None
    assert found.units == ("市市场监督管理局", "市公安局", "市政务服务中心(市大数据中心)")
    assert found.deadline_raw == "2019年"


def test_a_deadline_closing_a_labelled_unit_list_is_the_deadline_not_a_unit():
    plan = parse_text(
        "示范州2020年优化营商环境工作计划\n"
        "一、进一步提升政务服务效能\n"
        "1.加大简政放权力度。坚持依法放权、宜放则放的原则,承接好省下放行政许可事项。"
        "(牵头单位:州行政审批服务局;责任单位:州司法局、州委编办,各县市人民政府,6月底完成)\n"
    )
    item = plan.items[0]
    assert item.units == ("州行政审批服务局", "州司法局", "州委编办", "各县市人民政府")
    assert item.lead_units == ("州行政审批服务局",)
    assert item.deadline.date is not None and item.deadline.date.isoformat() == "2020-06-30"


def test_a_page_hard_wrapped_at_one_width_joins_its_full_lines_and_drops_page_numbers():
    plan = parse_text(
        "示范区贯彻落实街道工作意见的任务分解方案\n"
        "一、提高城市基层党建工作水平,加强党对基层治理的全面\n"
        "领导\n"
        "1.完善街道党工委对地区治理重大工作的领导体制机制,优\n"
        "化决策程序,涉及基层治理的重大事项、重点工作、重要问题由\n"
        "街道党工委讨论决定,全面提升街道抓党建、抓治理、抓服务的\n"
        "领导能力。加强街道社区党组织对地区各类组织和各项工作的领\n"
        "导,街道党工委可吸纳优秀社区党组织书记担任兼职党工委委员,\n"
        "确保基层工作体现党的意志,确保党的路线方针政策在基层落实。\n"
        "牵头单位:区委组织部\n"
        "协办单位:区委编办、区民政局(区委社会工委)、园区党工\n"
        "委、各街道党工委\n"
        "— — — 3 —\n"
        "2.以区域化党建为重点,构建市、区、街道、社区党组织四\n"
        "级上下贯通,社区党建、单位党建、行业党建多方联动的体系。\n"
        "牵头单位:区委组织部\n"
    )
    first, second = plan.items
    assert first.section == ("一、提高城市基层党建工作水平，加强党对基层治理的全面领导",)
    assert first.text.startswith("完善街道党工委") and "讨论决定" in first.text
    assert first.units == ("区委组织部", "区委编办", "区民政局(区委社会工委)", "园区党工委", "各街道党工委")
    assert second.text.startswith("以区域化党建为重点") and second.text.endswith("体系。")
    assert not any("3" in warning for warning in plan.warnings if "未导入" in warning)


def test_a_part_heading_naming_its_lead_unit_gives_the_unit_to_the_prose_items_under_it():
    plan = parse_text(
        "2025年县政府工作报告任务清单\n"
        "一、县示范区管委会牵头工作(8项)\n"
        "1.投资3000万元建设南美白对虾工厂化循环水养殖基地。\n"
        "2.打造食用菌酵素生产基地。\n"
        "二、县发改局负责事项(共2项)\n"
        "1.推进重点项目前期工作,完善项目储备库。\n"
        "三、县长负责事项(共1项)\n"
        "1.统筹推进全县重点工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("县示范区管委会",), ("县示范区管委会",), ("县发改局",), ()
    ]  # fmt: skip


def test_key_points_of_any_field_opening_with_their_year_and_main_line_are_a_plan():
    plan = parse_text(
        "2023年,区行政审批局将以学习贯彻落实党的二十大精神为主线,在深化“放管服”改革上持续用力。\n"
        "1.聚焦一流标杆,推动营商环境建设再优化。一是编制三年行动计划。围绕打造最优营商环境目标,全面梳理改革任务。\n"
        "2.聚焦高效规范,推动项目建设投资再加速。一是持续开展星期六审批服务直通车,进一步加大服务力度。\n"
    )
    assert plan.kind is PlanKind.PROSE and plan.year == 2023  # the year its opening names
    assert [item.text[:6] for item in plan.items] == ["一是编制三年", "一是持续开展"]
    # a covering notice's own year sentence is no such opening
    cover = parse_text(
        "2022年是党的二十大召开之年,做好各项工作意义重大。\n"
        "1.提高政治站位,细化工作举措。\n"
        "2.压实工作责任,确保全面完成各项目标任务。\n"
    )
    assert cover.kind is PlanKind.NOT_A_PLAN


def test_header_cells_broken_over_lines_are_one_again_and_units_may_come_before_the_task():
    plan = parse_text(
        "镇2024年度重点工作计划二季度执行情况\n\n"
        "序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n攻坚目标\n\n任务\n\n"
        "工作任务安排\n\n第二季度\n\n完成情况\n\n"
        "1\n\n水库工程政策处理\n\n欧乾震\n\n水库工程政策处理工作领导小组\n\n"
        "完成项目政策处理工作,推进大坝、溢洪道建设。\n\n推进坟墓迁移工作。\n\n坟墓迁移进度达60%。\n\n"
        "2\n\n现代化美丽城镇\n\n吴宇凡\n\n乡村振兴办\n\n"
        "成功创建首批浙江省美丽城镇。\n\n按照时间节点开展项目建设。\n\n完成投资3000万元。\n"
    )
    first, second = plan.items
    assert first.text.startswith("完成项目政策处理") and first.section == ("水库工程政策处理",)
    assert first.units == ("水库工程政策处理工作领导小组",)
    assert first.notes == (
        "责任领导：欧乾震", "工作任务安排第二季度：推进坟墓迁移工作。", "完成情况：坟墓迁移进度达60%。"
    )  # fmt: skip
    assert second.text == "成功创建首批浙江省美丽城镇。" and second.section == ("现代化美丽城镇",)
    assert second.units == ("乡村振兴办",)


def test_an_annotation_written_for_a_run_of_items_gives_each_of_them_its_deadline():
    plan = parse_text(
        "示范厅2018年政务公开工作要点任务分解\n"
        "(一)推进“放管服”改革信息公开\n"
        "1. 以清单管理推动简政放权。及时向社会公开各类清单,动态调整权责清单。"
        "(1-3项牵头落实单位:省编办、省财政厅负责落实。完成时限:全年工作)\n"
        "责任处室:人事处牵头,有关处室配合落实\n"
        "2. 及时公开规范性文件的修改、废止、失效情况,并在政府网站上分类公开发布。\n"
        "责任处室:政法处\n"
        "3. 围绕年内实现“双随机、一公开”监管全覆盖目标,统一公布本级随机抽查事项清单。\n"
        "责任处室:政法处\n"
        "4. 做好政务服务事项目录的编制工作,通过本级政府门户网站集中全面公开。\n"
        "责任处室:信息考评处\n"
    )
    assert [item.deadline.recurrence for item in plan.items] == [Recurrence.ONGOING] * 3 + [None]
    assert plan.items[0].units == ("人事处", "有关处室") and plan.items[1].units == ("政法处",)
