"""The fast .xlsx reader gives what openpyxl reads, on both the layout Excel writes (shared
strings) and the one openpyxl writes (inline strings), and its regular-expression path agrees with
its lxml path."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from gongkai.bench.catalogimport import excel_xlsx
from gongkai.records import sheets
from tests.rules.test_upload_xml import INTERNAL, LAUGHS, external, with_doctype
from tests.rules.test_uploads import xlsx_bytes

ROWS = [
    ["名称", "发布日期", "数量", "备注"],
    ["A&B <公告>", date(2024, 3, 5), 12, "“引号” 与 'apostrophe'"],
    ["第二行", None, 3.5, None],
    [None, "2024-01-02", True, "=不是公式"],
    ["只有第一列"],
]


def _openpyxl_file() -> bytes:
    book = Workbook()
    sheet = book.active
    for row in ROWS:
        sheet.append(row)
    sheet["F3"] = "=C3*2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _lxml_rows(content: bytes) -> list[list[object]]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    shared = sheets._shared_strings(archive)
    return list(sheets._rows(archive.open(sheets._first_sheet_path(archive)), shared))


def _trim(rows):
    trimmed = []
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        trimmed.append(row)
    return trimmed


def test_it_reads_what_openpyxl_reads():
    content = _openpyxl_file()
    expected = [list(row) for row in load_workbook(io.BytesIO(content), data_only=False).active.iter_rows(values_only=True)]
    fast = _trim(sheets.xlsx_rows(content))
    assert fast == _trim(_lxml_rows(content))
    assert fast[1][0] == "A&B <公告>" and fast[1][3] == "“引号” 与 'apostrophe'"
    assert fast[1][1] == 45356  # 2024-03-05 as an Excel serial: the importer reads it as a date
    assert fast[2][2] == 3.5 and fast[3][2] is True and fast[3][0] is None
    assert fast[4] == ["只有第一列"]
    assert [row[0] for row in fast] == [row[0] for row in expected]


def test_it_reads_the_layout_excel_writes():
    rows = [["名称", "栏目"], ["关于A&B的通知", "通知公告"], ["", "财政信息/部门预算"]]
    content = excel_xlsx(rows)
    assert _trim(sheets.xlsx_rows(content)) == [["名称", "栏目"], ["关于A&B的通知", "通知公告"], [None, "财政信息/部门预算"]]
    assert _trim(sheets.xlsx_rows(content)) == _trim(_lxml_rows(content))
    assert [list(r) for r in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)][1][0] == "关于A&B的通知"


def test_it_refuses_a_part_that_declares_a_dtd_and_expands_no_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SERVER-SECRET-42")
    workbook = xlsx_bytes([["name"], ["notice"]])
    for part, doctype in [("xl/worksheets/sheet1.xml", external(secret)), ("xl/worksheets/sheet1.xml", INTERNAL),
                          ("xl/workbook.xml", LAUGHS), ("xl/_rels/workbook.xml.rels", INTERNAL)]:
        uses = (b"<t>notice</t>", b"<t>&e;</t>") if part.endswith("sheet1.xml") else (b"", b"")
        crafted = with_doctype(workbook, part, doctype, *uses)
        with pytest.raises(sheets.SheetError, match="DOCTYPE"):
            list(sheets.xlsx_rows(crafted))
