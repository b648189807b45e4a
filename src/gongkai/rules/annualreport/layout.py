"""The report's tables laid out as the template prints them: a grid of texts and its merged cells.

The header cells merge as in the original (DOMAIN.md 2.3–2.5): §三's top-left note over two rows
and three columns, 法人或其他组织 over its five columns, 三、本年度办理结果 down all its rows, each
group heading down its sub-rows; §四's 行政复议 over two rows, 行政诉讼 over ten columns. The
.docx and .html outputs draw these grids; the tests write reports in every file type from them.
Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from gongkai.rules.annualreport.checks import Value, number, show
from gongkai.rules.annualreport.template import (
    APPLICATION_COLUMNS,
    GROUP_HEADINGS,
    ORGANISATION_HEADING,
    REVIEW_GROUPS,
    REVIEW_RESULTS,
    ApplicationRow,
    ReportFormat,
)

NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULTS_HEADING: Final = "三、本年度办理结果"


@dataclass(frozen=True)
class DrawnCell:
    row: int
    column: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    """Rows of cell texts; ``merges`` as (first row, first column, last row, last column)."""

    cells: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def add(self, *cells: str) -> int:
        self.cells.append(list(cells))
        return len(self.cells) - 1

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        if (first_row, first_column) != (last_row, last_column):
            self.merges.append((first_row, first_column, last_row, last_column))

    def covered(self, row: int, column: int) -> bool:
        """Inside a merged range but not its first cell (drawn by the first)."""
        return any(
            r1 <= row <= r2 and c1 <= column <= c2 and (row, column) != (r1, c1)
            for r1, c1, r2, c2 in self.merges
        )

    def drawn(self) -> Iterator[list[DrawnCell]]:
        """Row by row, the cells a table draws (a merged range once, with its spans)."""
        for r, texts in enumerate(self.cells):
            yield [
                DrawnCell(r, c, text, *self.span(r, c))
                for c, text in enumerate(texts)
                if not self.covered(r, c)
            ]

    def span(self, row: int, column: int) -> tuple[int, int]:
        """(rows, columns) the cell at ``row``, ``column`` spans."""
        for r1, c1, r2, c2 in self.merges:
            if (r1, c1) == (row, column):
                return r2 - r1 + 1, c2 - c1 + 1
        return 1, 1


def cell_text(value: Value) -> str:
    """A number as printed; a blank stays blank."""
    return "" if value is None else show(value) if number(value) is not None else str(value)


def proactive_grid(form: ReportFormat, proactive: Mapping[str, Mapping[str, Value]]) -> Grid:
    """§二: each of the format's tables under its 第二十条 item, one grid, 信息内容 first."""
    width = 1 + max(len(table.columns) for table in form.proactive)
    grid = Grid([])
    for table in form.proactive:
        heading = grid.add(table.item, *[""] * (width - 1))
        grid.merge(heading, 0, heading, width - 1)
        labels = grid.add("信息内容", *(column.label for column in table.columns))
        _stretch(grid, labels, len(table.columns), width)
        for name in table.rows:
            values = proactive.get(name, {})
            row = grid.add(name, *(cell_text(values.get(column.key)) for column in table.columns))
            _stretch(grid, row, len(table.columns), width)
    return grid


def _stretch(grid: Grid, row: int, used: int, width: int) -> None:
    """A table narrower than the widest: its last column merged to the right edge."""
    grid.cells[row] += [""] * (width - 1 - used)
    grid.merge(row, used, row, width - 1)


def application_grid(form: ReportFormat, applications: Mapping[str, Sequence[Value]]) -> Grid:
    """§三 with its two header rows; ``applications`` may hold 三(六) as one row (old layout)."""
    grid = Grid([])
    top = grid.add(NOTE, "", "", "自然人", ORGANISATION_HEADING, "", "", "", "", "总计")
    grid.add("", "", "", "", *APPLICATION_COLUMNS[1:-1], "")
    grid.merge(top, 0, top + 1, 2)
    grid.merge(top, 3, top + 1, 3)
    grid.merge(top, 4, top, 8)
    grid.merge(top, 9, top + 1, 9)
    first_result = last_result = 0
    groups: dict[str, list[int]] = {}
    for spec in printed_rows(form, applications):
        key = spec.key
        values = [cell_text(value) for value in applications.get(key, [None] * 7)]
        if key in ("一", "二", "四"):
            row = grid.add(spec.label, "", "", *values)
            grid.merge(row, 0, row, 2)
        elif spec.group:
            row = grid.add(RESULTS_HEADING, GROUP_HEADINGS[spec.group], spec.label, *values)
            groups.setdefault(spec.group, []).append(row)
        else:
            row = grid.add(RESULTS_HEADING, spec.label, "", *values)
            grid.merge(row, 1, row, 2)
        if key.startswith("三"):
            first_result = first_result or row
            last_result = row
    grid.merge(first_result, 0, last_result, 0)
    for rows in groups.values():
        grid.merge(rows[0], 1, rows[-1], 1)
    return grid


def printed_rows(
    form: ReportFormat, applications: Mapping[str, Sequence[Value]]
) -> tuple[ApplicationRow, ...]:
    """The rows of §三 as this report prints them: where a 2021 report gives 三(六) as one row,
    that row in place of its three sub-rows."""
    if "三(六)" not in applications or "三(六)1" in applications:
        return form.application_rows
    single = ApplicationRow("三(六)", GROUP_HEADINGS["三(六)"], counts_outcome=True)
    rows = [row for row in form.application_rows if row.group != "三(六)" and row.key != "三(六)"]
    return (*rows[:-2], single, *rows[-2:])


def review_grid(reviews: Sequence[Value] | None) -> Grid:
    """§四: 行政复议 and 行政诉讼, the lawsuit's two groups, the fifteen results, one row of numbers."""
    width = len(REVIEW_RESULTS)
    grid = Grid([])
    top = grid.add(*[""] * (width * len(REVIEW_GROUPS)))
    middle = grid.add(*[""] * (width * len(REVIEW_GROUPS)))
    for g, group in enumerate(REVIEW_GROUPS):
        first, last = g * width, g * width + width - 1
        if group.label == group.parent:
            grid.cells[top][first] = group.label
            grid.merge(top, first, middle, last)
        else:
            grid.cells[middle][first] = group.label
            grid.merge(middle, first, middle, last)
    grid.cells[top][width] = REVIEW_GROUPS[1].parent
    grid.merge(top, width, top, width * len(REVIEW_GROUPS) - 1)
    grid.add(*(REVIEW_RESULTS * len(REVIEW_GROUPS)))
    grid.add(*(cell_text(value) for value in (reviews or [None] * width * len(REVIEW_GROUPS))))
    return grid
