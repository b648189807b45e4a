"""Layouts of the fifth round of real notices (tests/fixtures/notices/real/161-207), each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import PlanKind, Recurrence, parse_deadline, parse_text


def test_numbered_requirements_run_on_in_one_paragraph_are_items_each():
    plan = parse_text(
        "示范县人民政府办公室关于印发《示范县公益事业领域信息公开工作细则》的通知\n"
        "各乡镇人民政府：\n现将《示范县公益事业领域信息公开工作细则》印发给你们，请认真遵照执行。\n"
        "示范县公益事业领域信息公开工作细则\n"
        "一、重点领域信息公开内容\n"
        "(一)脱贫攻坚领域信息公开。1.直接涉及贫困群众切身利益的扶贫政策、扶贫规划等信息；"
        "2.扶贫项目的基本信息，包括项目名称、实施地点、建设任务等信息；3.扶贫资金的分配结果和使用情况。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert plan.title == "示范县公益事业领域信息公开工作细则"
    assert [item.text[:6] for item in plan.items] == ["直接涉及贫困", "扶贫项目的基", "扶贫资金的分"]
    assert plan.items[0].section == ("一、重点领域信息公开内容", "(一)脱贫攻坚领域信息公开")


def test_a_year_or_a_decimal_after_a_full_stop_does_not_cut_a_paragraph():
    plan = parse_text(
        "示范市2020年政务公开工作要点\n"
        "一、加强政策解读\n"
        "(一)做好解读工作。1.5倍于去年的解读数量；全年完成。2022年冬奥会信息及时公开。(市政府办负责)\n"
    )
    assert len(plan.items) == 1


def test_a_notice_on_a_piece_of_work_is_itself_the_plan():
    plan = parse_text(
        "示范省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的通知\n"
        "各市(州)人民政府，省政府各部门：\n"
        "为贯彻落实国务院办公厅有关意见，现就有关事项通知如下。\n"
        "一、工作重点。基层政府要对照试点领域基层政务公开标准目录，结合本级政府职责梳理公开事项。\n"
        "二、注重衔接。基层政府要参照省级地方标准，进一步细化信息发布、政策解读等工作流程。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.text[:6] for item in plan.items] == ["基层政府要对", "基层政府要参"]
    # (a notice that annotates no task: the offices its tasks open with after their heading
    # sentence are their units, as the README says since session 22)
    assert [item.units for item in plan.items] == [("基层政府",), ("基层政府",)]


def test_a_covering_notices_own_one_level_requests_are_no_plan():
    plan = parse_text(
        "关于印发2019年全市政务公开重点工作任务分工的通知\n"
        "各县(市、区)人民政府，市政府各委办局：\n"
        "为深入贯彻落实党中央、国务院关于全面推进政务公开工作部署，现将任务分工印发给你们。\n"
        "一、总体要求\n全市政务公开工作坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的精神。\n"
        "二、工作安排\n各地、各相关部门要按照全市政务公开重点工作任务分工要求，统筹安排，明确分工。\n"
        "三、保障措施\n各地各部门要结合实际加快组织推进，将具体措施于6月10日前公开。\n"
    )
    assert plan.kind is PlanKind.NOT_A_PLAN and not plan.items


def test_key_points_without_a_title_open_with_their_year_and_work():
    plan = parse_text(
        "2022年示范市交通运输局政务公开工作，坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的精神。\n"
        "一、进一步做好政府信息公开条例的实施\n"
        "(一)做好法定公开内容的日常维护。严格依照条例的要求，持续拓展细化主动公开的具体内容。\n"
        "二、深化公共资源配置信息公开\n"
        "按照有关公共资源配置领域政府信息公开工作部署要求，健全完善机制体制建设。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.text[:6] for item in plan.items] == ["严格依照条例", "按照有关公共"]
    assert plan.items[1].section == ("二、深化公共资源配置信息公开",)


def test_a_heading_that_lost_its_numeral_and_offices_named_short():
    plan = parse_text(
        "示范县财政局2023年政务公开重点工作任务分工方案\n"
        "发表时间:2023-08-02 17:19 信息来源:示范县财政局(地方金融监督管理局)\n"
        "一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导，准确把握政务公开新形势新要求。\n"
        "、着力加强公开解读回应工作\n"
        "(一)围绕建设法治财政全面推进政务公开\n"
        "1. 推进政策执行更加阳光透明。推进重大决策预公开，讨论决定的财政事项应及时公开。"
        "(办公室、税政条法按照职责分工牵头落实)\n"
        "2. 推进提案办理结果公开。依法公开人大代表建议和政协委员提案办理结果。(税政条法股牵头,各相关股室分工落实)\n"
        "3. 建立随机抽查信息公开机制。及时公示抽查事项清单、检查结果等信息。(监督牵头落实)\n"
        "4. 做好预算公开。按时公开部门预算。(按要求落实)\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert len(plan.items) == 4
    first, second, third, fourth = plan.items
    assert first.section[0] == "、着力加强公开解读回应工作"
    assert first.units == first.lead_units == ("办公室", "税政条法")
    assert second.units == ("税政条法股", "各相关股室") and second.lead_units == ("税政条法股",)
    assert third.units == ("监督",)
    assert fourth.units == ()  # a manner, no office


def test_a_rectification_list_one_cell_a_line_with_two_levels_in_its_task_column():
    plan = parse_text(
        "示范区政务公开专项行动整改清单\n\n序号\n\n重点任务\n\n主要问题\n\n完成时限及要求\n\n责任单位\n\n"
        "1\n\n疫情防控\n\n公开疫情信息不够及时，没有积极发布宣传防控知识方面的相关信息。\n\n"
        "2020630日前，完成已公开信息的自查整改，并持续推进疫情信息公开。\n\n区政府办公室、区卫生健康委\n\n"
        "2\n\n三大攻坚战信息公开\n\n污染防治信息公开\n\n本年度空气质量指数公开不全，未公开城市垃圾分类处置等信息。\n\n"
        "2020630日前，完成已公开信息自查整改，年底前污染防治信息模板化公开。\n\n生态环境分局、区城市管理局\n"
    )
    assert plan.kind is PlanKind.TABLE
    first, second = plan.items
    assert first.text.startswith("公开疫情信息") and first.section == ("疫情防控",)
    assert first.units == ("区政府办公室", "区卫生健康委")
    assert first.deadline.date == date(2020, 6, 30)
    assert second.section == ("三大攻坚战信息公开", "污染防治信息公开")
    assert second.units == ("生态环境分局", "区城市管理局")
    assert second.deadline.date == date(2020, 6, 30)


def test_a_date_that_lost_its_year_and_month_words_is_read_when_it_splits_one_way():
    assert parse_deadline("2020630日前", None).date == date(2020, 6, 30)
    assert parse_deadline("20201231日", None).date == date(2020, 12, 31)
    assert parse_deadline("2020111日", None).date is None  # 1月11日 or 11月1日


def test_a_wide_catalogue_one_cell_a_line_whose_empty_cells_are_runs_of_blank_lines():
    header = ["序号", "分类", "一级目录", "二级目录", "三级目录", "公开依据", "公开事项", "事项内容",
              "公开时限", "公开方式", "公开形式", "公开主体"]  # fmt: skip
    row_one = ["1", "政府信息公开指南", "", "", "", "1.《中华人民共和国政府信息公开条例》",
               "政府信息公开指南", "应当包括政府信息的分类、编排体系、获取方式等内容",
               "自该信息形成或者变更之日起20个工作日内", "政府网站", "文字", "县政府办"]  # fmt: skip
    row_two = ["2", "政府信息公开制度", "国家制度", "", "", "1.《中华人民共和国政府信息公开条例》",
               "国家制度", "国家政府信息公开工作制度、考核制度、社会评议制度", "自该信息形成或者变更之日起20个工作日内",
               "政府网站、政务新媒体", "文字、图片", "县政府办"]  # fmt: skip
    plan = parse_text("示范县政务公开清单目录\n\n" + "\n\n".join(header + row_one + row_two) + "\n")
    assert [item.text[:6] for item in plan.items] == ["应当包括政府", "国家政府信息"]
    for item in plan.items:
        assert item.units == ("县政府办",)  # a website is where, not who
        assert item.deadline.recurrence is Recurrence.EVENT
    assert plan.items[0].section[0] == "政府信息公开指南"


def test_a_pipe_catalogue_with_a_wrapped_header_a_second_header_row_and_bulleted_contents():
    plan = parse_text(
        "示范县教育局主动公开事项目录 | ||||\n"
        "序号 | 公开事项 | 公开内容 (要素) |\n公开依据 | 公开 时限 |\n公开 主体 |\n公开渠道和载体 | 公开对象 | |||\n"
        "一级事项 | 二级事项 | 全社会 | 特定群体 | ||||\n"
        "1 | 机构信息 | 机构职能 | ●示范县教育局内设机构职能、联系方式及负责人姓名 ●示范县教育局下属事业单位职能 |"
        " 《中华人民共和国政府信息公开条例》 | 信息形成或者变更之日起20个工作日内 | 示范县教育局 | ■政府网站 □政府公报 |\n"
        "√ | |\n"
        "2 | 政务管理 | 规范性文件 | ●现行规范性文件 | 《中华人民共和国政府信息公开条例》 | 信息形成或者变更之日起5个工作日内"
        " | 示范县教育局 | ■政府网站 □政府公报 |\n√ | |\n"
    )
    assert [item.text[:8] for item in plan.items] == ["示范县教育局内设", "示范县教育局下属", "现行规范性文件"]
    assert all(item.units == ("示范县教育局",) for item in plan.items)
    assert plan.items[0].section == ("机构信息", "机构职能")
    assert all(item.deadline.recurrence is Recurrence.EVENT for item in plan.items)


def test_a_metadata_block_as_a_pipe_table_with_bracketed_labels_is_no_plan_table():
    plan = parse_text(
        "[ 索引号 ] | 11500228008652038C/2021-00151 | [ 发文字号 ] | 示府办发〔2021〕37号 | ||||\n"
        "[ 主题分类 ] | 电子政务 | [ 体裁分类 ] | 其他公文 | ||||\n"
        "[ 发布机构 ] | 示范区政府办公室 | ||||||\n"
        "[标题] | 示范区人民政府办公室关于印发2021年政务公开任务清单的通知 | ||||||\n"
        "[ 成文日期 ] | 2021-06-02 | [ 发布日期 ] | 2021-06-02 |\n"
        "示范区人民政府办公室关于印发2021年政务公开任务清单的通知\n"
        "各乡镇人民政府，区政府各部门：\n现将《示范区2021年政务公开任务清单》印发给你们，并提出如下工作要求。\n"
        "一、提高政治站位\n各乡镇和区政府各部门要进一步强化思想认识，切实加强组织领导，持续深化政务公开。\n"
        "二、强化工作落实\n各乡镇和区政府各部门要对照《任务清单》锁定公开内容，逐项抓好落实。\n"
    )
    assert plan.kind is PlanKind.NOT_A_PLAN and not plan.items
    assert plan.year == 2021


def test_a_unit_cell_at_the_foot_of_its_group_is_the_whole_groups_and_a_cut_role_word_is_dropped():
    cells = [
        "工作任务", "具体要求", "落实科室(部门)",
        "做好各类规划主动公开", "1.主动公开各类规划原文和政策解读等相关信息。", "办公室",
        "做好监管执法信息公开", "2.主动公开全国统一的市场准入负面清单，及时做好更新发布。",
        "3.强化行政执法信息公开，定期公布医保基金使用监督检查结果。",
        "法规和基金监管科、医药服务管理科按职责分工落实",
        "做好财政信息公开", "4.积极推进部门及所属单位预算、决算及相关报表公开。",
        "5.定期公开医保基金收入、支出、结余等情况。", "办公室、医保中心按职责分工落",
    ]  # fmt: skip
    plan = parse_text("示范局2021年政务公开工作要点分工方案\n\n" + "\n\n".join(cells) + "\n")
    assert [item.units for item in plan.items] == [
        ("办公室",),
        ("法规和基金监管科", "医药服务管理科"),
        ("法规和基金监管科", "医药服务管理科"),
        ("办公室", "医保中心"),
        ("办公室", "医保中心"),
    ]


def test_units_a_notice_gives_every_item_once_in_one_annotation():
    plan = parse_text(
        "示范省2020年政务公开工作要点\n"
        "一、不断拓展主动公开深度和广度\n"
        "(一)加强重大行政决策信息公开机制建设。建立健全重大行政决策事项目录公开发布机制。"
        "(责任单位：省政府办公厅，其他省级有关单位。本要点各项工作均需各市、县〔市、区〕政府作为责任单位，以下不再列出)\n"
        "(二)动态调整、及时公开权责清单。动态调整、及时公开各级行政机关权责清单。\n"
    )
    first, second = plan.items
    assert first.units == ("省政府办公厅", "其他省级有关单位", "各市、县〔市、区〕政府")
    assert second.units == second.lead_units == ("各市、县〔市、区〕政府",)


def test_a_unit_cell_the_page_cut_a_few_characters_into_its_next_unit():
    plan = parse_text(
        "示范区2023年政务公开任务清单\n工作任务 |\n具体要求 |\n责任单位 |\n||\n"
        "主动公开 |\n行政规范 |\n"
        "做好行政规范性文件的集中、规范公开工作。确保数量和内容与省政府门户网站文件库一致。 |\n"
        "区司法局牵头区级规范性文件集中公开工作,各成员单位负责做好本单位规范性文件集中公开工作 |\n"
        "及时公开行政规范性文件的备案目录。 |\n各成员单位 |\n|||\n"
        "及时公开行政规范性文件清理结果。 |\n区司法局牵头区级规范性文件清理结果公开工作,有"
    )
    assert [item.units for item in plan.items] == [
        ("区司法局", "各成员单位"), ("各成员单位",), ("区司法局",)
    ]


def test_a_standing_duty_in_the_heading_sentence_that_opens_a_task_is_its_deadline():
    plan = parse_text(
        "示范局2022年政务公开工作要点\n一、深化重点领域信息公开\n"
        "(一)持续推进重要指示批示精神的宣传阐释。组织局官方网站和新媒体开设专题专栏，大力宣传。(责任处室：办公室负责落实)\n"
        "(二)完善权力配置信息公开。按月公开财政收支执行情况。(责任处室：办公室负责落实)\n"
        "(三)加强基础工作信息公开。及时公开人大代表建议办理结果。(责任处室：办公室负责落实)\n"
    )
    recurrences = [item.deadline.recurrence for item in plan.items]
    assert recurrences == [Recurrence.ONGOING, Recurrence.MONTHLY, None]


def test_a_cell_holding_two_requirements_that_go_on_with_the_tables_count():
    plan = parse_text(
        "示范局2022年政务公开工作要点分工方案\n"
        "工作要求 | 一级要点 | 二级要点 | 责任科室 |\n"
        "一、优化政务公开工作基础 | (一)深化规范性文件集中公开。 | 1.规范行政法规使用，确保使用的行政法规文本为最新版本。 | 办公室 |\n"
        " | | 2.摸清本单位规范性文件底数，健全动态更新工作机制。 | 办公室牵头，各科室配合 | ||\n"
        " | (二)提升依申请公开办理规范化程度。 | 3.规范使用依申请公开系统，实现全流程电子化管理。 4.用好平台监督管理功能，督促做好依申请公开工作。 | 办公室 |\n"
    )
    assert [item.text[:6] for item in plan.items] == ["规范行政法规", "摸清本单位规", "规范使用依申", "用好平台监督"]
    assert plan.items[3].units == ("办公室",)


def test_a_catalogues_second_header_row_of_column_parts_heads_no_task():
    header = ["序号", "公开事项", "公开内容(要素)", "公开依据", "公开时限", "公开主体", "公开对象",
              "公开方式", "公开层级", "一级事项", "二级事项"]  # fmt: skip
    parts = ["全社会", "特定群众", "主动", "依申请公开", "区级", "乡、村级"]
    row = ["1", "财务信息", "财务管理", "财务管理及监督办法、年度经费预决算信息、收费项目及收费标准",
           "《政府信息公开条例》", "信息形成或者变更之日起20个工作日内", "区级教育部门", "■政府网站"]  # fmt: skip
    cells = [*header, "", *parts, "", *row]
    plan = parse_text("示范镇基层政务公开标准目录\n\n" + "\n\n".join(cells) + "\n")
    assert [item.text[:6] for item in plan.items] == ["财务管理及监"]
    assert plan.items[0].units == ("区级教育部门",)


def test_unread_lines_keep_their_line_numbers_after_a_run_on_line_is_cut():
    plan = parse_text(
        "示范县公益事业领域信息公开工作细则\n"
        "一、重点领域信息公开内容\n"
        "(一)脱贫攻坚领域信息公开。1.扶贫政策、扶贫规划等信息；2.扶贫项目的基本信息；3.扶贫资金的分配结果。\n"
        "(二)社会救助领域信息公开。公开社会救助政策和救助对象的审核结果。\n\n"
        "附件：示范县公益事业信息公开联系表\n"
    )
    assert [item.line for item in plan.items] == [3, 3, 3, 4]
    assert "第6行未导入为任务：“附件：示范县公益事业信息公开联系表”" in plan.warnings


def _column(paragraphs: list[str], width: int = 20) -> list[str]:
    """Paragraphs printed in a column ``width`` characters wide, a line each."""
    return [text[i : i + width] for text in paragraphs for i in range(0, len(text), width)]


def test_a_gazette_page_whose_two_columns_are_interleaved_line_by_line_is_read_column_by_column():
    left = _column([
        "(四) 抓好基层政务公开标准目录的落实",
        "县乡两级政府要抓好已公布标准目录的执行，并完善政府网站按要素搜索等功能。市政府、市有关单位要对"
        "本领域标准目录的落实情况进行抽查检查。(责任单位：各县区人民政府、市直有关部门按职责分别负责落实)",
        "(五) 持续做好疫情常态化防控政策措施公开",
        "持续做好新冠肺炎疫情防控有关政策措施、疫情动态、科普宣传以及对疫苗监管、流通和预防接种等信息的"
        "公开，更加注重个人隐私保护，更加注重对社会谣言的回应",
    ])  # fmt: skip
    right = _column([
        "充分利用市级政务信息数据共享交换平台，实现政务公开工作数据归集和数据治理，为政府决策提供有力支撑。"
        "(责任单位：市行政审批服务管理局、市政府信息化中心负责落实)",
        "(二) 创新公报工作机制，提升服务效果",
        "县级政府可结合实际积极创办政府公报。稳步推动市政府公报工作，加强政府公报数据库安全管理，确保数据"
        "完整、准确。(责任单位：市政府公报室、各县区人民政府负责落实)",
    ])  # fmt: skip
    right += [""] * (len(left) - len(right))
    page = "\n".join(f"{a} {b}".strip() for a, b in zip(left, right, strict=True))
    plan = parse_text("示范市人民政府公报 2021年第4期\n" + page + "\n")
    first, second, third, fourth = plan.items
    # (a heading as wide as the column runs on into its body, as a hard-wrapped one would)
    assert "县乡两级政府要抓好" in first.text[:30]
    assert [item.text[:6] for item in plan.items[1:]] == ["持续做好新冠", "充分利用市级", "稳步推动市政"]
    assert first.units == ("各县区人民政府", "市直有关部门")
    assert second.units == ()  # cut at the foot of the left column, before its annotation
    assert third.units == ("市行政审批服务管理局", "市政府信息化中心") and third.section == ()
    assert fourth.units == ("市政府公报室", "各县区人民政府")
    assert [item.line for item in plan.items] == [2, 8, 2, 6]  # where each one starts
