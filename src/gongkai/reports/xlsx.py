"""The annual report's tables as an Excel workbook: one sheet per table (§二, §三, §四), the header
cells merged as in the template, numbers as numbers. ``gongkai report check`` reads it back.
No Django: the tests write their reports with :func:`write_grid` too."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.rules.annualreport import ReportTables
from gongkai.rules.annualreport.layout import Grid, application_grid, proactive_grid, review_grid
from gongkai.rules.annualreport.template import report_title
from gongkai.rules.sheetcells import keep_text


def write_report_xlsx(body: str, year: int, tables: ReportTables) -> bytes:
    form = tables.format
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, heading, grid in (
        ("主动公开", form.sections[1], proactive_grid(form, tables.proactive)),
        ("依申请公开", form.sections[2], application_grid(form, tables.applications)),
        ("复议诉讼", form.sections[3], review_grid(tables.reviews)),
    ):
        sheet = book.create_sheet(title)
        sheet.append([report_title(body, year)])
        sheet.append([heading])
        sheet["A1"].font = Font(bold=True, size=14)
        write_grid(sheet, grid, first_row=3)
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    return buffer.getvalue()


def write_grid(sheet: Any, grid: Grid, first_row: int) -> None:
    """``grid`` from ``first_row`` down, its merged ranges merged."""
    for drawn in grid.drawn():
        for cell in drawn:
            written = sheet.cell(first_row + cell.row, cell.column + 1, _typed(cell.text))
            written.alignment = Alignment(wrap_text=True, vertical="center")
    for r1, c1, r2, c2 in grid.merges:
        sheet.merge_cells(start_row=first_row + r1, start_column=c1 + 1, end_row=first_row + r2, end_column=c2 + 1)


def _typed(text: str) -> object:
    """A number as a number, as a clerk's spreadsheet holds it (so that it can be summed)."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text
