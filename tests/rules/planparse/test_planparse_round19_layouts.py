"""Layouts of the nineteenth round of real notices (tests/fixtures/notices/real/571-604), each as
a small synthetic page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_deadline, parse_text


def test_a_time_column_saying_after_a_document_or_as_routine_work():
    assert parse_deadline("省出台文件后 2 个月完成", 2016).recurrence == "event"
    assert parse_deadline("常态工作", 2016).recurrence == "ongoing"
    plan = parse_text(
        "示范市城市管理工作任务分解表\n|\n序号\n|\n工作任务\n|\n负责部门\n|\n时间进度\n|\n|\n"
        "1\n|\n完善城市管理体制\n|\n市委编办、市住建局、市城管局\n|\n省出台文件后 2 个月完成\n|\n|\n"
        "2\n|\n完善城市工作机制\n|\n市住建局,各县(区)政府\n|\n2016 年 6 底前\n|\n|\n"
        "3\n|\n推进数字化城市管理平台建设\n|\n市城管局,各县(区)政府\n|\n常态工作\n|\n|\n"
    )
    assert [item.text for item in plan.items] == ["完善城市管理体制", "完善城市工作机制", "推进数字化城市管理平台建设"]
    assert [item.deadline.recurrence for item in plan.items] == ["event", None, "ongoing"]


def test_laws_each_with_the_bureau_section_that_explains_them_in_brackets():
    plan = parse_text(
        "示范市司法局普法责任清单\n一、重点普法内容及责任部门\n"
        "(一)《中华人民共和国监狱法》(监狱管理局)\n"
        "(二)《中华人民共和国仲裁法》(市局法制处)\n"
        "(三)《中华人民共和国公证法》《公证员执业管理办法》(市局公证工作管理处)\n"
    )
    assert [item.units for item in plan.items] == [("监狱管理局",), ("市局法制处",), ("市局公证工作管理处",)]


def test_an_office_alone_on_its_line_over_its_duties():
    plan = parse_text(
        "示范街道办环境综合整治方案\n五、责任分工\n(一)党政办\n"
        "负责策划宣传造势,全面发动辖区群众、青年志愿者、网格员等社会力量参与市容环境整治。\n"
        "(二)城管中队\n负责对新港路进行整治,清理占道经营和乱摆卖。\n"
    )
    assert [item.units for item in plan.items] == [("党政办",), ("城管中队",)]


def test_a_letter_spaced_heading_loses_the_reading_a_page_injected_too():
    from gongkai.rules.planparse.normalize import fold_line

    assert fold_line("一 、 觀 音 閣 菜 市 場 ( c h ǎ n g )") == "一、观音阁菜市场"
