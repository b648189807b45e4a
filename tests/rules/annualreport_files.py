"""Annual reports written at test time in every file type a government publishes them in, from the
template's layout (``rules.annualreport.layout``): .docx and .html with merged header cells, .xlsx
with merged ranges, .txt with tabs, .pdf with a text layer (fpdf2, Noto Sans CJK)."""

from __future__ import annotations

import io
from html import escape

from docx import Document
from fpdf import FPDF
from openpyxl import Workbook

from gongkai.reports.xlsx import write_grid
from gongkai.rules.annualreport import FORMAT_2021, ReportFormat, ReportTables
from gongkai.rules.annualreport.layout import (
    Grid,
    application_grid,
    proactive_grid,
    review_grid,
)
from gongkai.rules.annualreport.template import SECTIONS
from tests.documents import CJK_FONT

Part = str | Grid


def report_parts(
    tables: ReportTables, *, title: str = "某某市某某局2024年政府信息公开工作年度报告"
) -> list[Part]:
    form: ReportFormat = tables.format
    return [
        title,
        SECTIONS[0],
        "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        SECTIONS[1],
        proactive_grid(form, tables.proactive),
        SECTIONS[2],
        application_grid(form, tables.applications),
        SECTIONS[3],
        review_grid(tables.reviews),
        SECTIONS[4],
        "存在的主要问题是公开内容不够全面。",
        SECTIONS[5],
        "本年度未收取信息处理费。",
    ]


def docx_report(parts: list[Part]) -> bytes:
    document = Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        table = document.add_table(rows=len(part.cells), cols=len(part.cells[0]))
        for r, row in enumerate(part.cells):
            for c, text in enumerate(row):
                if not part.covered(r, c):
                    table.cell(r, c).text = text
        for r1, c1, r2, c2 in part.merges:
            anchor = table.cell(r1, c1)
            text = anchor.text
            anchor.merge(table.cell(r2, c2)).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_report(parts: list[Part]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for part in parts:
        if isinstance(part, str):
            sheet.append([part])
        else:
            write_grid(sheet, part, first_row=sheet.max_row + 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def html_report(parts: list[Part]) -> bytes:
    body: list[str] = []
    for part in parts:
        if isinstance(part, str):
            body.append(f"<p>{escape(part)}</p>")
            continue
        body.append("<table border='1'>")
        for drawn in part.drawn():
            cells = "".join(
                f"<td rowspan='{cell.rowspan}' colspan='{cell.colspan}'>{escape(cell.text)}</td>"
                for cell in drawn
            )
            body.append(f"<tr>{cells}</tr>")
        body.append("</table>")
    page = f"<html><head><meta charset='utf-8'><title>年度报告</title></head><body>{''.join(body)}</body></html>"
    return page.encode("utf-8")


def txt_report(parts: list[Part]) -> bytes:
    """Tables as tab-separated lines, a merged cell written once (as a copy out of Word is)."""
    lines: list[str] = []
    for part in parts:
        if isinstance(part, str):
            lines.append(part)
            continue
        for r, row in enumerate(part.cells):
            lines.append("\t".join("" if part.covered(r, c) else text for c, text in enumerate(row)))
    return "\r\n".join(lines).encode("gb18030")


def pdf_report(parts: list[Part]) -> bytes:
    """A4 landscape; each table row one printed line: its labels, then its numbers in columns."""
    pdf = FPDF(orientation="L")
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=2)
    pdf.set_font("cjk", size=6)
    pdf.add_page()
    for part in parts:
        if isinstance(part, str):
            pdf.cell(0, 6, part, new_x="LMARGIN", new_y="NEXT")
            continue
        for row in part.cells:
            numbers = 15 if len(row) == 15 else (7 if len(row) == 10 else len(row) - 1)
            label = "".join(row[: len(row) - numbers])
            if label:
                pdf.cell(170, 5, label)
            else:
                pdf.set_x(pdf.l_margin + 170)
            if numbers == 15:
                pdf.set_x(pdf.l_margin)
            width = 12 if numbers == 15 else 14
            for text in row[len(row) - numbers :]:
                pdf.cell(width, 5, text)
            pdf.ln(5)
    return bytes(pdf.output())


WRITERS = {
    "docx": docx_report,
    "xlsx": xlsx_report,
    "html": html_report,
    "txt": txt_report,
    "pdf": pdf_report,
}

__all__ = ["FORMAT_2021", "WRITERS", "report_parts"]
