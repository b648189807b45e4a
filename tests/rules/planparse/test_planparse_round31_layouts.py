"""Layouts of the thirty-first round of real notices (tests/fixtures/notices/real/1041-1074):
emergency plans, relief and ecology rules and towns' lists, each as a small synthetic page written
the way those pages are, and each read by a general rule."""

from __future__ import annotations

from datetime import date

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import Column, header_column
from gongkai.rules.planparse.deadlines import parse_deadline
from gongkai.rules.planparse.furniture import is_furniture


def test_a_month_s_target_and_its_progress_are_notes_beside_the_task_column():
    plan = parse_text(
        "序号 |\n项目内容及受益面 |\n牵头单位 |\n8月份目标 |\n进展情况 |\n"
        "1 |\n新增1个共享充电桩示范小区(市级) |\n区发展改革委 |\n充电桩示范小区安装。 |\n正在建设。 |\n"
        "2 |\n既有多层住宅加装电梯新增400台 |\n区房管局 |\n新增30台、完工20台。 |\n新增81台,完工52台。 |\n"
        "3 |\n新建12家老年助餐服务场所(区级) |\n区民政局 |\n进场施工。 |\n已竣工7家。 |\n"
    )
    assert [item.text[:6] for item in plan.items] == ["新增1个共享", "既有多层住宅", "新建12家老"]
    assert [item.units for item in plan.items] == [("区发展改革委",), ("区房管局",), ("区民政局",)]
    assert all(item.deadline.date is None for item in plan.items)


def test_header_words_of_a_period_s_target_and_of_a_task_with_more():
    assert header_column("8月份目标") is Column.NOTE
    assert header_column("三季度计划") is Column.NOTE
    assert header_column("全年目标任务") is Column.REQUIREMENT  # the task itself, not a step
    assert header_column("项目内容及居民受益面") is Column.REQUIREMENT
    assert header_column("工作内容及完成时限") is None  # two columns' words: no guess


def test_parts_headed_by_an_office_alone():
    plan = parse_text(
        "市人民政府办公室关于进一步明确噪声污染防治工作职责的通知\n各县市区人民政府,市政府各部门:\n"
        "现对噪声污染防治工作职责进一步明确如下。\n一、生态环境部门\n(一)对噪声污染防治实施统一监督管理。\n"
        "(二)会同相关部门划定声环境功能区。\n二、发改部门\n(一)将噪声污染防治工作目标任务纳入中长期规划。\n"
    )
    assert [item.units for item in plan.items] == [("生态环境部门",), ("生态环境部门",), ("发改部门",)]
    kinds = parse_text("一、相关部门\n(一)对噪声污染防治实施统一监督管理。\n(二)会同划定声环境功能区。\n")
    assert all(not item.units for item in kinds.items)  # a kind of unit names no office


def test_an_emergency_plan_s_decimal_section_of_a_headquarters_duties_opening_the_page():
    plan = parse_text(
        "2.1.3省重大食品安全事故应急指挥部职责\n(1)领导、组织、协调事故应急救援工作;\n"
        "(2)负责事故应急救援重大事项的决策;\n(3)负责发布事故的重要信息;\n2.1.4成员单位职责\n"
        "省食品药品监管局负责应急指挥部办公室日常工作,拟订应急救援预案。\n"
    )
    assert plan.title is None  # a section's heading, not the page's title
    assert [item.units for item in plan.items] == [
        ("省重大食品安全事故应急指挥部",), ("省重大食品安全事故应急指挥部",), ("省重大食品安全事故应急指挥部",),
        ("省食品药品监管局",),
    ]


def test_offices_duties_in_other_words_among_lines_of_x_fuze():
    plan = parse_text(
        "2.1.4成员单位职责\n省卫生厅负责突发重大食物中毒的应急响应及病员救治工作。\n"
        "省农委负责组织对重大初级农产品质量安全事故的调查处理。\n"
        "省工商局依法开展食品流通环节造成重大食品安全事故违法行为的调查处理等工作。\n"
        "国土资源厅、省民防局等有关部门根据需要及时组织过渡性安置点的选址工作。\n"
    )
    assert [item.units for item in plan.items] == [
        ("省卫生厅",), ("省农委",), ("省工商局",), ("国土资源厅", "省民防局"),
    ]
    assert plan.items[2].text.startswith("省工商局依法开展")


def test_a_requirement_or_a_request_after_duty_lines_names_no_office():
    plan = parse_text(
        "四、任务分工\n县公安局负责提供宣传、培训素材并每周通报各地宣传情况。\n"
        "县委宣传部负责全县公共媒体、自媒体的电信诈骗宣传防范工作。\n"
        "各乡镇要结合实际组织开展入户宣传和社会面宣传工作,确保覆盖全部群众。\n"
        "请各相关单位对本次巡查的问题认真整改,整改落实情况及时报县双创办。\n"
    )
    # (since the README counts offices as the subject of 要, session 20, the towns' requirement
    # names them, as 2331's gold reads such a paragraph under a heading; the request names no one)
    assert [item.units for item in plan.items][:3] == [("县公安局",), ("县委宣传部",), ("各乡镇",)]
    assert all(item.units == () for item in plan.items[3:])


def test_member_units_duties_one_a_paragraph_with_an_alias_and_a_cut_last_one():
    plan = parse_text(
        "  市公安局(含市消防支队):组织协调火灾事故引发的环境事件现场应急处置工作。\n\n"
        "  市城管局:负责受突发环境事件影响的城市供气系统畅通。\n\n"
        "  市卫生局:负责受伤、中毒人员医疗救治,为事发地医疗机构提供技术支持。\n\n"
        "  市气象局:提供突发环境事件\n"
    )
    assert [item.units for item in plan.items] == [("市公安局(含市消防支队)",), ("市城管局",), ("市卫生局",)]
    assert any("提供突发环境事件" in warning for warning in plan.warnings)  # the page ends inside it


def test_a_site_s_technical_support_line_is_furniture_and_a_duty_to_give_support_is_not():
    assert is_furniture("技术支持：某某科技有限公司")
    assert is_furniture("海口市信息中心规划设计并技术实现 网站技术支持电话:0898-68725613")
    assert not is_furniture("市卫生局:负责医疗救治,为事发地医疗机构提供技术支持。")


def test_numbered_phases_named_with_their_time_are_steps_due_at_their_end():
    plan = parse_text(
        "三、实施步骤\n第一阶段:组织部署(2008年11月5日之前)。制订实施计划,落实责任分工。\n"
        "第二阶段:集中整治(2008年11月6日-12月20日)。依据实施计划的内容和目标,集中力量全面整治。\n"
        "第三阶段:查漏补缺(2008年12月21日-1月10日)。组织自查自评,对缺项、漏项的继续组织整治。\n"
    )
    assert [item.deadline.date for item in plan.items] == [date(2008, 11, 5), date(2008, 12, 20), date(2009, 1, 10)]


def test_a_range_over_the_new_year_ends_in_the_next_one():
    assert parse_deadline("2008年12月21日-1月10日", None).date == date(2009, 1, 10)
    assert parse_deadline("11月至次年2月", 2020).date == date(2021, 2, 28)
    assert parse_deadline("3月至6月", 2020).date == date(2020, 6, 30)


def test_an_office_that_mainly_does_its_duty():
    plan = parse_text(
        "第二章职责分工\n第四条各级财政部门主要负责申请财政补贴资金,建立新农保财政专户,落实本级财政补贴资金。\n"
        "第五条各级审计部门主要负责对新农保基金的收支、管理和投资运营情况进行审计。\n"
    )
    assert [item.units for item in plan.items] == [("各级财政部门",), ("各级审计部门",)]


def test_a_table_glued_into_one_line_header_rows_and_all():
    plan = parse_text(
        "重点任务分工清单\n"
        "序号工作任务责任单位21树立婚育新风。充分发挥传统媒体和新媒体作用。构建新型婚育文化。省委宣传部、省妇联牵头;"
        "省总工会、团省委配合;各州(市)人民政府落实22根据经济社会发展水平等因素,实行扶助标准动态调整机制。地方各级政府应当"
        "发放护理补贴。省财政厅牵头;省民政厅配合;各州(市)人民政府落实23重大节日期间组织开展送温暖活动。深入\n"
    )
    assert [item.text[:6] for item in plan.items] == ["树立婚育新风", "根据经济社会", "重大节日期间"]
    assert plan.items[0].units == ("省委宣传部", "省妇联", "省总工会", "团省委", "各州(市)人民政府")
    assert plan.items[0].lead_units == ("省委宣传部", "省妇联")
    assert plan.items[1].text.endswith("发放护理补贴。")  # its second sentence opens with 地方各级政府
    assert plan.items[2].units == ()  # the page ends before its unit cell


def test_an_emergency_office_is_named_by_its_ying_and_not_told_what_it_should_do():
    plan = parse_text(
        "2.1.4成员单位职责\n省卫生厅负责突发重大食物中毒的应急响应及病员救治工作。\n"
        "省农委负责组织对重大初级农产品质量安全事故的调查处理。\n"
        "市应急管理局依法组织开展生产安全事故引发的食品安全事故的调查处理等工作。\n"
        "县应急局应当加强值班值守,做好突发事件信息的收集和报送工作。\n"
    )
    assert [item.units for item in plan.items][:3] == [("省卫生厅",), ("省农委",), ("市应急管理局",)]
    assert all(item.units == () for item in plan.items[3:])
