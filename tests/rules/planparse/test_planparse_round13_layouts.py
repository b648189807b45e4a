"""Layouts of the thirteenth round of real notices (tests/fixtures/notices/real/371-376 and
386-400), each as a small synthetic page written the way those pages are, and each read by a
general rule."""

from __future__ import annotations

import datetime

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import Column, header_column


def test_a_task_opening_with_who_does_it_clause_by_clause_names_its_units():
    plan = parse_text(
        "示范市争取国家部委支持事项分工\n"
        "1、综合改革试验区事宜\n"
        "由张某副市长负责,市发改委牵头,相关部门配合,尽快完成试验区实施方案,报省政府审批。\n"
        "2、城市轨道交通项目\n"
        "由李某副市长负责,市建设局牵头,市财政局配合,按照要求进一步修改完善项目建设方案。\n"
    )
    assert [item.section for item in plan.items] == [("1、综合改革试验区事宜",), ("2、城市轨道交通项目",)]
    # ("相关部门" written as a unit of its own is one, as the README reads it: no 等 before it)
    assert [item.units for item in plan.items] == [("市发改委", "相关部门"), ("市建设局", "市财政局")]
    assert [item.lead_units for item in plan.items] == [("市发改委",), ("市建设局",)]


def test_a_task_opening_with_a_manner_clause_names_no_units():
    plan = parse_text(
        "示范市工作要点\n"
        "1、加强组织领导\n"
        "切实负责,认真落实,确保各项工作按期完成,定期报送进展情况。\n"
        "2、强化督促检查\n"
        "由市政府办公室负责,对各项任务落实情况开展督查。\n"
    )
    assert [item.units for item in plan.items] == [(), ("市政府办公室",)]


def test_a_header_naming_a_project_and_its_measures_with_their_schedule():
    assert header_column("实事项目") is Column.GROUP
    assert header_column("工作举措及实施计划") is Column.REQUIREMENT
    assert header_column("主要内容和进度安排") is Column.REQUIREMENT
    assert header_column("牵头及责任单位") is Column.UNITS


def test_numbered_measures_opening_with_a_month_are_items_dated_by_it():
    plan = parse_text(
        "索引号 | 000000000/2022-00001 | 公开方式 | 主动公开 |\n"
        "发布单位 | 区政府 | 发文日期 | 2022-07-14 |\n"
        "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
        "1 | 新建成公办幼儿园7所。 | 1.4月底前三所幼儿园主体完工,开始装修工程施工。 "
        "2.8月底前三所幼儿园竣工交付。 | 教育局 | 财政局、住建局 |\n"
        "2 | 实施农村公路大中修100公里,新增公交线路3条。 | 1.农村公路大中修:7月底前开工;11月底前建成。 "
        "2.公交线路新增:6月底前完成6条线路优化调整;10月底前全面完成"
    )
    assert plan.year == 2022
    assert [item.text[:8] for item in plan.items] == ["4月底前三所幼儿", "8月底前三所幼儿", "农村公路大中修：", "公交线路新增：6"]
    assert [item.section for item in plan.items][2:] == [("实施农村公路大中修100公里，新增公交线路3条。",)] * 2
    assert plan.items[0].units == ("教育局", "财政局", "住建局")
    assert plan.items[0].lead_units == ("教育局",)
    assert plan.items[2].units == ()  # the page ends before the row's unit cells
    assert [item.deadline.date for item in plan.items] == [
        datetime.date(2022, 4, 30),
        datetime.date(2022, 8, 31),
        datetime.date(2022, 7, 31),
        datetime.date(2022, 6, 30),
    ]


def test_a_group_line_naming_a_unit_and_its_count_gives_the_unit_to_the_items_below():
    plan = parse_text(
        "按照“我为群众办实事”实践活动工作方案有关要求,现将各部门认领的实事项目及进展公布如下。\n"
        "区委办公室(2项)\n"
        "1.领办项目:下荒村路灯损坏修复项目。工作进展:路灯出现大面积损坏,目前全部更换完毕。\n"
        "2.领办项目:锦绣社区外围车位规划项目。工作进展:联系公安局进行车位划分。\n"
        "区教育局(1项)\n"
        "1.领办项目:第一小学校门口接送区改造项目。工作进展:已完工。\n"
    )
    assert [item.text for item in plan.items] == [
        "下荒村路灯损坏修复项目。",
        "锦绣社区外围车位规划项目。",
        "第一小学校门口接送区改造项目。",
    ]
    assert [item.units for item in plan.items] == [("区委办公室",), ("区委办公室",), ("区教育局",)]
    assert plan.items[0].notes == ("工作进展：路灯出现大面积损坏，目前全部更换完毕。",)


def test_a_pages_field_rows_and_frame_pipes_are_no_table_and_the_run_on_notice_is_read():
    plan = parse_text(
        "索引号: | 000000000/2022-00001 | 成文日期: | 2022-04-18 |\n"
        "文件编号: | 示政办发〔2022〕16号 | 组配分类: | 政府工作报告 |\n"
        "发布机构: | 县政府办公室 | 有效性: |\n"
        "示范县人民政府办公室关于印发2022年重点工作责任分解的通知 |\n"
        "||\n"
        "|\n"
        "||\n"
        "各镇人民政府,县政府各部门: 现印发给你们,请认真贯彻执行。 示范县人民政府办公室 2022年4月18日 "
        "2022年重点工作责任分解 一、县长牵头重点工作 1.全县生产总值增长7.5%左右。 "
        "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局 2.落实党政机关过紧日子的要求,严控“三公”经费。 "
        "责任单位:县财政局\n"
    )
    assert plan.doc_number == "示政办发〔2022〕16号"
    assert plan.notice_title == "示范县人民政府办公室关于印发2022年重点工作责任分解的通知"
    assert plan.issued_on == datetime.date(2022, 4, 18) and plan.year == 2022
    assert [item.text[:8] for item in plan.items] == ["全县生产总值增长", "落实党政机关过紧"]
    assert plan.items[0].units == ("县发改局", "县财政局") and plan.items[0].lead_units == ("县发改局",)
    assert plan.items[1].units == ("县财政局",)


def test_a_host_and_co_host_label_line_is_a_duty_not_the_sites_footer():
    plan = parse_text(
        "示范县2021年为民办实事项目\n"
        "一、人居环境提升工程\n"
        "(1)实施老旧小区改造提升。改造凤园西侧片区老旧小区。\n"
        "主办单位:县城投公司,协办单位:住建局、凤城镇。\n"
        "(2)建设民俗公园。\n"
        "主办单位:住建局,协办单位:凤城镇。\n"
        "主办单位:示范县人民政府办公室 网站标识码:0000000000\n"
    )
    assert [item.units for item in plan.items] == [("县城投公司", "住建局", "凤城镇"), ("住建局", "凤城镇")]
    assert [item.lead_units for item in plan.items] == [("县城投公司",), ("住建局",)]


def test_labels_run_on_after_spaces_are_lines_of_their_own_and_progress_is_a_note():
    plan = parse_text(
        "2014年市政府民生实事项目共有42项任务,现将实事项目1—6月份进展情况予以公示。 "
        "1.轨道交通1号线一期工程投入试运营。 牵头领导:林某 责任单位:市轨道交通工程建设指挥部 "
        "项目责任人:尹某 实际完成情况:已于2014年5月30日通车试运营。 "
        "2.新增安装300套路口交通信息视频采集设备。 牵头领导:王某 责任单位:市公安局 项目责任人:王某某 "
        "配合单位:市城管局、市财政局 实际完成情况:前端摄像机上杆安装。\n"
    )
    assert [item.text for item in plan.items] == ["轨道交通1号线一期工程投入试运营。", "新增安装300套路口交通信息视频采集设备。"]
    assert [item.units for item in plan.items] == [("市轨道交通工程建设指挥部",), ("市公安局", "市城管局", "市财政局")]
    assert plan.items[1].lead_units == ("市公安局",)
    assert "实际完成情况：前端摄像机上杆安装。" in plan.items[1].notes


def test_labels_inside_one_bracketed_annotation_stay_together():
    plan = parse_text(
        "示范市深化流通体制改革实施方案\n"
        "(一)深化流通体制改革\n"
        "1.提高流通管理部门管理效能。建立分工明确、权责统一的流通管理体制。(牵头单位:市商务局  责任单位:市编办、各区县政府)\n"
        "2.规范商贸流通市场秩序。加快建立统一开放的市场。(牵头单位:市商务局)\n"
    )
    assert plan.items[0].units == ("市商务局", "市编办", "各区县政府")
    assert plan.items[0].lead_units == ("市商务局",)


def test_a_typists_full_stop_after_the_number_and_the_year_the_preamble_aims_at():
    plan = parse_text(
        "关于落实《政府工作报告》重点工作的任务分工\n"
        "为推动《政府工作报告》各项部署落地见效,切实做好2020年政府工作,实现经济社会发展目标\n"
        "1。坚持稳中求进工作总基调,坚持新发展理念。(市政府各部门分别负责,年内持续推进)\n"
        "2。完成年度城镇新增就业人数和城镇登记失业率目标任务。(市人社局负责)\n"
    )
    assert plan.year == 2020
    assert [item.text[:6] for item in plan.items] == ["坚持稳中求进", "完成年度城镇"]
    assert plan.items[0].deadline.date == datetime.date(2020, 12, 31)
    assert plan.items[1].units == ("市人社局",)


def test_a_project_list_with_place_money_and_a_build_year_before_its_content():
    plan = parse_text(
        "示范县人民政府关于印发示范县2024年十大民生实事项目的通知\n"
        "|\n序號 |\n項目名稱 |\n建設地點 |\n建設時間 |\n2024年建設內容 |\n年度投資金額 (萬元) |\n責任單位 |\n|\n"
        "1 |\n中小學運動場地改造項目 |\n相關鎮 (街道) |\n2024 |\n對三所學校運動場地進行改造。 |\n300 |\n教體局 |\n|\n"
        "2 |\n城北小學門前道路建設項目 |\n紙坊街道 |\n2024 |\n建成唐塔北路延伸段道路。 |\n300 |\n住建局 |\n|\n"
    )
    assert header_column("建设地点") is Column.NOTE
    assert header_column("年度投资金额") is Column.NOTE
    assert header_column("建设时间") is Column.DEADLINE
    assert [item.section for item in plan.items] == [("中小学运动场地改造项目",), ("城北小学门前道路建设项目",)]
    assert [item.text for item in plan.items] == ["对三所学校运动场地进行改造。", "建成唐塔北路延伸段道路。"]
    assert [item.units for item in plan.items] == [("教体局",), ("住建局",)]
    assert [item.deadline.date for item in plan.items] == [datetime.date(2024, 12, 31)] * 2


def test_dashed_targets_under_a_numbered_goal_are_items_and_short_office_names_are_units():
    plan = parse_text(
        "示范省妇女发展规划目标责任分解书\n"
        "领域\n主要目标\n主要责任单位\n责任单位\n"
        "1.妇女在整个生命周期享有良好的基本卫生服务。\n \n \n"
        "——女性人均预期寿命延长。\n"
        "——建立妇女健康档案。到2020年,健康档案建档率达90%。\n"
        "省卫生厅\n省发改委\n省人口计生\n省妇联\n"
        "2.提高孕产妇医疗保健水平。\n"
        "——孕产妇中重度贫血患病率降低。\n"
        "省卫生厅\n省公安厅\n"
    )
    assert [item.text for item in plan.items] == [
        "女性人均预期寿命延长。",
        "建立妇女健康档案。到2020年，健康档案建档率达90%。",
        "孕产妇中重度贫血患病率降低。",
    ]
    assert plan.items[0].section == ("1.妇女在整个生命周期享有良好的基本卫生服务。",)
    assert plan.items[0].units == ("省卫生厅", "省发改委", "省人口计生", "省妇联")
    assert plan.items[2].units == ("省卫生厅", "省公安厅")


def test_a_form_flattened_one_field_a_line_gives_its_units_to_the_measures_below():
    plan = parse_text(
        "示范县水利局关于督察整改销号情况的公示\n"
        "具体整改情况表\n\n"
        "整改任务\n\n"
        "河长巡查流于形式。督察组在该段河道1小时内发现2个排污口。\n\n"
        "责任单位\n\n"
        "示范县水利局、市生态环境局示范县分局、商城镇\n\n"
        "整改措施\n\n"
        "(一)强化履职监督。加强河长履职能力培训,提高基层河长履职能力。\n\n"
        "(二)加强排查整治。对反馈问题限期整改到位,开展拉网式排查。\n"
    )
    assert [item.text[:4] for item in plan.items] == ["加强河长", "对反馈问"]
    assert [item.units for item in plan.items] == [("示范县水利局", "市生态环境局示范县分局", "商城镇")] * 2


def test_a_table_whose_cells_the_page_glued_together_is_cut_by_its_header_words():
    plan = parse_text(
        "示范区2020年政府工作报告重点工作全年完成情况\n"
        "类别序号重点督办内容牵头单位全年完成情况\n"
        "经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委示范区地区生产总值增速调整为正增长。\n"
        "经济社会发展主要预期目标2城镇登记失业率控制在1.5%以内。区人力社保局根据市人力社保局要求扩展登记失业人员统计。\n"
    )
    assert [item.text for item in plan.items] == ["地区生产总值增长6%左右。", "城镇登记失业率控制在1.5%以内。"]
    assert [item.section for item in plan.items] == [("经济社会发展主要预期目标",)] * 2
    assert [item.units for item in plan.items] == [("区发展改革委",), ("区人力社保局",)]
    assert plan.items[1].notes == ("全年完成情况：根据市人力社保局要求扩展登记失业人员统计。",)


def test_a_header_written_with_spaces_is_not_a_glued_one():
    from gongkai.rules.planparse.glued import glued_header

    assert glued_header("目标 序号 任务 有关要求 责任单位") is None
    assert glued_header("类别序号重点督办内容牵头单位全年完成情况") is not None


def test_numbered_measures_of_one_cell_on_lines_of_their_own_stay_one_row():
    plan = parse_text(
        "示范区2022年民生实事项目\n"
        "序号\n实事项目\n工作举措及实施计划\n责任单位\n配合单位\n"
        "1\n新建成公办幼儿园7所。\n1.4月底前三所幼儿园主体完工。\n2.8月底前三所幼儿园竣工交付。\n教育局\n财政局\n"
        "2\n新增婴幼儿照护服务托位500个。\n1.3月底前新增100个托位。\n2.9月底前完成500个托位。\n卫生健康局\n民政局\n"
    )
    assert [item.text[:7] for item in plan.items] == ["4月底前三所幼", "8月底前三所幼", "3月底前新增1", "9月底前完成5"]
    assert [item.section for item in plan.items] == [("新建成公办幼儿园7所。",)] * 2 + [("新增婴幼儿照护服务托位500个。",)] * 2
    assert [item.units for item in plan.items] == [("教育局", "财政局")] * 2 + [("卫生健康局", "民政局")] * 2


def test_the_next_item_run_on_from_a_unit_labels_value():
    plan = parse_text(
        "示范旗十四五规划纲要分工方案\n"
        "一、主要指标\n"
        "1.地区生产总值增长7%数据提供单位:旗统计局2.全员劳动生产率增长5.2%数据提供单位:旗统计局\n"
    )
    assert [item.text for item in plan.items] == ["地区生产总值增长7%", "全员劳动生产率增长5.2%"]
    assert [item.units for item in plan.items] == [("旗统计局",)] * 2


def test_a_progress_table_run_on_after_the_units_is_no_unit_and_the_next_item_counts_on():
    plan = parse_text(
        "现将民生实事项目1—6月份进展情况予以公示。 "
        "1.新辟公交线路10条。 牵头领导:王某 责任单位:市交通委 配合单位:市公安局,各区政府 "
        "甲区 乙区 丙区 合计 新辟线路年度目标 2 5 3 10 实际完成 1 2 3 6 "
        "2.新投放公共自行车3000辆。 牵头领导:王某 责任单位:市交通委 配合单位:市财政局 2022年底前\n"
    )
    assert [item.text for item in plan.items] == ["新辟公交线路10条。", "新投放公共自行车3000辆。"]
    assert [item.units for item in plan.items] == [("市交通委", "市公安局", "各区政府"), ("市交通委", "市财政局")]
