"""The unit registry as a spreadsheet: export to .xlsx/.csv and import back, all or nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from gongkai.orgs.models import Unit, UnitCategory, UnitKind, User
from gongkai.orgs.services import save_unit
from gongkai.params import MAX_SORT_ORDER, parse_int
from gongkai.rules.sheetcells import csv_text, keep_text
from gongkai.rules.textcodec import UndecodableText, decode_text
from gongkai.rules.uploads import check_import

HEADER = ["标识", "单位名称", "单位类型", "考评类别", "机构代码", "上级单位标识", "别名", "排序", "启用"]
ALIAS_SEPARATOR = "、"
_KIND_BY_LABEL = {label: value for value, label in UnitKind.choices}
_CATEGORY_BY_LABEL = {label: value for value, label in UnitCategory.choices}


class UnitFileError(ValueError):
    """The file cannot be read at all (wrong format, wrong encoding, no header)."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def unit_rows(units: Iterable[Unit]) -> Iterator[list[str | int]]:
    for unit in units:
        yield [
            unit.key,
            unit.name,
            unit.get_kind_display(),
            unit.get_category_display() if unit.category else "",
            unit.org_code,
            unit.parent.key if unit.parent else "",
            ALIAS_SEPARATOR.join(a.alias for a in unit.aliases.all()),
            unit.sort_order,
            "是" if unit.is_active else "否",
        ]


def export_xlsx(units: Iterable[Unit]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "单位名录"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in unit_rows(units):
        sheet.append(row)
    for column, width in zip("ABCDEFGHI", [18, 32, 10, 20, 22, 18, 40, 6, 6], strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    return buffer.getvalue()


def export_csv(units: Iterable[Unit]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows([csv_text(cell) for cell in row] for row in unit_rows(units))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def read_rows(name: str, content: bytes) -> list[list[str]]:
    """The rows of an uploaded .xlsx or .csv, as text cells; raises UnitFileError."""
    if not content:
        raise UnitFileError(f"{name}：文件是空的。")
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(name, content)
    if name.lower().endswith(".csv"):
        return list(csv.reader(io.StringIO(_decode(name, content))))
    raise UnitFileError(f"{name}：只支持 .xlsx 或 .csv 文件。")


def _xlsx_rows(name: str, content: bytes) -> list[list[str]]:
    verdict = check_import(name, content)  # the record attachments' zip-bomb and DTD guard
    if not verdict.ok:
        raise UnitFileError(verdict.message)
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        return [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as error:  # noqa: BLE001  a broken zip or XML surfaces as many types
        raise UnitFileError(f"{name}：不是有效的 Excel (.xlsx) 文件（{error.__class__.__name__}）。") from None


def _decode(name: str, content: bytes) -> str:
    try:
        return decode_text(content)
    except UndecodableText as error:
        raise UnitFileError(f"{name}：{error}。") from None


def import_rows(rows: list[list[str]], *, actor: User | None = None) -> ImportResult:
    """Create or update units by 标识; any row error leaves the registry untouched."""
    result = ImportResult()
    if not rows or [c.strip() for c in rows[0][: len(HEADER)]] != HEADER:
        result.errors.append("第 1 行：表头应为 " + "、".join(HEADER) + "（可先导出一份作为模板）。")
        return result
    body = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    keys = {row[0].strip() for row in body if row}
    known = {unit.key: unit for unit in Unit.objects.all()}
    parsed = [_parse_row(number, row, keys | set(known), result) for number, row in enumerate(rows[1:], 2)]
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for values in sorted((p for p in parsed if p), key=lambda v: _depth(v, parsed)):
                _upsert(values, known, result, actor)
    except Exception as error:  # a validation error on save: report it, roll everything back
        result.errors.append(f"保存失败，未导入任何单位：{_message(error)}")
        result.created = result.updated = 0
    return result


def _parse_row(number: int, row: list[str], keys: set[str], result: ImportResult) -> dict[str, object] | None:
    cells = [cell.strip() for cell in row] + [""] * (len(HEADER) - len(row))
    if not any(cells):
        return None
    key, name, kind, category, org_code, parent, aliases, order, active = cells[: len(HEADER)]
    problems = []
    if not key or not name:
        problems.append("标识和单位名称不能为空")
    if kind not in _KIND_BY_LABEL:
        problems.append(f"单位类型“{kind}”无效（可选：{'、'.join(_KIND_BY_LABEL)}）")
    if category and category not in _CATEGORY_BY_LABEL:
        problems.append(f"考评类别“{category}”无效（可选：{'、'.join(_CATEGORY_BY_LABEL)}）")
    if parent and parent not in keys:
        problems.append(f"上级单位标识“{parent}”不存在")
    if parent and parent == key:
        problems.append("上级单位不能是自己")
    if order and not _is_sort_order(order):
        problems.append(f"排序“{order}”应为 0 至 {MAX_SORT_ORDER} 之间的整数")
    if active not in ("", "是", "否"):
        problems.append(f"启用应填“是”或“否”，而不是“{active}”")
    if problems:
        result.errors.append(f"第 {number} 行：" + "；".join(problems) + "。")
        return None
    return {
        "key": key, "name": name, "kind": _KIND_BY_LABEL[kind],
        "category": _CATEGORY_BY_LABEL.get(category, ""), "org_code": org_code,
        "parent": parent, "aliases": [a for a in aliases.split(ALIAS_SEPARATOR) if a.strip()],
        "sort_order": int(order or 0), "is_active": active != "否",
    }


def _is_sort_order(text: str) -> bool:
    try:
        parse_int(text, 0, MAX_SORT_ORDER, "排序")
    except ValueError:
        return False
    return True


def _depth(values: dict[str, object], parsed: list[dict[str, object] | None]) -> int:
    by_key = {p["key"]: p for p in parsed if p}
    depth, parent = 0, values["parent"]
    while parent in by_key and depth < 50:
        depth, parent = depth + 1, by_key[parent]["parent"]
    return depth


def _upsert(values: dict[str, object], known: dict[str, Unit], result: ImportResult, actor: User | None) -> None:
    unit = known.get(str(values["key"])) or Unit(key=str(values["key"]))
    created = unit.pk is None
    for name in ("name", "kind", "category", "org_code", "sort_order", "is_active"):
        setattr(unit, name, values[name])
    unit.parent = known[str(values["parent"])] if values["parent"] else None
    save_unit(unit, aliases=values["aliases"], actor=actor)  # type: ignore[arg-type]
    known[unit.key] = unit
    if created:
        result.created += 1
    else:
        result.updated += 1


def _message(error: Exception) -> str:
    messages = getattr(error, "messages", None)
    return "；".join(messages) if messages else str(error)
