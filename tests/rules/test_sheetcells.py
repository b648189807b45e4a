"""Text typed by anyone opens in a spreadsheet as text, never as a formula (an outside test found
formulas written into .xlsx exports)."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook

from gongkai.rules.sheetcells import csv_text, keep_text, text_cell

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"点此\")", "=cmd|' /C calc'!A0", "+1-2", "-1+2", "@SUM(A1)"]


def _reopened(book) -> list[tuple[object, str]]:
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]
    return [(cell.value, cell.data_type) for cell in next(sheet.iter_rows())]


def test_a_workbook_keeps_hostile_text_as_the_text_it_is():
    book = Workbook()
    book.active.append([*HOSTILE, 42, "普通文字"])
    cells = _reopened(keep_text(book))
    assert cells[:5] == [(text, "s") for text in HOSTILE]  # the exact text, stored as text
    assert cells[5:] == [(42, "n"), ("普通文字", "s")]


def test_a_write_only_sheet_keeps_it_too():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("列表")
    sheet.append([text_cell(sheet, value) for value in HOSTILE])
    assert all(data_type == "s" for _, data_type in _reopened(book))


def test_csv_cells_are_prefixed_and_numbers_left_alone():
    assert [csv_text(value) for value in HOSTILE] == ["'" + value for value in HOSTILE]
    assert csv_text(-5) == -5 and csv_text("财政局") == "财政局"
