"""Layouts of the thirty-eighth round of real notices (tests/fixtures/notices/real/1351-1394):
petitions, secrecy, grain reserves, defence and fund-raising rules, many of them rules and 三定 lists
that give offices their duties; each as a small synthetic page written the way those pages are, and
each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.model import PlanKind


def test_a_page_titled_as_one_office_s_duties_gives_it_every_numbered_duty():
    plan = parse_text(
        "县档案馆主要职责\n一、负责收集、整理和保管本县各机关形成的档案。\n二、承办县委、县政府交办的档案利用事项。\n"
        "三、负责指导乡镇和部门的档案工作。\n"
    )
    assert plan.kind is PlanKind.PROSE
    assert [item.units for item in plan.items] == [("县档案馆",)] * 3
    assert not any("没有标注责任单位" in warning for warning in plan.warnings)


def test_a_title_of_duties_that_names_no_office_gives_none():
    # "岗位职责", "工作职责", "各成员单位职责": no office named, the list stays unassigned
    for title in ("工作职责", "各成员单位职责", "落实政府职责"):
        plan = parse_text(f"{title}\n一、负责收集、整理和保管档案。\n二、承办交办的档案利用事项。\n")
        assert not any(item.units for item in plan.items), title


def test_a_rule_s_chapter_of_an_office_s_duties_gives_the_office_its_articles():
    plan = parse_text(
        "全区远程工作站管理规则\n第一章 总 则\n第一条 为确保通信网安全运行,特制定本规则。\n"
        "第二条 远程工作站,主要是指设在各县政府办公室的通信终端。\n第三条 本规则适用于全区各远程站。\n"
        "第二章 远程站的工作职责\n第四条 负责有关数据的传输,为各级领导机关服务。\n"
        "第五条 完成自治区人民政府办公厅交办的有关事项。\n"
    )
    assert [(item.text[:6], item.units) for item in plan.items] == [
        ("负责有关数据", ("远程站",)),
        ("完成自治区人", ("远程站",)),
    ]


def test_a_duties_heading_closed_by_a_stop_names_its_office_and_its_duties_keep_it():
    # "2、市领导小组的职责。" over "(2)确定市级有关部门…的具体职责": the duty names other offices as its
    # object, never as the ones who do it
    plan = parse_text(
        "市金融突发事件应急预案\n2、市领导小组的职责。\n(1)根据市政府的决定,启动和终止本预案。\n"
        "(2)确定市级有关部门、相关县(区)政府在应急处置过程中的具体职责及分工。\n"
        "3、市领导小组办公室职责。\n(1)收集、整理、上报有关信息资料。\n"
    )
    assert [item.units for item in plan.items] == [("市领导小组",), ("市领导小组",), ("市领导小组办公室",)]


def test_a_part_that_charges_the_government_with_its_duties_names_no_office():
    plan = parse_text(
        "学前教育发展行动方案\n一、落实政府职责\n(一)健全管理体制。建立市统筹、县为主的管理体制。(市教育局负责)\n"
        "(二)建立联席会议制度。每年召开两次会议,研究解决重大问题。\n"
    )
    assert plan.items[0].units == ("市教育局",)
    assert "政府" not in plan.items[1].units


def test_an_office_s_telephone_in_its_heading_is_not_part_of_its_name():
    plan = parse_text(
        "内设机构及职能\n(一)办信科(电话:81261181)\n主要职能:办理人民群众的来信;及时筛选重要来信报送领导阅批。\n"
        "(二)接访科(联系电话:0731-82212955)\n主要职能:接待人民群众来访,受理人民群众来电。\n"
    )
    assert [item.units for item in plan.items] == [("办信科",), ("接访科",)]


def test_an_office_that_works_under_another_s_lead_or_under_its_short_name_does_its_duty():
    plan = parse_text(
        "市打击非法集资工作制度\n一、工作职责\n(一)市领导小组在市委、市政府领导下,负责指导全市打击非法集资工作。\n"
        "(二)市金融工作局(以下简 称“市金融局”)负责全市非法集资监测预警的日常工作。\n"
        "(三)市公安局负责依法侦查非法集资犯罪案件。\n"
    )
    # (the alias stays inside the unit, as the README says and most golds write it)
    assert [item.units for item in plan.items] == [("市领导小组",), ("市金融工作局(以下简称“市金融局”)",), ("市公安局",)]


def test_whom_a_notice_was_sent_to_under_its_date_is_no_task():
    plan = parse_text(
        "市人民政府办公室关于印发市打击非法集资工作制度的通知\n各县人民政府:\n现将《工作制度》印发给你们,请认真贯彻执行。\n"
        "2012年12月24日\n(发至县人民政府)\n市打击非法集资工作制度\n一、工作职责\n"
        "(一)市领导小组负责指导全市打击非法集资工作。\n(二)市公安局负责依法侦查非法集资犯罪案件。\n"
    )
    assert [item.units for item in plan.items] == [("市领导小组",), ("市公安局",)]
    assert not any("发至" in unit for item in plan.items for unit in item.units)
