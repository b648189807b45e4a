"""The comments of a consultation as .xlsx (to sort and count) and .docx (the 意见汇总 that goes
into the file of the drafting), for the consulting unit and the office. Both read ``comment_rows``
so they never disagree; they carry the commenters' names and contact, and never leave the console.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.interaction.models import Consultation
from gongkai.rules.sheetcells import keep_text
from gongkai.rules.textcodec import without_control_characters

COLUMNS = ["编号", "提交时间", "针对条款", "意见内容", "同意公开", "审核", "采纳情况", "归类", "理由", "姓名", "联系电话", "电子邮箱"]


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]


def comment_rows(consultation: Consultation) -> list[Row]:
    rows = []
    for comment in consultation.comments.order_by("id"):
        rows.append(Row(tuple(without_control_characters(str(value)) for value in (
            comment.number, f"{comment.submitted_at:%Y-%m-%d %H:%M}", comment.section or "全文", comment.text,
            "是" if comment.text_public else "否", comment.get_status_display(),
            comment.get_decision_display() if comment.decision else "", comment.decision_group,
            comment.decision_reason, comment.name, comment.phone, comment.email,
        ))))
    return rows


def to_xlsx(consultation: Consultation) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "意见汇总"
    sheet.append([without_control_characters(consultation.title)[:200]])
    sheet.append(COLUMNS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in comment_rows(consultation):
        sheet.append(list(row.cells))
    for column, width in zip("ABCDEFGHIJKL", (10, 17, 10, 60, 8, 10, 10, 12, 40, 10, 15, 24), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=3):
        cells[3].alignment = cells[8].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    return buffer.getvalue()


def to_docx(consultation: Consultation) -> bytes:
    document = Document()
    document.add_heading(without_control_characters(f"{consultation.title}意见汇总"), level=1)
    document.add_paragraph(
        f"征求意见单位：{consultation.unit.name}；期限：{consultation.opens_on:%Y-%m-%d} 至 "
        f"{consultation.closes_on:%Y-%m-%d}（{consultation.period_days} 日）"
    )
    rows = comment_rows(consultation)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = title
    for row in rows:
        for cell, value in zip(table.add_row().cells, row.cells, strict=True):
            cell.text = value
    if not rows:
        document.add_paragraph("未收到意见。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
