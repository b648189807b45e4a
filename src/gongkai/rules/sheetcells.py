"""Text written to a spreadsheet stays text (formula or "CSV" injection, OWASP).

A title, a name or a message typed by anyone — "=HYPERLINK(…)", "+1-2", "@SUM(…)" — must open in
Excel or WPS as the text it is, never run as a formula:

- .xlsx: openpyxl stores a string beginning with "=" as a formula; :func:`keep_text` turns every
  such cell of a workbook back into a string cell before it is saved (the exact text, nothing
  added), and :func:`text_cell` does the same for a write-only sheet. Other strings are stored as
  strings already. No writer of the platform writes formulas on purpose.
- CSV has no types: :func:`csv_text` puts an apostrophe before text beginning with = + - @ (or a
  tab or carriage return), which spreadsheets show as text.

Reading, :func:`cell_text` is the one rule for a cell's text in both .xlsx readers (the
assessment's indicator systems and the website check systems): empty is ``""``, a whole number
Excel stored as a float (``3.0``) reads ``3``, anything else its text without surrounding space.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

from typing import Any, Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> Any:
    """The value for a CSV cell: text that a spreadsheet would read as a formula is prefixed."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def keep_text(workbook: Any) -> Any:
    """Every cell of ``workbook`` (openpyxl, not write-only) that openpyxl took for a formula is
    stored as the text it is; returns the workbook, for ``keep_text(book).save(…)``."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    return workbook


def text_cell(sheet: Any, value: Any) -> Any:
    """A value for a write-only sheet's ``append``: a string beginning with "=" as a string cell."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def cell_text(value: Any) -> str:
    """A read cell as the text the clerk typed (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
