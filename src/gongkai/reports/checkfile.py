"""One published report, read and checked: what ``gongkai report check`` prints (CONTRACTS.md §6)
and what the office's upload in the console shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.cmdbase import read_input_file
from gongkai.rules.annualreport import APPLICATION_COLUMNS, ReportFormat, ReportTables, check_report
from gongkai.rules.annualreport.checks import Value
from gongkai.rules.annualreport.documents import read_source
from gongkai.rules.annualreport.layout import printed_rows
from gongkai.rules.annualreport.reading import ReadReport, read_report
from gongkai.rules.filetext import UnreadableDocument


class NoReportTables(UnreadableDocument):
    """The file was read, but none of the report's tables is in it."""


@dataclass(frozen=True)
class CheckedFile:
    report: ReadReport
    output: dict[str, Any]  # CONTRACTS.md §6

    @property
    def clean(self) -> bool:
        return not self.output["violations"]


def read_file(path: Path) -> ReadReport:
    """The report in the file at ``path``; :class:`UnreadableDocument` when there is none."""
    content = read_input_file(path)
    return read_content(path.name, content)


def read_content(name: str, content: bytes) -> ReadReport:
    source = read_source(name, content)
    report = read_report(source.rows, source.text)
    if not report.found:
        raise NoReportTables("未找到年度报告的表格（第二、三、四部分），请确认这是政府信息公开工作年度报告")
    return report


def check_file(report: ReadReport, previous: ReadReport | None = None) -> CheckedFile:
    result = check_report(report.tables, previous.tables if previous else None)
    output = {
        "format": str(report.tables.format.version),
        "year": report.year,
        "body": report.body,
        "tables": tables_json(report.tables, report.found),
        "violations": [
            {"rule": found.rule, "cell": found.cell, "message": found.message}
            for found in result.violations
        ],
        "warnings": [
            *report.warnings,
            *(f"{found.rule} {found.message}" for found in result.warnings),
        ],
    }
    return CheckedFile(report, output)


def tables_json(tables: ReportTables, found: frozenset[str]) -> dict[str, Any]:
    """The tables by row and column label, as CONTRACTS.md §6 prints them; a table not found is
    ``null``."""
    return {
        "proactive": _proactive(tables) if "proactive" in found else None,
        "applications": {
            "columns": list(APPLICATION_COLUMNS),
            "rows": {
                row.key: list(tables.applications[row.key])
                for row in printed_rows(tables.format, tables.applications)
                if row.key in tables.applications
            },
        }
        if "applications" in found
        else None,
        "reviews": list(tables.reviews) if tables.reviews is not None else None,
    }


def tables_from_json(data: Mapping[str, Any], form: ReportFormat) -> ReportTables:
    """:func:`tables_json` read back: the tables a report was submitted with."""
    proactive: dict[str, dict[str, Value]] = {}
    for name, cells in (data.get("proactive") or {}).items():
        columns = form.proactive_table_of(name).columns
        proactive[name] = dict(cells) if isinstance(cells, dict) else {columns[0].key: cells}
    applications = (data.get("applications") or {}).get("rows", {})
    return ReportTables(form, proactive, dict(applications), data.get("reviews"))


def _proactive(tables: ReportTables) -> dict[str, Value | dict[str, Value]]:
    """A one-column row as its number ("行政许可": 120), the others by column ("制发": 3)."""
    printed: dict[str, Value | dict[str, Value]] = {}
    for table in tables.format.proactive:
        for name in table.rows:
            if name in tables.proactive:
                cells: Mapping[str, Value] = tables.proactive[name]
                printed[name] = (
                    cells.get(table.columns[0].key) if len(table.columns) == 1 else dict(cells)
                )
    return printed


def summary(file: str, output: dict[str, Any]) -> str:
    """For a clerk at a terminal (the JSON is for scripts)."""
    year = f"{output['year']}年度" if output["year"] else "年度未识别"
    lines = [f"文件：{file}", f"{output['body'] or '报告主体未识别'}，{year}，{output['format']} 年格式"]
    applications = (output["tables"] or {}).get("applications")
    if applications:
        lines.append("第三部分表格：" + "，".join(applications["columns"]))
        lines += [f"  {key}\t{_row(cells)}" for key, cells in applications["rows"].items()]
    for violation in output["violations"]:
        lines.append(f"不符合 {violation['rule']}：{violation['message']}")
    lines += [f"提示：{warning}" for warning in output["warnings"]]
    count = len(output["violations"])
    lines.append(f"发现 {count} 处数据不一致。" if count else "各项数据勾稽关系一致。")
    return "\n".join(lines)


def _row(cells: Sequence[Value]) -> str:
    return "\t".join("—" if cell is None else str(cell) for cell in cells)
