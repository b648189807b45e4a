"""Layouts of the fortieth round of real notices (tests/fixtures/notices/real/1451-1495): the
12345 hotline, veterans, disability, forest fires and rectification; each as a small synthetic
page written the way those pages are, and each read by a general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.cells import is_unit_phrase


def test_an_office_s_name_over_its_numbered_duties_gives_it_each():
    # a 机构设置 page: the office (its other name in brackets) alone over "一、负责…" "二、负责…"
    plan = parse_text(
        "• 当前位置:首页 > 机构设置\n• 自治区护林防火指挥部办公室(西北卫星林火监测分中心)\n•\n"
        "一、负责贯彻执行《森林防火条例》和森林防火的各项方针、政策。\n二、负责起草森林火灾预防管理的规章并组织实施。\n"
        "三、会同有关部门制定森林防火工作总体规划。\n四、组织开展全区森林航空消防工作。\n"
    )
    assert [item.units for item in plan.items] == [("自治区护林防火指挥部办公室(西北卫星林火监测分中心)",)] * 4


def test_a_heading_over_numbered_work_that_is_no_duty_names_no_office():
    plan = parse_text(
        "市林业局\n一、全市完成营造林5万亩。\n二、森林覆盖率达到45%。\n三、湿地保护率稳定在60%以上。\n"
    )
    assert not any(item.units for item in plan.items)


def test_a_rule_s_article_of_an_office_s_duties_names_the_office_with_its_hotline_number():
    plan = parse_text(
        "自治区12345政务服务便民热线管理办法\n第二章 职责分工\n"
        "第四条 自治区12345政务服务便民热线工作领导小组负责统筹全区热线工作。\n"
        "第五条 自治区本级12345热线工作机构主要职责:\n(一)制定热线运行管理规范,建立热线工作机制;\n"
        "(二)对各地区各部门热线工作进行监督管理和评价;\n"
    )
    assert [item.units for item in plan.items] == [
        ("自治区12345政务服务便民热线工作领导小组",),
        ("自治区本级12345热线工作机构",),
        ("自治区本级12345热线工作机构",),
    ]


def test_only_a_hotline_s_number_may_stand_in_a_unit_s_name():
    assert is_unit_phrase("市110指挥中心") and is_unit_phrase("区12345热线办公室")
    assert not is_unit_phrase("2023年度考核领导小组") and not is_unit_phrase("第3工作组")


def test_a_table_whose_cells_a_pdf_broke_over_lines_is_reported_not_imported_as_fragments():
    # the header, then every cell wrapped over several lines without a separator: no row is whole
    cells = [
        "将故意侵犯知识产权行为情", "况纳入企业和个人信用记录", "完善信用征信目录，探索建立", "健全社会信用监督机制，将恶",
        "意侵犯知识产权行为纳入信用体", "系", "省信用办、知识产权", "局、工商局", "加强大型专业化市场知识产",
        "权管理和保护", "加强专业市场知识产权保护，有序推进", "规范化市场培育工作", "省工商局、知识产权", "局",
    ]
    plan = parse_text("知识产权保护工作任务分解表\n序号 工作重点 工作内容 具体任务 成果形式 责任部门\n" + "\n".join(cells) + "\n")
    assert plan.items == ()
    assert any("单元格在复制时被拆成了多行" in warning and "第2行起" in warning for warning in plan.warnings)
