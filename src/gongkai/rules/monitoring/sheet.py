"""A website check indicator system as an .xlsx a province can write (the national 2019 system
is the default; a province loads its own, as the assessment's systems are loaded).

One sheet, row 1 the headers (in any order)::

    部分 编号 指标 一级指标 分值 扣分依据 条件 每项分值 服务类 评分标准

- 部分 is 单项否决, 扣分 or 加分. A 单项否决 row names the veto (指标) and its rule (评分标准).
- A 扣分/加分 row gives an indicator: its 编号, 指标, 一级指标 and 分值 (the cap). 扣分依据 names
  the finding it charges (链接不可用, 栏目不更新 …, or the inspector's 办事指南 …), 条件 narrows it
  (首页上 / 其他页面 / 动态要闻类 / 通知公告、政策文件类 / 其他栏目, or blank) and 每项分值 the points per
  finding (blank: the points the inspector states). More rows with the same 编号 add more rules.
- 服务类 is 是 for the 服务实用 indicators a site without services is not checked on.

The 扣分 caps must add up to 100. :func:`read_sheet` refuses a bad sheet whole, each problem with
its row.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from gongkai.rules.monitoring.indicators import FULL, CheckSystem, Deduction, Indicator, Veto
from gongkai.rules.sheetcells import cell_text, keep_text
from gongkai.rules.uploads import dtd_part, package_refusal

HEADERS: Final = ("部分", "编号", "指标", "一级指标", "分值", "扣分依据", "条件", "每项分值", "服务类", "评分标准")
REQUIRED: Final = ("部分", "编号", "指标", "分值")
PARTS: Final = ("单项否决", "扣分", "加分")
CONDITIONS: Final[dict[str, tuple[tuple[str, Any], ...]]] = {
    "": (),
    "首页上": (("on_home", True),),
    "其他页面": (("on_home", False),),
    "动态要闻类": (("class_code", "news"),),
    "通知公告、政策文件类": (("class_code", "notice"),),
    "其他栏目": (("class_code", "other"),),
}
_YES: Final = {"是", "√", "✓", "Y", "y", "1"}


class SheetError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


def _points(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and Decimal(0) < value <= FULL else None


def _rows(content: bytes) -> list[tuple[Any, ...]]:
    import openpyxl  # type: ignore[import-untyped]

    refusal = package_refusal("表格.xlsx", content)
    if refusal is not None:  # a zip bomb is refused before openpyxl inflates it
        raise SheetError([refusal])
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            part = dtd_part(archive)
        if part is not None:
            raise SheetError([f"文件中的“{part}”含有文档类型声明（DOCTYPE），请用办公软件另存后再上传"])
        workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True, read_only=True)
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError, EOFError, zlib.error) as error:  # ParseError: SyntaxError
        if isinstance(error, SheetError):
            raise
        raise SheetError(["不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传"]) from None


def read_sheet(content: bytes, name: str) -> CheckSystem:
    rows = _rows(content)
    if not rows:
        raise SheetError(["表格是空的"])
    header = [cell_text(cell) for cell in rows[0]]
    missing = [title for title in REQUIRED if title not in header]
    if missing:
        raise SheetError([f"第 1 行缺少表头：{'、'.join(missing)}（应为 {' '.join(HEADERS)}）"])
    where: dict[str, int] = {title: header.index(title) for title in HEADERS if title in header}
    problems: list[str] = []
    vetoes: list[Veto] = []
    parts: dict[str, dict[str, dict[str, Any]]] = {"扣分": {}, "加分": {}}
    for number, raw in enumerate(rows[1:], start=2):
        cell: dict[str, str] = {title: cell_text(raw[index]) if index < len(raw) else "" for title, index in where.items()}
        if not any(cell.values()):
            continue
        part = cell.get("部分", "")
        if part not in PARTS:
            problems.append(f"第 {number} 行：部分应为 {'、'.join(PARTS)}，而不是“{part}”")
            continue
        if part == "单项否决":
            if not cell.get("指标"):
                problems.append(f"第 {number} 行：单项否决缺少指标名称")
            else:
                vetoes.append(Veto(cell["指标"], cell.get("评分标准", "")))
            continue
        _read_indicator(parts[part], cell, number, problems)
    deduct = tuple(_build(item) for item in parts["扣分"].values())
    bonus = tuple(_build(item) for item in parts["加分"].values())
    total = sum((item.points for item in deduct), Decimal(0))
    if deduct and total != FULL:
        problems.append(f"扣分指标分值合计应为 100 分，而表中为 {total} 分")
    if not deduct:
        problems.append("没有扣分指标")
    if problems:
        raise SheetError(problems)
    return CheckSystem(name, tuple(vetoes), deduct, bonus)


def _read_indicator(found: dict[str, dict[str, Any]], cell: dict[str, str], number: int, problems: list[str]) -> None:
    code = cell.get("编号", "")
    if not code:
        problems.append(f"第 {number} 行：缺少编号")
        return
    item = found.get(code)
    if item is None:
        points = _points(cell.get("分值", ""))
        if points is None or not cell.get("指标"):
            problems.append(f"第 {number} 行：指标 {code} 须有名称和 0 至 100 之间的分值")
            return
        item = found[code] = {
            "code": code, "name": cell["指标"], "group": cell.get("一级指标", ""), "points": points,
            "service": cell.get("服务类", "") in _YES, "guide": cell.get("评分标准", ""), "rules": [],
        }
    basis = cell.get("扣分依据", "")
    if not basis:
        return
    condition = cell.get("条件", "")
    if condition not in CONDITIONS:
        problems.append(f"第 {number} 行：条件应为 {'、'.join(name for name in CONDITIONS if name)} 或留空，而不是“{condition}”")
        return
    each_text = cell.get("每项分值", "")
    each = _points(each_text) if each_text else None
    if each_text and each is None:
        problems.append(f"第 {number} 行：每项分值“{each_text}”应为大于 0 的数")
        return
    item["rules"].append(Deduction(basis, each, CONDITIONS[condition]))


def _build(item: dict[str, Any]) -> Indicator:
    rules = tuple(item["rules"]) or (Deduction(item["name"]),)  # none given: the inspector states points
    return Indicator(item["code"], item["name"], item["group"], item["points"], rules, item["service"], item["guide"])


def _condition_name(where: tuple[tuple[str, Any], ...]) -> str:
    return next(name for name, value in CONDITIONS.items() if value == where)


def write_sheet(system: CheckSystem) -> bytes:
    """The system as the .xlsx :func:`read_sheet` reads (the template the office downloads)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "检查指标"
    sheet.append(list(HEADERS))
    for veto in system.vetoes:
        sheet.append(["单项否决", None, veto.name, None, None, None, None, None, None, veto.rule])
    for part, items in (("扣分", system.deduct), ("加分", system.bonus)):
        for item in items:
            for rule in item.deductions:
                sheet.append([
                    part, item.code, item.name, item.group, float(item.points), rule.indicator,
                    _condition_name(rule.where) or None, float(rule.each) if rule.each is not None else None,
                    "是" if item.service else None, item.guide or None,
                ])
    output = io.BytesIO()
    keep_text(book).save(output)
    return output.getvalue()
