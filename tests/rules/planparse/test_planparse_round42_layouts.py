"""Layouts of the forty-second round of real notices (tests/fixtures/notices/real/1551-1599):
housing and gas safety, funerals, fraud, dust and noise, farmland and forests, most of them rules
that give offices their duties by article; each as a small synthetic page written the way those
pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_an_office_charged_with_leading_a_piece_of_work_is_its_unit():
    # "负责领导全县…工作": responsible for leading it (never "负责领导:张三", a person's label)
    plan = parse_text(
        "梁河县殡葬管理实施细则\n第二章 管理机制\n第五条 县殡葬改革工作领导小组负责领导全县殡葬改革工作。\n"
        "第六条 县人民政府民政部门负责本行政区域内的殡葬管理工作。\n"
    )
    assert [item.units for item in plan.items] == [("县殡葬改革工作领导小组",), ("县人民政府民政部门",)]


def test_an_office_seated_in_another_is_the_one_that_does_the_work():
    plan = parse_text(
        "某区重点项目建设工作方案\n三、组织保障\n(一)成立领导小组。区长任组长。\n"
        "(二)领导小组办公室设在区项目建设服务中心,负责领导小组日常工作和项目调度。\n"
    )
    assert plan.items[-1].units == ("领导小组办公室",)
