"""Layouts of the sixteenth round of real notices (tests/fixtures/notices/real/461-489), each as a
small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_unnumbered_place_with_its_duty_heads_the_problems_numbered_under_it():
    plan = parse_text(
        "【督查曝光台】示范市城区问题清单\n\n"
        "3月10日,市创建办对城区街道、社区进行暗访督查。现就问题清单曝光如下:\n\n"
        "东关社区(责任单位:示范区东城街道办事处东关社区)\n\n"
        "1、志愿服务岗上班时间无人在岗\n\n"
        "2、便民广场电动车乱停乱放。\n\n"
        "北门街道办:(责任单位:示范区北门街道办事处)\n\n"
        "1、消防栓未年检\n\n"
        "2、未设置无障碍卫生间,院内绿化带内暗藏垃圾。\n"
    )
    assert [item.text for item in plan.items] == [
        "志愿服务岗上班时间无人在岗",
        "便民广场电动车乱停乱放。",
        "消防栓未年检",
        "未设置无障碍卫生间，院内绿化带内暗藏垃圾。",
    ]
    assert [item.units for item in plan.items] == [
        ("示范区东城街道办事处东关社区",),
        ("示范区东城街道办事处东关社区",),
        ("示范区北门街道办事处",),
        ("示范区北门街道办事处",),
    ]
    assert plan.items[2].section == ("北门街道办：",)


def test_bulleted_problems_each_with_a_line_naming_who_answers_and_who_oversees():
    plan = parse_text(
        "● 市内各营业网点电子屏幕无宣传标语。\n"
        "(主体责任:各营业网点,监督责任:移动、联通公司)\n"
        "● 农贸市场空闲摊位乱堆乱放,水产区脏乱差。\n"
        "(主体责任:城东村委会,监督责任:市市场监管局)\n"
    )
    assert [item.text for item in plan.items] == [
        "市内各营业网点电子屏幕无宣传标语。",
        "农贸市场空闲摊位乱堆乱放，水产区脏乱差。",
    ]
    assert [item.units for item in plan.items] == [
        ("各营业网点", "移动", "联通公司"),
        ("城东村委会", "市市场监管局"),
    ]
    assert [item.lead_units for item in plan.items] == [("各营业网点",), ("城东村委会",)]


def test_a_bureau_sections_table_one_cell_a_line_with_the_deadline_before_the_units():
    plan = parse_text(
        "序号\n指标\n工作任务\n完成时限\n责任领导\n责任股室\n(单位)\n备注\n"
        "1\n公共文化服务\n“两馆一站”免费开放服务人次较上年增长15%。\n12月底前\n王明\n文化宣传股\n文化馆\n图书馆\n"
        "2\n全年组织开展文化下乡等惠民演出不少于100场。\n"
        "3\n广电\n完成县级应急广播系统(二期)建设。\n广电事业股\n"
    )
    assert [item.text for item in plan.items] == [
        "“两馆一站”免费开放服务人次较上年增长15%。",
        "全年组织开展文化下乡等惠民演出不少于100场。",
        "完成县级应急广播系统(二期)建设。",
    ]
    assert plan.items[0].units == ("文化宣传股", "文化馆", "图书馆")
    assert plan.items[2].units == ("广电事业股",)


def test_a_line_of_units_that_assist_in_carrying_a_task_out():
    plan = parse_text(
        "2016年市定10件民生实事及责任分工\n"
        "一、实施“畅通出行”工程\n"
        "1.建成解放路沙河桥、太白山路沙河桥。\n"
        "牵头责任单位:市城乡建设委员会\n"
        "配合实施单位:郾城区人民政府、源汇区人民政府\n"
        "2.新改建农村公路260公里,改造危桥10座。\n"
        "牵头责任单位:市交通运输局\n"
        "配合实施单位:各县区人民政府\n"
    )
    assert [item.units for item in plan.items] == [
        ("市城乡建设委员会", "郾城区人民政府", "源汇区人民政府"),
        ("市交通运输局", "各县区人民政府"),
    ]
    assert [item.lead_units for item in plan.items] == [("市城乡建设委员会",), ("市交通运输局",)]


def test_minutes_asking_an_office_to_do_the_work_name_it_as_the_unit():
    plan = parse_text(
        "示范县人民政府第32次常务会议纪要\n"
        "一、关于2010年县本级财政支出预算\n"
        "会议原则同意2010年县本级财政支出预算,请县财政局按会议讨论意见作进一步修改完善,提交县人大常委会审议。\n"
        "二、关于推进2010年重点项目建设意见\n"
        "议定:原则同意《关于推进2010年重点项目建设的意见》,请县发改委、县统计局按会议讨论意见修改完善后印发。\n"
    )
    assert [item.units for item in plan.items] == [("县财政局",), ("县发改委", "县统计局")]


def test_a_pages_markup_pasted_as_it_was_copied_is_read_as_the_page():
    plan = parse_text(
        '<p class="ql-block">一、示范社区</p> <p class="ql-block">(一)背街小巷</p> '
        '<p class="ql-block">1.南二巷商铺门前三包责任落实不到位,门口杂物乱堆乱放。</p> '
        '<p class="ql-block">责任单位:市综合行政执法局</p> '
        '<p class="ql-block">2.南二巷车辆乱停放现象普遍。</p> <p class="ql-block">责任单位:市公安局</p>'
    )
    assert [item.text for item in plan.items] == [
        "南二巷商铺门前三包责任落实不到位，门口杂物乱堆乱放。",
        "南二巷车辆乱停放现象普遍。",
    ]
    assert [item.units for item in plan.items] == [("市综合行政执法局",), ("市公安局",)]


def test_empty_junk_tags_between_lines_of_plain_text_leave_it_plain_text():
    plan = parse_text(
        '<legend id="x1"></legend><samp id="x1"></samp>\n'
        '<p id="x1"><td id="x1"></td></p><track id="x1"></track>\n'
        "示范市2021年政务公开工作要点\n"
        "1.做好政策解读工作。(市政府办公室负责)\n"
        "2.推进基层政务公开标准化规范化。(各区县政府负责)\n"
    )
    assert [item.units for item in plan.items] == [("市政府办公室",), ("各区县政府",)]


def test_an_inspections_places_each_with_the_problem_found_and_who_answers_for_it():
    plan = parse_text(
        "示范县创建文明城市第25次实地督查问题曝光通报\n"
        "8月7日,示范县开展第25次实地督查,现对督查过程中发现的问题进行曝光通报。\n"
        "县人民医院 存在问题:室外仓储间物品摆放杂乱,医疗废物暂存间危险指示牌老化看不清。 责任单位:县卫生健康局\n"
        "城东农贸市场 存在问题:市场内卫生死角、杂物乱堆现象突出,排水沟盖网损坏。 责任单位:县市场监管局、县综合行政执法局\n"
        "示范汽车客运站 工作成效:站内环境整洁。\n"
    )
    assert [item.section for item in plan.items] == [("县人民医院",), ("城东农贸市场",)]
    assert [item.text for item in plan.items] == [
        "室外仓储间物品摆放杂乱，医疗废物暂存间危险指示牌老化看不清。",
        "市场内卫生死角、杂物乱堆现象突出，排水沟盖网损坏。",
    ]
    assert [item.units for item in plan.items] == [("县卫生健康局",), ("县市场监管局", "县综合行政执法局")]
    assert any("工作成效" in warning for warning in plan.warnings)
