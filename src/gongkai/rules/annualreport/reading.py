"""The tables of a published annual report, found in the rows of its file.

A report reaches us as rows: the rows of its Word, Excel or web tables (a merged cell once, its
text repeated down the rows it spans), or the lines of its PDF or text, split into words
(``documents`` makes them). :func:`read_report` walks them once, in order, and recognises:

- §二 (before §三): a row whose label is one of the format's 信息内容 (规章, 行政许可 …), its
  numbers in the format's columns;
- §三: from the row 一、本年新收 to the row 四、结转下年度, each row by its label, the last seven
  cells its columns. The label of a sub-row is read after its group heading (（三）不予公开 …),
  which a merged cell prints once: the heading carries over to the rows below it;
- §四: the first row of fifteen numbers after a heading row with 维持.

Numbers are printed as "0", "12", "1.5"; a cell printed blank, "/", "—", "-" or "无" is ``None``
(CONTRACTS.md §6). Which format a report uses is read from §二's headings (the 2019 trial
format's 本年新制作数量, 上一年项目数量 …); a 2021 report whose （六）其他处理 is one row keeps
that one row. Pure Python, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from gongkai.rules.annualreport.checks import ReportTables, Value
from gongkai.rules.annualreport.template import (
    APPLICATION_COLUMNS,
    FORMAT_2019,
    FORMAT_2021,
    GROUP_HEADINGS,
    REVIEW_COLUMNS,
    ReportFormat,
)

WIDTH: Final = len(APPLICATION_COLUMNS)
BLANKS: Final = frozenset({"", "/", "\\", "-", "--", "—", "——", "–", "―", "――", "无", "空"})
_QUOTES: Final = str.maketrans("", "", "\"'“”‘’「」")
_INTEGER: Final = re.compile(r"-?\d+")
_DECIMAL: Final = re.compile(r"-?\d+\.\d+")
# Headings found only in the 2019 trial format's §二 (DOMAIN.md 2.7).
_TRIAL_MARKS: Final = ("新制作", "新公开数量", "对外公开总数", "上一年项目数量", "采购项目数量")


@dataclass(frozen=True)
class Row:
    """A table row (``grid``: one cell a column, blanks kept) or a line of text split into words."""

    cells: tuple[str, ...]
    grid: bool = True


@dataclass(frozen=True)
class ReadReport:
    tables: ReportTables
    found: frozenset[str]  # of "proactive", "applications", "reviews"
    warnings: tuple[str, ...]
    year: int | None = None
    body: str = ""


def normalise(text: str) -> str:
    """Full-width digits and brackets as ASCII (NFKC), no spaces: "（ 三 ）" → "(三)"."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class _NotANumber(Exception):
    pass


def value_of(text: str) -> Value:
    """A printed cell: 12 → 12, 1.5 → 1.5, "/" → None; :class:`_NotANumber` for a label."""
    cell = normalise(text).replace(",", "")
    if cell in BLANKS:
        return None
    if _INTEGER.fullmatch(cell):
        return int(cell)
    if _DECIMAL.fullmatch(cell):
        return float(cell)
    raise _NotANumber(cell)


def is_value(text: str) -> bool:
    try:
        value_of(text)
    except _NotANumber:
        return False
    return True


def cell_value(text: str) -> Value:
    """A cell where a number belongs: its text when it is not one (D5 names it)."""
    try:
        return value_of(text)
    except _NotANumber as printed:
        return str(printed)


# --- one row ------------------------------------------------------------------------------------


def _label_and_values(row: Row) -> tuple[str, list[str]]:
    """Leading blanks skipped, the label (words that are not numbers), then the cells after it."""
    cells = list(row.cells)
    while cells and normalise(cells[0]) == "":
        cells.pop(0)
    label: list[str] = []
    while cells and not is_value(cells[0]):
        label.append(cells.pop(0))
    return normalise("".join(label)), cells


def _trailing(row: Row, width: int, labelled: bool = True) -> tuple[str, list[Value]] | None:
    """The label and the last ``width`` cells of a table row, or of the numbers ending a line.
    ``None``: not a row of numbers (a heading), or a line with fewer numbers than columns."""
    if row.grid:
        if len(row.cells) < width + labelled:
            return None
        cells = row.cells[-width:]
        if not any(is_value(cell) and normalise(cell) for cell in cells):
            return None
        return normalise("".join(row.cells[:-width])), [cell_value(cell) for cell in cells]
    words = _unglued(list(row.cells), width)
    run = 0
    while run < len(words) and is_value(words[-1 - run]):
        run += 1
    if run < width:
        return None
    label = normalise("".join(words[: len(words) - width]))
    return label, [value_of(cell) for cell in words[-width:]]


_GLUED: Final = re.compile(r"(.*[^\d.．、\-—])(\d+)")


def _unglued(words: list[str], width: int) -> list[str]:
    """A PDF's text may set the first number against the end of a long label ("…申请1"): when
    exactly one number is missing, the digits ending the label are that number."""
    run = 0
    while run < len(words) and is_value(words[-1 - run]):
        run += 1
    if run == width - 1 and run < len(words):
        glued = _GLUED.fullmatch(words[-1 - run])
        if glued:
            words[-1 - run : len(words) - run] = [glued.group(1), glued.group(2)]
    return words


# --- §二 ----------------------------------------------------------------------------------------


def _proactive_row(form: ReportFormat, row: Row) -> tuple[str, dict[str, Value]] | None:
    label, cells = _label_and_values(row)
    label = re.sub(r"^第二十条第\(.\)项", "", label)
    names = [name for table in form.proactive for name in table.rows if label.endswith(name)]
    if not names or not cells or len(label) > len(max(names, key=len)) + 12:
        return None
    name = max(names, key=len)  # 行政规范性文件, not 规范性文件
    columns = form.proactive_table_of(name).columns
    values = [cell_value(cell) for cell in cells[: len(columns)]]
    values += [None] * (len(columns) - len(values))
    return name, {column.key: value for column, value in zip(columns, values, strict=True)}


# --- §三 ----------------------------------------------------------------------------------------

_MAIN_ROWS: Final = (("本年新收", "一"), ("上年结转", "二"), ("结转下年", "四"))
_GROUP_MARKS: Final = (
    *((normalise(label).split(")", 1)[1][:4], key) for key, label in GROUP_HEADINGS.items()),
    ("总计", "三(七)"),
)


def _sub_rows(form: ReportFormat, group: str) -> list[tuple[str, str]]:
    """(key, label body without its number) of a group's sub-rows, in order."""
    return [
        (row.key, re.sub(r"^\d+\.", "", normalise(row.label)).translate(_QUOTES))
        for row in form.application_rows
        if row.group == group
    ]


def _application_key(label: str, group: str) -> tuple[str | None, str]:
    """The row key of a §三 label, and the group heading in force after it."""
    for mark, key in _MAIN_ROWS:
        if mark in label:
            return key, ""
    position, mark, heading = max((label.rfind(mark), mark, key) for mark, key in _GROUP_MARKS)
    rest = label
    if position >= 0:
        group, rest = heading, label[position + len(mark) :]
    if not group:
        return None, group
    subs = _sub_rows(FORMAT_2021, group)
    if not subs:
        return group, group  # 三(一), 三(二), 三(七): no sub-rows
    text = rest.translate(_QUOTES)
    hits = [(text.rfind(body), key) for key, body in subs if body and body in text]
    if hits:
        return max(hits)[1], group
    numbered = re.findall(r"(\d+)[.、]", text)
    if numbered and 0 < int(numbered[-1]) <= len(subs):
        return subs[int(numbered[-1]) - 1][0], group
    if group == "三(六)" and not text:
        return "三(六)", group  # the single row of the 2019 layout
    return None, group


@dataclass
class _Walk:
    """What :func:`read_report` has found so far."""

    form: ReportFormat
    proactive: dict[str, dict[str, Value]] = field(default_factory=dict)
    applications: dict[str, list[Value]] = field(default_factory=dict)
    reviews: list[Value] | None = None
    warnings: list[str] = field(default_factory=list)
    stage: str = "proactive"  # → "applications" → "after" (§三 read to its row 四)
    group: str = ""
    pending: str = ""  # label words of lines without numbers (a label wrapped over lines)
    review_heading: bool = False

    def application(self, row: Row) -> None:
        split = _trailing(row, WIDTH)
        if split is None:
            if not row.grid:
                self.pending += normalise("".join(row.cells))
                self._short_line(row)
            return
        label, values = split
        label, self.pending = self.pending + label, ""
        key, self.group = _application_key(label, self.group)
        if key is None:
            return
        if key == "一" and self.stage == "proactive":
            self.stage = "applications"
        if self.stage != "applications":
            return
        if key in self.applications:
            self.warnings.append(f"第三部分表格的“{key}”行出现两次，只取第一次")
        else:
            self.applications[key] = values
        if key == "四":
            self.stage = "after"

    def _short_line(self, row: Row) -> None:
        """A line ending in some numbers, but fewer than seven: its blanks were not printed."""
        if self.stage != "applications":
            return
        label, cells = _label_and_values(row)
        if cells and all(is_value(cell) for cell in cells):
            key, _ = _application_key(self.pending, self.group)
            if key and key not in self.applications:
                self.warnings.append(
                    f"第三部分表格的“{key}”行只读到 {len(cells)} 个数（应有 {WIDTH} 个），"
                    "无法对应到列，请人工核对"
                )

    def review(self, row: Row) -> None:
        if any("维持" in normalise(cell) for cell in row.cells):
            self.review_heading = True
            return
        if not self.review_heading:
            return
        split = _trailing(row, REVIEW_COLUMNS, labelled=False)
        if split is not None:
            self.reviews = split[1]


def detect_format(rows: Iterable[Row]) -> ReportFormat:
    text = "".join(normalise("".join(row.cells)) for row in rows)
    return FORMAT_2019 if any(mark in text for mark in _TRIAL_MARKS) else FORMAT_2021


def read_report(rows: Sequence[Row], text: str = "") -> ReadReport:
    """The tables found in ``rows`` (in document order) and what could not be read."""
    walk = _Walk(detect_format(rows))
    for row in rows:
        if walk.stage == "proactive":
            found = _proactive_row(walk.form, row)
            if found and found[0] not in walk.proactive:
                walk.proactive[found[0]] = found[1]
                continue
        if walk.stage in ("proactive", "applications"):
            walk.application(row)
        if walk.reviews is None:
            walk.review(row)
    return _result(walk, text)


_TABLE_NAMES: Final = {
    "proactive": "第二部分表格（主动公开政府信息情况）",
    "applications": "第三部分表格（收到和处理政府信息公开申请情况）",
    "reviews": "第四部分表格（政府信息公开行政复议、行政诉讼情况）",
}


def _result(walk: _Walk, text: str) -> ReadReport:
    found = {
        name
        for name, table in (
            ("proactive", walk.proactive),
            ("applications", walk.applications),
            ("reviews", walk.reviews),
        )
        if table
    }
    warnings = [f"未找到{label}" for name, label in _TABLE_NAMES.items() if name not in found]
    if walk.applications:
        missing = [key for key in _expected_rows(walk) if key not in walk.applications]
        if missing:
            warnings.append(f"第三部分表格缺少以下行：{'、'.join(missing)}")
    tables = ReportTables(walk.form, walk.proactive, walk.applications, walk.reviews)
    year, body = title_of(text)
    return ReadReport(tables, frozenset(found), (*warnings, *walk.warnings), year, body)


def _expected_rows(walk: _Walk) -> list[str]:
    keys = list(walk.form.application_keys)
    if "三(六)" in walk.applications and "三(六)1" in keys:  # a 2021 report in the old layout
        keys = [key for key in keys if not key.startswith("三(六)")] + ["三(六)"]
    return keys


# --- title --------------------------------------------------------------------------------------

_TITLE: Final = re.compile(r"(.*?)(\d{4})年(?:度)?.*?政府信息公开(?:工作)?年度?报告")


def title_of(text: str) -> tuple[int | None, str]:
    """The year and the reporting body of "某某市某某局2024年政府信息公开工作年度报告"; the body
    may stand on the line above the title."""
    previous = ""
    for line in text.splitlines():
        line = re.sub(r"\s+", "", unicodedata.normalize("NFKC", line))
        match = _TITLE.search(line)
        if match:
            body = match.group(1).strip("《》 ").removesuffix("关于") or (previous if len(previous) <= 40 else "")
            return int(match.group(2)), body
        if line:
            previous = line
    return None, ""
