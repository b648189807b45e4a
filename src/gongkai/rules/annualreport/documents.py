"""The rows of a published annual report, from its file (.docx, .xlsx, .html, .txt, .pdf).

Each reader gives :class:`~gongkai.rules.annualreport.reading.Row` s in document order and the
document's text (for the title). A table row holds each merged cell once, in its first column, and
repeats a cell merged down over the rows below it, so that a sub-row keeps its group heading:

- .docx: python-docx lists a horizontally merged cell once per grid column and a vertically
  merged one as the cell above; the same ``<w:tc>`` twice in a row is one cell.
- .xlsx: openpyxl keeps the value of a merged range in its top-left cell; the others read it.
- .html: lxml's parser; ``rowspan`` and ``colspan`` laid out on a grid as a browser does.
- .txt: a line with tabs or "|" is a table row; any other line is split into words.
- .pdf: pypdf's text in layout mode, one printed line a row, split into words (blank cells are
  not printed, so a row with fewer numbers than columns cannot be placed: the reader says so).

Unreadable files raise :class:`~gongkai.rules.filetext.UnreadableDocument` with a Chinese
message. Pure Python, no Django.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from gongkai.rules.annualreport.reading import Row
from gongkai.rules.filetext import DAMAGED, UnreadableDocument, extension_of
from gongkai.rules.textcodec import UndecodableText, decode_text
from gongkai.rules.uploads import package_refusal

SUPPORTED: Final = ("docx", "xlsx", "html", "htm", "txt", "pdf")


@dataclass(frozen=True)
class ReportSource:
    rows: tuple[Row, ...]
    text: str


def read_source(name: str, content: bytes) -> ReportSource:
    """The rows and text of ``content``, a file called ``name``."""
    extension = extension_of(name)
    readers = {"docx": _docx, "xlsx": _xlsx, "html": _html, "htm": _html, "txt": _txt, "pdf": _pdf}
    if extension not in readers:
        raise UnreadableDocument(
            f"不能读取此类文件（.{extension or '无扩展名'}）；支持 .docx、.xlsx、.html、.txt、.pdf"
        )
    if not content:
        raise UnreadableDocument("文件为空")
    if extension in ("docx", "xlsx"):
        refusal = package_refusal(name, content)
        if refusal is not None:  # a zip bomb is refused before python-docx or openpyxl inflates it
            raise UnreadableDocument(refusal)
    try:
        return readers[extension](content)
    except UnreadableDocument:
        raise
    except UndecodableText as error:
        raise UnreadableDocument(str(error)) from error
    except Exception as error:  # python-docx, openpyxl, lxml and pypdf raise many types
        raise UnreadableDocument(DAMAGED) from error


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cells_once(cells: list[tuple[object, str]]) -> tuple[str, ...]:
    """The texts of a row's cells, a cell met twice in a row (merged) kept once."""
    kept: list[str] = []
    previous: object = None
    for identity, text in cells:
        if identity is not previous:
            kept.append(text)
        previous = identity
    return tuple(kept)


# --- Word ---------------------------------------------------------------------------------------


def _docx(content: bytes) -> ReportSource:
    from docx import Document
    from docx.table import Table

    document = Document(io.BytesIO(content))
    rows: list[Row] = []
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                rows.append(Row(_cells_once([(cell._tc, _one_line(cell.text)) for cell in row.cells])))
        else:
            lines.append(block.text)
            rows.append(Row(tuple(block.text.split()), grid=False))
    return ReportSource(tuple(rows), "\n".join(lines))


# --- Excel --------------------------------------------------------------------------------------


def _xlsx(content: bytes) -> ReportSource:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    workbook = load_workbook(io.BytesIO(content), data_only=True)
    rows: list[Row] = []
    for sheet in workbook.worksheets:
        rows.extend(_tables_of(list(_sheet_rows(sheet))))
    text = "\n".join(" ".join(row.cells) for row in rows)
    return ReportSource(tuple(rows), text)


def _sheet_rows(sheet: Any) -> Iterator[Row]:
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                anchors[(r, c)] = (merged.min_row, merged.min_col)
    for r in range(1, sheet.max_row + 1):
        cells: list[tuple[object, str]] = []
        for c in range(1, sheet.max_column + 1):
            anchor = anchors.get((r, c), (r, c))
            cells.append((anchor, _cell_text(sheet.cell(*anchor).value)))
        row = _cells_once(cells)
        if any(row):
            yield Row(row)


def _tables_of(rows: list[Row]) -> Iterator[Row]:
    """A sheet's rows cut to the width of the table they belong to: a sheet is as wide as its widest
    table, and a narrower table's rows must end at its own last column. A table is a run of rows
    with two cells or more; a line of text (one cell) stands alone."""
    block: list[Row] = []
    for row in [*rows, Row(("",))]:
        if sum(1 for cell in row.cells if cell) >= 2:
            block.append(row)
            continue
        width = max((_last_filled(row) for row in block), default=0)
        yield from (Row(row.cells[:width]) for row in block)
        block = []
        if any(row.cells):
            yield Row(tuple(cell for cell in row.cells if cell))


def _last_filled(row: Row) -> int:
    return max((i + 1 for i, cell in enumerate(row.cells) if cell), default=0)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _one_line(str(value))


# --- web pages ----------------------------------------------------------------------------------


def _html(content: bytes) -> ReportSource:
    import lxml.html  # type: ignore[import-untyped]

    page = lxml.html.document_fromstring(decode_text(content))
    rows: list[Row] = []
    for table in page.iter("table"):
        rows.extend(_html_table(table))
    lines = [_one_line(element.text_content()) for element in page.iter("title", "h1", "h2", "h3", "p")]
    return ReportSource(tuple(rows), "\n".join(lines))


def _html_table(table: Any) -> Iterator[Row]:
    """The rows of a table as a browser lays them out: a cell spanning rows is met again below."""
    taken: dict[tuple[int, int], Any] = {}
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.xpath("./td|./th"):
            while (r, c) in taken:
                c += 1
            for dr in range(_span(cell, "rowspan")):
                for dc in range(_span(cell, "colspan")):
                    taken[(r + dr, c + dc)] = cell
    for r in range(len(rows)):
        columns = sorted(c for row, c in taken if row == r)
        yield Row(_cells_once([(taken[(r, c)], _one_line(taken[(r, c)].text_content())) for c in columns]))


def _span(cell: Any, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute, "1")), 100))
    except ValueError:
        return 1


# --- text and PDF -------------------------------------------------------------------------------


def _line_rows(text: str) -> tuple[Row, ...]:
    rows: list[Row] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(Row(tuple(cell.strip() for cell in line.split("\t"))))
        elif line.count("|") >= 2:
            rows.append(Row(tuple(cell.strip() for cell in line.strip().strip("|").split("|"))))
        elif line.strip():
            rows.append(Row(tuple(line.split()), grid=False))
    return tuple(rows)


def _txt(content: bytes) -> ReportSource:
    text = decode_text(content).replace("\r\n", "\n")
    return ReportSource(_line_rows(text), text)


def _pdf(content: bytes) -> ReportSource:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise UnreadableDocument("PDF 文件已加密，无法读取文字，请去掉密码后重试")
    pages: list[str] = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text(extraction_mode="layout"))
        except Exception:  # layout mode fails on some fonts; the plain text still has the lines
            pages.append(page.extract_text())
    text = "\n".join(pages).replace("\x00", "")
    if not text.strip():
        raise UnreadableDocument("PDF 文件没有可读取的文字（可能是扫描件），请核对原件")
    return ReportSource(_line_rows(text), text)
