"""The annual report as a Word document in the official layout: A4, title in 方正小标宋, section
headings in 黑体, text in 仿宋_GB2312, the tables of §二, §三 and §四 with their header cells merged
as in the template (``rules.annualreport.layout``). ``gongkai report check`` reads it back."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT

from gongkai.plans.bulletin_docx import TITLE_FONT, _body, _heading, _line, _page
from gongkai.plans.exports import BODY_FONT, _run
from gongkai.rules.annualreport import ReportTables
from gongkai.rules.annualreport.layout import Grid, application_grid, proactive_grid, review_grid
from gongkai.rules.annualreport.template import report_title

TABLE_FONT_SIZE = 9  # 小五: the §三 table has ten columns across an A4 page


def write_report_docx(
    body: str, year: int, tables: ReportTables, texts: Mapping[str, str] | None = None
) -> bytes:
    """The report of ``body`` for ``year``; ``texts`` the prose of sections 一, 五 and 六 by their
    number ("一"), as the unit wrote it."""
    texts = texts or {}
    form = tables.format
    document = Document()
    _page(document.sections[0], landscape=False)
    _line(document, report_title(body, year), TITLE_FONT, 22, center=True)
    grids: dict[int, Grid] = {
        1: proactive_grid(form, tables.proactive),
        2: application_grid(form, tables.applications),
        3: review_grid(tables.reviews),
    }
    for index, heading in enumerate(form.sections):
        _heading(document, heading)
        if index in grids:
            _grid(document, grids[index])
        else:
            _body(document, texts.get(heading[0], ""))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _grid(document: Any, grid: Grid) -> None:
    table = document.add_table(rows=len(grid.cells), cols=len(grid.cells[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(grid.cells):
        for c, text in enumerate(row):
            if text and not grid.covered(r, c):
                _run(table.cell(r, c).paragraphs[0], text, BODY_FONT, TABLE_FONT_SIZE)
    for first_row, first_column, last_row, last_column in grid.merges:
        table.cell(first_row, first_column).merge(table.cell(last_row, last_column))
