"""The consistency rules between the cells of an annual report (DOMAIN.md 2.6).

:func:`check_report` runs them on :class:`ReportTables` — the numbers of one report, whether the
platform computed them or ``gongkai report check`` read them from a published file — and returns
every rule that fails, each naming its cell and showing the arithmetic, so that a clerk can find
the wrong number in the printed table:

- E1 §三, every column: 一 + 二 = 三(七) + 四 (the template's own note in its top-left cell).
- D1 §三, every row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
- D2 §三, every column: 三(七) = 三(一) + 三(二) + the sub-rows of 三(三)–三(六).
- D3 across years: this year's 二 = last year's 四, every column (when last year's report is known).
- D4 §四, each of its three groups: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
- D5 every cell a non-negative integer; amounts in 万元 may have decimals; 2019's 本年增/减 a sign.
- D6 and D7 are heuristics and only warn: 现行有效 = last year's 现行有效 + 制发 − 废止; cases 尚未审结
  last year should come back with a result.

A blank cell (printed blank, "/", "—") is ``None``: it is never a violation by itself, it adds as
0, and a rule whose result cell is blank is not checked (there is nothing printed to contradict);
nor is a rule one of whose rows is missing altogether.
E2 and E3 are counting rules (one row per request; a 复议机关 co-defendant does not count): the
report builder obeys them, a printed table cannot show them. Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from gongkai.rules.annualreport.template import (
    APPLICANT_COLUMNS,
    APPLICATION_COLUMNS,
    FORMAT_2021,
    PENDING,
    REVIEW_GROUPS,
    REVIEW_RESULTS,
    TOTAL_COLUMN,
    Measure,
    ReportFormat,
    column_name,
    review_cell_name,
)

# A cell: a number, None when printed blank / "/" / "—", or the text printed where a number belongs.
Value = int | float | str | None


@dataclass(frozen=True)
class ReportTables:
    """The tables of §二, §三 and §四 of one report; a table not found is empty (or ``None``)."""

    format: ReportFormat = FORMAT_2021
    proactive: Mapping[str, Mapping[str, Value]] = field(default_factory=dict)
    applications: Mapping[str, Sequence[Value]] = field(default_factory=dict)
    reviews: Sequence[Value] | None = None


@dataclass(frozen=True)
class Finding:
    rule: str  # DOMAIN.md 2.6: E1, D1 … D7
    cell: str  # the column (the row, for a row rule; the cell, for D5)
    message: str


@dataclass(frozen=True)
class CheckResult:
    violations: tuple[Finding, ...]
    warnings: tuple[Finding, ...]  # D6, D7

    @property
    def clean(self) -> bool:
        return not self.violations


def check_report(tables: ReportTables, previous: ReportTables | None = None) -> CheckResult:
    """Every hard rule that ``tables`` break, then the heuristics as warnings."""
    violations = [
        *_e1(tables),
        *_d1(tables),
        *_d2(tables),
        *(_d3(tables, previous) if previous else ()),
        *_d4(tables),
        *_d5(tables),
    ]
    warnings = [*_d6(tables, previous), *_d7(tables, previous)] if previous else []
    return CheckResult(tuple(violations), tuple(warnings))


# --- arithmetic ---------------------------------------------------------------------------------


def number(value: Value) -> int | float | None:
    """The cell as a number; ``None`` for a blank or a text (D5 reports the text)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _n(value: Value) -> int | float:
    found = number(value)
    return 0 if found is None else found


def show(value: Value) -> str:
    """A cell as the messages print it: 3, 1.25, 空 (a blank adds as 0)."""
    found = number(value)
    if found is None:
        return "空" if value is None else f"“{value}”"
    if isinstance(found, float):
        return f"{found:.4f}".rstrip("0").rstrip(".")
    return str(found)


def _sum(values: Sequence[Value]) -> int | float:
    return sum(_n(value) for value in values)


def _equation(total: Value, parts: Sequence[Value]) -> tuple[bool, str]:
    """Whether a printed ``total`` equals its ``parts``; the right-hand side in words."""
    if number(total) is None:
        return True, ""
    expected = _sum(parts)
    return _n(total) == expected, f"{' + '.join(show(part) for part in parts)} = {show(expected)}"


def _found(tables: ReportTables, *rows: str) -> bool:
    """Whether every row a rule needs was printed: a missing row is reported as missing (by the
    reader), not as a sum that fails."""
    return all(row in tables.applications for row in rows)


def _cells(tables: ReportTables, row: str) -> Sequence[Value]:
    return tables.applications.get(row) or (None,) * len(APPLICATION_COLUMNS)


# --- §三 ----------------------------------------------------------------------------------------


def _by_column(rule: str, message_of: Callable[[int], str | None]) -> Iterator[Finding]:
    """A rule that holds in every column of §三: a finding for each column where it fails."""
    for c, label in enumerate(APPLICATION_COLUMNS):
        message = message_of(c)
        if message:
            yield Finding(rule, label, message)


def _e1(tables: ReportTables) -> Iterator[Finding]:
    """一 + 二 = 三(七) + 四 in every column: the template's note (DOMAIN.md 2.6 E1)."""
    new, carried, total, forward = (_cells(tables, row) for row in ("一", "二", "三(七)", "四"))

    def message(c: int) -> str | None:
        cells = (new[c], carried[c], total[c], forward[c])
        if all(number(value) is None for value in cells):
            return None
        if _n(new[c]) + _n(carried[c]) == _n(total[c]) + _n(forward[c]):
            return None
        return (
            f"{column_name(c)}：一 + 二 = {show(new[c])} + {show(carried[c])} ≠ "
            f"三(七) + 四 = {show(total[c])} + {show(forward[c])}"
        )

    return _by_column("E1", message) if _found(tables, "一", "二", "三(七)", "四") else iter(())


def _d1(tables: ReportTables) -> Iterator[Finding]:
    """总计 = the six applicant columns, in every row."""
    names = " + ".join(APPLICATION_COLUMNS[:APPLICANT_COLUMNS])
    for row, cells in tables.applications.items():
        holds, parts = _equation(cells[TOTAL_COLUMN], cells[:APPLICANT_COLUMNS])
        if not holds:
            total = show(cells[TOTAL_COLUMN])
            yield Finding("D1", row, f"{row}：总计 {total} ≠ {names} = {parts}")


def outcome_rows(tables: ReportTables) -> tuple[str, ...]:
    """The rows 三(七) adds up, as printed: a 2021 report printed in the old layout has the one
    row 三(六) in place of 三(六)1–3 (CONTRACTS.md §6)."""
    keys = tables.format.outcome_keys
    split = [key for key in keys if key.startswith("三(六)") and key != "三(六)"]
    printed = tables.applications
    if split and "三(六)" in printed and not any(key in printed for key in split):
        keys = (*(key for key in keys if key not in split), "三(六)")
    return keys


def _d2(tables: ReportTables) -> Iterator[Finding]:
    """三(七)总计 = the outcome rows, in every column (each request has one outcome, E2)."""
    keys = outcome_rows(tables)
    total = _cells(tables, "三(七)")

    def message(c: int) -> str | None:
        holds, parts = _equation(total[c], [_cells(tables, key)[c] for key in keys])
        if holds:
            return None
        where = f"（{keys[0]}至{keys[-1]}共 {len(keys)} 行之和）"
        return f"三(七)总计·{column_name(c)}：{show(total[c])} ≠ {parts}{where}"

    return _by_column("D2", message) if _found(tables, "三(七)", *keys) else iter(())


def _d3(tables: ReportTables, previous: ReportTables) -> Iterator[Finding]:
    """This year's 二、上年结转 = last year's 四、结转下年度继续办理, in every column."""
    carried, forward = _cells(tables, "二"), _cells(previous, "四")

    def message(c: int) -> str | None:
        if number(carried[c]) is None or number(forward[c]) is None or carried[c] == forward[c]:
            return None
        return (
            f"{column_name(c)}：本年 二、上年结转 {show(carried[c])} ≠ "
            f"上年 四、结转下年度继续办理 {show(forward[c])}"
        )

    return _by_column("D3", message) if _found(tables, "二") and _found(previous, "四") else iter(())


# --- §四 ----------------------------------------------------------------------------------------


def _d4(tables: ReportTables) -> Iterator[Finding]:
    """总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, in each of the three groups."""
    if not tables.reviews:
        return
    width = len(REVIEW_RESULTS)
    names = " + ".join(REVIEW_RESULTS[:-1])
    for g in range(len(REVIEW_GROUPS)):
        cells = tables.reviews[g * width : (g + 1) * width]
        holds, parts = _equation(cells[-1], cells[:-1])
        if not holds:
            group = review_cell_name(g * width + width - 1).rsplit("·", 1)[0]
            yield Finding("D4", group, f"{group}：总计 {show(cells[-1])} ≠ {names} = {parts}")


# --- every cell ---------------------------------------------------------------------------------


def _d5(tables: ReportTables) -> Iterator[Finding]:
    """Every cell a non-negative integer; 万元 amounts may have decimals; 本年增/减 any sign."""
    for row, columns in tables.proactive.items():
        table = tables.format.proactive_table_of(row)
        for column in table.columns:
            if column.key in columns:
                yield from _d5_cell(f"{row}·{column.key}", columns[column.key], column.measure)
    for row, cells in tables.applications.items():
        for c, value in enumerate(cells):
            yield from _d5_cell(f"{row}·{APPLICATION_COLUMNS[c]}", value, Measure.COUNT)
    for i, value in enumerate(tables.reviews or ()):
        yield from _d5_cell(review_cell_name(i), value, Measure.COUNT)


_MEASURE_WORDS: Final = {
    Measure.COUNT: "应为非负整数",
    Measure.MONEY: "应为非负数（单位：万元）",
    Measure.CHANGE: "应为整数",
}


def _d5_cell(cell: str, value: Value, measure: Measure) -> Iterator[Finding]:
    if value is None:
        return
    found = number(value)
    wrong = (
        found is None
        or (measure is not Measure.CHANGE and found < 0)
        or (measure is not Measure.MONEY and found != int(found))
    )
    if wrong:
        yield Finding("D5", cell, f"{cell}：{show(value)} {_MEASURE_WORDS[measure]}")


# --- heuristics (warnings) ----------------------------------------------------------------------


def _d6(tables: ReportTables, previous: ReportTables) -> Iterator[Finding]:
    """现行有效 ≈ last year's 现行有效 + 本年制发 − 本年废止; a revision can break it, so warn."""
    for row, columns in tables.proactive.items():
        before = previous.proactive.get(row, {})
        cells = (before.get("现行有效"), columns.get("制发"), columns.get("废止"))
        current = columns.get("现行有效")
        if any(number(value) is None for value in (*cells, current)):
            continue
        expected = _n(cells[0]) + _n(cells[1]) - _n(cells[2])
        if _n(current) != expected:
            yield Finding(
                "D6",
                f"{row}·现行有效",
                f"{row}：现行有效 {show(current)} ≠ 上年现行有效 + 本年制发 − 本年废止 = "
                f"{show(cells[0])} + {show(cells[1])} − {show(cells[2])} = {show(expected)}"
                "（规章或文件修订时可能不相等，请核对）",
            )


def _d7(tables: ReportTables, previous: ReportTables) -> Iterator[Finding]:
    """Cases 尚未审结 last year should reappear, with a result, this year."""
    if not tables.reviews or not previous.reviews:
        return
    width = len(REVIEW_RESULTS)
    for g in range(len(REVIEW_GROUPS)):
        pending = _n(previous.reviews[g * width + PENDING])
        counted = _sum(tables.reviews[g * width : g * width + width - 1])
        if pending > counted:
            group = review_cell_name(g * width).rsplit("·", 1)[0]
            yield Finding(
                "D7",
                group,
                f"{group}：上年尚未审结 {show(pending)} 件，本年各结果合计仅 {show(counted)} 件，"
                "上年未结案件的结果未见报告，请核对",
            )
