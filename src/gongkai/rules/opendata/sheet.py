"""An uploaded table (.xlsx, or .csv in UTF-8 or GB18030) read and validated whole: either every
row is good and the whole table is returned, or :class:`SheetRefused` lists the problems, each
with its row (第 N 行) and the reason in Chinese, and nothing of it is kept.

What a data set's table must be:

- row 1 is the header: no empty column name between named ones, no name twice, names of at most
  ``max_header_chars`` characters;
- every data row is as wide as the header (a value to the right of the last named column is a
  row of another table, or a shifted row: refused); completely empty rows are skipped;
- at most ``max_rows`` data rows, ``max_columns`` columns, ``max_cell_chars`` characters a cell.

The file itself is checked before it is parsed, as every upload of the platform is
(``rules.uploads.check_upload``: its real type by content, its size, zip bombs from the central
directory without inflating anything) and an .xlsx whose XML parts declare a DTD (entity bombs,
XXE) is refused. openpyxl then reads the first sheet in read-only mode, row by row, and the read
stops at the first row past the limit, so a sheet of a million rows costs no more than the limit.

Pure: no Django.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Final

from gongkai.rules.filetext import extension_of
from gongkai.rules.textcodec import UndecodableText, decode_text, without_control_characters
from gongkai.rules.uploads import MiB, UploadLimits, check_upload, dtd_part

Cell = str | int | float | bool | None
MAX_PROBLEMS: Final = 20  # a sheet shifted by one column would list every row: the first 20 tell


@dataclass(frozen=True)
class SheetLimits:
    max_bytes: int = 10 * MiB
    max_rows: int = 20_000
    max_columns: int = 60
    max_cell_chars: int = 2_000
    max_header_chars: int = 64


DEFAULT_SHEET_LIMITS: Final = SheetLimits()


@dataclass(frozen=True)
class Problem:
    row: int  # 1-based, as the spreadsheet numbers it; 0 for the file as a whole
    reason: str

    def __str__(self) -> str:
        return f"第 {self.row} 行：{self.reason}" if self.row else self.reason


class SheetRefused(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("；".join(str(problem) for problem in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _refuse(reason: str, row: int = 0) -> SheetRefused:
    return SheetRefused([Problem(row, reason)])


def _column_letter(index: int) -> str:
    """"A" for the first column (0), "AB" for the 28th: as the spreadsheet names them."""
    from openpyxl.utils.cell import get_column_letter  # type: ignore[import-untyped]

    return str(get_column_letter(index + 1))


def plain_cell(value: object) -> Cell:
    """A cell as a JSON value: text without control characters, numbers, booleans, dates as
    ISO text (2026-05-20, or 2026-05-20 08:30:00), None for an empty cell."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, Decimal):
        return plain_cell(float(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    text = without_control_characters(str(value)).strip()
    return text or None


# --- reading ----------------------------------------------------------------------------------


def _xlsx_rows(content: bytes) -> Iterator[tuple[object, ...]]:
    import openpyxl  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            part = dtd_part(archive)
        if part is not None:
            raise _refuse(f"文件中的“{part}”含有文档类型声明（DOCTYPE），请用办公软件另存为 .xlsx 后再上传")
        workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True, read_only=True)
        if not workbook.worksheets:
            raise _refuse("工作簿中没有工作表")
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError) as error:
        if isinstance(error, SheetRefused):
            raise
        raise _refuse("不是有效的 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传") from None


def _csv_rows(content: bytes) -> Iterator[Sequence[object]]:
    try:
        text = decode_text(content)
    except UndecodableText as error:
        raise _refuse(f"{error}（.csv 文件请保存为 UTF-8 或 GB18030 编码）") from None
    reader = csv.reader(io.StringIO(text))
    try:
        yield from reader
    except csv.Error as error:
        raise _refuse(f"无法读取（{error}）", reader.line_num) from None


def _file_rows(name: str, content: bytes, limits: SheetLimits) -> tuple[bool, Iterator[Sequence[object]]]:
    """Whether the file is a .csv (whose rows keep their width), and its rows."""
    extension = extension_of(name)
    if extension not in ("xlsx", "csv"):
        raise _refuse(f"“{name}”不是 .xlsx 或 .csv 文件：数据集只接受这两种表格")
    verdict = check_upload(name, content, UploadLimits(max_bytes=limits.max_bytes))
    if not verdict.ok:
        raise _refuse(verdict.message.replace("附件", "文件"))
    return extension == "csv", (_csv_rows(content) if extension == "csv" else _xlsx_rows(content))


# --- validating ---------------------------------------------------------------------------------


def _width(values: Sequence[Cell]) -> int:
    """The number of cells up to the last one that holds something."""
    width = len(values)
    while width and values[width - 1] is None:
        width -= 1
    return width


def _header(raw: Sequence[object] | None, limits: SheetLimits) -> tuple[str, ...]:
    if raw is None:
        raise _refuse("表格是空的：第 1 行应为表头（列名）", 1)
    cells = [plain_cell(value) for value in raw]
    width = _width(cells)
    if width == 0:
        raise _refuse("表头为空：第 1 行应为列名，如“单位 月份 件数”", 1)
    if width > limits.max_columns:
        raise _refuse(f"表头有 {width} 列，超过上限 {limits.max_columns} 列", 1)
    names = [str(cell) if cell is not None else "" for cell in cells[:width]]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, header_name in enumerate(names):
        where = f"第 {_column_letter(index)} 列"
        if not header_name:
            problems.append(Problem(1, f"表头{where}为空，每一列都要有列名"))
        elif len(header_name) > limits.max_header_chars:
            problems.append(Problem(1, f"表头{where}“{header_name[:20]}…”超过 {limits.max_header_chars} 个字"))
        elif header_name in seen:
            problems.append(Problem(1, f"表头{where}“{header_name}”与第 {_column_letter(seen[header_name])} 列重名，列名不能重复"))
        else:
            seen[header_name] = index
    if problems:
        raise SheetRefused(problems)
    return tuple(names)


def _row_problem(number: int, cells: list[Cell], width: int, raw_width: int, is_csv: bool, limits: SheetLimits) -> Problem | None:
    filled = _width(cells)
    if filled > width or (is_csv and raw_width < width):  # a .csv row missing its last commas is cut short
        shown = raw_width if is_csv and raw_width < width else filled
        return Problem(number, f"有 {shown} 列，而表头有 {width} 列：每一行的列数要与表头一致")
    for index, cell in enumerate(cells[:width]):
        if isinstance(cell, str) and len(cell) > limits.max_cell_chars:
            return Problem(number, f"第 {_column_letter(index)} 列超过 {limits.max_cell_chars} 个字")
    return None


def read_table(name: str, content: bytes, limits: SheetLimits = DEFAULT_SHEET_LIMITS) -> Table:
    """The table of an uploaded file, or :class:`SheetRefused` with every problem found (up to
    ``MAX_PROBLEMS``), each with its row."""
    is_csv, raw_rows = _file_rows(name, content, limits)
    header = _header(next(raw_rows, None), limits)
    width = len(header)
    rows: list[tuple[Cell, ...]] = []
    problems: list[Problem] = []
    for number, raw in enumerate(raw_rows, start=2):
        cells = [plain_cell(value) for value in raw]
        if not any(cell is not None for cell in cells):
            continue  # an empty row between blocks, or the formatting of a row never filled
        problem = _row_problem(number, cells, width, len(raw), is_csv, limits)
        if problem is not None:
            problems.append(problem)
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        if len(rows) >= limits.max_rows:
            problems.append(Problem(number, f"数据超过 {limits.max_rows} 行的上限，请拆分为多个数据集"))
            break
        rows.append(tuple(cells[:width]) + (None,) * (width - len(cells)))
    if problems:
        raise SheetRefused(problems)
    if not rows:
        raise _refuse("表格只有表头，没有数据行", 2)
    return Table(header, tuple(rows))
