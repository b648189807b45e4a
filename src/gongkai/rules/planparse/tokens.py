"""Tables flattened to text, back into a stream of cells and row ends.

A table copied out of a web page or Word arrives in one of these layouts, each handled here:

- cells ending in ``|``, a cell spanning lines, merged cells left as runs of ``||||`` (seed 000);
- ``a | b | c |`` rows, one row a line (and Markdown's ``| a | b |``);
- one cell per line with ``|`` on lines of their own;
- one cell per line, tab-indented, blank lines between rows, a tab alone for an empty cell
  (seed 004); a line that is not indented continues the cell above it;
- cells separated by blank lines;
- one cell per line with no separators at all: then only the cells' wording tells the rows apart;
- rows copied out of a spreadsheet: one row a line, its cells between tabs;
- rows one a line with cells between spaces, when the header row is written so.

A table starts at its header row (序号 | 工作任务 | 具体要求 | 牵头单位 | 完成时限, in any of these
layouts) and ends at the page furniture after it ("公开方式：主动公开", "返回顶部", 抄送…).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from gongkai.rules.planparse.cells import (
    REQUIREMENT_MARKER,
    UNIT_COLUMNS,
    Column,
    header_column,
    header_columns,
    header_like,
    is_unit_phrase,
    with_task_column,
)
from gongkai.rules.planparse.furniture import RULE_LINE, is_furniture
from gongkai.rules.planparse.glued import GluedRow, glued_header, glued_row, header_then_rows
from gongkai.rules.planparse.normalize import join_lines


@dataclass(frozen=True)
class Token:
    """A cell, or the end of a row (``row_end``). ``column`` is known for real tables only."""

    text: str = ""
    row_end: bool = False
    merged: bool = False
    column: Column | None = None
    level: int | None = None  # a real table's GROUP column: which one (工作任务 0, 分项 1…)
    line: int = 0  # 1-based line of the text it came from, 0 when unknown
    unclosed: bool = False  # the text ended inside this cell (a page cut short): no cells follow
    label: str = ""  # a note column's header ("责任领导"), for the item's notes


ROW_END: Final = Token(row_end=True)


@dataclass(frozen=True)
class TextTable:
    start: int  # index of its first line (the header)
    end: int  # index after its last line
    tokens: tuple[Token, ...]


_PIPE_ONLY: Final = re.compile(r"^[|\s]+$")
# what closes a table: a note under it ("注：…"), or the label of the next attachment, alone on
# its line ("附件2"), that another table may follow
_CLOSER: Final = re.compile(r"^(?:注|说明|备注|附件\s*\d*)\s*[:：]|^附件\s*\d{1,2}$")


def find_text_tables(lines: Sequence[str]) -> list[TextTable]:
    """Every flattened table among the lines (folded lines of a text file or of paragraphs)."""
    tables: list[TextTable] = list(_forms(lines)) or list(_glued(lines))
    if tables:
        return tables
    start = 0
    while (header := _find_header(lines, start)) is not None:
        end = _table_end(lines, header)
        tables.append(TextTable(header, end, tuple(tokenize(lines[header:end], header))))
        start = end
    if not tables and (pipes := _pipe_region(lines)) is not None:
        first, end = pipes
        tables.append(TextTable(first, end, tuple(tokenize(lines[first:end], first))))
    return tables


# A form of one task written as label | value rows ("重点工作: | 135.统筹… |" / "牵头单位: | 市城管
# 执法局 |"), a value that does not fit beside its label on the next line ("进展情况: |" / "已完成。… |").
_FORM_ROW: Final = re.compile(r"^\s*\|?\s*(?P<label>[^|:：]{2,20})[:：]\s*\|\s*(?P<value>[^|]*?)\s*\|?\s*$")
_FORM_VALUE: Final = re.compile(r"^\s*(?P<value>[^|]+?)\s*\|\s*$")


# Or the form laid out one field a label line, its value on the lines below it ("项目内容:" then the
# task, "责任单位:" then the units, "进展与成效:" then the report), a project's number before its
# first label ("01 项目名称:提升县域生态环境").
_FORM_LABEL: Final = re.compile(r"^\s*(?:\d{1,2}\s*)?(?P<label>[\u4e00-\u9fff]{2,8})\s*[:：]?\s*(?P<value>.*?)\s*$")
_FORM_NUMBER: Final = re.compile(r"^\s*\d{1,2}\s*$")


def _form_pairs(lines: Sequence[str]) -> list[tuple[int, str, str]]:
    """(line index, label, value) of each field of forms written either way; [] when the
    lines hold no form."""
    pairs: list[tuple[int, str, str]] = []  # (line index, label, value)
    for index, line in enumerate(lines):
        row = _FORM_ROW.match(line)
        if row is not None:
            pairs.append((index, row["label"].strip(), row["value"]))
        elif pairs and not pairs[-1][2] and (wrapped := _FORM_VALUE.match(line)) is not None:
            pairs[-1] = (pairs[-1][0], pairs[-1][1], wrapped["value"])
    return pairs or _vertical_pairs(lines)


def _vertical_pairs(lines: Sequence[str]) -> list[tuple[int, str, str]]:
    pairs: list[tuple[int, str, str]] = []
    alone = 0  # labels standing alone on their line, their value below: the form's mark
    for index, line in enumerate(lines):
        field = _FORM_LABEL.match(line)
        # (never a header cell a line; but "责任单位" alone inside a form is its field's label)
        labelled = field is not None and (
            ":" in line or "：" in line or (bool(pairs) and not field["value"] and header_column(field["label"]) in UNIT_COLUMNS)
        )
        if field is not None and labelled and header_column(field["label"]) is not None:
            alone += not field["value"]
            pairs.append((index, field["label"], field["value"]))
        elif pairs and line.strip() and not _FORM_NUMBER.match(line):
            index_, label, value = pairs[-1]
            pairs[-1] = (index_, label, f"{value}\n{line.strip()}" if value else line.strip())
    return pairs if alone >= _FEWEST_ALONE else []


_FEWEST_ALONE: Final = 3


def _forms(lines: Sequence[str]) -> Iterator[TextTable]:
    """Tasks written as forms, one label | value row a field: a table whose header is the labels
    (the fields the parser knows: the task, its units, its deadline; the others are notes) and
    whose rows are the forms, a form starting again where its first label comes back."""
    pairs = _form_pairs(lines)
    columns = {label: header_column(label) for _, label, _ in pairs}
    known = [label for label, column in columns.items() if column is not None]
    named = {columns[label] for label in known}
    if len(pairs) < 2 or not named & {Column.REQUIREMENT, Column.GROUP} or not named & {
        Column.UNITS, Column.UNITS_LEAD
    }:
        return
    tasks = [columns[label] for label in known if columns[label] in (Column.REQUIREMENT, Column.GROUP)]
    # a 项目名称 over its 项目内容: the name heads the task, and each cell keeps its field's column
    headed = len(tasks) == 2 and set(tasks) == {Column.GROUP, Column.REQUIREMENT}
    if len(tasks) != 1 and not headed:
        return
    header = [Token(label, line=pairs[0][0] + 1) for label in known]
    forms: list[dict[str, tuple[int, str]]] = []
    for index, label, value in pairs:
        if label not in known:
            continue
        if not forms or label in forms[-1]:
            forms.append({})
        forms[-1][label] = (index, value)
    tokens = [*header, ROW_END]
    for form in forms:
        tokens += [
            Token(
                form[label][1],
                line=form[label][0] + 1,
                column=columns[label] if headed else None,
                label=label if columns[label] is Column.NOTE else "",
            )
            if label in form
            else Token("")
            for label in known
        ]
        tokens.append(ROW_END)
    yield TextTable(pairs[0][0], pairs[-1][0] + 1, tuple(tokens))


def _glued(lines: Sequence[str]) -> Iterator[TextTable]:
    """Tables whose header and rows are each one line of cells glued together, or all on one line
    (glued.py)."""
    index = 0
    while index < len(lines):
        header = glued_header(lines[index])
        if header is None and (joined := header_then_rows(lines[index])) is not None:
            header, cells = joined
            yield _glued_table(index, index + 1, header, [(index, row) for row in cells])
            index += 1
            continue
        if header is None:
            index += 1
            continue
        rows: list[tuple[int, GluedRow]] = []
        end = index + 1
        while end < len(lines) and (row := glued_row(lines[end], header)) is not None:
            rows.append((end, row))
            end += 1
        if rows:
            yield _glued_table(index, end, header, rows)
        index = end


def _glued_table(
    start: int, end: int, header: Sequence[tuple[Column, str]], rows: Sequence[tuple[int, GluedRow]]
) -> TextTable:
    """The tokens of a glued table: its header's words, then each row's cells (with its line)."""
    labels = {column: text for column, text in header}
    tokens = [*(Token(text, line=start + 1) for _, text in header), ROW_END]
    for line, row in rows:
        tokens += [
            Token(text, column=column, line=line + 1, label=labels[column] if column is Column.NOTE else "")
            for column, text in row
        ]
        tokens.append(ROW_END)
    return TextTable(start, end, tuple(tokens))


def _line_cells(line: str) -> list[str]:
    cells = [cell.strip() for cell in re.split(r"[|\t]", line) if cell.strip()]
    if len(cells) == 1 and _spaced_header(line, fewest=2):
        return line.split()
    return cells


def _spaced_header(line: str, fewest: int = 3) -> bool:
    """A header row whose cells a page separated by spaces only: "目标 序号 任务 有关要求 责任单位"
    (or its first line, "工作任务 具体要求" over "责任单位")."""
    words = line.split()
    return len(words) >= fewest and all(header_column(word) is not None for word in words)


def _spaced_header_lines(lines: Sequence[str]) -> int:
    """How many of the written lines make the header of a space-separated table: the first, and
    the lines after it that are header words only (a header row broken over lines)."""
    count = 1
    while count < len(lines) and _spaced_header(lines[count], fewest=1):
        count += 1
    return count


def _find_header(lines: Sequence[str], start: int) -> int | None:
    """The first line of a header row: three or more header cells naming a task and its units
    or deadline, one a line or several a line, blank and pipe-only lines between them allowed."""
    for index in range(start, len(lines)):
        cells = _line_cells(lines[index])
        if not cells or header_column(cells[0]) is None:
            continue
        columns = [c or Column.NOTE for c in with_task_column(_header_columns(lines, index))]
        tasks = {Column.REQUIREMENT, Column.GROUP} & set(columns)
        duties = {Column.UNITS, Column.UNITS_LEAD, Column.DEADLINE} & set(columns)
        if len(columns) >= 3 and tasks and (duties or Column.NOTE in columns):
            return index  # a task list may name no units: 类型 | 事项 | 目标清单 | 完成情况
        # the smallest task table: "工作任务及要求 | 责任单位", "责任单位 | 责任范围" (never a
        # "责任单位：…" label line)
        two = {*columns[:2]} in ({Column.REQUIREMENT, Column.UNITS}, {Column.REQUIREMENT, Column.UNITS_LEAD})
        if len(columns) == 2 and two and ":" not in lines[index] and "：" not in lines[index]:
            return index
    return None


def _header_columns(lines: Sequence[str], index: int) -> list[Column]:
    """The columns named from ``index`` on: a whole row on one line (a word not met before kept
    as a note column), or one header cell a line (an unknown one only between known ones)."""
    columns: list[Column] = []
    window = list(lines[index : index + 24])
    for position, line in enumerate(window):
        cells = _line_cells(line)
        if not cells:
            continue
        if len(cells) == 1 and (joined := _broken_header_cell(window, position)) is not None:
            cells = [joined]  # "市政府" / "分管领导": one header cell broken over two lines
        named = [header_column(cell) for cell in cells]
        if all(column is not None for column in named):
            columns += [column for column in named if column is not None]
            continue
        row = header_columns(cells) if len(cells) >= 3 else None
        if row is not None:
            columns += row
        elif len(cells) == 1 and header_like(cells[0]) and _header_follows(window, position):
            columns.append(Column.NOTE)
        else:
            break
    return columns


def _broken_header_cell(window: list[str], position: int) -> str | None:
    """The header cell that a line and the next written one make together, where the line heads
    no column on its own; the next line is blanked in ``window`` (it is part of this cell)."""
    text = window[position].strip()
    if header_column(text) is not None or header_like(text):
        return None
    after = next((i for i in range(position + 1, len(window)) if window[i].strip()), None)
    if after is None or len(_line_cells(window[after])) != 1:
        return None
    joined = text + window[after].strip()
    if header_column(joined) is None:
        return None
    window[after] = ""
    return joined


def _header_follows(lines: Sequence[str], position: int) -> bool:
    for line in lines[position + 1 :]:
        cells = _line_cells(line)
        if cells:
            return header_column(cells[0]) is not None
    return False


def _table_end(lines: Sequence[str], start: int) -> int:
    # rows written one a line and closed by a pipe, "a | b | c |", while every line so far is one
    rows: int | None = 0 if lines[start].rstrip().endswith("|") else None
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if line and (is_furniture(line) or _CLOSER.match(line)):
            return index
        if rows is not None and line:
            if line.count("|") >= 2 and line.endswith("|"):
                rows += 1
            elif rows >= _ONE_LINE_ROWS and "|" not in line and not _NEXT_ROW.match(line):
                # the text after the table: no cell of it is open, and the line is no numbered
                # row that lost its pipes where the page was cut
                return index
            else:
                rows = None
    return len(lines)


_ONE_LINE_ROWS: Final = 3
_NEXT_ROW: Final = re.compile(rf"{REQUIREMENT_MARKER.pattern}|\d{{1,3}}\s")


_FEWEST_CELLS: Final = 5  # written cells a table without a header must hold


def _pipe_region(lines: Sequence[str]) -> tuple[int, int] | None:
    """A table without a header: the stretch of lines that end in or hold ``|``."""
    with_pipes = [
        index
        for index, line in enumerate(lines)
        if "|" in line and not is_furniture(line) and not RULE_LINE.match(line)
    ]
    written = sum(1 for line in lines if line.strip() and not is_furniture(line))  # (a page's menus: none)
    if len(with_pipes) < 5 or len(with_pipes) < 0.3 * written:
        return None
    cells = sum(1 for index in with_pipes for cell in lines[index].split("|") if cell.strip())
    if cells < _FEWEST_CELLS:  # "首页 |", "||||": a page's menu and frames, no table
        return None
    return with_pipes[0], _table_end(lines, with_pipes[-1])


def tokenize(lines: Sequence[str], offset: int = 0) -> Iterator[Token]:
    """The cells of a flattened table, in the layout its lines are written in."""
    written = [line for line in lines if line.strip()]
    if not written:
        return iter(())
    if "|" not in written[0] and "\t" not in written[0].strip() and _spaced_header(written[0], fewest=2) and (
        _spaced_header(" ".join(written[: _spaced_header_lines(written)]))
    ):
        return _space_separated_tokens(lines, offset)
    if sum("|" in line for line in written) >= 0.3 * len(written):
        return _pipe_tokens(lines, offset)
    if sum("\t" in line.strip() for line in written) >= 0.5 * len(written):
        return _tab_separated_tokens(lines, offset)
    indented = sum(line.startswith(("\t", "    ")) for line in written) >= 0.5 * len(written)
    if indented and _mean_run(lines) >= 1.5:  # cells of a row together, blank lines between rows
        return _indented_tokens(lines, offset)
    if _mean_run(lines) < 1.5:
        return _paragraph_tokens(lines, offset)
    return _line_tokens(lines, offset)


def _mean_run(lines: Sequence[str]) -> float:
    runs, current = [], 0
    for line in lines:
        if line.strip():
            current += 1
        elif current:
            runs.append(current)
            current = 0
    runs += [current] if current else []
    return sum(runs) / len(runs) if runs else 0.0


_MARKDOWN_RULE: Final = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")


def _pipe_tokens(lines: Sequence[str], offset: int) -> Iterator[Token]:
    """Cells end at ``|``; text without one continues into the next line's cell."""
    pending: list[str] = []
    start = 0  # the line where the pending cell began
    lines = _rows_rejoined(lines)
    closers = _cell_closers(lines)
    for number, line in enumerate(lines, offset + 1):
        stripped = line.strip()
        if not stripped or is_furniture(stripped) or _MARKDOWN_RULE.fullmatch(stripped):
            continue
        if _PIPE_ONLY.match(stripped):
            if pending:
                yield Token(_cell_text(pending), line=number)
                pending.clear()
            else:
                # where every cell is closed by a "|" line of its own, a "|" line without a
                # cell before it is an empty cell, not the end of a row
                yield Token("", line=number) if closers else ROW_END
            continue
        waiting = bool(pending)
        yield from _pipe_line(stripped, pending, number)
        if pending and not waiting:
            start = number
    if pending:
        yield Token(_cell_text(pending), unclosed=True, line=start)


def _rows_rejoined(lines: Sequence[str]) -> list[str]:
    """The lines with each row of a table that broke its rows over lines ("12 | 四川省 | 大竹县 |"
    then "县级 | 一级 | …"), and its header, joined on the row's first line (the others left blank):
    where every line of the table ends in "|", a header line of several cells opens with 序号 and
    each row with its number, and the joined rows are as wide as the header give or take one cell."""
    first = next((line for line in lines if "|" in line), "")
    if header_column(first.split("|")[0]) is not Column.NUMBER or first.count("|") < 2:
        return list(lines)  # (one cell a line, "序号 |" then "项目名称 |": cells_closers' layout)
    written = [index for index, line in enumerate(lines) if line.strip() and not is_furniture(line.strip())]
    closed = [index for index in written if lines[index].rstrip().endswith("|")]
    if len(closed) < _FEWEST_ROWS or closed != [index for index in written if closed[0] <= index <= closed[-1]]:
        return list(lines)
    if lines[closed[0]] != first:
        return list(lines)
    groups: list[list[int]] = [[closed[0]]]
    for index in closed[1:]:
        if re.fullmatch(r"\d{1,3}", lines[index].split("|")[0].strip()):
            groups.append([index])
        else:
            groups[-1].append(index)
    widths = [sum(lines[index].rstrip().rstrip("|").count("|") + 1 for index in group) for group in groups]
    if len(groups) < _FEWEST_ROWS or all(len(group) == 1 for group in groups):
        return list(lines)
    if any(abs(width - widths[0]) > 1 for width in widths[1:]):
        return list(lines)
    joined = list(lines)
    for group in groups:
        joined[group[0]] = " ".join(lines[index].strip() for index in group)
        for index in group[1:]:
            joined[index] = ""
    return joined


_FEWEST_ROWS: Final = 3  # the header and two rows


def _cell_text(lines: Sequence[str]) -> str:
    """A cell's lines joined; an office a line ("市建设局" / "镇江新区管委会") is a list of units."""
    written = [line.strip() for line in lines if line.strip()]
    # (the last one may close an open list: "市医保局" / "市公安局等")
    if len(written) > 1 and all(map(is_unit_phrase, [*written[:-1], _OPEN_END.sub("", written[-1])])):
        return "、".join(written)
    return join_lines(written)


_OPEN_END: Final = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")


def _cell_closers(lines: Sequence[str]) -> bool:
    """Whether the table is one cell a line with a "|" line after each (and no row on one line):
    most "|" lines follow a line of text."""
    written = [line.strip() for line in lines if line.strip()]
    alone = [i for i, line in enumerate(written) if _PIPE_ONLY.match(line) and line.count("|") == 1]
    if len(alone) < 6 or any(line.count("|") >= 2 for line in written if not _PIPE_ONLY.match(line)):
        return False
    after_text = sum(1 for i in alone if i and not _PIPE_ONLY.match(written[i - 1]))
    return after_text >= 0.7 * len(alone) and len(alone) >= 0.4 * len(written)


def _pipe_line(stripped: str, pending: list[str], number: int) -> Iterator[Token]:
    """One line: its closed cells, a whole row when it holds two or more (``a | b | c |``)."""
    parts = stripped.split("|")
    closed = stripped.endswith("|")
    if stripped.startswith("|"):
        parts = parts[1:]
        if pending and parts and parts[0].strip():
            # "责任目标" then "| 责任主体": the pipe opening the line closes the cell above it
            yield Token(_cell_text(pending), line=number - 1)
            pending.clear()
    if closed:
        parts = parts[:-1]
    tail = None if closed else parts.pop()
    if pending and parts:
        parts[0] = _cell_text([*pending, parts[0]])
        pending.clear()
    row = sum(1 for part in parts if part.strip()) >= 2
    if row:
        yield ROW_END
    for part in parts:
        yield Token(part.strip(), line=number)
    if tail is not None:
        pending.append(tail)
    if row and closed:
        yield ROW_END


def _indented_tokens(lines: Sequence[str], offset: int) -> Iterator[Token]:
    """Seed 004: a tab starts a cell, a blank line ends a row, a tab alone is an empty cell."""
    cell: list[str] = []
    start = 0
    previous_written = False
    for number, line in enumerate(lines, offset + 1):
        stripped = line.strip()
        if stripped and is_furniture(stripped):
            continue
        continues = stripped and not line.startswith(("\t", " ")) and previous_written and cell
        if continues:
            cell.append(stripped)
            continue
        if cell:
            yield Token(join_lines(cell), line=start)
            cell = []
        if stripped:
            cell, start = [stripped], number
        elif "\t" in line:
            yield Token("", line=number)
        else:
            yield ROW_END
        previous_written = bool(stripped)
    if cell:
        yield Token(join_lines(cell), line=start)


def _paragraph_tokens(lines: Sequence[str], offset: int) -> Iterator[Token]:
    """Cells separated by a blank line; two or more blank lines end a row, unless the header row
    ends with one blank line only: then the rows run on and a run of blank lines is a row's empty
    cells (a catalogue's unused 三级目录 | 四级目录); its 序号 tell the rows apart."""
    cell: list[str] = []
    blanks, start = 0, 0
    runs_end_rows = _header_closed_by_a_run(lines)
    for number, line in enumerate(lines, offset + 1):
        stripped = line.strip()
        if stripped and is_furniture(stripped):
            continue
        if not stripped:
            blanks += 1
            if cell:
                yield Token(join_lines(cell), line=start)
                cell = []
            if line and _between_empty_lines(lines, number - offset - 1):
                yield Token("", line=number)  # "" / " " / "": a cell printed empty (&nbsp;)
            continue
        if not cell:
            if blanks >= 2 and runs_end_rows:
                yield ROW_END
            start = number
        cell.append(stripped)
        blanks = 0
    if cell:
        yield Token(join_lines(cell), line=start)


def _between_empty_lines(lines: Sequence[str], index: int) -> bool:
    return 0 < index < len(lines) - 1 and lines[index - 1] == "" and lines[index + 1] == ""


_WIDE_HEADER: Final = 6  # a catalogue's header (序号 | 分类 | 一级目录 | … | 公开主体)


def _header_closed_by_a_run(lines: Sequence[str]) -> bool:
    """Whether the blank lines after the header's last cell are a run (two or more): the way
    this page ends its rows. A wide header closed by one blank line does not end rows so."""
    header, blanks = 0, 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        if header_column(stripped) is None and not header_like(stripped) or (header and blanks >= 2):
            break
        header, blanks = header + 1, 0
    return header < _WIDE_HEADER or blanks >= 2


def _tab_separated_tokens(lines: Sequence[str], offset: int) -> Iterator[Token]:
    """Rows copied out of a spreadsheet: one row a line, cells between tabs, a cell with a line
    break in it quoted (as Excel copies it)."""
    rows = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t")
    for row in rows:
        cells = [" ".join(cell.split("\n")).strip() for cell in row]
        if not any(cells) or is_furniture(" ".join(cells)):
            continue
        yield from (Token(cell, line=offset + rows.line_num) for cell in cells)
        yield ROW_END


def _space_separated_tokens(lines: Sequence[str], offset: int) -> Iterator[Token]:
    """Rows one a line, cells between spaces (a page that turned its table's cells into words):
    Chinese text has no spaces of its own, so each run of spaces ends a cell. Where the rows are
    numbered, a line that starts neither a row nor a heading continues the row above: a cell the
    page broke onto lines of its own ("2 一般公共预算收入… 区财政局" / "区税务局" / "区政府有关部门…")."""
    written = [
        (number, stripped)
        for number, line in enumerate(lines, offset + 1)
        if (stripped := line.strip()) and not is_furniture(stripped)
    ]
    if not written:
        return
    head = _spaced_header_lines([line for _, line in written])
    header = " ".join(line for _, line in written[:head]).split()
    written = [(written[0][0], " ".join(header)), *written[head:]]
    starts = sum(bool(_SPACED_ROW.match(line)) for _, line in written[1:])
    numbered = starts >= 2 and starts * 3 >= len(written) - 1
    rows: list[list[tuple[int, str]]] = []
    for number, line in written:
        if numbered and len(rows) > 1 and not _SPACED_ROW.match(line) and _SPACED_ROW.match(rows[-1][0][1]):
            rows[-1].append((number, line))
        else:
            rows.append([(number, line)])
    for row in rows:
        yield from _spaced_row(row, header)
        yield ROW_END


_SPACED_ROW: Final = re.compile(r"^\d{1,3}\s")


def _spaced_row(row: list[tuple[int, str]], header: list[str]) -> Iterator[Token]:
    """The cells of a row whose last cells the page put on lines of their own: each line a cell
    of the columns still empty; lines beyond them continue the last cell written (a units cell
    listing two units on two lines: "区财政局" / "区税务局")."""
    number, first = row[0]
    cells = [(number, cell) for cell in first.split()]
    more = row[1:]
    extra = len(more) - max(0, len(header) - len(cells))
    for number, line in more:
        if extra > 0 and cells:
            at, last = cells[-1]
            column = header_column(header[len(cells) - 1]) if len(cells) <= len(header) else None
            joint = "、" if column in (Column.UNITS, Column.UNITS_LEAD, Column.UNITS_ASSIST) else ""
            cells[-1] = (at, last + joint + line if joint else join_lines([last, line]))
            extra -= 1
        else:
            cells.append((number, line))
    yield from (Token(cell, line=number) for number, cell in cells)


def _line_tokens(lines: Sequence[str], offset: int) -> Iterator[Token]:
    """One cell a line; a blank line ends a row."""
    for number, line in enumerate(lines, offset + 1):
        stripped = line.strip()
        if stripped and is_furniture(stripped):
            continue
        yield Token(stripped, line=number) if stripped else ROW_END
