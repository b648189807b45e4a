"""Layouts of the thirty-fifth round of real notices (tests/fixtures/notices/real/1221-1267):
education and health, food safety, agriculture, city management and welfare, each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_a_duty_list_table_one_cell_a_line_with_a_column_it_does_not_know():
    plan = parse_text(
        "县教育局责任清单\n\n序号\n\n主要职责\n\n具体工作事项\n\n负责部门\n\n备注\n\n1\n\n"
        "贯彻执行有关教育工作的方针政策\n\n指导贯彻执行国家关于加强农村义务教育的政策措施\n\n基础教育室\n\n\n2\n\n"
        "研究拟订全县教育工作政策规定\n\n拟订教师交流轮岗方案,承办系统内人员编制工作\n\n人事管理室\n\n\n"
        "拟订学校安全工作有关规章措施并督促落实\n\n体育卫生和艺术教育室\n\n\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("指导贯彻执行", ("基础教育室",)),
        ("拟订教师交流", ("人事管理室",)),
        ("拟订学校安全", ("体育卫生和艺术教育室",)),
    ]


def test_a_ledger_whose_header_names_the_task_column_task_and_goal():
    plan = parse_text(
        "清洁家园行动工作台账\n名 称 |\n责任单位 |\n工作任务与目标 |\n门前六包 |\n市容大队 |\n"
        "保持门店门前清洁有序,杜绝随意堆放生活垃圾。 |\n商贩疏导工程 |\n市容大队 |\n"
        "在控制区和疏导区内合理规划临时市场,划线经营。 |\n重点难点区域整治活动 |\n城管中队 |\n"
        "学校、医院门口附近禁止店外经营、占道经营。 |\n"
    )
    assert [(item.text[:6], item.section, item.units) for item in plan.items] == [
        ("保持门店门前", ("门前六包",), ("市容大队",)),
        ("在控制区和疏", ("商贩疏导工程",), ("市容大队",)),
        ("学校、医院门", ("重点难点区域整治活动",), ("城管中队",)),
    ]


def test_who_examines_each_paper_is_its_unit():
    plan = parse_text(
        "(二)区联合审核小组联合审核。\n区联合审核小组组成部门职责分工如下:\n"
        "1.实际居住证明由区住房城乡建设委审核。\n2.全家户口簿由市公安局昌平分局审核。\n"
        "3.务工就业证明由区人力社保局、市工商局昌平分局分别审核。\n"
    )
    assert [item.units for item in plan.items] == [
        ("区住房城乡建设委",), ("市公安局昌平分局",), ("区人力社保局", "市工商局昌平分局"),
    ]


def test_offices_alone_on_their_lines_with_a_colon_over_their_duties():
    plan = parse_text(
        "未成年人保护工作领导小组成员单位职责\n\n省委宣传部:\n\n督促指导各地区加强未成年人思想道德建设,深入开展爱国主义教育。\n\n"
        "省委网信办:\n\n加强对未成年人网络保护工作的监督检查,依法惩处危害未成年人的活动。\n"
    )
    assert [(item.text[:4], item.units) for item in plan.items] == [
        ("督促指导", ("省委宣传部",)), ("加强对未", ("省委网信办",)),
    ]


def test_an_inspection_s_time_and_scope_are_no_work_and_a_team_s_office_does_its_part():
    plan = parse_text(
        "二、工作安排\n(一)检查时间: 2021年6月中旬—2021年8月中旬。\n(二)检查范围:养老机构、救助机构、婚姻登记机构。\n"
        "(三)具体分工:\n第一组:局社会福利科负责开展养老机构安全生产检查工作,督促限期完成问题整改。\n"
        "第二组:局社会事务科负责牵头救助、婚姻登记机构安全生产检查,督促限期完成整改。\n"
    )
    assert [item.units for item in plan.items] == [("局社会福利科",), ("局社会事务科",)]


def test_a_paragraph_of_offices_duties_one_a_clause_under_a_title_of_duties_that_heads_no_outline():
    plan = parse_text(
        "精神病人肇事肇祸预防处置\n相关部门 职责分工\n"
        "卫生主管部门负责指导落实医疗机构对精神病人的治疗工作;公安部门联合卫生等部门依法履行有关送治工作;"
        "民政部门负责对生活无着的流浪乞讨人员的医疗救助。人社部门负责参保精神病人的医疗保障工作。\n"
    )
    assert [item.units[0] for item in plan.items] == ["卫生主管部门", "公安部门", "民政部门", "人社部门"]


def test_a_sentence_whose_subject_is_no_office_is_given_to_none():
    plan = parse_text(
        "二、职责分工\n1.县公安局保障试鸣期间的社会治安。\n2.审核过程中的特殊问题由区联合审核小组共同协商解决。\n"
    )
    assert [item.units for item in plan.items] == [("县公安局",), ()]


def test_an_annotation_broken_over_two_lines_inside_its_bracket():
    plan = parse_text(
        "(二)公墓建设运营中的违法违规行为。\n1、未经批准擅自兴建公墓设施。(牵头单位:县国土局;\n参与单位:县民政局、县林业局)\n"
        "2、公墓未依法办理建设用地手续。(牵头单位:各镇(区);\n参与单位:镇区民政办)\n"
    )
    assert [(item.units, item.lead_units) for item in plan.items] == [
        (("县国土局", "县民政局", "县林业局"), ("县国土局",)),
        (("各镇(区)", "镇区民政办"), ("各镇(区)",)),
    ]


def test_an_annotation_the_page_cuts_inside_a_name_keeps_the_whole_names():
    plan = parse_text(
        "一、狠抓法律法规制度落实\n加大掺假造假行为刑事追究力度(省委政法委牵头,省法院、省公安厅配合)。"
        "落实餐厨垃圾回收和资源化处理相关工作措施(省发改委、住"
    )
    assert [item.units for item in plan.items][-1] == ("省发改委",)
    assert plan.items[-1].text.startswith("落实餐厨垃圾回收")


def test_a_docx_run_into_one_line_with_its_wraps_as_spaces():
    plan = parse_text(
        "一、落实食品安全“党政同责” 1.区委、区政府定期召开常委会议听取 食品安全工作汇报。(区委办、区政府办按职责 "
        "分工负责) 2.将食品安全重大部署纳入跟踪督 办内容。(区食安办负责)结合区委巡察工作安排,对街镇党政 "
        "领导干部履行食品安全工作职责情况进行检查。(区委巡察办负 责)\n"
    )
    assert [item.units for item in plan.items] == [("区委办", "区政府办"), ("区食安办",), ("区委巡察办",)]


def test_under_an_office_s_heading_a_clause_giving_a_detail_to_another_is_still_the_office_s():
    plan = parse_text(
        "(一)民政部门\n1、负责领导小组办公室的日常工作。\n"
        "2、对无法查清原籍地的流浪乞讨人员进行安置。城区内的由区福利院负责安置。\n"
    )
    assert [item.units for item in plan.items] == [("民政部门",), ("民政部门",)]


def test_a_cell_printed_empty_between_blank_lines_keeps_the_row_in_line():
    def row(number: int, name: str, office: str) -> str:
        return f"{number}\n\n{name}\n\n《安徽省优抚对象办法》\n\n{office}\n\n优抚对象\n\n1.完善服务标准。\n\n0552-3050335\n\n \n\n"

    plan = parse_text(
        "公共服务清单\n\n序号\n\n事项名称\n\n办理依据\n\n实施机构\n\n服务对象\n\n责任方式\n\n监督方式\n\n备注\n\n"
        + row(1, "优抚对象短期疗养办理", "区退役军人事务局")
        + row(2, "重点优抚对象临时性救助发放", "区民政局")
    )
    assert [(item.text, item.units) for item in plan.items] == [
        ("优抚对象短期疗养办理", ("区退役军人事务局",)),
        ("重点优抚对象临时性救助发放", ("区民政局",)),
    ]


def test_a_question_naming_which_offices_lead_names_none():
    plan = parse_text(
        "大力实施乡村振兴战略的四项工作由哪些部门牵头?\n(一)健全城乡融合发展体制机制。科学制定规划。(国家发展改革委牵头)\n"
    )
    assert [item.units for item in plan.items] == [("国家发展改革委",)]
    assert not any(unit for item in plan.items for unit in item.units if "哪些" in unit)
