from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from gongkai.rules.monitoring.findings import Finding
from gongkai.rules.monitoring.indicators import NATIONAL_2019, score
from gongkai.rules.monitoring.sheet import HEADERS, SheetError, read_sheet, write_sheet


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def test_the_national_system_round_trips() -> None:
    again = read_sheet(write_sheet(NATIONAL_2019), NATIONAL_2019.name)
    assert again == NATIONAL_2019


def test_a_province_system_scores_by_its_own_amounts() -> None:
    content = _xlsx([
        ["单项否决", None, "站点无法访问", None, None, None, None, None, None, "≥5%"],
        ["扣分", "1", "链接可用性", "网站可用性", 40, "链接不可用", "首页上", 2, None, None],
        ["扣分", "1", None, None, None, "链接不可用", "其他页面", 0.5, None, None],
        ["扣分", "2", "栏目更新", "信息更新", 40, "栏目不更新", None, 4, None, None],
        ["扣分", "3", "办事服务", "服务", 20, None, None, None, "是", "检查人员按实扣分"],
        ["加分", "9", "创新", "加分", 10, None, None, None, None, None],
    ])
    system = read_sheet(content, "某省检查指标")
    assert [item.points for item in system.deduct] == [40, 40, 20] and system.service_points == 20
    findings = [
        Finding("链接不可用", False, {"on_home": True}, key="a"), Finding("链接不可用", False, {"on_home": False}, key="b"),
        Finding("栏目不更新", False, {"class_code": "news"}, key="c"), Finding("办事服务", False, {}, key="d", points=Decimal(3)),
    ]
    assert score(findings, system).deduct_score == Decimal("90.50")  # 100 − 2 − 0.5 − 4 − 3
    # without services: (80 − 6.5) × 100/80 = 91.875
    assert score(findings, system, has_services=False).deduct_score == Decimal("91.88")


def test_a_bad_sheet_is_refused_whole_with_its_rows() -> None:
    content = _xlsx([
        ["扣分", "1", "链接可用性", "网站可用性", 40, "链接不可用", "首页", 2, None, None],
        ["其他", "2", "x", None, 10, None, None, None, None, None],
        ["扣分", "3", "栏目", None, "很多", None, None, None, None, None],
    ])
    with pytest.raises(SheetError) as error:
        read_sheet(content, "坏表")
    text = str(error.value)
    assert "第 2 行：条件" in text and "第 3 行：部分" in text and "第 4 行：指标 3" in text and "合计应为 100" in text
    with pytest.raises(SheetError):
        read_sheet(b"not a zip", "x")
