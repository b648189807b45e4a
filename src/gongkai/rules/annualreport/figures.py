"""The §二 figures the platform does not hold (行政许可、行政处罚、行政强制 decisions, 行政事业性收费
in 万元), read from an uploaded sheet: 单位名称 | 信息内容 | 数值, one figure a row (issue 16, item
2). A sheet with any bad row is refused whole: every problem is listed with its row number and
reason, and nothing is saved. A row whose 数值 is blank is skipped (not entered). Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from gongkai.rules.annualreport.template import FORMAT_2021, Measure

HEADER: Final = ("单位名称", "信息内容", "数值")
# The §二 rows each unit enters, in the template's order.
ENTERED_ROWS: Final = ("行政许可", "行政处罚", "行政强制", "行政事业性收费")
MOST: Final = 10**9  # no government decides a billion cases a year: a larger figure is a typo
MAX_ROWS: Final = 20_000
BLANKS: Final = frozenset({"", "/", "—", "-"})


@dataclass(frozen=True)
class FigureRow:
    line: int  # the row number in the sheet, as the spreadsheet shows it
    unit: str
    row: str
    value: Decimal


def measure_of(row: str) -> Measure:
    return FORMAT_2021.proactive_table_of(row).columns[0].measure


def parse_figures(rows: Iterable[Sequence[object]]) -> tuple[list[FigureRow], list[str]]:
    """The figures of the sheet and the problems found (empty when the sheet is good)."""
    found: list[FigureRow] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for line, cells in enumerate(rows, 1):
        texts = [_text(cell) for cell in cells]
        if line == 1:
            if tuple(texts[: len(HEADER)]) != HEADER:
                return [], [f"第 1 行：表头应为“{'、'.join(HEADER)}”（可先下载模板）。"]
            continue
        if line > MAX_ROWS:
            return [], [f"表格超过 {MAX_ROWS} 行，请分批上传。"]
        texts += [""] * (len(HEADER) - len(texts))
        cell = cells[2] if len(cells) > 2 else None
        unit, row, raw = texts[0], texts[1], texts[2]
        if not any(texts):
            continue
        if raw in BLANKS:
            continue  # not entered
        problem = _problem(unit, row, cell, raw)
        if problem:
            problems.append(f"第 {line} 行：{problem}")
            continue
        if (unit, row) in seen:
            problems.append(f"第 {line} 行：{unit}的“{row}”与第 {seen[unit, row]} 行重复。")
            continue
        seen[unit, row] = line
        value = _number(cell, raw)
        assert value is not None  # _problem said so
        found.append(FigureRow(line, unit, row, value))
    return (found, []) if not problems else ([], problems)


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _number(cell: object, raw: str) -> Decimal | None:
    if isinstance(cell, bool):
        return None
    try:
        value = Decimal(str(cell)) if isinstance(cell, int | float) else Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _problem(unit: str, row: str, cell: object, raw: str) -> str:
    if not unit:
        return "未填写单位名称。"
    if row not in ENTERED_ROWS:
        return f"信息内容“{row}”应为{'、'.join(ENTERED_ROWS)}之一。"
    value = _number(cell, raw)
    measure = measure_of(row)
    if value is None:
        return f"数值“{raw}”不是数字。"
    if value < 0:
        return f"数值 {raw} 不能为负数。"
    if value > MOST:
        return f"数值 {raw} 过大，请核对。"
    if measure is Measure.COUNT and value != value.to_integral_value():
        return f"{row}的数值应为整数（件），而不是 {raw}。"
    if measure is Measure.MONEY and value != value.quantize(Decimal("0.0001")):
        return f"{row}的金额以万元为单位，最多保留四位小数，而不是 {raw}。"
    return ""
