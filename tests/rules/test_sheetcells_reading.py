"""One rule for a spreadsheet cell's text, shared by the assessment's and the website checks' sheets."""

from __future__ import annotations

from gongkai.rules import sheetcells as cells
from gongkai.rules.assessment import sheet as assessment_sheet
from gongkai.rules.monitoring import sheet as monitoring_sheet


def test_cell_text_reads_what_the_clerk_typed() -> None:
    assert cells.cell_text(None) == ""
    assert cells.cell_text(3.0) == "3"
    assert cells.cell_text(2.5) == "2.5"
    assert cells.cell_text("  扣分 ") == "扣分"


def test_both_sheets_use_the_one_helper() -> None:
    assert assessment_sheet.cell_text is cells.cell_text
    assert monitoring_sheet.cell_text is cells.cell_text
