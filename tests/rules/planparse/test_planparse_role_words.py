"""Role words and labels an annotation may use beyond 牵头/负责/配合, each read into units and
leads as CONTRACTS.md section 1 says, and header words of task tables (written while round 12 was
studied, as the ways of saying a unit's role or a column's meaning that the corpus had not met)."""

from __future__ import annotations

import pytest

from gongkai.rules.planparse import PlanKind, parse_text
from gongkai.rules.planparse.annotations import parse_annotation

CASES = [
    ("(主责单位：市财政局)", ["市财政局"], ["市财政局"]),
    ("(负责单位：市财政局)", ["市财政局"], ["市财政局"]),
    ("(主管部门：市财政局)", ["市财政局"], ["市财政局"]),
    ("(实施主体：各县区政府)", ["各县区政府"], ["各县区政府"]),
    ("(牵头：市财政局；配合：市税务局)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(责任单位：市财政局(牵头)、市税务局)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(市财政局为牵头单位，市税务局为配合单位)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(市财政局主责，市税务局配合)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(市财政局负总责)", ["市财政局"], ["市财政局"]),
    ("(市财政局统筹，各部门落实)", ["市财政局", "各部门"], ["市财政局"]),
    ("(市财政局牵头，各县区具体实施)", ["市财政局", "各县区"], ["市财政局"]),
    ("(市财政局、市税务局共同负责)", ["市财政局", "市税务局"], ["市财政局", "市税务局"]),
    ("(市政府办公室牵头，市政数局技术支撑)", ["市政府办公室", "市政数局"], ["市政府办公室"]),
]


@pytest.mark.parametrize(("annotation", "units", "leads"), CASES)
def test_an_annotation_names_its_units_and_leads(annotation, units, leads):
    found = parse_annotation(annotation)
    assert found is not None
    assert list(found.units) == units
    assert list(found.lead_units) == leads


def test_a_rectification_ledger_reads_its_problems_as_sections_and_its_measures_as_items():
    plan = parse_text(
        "示范县2024年巡察反馈问题整改台账\n"
        "序号 | 存在问题 | 整改措施 | 整改责任单位 | 整改责任人 | 整改时限 |\n"
        "1 | 政务公开栏目更新不及时。 | 建立栏目更新台账，每月检查一次。 | 县政府办公室 | 张明 | 2024年6月底前 |\n"
        "2 | 依申请公开答复不规范。 | 制定答复模板，开展业务培训。 | 县司法局 | 李强 | 2024年9月底前 |\n"
    )
    assert plan.kind is PlanKind.TABLE
    first, second = plan.items
    assert (first.section, first.text, first.units) == (
        ("政务公开栏目更新不及时。",), "建立栏目更新台账，每月检查一次。", ("县政府办公室",)
    )
    assert first.notes == ("整改责任人：张明",)
    assert [item.deadline.date.isoformat() for item in plan.items] == ["2024-06-30", "2024-09-30"]
    assert second.units == ("县司法局",)


@pytest.mark.parametrize(
    "header", ["序号 | 推进措施 | 责任单位及责任人 | 计划完成时间 |", "序号 | 年度目标 | 主要责任单位 | 成果形式 |"]
)
def test_more_header_words_name_the_task_units_and_deadline_columns(header):
    plan = parse_text(f"示范市2024年重点工作任务分解\n{header}\n1 | 完成城北学校主体建设。 | 县教体局 | 2024年底 |\n")
    assert plan.kind is PlanKind.TABLE
    assert [(item.text, item.units) for item in plan.items] == [("完成城北学校主体建设。", ("县教体局",))]
