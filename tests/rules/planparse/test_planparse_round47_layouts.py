"""Layouts of the forty-seventh round of real notices (tests/fixtures/notices/real/1801-1848):
education, civilised-city campaigns, rural roads and road safety, environmental rectification,
open-government ledgers; each as a small synthetic page written the way those pages are, and each
read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_office_s_responsibilities_as_follows_head_its_list():
    plan = parse_text(
        "某市农村公路养护管理办法\n"
        "乡(镇)政府在农村公路养护管理中具体责任如下:\n"
        "(一)负责筹集本辖区农村公路养护所需资金。\n"
        "(二)负责本辖区乡级公路路产、路权保护工作。\n"
        "市级农村公路养护管理部门具体工作职能如下:\n"
        "(一)对全市农村公路养护管理工作检查、监督、指导、服务。\n"
    )
    assert [item.units for item in plan.items] == [("乡(镇)政府",)] * 2 + [("市级农村公路养护管理部门",)]


def test_a_work_group_s_lead_members_and_duty_lines():
    plan = parse_text(
        "某市打击非法营运专项整治活动实施方案\n"
        "四、组织领导\n"
        "(一)综合宣传组\n"
        "牵头单位:市委宣传部\n"
        "成员单位:市交通局、市公安局\n"
        "职责任务:组织新闻媒体大力宣传专项整治的目的、意义、方式和步骤，营造良好舆论氛围。\n"
        "(二)法律事务组\n"
        "牵头单位:市政府法制办\n"
        "成员单位:市交通局\n"
        "职责任务:负责有关法律事务协调服务工作。\n"
    )
    assert [item.text[:6] for item in plan.items] == ["组织新闻媒体", "负责有关法律"]
    assert [item.units for item in plan.items] == [("市委宣传部", "市交通局", "市公安局"), ("市政府法制办", "市交通局")]
    assert [item.lead_units for item in plan.items] == [("市委宣传部",), ("市政府法制办",)]


def test_an_office_that_exercises_a_power_under_a_rule_has_its_listed_duties():
    plan = parse_text(
        "教育督导暂行规定\n"
        "第四条 根据国务院的有关规定，国家教育委员会行使教育督导职权，并负责管理全国教育督导工作，其主要职责是:\n"
        "(一)制定教育督导工作的方针、政策、规章;\n"
        "(二)组织培训督导人员。\n"
    )
    assert [item.units for item in plan.items] == [("国家教育委员会",)] * 2


def test_an_article_s_caption_alone_on_its_line_and_an_office_acting_as_the_competent_one():
    plan = parse_text(
        "某区政务公开工作联席会议制度\n"
        "第三条(各部门和街镇的政务公开工作职责)\n\n"
        "区政府各委局办和各街镇要明确政务公开工作的分管领导，落实政务公开工作机构。\n"
        "第四条(区府办职责)\n"
        "区府办作为本区政务公开工作的业务主管部门，负责推进全区政务公开工作。\n"
    )
    assert [item.units for item in plan.items] == [("区政府各委局办", "各街镇"), ("区府办",)]


def test_an_office_s_specific_duties_follow_its_sentence():
    plan = parse_text(
        "某市湖泊整治管理办法\n"
        "第六条 市水行政主管部门是湖泊整治的主管部门，负责统筹、组织、协调全市湖泊整治工作，具体职责如下:\n"
        "(一)编制湖泊整治规划并组织实施;\n"
        "(二)会同有关部门编制湖泊整治年度计划。\n"
    )
    assert [item.units for item in plan.items] == [("市水行政主管部门",)] * 2


def test_an_office_s_duties_written_inline_after_what_it_is():
    plan = parse_text(
        "某县农村公路管理养护体制改革实施方案\n(二)职责划分\n"
        "1.路政大队是维护县乡公路路产路权的责任主体，主要职责是:宣传贯彻公路路政法律、法规;负责超限运输车辆管理工作。\n"
        "2.县交通局负责全县农村公路管理工作。\n"
    )
    assert [item.units for item in plan.items] == [("路政大队",), ("县交通局",)]
    assert plan.items[0].text.startswith("路政大队是维护县乡公路路产路权的责任主体")


def test_a_task_label_ends_the_units_run_in_before_it():
    plan = parse_text(
        "某市创建国家卫生城市整改任务\n"
        "(十二)城区废品收购站清理 牵头单位:河东区、河西区 配合单位:市公安局、市商务局 "
        "主要任务:在10月20日前将城区的废品收购站清理到选定的郊区地段，对无证站点进行取缔。\n"
    )
    assert plan.items and all("主要任务" not in unit for item in plan.items for unit in item.units)
    assert ("河东区", "河西区", "市公安局", "市商务局") in [item.units for item in plan.items]
