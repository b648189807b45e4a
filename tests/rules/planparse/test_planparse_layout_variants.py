"""The development corpus re-flattened as other pages flatten the same tables and text, and read
no worse for it: what a fresh page brings is most often a layout the parser reads elsewhere but
not in this form (rounds 8 to 10 of issue 13). Each variant below is written the way real pages
were found written (see tests/fixtures/notices/real/README.md); the gold stays the same, since
the scorer folds traditional characters, punctuation width and spaces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.bench import planscore
from gongkai.rules.planparse import parse_text
from gongkai.rules.planparse.metadata import find_plan_title
from gongkai.rules.planparse.normalize import clean_text
from gongkai.rules.planparse.traditional import FOLD_TRADITIONAL

_TO_TRADITIONAL = {simplified: traditional for traditional, simplified in FOLD_TRADITIONAL.items()}
_HALF_WIDTH = str.maketrans("，：；（）！？", ",:;()!?")
_FULL_WIDTH = str.maketrans(",:;()!?", "，：；（）！？")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|") if cell.strip()]


def _one_cell_a_line(page: str, blank: bool) -> str:
    lines: list[str] = []
    for line in page.split("\n"):
        if "|" not in line:
            lines.append(line)
            continue
        for cell in _cells(line):
            lines += [cell, ""] if blank else [cell]
    return "\n".join(lines)


def _tab_separated(page: str) -> str:
    return "\n".join("\t".join(_cells(line)) if "|" in line else line for line in page.split("\n"))


_SUB_ITEM = re.compile(r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、])")


def _items_run_together(page: str) -> str:
    """Each numbered item below a heading run on from the one before, where that one ends a
    sentence or an annotation: "(一)…。(二)…", "1.…(X负责)2.…" (a page that lost its breaks)."""
    lines: list[str] = []
    for line in page.split("\n"):
        if lines and _SUB_ITEM.match(line) and lines[-1].rstrip().endswith(("。", ")", "）")):
            lines[-1] = lines[-1].rstrip() + line.strip()
        else:
            lines.append(line)
    return "\n".join(lines)


_MARKED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?!\d))")


def _breaks_lost(page: str) -> str:
    """The breaks around the outline lost, its markers kept (a document-sharing site's text): each
    numbered paragraph run on from the one before where that one ends a sentence or an
    annotation, and a short heading run on into what follows it ("一、主要预期指标1.地区…")."""
    lines: list[str] = []
    for line in page.split("\n"):
        text = line.strip()
        if not text:
            continue
        previous = lines[-1] if lines else "|"
        if "|" not in text and "|" not in previous and (
            (_MARKED.match(text) and previous.endswith(("。", ")", "）", "；")))
            or (_MARKED.match(previous) and len(previous) < 40 and not previous.endswith(("。", "：", ":")))
        ):
            lines[-1] += text
        else:
            lines.append(text)
    return "\n".join(lines)


_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")


def _letter_spaced_headings(page: str) -> str:
    """Headings set letter-spaced, as a PDF's text layer gives them: "一 、 强 化 政 务 公 开"."""
    return "\n".join(
        " ".join(line.strip()) if _HEADING.match(line) and "|" not in line and len(line) < 40 else line
        for line in page.split("\n")
    )


def _title_lost(page: str) -> str:
    """The plan's own title line gone, as on copies that start at the covering notice or at the
    first heading."""
    lines = page.split("\n")
    title = find_plan_title(lines, None)
    if title is None or title.startswith("关于"):
        return page
    return "\n".join(line for line in lines if clean_text(line) != title)


# A site's own lines around the notice, as real pages carry them (menus, the 索引号 block in its
# several layouts, the footer): page furniture, which no variant below may read as the plan.
_PAGE_HEAD = (
    "首页 | 政务公开 | 政务服务 | 互动交流\n"
    "您当前的位置：首页 > 政务公开 > 政策文件\n"
    "【字体：大 中 小】 打印本页 关闭窗口\n",
    "索引号 | 11330100002/2023-00123 | 发布机构 | 示范市人民政府办公室 |\n---|---|---|---|\n"
    "发文日期 | 2023-04-24 | 主题分类 | 综合政务 |\n",
    "索引号 | 11330100002/2023-00123 |\n---|---|\n发布机构 | 示范市人民政府办公室 |\n发文日期 | 2023-04-24 |\n",
    "- 索引号:11330100002/2023-00123\n- 发文字号:示政办发〔2023〕12号\n- 发文机构:示范市人民政府办公室\n"
    "- 发布日期:2023-04-24 10:35\n",
    "[ 索引号 ] | 11330100002/2023-00123 | [ 发文字号 ] | 示政办发〔2023〕12号 |\n"
    "[ 发布机构 ] | 示范市人民政府办公室 | [ 成文日期 ] | 2023-04-24 |\n",
)
_PAGE_FOOT = (
    "\n上一篇：示范市2022年政务公开工作要点\n下一篇：关于开展2023年政务公开培训的通知\n"
    "主办：示范市人民政府办公室 承办：示范市大数据中心\n网站标识码：3301000001 浙ICP备05000001号\n"
)


def _page_furniture(page: str, year: int | None = 2023) -> str:
    """A menu and one of the 索引号 blocks above the page (which one by the page's length, so
    that every layout is met across the corpus), the footer below. The block's dates and 文号
    are of the plan's year (a page field tells the year, README.md), of none ("0000") where the
    page tells no year."""
    head = _PAGE_HEAD[1 + len(page) % (len(_PAGE_HEAD) - 1)]
    return _PAGE_HEAD[0] + head.replace("2023", str(year) if year else "0000") + page + _PAGE_FOOT


_ANNOTATION = re.compile(r"[(（]([^()（）]{2,80}?(?:负责|牵头|落实|单位|配合|部门)[^()（）]{0,40})[)）]")


def _lenticular_annotations(page: str) -> str:
    """Annotations in 【】 rather than round brackets: "【牵头单位：市财政局】"."""
    return _ANNOTATION.sub(lambda match: f"【{match[1]}】", page)


def _space_separated(page: str) -> str:
    """Each row of a table on one line, its cells between spaces (a page that turned the cells
    into words); a page whose cells hold spaces of their own is left as it is (those spaces would
    be cell boundaries too)."""
    lines = page.split("\n")
    if any(re.search(r"\s", cell) for line in lines if "|" in line for cell in _cells(line)):
        return page
    return "\n".join(" ".join(_cells(line)) if "|" in line else line for line in lines)


_SENTENCE_THEN_ANNOTATION = re.compile(r"(?<=[。；;])(?=[(（][^()（）]{2,80}?(?:负责|牵头|落实)[^()（）]{0,40}[)）])")


def _annotations_broken(page: str) -> str:
    """A prose line broken before each annotation that follows a full stop, the annotation
    starting the next line: "…耕地保有量面积。" / "(市国土房管局牵头)主要污染物…"."""
    return "\n".join(
        line if "|" in line else _SENTENCE_THEN_ANNOTATION.sub("\n", line) for line in page.split("\n")
    )


def _indented(page: str) -> str:
    return "\n".join("\u3000\u3000" + line if line.strip() else line for line in page.split("\n"))


# name: (the variant, whether it changes a table's layout, how much lower than the originals its
# F1 and unit-list accuracy may read over the same documents)
VARIANTS: dict[str, tuple[Callable[[str], str], bool, float]] = {
    "traditional": (lambda page: page.translate(_TO_TRADITIONAL), False, 0.0),
    "half_width": (lambda page: page.translate(_HALF_WIDTH), False, 0.0),
    "full_width": (lambda page: page.translate(_FULL_WIDTH), False, 0.0),
    "indented": (_indented, False, 0.0),
    "crlf": (lambda page: page.replace("\n", "\r\n"), False, 0.0),
    "blank_between_lines": (lambda page: "\n\n".join(page.split("\n")), False, 0.005),
    "items_run_together": (_items_run_together, False, 0.025),
    "breaks_lost": (_breaks_lost, False, 0.065),
    "letter_spaced_headings": (_letter_spaced_headings, False, 0.0),
    "title_lost": (_title_lost, False, 0.02),
    "page_furniture": (_page_furniture, False, 0.0),
    "lenticular_annotations": (_lenticular_annotations, False, 0.005),
    "pipes_to_one_cell_a_line": (lambda page: _one_cell_a_line(page, blank=False), True, 0.06),
    "pipes_to_cells_between_blank_lines": (lambda page: _one_cell_a_line(page, blank=True), True, 0.06),
    "pipes_to_tabs": (_tab_separated, True, 0.06),
    "pipes_to_spaces": (_space_separated, True, 0.06),
    "annotations_broken": (_annotations_broken, False, 0.0),
}


def _applies(page: str, layout: str, retables: bool) -> bool:
    has_pipes = any("|" in line for line in page.split("\n"))
    if retables:
        return has_pipes
    # blank lines already separate the cells of some tables: doubling them changes the rows
    return not (has_pipes or "\t" in page or "cell" in layout or "table" in layout)


def _chosen(name: str, retables: bool) -> tuple[Path, ...]:
    """The development documents a variant applies to."""
    chosen = []
    for path in planscore.documents():
        if planscore.held_out(path):
            continue
        page, gold = planscore.load(path)
        if name in ("blank_between_lines", "items_run_together", "breaks_lost") and not _applies(page, gold.get("layout", ""), retables):
            continue
        if retables and not _applies(page, "", retables):
            continue
        chosen.append(path)
    return tuple(chosen)


@functools.cache
def _originals(paths: tuple[Path, ...]) -> dict[str, float | None]:
    tally = planscore.Tally()
    for path in paths:
        tally.add(planscore.score_path(path))
    return tally.figures()


@pytest.mark.parametrize("name", VARIANTS)
def test_the_development_corpus_reads_as_well_in_another_layout(name):
    variant, retables, drop = VARIANTS[name]
    paths = _chosen(name, retables)
    tally = planscore.Tally()
    for path in paths:
        page, gold = planscore.load(path)
        varied = _page_furniture(page, gold["year"]) if variant is _page_furniture else variant(page)
        tally.add(planscore.score_document(gold, parse_text(varied).items, path.stem))
    figures, originals = tally.figures(), _originals(paths)
    # Measured against the originals over the same documents (session 12, rounds 1-18; the floors
    # were absolute before, and fell each time a round of harder pages joined the development
    # set): the character-level variants, page furniture and annotations broken onto the next line
    # read exactly as the originals; blank lines between lines F1 -0.001, units -0.002; items run
    # together F1 -0.023; breaks lost F1 -0.057, units -0.028 (517's items that lost their dates run
    # together, 527's single bare "(市发改委)" then "2."); the title lost F1 -0.016 (plans known by
    # their title alone, 461, 517 and 526, are no plans without it); 【】 annotations -0.002,
    # -0.003; the table variants F1 -0.017 to +0.001, units -0.030 to -0.056, deadlines -0.009 to
    # -0.027. (Session 11's absolute figures, rounds 1-15: character-level variants F1 0.982,
    # units 0.973; breaks lost F1 0.946; tables units 0.935-0.954.)
    for measure in ("f1", "units"):
        assert figures[measure] >= originals[measure] - drop, (measure, tally.misses[:20])
    assert figures["deadlines"] >= originals["deadlines"] - 0.035, tally.misses[:20]
