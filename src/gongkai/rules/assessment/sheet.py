"""An indicator system as the .xlsx a clerk types: one row per leaf, parents in merged cells.

Columns (row 1 holds the headers, in any order)::

    一级编号 一级指标 一级分值 二级编号 二级指标 二级分值 三级编号 三级指标 三级分值 评分标准 适用类别 重点领域

A row's deepest code is its leaf; the codes before it name its parents. A parent is written once
and merged down over its leaves' rows (or left blank below: a blank parent cell continues the row
above when a deeper level is filled in). Parents' points are optional (blank: the sum of their
children's). 适用类别 lists classes separated by 、 or ，(blank or 全部: every class); 重点领域 is 是
or blank. An optional column 平台测量 binds a leaf to a measure the platform computes (``measures``). A
second sheet named 说明 may carry a note (how the points were set).

:func:`read_system` refuses a bad sheet whole: every problem with its row, nothing half-read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from gongkai.rules.assessment.indicators import (
    ALL_CLASSES,
    ALL_CLASSES_LABEL,
    CLASS_LABELS,
    Indicator,
    IndicatorSystem,
    IndicatorSystemError,
    Problem,
    check_system,
    class_label_list,
)
from gongkai.rules.assessment.measures import MEASURE_BY_LABEL, MEASURE_LABELS, Measure
from gongkai.rules.sheetcells import cell_text, keep_text
from gongkai.rules.units import UnitCategory
from gongkai.rules.uploads import dtd_part, package_refusal

HEADERS: Final = ("一级编号", "一级指标", "一级分值", "二级编号", "二级指标", "二级分值",
                  "三级编号", "三级指标", "三级分值", "评分标准", "适用类别", "重点领域")
MEASURE_HEADER: Final = "平台测量"  # optional: the measure the platform computes for the leaf
COLUMNS: Final = (*HEADERS, MEASURE_HEADER)
NOTE_SHEET: Final = "说明"
# Other ways a clerk writes a class; "市级部门" means both kinds of city department.
CLASS_ALIASES: Final[dict[str, frozenset[UnitCategory]]] = {
    **{label: frozenset({cls}) for cls, label in CLASS_LABELS.items()},
    "县区": frozenset({UnitCategory.COUNTY_GOV}),
    "管委会": frozenset({UnitCategory.COMMITTEE}),
    "重点领域部门": frozenset({UnitCategory.KEY_DEPARTMENT}),
    "非重点领域部门": frozenset({UnitCategory.OTHER_DEPARTMENT}),
    "市级部门": frozenset({UnitCategory.KEY_DEPARTMENT, UnitCategory.OTHER_DEPARTMENT}),
    "乡镇政府": frozenset({UnitCategory.TOWNSHIP}),
    "街道办事处": frozenset({UnitCategory.SUBDISTRICT}),
    "事业单位": frozenset({UnitCategory.PUBLIC_SERVICE_INSTITUTION}),
    ALL_CLASSES_LABEL: ALL_CLASSES,
}
_SEPARATORS: Final = re.compile(r"[、，,；;/\s]+")
_YES: Final = {"是", "√", "✓", "Y", "y", "1", "重点", "重点领域"}
_NO: Final = {"", "否", "N", "n", "0"}


def read_system(content: bytes, name: str) -> IndicatorSystem:
    """The system in the first sheet of the .xlsx ``content``, or :class:`IndicatorSystemError`."""
    import openpyxl  # type: ignore[import-untyped]

    refusal = package_refusal(name, content)
    if refusal is not None:  # a zip bomb is refused before openpyxl inflates it
        raise IndicatorSystemError([Problem(0, refusal)])
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            part = dtd_part(archive)
        if part is not None:
            raise IndicatorSystemError([Problem(0, f"文件中的“{part}”含有文档类型声明（DOCTYPE），请用办公软件另存后再上传")])
        workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError, EOFError, zlib.error) as error:  # ParseError: SyntaxError
        if isinstance(error, IndicatorSystemError):
            raise
        raise IndicatorSystemError([Problem(0, "不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传")]) from None
    note = ""
    if NOTE_SHEET in workbook.sheetnames:
        note = "\n".join(str(row[0]) for row in workbook[NOTE_SHEET].iter_rows(values_only=True) if row and row[0])
    reader = _Reader(_grid(workbook.worksheets[0]))
    system = reader.read(name, note)
    problems = list(dict.fromkeys([*reader.problems, *check_system(system)]))
    if problems:
        raise IndicatorSystemError(problems)
    return system


def _grid(sheet: Any) -> list[list[Any]]:
    """The sheet's values with each merged range's value copied into all of its cells."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1]
        for row in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for column in range(merged.min_col - 1, min(merged.max_col, len(rows[row]))):
                rows[row][column] = value
    return rows


@dataclass
class _Reader:
    rows: list[list[Any]]
    problems: list[Problem] = field(default_factory=list)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    open_parents: dict[int, str] = field(default_factory=dict)  # level → the parent code being filled

    def read(self, name: str, note: str) -> IndicatorSystem:
        columns = self._columns()
        above: list[str] = [""] * len(COLUMNS)
        for number, values in enumerate(self.rows[1:], 2):
            cells = [cell_text(values[index]) if index is not None and index < len(values) else "" for index in columns]
            if not any(cells):
                continue
            cells = self._continue(cells, above)
            above = cells
            self._row(number, dict(zip(COLUMNS, cells, strict=True)))
        return IndicatorSystem(name, tuple(self.indicators.values()), note)

    def _columns(self) -> list[int | None]:
        header = [cell_text(value) for value in (self.rows[0] if self.rows else [])]
        missing = [title for title in HEADERS if title not in header]
        if missing:
            raise IndicatorSystemError([Problem(1, f"缺少列：{'、'.join(missing)}（第一行应为表头）")])
        return [header.index(title) if title in header else None for title in COLUMNS]

    @staticmethod
    def _continue(cells: list[str], above: list[str]) -> list[str]:
        """Blank 一级/二级 cells continue the row above when a deeper code is filled in."""
        filled = list(cells)
        for level in (2, 1):
            start = (level - 1) * 3
            deeper = any(filled[3 * deep] for deep in range(level, 3))
            if not filled[start] and deeper and above[start]:
                filled[start:start + 3] = above[start:start + 3]
        return filled

    def _row(self, number: int, cells: dict[str, str]) -> None:
        levels = [(level, cells[f"{prefix}编号"], cells[f"{prefix}指标"], cells[f"{prefix}分值"])
                  for level, prefix in ((1, "一级"), (2, "二级"), (3, "三级"))]
        present = [item for item in levels if item[1]]
        if not present:
            self.problems.append(Problem(number, "没有填写指标编号"))
            return
        deepest = present[-1][0]
        for level, code, title, points_text in levels[:deepest]:
            if not code:
                self.problems.append(Problem(number, f"缺少{'一二三'[level - 1]}级指标编号（上级指标）"))
                return
            leaf = level == deepest
            self._indicator(number, level, code, title, points_text, cells if leaf else None)

    def _indicator(self, number: int, level: int, code: str, title: str, points_text: str,
                   leaf_cells: dict[str, str] | None) -> None:
        if level != code.count(".") + 1:
            self.problems.append(Problem(number, f"编号 {code} 不是{'一二三'[level - 1]}级编号"))
            return
        points = self._points(number, code, points_text)
        if leaf_cells is None:  # a parent: written again on each of its leaves' rows
            if self.open_parents.get(level) == code:
                return
            self.open_parents[level] = code
            for deeper in range(level + 1, 4):
                self.open_parents.pop(deeper, None)
            if code in self.indicators:
                self.problems.append(Problem(number, f"编号 {code} 重复（第{self.indicators[code].row}行已使用）"))
                return
            self.indicators[code] = Indicator(code, title, points, row=number)
            return
        classes = self._classes(number, code, leaf_cells["适用类别"])
        key_area = self._key_area(number, code, leaf_cells["重点领域"])
        if code in self.indicators:
            self.problems.append(Problem(number, f"编号 {code} 重复（第{self.indicators[code].row}行已使用）"))
            return
        measure = self._measure(number, code, leaf_cells[MEASURE_HEADER])
        self.indicators[code] = Indicator(code, title, points, leaf_cells["评分标准"], classes, key_area, number, measure)

    def _points(self, number: int, code: str, text: str) -> Decimal | None:
        if not text:
            return None
        try:
            points = Decimal(text)
        except InvalidOperation:
            self.problems.append(Problem(number, f"编号 {code} 的分值“{text}”不是数字"))
            return None
        if not points.is_finite():
            self.problems.append(Problem(number, f"编号 {code} 的分值“{text}”不是数字"))
            return None
        return points

    def _classes(self, number: int, code: str, text: str) -> frozenset[UnitCategory]:
        if not text:
            return ALL_CLASSES
        chosen: set[UnitCategory] = set()
        for word in filter(None, _SEPARATORS.split(text)):
            if word not in CLASS_ALIASES:
                self.problems.append(Problem(number, f"编号 {code} 的适用类别“{word}”无法识别，应为"
                                                     f"{'、'.join(CLASS_LABELS.values())}或“全部”"))
                continue
            chosen |= CLASS_ALIASES[word]
        return frozenset(chosen) or ALL_CLASSES

    def _measure(self, number: int, code: str, text: str) -> str:
        if not text or text in set(Measure):
            return text
        if text in MEASURE_BY_LABEL:
            return MEASURE_BY_LABEL[text].value
        self.problems.append(Problem(number, f"编号 {code} 的平台测量“{text}”无法识别，应为"
                                             f"{'、'.join(MEASURE_LABELS.values())}或留空"))
        return ""

    def _key_area(self, number: int, code: str, text: str) -> bool:
        if text in _YES:
            return True
        if text not in _NO:
            self.problems.append(Problem(number, f"编号 {code} 的重点领域应填“是”或留空，而不是“{text}”"))
        return False


def write_system(system: IndicatorSystem) -> bytes:
    """The .xlsx of ``system`` in the layout :func:`read_system` reads, parents merged."""
    import openpyxl
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "指标体系"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    spans: dict[str, list[int]] = {}
    for row, leaf in enumerate(system.leaves(), 2):
        cells: list[Any] = [None] * len(COLUMNS)
        for indicator in (*system.ancestors(leaf.code), leaf):
            start = (indicator.level - 1) * 3
            cells[start:start + 3] = [indicator.code, indicator.name, _number(indicator.points)]
            spans.setdefault(indicator.code, []).append(row)
        measure = MEASURE_LABELS[Measure(leaf.measure)] if leaf.measure else None
        cells[9:] = [leaf.guide or None, class_label_list(leaf.classes), "是" if leaf.key_area else None, measure]
        sheet.append(cells)
    for code, rows in spans.items():
        if len(rows) > 1:
            start = (code.count(".")) * 3 + 1
            for column in range(start, start + 3):
                sheet.merge_cells(start_row=rows[0], end_row=rows[-1], start_column=column, end_column=column)
                sheet.cell(rows[0], column).alignment = Alignment(vertical="center", wrap_text=True)
    for letter, width in zip("ABCDEFGHIJKLM", (8, 16, 8, 8, 30, 8, 8, 30, 8, 40, 20, 8, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    if system.note:
        notes = workbook.create_sheet(NOTE_SHEET)
        for line in system.note.splitlines():
            notes.append([line])
    output = io.BytesIO()
    keep_text(workbook).save(output)
    return output.getvalue()


def _number(points: Decimal | None) -> int | float | None:
    if points is None:
        return None
    return int(points) if points == points.to_integral_value() else float(points)


def leaf_rows(system: IndicatorSystem) -> Iterator[tuple[Indicator, ...]]:
    """Each leaf with its parents, the 一级指标 first: the rows of the sheet and of score tables."""
    for leaf in system.leaves():
        yield (*system.ancestors(leaf.code), leaf)
