"""Layouts of the seventeenth round of real notices (tests/fixtures/notices/real/491-529), each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import Column, header_columns


def test_targets_each_closed_by_the_bare_names_of_their_units_on_a_page_without_breaks():
    plan = parse_text(
        "示范市人民政府办公室关于分解落实《政府工作报告》的通知\n"
        "各县、市、区人民政府,市政府各部门: 现将《政府工作报告》确定的2009年全市主要目标和工作任务分解给你们,"
        "请认真抓好落实。 一、主要工作目标 1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,示范开发区)。"
        " 2、固定资产投资增长25%(市发改委,各县市区政府,示范开发区)。 3、财政一般预算收入增长13%(市财政局,市国税局)。"
    )
    assert [item.text for item in plan.items] == ["地区生产总值增长11%", "固定资产投资增长25%", "财政一般预算收入增长13%"]
    assert plan.items[0].units == ("市发改委", "市政府相关部门", "各县市区政府", "示范开发区")
    assert plan.items[2].units == ("市财政局", "市国税局")


def test_a_bracket_listing_the_units_a_sentence_counts_closes_no_requirement():
    plan = parse_text(
        "示范区2024年民生实事项目进展情况\n"
        "2024年,区政府民生实事项目共3个,共2个牵头单位(区住建局、区城管局)。现将进展情况通报如下:\n"
        "1.老旧小区改造项目。(区住建局负责)\n"
        "2.井盖整治项目。(区城管局负责)\n"
    )
    assert [item.text for item in plan.items] == ["老旧小区改造项目。", "井盖整治项目。"]


def test_a_page_that_opens_inside_the_list_takes_no_title_from_a_line_below_it():
    plan = parse_text(
        "20、深化乡镇机构改革,扩大乡镇“三农”服务中心试点。(牵头领导:吴某;牵头单位:市农办;主办单位:市编办)\n"
        "乡镇机构改革试点方案已草拟,待省审批后开展试点工作。\n"
        "21、完善乡村文化设施,发展农村特色文化。(牵头领导:朱某;牵头单位:市文化局;主办单位:市广电局)\n"
        "制定《关于扩大新型农村合作医疗试点工作的实施意见》和《农村困难家庭医疗救助试行办法》,扩大试点\n"
    )
    assert [item.units for item in plan.items] == [("市农办", "市编办"), ("市文化局", "市广电局")]
    assert plan.title is None


def test_a_progress_table_of_the_years_targets_with_monthly_progress_and_a_hotline():
    header = ["类别", "民生事项名称", "2022年度任务目标", "责任单位", "分管市领导", "1-9月份工作完成情况", "监督电话"]
    assert header_columns(header) == [
        Column.GROUP, Column.GROUP, Column.REQUIREMENT, Column.UNITS, Column.NOTE, Column.NOTE, Column.NOTE,
    ]
    plan = parse_text(
        "类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 | 1-9月份工作取得成效 | 监督电话 |\n"
        "四、教育文化 | 14.改扩建示范学校 | 完成示范学校一期2座教学楼建设。 | 教育体育局 | 张某 | 完成主体建筑结构。 | 已完工 | 1234567 |\n"
        "15.推进学校塑胶运动场地建设 | 完成13处农村学校塑胶运动场地建设。 | 教育体育局 | 张某 | 完成基础施工30%。 | 进展顺利 | 1234567 |\n"
    )
    assert [item.text for item in plan.items] == ["完成示范学校一期2座教学楼建设。", "完成13处农村学校塑胶运动场地建设。"]
    assert [item.units for item in plan.items] == [("教育体育局",), ("教育体育局",)]


def test_a_table_drawn_with_box_drawing_characters_is_a_pipe_table():
    plan = parse_text(
        "示范县2023年民生实事任务分工表\n"
        "┌────┬──────────────┬──────────┬────────┐\n"
        "│序号│工作任务          │责任单位    │完成时限  │\n"
        "├────┼──────────────┼──────────┼────────┤\n"
        "│1   │新建城乡公交站亭20个。│县交通运输局│2023年9月底│\n"
        "├────┼──────────────┼──────────┼────────┤\n"
        "│2   │改造农村危房100户。 │县住建局    │2023年12月底│\n"
        "└────┴──────────────┴──────────┴────────┘\n"
    )
    assert [item.text for item in plan.items] == ["新建城乡公交站亭20个。", "改造农村危房100户。"]
    assert [item.units for item in plan.items] == [("县交通运输局",), ("县住建局",)]
    assert [str(item.deadline.date) for item in plan.items] == ["2023-09-30", "2023-12-31"]


def test_an_asterisk_after_a_unit_marks_the_lead_as_the_header_says():
    plan = parse_text(
        "类别 | 序号 | 任务名称 | 任务要求及举措 | 责任部门(加*号为牵头部门,其余为参与部门) | 完成时间节点 |\n"
        "(一)示范村建设 | 1 | 乡村振兴示范村建设 | 完成1个乡村振兴示范村建设。 | 区农业农村委* | 2023年10月底 |\n"
        " | 2 | 加强农房建设管理 | 落实新改扩建农房建设监管。 | 区建管委*、区农业农村委、区规划资源局 | 2023年12月底 |\n"
    )
    assert [item.units for item in plan.items] == [("区农业农村委",), ("区建管委", "区农业农村委", "区规划资源局")]
    assert [item.lead_units for item in plan.items] == [("区农业农村委",), ("区建管委",)]


def test_targets_by_name_with_their_requirement_and_assessment_type():
    header = ["序号", "任务名称", "指标要求", "牵头部门", "配合部门", "目标类型"]
    assert header_columns(header) == [
        Column.NUMBER, Column.GROUP, Column.REQUIREMENT, Column.UNITS_LEAD, Column.UNITS_ASSIST, Column.NOTE,
    ]


def test_a_progress_ledger_one_cell_a_line_with_the_lead_unit_before_the_task():
    plan = parse_text(
        "示范市水利局2025年一季度政府工作报告落实情况统计表\n\n序号\n\n牵头单位\n\n工作任务\n\n"
        "目前完成情况、存在问题及下一步工作措施\n\n完成进度(%)\n\n备注\n\n"
        "1\n\n市水利局\n\n做好农村自来水管网改造,进一步补齐农村基础设施短板。\n\n"
        "总投资2.6亿元,持续推进农村供水提档升级工程建设,32个村的管网延伸工程已完工。\n\n90%\n\n"
        "2\n\n市水利局\n\n深入推进河长制,落实长江十年禁渔。\n\n2025年以来,及时完成22条河流的河湖长更新调整。\n\n80%\n"
    )
    assert [item.text for item in plan.items] == [
        "做好农村自来水管网改造，进一步补齐农村基础设施短板。",
        "深入推进河长制，落实长江十年禁渔。",
    ]
    assert [item.units for item in plan.items] == [("市水利局",), ("市水利局",)]


def test_items_left_out_of_a_line_that_holds_an_imported_one_are_still_reported():
    plan = parse_text(
        "示范市2009年目标任务分解\n"
        "各部门: 现将目标分解给你们,请认真抓好落实。 一、主要工作目标 1、地区生产总值增长11%(示范开发区)。"
        " 2、固定资产投资增长25%(示范开发区)。 3、财政一般预算收入增长13%(市财政局,市国税局)。"
    )
    assert [item.text for item in plan.items] == ["财政一般预算收入增长13%"]
    assert "第2行有3段文字未导入为任务：“1、地区生产总值增长11%(示范开发区)。”等" in plan.warnings


def test_a_list_of_tasks_duties_and_times():
    assert header_columns(["任务清单", "责任清单", "时限清单"]) == [Column.REQUIREMENT, Column.UNITS, Column.DEADLINE]
