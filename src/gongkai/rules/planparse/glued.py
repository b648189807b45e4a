"""Tables whose cells a page glued together without any separator: a table copied out of a web
page whose cells lost their borders and breaks, one row a line.

    类别序号重点督办内容牵头单位全年完成情况
    经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速由…

The header is told by its words alone: the line splits whole into header words the parser knows
(类别 | 序号 | 重点督办内容 | 牵头单位 | 全年完成情况), naming a task and its units. Each row below
is cut in the header's order: its group text up to the 序号's digits, the requirement up to the
full stop after which a unit's name begins, the unit's name up to the first ending of an office
(区发展改革委), and the rest, a note column's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from gongkai.rules.planparse.cells import PERIOD, Column, header_column
from gongkai.rules.planparse.normalize import compact
from gongkai.rules.vocabulary import ORGAN_ENDINGS

GluedRow = list[tuple[Column, str]]

_LONGEST_WORD: Final = 12  # characters of one header word
_HEADER_LINE: Final = re.compile(r"^[\u4e00-\u9fff()（）]{8,60}$")
_TASKS: Final = frozenset({Column.REQUIREMENT})
_DUTIES: Final = frozenset({Column.UNITS, Column.UNITS_LEAD})
# A unit's name at the start of a cell: a few characters up to the first ending of an office.
_ENDINGS: Final = "|".join(sorted((e for e in ORGAN_ENDINGS if e not in ")）"), key=len, reverse=True))
_UNIT_START: Final = re.compile(f"[\u4e00-\u9fff]{{1,12}}?(?:{_ENDINGS})")
# "区人力社|保局": an ending within two characters goes on with the same name
_NAME_GOES_ON: Final = re.compile(f"[\u4e00-\u9fff]?(?:{_ENDINGS})")
_ENDS_IN_PERIOD: Final = re.compile(f"{PERIOD}$")
_NUMBER: Final = re.compile(r"(?<![\d.])(?P<n>\d{1,3})(?=[\u4e00-\u9fff“《])")


def glued_header(line: str) -> list[tuple[Column, str]] | None:
    """The columns of a header line written without separators, or None."""
    text = line.strip()  # glued: a header with spaces between its words is another layout
    if not _HEADER_LINE.match(text):
        return None
    words = _split(text)
    if words is None or len(words) < 3:
        return None
    if Column.REQUIREMENT not in (column for column, _ in words) and words[-1][0] in _DUTIES:
        # "序号 | 工作任务 | 责任单位": the task column, where no other names the requirement
        words = [(Column.REQUIREMENT if column is Column.GROUP else column, word) for column, word in words]
    columns = {column for column, _ in words}
    return words if columns & _TASKS and columns & _DUTIES else None


def header_then_rows(line: str) -> tuple[list[tuple[Column, str]], list[GluedRow]] | None:
    """A header glued to the rows after it on one line ("序号工作任务责任单位21树立…落实22根据…"):
    the header's columns, and each row's cells, from its 序号 to the next one's."""
    text = compact(line)
    for first in _NUMBER.finditer(text, 0, _HEADER_LONGEST):
        header = glued_header(text[: first.start()])
        if header is None:
            continue
        rows: list[str] = []
        start, number = first.start(), int(first["n"])
        while (following := _next_row(text, number + 1, start + len(first["n"]))) is not None:
            rows.append(text[start:following])
            start, number = following, number + 1
        rows.append(text[start:])
        return header, [glued_row(row, header) or _cut_row(row) for row in rows]
    return None


def _cut_row(row: str) -> GluedRow:
    """A row whose unit cell the page cut off: its number and its text."""
    text = row.lstrip("0123456789")
    return [(Column.NUMBER, row[: len(row) - len(text)]), (Column.REQUIREMENT, text)]


_HEADER_LONGEST: Final = 60


def _next_row(text: str, number: int, start: int) -> int | None:
    """Where row ``number`` starts: its digits after the name or role a unit cell ends with,
    before the text of a task (never a count, "22个", nor a year's digits)."""
    row = re.compile(rf"(?<=[\u4e00-\u9fff)）]){number}(?=[\u4e00-\u9fff“《])(?![年月日号个项条次届期批家所名人万亿元倍])")
    found = row.search(text, start)
    return found.start() if found is not None else None


def _split(text: str) -> list[tuple[Column, str]] | None:
    """The text cut whole into header words, the fewest words first; None if it does not cut."""

    @cache
    def rest(start: int) -> tuple[tuple[Column, str], ...] | None:
        if start == len(text):
            return ()
        best: tuple[tuple[Column, str], ...] | None = None
        for end in range(min(len(text), start + _LONGEST_WORD), start + 1, -1):
            word = text[start:end]
            # (never "牵头单位全年" | "完成情况": a period opens the word after it, "全年完成情况")
            column = header_column(word) if not _ENDS_IN_PERIOD.search(word) else None
            after = rest(end) if column is not None else None
            if column is not None and after is not None and (best is None or len(after) + 1 < len(best)):
                best = ((column, text[start:end]), *after)
        return best

    found = rest(0)
    return list(found) if found is not None else None


def glued_row(line: str, header: Sequence[tuple[Column, str]]) -> GluedRow | None:
    """A row's cells in the header's columns, or None when the line is no such row."""
    text = compact(line)
    columns = [column for column, _ in header]
    cells: GluedRow = []
    if Column.NUMBER in columns:
        number = _NUMBER.search(text)
        if number is None:
            return None
        before = columns[: columns.index(Column.NUMBER)]
        head = text[: number.start()]
        if head and Column.GROUP in before:
            cells.append((Column.GROUP, head))
        elif head:
            return None
        cells.append((Column.NUMBER, number["n"]))
        text = text[number.end() :]
    duty = next((column for column in columns if column in _DUTIES), None)
    if duty is not None and Column.NOTE not in columns:
        # no column after the units: the duty cell runs to the row's end, after the last full stop
        # a unit's name follows ("…构建新型婚育文化。省委宣传部、省妇联牵头;省总工会配合;…落实")
        for stop in reversed(list(re.finditer("。", text))):
            if _UNIT_START.match(text, stop.end()) is not None:
                return [*cells, (Column.REQUIREMENT, text[: stop.end()]), (duty, text[stop.end() :])]
    for stop in re.finditer(r"[。；;]", text):
        unit = _UNIT_START.match(text, stop.end())
        if unit is None or duty is None:
            continue
        end = unit.end()
        while (more := _NAME_GOES_ON.match(text, end)) is not None:
            end = more.end()
        cells.append((Column.REQUIREMENT, text[: stop.end()]))
        cells.append((duty, text[stop.end() : end]))
        rest = text[end:]
        if rest and Column.NOTE in columns:
            cells.append((Column.NOTE, rest))
        return cells
    return None
