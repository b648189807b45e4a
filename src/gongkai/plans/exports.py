"""The published 分工方案 as a web table, an official .docx annex and a re-importable .xlsx.

All three read the same rows (``plan_rows``), so they never disagree.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from gongkai.plans.models import Plan, Recurrence
from gongkai.rules.sheetcells import keep_text
from gongkai.rules.textcodec import without_control_characters

COLUMNS = ["序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限"]
BODY_FONT = "仿宋_GB2312"
HEADER_FONT = "黑体"


@dataclass(frozen=True)
class Row:
    number: str
    task: str
    text: str
    lead_units: str
    units: str
    deadline: str


def plan_rows(plan: Plan) -> list[Row]:
    rows = []
    for index, item in enumerate(plan.items.all(), start=1):
        others = [p for p in item.unit_phrases if p not in item.lead_phrases]
        rows.append(Row(
            number=item.number or str(index),
            task=item.task,
            text=item.text,
            lead_units="、".join(item.lead_phrases),
            units="、".join(others),
            deadline=deadline_text(item.deadline_raw, item.deadline_date, item.recurrence),
        ))
    return rows


def deadline_text(raw: str, date: object, recurrence: str) -> str:
    if raw:
        return raw
    if date:
        return f"{date:%Y年%-m月%-d日}前"
    return Recurrence(recurrence).label if recurrence else ""


def to_docx(plan: Plan) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)
    _paragraph(document, plan.title, HEADER_FONT, 18, center=True)
    rows = plan_rows(plan)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        _cell_text(cell, title, HEADER_FONT, bold=True)
    _repeat_as_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        values = [row.number, row.task, row.text, row.lead_units, row.units, row.deadline]
        for cell, value in zip(cells, values, strict=True):
            _cell_text(cell, value, BODY_FONT)
    for column, width in zip(table.columns, [1.2, 4.5, 10.5, 3.8, 3.8, 2.8], strict=True):
        for cell in column.cells:
            cell.width = Cm(width)
    document.add_paragraph()  # Word always ends with a paragraph; LibreOffice needs it for .doc
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(document: Document, text: str, font: str, size: int, center: bool = False) -> None:
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, font, size)


def _cell_text(cell: object, text: str, font: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        _run(paragraph, line, font, 12, bold)


def _run(paragraph: object, text: str, font: str, size: int, bold: bool = False) -> None:
    run = paragraph.add_run(without_control_characters(text))  # type: ignore[attr-defined]  # docx refuses them
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _repeat_as_header(row: object) -> None:
    """Mark the first row as a header row, repeated at the top of every page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def to_xlsx(plan: Plan) -> bytes:
    """One sheet laid out like the annex; merged 工作任务 cells as an office would merge them."""
    book = Workbook()
    sheet = book.active
    sheet.title = "分工方案"
    sheet.append([plan.title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(COLUMNS)
    thin = Side(style="thin")
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    rows = plan_rows(plan)
    for row in rows:
        sheet.append([row.number, row.task, row.text, row.lead_units, row.units, row.deadline])
    _merge_repeated_tasks(sheet, rows)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, width in zip("ABCDEF", [6, 24, 60, 22, 22, 16], strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    return buffer.getvalue()


def _merge_repeated_tasks(sheet: object, rows: list[Row]) -> None:
    start = 0
    for index in range(1, len(rows) + 1):
        if index < len(rows) and rows[index].task == rows[start].task and rows[start].task:
            continue
        if index - start > 1:
            sheet.merge_cells(start_row=start + 3, start_column=2, end_row=index + 2, end_column=2)  # type: ignore[attr-defined]
        start = index
