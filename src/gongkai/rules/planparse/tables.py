"""Task-division tables (分工方案) into items: one item per requirement row.

Cells arrive as tokens (tokens.py for text, :func:`table_tokens` for real tables). Columns are
matched by content where the layout lost them: a merged cell is simply missing from later rows,
so a row with fewer cells still has its requirement, and the missing units or deadline are the
row above's (``inherited``). Where a row lines up with the header (a real table's rows; a
flattened row with exactly the header's cells, none of them contradicting its column), positions
decide. A blank cell of a flattened table was a merged one; a real table says which were merged.

Rows are told apart by their cells: a 序号 starts a row, and so does a second requirement, a
group heading after a requirement, or a row end. A row with units or a deadline but no
requirement (seed 004 after row 11: the text of row 12 is missing) becomes no item: it is
reported, never glued onto the row above.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Final

from gongkai.rules.planparse.annotations import Assignment, LeadRule, assign, section_assignment
from gongkai.rules.planparse.cells import (
    BULLETS,
    DUTY_COLUMNS,
    GROUP_MARKER,
    PERIOD,
    REQUIREMENT_MARKER,
    SCORE_HEADER,
    UNIT_COLUMNS,
    WEAK_MARKER,
    CellKind,
    Column,
    classify,
    header_column,
    header_columns,
    header_like,
    is_unit_phrase,
    named_columns,
    with_task_column,
)
from gongkai.rules.planparse.deadlines import (
    find_deadline_in_text,
    find_recurrence_in_text,
    parse_deadline,
)
from gongkai.rules.planparse.model import NO_DEADLINE, Deadline, Item, Table
from gongkai.rules.planparse.normalize import chinese_number, clean_text, compact
from gongkai.rules.planparse.tokens import ROW_END, Token
from gongkai.rules.units import split_units
from gongkai.rules.vocabulary import CIRCLED, MARKERS, ORDINAL, ROLE_PATTERN, marker_number

_COLUMN_KINDS: Final = {
    Column.NUMBER: CellKind.NUMBER,
    Column.GROUP: CellKind.GROUP,
    Column.REQUIREMENT: CellKind.TEXT,
    Column.UNITS_LEAD: CellKind.UNITS,
    Column.UNITS: CellKind.UNITS,
    Column.UNITS_ASSIST: CellKind.UNITS,
    Column.DEADLINE: CellKind.DEADLINE,
    Column.NOTE: CellKind.NOTE,
}
_REQUIREMENT_KINDS: Final = frozenset({CellKind.MARKED, CellKind.TEXT})
_ROLE_WORD: Final = re.compile(ROLE_PATTERN)


@dataclass
class _Row:
    """One row as it is being read (internal, mutable)."""

    line: int = 0
    number: str | None = None
    groups: list[tuple[int | None, str]] = field(default_factory=list)  # (column level, text)
    requirement: str | None = None
    units: list[tuple[Column, str]] = field(default_factory=list)
    blank_units: set[Column] = field(default_factory=set)  # a real table's unmerged blank cells
    deadline: str | None = None
    cut: bool = False  # its requirement was never closed: the page ends in it, nothing is merged
    notes: list[str] = field(default_factory=list)  # cells of columns kept as notes ("责任领导：…")

    @property
    def empty(self) -> bool:
        return not (self.number or self.groups or self.requirement or self.units or self.deadline)

    @property
    def has_content(self) -> bool:
        return bool(self.requirement or self.units or self.deadline)


_Draft = tuple[str | None, int | None, Item]  # (序号, the requirement's own number, the item)


@dataclass(frozen=True)
class TableResult:
    items: tuple[Item, ...]
    warnings: tuple[str, ...]
    unreadable: bool = False  # the rows could not be told apart: no items, and ``warnings`` say why


# --- real tables into tokens -------------------------------------------------------------------


def table_tokens(table: Table) -> list[Token]:
    """The cells of a real table as tokens; with column hints where the header lines up."""
    header_at, columns = _table_header(table)
    labels = (
        [clean_text(cell.text) for cell in table.rows[header_at]] if header_at is not None else []
    )
    tokens: list[Token] = []
    for index, row in enumerate(table.rows):
        if header_at is not None and index < header_at:
            continue  # a title row above the header
        texts = [cell.text for cell in row]
        if header_at is not None and index > header_at and _is_header_row(texts):
            continue  # the header repeated on a new page
        written = [text for text in texts if text.strip()]
        lined_up = columns and len(columns) == len(row) and index != header_at
        hinted = columns if lined_up and len(written) > 1 else None
        levels = _group_levels(hinted) if hinted else []
        for position, cell in enumerate(row):
            column = hinted[position] if hinted else None
            if hinted is None and position and cell.text and cell.text == row[position - 1].text:
                continue  # a horizontally merged cell repeated by the reader
            level = levels[position] if hinted else None
            label = labels[position] if hinted and column is Column.NOTE else ""
            token = Token(cell.text, merged=cell.merged, column=column, level=level, label=label)
            tokens.append(token)
        tokens.append(ROW_END)
    return tokens


def has_header(table: Table) -> bool:
    return _table_header(table)[0] is not None


def _is_header_row(texts: Sequence[str]) -> bool:
    written = [text for text in texts if text.strip()]
    return len(written) >= 2 and all(header_column(text) is not None for text in written)


def _table_header(table: Table) -> tuple[int | None, list[Column]]:
    """The header row among the first rows, and the column each position stands for. A second
    header row below it (责任单位 split into 牵头单位 | 配合单位) refines the columns it names."""
    for index, row in enumerate(table.rows[:6]):
        texts = [cell.text for cell in row]
        if not _is_header_row(texts) and header_columns(texts) is None:
            continue
        columns: list[Column] = []
        for cell in row:
            if cell.text.strip():  # a word not met before is a note column
                columns.append(header_column(cell.text) or Column.NOTE)
            else:  # a header cell merged across columns
                columns.append(columns[-1] if columns else Column.NOTE)
        below = table.rows[index + 1] if index + 1 < len(table.rows) else ()
        if len(below) == len(columns) and _is_header_row([cell.text for cell in below]):
            for position, cell in enumerate(below):
                columns[position] = header_column(cell.text) or columns[position]
            index += 1
        if Column.REQUIREMENT not in columns and Column.GROUP in columns:
            last = max(i for i, column in enumerate(columns) if column is Column.GROUP)
            columns[last] = Column.REQUIREMENT
        return index, columns
    return None, []


def _group_levels(columns: Sequence[Column]) -> list[int | None]:
    levels: list[int | None] = []
    seen = 0
    for column in columns:
        levels.append(seen)
        seen += column is Column.GROUP
    return levels


# --- rows of flattened tables that line up with their header ---------------------------------

_COMPATIBLE: Final = {
    Column.NUMBER: {CellKind.NUMBER},
    # (a heading may end like a unit: "现代化美丽城镇")
    Column.GROUP: {CellKind.TEXT, CellKind.GROUP, CellKind.UNITS},
    Column.REQUIREMENT: {CellKind.TEXT, CellKind.MARKED, CellKind.GROUP, CellKind.DEADLINE},
    Column.UNITS_LEAD: {CellKind.UNITS, CellKind.TEXT},
    Column.UNITS: {CellKind.UNITS, CellKind.TEXT},
    Column.UNITS_ASSIST: {CellKind.UNITS, CellKind.TEXT},
    Column.DEADLINE: {CellKind.DEADLINE, CellKind.TEXT, CellKind.NUMBER},
    Column.NOTE: set(CellKind),
}


_PERIOD_CELL: Final = re.compile(f"^{PERIOD}$")
_HEADER_FRAGMENT: Final = 6  # characters: a header cell broken over lines breaks into short pieces


def rejoined_header(tokens: Sequence[Token]) -> list[Token]:
    """A flattened table's header whose cells were broken over lines ("责任 / 领导", "攻坚目标 /
    任务", "工作任务安排 / 第二季度"), each cell one again: a short piece that heads no column on
    its own and, with the next piece, heads a known one; or a period ("第二季度") after a cell."""
    tokens = list(tokens)
    index = next((i for i, token in enumerate(tokens) if not token.row_end), len(tokens))
    while index + 1 < len(tokens):
        token, following = tokens[index], tokens[index + 1]
        text, after = compact(token.text), compact(following.text)
        if token.row_end or not text:
            index += 1
            continue
        broken = (
            header_column(text) is None
            and len(text) <= _HEADER_FRAGMENT
            and len(after) <= _HEADER_FRAGMENT + 2
            and header_column(text + after) is not None
        )  # ("市政府" / "分管领导": the first piece may read like a unit)
        if not (broken or header_column(text) or header_like(text)) or following.row_end:
            break
        period = _PERIOD_CELL.match(after) is not None and header_like(text + after)
        if period or broken:
            tokens[index : index + 2] = [replace(token, text=text + after)]
            continue
        index += 1
    return tokens


def hint_columns(tokens: Sequence[Token]) -> list[Token]:
    """Positions for the rows of a flattened table that have exactly the header's cells
    ("1 | 公开信息。 | 市财政局 | 视情况而定 |"), where no cell's wording contradicts its column."""
    headers = _leading_headers(tokens)
    named = with_task_column(named_columns([token.text for token in headers]))
    columns = [column or Column.NOTE for column in named]
    if len(columns) < 3 or any(token.column for token in tokens):
        return list(tokens)
    if columns[0] is Column.NUMBER:
        tokens = _rows_at_numbers(tokens, len(headers))
    elif columns.count(Column.REQUIREMENT) >= 2 and Column.NUMBER not in columns:
        tokens = _rows_at_marked(tokens, len(headers))
    known = list(columns)
    if Column.REQUIREMENT not in known and Column.GROUP in known:
        known[max(i for i, c in enumerate(known) if c is Column.GROUP)] = Column.REQUIREMENT
    tokens = _rows_of_header_width(tokens, len(headers), known)
    # a row whose leading group cells are merged away lines up with the rest of the header
    leading = next((i for i, column in enumerate(known) if column is not Column.GROUP), 0)
    hinted: list[Token] = []
    row: list[Token] = []
    for token in [*tokens, ROW_END]:
        if not token.row_end:
            row.append(token)
            continue
        if leading and len(row) == len(known) - leading and _lines_up(row, known[leading:]):
            row = _placed(row, known[leading:], headers[leading:])
        elif len(row) == len(known) and _lines_up(row, known):
            # Group cells keep no position: a merged 工作任务 may be missing from a row that
            # still has as many cells as the header (seed 004, rows 66 and 67).
            row = _placed(row, known, headers)
        elif _cut_in_task(row, known):
            # the page ends inside this row's task cell: its cells so far are the header's first
            # ones, none is merged away ("3 | 实施… | 1.…" and no unit cell yet)
            row = _placed(row, known[: len(row)], headers[: len(row)])
        elif (deeper := _deeper_groups(row, known, headers)) is not None:
            # (the cells after them, a next row without its 序号, keep no position)
            row = [*_placed(row[: len(deeper[0])], *deeper), *row[len(deeper[0]) :]]
        hinted += [*row, token]
        row = []
    return hinted[:-1]


def _cut_in_task(row: Sequence[Token], columns: Sequence[Column]) -> bool:
    """Whether the page ends inside a row that has the header's first cells up to its task
    cell."""
    width = len(row)
    return (
        0 < width < len(columns)
        and row[-1].unclosed
        and columns[width - 1] is Column.REQUIREMENT
        and _lines_up(row, columns[:width])
    )


def _deeper_groups(
    row: Sequence[Token], columns: Sequence[Column], headers: Sequence[Token]
) -> tuple[list[Column], list[Token]] | None:
    """A row with more cells than the header, the extra ones short headings beside its group
    cell: one 重点任务 column holding two levels ("三大攻坚战信息公开 | 污染防治信息公开"), the
    upper merged over the next rows. The columns and header cells that row lines up with."""
    groups = [i for i, column in enumerate(columns) if column is Column.GROUP]
    if not groups:
        return None
    at = groups[-1]
    for extra in (1, 2):
        if len(row) < len(columns) + extra:
            break
        found = _with_levels(row[: len(columns) + extra], columns, headers, at, extra)
        if found is not None:
            return found
    return None


def _with_levels(
    row: Sequence[Token], columns: Sequence[Column], headers: Sequence[Token], at: int, extra: int
) -> tuple[list[Column], list[Token]] | None:
    wider = [*columns[: at + 1], *[Column.GROUP] * extra, *columns[at + 1 :]]
    heads = [*headers[: at + 1], *[headers[at]] * extra, *headers[at + 1 :]]
    heading = [compact(token.text) for token in row[at : at + extra + 1]]
    if not all(0 < len(text) <= 20 and text[-1] not in "。；;" for text in heading):
        return None
    return (wider, heads) if _lines_up(row, wider) else None


def _placed(
    row: Sequence[Token], columns: Sequence[Column], headers: Sequence[Token]
) -> list[Token]:
    """The row's cells with their header's columns; an empty cell of a flattened table is a
    merged one (the text lost the merge), and a note column's cells keep its header's name."""
    return [
        replace(
            token,
            column=column,
            merged=token.merged or not token.text.strip(),
            label=clean_text(header.text) if column is Column.NOTE else "",
        )
        for token, column, header in zip(row, _one_requirement(row, columns), headers, strict=True)
    ]


def _one_requirement(row: Sequence[Token], columns: Sequence[Column]) -> list[Column]:
    """Two requirement columns (任务事项 | 工作要求, 贯彻举措 | 工作要求) give one item: a numbered
    task, or the shorter cell, is the heading when it comes first; the shorter is the detail (a
    note) when it comes second."""
    columns = list(columns)
    positions = [i for i, column in enumerate(columns) if column is Column.REQUIREMENT]
    if len(positions) >= 2:
        first, second = positions[0], positions[1]
        numbered = REQUIREMENT_MARKER.match(compact(row[first].text)) is not None
        numbered_second = REQUIREMENT_MARKER.match(compact(row[second].text)) is not None
        if (numbered and not numbered_second) or len(compact(row[first].text)) < len(
            compact(row[second].text)
        ):
            columns[first] = Column.GROUP  # a numbered task heads the requirement beside it
        else:
            columns[second] = Column.NOTE
    return columns


def _rows_at_numbers(tokens: Sequence[Token], header_cells: int) -> Sequence[Token]:
    """Row ends for a table flattened without any (one cell a line, no separators): the header
    ends a row, and each 序号 that counts on (1, 2, 3…) starts one."""
    skipped = 0
    while skipped < len(tokens) and tokens[skipped].row_end:
        skipped += 1
    data = tokens[skipped + header_cells :]
    if any(token.row_end for token in data):
        return tokens
    return _rows_before_counting([*tokens[: skipped + header_cells], ROW_END], data, _serial)


_WIDTH_ROWS: Final = 3  # rows in a row that line up with the header, cell for cell


def _rows_of_header_width(
    tokens: Sequence[Token], header_cells: int, columns: Sequence[Column]
) -> Sequence[Token]:
    """Row ends for a table flattened without any, where its rows have all their cells (no merged
    one): the cells, taken as many at a time as the header has, line up with its columns row
    after row ("烟花爆竹" / "1月份" / "安监站" …), three rows at least. The first run of cells that
    does not line up, and all after it, are left as they are (the text after the table)."""
    skipped = 0
    while skipped < len(tokens) and tokens[skipped].row_end:
        skipped += 1
    start = skipped + header_cells
    data = tokens[start:]
    width = len(columns)
    if any(token.row_end for token in data[:-1]) or width < 2:
        return tokens
    rows: list[Sequence[Token]] = []
    while len(rows) * width + width <= len(data):
        row = data[len(rows) * width : len(rows) * width + width]
        if not _lines_up(row, columns):
            break
        rows.append(row)
    if len(rows) < _WIDTH_ROWS:
        return tokens
    rest = data[len(rows) * width :]
    return [*tokens[:start], ROW_END, *[t for row in rows for t in (*row, ROW_END)], *rest]


def _rows_at_marked(tokens: Sequence[Token], header_cells: int) -> list[Token]:
    """Row ends before each numbered task that counts on (1., 2., 3.…) in a table with two
    requirement columns and no 序号 (类型 | 事项 | 目标清单 | 完成情况)."""
    if _has_explicit_rows(tokens[header_cells:]):
        return list(tokens)
    return _rows_before_counting(list(tokens[:header_cells]), tokens[header_cells:], _task_number)


def _rows_before_counting(
    head: list[Token], data: Sequence[Token], number: Callable[[Token], int | None]
) -> list[Token]:
    """``head``, then ``data`` with a row end before each cell whose ``number`` counts on from 1."""
    rows, expected = head, 1
    for token in data:
        if number(token) == expected:
            if rows and not rows[-1].row_end:
                rows.append(ROW_END)
            expected += 1
        rows.append(token)
    return rows


def _serial(token: Token) -> int | None:
    """The value of a 序号 cell ("3", "三、"), or None."""
    if classify(token.text) is not CellKind.NUMBER:
        return None
    return chinese_number(token.text.rstrip(".、,，"))


def _task_number(token: Token) -> int | None:
    """The number a task cell opens with ("2.", "(2)"), or None."""
    marker = REQUIREMENT_MARKER.match(compact(token.text)) if token.text else None
    return marker_number(marker[0]) if marker and marker[0] not in CIRCLED else None


def _has_explicit_rows(tokens: Sequence[Token]) -> bool:
    """Whether the text kept its rows: as many row ends as numbered tasks, not only the row ends
    that set off group rows in one long run of cells."""
    ends = sum(token.row_end for token in tokens)
    numbered = sum(
        bool(token.text) and REQUIREMENT_MARKER.match(compact(token.text)) is not None
        for token in tokens
    )
    return ends >= numbered


def _leading_headers(tokens: Sequence[Token]) -> list[Token]:
    """The header cells the tokens start with; a word the parser has not met counts when a known
    header cell follows it."""
    return _header_span(tokens)[0]


def _header_span(tokens: Sequence[Token]) -> tuple[list[Token], int]:
    """The leading header cells and the position after the last of them. A header wrapped over
    several lines (a pipe page that broke its header row: "序号 | 公开事项 |" then "公开依据 |")
    goes on past a row end when a known header word follows it."""
    headers: list[Token] = []
    end = 0
    for index, token in enumerate(tokens):
        if token.row_end and not headers:
            continue
        if token.row_end:
            if _header_goes_on(tokens, index, headers):
                continue
            break
        if classify(token.text) is not CellKind.HEADER and not (
            header_like(token.text) and _header_next(tokens, index)
        ):
            break
        headers.append(token)
        end = index + 1
    return headers, end


def _header_goes_on(tokens: Sequence[Token], index: int, headers: Sequence[Token]) -> bool:
    """Whether the line after a row end goes on with the header: it opens with a header word of
    a column the header does not have yet (not a second row of levels, "一级 | 二级")."""
    following = next(
        (token for token in islice(tokens, index + 1, None) if token.text.strip()), None
    )
    if following is None or classify(following.text) is not CellKind.HEADER:
        return False
    column = header_column(following.text)
    return column is Column.NOTE or column not in {header_column(t.text) for t in headers}


_HEADER_WORD: Final = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff、]{1,7}$")  # "全社会" ends like a unit, heads a column


def _second_header_row(tokens: Sequence[Token]) -> set[str]:
    """The words of a header's second row ("一级目录 | 二级目录 | 全社会 | 特定群众 | 主动 | 依申请",
    under 公开事项 and 公开对象): the row right after the header, all short header-like words,
    at least one a known one. Its words head no task."""
    headers, start = _header_span(tokens)
    if not headers:
        return set()
    row: list[str] = []
    after = len(tokens)
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.row_end and row:
            after = index
            break
        if token.text.strip():
            row.append(token.text)
    if not row or not all(_HEADER_WORD.match(compact(text)) for text in row):
        return set()
    known = sum(classify(text) is CellKind.HEADER for text in row)
    if known or _sub_columns(tokens, headers, after):
        return set(row)
    return set()


def _sub_columns(tokens: Sequence[Token], headers: Sequence[Token], after: int) -> bool:
    """Whether a row of unknown short words under a header that opens with 序号 names its
    columns' parts ("全社会 | 特定群众 | 主动 | 依申请公开 | 区级 | 乡、村级" under 公开对象, 公开方式,
    公开层级): no 序号 of its own, the first row after it opens with one, and the header keeps
    columns of notes for such parts."""
    if header_column(headers[0].text) is not Column.NUMBER:
        return False
    if sum(header_column(token.text) is Column.NOTE for token in headers) < 2:
        return False
    following = next((t for t in islice(tokens, after, None) if t.text.strip()), None)
    return following is not None and classify(following.text) is CellKind.NUMBER


def _header_next(tokens: Sequence[Token], index: int) -> bool:
    following = next(
        (token for token in islice(tokens, index + 1, None) if token.text.strip()), None
    )
    return following is not None and classify(following.text) is CellKind.HEADER


def _lines_up(row: Sequence[Token], columns: Sequence[Column]) -> bool:
    kinds = [classify(token.text) for token in row]
    if columns and columns[0] is Column.NUMBER and re.fullmatch(r"\d{1,3}", compact(row[0].text)):
        # after its 序号, a task named like a column ("钢铁去产能规模") is the row's task, and a note
        # so named ("公开征求意见、合法性审查、集体决策" under 决策事项程序) its note
        kinds = [
            CellKind.TEXT if k is CellKind.HEADER and c in (Column.REQUIREMENT, Column.GROUP, Column.NOTE) else k
            for k, c in zip(kinds, columns, strict=False)
        ]
    if kinds.count(CellKind.EMPTY) == len(kinds) or CellKind.HEADER in kinds:
        return False
    # A row whose unit column holds units names its task in the task column even when the
    # task ends like an office ("养老机构", "学校、幼儿园、午托部": a 专项整治 table's trades).
    staffed = any(
        k is CellKind.UNITS and c in UNIT_COLUMNS for k, c in zip(kinds, columns, strict=True)
    )
    return all(
        k is CellKind.EMPTY
        or (k in _COMPATIBLE[c] and not _contradicts(token, k, c))
        or (staffed and _task_named_like_units(token, k, c))
        for token, k, c in zip(row, kinds, columns, strict=True)
    )


def _task_named_like_units(token: Token, kind: CellKind, column: Column) -> bool:
    return (
        kind is CellKind.UNITS
        and column in (Column.REQUIREMENT, Column.GROUP)
        and re.search(ROLE_PATTERN, compact(token.text)) is None
    )


def _contradicts(token: Token, kind: CellKind, column: Column) -> bool:
    """A cell whose wording rules out a column its kind allows: a sentence is no unit cell, and
    an office is no note (备注): the row lost a merged cell and its cells do not line up."""
    text = compact(token.text)
    if column in UNIT_COLUMNS and kind is CellKind.TEXT:
        return "。" in text.rstrip("。；;") or text[-1:] in "。；;"
    if column is Column.GROUP and kind is CellKind.UNITS:
        # a heading may end like a place ("现代化美丽城镇"); a list of offices or roles is units
        return _OFFICE.search(text) is not None or re.search(f"[、，,；;]|{ROLE_PATTERN}", text) is not None
    return column is Column.NOTE and kind is CellKind.UNITS and _OFFICE.search(text) is not None


# What only an office's name ends with ("政府网站" in a 公开渠道 column is a note, "区农业局" is not)
_OFFICE: Final = re.compile(r"(?:局|办|委|政府|中心|办公室|厅|科|处|室|部)$")


# --- tokens into rows --------------------------------------------------------------------------


def _kinds(tokens: Sequence[Token]) -> tuple[list[Token], list[CellKind]]:
    """The tokens (a unit cell cut by the page's end trimmed) and the kind of each; TEXT becomes
    GROUP when another text follows it in its row, or a 序号 does in a table whose group cells
    stand before the 序号 (:func:`_group_first`)."""
    headers = _leading_headers(tokens)
    header = named_columns([token.text for token in headers])
    # every leading header cell, "指标" too (a task column only beside the others)
    header_texts = {token.text for token in headers} | _second_header_row(tokens)
    header = with_task_column(header)
    kinds = [
        CellKind.HEADER if token.text in header_texts and not token.column else _kind(token)
        for token in tokens
    ]
    tokens = _with_cut_units(tokens, kinds)
    tokens = _with_wrapped_texts(tokens, kinds)
    tokens = _with_leaders(tokens, kinds, headers)
    _units_among_units(tokens, kinds)
    _goals_over_dashes(tokens, kinds)
    group_first = _group_first(tokens, kinds, header)
    starts = _REQUIREMENT_KINDS | {CellKind.NUMBER} if group_first else _REQUIREMENT_KINDS
    scored = _scored(headers, header)
    two_texts = header.count(Column.REQUIREMENT) >= 2
    if len(header) >= 3 and not UNIT_COLUMNS & set(header):
        # the header names no unit column (公开载体 instead): websites ending 站 are not units
        kinds = [CellKind.NOTE if kind is CellKind.UNITS else kind for kind in kinds]
    for index, kind in enumerate(kinds):
        # Two texts side by side closing a row's text cells are one item. A numbered 工作任务
        # and its 具体要求: the 具体要求 is the item (CONTRACTS.md §1), the task its heading. Two
        # requirement columns (贯彻举措 | 工作要求): the shorter is the heading when it comes
        # first, the detail (a note) when it comes second.
        before = _previous_index(tokens, kinds, index)
        previous = kinds[before] if before is not None else None
        closing = _next_kind(tokens, kinds, index) not in {*_REQUIREMENT_KINDS, CellKind.GROUP}
        if (
            kind is CellKind.MARKED
            and previous is CellKind.TEXT
            and before is not None
            and tokens[before].column is None
            and _task_number(tokens[index]) == 1
        ):
            # "2" | "新建成婴幼儿照护驿站7家。" | "1.…" "2.…": the project heads its numbered measures
            kinds[before] = CellKind.GROUP
            continue
        if (
            kind is CellKind.MARKED
            and previous is CellKind.MARKED
            and before is not None
            and closing
        ):
            # "2.基层政务公开提升" | "1.按照…2.…": a task heading the requirements numbered under it
            if _task_number(tokens[index]) == 1:
                kinds[before] = CellKind.GROUP
            continue
        if kind is not CellKind.TEXT or tokens[index].column is not None or not closing:
            continue
        if previous is CellKind.MARKED and before is not None:
            kinds[before] = CellKind.GROUP
        elif (
            two_texts
            and previous is CellKind.TEXT
            and before is not None
            and len(compact(tokens[index].text)) < len(compact(tokens[before].text))
        ):
            kinds[index] = CellKind.NOTE  # of two text cells, the shorter second is a detail
    _groups_before_requirements(tokens, kinds, header)
    _notes_after_duties(tokens, kinds, header)
    _notes_after_row_units(tokens, kinds, header)
    _tasks_after_numbers(tokens, kinds, header)
    for index, kind in enumerate(kinds):
        free_text = kind is CellKind.TEXT and tokens[index].column is None
        previous = _previous_kind(tokens, kinds, index)
        # a heading is a phrase; a text that ends a sentence is a requirement whose row's merged
        # unit cell is simply not there
        sentence = compact(tokens[index].text).endswith(("。", "；", ";"))
        # (past a note: a catalogue's 公开依据 between its 分类 and its 公开事项)
        following = _next_index(tokens, kinds, index, skip_notes=free_text)
        if free_text and not sentence and following is not None and kinds[following] in starts:
            kinds[index] = CellKind.GROUP
        elif (
            free_text
            and following is not None
            and kinds[following] is CellKind.GROUP
            and not GROUP_MARKER.match(compact(tokens[following].text))
            and not _task_like(tokens[index])
        ):
            kinds[index] = CellKind.GROUP  # "部门文件" before a heading without a marker
        elif free_text and previous is CellKind.UNITS and len(compact(tokens[index].text)) <= 6:
            kinds[index] = CellKind.NOTE  # "张明" after the units: a 责任领导 column, not a task
        elif kind is CellKind.NUMBER and scored and previous in _REQUIREMENT_KINDS:
            kinds[index] = CellKind.NOTE  # the points of an assessment table, not a 序号
    return tokens, kinds


# "省人口计生", "省新闻出版": an office's short name that does not end like one, one cell a line
# among unit cells.
_SHORT_OFFICE: Final = re.compile(r"^[省市县区州盟旗][\u4e00-\u9fff]{2,8}$")


def _units_among_units(tokens: Sequence[Token], kinds: list[CellKind]) -> None:
    """A short name after a unit cell of a table with no columns, before another unit cell or
    the next row, is a unit too (its kind updated in place)."""
    for index, kind in enumerate(kinds):
        token = tokens[index]
        if kind is not CellKind.TEXT or token.column is not None:
            continue
        if not _SHORT_OFFICE.match(compact(token.text)):
            continue
        previous = _previous_kind(tokens, kinds, index)
        following = _next_kind(tokens, kinds, index)
        if previous is CellKind.UNITS and following in (CellKind.UNITS, CellKind.MARKED, CellKind.NUMBER, None):
            kinds[index] = CellKind.UNITS


_DASHED: Final = re.compile(r"^[—－-]{1,2}(?=[\u4e00-\u9fff\d“《])")


def _goals_over_dashes(tokens: Sequence[Token], kinds: list[CellKind]) -> None:
    """A numbered goal whose targets follow it, each on a cell opening with a dash ("1.…服务。"
    then "——女性人均预期寿命延长。"): the goal heads them (its kind updated in place)."""
    for index, kind in enumerate(kinds):
        if kind is not CellKind.MARKED or tokens[index].column is not None:
            continue
        following = next((token for token in tokens[index + 1 :] if token.text.strip()), None)
        if following is not None and _DASHED.match(compact(following.text)):
            kinds[index] = CellKind.GROUP


# A person's name as a leader column gives it: "张学伟", "钱 宇" (a two-character name set wide);
# or several names set wide in one cell, "陆 明俞 悦" (two leaders).
_PERSON: Final = re.compile(
    r"^[\u4e00-\u9fff](?:[\u4e00-\u9fff]{1,2}|[ \u3000]+[\u4e00-\u9fff])$"
    r"|^(?:[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff][、，,\s]*){2,4}$"
)
_PERSON_HEADER: Final = re.compile(r"领导|责任人|负责人|联系人")


def _with_leaders(
    tokens: Sequence[Token], kinds: list[CellKind], headers: Sequence[Token]
) -> list[Token]:
    """Where the header has a column of persons (牵头领导, 责任人), a short name right after a
    task or a unit cell is that column's cell (a note), never a task nor a heading: a flattened
    table lost the positions. ``kinds`` is updated in place."""
    leader = next((t.text for t in headers if _PERSON_HEADER.search(compact(t.text))), None)
    tokens = list(tokens)
    if leader is None:
        return tokens
    for index, kind in enumerate(kinds):
        if kind is not CellKind.TEXT or tokens[index].column is not None:
            continue
        if not _PERSON.match(tokens[index].text.strip()):
            continue
        previous = _previous_kind(tokens, kinds, index)
        if previous in {*_REQUIREMENT_KINDS, CellKind.UNITS}:
            kinds[index] = CellKind.NOTE
            tokens[index] = replace(tokens[index], label=clean_text(leader))
    return tokens


def _groups_before_requirements(
    tokens: Sequence[Token], kinds: list[CellKind], header: Sequence[Column | None]
) -> None:
    """Where the header puts the unit columns after the requirement, a cell that reads like
    units but opens a row, before its requirement ("5 | 组织机构 | 机构职能 | 镇党委…职责 |
    党建工作办"), is a group heading: a row's units never come before its task. ``kinds`` is
    updated in place."""
    tasks = [i for i, column in enumerate(header) if column in (Column.REQUIREMENT, Column.GROUP)]
    duties = [i for i, column in enumerate(header) if column in UNIT_COLUMNS]
    if not tasks or not duties or min(duties) < max(tasks):
        return
    single = len(duties) == 1
    task = False  # a task since the last unit cell: the row still waits for its units
    for index, kind in enumerate(kinds):
        if tokens[index].row_end or kind is CellKind.UNITS and tokens[index].column is not None:
            task = False
            continue
        if kind in _REQUIREMENT_KINDS:
            task = task or _task_like(tokens[index])
            continue
        if kind is not CellKind.UNITS:
            continue
        if task:
            task = False  # the unit cell of the task before it
            continue
        before = _previous_index(tokens, kinds, index)
        previous = kinds[before] if before is not None else None
        if previous is CellKind.UNITS and (not single or _ROLE_WORD.search(tokens[index].text)):
            continue  # the rest of a unit cell ("…市投资促进中心" / "各镇分别落实"), or the next column
        following = _next_index(tokens, kinds, index)
        if following is not None and kinds[following] in _REQUIREMENT_KINDS | {CellKind.GROUP}:
            kinds[index] = CellKind.GROUP


def _notes_after_duties(
    tokens: Sequence[Token], kinds: list[CellKind], header: Sequence[Column | None]
) -> None:
    """A text right after a deadline or unit cell, where the header puts a note column right
    after that one (时效标准 | 更新标准 | 保障部门): the note's cell ("6个月内须有更新"), not a
    new task. ``kinds`` is updated in place."""
    # how many note columns the header has right after the deadline's and after the units' (the last
    # unit column): "责任单位 | 1-10月推进情况 | 1-11月推进情况 | 是否达序" gives three
    notes_after: dict[CellKind, int] = {}
    # "牵头单位 | 工作任务 | 目前完成情况… | 完成进度": the progress after the task, where the task
    # column is the header's last
    task = {Column.REQUIREMENT} if Column.REQUIREMENT in header else {Column.GROUP}
    for kinds_of, columns in (
        ((CellKind.DEADLINE,), {Column.DEADLINE}),
        ((CellKind.UNITS,), UNIT_COLUMNS),
        ((CellKind.TEXT, CellKind.MARKED), task),
    ):
        positions = [i for i, column in enumerate(header) if column in columns]
        if positions and (columns is not task or not DUTY_COLUMNS & set(header[positions[-1] :])):
            following = header[positions[-1] + 1 :]
            count = next((i for i, c in enumerate(following) if c is not Column.NOTE), len(following))
            notes_after.update(dict.fromkeys(kinds_of, count))
    if not any(notes_after.values()):
        return
    for index, kind in enumerate(kinds):
        if kind is not CellKind.TEXT or tokens[index].column is not None:
            continue
        before, seen = _previous_index(tokens, kinds, index), 0
        while before is not None and kinds[before] is CellKind.NOTE and tokens[before].column is None:
            before, seen = _previous_index(tokens, kinds, before), seen + 1
        if before is not None and seen < notes_after.get(kinds[before], 0):
            kinds[index] = CellKind.NOTE


def _notes_after_row_units(
    tokens: Sequence[Token], kinds: list[CellKind], header: Sequence[Column | None]
) -> None:
    """A table without a header whose rows are whole ("1 | 完成…改造。 | 县教育局 | 已安装… | 按时序
    推进 |"): the texts after a row's units, where its task stands before them, report on the task
    (进展, 状态), they are no new tasks. ``kinds`` is updated in place."""
    if any(header) or not any(token.row_end for token in tokens):
        return
    task = units = False
    for index, token in enumerate(tokens):
        if token.row_end:
            task = units = False
        elif kinds[index] is CellKind.UNITS:
            units = units or task
        elif kinds[index] in _REQUIREMENT_KINDS and token.column is None:
            if units:
                kinds[index] = CellKind.NOTE
            task = True


def _task_like(token: Token) -> bool:
    """A text cell that may be a row's task; a short phrase without a stop is rather a heading
    ("部门文件" before "桂农机办" before the task)."""
    text = compact(token.text)
    if _POINTS.match(text):
        return False  # "0.8": an assessment's points
    return REQUIREMENT_MARKER.match(text) is not None or len(text) > 15 or text.endswith(_ENDS)


_POINTS: Final = re.compile(r"^\d{1,3}(?:\.\d{1,2})?分?$")


def _scored(headers: Sequence[Token], columns: Sequence[Column | None]) -> bool:
    """Whether the header has a column of points (分值) right after the requirement."""
    return any(
        SCORE_HEADER.match(compact(token.text))
        and index
        and columns[index - 1] is Column.REQUIREMENT
        for index, token in enumerate(headers)
    )


def _tasks_after_numbers(
    tokens: Sequence[Token], kinds: list[CellKind], header: Sequence[Column | None]
) -> None:
    """A task that reads like an office ("迁建县政务服务中心。"), in a table whose header puts the
    task right after the 序号: the cell after a 序号 with units after it is the row's task, not
    its first unit. Updated in place."""
    if list(header[:2]) != [Column.NUMBER, Column.REQUIREMENT]:
        return
    for index, kind in enumerate(kinds):
        if kind is not CellKind.UNITS or tokens[index].column is not None:
            continue
        before = _previous_index(tokens, kinds, index)
        if before is None or kinds[before] is not CellKind.NUMBER:
            continue
        if _next_kind(tokens, kinds, index) is CellKind.UNITS and not re.search(
            ROLE_PATTERN, compact(tokens[index].text)
        ):
            kinds[index] = CellKind.TEXT


def _group_first(
    tokens: Sequence[Token], kinds: Sequence[CellKind], header: Sequence[Column | None]
) -> bool:
    """Whether group cells precede the 序号 of their first row ("工作任务 | 1 | 具体要求 | …"): the
    header says so, or most 序号 cells follow a text rather than the units or deadline ending the
    row before."""
    if Column.GROUP in header and Column.NUMBER in header:
        return header.index(Column.GROUP) < header.index(Column.NUMBER)
    before = [
        _previous_kind(tokens, kinds, index)
        for index, kind in enumerate(kinds)
        if kind is CellKind.NUMBER
    ]
    texts = sum(kind is CellKind.TEXT for kind in before)
    return texts >= 2 and texts * 2 > len(before)


def _previous_kind(
    tokens: Sequence[Token], kinds: Sequence[CellKind], index: int
) -> CellKind | None:
    before = _previous_index(tokens, kinds, index)
    return kinds[before] if before is not None else None


def _previous_index(tokens: Sequence[Token], kinds: Sequence[CellKind], index: int) -> int | None:
    """The position of the written cell before ``index`` in the same row, if any."""
    for position in range(index - 1, -1, -1):
        if tokens[position].row_end:
            return None
        if kinds[position] is not CellKind.EMPTY:
            return position
    return None


def _next_kind(tokens: Sequence[Token], kinds: Sequence[CellKind], index: int) -> CellKind | None:
    """The kind of the next written cell in the same row, if any."""
    following = _next_index(tokens, kinds, index)
    return kinds[following] if following is not None else None


def _next_index(
    tokens: Sequence[Token], kinds: Sequence[CellKind], index: int, skip_notes: bool = False
) -> int | None:
    """The position of the next written cell in the same row (or the next that is no note), if
    any."""
    skipped = {CellKind.EMPTY, CellKind.NOTE} if skip_notes else {CellKind.EMPTY}
    for position in range(index + 1, len(tokens)):
        if tokens[position].row_end:
            return None
        if kinds[position] not in skipped:
            return position
    return None


def _kind(token: Token) -> CellKind:
    if token.row_end or not token.text.strip():
        return CellKind.EMPTY
    if token.column is Column.NOTE:
        return CellKind.NOTE
    if token.column is None:
        return classify(token.text)
    if token.column is Column.REQUIREMENT:
        return CellKind.MARKED if REQUIREMENT_MARKER.match(compact(token.text)) else CellKind.TEXT
    return _COLUMN_KINDS[token.column]


_CUT_ETC: Final = re.compile(r"等[^、，,；;]*$")
_CUT_LAST: Final = re.compile(r"[、，,；;][^、，,；;]*$")
_CUT_PIECE: Final = 7  # "，谯城经开": a separator and the piece of a name the page's end broke
# The role words a page may cut after the last unit ("…、医保中心按职责分工落").
_ROLE_TAILS: Final = ("按职责分工落实", "按照职责分工落实", "按职责分工负责", "分别负责落实", "牵头落实", "负责落实")


def _without_cut_role(text: str) -> str | None:
    """A unit list whose role word the page cut ("…医保中心按职责分工落"), without the broken
    role word; None when it does not end in one."""
    for tail in _ROLE_TAILS:
        for size in range(len(tail) - 1, 0, -1):
            if text.endswith(tail[:size]) and classify(text[:-size]) is CellKind.UNITS:
                return text[:-size]
    return None


def _with_cut_units(tokens: Sequence[Token], kinds: list[CellKind]) -> list[Token]:
    """A unit cell the end of the page cut in two ("市发展改革委牵头，市住建局等政府各有"): the
    last cell of the table, no sentence but a list of units up to its last separator, is a unit
    cell without its broken tail. ``kinds`` is updated in place."""
    tokens = list(tokens)
    last = max((i for i, token in enumerate(tokens) if token.text.strip()), default=None)
    if last is not None and kinds[last] is CellKind.UNITS:
        # "区司法局牵头…工作，有": a unit cell cut a few characters into its next unit
        text = compact(tokens[last].text)
        if not _opened(text) and _cut_name(text, tokens[:last], kinds):
            # "市科", the table having named "市科技局" above: a name cut short, no unit
            tokens[last] = replace(tokens[last], text="", unclosed=True)
            kinds[last] = CellKind.EMPTY
            return tokens
        broken = _CUT_LAST.search(text)
        inside = broken is not None and _opened(text[: broken.start()])
        # "各县(市、区": a group phrase cut inside its bracket is still the group, as written
        if broken and not inside and len(broken[0]) <= _CUT_PIECE and not is_unit_phrase(broken[0][1:].rstrip("等")):
            tokens[last] = replace(tokens[last], text=text[: broken.start()], unclosed=True)
        return tokens
    if last is None or kinds[last] not in _REQUIREMENT_KINDS or kinds[last] is CellKind.MARKED:
        return tokens
    text = compact(tokens[last].text).rstrip("、，,；;")
    head = _without_cut_role(text)
    if head is None:
        head = _CUT_ETC.sub("", text) if _CUT_ETC.search(text) else _CUT_LAST.sub("", text)
    if head and head != text and classify(head) is CellKind.UNITS:
        tokens[last] = replace(tokens[last], text=head, unclosed=True)
        kinds[last] = CellKind.UNITS
    return tokens


def _cut_name(text: str, before: Sequence[Token], kinds: Sequence[CellKind]) -> bool:
    """Whether a table's last cell is the start of a unit named in a cell above it, and no more."""
    return any(
        name != text and name.startswith(text)
        for token, kind in zip(before, kinds, strict=False)
        if kind is CellKind.UNITS
        for name in split_units(compact(token.text))
    )


def _opened(text: str) -> bool:
    """Whether ``text`` ends inside a bracket it opened."""
    return sum(c in "(（〔[" for c in text) > sum(c in ")）〕]" for c in text)


_ENDS: Final = tuple("。；;！!？?)）】”")
_WRAP_TAIL: Final = 15


def _with_wrapped_texts(tokens: Sequence[Token], kinds: list[CellKind]) -> list[Token]:
    """A text cell broken in two by a line wrap that became a cell break ("…检查结" / "果及处理信息"):
    the first stops mid-sentence and the second is a short tail that ends nothing either. The two
    are one cell. ``kinds`` is updated in place."""
    tokens = list(tokens)
    for index, kind in enumerate(kinds):
        if kind is not CellKind.TEXT or tokens[index].column is not None:
            continue
        following = next(
            (i for i in range(index + 1, len(tokens)) if kinds[i] is not CellKind.EMPTY), None
        )
        if following is None or any(token.row_end for token in tokens[index:following]):
            continue
        head, tail = compact(tokens[index].text), compact(tokens[following].text)
        if (
            kinds[following] is CellKind.TEXT
            and len(head) > _WRAP_TAIL
            and len(tail) < _WRAP_TAIL
            and not head.endswith(_ENDS)
            and not tail.endswith(_ENDS)
        ):
            tokens[index] = replace(tokens[index], text=tokens[index].text + tokens[following].text)
            kinds[following] = CellKind.EMPTY
    return tokens


class _RowReader:
    """Reads tokens into rows; knows the header's unit columns and whether it has a deadline."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.current = _Row()
        self.unit_columns: list[Column] = []
        self.deadline_column = False
        self.deadline_first = False  # the header puts the deadline before the units (公开时限 | 公开主体)
        self.task_seen = False  # the header has named the task column
        self.group_seen = False  # … or a 工作任务 column over it
        self.deadline_before_task = False  # 建设时间 | 建设内容: a row's deadline cell opens it
        self.units_before_task = False  # 牵头单位 | 工作任务: a row's unit cell comes before its task
        self.open_units = False  # the last unit cell ended in "，": the next one continues it

    def read(self, tokens: Sequence[Token]) -> list[_Row]:
        tokens, kinds = _kinds(tokens)
        for token, kind in zip(tokens, kinds, strict=True):
            if token.row_end:
                self._close()
            else:
                self._feed(token, kind)
        self._close()
        return self.rows

    def _close(self) -> None:
        if not self.current.empty:
            self.rows.append(self.current)
        self.current = _Row()

    def _start(self, line: int) -> _Row:
        self._close()
        self.current.line = line
        return self.current

    def _feed(self, token: Token, kind: CellKind) -> None:
        row, text = self.current, token.text.strip()
        if kind is not CellKind.UNITS and kind is not CellKind.EMPTY:
            self.open_units = False
        if kind is CellKind.NOTE:
            row.notes.append(
                f"{token.label}：{clean_text(text)}" if token.label else clean_text(text)
            )
        elif kind is CellKind.EMPTY and token.column in UNIT_COLUMNS and not token.merged:
            row.blank_units.add(token.column)
        elif kind is CellKind.HEADER:
            self._header(text)
        elif kind is CellKind.NUMBER:
            # a 序号 starts a row, unless the row so far holds only its group cells (目标 | 序号)
            opened = row.groups and not (row.number or row.has_content)
            (row if opened else self._start(token.line)).number = text.rstrip(".、,，")
        elif kind is CellKind.GROUP:
            # (检查主体 | 计划名称 | 检查内容: a unit column before the group's opens the row)
            kept = self.units_before_task and token.column is Column.GROUP and not (row.requirement or row.deadline)
            row = self._start(token.line) if row.has_content and not kept else row
            level = token.level if token.column is Column.GROUP else None
            row.groups.append((level, text))
        elif kind is CellKind.MARKED and _goes_on(row, text):
            # "1.4月底前…。" then "2.8月底前…。": one cell's numbered requirements, a line each
            row.requirement = f"{row.requirement} {text}"
        elif kind in _REQUIREMENT_KINDS:
            # a row lined up with its header may put its units before its task (责任科室 | 目标任务)
            # (and a calendar its date: 起止日期 | 主要工作)
            placed = (
                token.column is Column.REQUIREMENT
                or (self.units_before_task and bool(row.units))
                or (self.deadline_before_task and bool(row.deadline) and not row.units)
            ) and not (row.requirement or (row.deadline and not self.deadline_before_task))
            row = self._start(token.line) if row.has_content and not placed else row
            row.requirement, row.line = text, row.line or token.line
            row.cut = token.unclosed
        elif kind is CellKind.UNITS:
            self._units(token, text)
            self.current.cut |= token.unclosed
        elif kind is CellKind.DEADLINE:
            row = self._start(token.line) if row.deadline else row
            row.deadline, row.line = text, row.line or token.line
            self.deadline_column = True

    def _header(self, text: str) -> None:
        column = header_column(text)
        if self.current.empty and column is not None and not self.rows:
            if column in UNIT_COLUMNS:
                self.unit_columns.append(column)
            if column is Column.DEADLINE and not self.unit_columns:
                self.deadline_first = True
            self.deadline_before_task |= column is Column.DEADLINE and not self.task_seen
            self.units_before_task |= column in UNIT_COLUMNS and not (self.task_seen or self.group_seen)
            self.task_seen |= column is Column.REQUIREMENT
            self.group_seen |= column is Column.GROUP
            self.deadline_column |= column is Column.DEADLINE

    def _units(self, token: Token, text: str) -> None:
        target = self.current if self.current.units or not self.rows else self.rows[-1]
        if self.open_units and target.units:
            column, previous = target.units[-1]
            target.units[-1] = (column, previous + text)
        else:
            row = self.current
            limit = max(1, len(self.unit_columns))
            if len(row.units) >= limit and row.requirement and (not row.deadline or self.deadline_first):
                # more unit cells than unit columns in one row: a unit cell on several lines
                # ("…监督科" / "…执法大队"), or the line between two unit columns lost
                column, previous = row.units[-1]
                row.units[-1] = (column, f"{previous}、{text}")
                self.open_units = False
                return
            if len(row.units) >= limit:
                row = self._start(token.line)
            row.line = row.line or token.line
            row.units.append((self._unit_column(token, len(row.units)), text))
        self.open_units = text.endswith(("，", ",", "、", "；", ";"))

    def _unit_column(self, token: Token, position: int) -> Column:
        if token.column in UNIT_COLUMNS and token.column is not None:
            return token.column
        above = next((row.units for row in reversed(self.rows) if row.units), [])
        same = [column for column, text in above if text.strip() == token.text.strip()]
        if len(self.unit_columns) > 1 and same and position == 0:
            # the cell repeats the row above's 责任单位 cell: its 牵头单位 cell is the merged one
            return same[0]
        if position < len(self.unit_columns):
            return self.unit_columns[position]
        return Column.UNITS


def _goes_on(row: _Row, text: str) -> bool:
    """Whether a numbered requirement counts on from the numbered requirements of the row so
    far, none of its duty cells read yet."""
    if not row.requirement or row.units or row.deadline or row.cut:
        return False
    numbers = [int(match[1] or match[2]) for match in _INLINE_NUMBER.finditer(row.requirement)]
    marker = REQUIREMENT_MARKER.match(compact(text))
    return (
        bool(numbers)
        and numbers[0] == 1
        and numbers == list(range(1, len(numbers) + 1))
        and marker is not None
        and marker_number(marker[0]) == numbers[-1] + 1
    )


# --- rows into items ---------------------------------------------------------------------------


@dataclass
class _Context:
    """What later rows inherit from earlier ones (merged cells)."""

    number: str | None = None
    last_number: int | None = None
    section: list[str] = field(default_factory=list)
    marked: list[tuple[str, str]] = field(default_factory=list)  # (marker type, heading)
    depth: int = 0
    units: dict[tuple[Column, int], str] = field(default_factory=dict)
    deadline: str | None = None
    last_marker: int = 0
    assigned: Assignment | None = None  # "一、各区政府负责落实的工作任务": the units of its rows


_HEADING_ROW: Final = 30  # characters: a row that heads the rows below it is a phrase


def _headings_over_numbers(rows: Sequence[_Row]) -> None:
    """A row with a short text and nothing else (no 序号, units, deadline or note) right above the
    first row of a numbered run, in a table with unit columns: the heading of the rows below it ("强化科技创新
    支撑能力。" | | | over "(一)" | "加强战略科技力量建设。" | | | over "1" | …). Updated in place."""
    for row, below in zip(rows, rows[1:], strict=False):
        alone = not (row.number or row.units or row.deadline or row.notes or row.cut)
        text = compact(row.requirement or "")
        if alone and 0 < len(text) <= _HEADING_ROW and (_opens_numbering(below) or _marked_over(text, below)):
            row.groups.append((None, row.requirement or ""))
            row.requirement = None


def _marked_over(text: str, below: _Row) -> bool:
    """Whether a heading's marker ("一、", "(二)") opens the text, a marked requirement or heading
    following it ("(二)推进财政资金信息公开 | |" over "4.财政预算…公开 | 省财政厅 |")."""
    following = compact(below.requirement or "")
    return GROUP_MARKER.match(text) is not None and (
        REQUIREMENT_MARKER.match(following) is not None or GROUP_MARKER.match(following) is not None
    )


def _opens_numbering(row: _Row) -> bool:
    """Whether a row is the first of a numbered run: its 序号 or its group's marker counts 1."""
    first = row.number or (row.groups[0][1] if row.groups else "")
    marker = re.match(r"^[(（]?([一1])[)）、.．]?$", compact(first))
    return marker is not None


def _units_closing_groups(rows: Sequence[_Row]) -> None:
    """A unit cell written after the last requirement of its group ("做好财政信息公开 | 6.… | 7.… |
    办公室、医保中心按职责分工落实"), the group's first rows having none: it is the whole group's
    (a merged cell the page printed at its foot), not only its last row's. Updated in place."""
    start = 0
    for index in range(1, len(rows) + 1):
        if index < len(rows) and not rows[index].groups:
            continue
        run = [row for row in rows[start:index] if row.requirement is not None]
        start = index
        closing = run[-1] if run else None
        if closing is None or len(run) < 2 or not closing.units:
            continue
        if not any(row.units or row.blank_units for row in run[:-1]):
            for row in run[:-1]:
                row.units = list(closing.units)


_CUT_SHORT: Final = 15  # a requirement the page cut off before this many characters says nothing


def _remnant(row: _Row) -> bool:
    """A last row that is only the start of a name ("沈"), no requirement's start ("持续深化开展…、")."""
    text = compact(row.requirement or "")
    return bool(_NAME_START.match(text)) and not row.units and not row.deadline


_NAME_START: Final = re.compile(r"^[\u4e00-\u9fff]{1,6}$")


def _undone(row: _Row) -> bool:
    return bool(row.requirement) and not (row.units or row.deadline or row.blank_units)


def read_table(
    tokens: Sequence[Token],
    year: int | None,
    first_line: int = 1,
    leads: LeadRule | None = None,
    heading: str | None = None,
    real: bool = False,
) -> TableResult:
    """The items of one table (real or flattened) and what a reviewer should check; token lines
    count from ``first_line`` of the document; ``leads`` is the notice's convention for unit
    lists that mark no lead; ``heading`` is the part heading right above the table, if any;
    ``real`` for a real table's cells (not a flattened one's)."""
    reader = _RowReader()
    rows = reader.read(hint_columns(tokens if real else rejoined_header(tokens)))
    last = next((token for token in reversed(tokens) if token.text.strip()), None)
    if rows and rows[-1].requirement and not (rows[-1].units or rows[-1].deadline) and last:
        # the page ends inside the last row (its requirement or the detail after it): nothing
        # of that row is merged from the row above
        rows[-1].cut |= not clean_text(last.text).endswith(_ENDS)
    if len(rows) >= 2 and rows[-1].cut and not rows[-1].number and _remnant(rows[-1]) and _undone(rows[-2]):
        # "5" | "聚焦保税加工…" | "沈": the page ends at the start of the row's unit cell; its
        # units are cut away, not merged from the row above
        rows[-2].cut = True
    if rows and reader.deadline_first and last and rows[-1].deadline == last.text.strip():
        # "…公开依据 | 公开时限" and the page ends: the row's unit cell, after it, was never
        # printed; the row above's is not merged into it
        rows[-1].cut |= not rows[-1].units
    if not real:  # a real table says which cells are merged
        _units_closing_groups(rows)
    if reader.unit_columns:
        _headings_over_numbers(rows)
    context = _Context()
    if heading:
        _update_section(_Row(groups=[(None, heading)]), context)
    drafts: list[_Draft] = []
    warnings: list[str] = []
    for row in rows:
        _update_number(row, context, warnings)
        _update_section(row, context)
        if row.requirement is None:
            if row.units or row.deadline:
                warnings.append(_stray_warning(row, drafts))
            continue
        parts = _numbered_parts(row.requirement)
        ends_page = last is not None and compact(last.text).endswith(compact(parts[-1]))
        words = REQUIREMENT_MARKER.sub("", compact(parts[-1])).rstrip("，,、")
        if row.cut and ends_page and len(words) < _CUT_SHORT:
            warnings.append(
                f"原文在第{row.line}行中断，最后一条任务只剩“{clean_text(parts[-1])}”，未导入；请核对原件"
            )
            parts = parts[:-1]
        for part in parts:
            draft = _draft(
                replace(row, requirement=part), context, reader.deadline_column, year, leads
            )
            if row.line:
                draft = (draft[0], draft[1], replace(draft[2], line=row.line + first_line - 1))
            drafts.append(draft)
    items = _numbered(drafts)
    if not real and reader.unit_columns and len(items) >= _SCATTERED and sum(bool(item.units) for item in items) * 10 < len(items):
        # a flattened table with a unit column and not one row in ten with units: the cells were
        # broken over lines (a PDF's wrapped table copied as text) and no row is whole
        line = tokens[0].line + first_line - 1 if tokens else first_line
        return TableResult((), (_scattered_warning(line, len(items)),), unreadable=True)
    warnings += [f"第{item.number}条没有责任单位，请指定" for item in items if not item.units]
    return TableResult(tuple(items), tuple(warnings))


_SCATTERED: Final = 8  # rows, the fewest that show a table's cells scattered over lines


def _scattered_warning(line: int, rows: int) -> str:
    return (
        f"第{line}行起的任务分工表有责任单位列，但读出的{rows}行几乎都没有责任单位：表格的单元格在复制时被拆成了多行，"
        "无法可靠还原，未生成任务；请上传原件（.docx、.xlsx）或整理表格后再导入"
    )


_INLINE_NUMBER: Final = re.compile(
    r"(?:^|(?<=[；;。]))\s*(?:(\d{1,2})[.、．](?!\d+(?:[^\d月]|$))|[(（](\d{1,2})[)）])"
)


_BULLET: Final = re.compile(rf"[{BULLETS}]\s*(?=[\u4e00-\u9fff“《])")


def _numbered_parts(requirement: str) -> list[str]:
    """One cell holding several numbered requirements ("1.…；2.…；3.…"), each its own: the
    numbers must count on (1, 2, 3…, or 4, 5 where the table's count goes on) from the start of
    the cell, each after a full stop or semicolon."""
    bullets = [part.strip() for part in _BULLET.split(requirement)]
    if len(bullets) > 1 and not bullets[0]:
        # "●现行规范性文件 ●规范性文件清理结果": a catalogue's contents, each bullet its own
        return [part for part in bullets[1:] if part]
    starts = [match for match in _INLINE_NUMBER.finditer(requirement)]
    numbers = [int(match[1] or match[2]) for match in starts]
    if len(starts) < 2 or starts[0].start() != 0:
        return [requirement]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return [requirement]  # (the table's own count may go on in the cell: "4.…。 5.…")
    ends = [match.start() for match in starts[1:]] + [len(requirement)]
    return [requirement[m.start() : end].strip() for m, end in zip(starts, ends, strict=True)]


def _update_number(row: _Row, context: _Context, warnings: list[str]) -> None:
    if row.number is None:
        return
    context.number, context.last_marker = row.number, 0
    value = chinese_number(row.number)
    if value is not None and context.last_number is not None and value > context.last_number + 1:
        missing = "、".join(str(n) for n in range(context.last_number + 1, value))
        warnings.append(f"序号从{context.last_number}跳到{value}：第{missing}条不在原文中，请核对")
    if value is not None:
        context.last_number = value


_MARKER_TYPES: Final = (
    ("cn", re.compile(f"^{MARKERS['cn']}")),
    ("cn_paren", re.compile(f"^{MARKERS['cn_paren']}")),
    ("part", re.compile(f"^{ORDINAL}")),
)


def _update_section(row: _Row, context: _Context) -> None:
    """Group cells set the section: marked headings ("一、") outermost, then the others;
    a row giving fewer group cells than the table has keeps the outer ones (they are merged)."""
    plain: list[tuple[int | None, str]] = []
    for level, text in row.groups:
        marker = next((name for name, pattern in _MARKER_TYPES if pattern.match(text)), None)
        if marker is None or not GROUP_MARKER.match(text):
            plain.append((level, clean_text(text)))
            continue
        kinds = [kind for kind, _ in context.marked]
        keep = kinds.index(marker) if marker in kinds else len(kinds)
        context.marked = [*context.marked[:keep], (marker, clean_text(text))]
        context.section, context.depth = [], 0
        if keep == 0:
            context.assigned = section_assignment(text)
    if plain:
        context.section = _plain_path(context, plain)


def _plain_path(context: _Context, groups: list[tuple[int | None, str]]) -> list[str]:
    if all(level is not None for level, _ in groups):
        first = min(level for level, _ in groups if level is not None)
        path = context.section[:first]
        return [*path, *(text for _, text in groups)]
    context.depth = max(context.depth, len(groups))
    keep = max(0, context.depth - len(groups))
    return [*context.section[:keep], *(text for _, text in groups)]


def _draft(
    row: _Row, context: _Context, deadline_column: bool, year: int | None, leads: LeadRule | None
) -> _Draft:
    requirement = row.requirement or ""
    marker, text = _split_marker(requirement, context.last_marker)
    if marker is not None:
        context.last_marker = marker
    cells, inherited_units = _units_of(row, context)
    assignment = assign(cells)
    if not assignment.units and context.assigned is not None:
        assignment, inherited_units = context.assigned, True
    item = Item(
        number="",
        section=tuple([*(heading for _, heading in context.marked), *context.section]),
        text=clean_text(text),
        lead_units=assignment.leads_by(leads),
        units=assignment.units,
        deadline=_deadline_of(row, context, deadline_column, year, text),
        units_inherited=inherited_units,
        notes=tuple(row.notes),
    )
    return context.number, marker, item


def _split_marker(text: str, last_marker: int) -> tuple[int | None, str]:
    """ "2.做好…" → (2, "做好…"); "3根据…" after 2 → (3, "根据…"): a missing full stop."""
    compacted = text.strip()
    match = REQUIREMENT_MARKER.match(compacted)
    if match:
        return marker_number(match[0]), compacted[match.end() :]
    weak = WEAK_MARKER.match(compacted)
    if weak and int(weak["n"]) == last_marker + 1 and last_marker:
        return int(weak["n"]), compacted[weak.end() :]
    return None, _DASHED.sub("", compacted)  # "——女性人均预期寿命延长。": a target's dash


_UNIT_ORDER: Final = (Column.UNITS_LEAD, Column.UNITS, Column.UNITS_ASSIST)


def _units_of(row: _Row, context: _Context) -> tuple[list[tuple[Column, str]], bool]:
    """The row's unit cells, and the unit columns it leaves out (merged) taken from the rows
    above. A blank, unmerged cell of a secondary column (配合单位) means none, not "as above"."""
    own: dict[tuple[Column, int], str] = {}
    for column, text in row.units:
        own[(column, sum(key[0] is column for key in own))] = text
    primary = min(context.units, key=_unit_order, default=None)
    inherited = {
        key: text
        for key, text in context.units.items()
        if key not in own and (key == primary or key[0] not in row.blank_units) and not row.cut
    }
    merged = {**inherited, **own}
    context.units = merged
    keys = sorted(merged, key=_unit_order)
    return [(key[0], merged[key]) for key in keys], bool(inherited)


def _unit_order(key: tuple[Column, int]) -> tuple[int, int]:
    return _UNIT_ORDER.index(key[0]), key[1]


def _deadline_of(
    row: _Row, context: _Context, column: bool, year: int | None, text: str
) -> Deadline:
    if row.deadline:
        context.deadline = row.deadline
        return parse_deadline(row.deadline, year)
    if column and context.deadline and not row.cut:
        return parse_deadline(context.deadline, year, inherited=True)
    if not column:
        return find_deadline_in_text(text, year) or find_recurrence_in_text(text) or NO_DEADLINE
    return NO_DEADLINE


def _stray_warning(row: _Row, drafts: Sequence[_Draft]) -> str:
    cells = "、".join(f"“{clean_text(text)}”" for _, text in row.units)
    if row.deadline:
        cells += ("、" if cells else "") + f"“{clean_text(row.deadline)}”"
    where = f"原文第{row.line}行" if row.line else "表格中"
    after = f"第{_label(drafts[-1])}条之后" if drafts else "表格开头"
    return f"{where}（{after}）有一个没有具体要求的单元格{cells}，未并入上一条；原文可能缺少一条任务，请核对"


def _label(draft: _Draft) -> str:
    number, marker, _ = draft
    return f"{number}.{marker}" if number and marker else (number or str(marker or "?"))


def _numbered(drafts: Sequence[_Draft]) -> list[Item]:
    """Item numbers: the row's 序号, "序号.N" for the requirements under one 序号 (N as the
    requirement numbers itself, else counted); where the table has no 序号, 1, 2, 3…"""
    counts: dict[str | None, int] = {}
    for number, _, _ in drafts:
        counts[number] = counts.get(number, 0) + 1
    seen: dict[str | None, int] = {}
    items = []
    for index, (number, marker, item) in enumerate(drafts, 1):
        seen[number] = seen.get(number, 0) + 1
        if number is None:
            label = str(index)
        elif marker is not None:
            label = f"{number}.{marker}"
        elif counts[number] > 1:
            label = f"{number}.{seen[number]}"
        else:
            label = number
        items.append(replace(item, number=label))
    return items
