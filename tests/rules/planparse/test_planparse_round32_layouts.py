"""Layouts of the thirty-second round of real notices (tests/fixtures/notices/real/1081-1119):
campaigns, rectification notices, rules on censuses and schools' own calendars, each as a small
synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text


def test_parts_headed_by_an_organ_under_an_arabic_number():
    plan = parse_text(
        "1.卫生部门\n将残疾人康复服务工作纳入社区卫生服务和初级卫生保健工作计划。\n"
        "2.妇联\n参与残疾妇女、残疾儿童的康复工作;组织康复助残活动。\n"
        "3.残联\n做好残疾人康复工作办公室的日常工作,组织制定康复服务工作计划。\n"
    )
    assert [item.units for item in plan.items] == [("卫生部门",), ("妇联",), ("残联",)]


def test_a_place_inspected_under_an_arabic_number_is_no_unit_and_its_label_line_is():
    plan = parse_text(
        "具体问题如下:\n1. 市科技馆\n(1)院内电动车未按指定区域停放;\n(2)灭火器过期未更换。\n"
        "问题整改责任单位:市科技馆 整改时限:3天\n2. 市第二人民医院\n(1)门诊大厅地面有烟头;\n(2)公厕卫生较差。\n"
        "问题整改责任单位:市卫生健康委员会 整改时限:3天\n"
    )
    assert [item.units for item in plan.items][-1] == ("市卫生健康委员会",)


def test_numbered_duties_of_offices_in_other_words_after_x_fuze():
    plan = parse_text(
        "第三条 人口普查领导小组成员单位,应当按照下列职责分工做好人口普查工作:\n"
        "(一)统计部门负责做好人口普查的业务指导工作;\n(二)财政部门负责做好人口普查经费的落实工作;\n"
        "(三)民政部门配合做好普查区域的划分工作;\n(四)房管部门配合做好物业管理小区普查的组织协调工作;\n"
        "(五)警备区以及其他部门也要按照各自的职责,做好人口普查工作。\n"
    )
    # ("也要" after an office is its duty word: 1097's gold names 警备区)
    assert [item.units for item in plan.items] == [("统计部门",), ("财政部门",), ("民政部门",), ("房管部门",), ("警备区",)]


def test_offices_alone_on_their_lines_over_their_duties():
    plan = parse_text(
        "管理事项 中考、高考保障\n相关部门\n\n职责分工\n\n区公安分局\n\n维护考点周边安全、网上不良信息检查、试卷运送保管安全保障。\n\n"
        "区教育局\n\n负责高考、中考的具体组织、实施和协调工作;层层签订教育考试责任书。\n\n"
        "区市场监管局\n\n考点周边宾馆及服务业、餐饮卫生检查。\n"
    )
    assert [item.units for item in plan.items] == [("区公安分局",), ("区教育局",), ("区市场监管局",)]
    assert plan.items[0].text.startswith("维护考点周边安全")


def test_a_title_over_two_lines_after_a_publisher_is_no_office_s_duty():
    plan = parse_text(
        "【市本级】呼和浩特市人民政府办公室\n关于印发《呼和浩特市2021年政务公开\n工作要点》的通知\n"
        "呼和浩特市人民政府办公室\n关于印发《呼和浩特市2021年政务公开\n工作要点》的通知\n"
    )
    assert plan.items == ()


def test_a_rectification_measure_an_office_sees_done():
    plan = parse_text(
        "发现存在以下问题亟待整改:\n1、广伟商城户外宣传广告破损。\n整改措施:由县住建局督促商户更换。\n"
        "2、河滨南路有住户在行道树晾晒衣物。\n整改措施:由包片单位县文广局督促住户移走晾晒的衣物,并加强教育引导。\n"
    )
    assert [item.units for item in plan.items] == [("县住建局",), ("县文广局",)]


def test_towns_that_assist_the_offices_named_after_peihe():
    plan = parse_text(
        "一、加强活动组织领导。成立工作班子,制定实施方案,召开动员会议,广泛宣传发动。\n"
        "二、开展市民文明素质提升行动。各乡镇(街道)配合市文明办,负责组织实施本辖区市民文明素质提升工作。\n"
    )
    item = plan.items[-1]
    assert set(item.units) == {"各乡镇(街道)", "市文明办"} and item.lead_units == ("市文明办",)


def test_a_school_calendar_of_the_spring_term_with_a_dates_column():
    plan = parse_text(
        "某中学2020-2021学年第二学期校历\n起止日期 | 主要工作 | 责任处室 |\n"
        "2月25日 | 上午:教职工大会暨教师发展论坛 | 教科室 |\n2月26日 | 上午:教师培训暨德育工作会议 | 教育处 |\n"
        "第一周 | 3月1日-3月7日 | 开学典礼;升旗仪式表彰 | 教育处、团委 |\n开学督导迎检 | 督导室 | ||\n"
        "新学期备课组长会议 | 教务处 | ||\n第二周 | 3月8日-3月14日 | 升旗仪式、主题班会 | 教育处、团委 |\n"
    )
    assert [item.deadline.date for item in plan.items] == [
        date(2021, 2, 25), date(2021, 2, 26), date(2021, 3, 7), date(2021, 3, 7), date(2021, 3, 7), date(2021, 3, 14),
    ]
    assert [item.units for item in plan.items][:3] == [("教科室",), ("教育处",), ("教育处", "团委")]
    assert plan.items[3].section == ("第一周",)  # a week's merged date cell over its rows
    assert parse_text("某中学2020-2021学年第一学期工作计划\n").year == 2020


def test_each_year_s_work_of_a_plan_over_several_years_is_due_at_that_year_s_end():
    plan = parse_text(
        "太平镇全面推行河长制实施方案\n二、工作安排\n(一)2023年重点任务:完成河道基础信息普查,建立一河一档数据库。\n"
        "(二)2024年重点任务:推进水域岸线修复工程;建立水质监测预警系统。\n(三)2025年重点任务:构建常态化管护机制。\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31)]


def test_a_label_typed_with_a_semicolon_and_an_office_named_after_a_role_word():
    plan = parse_text(
        "一、媒体宣传\n1.网站要在首页刊发巩固国家卫生城市公益广告,并自行创作公益广告刊播。(责任单位:市科技资源统筹中心)\n"
        "2.实施改厨、改厕、改圈等工程,提升村屯人居环境质量和水平。(责任单位;住建局、畜牧局、各乡镇场)\n"
    )
    assert [item.units for item in plan.items] == [("市科技资源统筹中心",), ("住建局", "畜牧局", "各乡镇场")]
    roles = parse_text("1.推进各类规划主动公开,公开本地规划。(省发展改革委牵头;省直有关部门按照职责分工负责)\n")
    assert roles.items[0].lead_units == ("省发展改革委",)  # a role word and a semicolon: no label
