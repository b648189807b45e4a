"""The statutory annual report (政府信息公开工作年度报告, 《政府信息公开条例》第四十九、五十条).

``template``: the format versions as data (sections, tables, rows, columns; DOMAIN.md 2.2–2.5,
2.7). ``checks``: the consistency rules between cells (DOMAIN.md 2.6). ``reading``: the tables
of a published report, found in the rows of its file; ``documents``: those rows, from .docx,
.xlsx, .html, .txt and .pdf. Pure Python, no Django.
"""

from __future__ import annotations

from gongkai.rules.annualreport.checks import (
    CheckResult,
    Finding,
    ReportTables,
    Value,
    check_report,
)
from gongkai.rules.annualreport.template import (
    APPLICATION_COLUMNS,
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    REVIEW_COLUMNS,
    ReportFormat,
    ReportTemplate,
    outcome_row,
)

__all__ = [
    "APPLICATION_COLUMNS",
    "FORMATS",
    "FORMAT_2019",
    "FORMAT_2021",
    "REVIEW_COLUMNS",
    "CheckResult",
    "Finding",
    "ReportFormat",
    "ReportTables",
    "ReportTemplate",
    "Value",
    "check_report",
    "outcome_row",
]
