"""What a corrected report changed: the cells of §二, §三 and §四 whose numbers differ between two
versions of one report, each named as a clerk finds it in the printed table (issue 16, item 4:
"a later correction is a new version that says what changed"). Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.rules.annualreport.checks import ReportTables, Value, show
from gongkai.rules.annualreport.template import APPLICATION_COLUMNS, column_name, review_cell_name


@dataclass(frozen=True)
class CellChange:
    cell: str  # "三(七)·法人或其他组织·商业企业", "二·规章·制发", "四·行政复议·结果维持"
    before: str  # as printed; 空 for a blank
    after: str

    def as_text(self) -> str:
        return f"{self.cell}：{self.before} → {self.after}"


def changed_cells(before: ReportTables, after: ReportTables) -> list[CellChange]:
    """Every cell whose value differs, in the order of the report (§二, §三, §四)."""
    return [
        CellChange(cell, show(old), show(new))
        for cell, old, new in _pairs(before, after)
        if old != new
    ]


def _pairs(before: ReportTables, after: ReportTables) -> Iterator[tuple[str, Value, Value]]:
    for table in after.format.proactive:
        for row in table.rows:
            old, new = before.proactive.get(row, {}), after.proactive.get(row, {})
            for column in table.columns:
                yield f"二·{row}·{column.key}", old.get(column.key), new.get(column.key)
    blank = [None] * len(APPLICATION_COLUMNS)
    for key in after.format.application_keys:
        old_row = list(before.applications.get(key, blank))
        new_row = list(after.applications.get(key, blank))
        for c in range(len(APPLICATION_COLUMNS)):
            yield f"三·{key}·{column_name(c)}", old_row[c], new_row[c]
    old_reviews, new_reviews = list(before.reviews or []), list(after.reviews or [])
    for i in range(max(len(old_reviews), len(new_reviews))):
        was = old_reviews[i] if i < len(old_reviews) else None
        now = new_reviews[i] if i < len(new_reviews) else None
        yield f"四·{review_cell_name(i)}", was, now
