"""Layouts of the twentieth round of real notices (tests/fixtures/notices/real/611-637), each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.units import split_units


def test_a_goal_and_requirement_column_beside_the_task_name():
    plan = parse_text(
        "示范市政府信息公开工作安排\n工作任务 | 目标和要求 | 责任单位 | 备注 |\n"
        "深化公开内容 | 推进重要信息公开 | 重点推进规划、土地出让等方面信息的公开 | 市规划局、市财政局 | |\n"
        "完善草案公开工作 | 完善涉及公民权利义务的重大决定草案的公开工作 | 市信息委、市法制办 | |\n"
        "推行解读服务 | 各政府机关编写配套的解读材料 | 各政府机关 | |\n"
    )
    assert [item.text[:6] for item in plan.items] == ["重点推进规划", "完善涉及公民", "各政府机关编"]
    assert [item.section[-1] for item in plan.items] == ["推进重要信息公开", "完善草案公开工作", "推行解读服务"]
    assert plan.items[1].units == ("市信息委", "市法制办")


def test_a_guidance_plans_unit_column_and_an_open_tail_of_working_departments():
    plan = parse_text(
        "示范市政务公开指导分工表\n序号 | 具体任务 | 市级指导单位 | 完成时限 |\n"
        "1 | 推行重大行政决策预公开。 | 市司法局等市政府工作部门 | 2022年6月 |\n"
        "2 | 推进基层政务公开标准化。 | 市政务服务局 | 2022年12月 |\n"
    )
    assert [item.units for item in plan.items] == [("市司法局",), ("市政务服务局",)]
    assert split_units("市财政厅、省农业厅等省直有关部门和各市人民政府") == [
        "市财政厅", "省农业厅", "各市人民政府",
    ]  # fmt: skip


def test_parts_named_by_the_office_that_leads_them_with_assisting_units_after_the_work():
    plan = parse_text(
        "示范省人民政府工作目标责任分解\n一、省长负责的工作\n(一)省监察厅牵头的工作\n"
        "加强行政监察工作,全面落实党风廉政建设责任制。\n(二)省审计厅牵头的工作\n全面加强审计工作。\n"
        "协同单位:省直各部门和各市人民政府。\n(三)省编办牵头的工作\n1.深化行政管理体制改革。\n"
        "2.积极稳妥地推进乡镇机构改革。\n协同单位:省财政厅、省人事厅。\n二、常务副省长负责的工作\n"
        "(一)省人民政府办公厅牵头的工作\n1.加强政府自身建设。\n协同单位:省直有关部门。\n2.完善民主科学决策机制。\n"
        "协同单位:各市人民政府。\n"
    )
    # the document gives each numbered item its own line (二、(一) 1. and 2.): the line after
    # (三) 2. is that item's alone
    assert [(item.units, item.lead_units) for item in plan.items][:4] == [
        (("省监察厅",), ("省监察厅",)),
        (("省审计厅", "省直各部门", "各市人民政府"), ("省审计厅",)),
        (("省编办",), ("省编办",)),
        (("省编办", "省财政厅", "省人事厅"), ("省编办",)),
    ]


def test_a_unit_line_closing_the_numbered_measures_of_a_page_without_headings():
    plan = parse_text(
        "【推进措施】\n1.开展放心消费培育活动,培育市级放心消费单位不少于40个。\n"
        "2.将放心消费培育指标完成情况纳入考核,对成效明显的地方予以激励。\n"
        "责任单位:市市场监督管理局\n联 系 人:张三\n"
    )
    assert [item.units for item in plan.items] == [("市市场监督管理局",), ("市市场监督管理局",)]


def test_a_tables_heading_rows_with_empty_cells_and_an_alias_after_a_space():
    plan = parse_text(
        "2015年政府信息公开工作主要任务分解表\n工作任务 |\n牵头单位 |\n责任单位 |\n"
        "一、推进重点领域信息公开 | ||\n(一)推进行政权力清单公开 | ||\n"
        "1.政府工作部门权力清单信息公开 |\n省编办 (省审改办) |\n省直各部门 |\n"
        "(二)推进财政资金信息公开 | ||\n2.财政预算、决算及“三公”经费公开 |\n省财政厅 |\n省直各部门 |\n"
    )
    assert [item.text for item in plan.items] == ["政府工作部门权力清单信息公开", "财政预算、决算及“三公”经费公开"]
    assert [item.section[-1] for item in plan.items] == ["(一)推进行政权力清单公开", "(二)推进财政资金信息公开"]
    assert [item.lead_units for item in plan.items] == [("省编办(省审改办)",), ("省财政厅",)]


def test_unnumbered_paragraphs_each_followed_by_its_unit_line():
    plan = parse_text(
        "示范市民生工程\n通过新建水厂、水厂改造等方式,积极推进集中供水工程建设,提高农村自来水普及率。\n"
        "责任单位:市水务局\n实施农村公路提档升级工程,完成200公里通户道路硬化。\n责任单位:市交通局\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [("通过新建", ("市水务局",)), ("实施农村", ("市交通局",))]
    form = parse_text(  # a rectification form: the problem, its units, then its target and measures
        "整改销号公示\n河长巡查流于形式。全年巡查522次,仅发现2处垃圾问题。\n责任单位\n县水利局、商城镇\n"
        "整改目标\n强化基层河长责任落实。\n整改措施\n(一)强化履职监督。加强河长履职能力培训。\n"
    )
    assert [item.text[:4] for item in form.items] == ["加强河长"]


def test_bulleted_duties_the_last_cut_before_its_annotation_and_standing_duties_after_the_office():
    plan = parse_text(
        "● 各级规划部门要在本级政府网站公开房屋征收补偿政策。(市规划局牵头落实)\n"
        "● 各级人力资源社会保障部门要每年在本级政府网站公开社会保险参保情况。(市人社局牵头落实)\n"
        "● 各级民政部门每半年通过本级政府网站对城乡低保、特困人员供"
    )
    assert [item.text[:6] for item in plan.items] == ["各级规划部门", "各级人力资源", "各级民政部门"]
    assert [item.units for item in plan.items] == [("市规划局",), ("市人社局",), ()]
    assert [item.deadline.recurrence for item in plan.items] == [None, "yearly", "semiannual"]


def test_numbered_duties_with_their_offices_as_the_subject():
    plan = parse_text(
        "示范市防洪能力提升工程实施方案\n三、职责分工\n1.市水务局负责组织防洪能力提升工程项目的实施,强化流域统一治理管理。\n"
        "2.市财政局、市发展改革委牵头落实省级专项资金支持项目。\n3.本方案由市水务局负责解释。\n"
    )
    assert [item.units for item in plan.items[:2]] == [("市水务局",), ("市财政局", "市发展改革委")]
