"""Indicator systems to and from .xlsx: seed 001's system round-trips; a bad sheet is refused
whole, each problem with its row."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest

from gongkai.rules.assessment.indicators import IndicatorSystemError
from gongkai.rules.assessment.seed001 import seed001_system
from gongkai.rules.assessment.sheet import HEADERS, read_system, write_system
from gongkai.rules.units import UnitCategory as C
from tests.documents import xlsx_with_sheets


def workbook_bytes(rows, merges=()):
    return xlsx_with_sheets({"指标体系": [list(HEADERS), *rows]}, {"指标体系": list(merges)})


def test_seed_001_gives_every_class_100_points_with_key_leaves():
    system = seed001_system()
    for cls in C:
        assert system.total_points(cls) == 100, cls
        assert system.key_points(cls) > 0, cls
    assert [leaf.code for leaf in system.leaves(C.KEY_DEPARTMENT) if leaf.code.startswith("5.3.")][-1] == "5.3.8"
    assert "未给出分值" in system.note


def test_it_imports_seed_001_from_the_xlsx_it_writes():
    system = seed001_system()
    content = write_system(system)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.max_row == len(system.leaves()) + 1  # one row per leaf
    assert any(str(merged).startswith("A2:") for merged in sheet.merged_cells.ranges)  # 一级 merged
    again = read_system(content, system.name)
    assert again.indicators == tuple(replace(i, row=again.by_code[i.code].row) for i in system.indicators)
    assert again.by_code["3.3"].measure == "records_on_time"
    assert again.note == system.note


def test_it_reads_a_three_level_sheet():
    content = workbook_bytes([
        ["1", "组织保障", 10, "1.1", "领导组织", 4, None, None, None, None, "乡镇、街道", None],
        [None, None, None, "1.2", "工作机构", 6, None, None, None, None, None, "是"],
        [None, None, None, "1.3", "乡镇另计", 6, None, None, None, None, "全部", None],
        ["2", "个性", None, "2.1", "考评", None, "2.1.1", "机制", 4, "有文件得分", "县区", None],
        [None, None, None, None, None, None, "2.1.2", "落实", "3.5", None, "县区政府", None],
    ], merges=["A2:A4", "B2:B4", "C2:C4"])
    with pytest.raises(IndicatorSystemError) as refused:
        read_system(content, "测试")
    assert "第2行：编号 1 的分值 10 与县区政府适用的下级指标分值之和 12 不相等" in str(refused.value)
    fixed = workbook_bytes([
        ["1", "组织保障", 10, "1.1", "领导组织", 4, None, None, None, None, None, None],
        [None, None, None, "1.2", "工作机构", 6, None, None, None, None, None, "是"],
        ["2", "个性", None, "2.1", "考评", None, "2.1.1", "机制", 4, "有文件得分", "县区", None],
        [None, None, None, None, None, None, "2.1.2", "落实", "3.5", None, "县区政府、乡镇", None],
    ], merges=["A2:A3", "B2:B3", "C2:C3"])
    system = read_system(fixed, "测试")
    assert [leaf.code for leaf in system.leaves()] == ["1.1", "1.2", "2.1.1", "2.1.2"]
    assert system.by_code["1.2"].key_area and not system.by_code["1.1"].key_area
    assert system.by_code["2.1.2"].classes == {C.COUNTY_GOV, C.TOWNSHIP}
    assert system.points_of("2", C.COUNTY_GOV) == Decimal("7.5")
    assert system.points_of("2", C.TOWNSHIP) == Decimal("3.5")
    assert system.by_code["2.1.1"].guide == "有文件得分"


def test_it_refuses_a_sheet_with_a_missing_parent_a_negative_point_and_a_duplicate_code_naming_each_row():
    content = workbook_bytes([
        ["1", "组织保障", None, "1.1", "领导组织", 4, None, None, None, None, None, None],
        [None, None, None, "1.2", "工作机构", -2, None, None, None, None, None, None],
        [None, None, None, "3.1", "无上级", 2, None, None, None, None, None, None],
        [None, None, None, "1.1", "重复", 2, None, None, None, None, None, None],
    ])
    with pytest.raises(IndicatorSystemError) as refused:
        read_system(content, "测试")
    assert [problem.describe() for problem in refused.value.problems] == [
        "第3行：编号 1.2 的分值 -2 为负数",
        "第4行：编号 3.1 缺少上级指标 3（上级指标须写在它之前）",
        "第5行：编号 1.1 重复（第2行已使用）",
    ]


def test_it_refuses_a_first_row_without_its_parent():
    content = workbook_bytes([[None, None, None, "1.1", "领导组织", 4, None, None, None, None, None, None]])
    with pytest.raises(IndicatorSystemError, match="第2行：缺少一级指标编号"):
        read_system(content, "测试")


@pytest.mark.parametrize(("cells", "reason"), [
    ({10: "村委会"}, "适用类别“村委会”无法识别"),
    ({11: "可能"}, "重点领域应填“是”或留空"),
    ({2: "十分"}, "分值“十分”不是数字"),
    ({3: "1.1.1"}, "不是二级编号"),
    ({12: "网站监测"}, "平台测量“网站监测”无法识别"),
])
def test_it_names_the_cell_a_clerk_must_fix(cells, reason):
    row = ["1", "组织保障", 4, "1.1", "领导组织", 4, None, None, None, None, None, None, None]
    for index, value in cells.items():
        row[index] = value
    with pytest.raises(IndicatorSystemError, match=f"第2行：.*{reason}"):
        read_system(xlsx_with_sheets({"表": [[*HEADERS, "平台测量"], row]}), "测试")


def test_it_binds_a_leaf_to_a_measure_by_its_label():
    row = ["1", "公开时限", 4, None, None, None, None, None, None, None, None, None,
           "主动公开信息在形成之日起规定工作日内公开"]
    system = read_system(xlsx_with_sheets({"表": [[*HEADERS, "平台测量"], row]}), "测试")
    assert system.by_code["1"].measure == "records_on_time"


def test_it_refuses_a_sheet_without_the_headers_or_not_a_workbook():
    with pytest.raises(IndicatorSystemError, match="第1行：缺少列：一级编号"):
        read_system(xlsx_with_sheets({"表": [["指标", "分值"]]}), "测试")
    with pytest.raises(IndicatorSystemError, match="不是有效的 .xlsx 文件"):
        read_system(b"not a workbook", "测试")
