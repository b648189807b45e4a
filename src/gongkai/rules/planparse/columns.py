"""A page printed in two columns whose text layer interleaves them line by line (a gazette's
flip-book page): each line holds a left-column fragment, a space, and a right-column fragment.

Reading order is the whole left column, then the right one. The columns are told apart by the
width of their fragments: a printed column holds about the same number of characters on each
full line, so most lines split at one space into two fragments of that width. Fragments of one
column are joined into paragraphs again: a short fragment ends its paragraph, and a fragment
opening with an outline marker starts one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from gongkai.rules.planparse.furniture import RULE_LINE, is_furniture
from gongkai.rules.vocabulary import MARKERS

_MIN_LINES: Final = 6  # full two-fragment lines, the fewest that make a two-column page
_WIDTH: Final = range(12, 31)  # characters a printed column holds on a line
_SLACK: Final = 2
_FRAGMENT_END: Final = re.compile(r"[\u4e00-\u9fff。，,；;、：:)）”]$")
_FRAGMENT_START: Final = re.compile(r"^[\u4e00-\u9fff(（“《\d]")
_LETTER_SPACED: Final = re.compile(r"(?:[\u4e00-\u9fff] ){4}")
_MARKER: Final = re.compile(f"^(?:{MARKERS['cn']}|{MARKERS['cn_paren']}|{MARKERS['arabic']})")


def _width(text: str) -> int:
    return len(text.replace(" ", ""))


def _split(line: str, width: int) -> tuple[str, str] | None:
    """The left and right fragments of a line: cut at the last space that leaves the left one
    no wider than a column ("持 续 做 好 … 措 和移动客户端…": a letter-spaced left fragment)."""
    best: tuple[str, str] | None = None
    for match in re.finditer(" +", line):
        left, right = line[: match.start()], line[match.end() :]
        if _width(left) > width + 1:
            break
        if right and _FRAGMENT_END.search(left) and _FRAGMENT_START.match(right):
            best = (left, right)
    return best


def _column_width(lines: Sequence[str]) -> int | None:
    """The width most lines' left fragment has, where enough lines split into two fragments of
    about that width."""
    pairs = [line.split(" ") for line in lines if line.count(" ") == 1]
    widths = Counter(
        len(left)
        for left, right in pairs
        if len(left) in _WIDTH and abs(len(right) - len(left)) <= _SLACK
    )
    if not widths:
        return None
    width = widths.most_common(1)[0][0]
    full = 0
    for line in lines:
        found = _split(line, width)
        full += found is not None and min(map(_width, found)) >= width - _SLACK
    return width if full >= _MIN_LINES else None


def unweave(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines (with their line numbers) in reading order: a run of two-column lines becomes
    the left column's paragraphs, then the right column's; other lines stay as they are."""
    # menus, footers, the page's field block and its table rules ("---|---|") stand outside the columns
    texts = ["" if is_furniture(text.strip()) or RULE_LINE.match(text) else text.strip() for _, text in lines]
    if sum(" " in text for text in texts) < _MIN_LINES or any("|" in text for text in texts):
        return list(lines)
    width = _column_width(texts)
    if width is None:
        return list(lines)
    splits = [_split(text, width) for text in texts]
    inside = [index for index, found in enumerate(splits) if found is not None]
    first, last = inside[0], inside[-1]
    if any(splits[index] is None and texts[index] for index in range(first, last + 1)):
        return list(lines)  # a line of one column only inside the run: not this layout
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for index in range(first, last + 1):
        found = splits[index]
        if found is None:
            continue
        number = lines[index][0]
        left.append((number, found[0]))
        right.append((number, found[1]))
    while last + 1 < len(lines) and texts[last + 1] and _width(texts[last + 1]) <= width + 1:
        last += 1  # the right column ended first: the left one goes on alone
        left.append((lines[last][0], texts[last]))
    # a blank line after each column: the foot of one never runs on into the other's head
    columns = [*_paragraphs(left, width), (left[-1][0], ""), *_paragraphs(right, width)]
    return [*lines[:first], *columns, (right[-1][0], ""), *lines[last + 1 :]]


def _paragraphs(fragments: Sequence[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    """One column's fragments joined into paragraphs: a short fragment ends one, a marker starts
    one; letter spacing inside a fragment goes."""
    paragraphs: list[tuple[int, str]] = []
    open_paragraph = False
    for number, fragment in fragments:
        text = fragment if _MARKER.match(fragment) else fragment.replace(" ", "")
        if open_paragraph and not _MARKER.match(fragment):
            paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + text)
        else:
            paragraphs.append((number, text))
        # a full line, or a letter-spaced one ("持 续 做 好 …": fewer characters, as wide)
        open_paragraph = _width(fragment) > width - 3 or _LETTER_SPACED.search(fragment) is not None
    return paragraphs
