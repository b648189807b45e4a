"""The 督查通报 as a Word document, laid out as an official document (GB/T 9704-2012 in spirit):
A4, title in 方正小标宋, 文号 under it, headings in 黑体 and text in 仿宋_GB2312 at 三号 (16 pt),
the ranking of units as a table, and the items not advanced as a landscape annex table.
It reads only ``Bulletin.content`` (see ``plans.bulletins``), so it renders what the office edited."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from gongkai.plans.exports import BODY_FONT, HEADER_FONT, _cell_text, _repeat_as_header, _run
from gongkai.rules.board import day_text

TITLE_FONT = "方正小标宋简体"
RANKING_COLUMNS = ["名次", "单位", "应报送", "已报送", "已完成", "逾期未报", "推进率"]
RANKING_WIDTHS = [1.4, 5.6, 1.6, 1.6, 1.6, 1.8, 1.8]
ENTRY_COLUMNS = ["序号", "事项名称", "责任单位", "责任人", "推进落实不力主要事实", "整改要求"]
ENTRY_WIDTHS = [1.3, 7.0, 3.6, 2.2, 6.6, 5.0]


def write_docx(title: str, doc_number: str, content: Mapping[str, Any], issued_on: date) -> bytes:
    document = Document()
    _page(document.sections[0], landscape=False)
    _line(document, title, TITLE_FONT, 22, center=True)
    if doc_number:
        _line(document, doc_number, BODY_FONT, 16, center=True)
    _line(document, "各有关单位：", BODY_FONT, 16)
    entries = [entry for entry in content.get("entries", []) if entry.get("included", True)]
    _heading(document, "一、总体情况")
    _body(document, content.get("summary", ""))
    _heading(document, "二、各单位推进情况排名")
    _ranking(document, content.get("ranking", []))
    _heading(document, "三、推进落实不力的事项")
    _body(document, f"推进落实不力的事项共{len(entries)}项，详见附件。" if entries else "未发现推进落实不力的事项。")
    _heading(document, "四、有关要求")
    _body(document, content.get("closing", ""))
    document.add_paragraph()
    if content.get("issuer"):
        _line(document, content["issuer"], BODY_FONT, 16, right=True)
    _line(document, day_text(issued_on), BODY_FONT, 16, right=True)
    if entries:
        _annex(document, entries)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(section: Any, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Cm(21.0), Cm(29.7)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = Cm(3.7 if not landscape else 2.5), Cm(3.5 if not landscape else 2.5)
    section.left_margin, section.right_margin = Cm(2.8 if not landscape else 2.5), Cm(2.6 if not landscape else 2.5)


def _line(document: Any, text: str, font: str, size: int, *, center: bool = False, right: bool = False) -> Any:
    paragraph = document.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(paragraph, text, font, size)
    return paragraph


def _heading(document: Any, text: str) -> None:
    paragraph = _line(document, text, HEADER_FONT, 16)
    paragraph.paragraph_format.first_line_indent = Pt(32)


def _body(document: Any, text: str) -> None:
    for part in text.splitlines():
        if part.strip():
            paragraph = _line(document, part.strip(), BODY_FONT, 16)
            paragraph.paragraph_format.first_line_indent = Pt(32)


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, name in zip(table.rows[0].cells, header, strict=True):
        _cell_text(cell, name, HEADER_FONT, bold=True)
    _repeat_as_header(table.rows[0])
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            _cell_text(cell, value, BODY_FONT)
    for column, width in zip(table.columns, widths, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)


def _ranking(document: Any, ranking: Sequence[Mapping[str, Any]]) -> None:
    if not ranking:
        _body(document, "统计截止日期前没有到期的报送。")
        return
    rows = [
        [str(row["rank"]), row["unit"], str(row["total"]), str(row["handed_in"]), str(row["done"]),
         str(row["overdue"]), f"{row['advanced_rate']:g}%"]
        for row in ranking
    ]
    _table(document, RANKING_COLUMNS, rows, RANKING_WIDTHS)
    _line(document, "排名依据：推进率（已报送且不是“未启动”“无法按期完成”的期次占应报送期次的比例）由高到低，"
          "相同时逾期未报期次少者在前。", BODY_FONT, 12)


def _annex(document: Any, entries: Sequence[Mapping[str, Any]]) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    _line(document, "附件", HEADER_FONT, 16)
    _line(document, "推进落实不力事项清单", TITLE_FONT, 18, center=True)
    rows = [
        [str(number), entry.get("item", ""), entry.get("unit", ""), entry.get("person", ""),
         entry.get("facts", ""), entry.get("requirement", "")]
        for number, entry in enumerate(entries, start=1)
    ]
    _table(document, ENTRY_COLUMNS, rows, ENTRY_WIDTHS)
    document.add_paragraph()
