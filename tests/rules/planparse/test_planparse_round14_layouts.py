"""Layouts of the fourteenth round of real notices (tests/fixtures/notices/real/401-430), each as a
small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

import datetime

from gongkai.rules.planparse import PlanKind, parse_text


def test_a_list_of_the_years_projects_is_a_plan_though_it_names_no_units():
    plan = parse_text(
        "2025年示范州要办这19件民生实事\n"
        "1.稳就业惠民生项目。全年组织开展补贴性职业技能培训3000人次。\n"
        "2.城镇老旧小区改造项目。改造城镇老旧小区20个。\n"
        "3.农村供水保障项目。新建改造农村供水工程15处。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.section[-1] for item in plan.items] == ["1.稳就业惠民生项目", "2.城镇老旧小区改造项目", "3.农村供水保障项目"]
    assert [item.text[:6] for item in plan.items] == ["全年组织开展", "改造城镇老旧", "新建改造农村"]
    assert all(not item.units for item in plan.items)


def test_a_news_items_list_after_a_colon_and_a_page_frames_closing_pipe():
    body = (
        "5月10日上午,示范县人民代表大会开幕。《报告》指出,县政府将重点抓好15件大事和民生实事。分别是: "
        "(1)加快建设总投资7.58亿元的县医院迁建项目。 (2)开工新建西环路,改造提升新城路。 "
        "(3)完成新安大道一期工程。 (4)加快建成脊兽产业园。 (5)完成柳湖片区黑臭水体治理。"
    )
    plan = parse_text("|\n" + body + " " + "为全县60岁以上老年人免费体检。" * 20 + " |\n")
    assert [item.text[:6] for item in plan.items][:3] == ["加快建设总投", "开工新建西环", "完成新安大道"]
    run_on = parse_text("大西北网讯 会上确定2016年县委县政府为民兴办10件实事。这十件实事是:1.新修高标准基本农田10万亩。"
                        "2.引入社会资金2亿元,建成1所九年制学校。3.改造农村危旧房1320户。\n")
    assert [item.text for item in run_on.items] == [
        "新修高标准基本农田10万亩。",
        "引入社会资金2亿元，建成1所九年制学校。",
        "改造农村危旧房1320户。",
    ]


def test_an_outermost_numbered_sentence_is_a_task_not_a_heading():
    plan = parse_text(
        "近日,省委、省政府研究决定,今年将继续为民办25项实事。\n"
        "一、实施易地扶贫搬迁工程,全省全年完成10万人搬迁任务。\n"
        "二、治理“餐桌污染”,建设“食品放心工程”。\n"
        "(一)强化食品生产加工环节监管,确保加工食品抽检总体合格率达97.5%以上。\n"
        "(二)严打危害食品安全违法犯罪活动,全省破获不少于400起食品犯罪案件。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["实施易地扶贫", "强化食品生产", "严打危害食品"]


def test_a_bracket_that_only_says_when_closes_a_task_of_a_plan_a_news_item_names():
    plan = parse_text(
        "日前,《示范市人民政府关于落实国务院<政府工作报告>重点工作的任务分工》公开征求意见。"
        "结合2021年市政府重点工作,各单位认领任务。\n\n"
        "01 教育\n\n"
        "坚持城乡一体化的中小学编制标准,提升巩固学前教育普及普惠水平。(年内持续推进)\n\n"
        "保障符合条件的随迁子女统筹安排在公办学校就读。(年内持续推进)\n"
    )
    assert plan.year == 2021
    assert [item.text[:6] for item in plan.items] == ["坚持城乡一体", "保障符合条件"]
    assert [item.section for item in plan.items] == [("01教育",)] * 2
    assert plan.items[0].deadline.date == datetime.date(2021, 12, 31)
    assert plan.items[0].deadline.recurrence == "ongoing"


def test_a_rectification_groups_unit_and_time_limit_line():
    plan = parse_text(
        "示范市创文办关于实地测评问题的通报\n"
        "1. 市科技馆\n"
        "(1)院内电动车未按指定区域停放;\n"
        "(2)灭火器过期未更换。\n"
        "问题整改责任单位:市科技馆 整改时限:3天\n"
        "2. 市第二人民医院\n"
        "(1)院内禁烟标识数量不达标;\n"
        "(2)宣传牌内容不规范。\n"
        "问题整改责任单位:市卫生健康委员会 整改时限:5天\n"
    )
    assert [item.units for item in plan.items] == [("市科技馆",)] * 2 + [("市卫生健康委员会",)] * 2


def test_a_person_label_ends_the_units_before_it_and_a_cut_name_is_no_unit():
    plan = parse_text(
        "示范州环保督察反馈问题整改清单\n"
        "(一)部分领导干部对环境保护认识不足。\n"
        "责任单位:州委办公室、州政府办公室责任人:州委办公室主要负责人整改时限:立行立改,长期坚持整改措施:"
        "1.把绿色发展纳入党委中心组学习内容。全州各级党委将环境保护列入中心组理论学习重要内容。\n"
    )
    assert plan.items[0].units == ("州委办公室", "州政府办公室")
    cut = parse_text(
        "示范市2018年重点工作分工\n"
        "1.规范政府举债行为,严格控制增量,积极消化存量。(责任单位:市财政局)\n"
        "2.加强养老保险金收支管理。(牵头单位:市人力资源社会保"
    )
    assert [item.units for item in cut.items] == [("市财政局",), ()]


def test_the_page_cut_at_the_start_of_a_rows_unit_cell_leaves_the_row_without_units():
    plan = parse_text(
        "示范区2024年重点工作任务清单\n\n序号\n\n重点任务\n\n牵头单位\n\n配合单位\n\n责任领导\n\n"
        "1\n\n聚焦装备制造及配套产业,扶持一批重点增资项目扩产。\n\n区工业和信息化局\n\n各镇政府\n\n张某某\n\n"
        "2\n\n聚焦保税加工和现代物流产业,大力发展“保税+”新业态。\n\n沈"
    )
    assert [item.units for item in plan.items] == [("区工业和信息化局", "各镇政府"), ()]


def test_a_pdfs_stray_spaces_inside_a_unit_list_are_no_end_of_it():
    plan = parse_text(
        "示范市2021年重点工作任务分解\n"
        "1.加强城市和建筑风貌管理,推广海绵城市建设。\n"
        "    责任单位: 市 住建局 、资源规划 局、 大数据局\n"
        "2.深入构建现代农业经营体系,规范提升农民合作社。\n"
        "    责任单位: 市农业农村局、各乡镇政府 、伏羲 山管委 会\n"
    )
    assert plan.items[0].units == ("市住建局", "资源规划局", "大数据局")
    assert plan.items[1].units == ("市农业农村局", "各乡镇政府", "伏羲山管委会")


def test_the_first_of_several_years_in_a_task_is_its_deadline():
    plan = parse_text(
        "示范省2025年高效办成一件事工作要点\n"
        "(一)实行重点事项清单管理。共落地实施不少于100项事项,其中2026年底,完成80项重点事项落地实施;"
        "2027年底,实现100项重点事项全省落地。(省数据局牵头)\n"
    )
    assert plan.items[0].deadline.date == datetime.date(2026, 12, 31)


def test_bulleted_points_belong_to_the_task_above_and_its_year_of_completion_dates_it():
    plan = parse_text(
        "北测教的最新消息:今天,示范区人民政府网站发布了《示范区人民政府办公厅关于印发示范都市圈建设2019年工作计划的通知》。\n"
        "一、基础设施互联互通\n"
        "(一)道路畅通工程。加快建设都市圈快速通道,推进构建一体高效的道路交通运输体系。\n"
        "全面规划都市圈快速通道路网,\n"
        "?2019年建成典农河至沙湖旅游公路等项目;\n"
        "?加快建设东线公路等项目。\n"
        "进一步规范道路限高、限宽等交通设施,保障道路安全畅通。(自治区交通运输厅牵头,银川市配合)\n"
    )
    assert plan.year == 2019 and plan.title != "全面规划都市圈快速通道路网，"
    (item,) = plan.items
    assert item.text.startswith("加快建设都市圈快速通道") and "东线公路" in item.text
    assert item.units == ("自治区交通运输厅", "银川市")
    assert item.deadline.date == datetime.date(2019, 12, 31)


def test_a_report_naming_each_project_after_the_unit_doing_it():
    plan = parse_text(
        "示范县2024年为民办实事项目全部完成\n"
        "民生保障类3项实事中,由示范县教育体育局负责的中考信息化提升项目投资475.7万元,已建设实验室4间;"
        "由示范县民政局负责的社区康复服务项目投资50万元,累计提供康复服务760余人次;"
        "由金贵镇、立岗镇负责的农村耕地恢复提升项目总投资1440万元,规划平整土地3546亩;"
        "由洪广镇负责的农村垃圾处理中心\n"
    )
    assert [item.text[:6] for item in plan.items] == ["中考信息化提", "社区康复服务", "农村耕地恢复"]
    assert [item.units for item in plan.items] == [("示范县教育体育局",), ("示范县民政局",), ("金贵镇", "立岗镇")]
    assert plan.items[0].section == ("民生保障类3项实事中",)


def test_a_numbered_place_over_its_problems_run_on_in_one_line():
    plan = parse_text(
        "示范市创文办关于实地督查问题的通报\n"
        "1. 市科技馆(1)院内电动车未按指定区域停放;(2)灭火器过期未更换;(3)意见簿记录不规范。\n"
        "问题整改责任单位:市科技馆 整改时限:3天\n"
    )
    assert [item.text for item in plan.items] == ["院内电动车未按指定区域停放；", "灭火器过期未更换；", "意见簿记录不规范。"]
    assert [item.section for item in plan.items] == [("1.市科技馆",)] * 3
    assert [item.units for item in plan.items] == [("市科技馆",)] * 3
