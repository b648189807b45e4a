"""Every layout that real notices arrive in, as small synthetic notices (issue 3, item 1).

Seeds cover two table layouts and one prose style; held-out notices from other governments come
in the others, so each gets a notice of its own here. Pure rules: no Django.
"""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import PlanKind, Recurrence, parse_text

CELLS_ENDING_IN_PIPES = """示范市人民政府办公室关于印发示范市2016年政务公开工作要点分工方案的通知
示范市人民政府办公室
2016年6月22日
序号 |
工作任务 |
具体要求 |
牵头落实单位 |
完成时限 |
1 |
推进行政权力清单 公开 |
1.公开权责清单，
实行动态管理。 |
市编办,各县(市、区)政府 |
2016 年 12 月底前完成 |
2.公开行政审批事项调整清单。 |
||||
|
3.公开中介服务事项清单。 |
2016年9月底前完成 |
|||
2 |
推进市场监管公开 |
公开监管执法信息。 |
市市场监管局 |
全年工作 |
"""


def test_it_reads_cells_ending_in_pipes_with_merged_runs():
    plan = parse_text(CELLS_ENDING_IN_PIPES)
    assert plan.kind is PlanKind.TABLE
    assert [item.number for item in plan.items] == ["1.1", "1.2", "1.3", "2"]
    first, second, third, fourth = plan.items
    assert first.text == "公开权责清单，实行动态管理。"  # a cell spanning two lines
    assert first.section == ("推进行政权力清单公开",)
    assert first.units == ("市编办", "各县(市、区)政府")
    assert second.units == first.units and second.units_inherited
    assert (second.deadline.date, second.deadline.inherited) == (date(2016, 12, 31), True)
    assert third.units == first.units and third.deadline.date == date(2016, 9, 30)
    assert not third.deadline.inherited
    assert fourth.deadline.recurrence is Recurrence.ONGOING and fourth.section == ("推进市场监管公开",)


ROWS_WITH_PIPES = """示范市2020年政务公开工作要点分工方案
| 序号 | 工作任务 | 具体要求 | 牵头单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 推进决策公开 | 1.公开重大行政决策事项目录。 | 市司法局 | 2020年6月底前 |
| | | 2.做好决策草案公开征求意见。 | | |
2 | 推进执行公开 | 公开政策执行情况。 | 市政府督查室、市财政局 | 全年工作 |
"""


def test_it_reads_rows_of_pipe_separated_cells():
    plan = parse_text(ROWS_WITH_PIPES)
    assert [item.number for item in plan.items] == ["1.1", "1.2", "2"]
    assert plan.items[1].units == ("市司法局",) and plan.items[1].deadline.inherited
    assert plan.items[2].units == plan.items[2].lead_units == ("市政府督查室", "市财政局")
    assert plan.year == 2020


PIPES_ON_THEIR_OWN_LINES = """示范县2020年政务公开工作要点分工方案
序号
|
工作任务
|
具体要求
|
责任单位
|
完成时限
|
1
|
推进决策公开
|
1.公开重大行政决策事项目录，
及时更新。
|
县司法局牵头，各乡镇负责
|
2020年6月底前
|
2.做好决策草案公开征求意见。
|
||
2
|
推进执行公开
|
公开政策执行情况。
|
县政府督查室
|
每季度
|
"""


def test_it_reads_one_cell_per_line_with_pipes_on_lines_of_their_own():
    plan = parse_text(PIPES_ON_THEIR_OWN_LINES)
    first, second, third = plan.items
    assert first.text == "公开重大行政决策事项目录，及时更新。"
    assert first.lead_units == ("县司法局",) and first.units == ("县司法局", "各乡镇")
    assert second.units == first.units and second.deadline.date == date(2020, 6, 30)
    assert third.deadline.recurrence is Recurrence.QUARTERLY


TAB_INDENTED = (
    "示范区2019年政务公开工作要点分工方案\n\n"
    "\t序号\n\t工作任务\n\t具体要求\n\t牵头单位\n\t配合单位\n\t完成时限\n\n"
    "\t1\n\t推进决策公开\n\t公开重大行政决策事项目录。\n\t区司法局\n\t区政府办公室\n\t2019年6月底前\n\n"
    "\t2\n\t\n\t做好决策草案公开征求意见。\n\t\n\t\n\t\n\n\n"
    "区财政局牵头，\n\n\t各镇（街）负责\n\n"
    "\t4\n\t推进执行公开\n\t公开政策执行情况，\n落实督查要求。\n\t区政府督查室\n\t各镇（街）\n\t每半年\n\n"
    "公开方式：主动公开\n"
)


def test_it_reads_tab_indented_cells_with_empty_merged_cells():
    plan = parse_text(TAB_INDENTED)
    assert [item.number for item in plan.items] == ["1", "2", "4"]
    first, second, fourth = plan.items
    assert first.lead_units == ("区司法局",) and first.units == ("区司法局", "区政府办公室")
    assert second.section == ("推进决策公开",) and second.units_inherited
    assert second.units == first.units and second.deadline.inherited
    assert fourth.text == "公开政策执行情况，落实督查要求。"  # an unindented line continues the cell
    assert fourth.units == ("区政府督查室", "各镇（街）")
    assert fourth.deadline.recurrence is Recurrence.SEMIANNUAL


def test_it_reports_a_stray_unit_cell_and_a_missing_number():
    plan = parse_text(TAB_INDENTED)
    stray = [w for w in plan.warnings if "区财政局牵头，各镇（街）负责" in w]
    assert len(stray) == 1 and "第2条之后" in stray[0]
    assert any("第3条" in w for w in plan.warnings)
    assert "区财政局" not in plan.items[1].units


CELLS_BETWEEN_BLANK_LINES = """示范区2020年政务公开工作要点分工方案

序号

工作任务

具体要求

牵头单位

完成时限

1

推进决策公开

1.公开重大行政决策事项目录。

区司法局

2020年6月底前

2.做好决策草案公开征求意见。

2

推进执行公开

公开政策执行情况。

区政府督查室

每季度
"""


def test_it_reads_cells_separated_by_blank_lines():
    plan = parse_text(CELLS_BETWEEN_BLANK_LINES)
    assert [(i.number, i.units) for i in plan.items] == [
        ("1.1", ("区司法局",)), ("1.2", ("区司法局",)), ("2", ("区政府督查室",))
    ]  # fmt: skip
    assert plan.items[1].deadline.inherited


NO_SEPARATORS = """示范区2020年政务公开工作要点分工方案
序号
工作任务
具体要求
牵头单位
完成时限
1
推进决策公开
1.公开重大行政决策事项目录。
区司法局
2020年6月底前
2.做好决策草案公开征求意见。
3.建立决策后评估制度。
区政府办公室、区司法局
全年工作
2
推进执行公开
公开政策执行情况。
区政府督查室
每季度
"""


def test_it_reads_a_table_without_separators_by_the_wording_of_its_cells():
    plan = parse_text(NO_SEPARATORS)
    assert [item.number for item in plan.items] == ["1.1", "1.2", "1.3", "2"]
    assert plan.items[2].units == ("区政府办公室", "区司法局")
    assert plan.items[2].deadline.recurrence is Recurrence.ONGOING
    assert plan.items[3].section == ("推进执行公开",) and plan.items[3].text == "公开政策执行情况。"


SECTION_ROWS_AND_REPEATED_HEADERS = """示范市2018年政务公开工作要点分工方案
序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限 |
一、深化重点领域信息公开 |
1 | 推进财政信息公开 | 公开部门预决算。 | 市财政局 | 2018年4月底前 |
2 | 推进扶贫信息公开 | 公开扶贫资金使用情况。 | 市扶贫办 | 每季度 |
序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限 |
二、加强解读回应 |
3 | 做好政策解读 | 同步解读政策文件。 | 市直各部门 | 全年工作 |
"""


def test_it_keeps_section_rows_and_ignores_repeated_header_rows():
    plan = parse_text(SECTION_ROWS_AND_REPEATED_HEADERS)
    assert [item.section for item in plan.items] == [
        ("一、深化重点领域信息公开", "推进财政信息公开"),
        ("一、深化重点领域信息公开", "推进扶贫信息公开"),
        ("二、加强解读回应", "做好政策解读"),
    ]
    assert plan.warnings == ()


PROSE = """示范市人民政府办公室关于印发示范市2021年政务公开工作要点的通知
示范府办函[2021]第09号
各区人民政府，市政府直属各单位：
现将《示范市2021年政务公开工作要点》印发给你们，请认真贯彻落实。
示范市人民政府办公室
2021年4月1日
示范市2021年政务公开工作要点
一、加强政策解读（牵头单位：市政府办公室；责任单位：各区政府）
（一）做好解读。各单位要同步解读政策文件，提高解读质量。
(二)回应关切。加强舆情回应，及时发布权威信息，年底前完成舆情回应平台建设。(市委宣传部、市网信办按照职责分工分别负责)
二、推进重点领域公开
1.公开财政预决算。全面公开部门预决算信息。
责任单位：市财政局
完成时限：2021年6月底前
2、公开重大建设项目。按规定公开项目批准和实施信息，每季度更新一次。（市发展改革委牵头,各区政府配合;2021 年 12 月底前完成）
3.公开环境信息。做好空气质量信息发布工作，接受社会监督。
三、其他
"""


def test_it_reads_a_prose_notice_with_every_kind_of_annotation():
    plan = parse_text(PROSE)
    assert plan.kind is PlanKind.PROSE and len(plan.items) == 5
    assert (plan.title, plan.doc_number, plan.issued_on) == (
        "示范市2021年政务公开工作要点", "示范府办函〔2021〕9号", date(2021, 4, 1),
    )  # fmt: skip
    section, own, labelled, inline, bare = plan.items
    assert section.section == ("一、加强政策解读", "（一）做好解读")
    assert section.units == ("市政府办公室", "各区政府") and section.lead_units == ("市政府办公室",)
    assert section.units_inherited  # from its section's annotation
    assert own.units == own.lead_units == ("市委宣传部", "市网信办")
    assert (own.deadline.raw, own.deadline.date) == ("年底前", date(2021, 12, 31))
    assert labelled.units == ("市财政局",) and labelled.deadline.date == date(2021, 6, 30)
    assert labelled.text == "全面公开部门预决算信息。"
    assert inline.lead_units == ("市发展改革委",) and inline.units == ("市发展改革委", "各区政府")
    assert inline.deadline.date == date(2021, 12, 31)
    assert inline.text == "按规定公开项目批准和实施信息，每季度更新一次。"
    assert bare.units == () and bare.section == ("二、推进重点领域公开", "3.公开环境信息")
    assert [w for w in plan.warnings if "第5条" in w]


def test_it_numbers_prose_items_in_document_order():
    assert [item.number for item in parse_text(PROSE).items] == ["1", "2", "3", "4", "5"]


PAGE_IN_TRADITIONAL_CHARACTERS = """您当前所在的位置：首页 > 政务公开 > 规划计划
索 引 号：11440700MB2C99999X/2019-00012   分    类：规划计划
发布机构：示范市人民政府办公室   发文日期：2019-05-08
文    号：示府办〔2019〕12号
【字体：大 中 小】 打印本页 关闭窗口
示范市人民政府辦公室關於印發示範市2019年政務公開工作要點的通知
各區人民政府：
示範市人民政府辦公室
２０１９年５月６日
示範市2019年政務公開工作要點
一、推進決策公開
（一）做好重大決策預公開。對涉及群眾切身利益的重大決策，要在決策前向社會公開徵求意見。（市司法局牽頭，各區政府負責落實）
（二）做好執行公開。2019 年 12 月底前公開政策執行情況,加強督查。(市政府督查室負責)
返回顶部
主办：示范市人民政府办公室 承办：示范市信息中心
网站标识码：4407000001 粤ICP备12345678号
"""


def test_it_folds_traditional_characters_and_ignores_page_furniture():
    plan = parse_text(PAGE_IN_TRADITIONAL_CHARACTERS)
    assert plan.title == "示范市2019年政务公开工作要点"
    assert (plan.issuer, plan.doc_number, plan.issued_on) == (
        "示范市人民政府办公室", "示府办〔2019〕12号", date(2019, 5, 6),
    )  # fmt: skip
    first, second = plan.items
    assert first.section == ("一、推进决策公开", "（一）做好重大决策预公开")
    assert first.lead_units == ("市司法局",) and first.units == ("市司法局", "各区政府")
    assert second.text == "2019年12月底前公开政策执行情况，加强督查。"  # spaces gone, "，" restored
    assert second.deadline.date == date(2019, 12, 31)


def test_it_uses_the_given_year_for_deadlines_without_one():
    text = CELLS_ENDING_IN_PIPES.replace("2016 年 12 月底前完成", "年底前").replace("2016年", "")
    assert parse_text(text).items[0].deadline.date is None
    assert parse_text(text, year=2024).items[0].deadline.date == date(2024, 12, 31)


SPREADSHEET_ROWS = (
    "示范市2020年政务公开工作要点分工方案\n"
    "序号\t工作任务\t具体要求\t牵头单位\t配合单位\t完成时限\n"
    "1\t推进决策公开\t公开重大行政决策事项目录。\t市司法局\t市政府办公室\t2020年6月底前\n"
    '2\t\t"做好决策草案公开征求意见，\n及时反馈。"\t\t\t\n'
    "3\t推进执行公开\t公开政策执行情况。\t市政府督查室\t各区政府\t2020年6月至12月\n"
)


def test_it_reads_rows_copied_out_of_a_spreadsheet():
    plan = parse_text(SPREADSHEET_ROWS)
    first, second, third = plan.items
    assert first.lead_units == ("市司法局",) and first.units == ("市司法局", "市政府办公室")
    assert second.text == "做好决策草案公开征求意见，及时反馈。" and second.deadline.inherited
    assert third.units == ("市政府督查室", "各区政府")
    assert third.deadline.date == date(2020, 12, 31)  # a range ends at its end


def test_it_reads_an_annotation_in_square_brackets():
    plan = parse_text(
        "示范市2021年政务公开工作要点\n一、推进公开\n"
        "（一）做好解读。各单位要同步解读政策文件，提高质量。【牵头单位：市政府办公室；配合单位：各区政府】"
    )
    assert plan.items[0].lead_units == ("市政府办公室",)
    assert plan.items[0].units == ("市政府办公室", "各区政府")


def test_it_reads_unnumbered_annotated_paragraphs_and_annotations_on_lines_of_their_own():
    plan = parse_text(
        "示范县2022年政务公开工作要点\n"
        "一、推进决策公开\n"
        "做好重大决策预公开，广泛听取意见。（县司法局牵头）\n"
        "加强决策执行情况公开，定期通报进展。（县政府督查室负责）\n"
        "二、推进政务服务公开\n"
        "（一）公开办事指南。全面梳理并公开政务服务事项办事指南，\n"
        "确保要素齐全、准确、实用。\n"
        "（县行政审批局负责，2022年9月底前完成）\n"
    )
    assert [(i.section, i.units) for i in plan.items] == [
        (("一、推进决策公开",), ("县司法局",)),
        (("一、推进决策公开",), ("县政府督查室",)),
        (("二、推进政务服务公开", "（一）公开办事指南"), ("县行政审批局",)),
    ]
    assert plan.items[2].text == "全面梳理并公开政务服务事项办事指南，确保要素齐全、准确、实用。"
    assert plan.items[2].deadline.date == date(2022, 9, 30)
