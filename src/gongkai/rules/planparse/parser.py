"""A Document in, a Plan out: metadata, then tables (real or flattened), else prose.

A notice that hands out a 分工方案 table is read from the table; its covering text is only
metadata. A notice of key points is read from its numbered paragraphs. A document with neither
(seed 001, an evaluation standard) gives no items and says what it found.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, pairwise
from typing import Final

from gongkai.rules.planparse.annotations import (
    Assignment,
    duties_title_assignment,
    label_line,
    lead_rule,
    parse_annotation,
    section_assignment,
    split_trailing_annotation,
)
from gongkai.rules.planparse.columns import unweave
from gongkai.rules.planparse.deadlines import (
    before_month,
    find_deadline_in_text,
    is_deadline_like,
    parse_deadline,
)
from gongkai.rules.planparse.furniture import is_furniture, without_continuation
from gongkai.rules.planparse.metadata import YEAR_OPENING, Metadata, extract_metadata, signed_at
from gongkai.rules.planparse.model import (
    NO_DEADLINE,
    Deadline,
    Document,
    Item,
    Paragraph,
    Plan,
    PlanKind,
    Table,
)
from gongkai.rules.planparse.normalize import chinese_number, clean_text, compact, fold_line
from gongkai.rules.planparse.prose import (
    ProseResult,
    asked_in_passing,
    duty_line,
    offices_asked,
    opens_with_time,
    read_prose,
    split_marker,
)
from gongkai.rules.planparse.tables import has_header as _has_header
from gongkai.rules.planparse.tables import read_table, table_tokens
from gongkai.rules.planparse.tokens import find_text_tables
from gongkai.rules.vocabulary import (
    CIRCLED,
    CN_DIGITS,
    DEADLINE_LABELS,
    DUTY_VERBS,
    MARKERS,
    PERSON_LABEL,
    PROGRESS_LABEL,
    ROLE_PATTERN,
    UNIT_END_CHARS,
    UNIT_LABEL,
    marker_number,
)


@dataclass(frozen=True)
class _Segment:
    """A run of paragraphs (``lines``) or one real table, in document order."""

    lines: tuple[str, ...] = ()
    table: Table | None = None
    first: int = 1  # the document line its first line is (a real table counts a line a row)
    # the document line of each of ``lines``: a run-on line cut at its markers is one line
    numbers: tuple[int, ...] = ()

    def number(self, index: int) -> int:
        """The document line of ``lines[index]`` (0-based)."""
        return self.numbers[index] if index < len(self.numbers) else self.first + index


def _taken(line: int, text: str, items: Sequence[Item]) -> bool:
    """Whether an imported item holds ``text`` of document line ``line``: another reading of
    the document took it. A line of several items (a page that lost its breaks) may hold an
    item and a paragraph left out, which must still be reported."""
    piece = compact(clean_text(text))[:_TAKEN_PREFIX]
    return any(
        item.line == line and (piece in compact(item.text) or compact(item.text)[:_TAKEN_PREFIX] in piece)
        for item in items
    )


_TAKEN_PREFIX: Final = 12


def parse_document(document: Document, year: int | None = None) -> Plan:
    """The plan a document states; ``year`` overrides the plan year read from it."""
    segments = list(_segments(document))
    meta = extract_metadata(_metadata_lines(segments), year)
    leads = lead_rule(line for segment in segments for line in segment.lines)
    table_items: list[Item] = []
    warnings: list[str] = []
    prose_lines: list[tuple[int, str]] = []
    empty: list[str] = []  # tables with a header and no rows
    above: list[str] = []  # the line right above each text table
    for segment in segments:
        if segment.table is not None:
            result = read_table(table_tokens(segment.table), meta.year, leads=leads, real=True)
            if _is_plan_table(segment.table, result.items):
                table_items += result.items
                empty += _empty_table_warning(result.items, segment.first)
                warnings += result.warnings
            continue
        covered = 0
        numbered = list(zip(segment.numbers, segment.lines, strict=True))
        for text_table in find_text_tables(segment.lines):
            before = numbered[covered : text_table.start]
            heading = _duty_heading(before)
            above += [line for _, line in before if line.strip()][-1:]
            prose_lines += before[:-1] if heading else before
            result = read_table(text_table.tokens, meta.year, segment.first, leads, heading)
            table_items += [
                replace(item, line=segment.number(item.line - segment.first))
                for item in result.items
            ]
            if result.unreadable:
                empty += result.warnings
            else:
                empty += _empty_table_warning(result.items, segment.number(text_table.start))
                warnings += result.warnings
            covered = text_table.end
        prose_lines += numbered[covered:]
    paragraphs = _paragraphs(prose_lines, meta.title, bool(meta.notice_title and "印发" in meta.notice_title))
    first = next((line for segment in segments for line in segment.lines if line.strip() and not is_furniture(line)), "")
    duties = (duties_title_assignment(meta.title) if meta.title else None) or _office_page(first, paragraphs)
    prose = read_prose(paragraphs, meta.year, leads, duties)
    openings = [" ".join([text for _, text in paragraphs if re.search(r"[\u4e00-\u9fff]", text)][:3])]
    # a rule under a page's own heading ("…执法局“三项制度”" then "第一条 为…,制定本办法。"): its basis says what it is
    openings += [text for _, text in paragraphs[:12] if _ENACTING.match(compact(text))]
    # the notice's first paragraph after its salutation ("各村(居)民委员会、各有关单位:"), below a
    # site's header lines
    openings += [
        paragraphs[index + 1][1]
        for index, (_, text) in enumerate(paragraphs[:12])
        if _SALUTATION.match(compact(text)) and index + 1 < len(paragraphs)
    ][:1]
    # an office's page whose fields come first ("管辖区域" … then "主要职责" over "一、…"), its
    # caption joined to the page's list of its sections above it ("工作职责,内设机构," + "工作职责")
    openings += [
        f"{_last_label(text)}{paragraphs[index + 1][1]}"
        for index, (_, text) in enumerate(paragraphs[:12])
        if _DUTIES_CAPTION.fullmatch(_last_label(text)) and index + 1 < len(paragraphs)
    ]
    kind, items, found = _choose(meta, table_items, prose, openings, _outline_kinds(above))
    if kind is PlanKind.NOT_A_PLAN and not prose.numbered and not empty:
        headed = _headed_paragraphs(paragraphs, meta.year)
        if headed:
            kind, items, found = PlanKind.PROSE, headed, [_HEADED_NOTE]
        elif by_unit := _projects_by_unit(paragraphs, meta.year):
            kind, items, found = PlanKind.PROSE, by_unit, [_BY_UNIT_NOTE]
        elif meta.notice_title and (asked := _asked_paragraphs(paragraphs, meta.year)):
            kind, items, found = PlanKind.PROSE, asked, [_ASKED_NOTE]
    elif kind is PlanKind.NOT_A_PLAN and not empty and _chapters_only(paragraphs):
        # a rule whose articles lost their numbers ("第一章 总则" then "自治县人民政府应当…"): its
        # paragraphs that charge offices, one item each
        asked = _asked_paragraphs(paragraphs, meta.year)
        if len(asked) >= _UNNUMBERED_ARTICLES_MIN:
            kind, items, found = PlanKind.PROSE, asked, [_UNNUMBERED_RULE_NOTE]
    items = _with_standing_deadline(items, segments, meta.year)
    items = _with_notice_deadline(items, segments, meta.year)
    items = _with_notice_units(items, segments)
    if kind is PlanKind.PROSE and _cover_only(meta, prose_lines, prose):
        kind, items, found = PlanKind.NOT_A_PLAN, [], [_COVER_ONLY]
    unread = _unread(prose.unread, meta) if kind is not PlanKind.NOT_A_PLAN else []
    unread = [(line, text) for line, text in unread if not text or not _taken(line, text, items)]
    if unread:
        found += _unread_warnings(unread)
    if empty and kind is PlanKind.NOT_A_PLAN:
        found = []  # the empty table says what is wrong
    warnings = empty + warnings
    return Plan(
        title=meta.title,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        issued_on=meta.issued_on,
        year=meta.year,
        items=tuple(items),
        kind=kind,
        warnings=tuple(_metadata_warnings(meta) + found + warnings + _deadline_warnings(items)),
        notice_title=meta.notice_title,
        unread=tuple(unread),
    )


# A catalogue's one rule for all its rows, in its overview: "【公开时限】政府信息形成或变更之日起20个
# 工作日内", "(二)公开时限:…" (the page's own "公开时限：" block line is furniture, never this).
_STANDING_DEADLINE: Final = re.compile(
    r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[【\[])\s*"
    r"(?:公开|完成|办理)时限[】\]]?\s*[:：]?\s*(?P<value>.+)$"
)


def _with_standing_deadline(
    items: Sequence[Item], segments: Sequence[_Segment], year: int | None
) -> list[Item]:
    """Items without a deadline of their own take the one the document states for all."""
    for segment in segments:
        for line in segment.lines:
            if "时限" not in line:
                continue
            match = _STANDING_DEADLINE.match(clean_text(line))
            if match is None:
                continue
            deadline = parse_deadline(match["value"], year, inherited=True)
            if deadline.date is None and deadline.recurrence is None:
                continue
            return _undated_take(items, deadline)
    return list(items)


def _undated_take(items: Sequence[Item], deadline: Deadline) -> list[Item]:
    """The items, those without a deadline of their own taking ``deadline``."""
    return [item if item.deadline.raw else replace(item, deadline=deadline) for item in items]


# A rectification notice's time for all the problems it lists: "请各事涉部门对存在的问题立即进行整改,
# 并于5月20日前将问题整改完成" (a report's day, "于…前将整改情况报送…", is no such time).
_RECTIFIED_BY: Final = re.compile(
    r"于(?P<due>[^，,。；;]{2,14}?(?:前|之前|以前))(?:将|把)?(?:存在的|上述|以上|所列|反馈的)?(?:问题|事项)?(?:全部)?"
    r"(?:整改(?:完成|完毕|到位)|完成整改)"
)


def _with_notice_deadline(
    items: Sequence[Item], segments: Sequence[_Segment], year: int | None
) -> list[Item]:
    """Items without a deadline of their own take the time the notice above them gives all its
    problems to be put right."""
    first = min((item.line for item in items), default=0)
    for segment in segments:
        for number, line in zip(segment.numbers, segment.lines, strict=True):
            if number >= first or "改" not in line:  # (a cheap test before folding: 整改, however spaced)
                continue
            match = _RECTIFIED_BY.search(compact(fold_line(line)))
            deadline = parse_deadline(match["due"], year, inherited=True) if match else NO_DEADLINE
            if deadline.date is not None:
                return _undated_take(items, deadline)
    return list(items)


_HEADED_NOTE: Final = (
    "文中没有编号，按段落导入：每段以一句标题开头（如“围绕…，加大…公开力度。”），各作为一条任务，"
    "均未标注责任单位，请核对并指定"
)
_HEADED: Final = re.compile(r"^[^。；;]{6,40}。")
_HEADED_MIN: Final = 3  # paragraphs so written, the fewest that make a plan


def _headed_paragraphs(paragraphs: Sequence[tuple[int, str]], year: int | None) -> list[Item]:
    """Key points written without numbers: paragraphs that each open with a short heading
    sentence naming 公开 ("围绕群众关切事项，加大重点领域信息公开力度。公开…") and go on to the
    work. Each is an item; nothing else on such a page is."""
    headed = [
        (line, text)
        for line, text in paragraphs
        if len(text) >= 60 and (match := _HEADED.match(text)) and "公开" in match[0]
    ]
    if len(headed) < _HEADED_MIN or len(headed) * 2 < len(paragraphs):
        return []
    return [_unnumbered_item(number, line, clean_text(text), year, dated=text) for number, (line, text) in enumerate(headed, 1)]


def _unnumbered_item(
    number: int,
    line: int,
    text: str,
    year: int | None,
    found: Assignment | None = None,
    section: tuple[str, ...] = (),
    dated: str | None = None,
) -> Item:
    """An item read from a page without numbers: its text, the units ``found`` gives it, and the
    deadline its text (or ``dated``, the text as written) names."""
    return Item(
        number=str(number),
        section=section,
        text=text,
        lead_units=found.lead_units if found is not None else (),
        units=found.units if found is not None else (),
        deadline=find_deadline_in_text(dated if dated is not None else text, year) or NO_DEADLINE,
        line=line,
    )


# A report that names each project after the unit doing it, clause by clause: "民生保障类4项实事中,
# 由X局负责的中考信息化提升项目投资475.7万元,…;由Y局负责的重点群体创业扶持项目,…;".
_BY_UNIT: Final = re.compile(r"由(?P<units>[^，,；;。由]{2,40}?)负责的(?P<text>[^；;]{15,})")  # (a shorter one: cut)
_BY_UNIT_NOTE: Final = "文中没有编号，按“由X负责的…项目”逐句导入，X作为责任单位，请核对"


def _projects_by_unit(paragraphs: Sequence[tuple[int, str]], year: int | None) -> list[Item]:
    """The projects of such a report, each with the units named before it; [] when fewer than
    two paragraphs' worth of clauses are so written."""
    items: list[Item] = []
    for line, paragraph in paragraphs:
        clauses = re.split(r"[；;]", paragraph)
        matches = [match for clause in clauses if (match := _BY_UNIT.search(clause)) is not None]
        if len(matches) < 2:
            continue
        lead_in = re.split(r"[，,]", clauses[0])[0] if clauses[0].find("由") > 0 else ""
        for match in matches:
            assignment = parse_annotation(match["units"] + "负责")
            if assignment is None:
                continue
            section = (clean_text(lead_in),) if lead_in else ()
            items.append(_unnumbered_item(len(items) + 1, line, clean_text(match["text"]), year, assignment, section))
    return items if len(items) >= _HEADED_MIN else []


_ASKED_NOTE: Final = "文中没有编号，按通知中要求各单位办理的段落逐段导入，段首的单位作为责任单位，请核对"


def _asked_paragraphs(paragraphs: Sequence[tuple[int, str]], year: int | None) -> list[Item]:
    """A notice written without numbers, whose paragraphs each ask offices to do their work ("请各幼
    儿园对校舍安全进行一次全面自查…", "各幼儿园务必高度重视,…"): each such paragraph an item, the
    offices it opens with its units; [] when fewer than two are so written."""
    items: list[Item] = []
    for line, paragraph in paragraphs:
        text = clean_text(paragraph)
        if len(text) < _ASKED_MIN or (found := offices_asked(text)) is None:
            continue
        items.append(_unnumbered_item(len(items) + 1, line, text, year, found))
    return items if len(items) >= 2 else []


_UNNUMBERED_RULE_NOTE: Final = "条文没有条号，按段首写明单位及其职责的段落逐段导入，段首的单位作为责任单位，请核对"
_ASKED_MIN: Final = 20  # characters: an addressee line ("各公、民办幼儿园:") is no request
_UNNUMBERED_ARTICLES_MIN: Final = 3


def _chapters_only(paragraphs: Sequence[tuple[int, str]]) -> bool:
    """Whether the only numbered paragraphs are a rule's chapter headings ("第一章 总则")."""
    kinds = [split_marker(text.strip())[0] for _, text in paragraphs]
    return "part" in kinds and set(kinds) <= {"part", None}


def _duty_heading(lines: Sequence[tuple[int, str]]) -> str | None:
    """The line right above a table when it gives the table's rows their units ("一、各区政府
    负责落实的工作任务"); it heads the table's items instead of standing as prose."""
    written = [line for _, line in lines if line.strip()]
    if written and section_assignment(written[-1]) is not None:
        return written[-1].strip()
    return None


def _empty_table_warning(items: Sequence[Item], line: int) -> list[str]:
    """A table with its header and not one task under it: its cells were lost on the way."""
    if items:
        return []
    return [
        f"第{line}行起的任务分工表只有表头，没有一行任务：表格内容可能在网页复制或格式转换中丢失，"
        "未生成任务；请上传原件（.docx、.xlsx）或补全表格后再导入"
    ]


def _is_plan_table(table: Table, items: Sequence[Item]) -> bool:
    """A real table is a plan's when it has a header, or when most of its rows name units (a
    page's 索引号 block or a layout table does not)."""
    if _has_header(table):
        return True
    own = sum(bool(item.units) and not item.units_inherited for item in items)
    return own >= 2 and own * 2 >= len(items)


# A page that lost its paragraph breaks keeps a space where each was: "…制定本方案。 一、强化…
# (一)加强…". Chinese prose has no spaces, so a space before an outline marker is a break.
_RUN_ON_BREAK: Final = re.compile(
    r"(?<=[。；;：:）)\u4e00-\u9fff])[ \u3000]+"
    r"(?=[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．](?!\d)|\d{1,2}、(?!\d{1,2}[、项条])"
    r"|\d{1,2}(?:[.．]\d{1,2}){1,3}[\u4e00-\u9fff]|[(（]\d{1,2}[)）][\u4e00-\u9fff])"  # ("2.1.2市…职责 (1)…")
    # or before an office and its duty: "…道路建设。 教育部门,负责试点嘎查村义务教育。"
    rf"|(?<=[。；;])[ \u3000]+(?=[\u4e00-\u9fff、]{{1,20}}[{UNIT_END_CHARS}][，,:：]?(?:具体)?负责)"
    # or before an article printed with a space after its number: "…正常工作。 第六条 …负责制 第七条 …"
    rf"|(?<=[。；;：:\u4e00-\u9fff])[ \u3000]+(?={MARKERS['article']}[ \u3000])"
)


# "…投入试运营。 牵头领导:林静国 责任单位:市轨道办 项目责任人:尹文德 实际完成情况:…": labels
# run on after a space where the page lost their breaks; each is a line of its own.
_LABEL_BREAK: Final = re.compile(
    rf"(?<=\S)[ \u3000]+(?=(?:{UNIT_LABEL}|{'|'.join(DEADLINE_LABELS)}|{PERSON_LABEL}|{PROGRESS_LABEL})\s*[:：])"
)


_AFTER_LABEL_VALUE: Final = re.compile(
    rf"(?<=[{UNIT_END_CHARS}])(?=\d{{1,2}}[.．、](?!\d)[\u4e00-\u9fff“《])"
)
_LABEL_BEFORE: Final = re.compile(rf"(?:{UNIT_LABEL})\s*[:：][^。；;:：]*$")


def _label_lines(line: str) -> list[str]:
    """The line cut before each label that runs on after a space, outside brackets ("(牵头单位:X
    责任单位:Y)" is one annotation)."""
    cuts = [
        match.start()
        for match in _LABEL_BREAK.finditer(line)
        if _depth(line[: match.start()]) == 0
    ]
    # "…数据提供单位:旗统计局2.全员劳动生产率…": the next numbered item runs on from a unit label's
    # value (no unit's name ends in a number)
    cuts += [
        match.start()
        for match in _AFTER_LABEL_VALUE.finditer(line)
        if _LABEL_BEFORE.search(line[: match.start()]) and _depth(line[: match.start()]) == 0
    ]
    cuts.sort()
    bounds = [0, *cuts, len(line)]
    return [line[start:end].strip() if start else line[:end] for start, end in zip(bounds, bounds[1:], strict=False)]


# "…(责任单位:市科协、市科技局)7.强化科普服务平台建设…": an item runs on from the annotation that
# closes the one before, its number no successor of the one before (the page skipped some), which
# the paragraph's reading of numbers counting on would miss
_AFTER_ANNOTATION: Final = re.compile(r"(?<=[)）])(?=(?P<number>\d{1,2})[.．、](?!\d)[\u4e00-\u9fff“《])")
_ANNOTATION_BEFORE: Final = re.compile(rf"[(（][^()（）]*(?:{UNIT_LABEL})\s*[:：][^()（）]*[)）]$")


def _after_annotation(line: str) -> list[str]:
    cuts = [
        match.start()
        for match in _AFTER_ANNOTATION.finditer(line)
        if _ANNOTATION_BEFORE.search(line[: match.start()])
        and _depth(line[: match.start()]) == 0
        and not re.search(rf"(?<!\d){int(match['number']) - 1}[.．、]", line[: match.start()])
    ]
    bounds = [0, *cuts, len(line)]
    return [line[start:end] for start, end in pairwise(bounds)]


def _depth(text: str) -> int:
    return sum(text.count(char) for char in "(（") - sum(text.count(char) for char in ")）")


# "第一章 总则第一条 为…", "…负责制 第七条 …": an article printed with a space after its number, run
# on after the text before it
_ARTICLE_RUN_IN: Final = rf"(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][.．] ))(?={MARKERS['article']}[ \u3000])"  # ("…进步. 第五条 …")
# After "X、", what makes it a count, never a part marker: "一、二类县的…", "五、六道街由…"
# (the next numeral counting on from X; "三、三大攻坚战" is a heading)
_COUNT_ON: Final = (
    "(?![一二三四五六七八九十]{1,3}[、类级]|"
    + "|".join(f"(?<={a}、){b}" for a, b in itertools.pairwise("一二三四五六七八九十"))
    + ")"
)
# A page that lost every break runs its outline together: "…制定本方案。一、工作目标…二、工作任务
# (一)围绕…。1.把公开透明…". In such a long line a full stop before 一、 or 1., and any (一), is a break.
_LOST_BREAK: Final = re.compile(
    rf"(?<=[。；;：:])(?=[一二三四五六七八九十]{{1,3}}、{_COUNT_ON}|\d{{1,2}}[.、．](?!\d)|{MARKERS['article']})"
    rf"|(?<=[)）])(?=[一二三四五六七八九十]{{1,3}}、{_COUNT_ON}[\u4e00-\u9fff“《])"  # "…(责任单位:…)二、办好…"
    rf"|{_ARTICLE_RUN_IN}"
    r"|(?<=[\u4e00-\u9fff。；;：:，,])(?=[(（][一二三四五六七八九十]{1,3}[)）])"
    # a page whose marks were scrambled: "…特制定本办法,第二条,本办法适用于…第六条.各地应当…第七条、各级…"
    rf"|(?<=[,，.．、 ])(?={MARKERS['article']}[,，.．、 ](?!第|规定)[\u4e00-\u9fff])"
)
_LONG_LINE: Final = 400
# In a line of any length, a full stop then "(一)" or "二、": a paragraph the next item or part runs
# on from ("…制定本实施方案。一、加强民营经济资源要素支持")
_SUB_ITEM_BREAK: Final = re.compile(
    # "…制定本条例。第二条 …", "第一章 总则第一条 为…"
    rf"(?<=[。；;])(?=(?:{MARKERS['part']}|{MARKERS['article']})\s*[\u4e00-\u9fff])|{_ARTICLE_RUN_IN}"
    r"|(?<=[。；;])(?=[(（][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff“《]"
    rf"|[一二三四五六七八九十]{{1,3}}、{_COUNT_ON}[\u4e00-\u9fff“《]{{2}})"
    # "…其主要职责是:一、负责…;二、…": a lead-in's colon before the first of its points
    r"|(?<=[:：])(?=(?:[(（]一[)）]|一、)[\u4e00-\u9fff“《])"
    # "一、主要预期目标(一)地区生产总值…": after a heading's last character too (never "第(一)项")
    r"|(?<=[\u4e00-\u9fff])(?<!第)(?=[(（][一二三四五六七八九十]{1,3}[)）](?![项款目])[\u4e00-\u9fff“《])"
)
# "第二章档案机构及其职责第四条国家档案局…": a chapter's heading and its first article with no break
# (nor space) between them
_CHAPTER_THEN_ARTICLE: Final = re.compile(
    rf"^(\s*{MARKERS['part']}[\u4e00-\u9fff、和及与]{{1,15}}?)(?={MARKERS['article']}[\u4e00-\u9fff ])"
)


# A paragraph that runs its numbered items on in one line: "(一)脱贫攻坚领域信息公开。1.扶贫政策…；
# 2.扶贫项目…；3.…". Numbers after a full stop or semicolon counting 1, 2, 3… are breaks.
_INLINE_NUMBER: Final = re.compile(r"(?<=[。；;：:)）])\s*(?P<m>(?P<n>\d{1,2})[.、．](?!\d))")
# Or its items of one level, each after the last one's full stop: "(一)开展…编制。(二)围绕…。(三)…"
# ("1.…。(X负责)2.…": after an annotation's closing bracket too)
_INLINE_SIBLING: Final = {
    "cn_paren": re.compile(r"(?<=[。；;！!)）])\s*(?P<m>[(（](?P<n>[一二三四五六七八九十]{1,3})[)）])"),
    "cn": re.compile(r"(?<=[。；;！!)）])\s*(?P<m>(?P<n>[一二三四五六七八九十]{1,3})、)"),
    "arabic": re.compile(r"(?<=[。；;！!)）])\s*(?P<m>(?P<n>\d{1,2})[.．、](?!\d))"),
    "arabic_paren": re.compile(r"(?<=[。；;！!])\s*(?P<m>[(（](?P<n>\d{1,2})[)）])"),  # "(1)…;(2)…"
    "circled": re.compile(rf"(?<=[。；;！!])\s*(?P<m>(?P<n>[{CIRCLED}]))"),  # "①…;②…;③…"
}
_ANNOTATED_END: Final = re.compile(rf"(?:{ROLE_PATTERN})[)）]\s*$")
# A label line that the next numbered item runs on from: "责任单位：X、Y(管委会)2.坚持…",
# "(牵头单位:县财政局)(二)提升…"
_LABEL_RUN_ON: Final = re.compile(
    r"(?<=[。；;)）])\s*(?=\d{1,2}[.．、](?!\d)[\u4e00-\u9fff“《]|[(（][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff“《])"
)


# "三义街社区(责任单位:…)1、学雷锋志愿岗…": an unnumbered place and its duty, its first problem
# run on after it (a page that lost its breaks).
_ANNOTATED_NAME: Final = re.compile(
    rf"^(?P<head>[^。；;，,()（）]{{2,20}}?[:：]?[(（][^()（）]*(?:{UNIT_LABEL})[:：][^()（）]+[)）])\s*(?=1[.、．](?!\d))"
)


def _inline_numbered(line: str) -> list[str]:
    """A heading line ("(一)…。") cut before each number of a run 1, 2, 3… after sentence ends
    (two at least), else a line of items "(一)…。(二)…。" cut before each sibling counting on
    from its own number; never a table's cell, which keeps its numbered requirements together."""
    kind, marker, _ = split_marker(line.strip())
    if (listed := _colon_list(line)) and (kind is None or kind not in ("arabic", "arabic_paren")):
        return listed
    if kind is None and (headed := _ANNOTATED_NAME.match(line.strip())):
        # "三义街社区(责任单位:…)1、学雷锋志愿岗…": a place and its duty over its first problem
        return [headed["head"], line.strip()[headed.end("head") :].strip()]
    if kind is None and label_line(line) is not None:
        pieces = [piece for piece in _LABEL_RUN_ON.split(line) if piece]
        closed = _bracketed_label_end(pieces[0])
        if closed is not None:  # "(牵头单位:县政务办)围绕市场主体…": the next requirement runs on
            pieces[:1] = [pieces[0][:closed], pieces[0][closed:]]
        return pieces
    if kind not in _INLINE_SIBLING:
        return [line]
    cuts = _counting(_INLINE_NUMBER, line, 1) if kind != "arabic" else []
    if len(cuts) < 2:
        own = _number_of(marker.strip("(（)）、.,， "))
        cuts = _counting(_INLINE_SIBLING[kind], line, own + 1) if own is not None else []
        if kind == "arabic" and not all(_ANNOTATED_END.search(line[:cut]) for cut in cuts):
            return [line]  # "1.…。2.…" without annotations: a table's cell of numbered requirements
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    return [line[start:end] for start, end in zip(bounds, bounds[1:], strict=False) if line[start:end]]


# "…重点抓好15件大事和民生实事。分别是: (1)加快…。 (2)开工…。": a sentence's list, each entry
# after the colon or a full stop, numbered 1, 2, 3…
_LIST_ENTRY: Final = {
    "arabic": re.compile(r"(?<=[:：。；;])\s*(?P<m>(?P<n>\d{1,2})[.、．](?!\d)(?=[\u4e00-\u9fff“《]))"),
    "arabic_paren": re.compile(r"(?<=[:：。；;])\s*(?P<m>[(（](?P<n>\d{1,2})[)）](?=[\u4e00-\u9fff“《]))"),
}
_FEWEST_ENTRIES: Final = 3


def _colon_list(line: str) -> list[str]:
    """A paragraph that lists its entries after a colon, cut before each (the sentence before it
    its own line); [] when it holds no such list."""
    for pattern in _LIST_ENTRY.values():
        cuts = _counting(pattern, line, 1)
        if len(cuts) >= _FEWEST_ENTRIES and line[: cuts[0]].rstrip().endswith((":", "：")):
            bounds = [0, *cuts, len(line)]
            return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]
    return []


def _bracketed_label_end(line: str) -> int | None:
    """Where a label line written in brackets ends, when text follows its closing bracket."""
    stripped = line.lstrip()
    if stripped[:1] not in "(（":
        return None
    depth = 0
    for index, char in enumerate(stripped):
        depth += (char in "(（") - (char in ")）")
        if depth == 0:
            rest = stripped[index + 1 :].strip()
            start = len(line) - len(stripped) + index + 1
            return start if len(rest) >= 4 and re.match(r"[\u4e00-\u9fff“《]", rest) else None
    return None


def _number_of(numeral: str) -> int | None:
    """"三" → 3, "12" → 12, "②" → 2."""
    return CIRCLED.index(numeral) + 1 if numeral in CIRCLED else chinese_number(numeral)


def _counting(pattern: re.Pattern[str], line: str, first: int) -> list[int]:
    """Where the markers of ``pattern`` numbered first, first + 1… start in ``line``."""
    cuts: list[int] = []
    for match in pattern.finditer(line):
        if _number_of(match["n"]) == first + len(cuts):
            cuts.append(match.start("m"))
    return cuts


def _counted_on(runs: list[str]) -> list[str]:
    """Runs of a line cut at its markers, each cut again where, after a space, the number after
    its own comes ("…合计 12 24 4.新投放…" after "3.…": whatever stands before the space)."""
    cut: list[str] = []
    for run in runs:
        kind, marker, _ = split_marker(run)
        number = marker_number(marker) if kind == "arabic" else None
        while number is not None:
            following = re.search(rf"[ \u3000]+(?={number + 1}[.．、](?!\d)[\u4e00-\u9fff“《])", run)
            if following is None:
                break
            cut.append(run[: following.start()])
            run, number = run[following.end() :], number + 1
        cut.append(run)
    return cut


# A rule's articles in one long line whatever stands between them ("…的职责.一。负责…许可证 第二十条区
# 建设局的职责,一,…,第二十一条,…"): each article whose number counts on from the last one's, never
# one the text refers to ("依照第五条规定").
_ARTICLE_AT: Final = re.compile(rf"第(?P<n>[{CN_DIGITS}]+)条(?!规定|的规定|第|至|或|和|、第)")
_REFERRED: Final = re.compile(r"(?:依照|按照|根据|依据|违反|适用|本办法|本条例|本规定|条[和或、至])$")


_ARTICLES_SKIPPED: Final = 10  # articles a page may leave out between two it prints


def _articles_counted(line: str) -> list[str]:
    if len(line) <= _LONG_LINE:
        return [line]
    cuts: list[int] = []
    last: int | None = None
    for found in _ARTICLE_AT.finditer(line):
        number = chinese_number(found["n"])
        if number is None or _REFERRED.search(line[max(0, found.start() - 4) : found.start()]):
            continue
        # (a page that leaves articles out counts on past them: "第一条…第三条…第八条…第十六条")
        if last is None or last < number <= last + _ARTICLES_SKIPPED:
            cuts.append(found.start())
            last = number
    if len(cuts) < 3:
        return [line]
    # ("第一条,为了…", "第二条。铁路…": the scrambled mark after the number is a space)
    return [_MARK_AFTER.sub(r"\g<1> ", piece) for piece in _cut_at(line, cuts)]


def _cut_at(line: str, cuts: Sequence[int]) -> list[str]:
    """The pieces of a line cut at each position, blank ones left out."""
    return [piece for piece in (line[a:b] for a, b in pairwise([0, *cuts, len(line)])) if piece.strip()]


_MARK_AFTER: Final = re.compile(rf"^(第[{CN_DIGITS}]+条)[,，.．、。\s]+")


# An article over its duties with its points run in, their marks scrambled ("第十九条,市规划主管部门的职责.
# 一。负责…,二,负责…,三、…"): each point counting on from 一 after the lead-in, a point of its own.
_DUTIES_LEAD: Final = re.compile(
    rf"^\s*(?P<lead>第[{CN_DIGITS}]+条[,，.．、。\s]*[^，,。；;:：]{{2,40}}?的?(?:主要)?(?:职责|职能|任务)(?:是|为|如下)?)[.．,，。:：\s]+(?=一[.．,，、。\s])"
)


# A long unnumbered paragraph of a report or opinion that runs its points on: "…构建四项长效机制,…。
# 一是健全和完善…。二是…": each point after a stop, counting on from 一是 (two at least).
_SHI_POINT: Final = re.compile(rf"(?<=[。；;！!])\s*(?=(?P<n>[{CN_DIGITS}])是[\u4e00-\u9fff“《])")


def _shi_points(line: str) -> list[str]:
    if split_marker(line.strip())[0] is not None:
        return [line]  # (inside a numbered item, "一是…二是…" are its parts, no items)
    cuts: list[int] = []
    for found in _SHI_POINT.finditer(line):
        if CN_DIGITS.index(found["n"]) == len(cuts):
            cuts.append(found.start())
    if len(cuts) < 2:
        return [line]
    return [piece.strip() for piece in _cut_at(line, cuts)]


def _points_counted(line: str, long: bool) -> list[str]:
    """The lead-in and its points, else (in a long line) a line of three points or more
    counting on from 一 ("一、负责…。二,负责…三。参与…"), else the line."""
    lead = _DUTIES_LEAD.match(line)
    if lead is None and not (long and re.match(r"\s*一[.．,，、。\s]", line)):
        return [line]
    points: list[str] = []
    rest, number = line[lead.end() :] if lead else line.lstrip(), 0
    while number < len(CN_DIGITS) and rest.startswith(CN_DIGITS[number]):
        following = (
            re.search(rf"(?<=[.．,，、。;；\s]){CN_DIGITS[number + 1]}(?=[.．,，、。\s])", rest) if number + 1 < len(CN_DIGITS) else None
        )
        body = rest[1 : following.start() if following else len(rest)].lstrip(".．,，、。 \u3000")
        points.append(f"({CN_DIGITS[number]}){body}")
        if following is None:
            break
        rest, number = rest[following.start() :], number + 1
    if lead is None:
        return points if len(points) >= 3 else [line]
    return [lead["lead"] + ":", *points] if len(points) >= 2 else [line]


def _unspaced(line: str) -> str:
    """A short line set letter-spaced, as a PDF's text layer gives a heading ("一 、 责 任 单 位"),
    closed up."""
    letters = line.split()
    if len(letters) >= 4 and len(line) < 80 and all(len(letter) == 1 for letter in letters):
        return line[: len(line) - len(line.lstrip())] + "".join(letters)
    return line


# A document-sharing page's paragraph break, written as the Cyrillic letter Р between Chinese
# ("…各项任务落到实处Р创建文明社区是一项…"): no Chinese text has it.
_SHARED_BREAK: Final = re.compile(r"(?<=[\u4e00-\u9fff。；;：:，,、)）”])Р+(?=[\u4e00-\u9fff\d(（“])")


def _lines(text: str) -> list[str]:
    """The lines of a paragraph, a run-on one cut at its outline markers (not inside a table's
    pipe or tab-separated row)."""
    lines: list[str] = []
    for line in map(_unspaced, map(without_continuation, _SHARED_BREAK.sub("\n", fold_line(text)).split("\n"))):
        if len(line) > _LONG_LINE and "|" not in line.rstrip().rstrip("|"):
            line = line.rstrip().rstrip("|")  # an article's one-line body closed by its page's frame
        if "|" in line or "\t" in line.strip():
            lines.append(line)
            continue
        # (the articles of a long line, each read as long: "…,第二十一条,…" in an article as in the line)
        articles = _articles_counted(line)
        runs = _counted_on([run for article in articles for run in _RUN_ON_BREAK.split(article)])
        pieces = ((len(articles) > 1 or len(part) > _LONG_LINE, part) for run in runs for part in _label_lines(run))
        counted = (
            (long, point)
            for long, part in pieces
            for shi in (_shi_points(part) if long else [part])
            for point in _points_counted(shi, long)
        )
        for long, piece in counted:
            for part in _LOST_BREAK.split(piece) if long else _SUB_ITEM_BREAK.split(piece):
                for chapter_apart in _CHAPTER_THEN_ARTICLE.sub("\\1\n", part).split("\n"):
                    lines += [cut for numbered in _inline_numbered(chapter_apart) for cut in _after_annotation(numbered)]
    return lines


def _segments(document: Document) -> Iterator[_Segment]:
    run: list[tuple[int, str]] = []  # (document line, text) of the paragraphs' lines
    line = 1  # the document line the next block starts on
    for block in document.blocks:
        if isinstance(block, Paragraph):
            run += [(line + offset, text) for offset, text in enumerate(block.text.split("\n"))]
            line += block.text.count("\n") + 1
            continue
        if run:
            yield _text_segment(run)
            run = []
        yield _Segment(table=block, first=line)
        line += len(block.rows)
    if run:
        yield _text_segment(run)


# A document-sharing site's viewer numbers each page of the file it shows: "2、" opens the line where
# a page begins, often inside a sentence ("…加大财政投入,将节" then "2、约用水工作纳入…"). Where the
# line before is a long one that stops short of a sentence's end, the page goes on, and the mark is
# no outline number (nor is "1、" before the first page, once a second is found).
_PAGE_MARK: Final = re.compile(r"(?P<n>\d{1,2})、")  # (matched where a line's text starts)
_PAGE_LONG: Final = 150
_GLUED_HEADER: Final = re.compile(r"(?:分工|分解|任务|责任|推进|台账)表|序号\s*(?:项目|工作|任务|重点|主要|目标|内容|具体)")
_UNFINISHED: Final = re.compile(r"[^。；;：:！!？?)）\"”\s]\s*$")


def _pages_joined(run: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """Paragraph lines (document line, text) with each page of a viewer joined to the page before."""
    joined: list[tuple[int, str]] = []
    page, first = 1, None
    for number, text in run:
        mark = _PAGE_MARK.match(text, len(text) - len(text.lstrip(" \u3000\t")))  # (an indented page too)
        if first is None and mark is not None and mark["n"] == "1" and len(text) >= _PAGE_LONG:
            if _GLUED_HEADER.search(fold_line(text[:_PAGE_LONG])):
                return list(run)  # a table glued one row after another ("…分工表序号工作内容…"): a page at a time
            first = len(joined)
        before = joined[-1][1] if joined else ""
        if mark is not None and int(mark["n"]) == page + 1 and len(before) >= _PAGE_LONG and _UNFINISHED.search(before):
            joined[-1] = (joined[-1][0], before + text[mark.end() :])
            page += 1
            continue
        joined.append((number, text))
    if page > 1 and first is not None:
        line = joined[first][1].lstrip(" \u3000\t")
        opening = _PAGE_MARK.match(line)
        joined[first] = (joined[first][0], line[opening.end() :] if opening is not None else line)
    return joined


def _text_segment(run: Sequence[tuple[int, str]]) -> _Segment:
    """A run of paragraph lines, each cut at its outline markers and keeping its document line;
    a page printed in two interleaved columns read column by column."""
    pieces = [
        (number, piece) for number, text in unweave(_pages_joined(run)) for piece in _lines(text)
    ]
    return _Segment(
        lines=tuple(piece for _, piece in pieces),
        first=pieces[0][0] if pieces else run[0][0],
        numbers=tuple(number for number, _ in pieces),
    )


def _metadata_lines(segments: Sequence[_Segment]) -> list[str]:
    """Paragraph lines, and the title rows of real tables (a row with one text, e.g. a sheet's
    merged first row "新会区2018年政务公开工作要点分工方案")."""
    lines: list[str] = []
    for segment in segments:
        lines += segment.lines
        if segment.table is not None:
            for row in segment.table.rows[:8]:
                texts = [
                    text for text in dict.fromkeys(fold_line(c.text).strip() for c in row) if text
                ]
                lines += texts if len(texts) == 1 else [" ".join(texts)]
    return lines


_SENTENCE_END: Final = "。；;！？!?：:”」）)】"
_MID_SENTENCE: Final = "，,、"


_TITLE_NUMBER: Final = re.compile(r"^\d{1,2}[.、．]\s*")


def _paragraphs(lines: Sequence[tuple[int, str]], title: str | None, handed_out: bool = False) -> list[tuple[int, str]]:
    """Prose paragraphs with the line each starts on: furniture dropped, hard-wrapped lines
    joined, and only what follows the plan's own title line when it has one (the covering notice
    before it is not the plan); where that line was lost, what follows the covering notice's
    signature date when numbered paragraphs do."""
    cleaned = [(number, line.strip()) for number, line in lines]
    # (a repeat may carry a list number of the page's own: "1. 哈尔滨市行政执法监督规定")
    starts = [i for i, (_, line) in enumerate(cleaned) if title and title in (clean_text(line), _TITLE_NUMBER.sub("", clean_text(line)))]
    if starts:
        # the title's last line before the outline starts ("01", "一、"): later ones are the
        # page's repeats of it (an image's caption between the blocks), not the plan's start
        first_marker = next(
            (i for i, (_, line) in enumerate(cleaned) if i > starts[0] and _opens_outline(line)), len(cleaned)
        )
        start = max(i for i in starts if i < first_marker)
        # (a notice that forwards another and gives its own offices their duties first, "省卫生厅:
        # 负责…" a line each, keeps them: its own plan stands before the forwarded title)
        own = sum(duty_line(clean_text(line)) is not None for _, line in cleaned[:start])
        if own < _OWN_DUTIES:
            cleaned = [entry for i, entry in enumerate(cleaned[start + 1 :], start + 1) if i not in starts]
    elif handed_out and (signed := _plan_after_signature([line for _, line in cleaned])) is not None:
        cleaned = cleaned[signed + 1 :]
    if (attached := _attachment_after_signature([line for _, line in cleaned])) is not None:
        cleaned = cleaned[attached:]
    paragraphs: list[tuple[int, str]] = []
    previous_blank = True
    wrap = _wrap_width([line for _, line in cleaned if line and not is_furniture(line)])
    # a PDF's printed lines copied with a blank line after each: the blanks mark no paragraph
    spaced = wrap is not None and _double_spaced([line for _, line in cleaned], wrap)
    last = ""  # the previous line as printed
    for number, line in cleaned:
        ruled = not line.strip("|｜ ")  # (blank, or "|" alone between articles: a table's rule, no text)
        if ruled or is_furniture(line):
            previous_blank = previous_blank or (ruled and not spaced)
            continue
        # "…耕地保有量面积。" then "(市国土房管局牵头)主要污染物…": the line broke before the
        # annotation of the sentence above, and the paragraph goes on after it
        broken = bool(paragraphs) and _opens_with_annotation(line) and (
            split_trailing_annotation(paragraphs[-1][1])[1] is None
        )
        # "1、…。(牵头单位:县国土局;" then "参与单位:县民政局)": an annotation broken inside its bracket
        broken = broken or bool(paragraphs) and _open_annotation(paragraphs[-1][1]) and _closes_bracket(line)
        if broken or (paragraphs and not previous_blank and _continues(paragraphs[-1][1], line, last, wrap)):
            paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + line)
        else:
            paragraphs.append((number, line))
        previous_blank, last = False, line
    return [
        (number, piece)
        for number, paragraph in _annotations_joined(paragraphs)
        for part in _heading_run_on(paragraph)
        for piece in _numbered_siblings(part)
    ]


def _annotations_joined(paragraphs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The paragraphs with an annotation that a page printed over lines of its own ("(中央宣传部、
    …按职责分工" then "负责)") back at the end of the requirement above it."""
    joined: list[tuple[int, str]] = []
    for number, paragraph in paragraphs:
        if joined and _ROLE_BRACKET_LINE.fullmatch(paragraph.strip()) and (
            split_trailing_annotation(joined[-1][1])[1] is None
        ):
            joined[-1] = (joined[-1][0], joined[-1][1] + paragraph.strip())
        else:
            joined.append((number, paragraph))
    return joined


def _open_annotation(paragraph: str) -> bool:
    """Whether the paragraph ends inside a bracket that opened a unit label ("…(牵头单位:各镇(区);")."""
    depth, opened = 0, -1
    for index, char in enumerate(paragraph):
        if char in "(（":
            depth += 1
            opened = index if depth == 1 else opened
        elif char in ")）" and depth:
            depth -= 1
    return depth > 0 and label_line(paragraph[opened:]) is not None


def _closes_bracket(line: str) -> bool:
    """A line that closes a bracket left open, before it opens one: "参与单位:县民政局)"."""
    close = re.search(r"[)）]", line)
    return close is not None and not re.search(r"[(（]", line[: close.start()]) and split_marker(line)[0] is None


# "一、主要预期指标1.地区生产总值增长5%左右": a part's heading, no sentence, that its first numbered
# item runs on from
_HEADING_THEN_FIRST: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[^。；;：:，,]{2,40}?[\u4e00-\u9fff”」』]"
    r"(?=\s*(?:1[.．、]|[(（]1[)）])(?!\d)[\u4e00-\u9fff“《])"  # ("一、落实“党政同责” 1.区委…" too)
    # "1. 市科技馆(1)院内电动车未按指定区域停放;(2)…": a numbered place over its problems
    r"|^\s*\d{1,2}[.．、]\s*[^。；;：:，,()（）]{2,40}?[\u4e00-\u9fff](?=[(（]1[)）][\u4e00-\u9fff“《])"
)


_OWN_DUTIES: Final = 2


def _opens_outline(line: str) -> bool:
    return split_marker(line)[0] is not None or re.fullmatch(r"0[1-9]", line) is not None


def _heading_run_on(paragraph: str) -> list[str]:
    match = _HEADING_THEN_FIRST.match(paragraph)
    return [match[0], paragraph[match.end() :]] if match else [paragraph]


def _numbered_siblings(paragraph: str) -> list[str]:
    """A prose paragraph "1.…。2.…。3.…" (or "(1)…;(2)…") cut before each number counting on from its own: items
    whose breaks the page lost (read here, after the tables are taken out: in a table's cell the
    numbers are requirements of one row and stay together)."""
    kind, marker, _ = split_marker(paragraph)
    own = marker_number(marker) if kind in ("arabic", "arabic_paren") else None
    cuts = _counting(_INLINE_SIBLING[kind], paragraph, own + 1) if own is not None and kind else []
    bounds = [0, *cuts, len(paragraph)]
    return [paragraph[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]


_LEADING_BRACKET: Final = re.compile(r"^[(（][^()（）]{2,80}[)）]")


def _opens_with_annotation(line: str) -> bool:
    """Whether a line opens with a unit annotation ("(市环保局牵头)城市…"), or is one bracket
    saying who takes part ("(州、县市人民政府负责,…相关部门加强支持、指导和监督)")."""
    match = _LEADING_BRACKET.match(line)
    if match is not None and split_trailing_annotation(match[0])[1] is not None:
        return True
    return _ROLE_BRACKET_LINE.fullmatch(line.strip()) is not None


_ROLE_BRACKET_LINE: Final = re.compile(rf"[(（][^()（）]{{2,200}}(?:{ROLE_PATTERN})[^()（）]{{0,200}}[)）]")


def _continues(previous: str, line: str, last: str = "", wrap: float | None = None) -> bool:
    """A line wrapped in the middle of a sentence: the previous one stops at a comma, or is long
    and unfinished (or as wide as the page's printed lines), and this one starts no numbered
    paragraph."""
    kind, _, _ = split_marker(line)
    if kind is not None or label_line(line) is not None:
        return False
    # (a paragraph's first line is indented two characters: "　　3.开展…")
    indent = _INDENT if previous == last else 0
    full = wrap is not None and _width(last) >= wrap - _WRAP_SLACK - indent
    return previous[-1] in _MID_SENTENCE or (
        (len(previous) >= 30 or full) and previous[-1] not in _SENTENCE_END
    )


_WRAP_SLACK: Final = 3  # a printed line a few characters short of the width is still full
_INDENT: Final = 2  # the characters a printed paragraph's first line is indented by
_WRAP_LINES: Final = 6  # full lines, the fewest that show a page hard-wrapped at one width
_WRAP_WIDTHS: Final = (15, 45)  # the widths a printed page (a PDF's text layer) wraps at


def _width(line: str) -> float:
    """A printed line's width in Chinese characters (a half-width character is half of one)."""
    return sum(1 if ord(char) >= 0x2E80 else 0.5 for char in line)


def _double_spaced(lines: Sequence[str], wrap: float) -> bool:
    """Whether the written lines stand one a line between blank ones, nearly never two together,
    and most of them are printed lines as wide as the page."""
    written = [index for index, line in enumerate(lines) if line and not is_furniture(line)]  # (a page's menus aside)
    together = sum(second == first + 1 for first, second in pairwise(written))
    full = sum(_width(lines[index]) >= wrap - _WRAP_SLACK for index in written)
    return len(written) >= _WRAP_LINES and together * 10 <= len(written) and full * 2 >= len(written)


def _wrap_width(lines: Sequence[str]) -> float | None:
    """The width a PDF's text layer hard-wrapped the page at ("…加强党对基层治理的全面" / "领导"):
    the widest width that many lines reach within a few characters, and most of the long lines
    do; None for a page whose paragraphs are lines of their own."""
    widths = sorted(width for line in lines if (width := _width(line)) >= _WRAP_WIDTHS[0])
    for width in reversed(dict.fromkeys(widths)):  # the widest first, each width once
        if width > _WRAP_WIDTHS[1]:
            continue
        full = bisect_right(widths, width) - bisect_left(widths, width - _WRAP_SLACK)
        if full >= _WRAP_LINES and full * 2 >= len(widths):
            return width
    return None


_PLAN_TITLE: Final = re.compile(r"要点|分工|方案|计划|任务|安排|清单|台账|实施意见|细则|措施|实事|办法|规定|条例|规则")
# A notice that is itself the plan: "关于全面推进基层政务公开标准化规范化工作的通知" (not one that
# hands out or forwards another document).
_WORK_NOTICE: Final = re.compile(r"关于(?!印发|转发)[^《》]{2,60}(?:推进|加强|做好|开展)[^《》]{0,40}工作的通知$")


_COVER_ONLY: Final = (
    "这是印发方案的通知，所印发的方案正文不在文件中（可能在附件里）；文中的编号段落是通知本身的工作要求，"
    "都没有标注责任单位，未生成任务。请上传方案正文或附件"
)


# The covering notice's own sentence, where its title was lost: "现将《…任务分解表》印发给你们".
_HANDS_OUT: Final = re.compile(r"现将《[^》]{4,80}》印发给你们")


def _cover_only(meta: Metadata, lines: Sequence[tuple[int, str]], prose: ProseResult) -> bool:
    """A notice that hands out a plan ("关于印发…的通知") whose plan is not in the text: the
    plan's own title line never comes, and the numbered paragraphs (the notice's own requests,
    "提出如下工作要求") name no units."""
    handed_out = (meta.notice_title and "印发" in meta.notice_title) or any(
        _HANDS_OUT.search(compact(line)) for _, line in lines if "印发" in line
    )
    if not handed_out or any(item.units and not asked_in_passing(item.text) and item.number not in prose.further for item in prose.items):
        return False  # (its requests to the offices it sends the plan to, "各地各部门要…", are no plan)
    if any(_plan_part(line) for _, line in lines) and _outline_depth(lines) >= 2:
        return False  # the plan's own parts, 一、总体要求 over (一)指导思想…
    if any(_PLAN_OPENING.search(compact(fold_line(line))) for _, line in lines[:_OPENING_LINES]):
        return False  # the plan's opening, "…结合我市实际，制定本工作方案。", under the notice's title
    written = [line.strip() for _, line in lines if line.strip()]
    if any(
        re.match(YEAR_OPENING, compact(fold_line(line))) and split_marker(before)[0] is None
        for before, line in zip(written, written[1:], strict=False)
    ):
        # "2023年，全市政务公开工作要坚持以…": the plan's opening, wherever it stands (not the
        # body of the notice's own "一、统一思想认识")
        return False
    if _plan_after_signature([line for _, line in lines]) is not None:
        return False  # numbered paragraphs after the notice's signature: the plan, its title lost
    if _in_plan_parts(prose.items, _DUTIES_PART):
        return False  # items under "四、职责分工": a page from inside the plan the notice hands out
    title = compact(meta.title or "")
    written = [compact(clean_text(line)) for _, line in lines if line.strip()]
    # the title's line, or its lines when it wraps ("…《关于打好经济增长主动仗" "…措施》实施方案")
    shown = chain(written, ("".join(written[index : index + width]) for width in (2, 3) for index in range(len(written))))
    return not any(
        title and title in text and len(text) <= len(title) + 8
        and "印发" not in text  # the covering notice's own title line
        for text in shown
    )


def _plan_after_signature(lines: Sequence[str]) -> int | None:
    """The index of the covering notice's signature date when two numbered paragraphs or more
    follow it (the plan handed out, whose title line was lost), else None."""
    signed = signed_at(lines)
    if signed is None or sum(split_marker(line.strip())[0] is not None for line in lines[signed + 1 :]) < 2:
        return None
    return signed


def _attachment_after_signature(lines: Sequence[str]) -> int | None:
    """Where the plan starts when the covering notice is signed and an attachment follows it
    ("市人大社会建设委员会" "2023年7月24日" "附件:" "2023年…民生实事项目" "一、…"): the notice's own
    numbered requests are not the plan's tasks."""
    signed = _plan_after_signature(lines)
    if signed is None:
        return None
    following = [i for i in range(signed + 1, min(len(lines), signed + 4)) if lines[i].strip()]
    if following and _ATTACHMENT_LINE.match(compact(lines[following[0]])):
        return following[0] + 1
    return None


_ATTACHMENT_LINE: Final = re.compile(r"^附件\d*[:：]?$")


# The parts a plan opens with and a covering notice does not have: "一、总体要求", "(一)指导思想".
_PLAN_PART: Final = re.compile(r"^(?:总体要求|指导思想|工作目标|基本原则|主要任务|重点任务)[。:：]?$")


_OPENING_LINES: Final = 20


def _outline_depth(lines: Sequence[tuple[int, str]]) -> int:
    """How many kinds of outline markers the lines use: a plan nests (一、 over (一) over 1.),
    a covering notice's own requests ("一、总体要求 二、工作安排 三、保障措施") stay one level."""
    return len({split_marker(line.strip())[0] for _, line in lines} - {None})


def _plan_part(line: str) -> bool:
    kind, _, rest = split_marker(line.strip())
    return kind is not None and _PLAN_PART.match(compact(rest)) is not None


# A caption of an office's duties ("主要职责", "部门职责"), over them
_DUTIES_CAPTION: Final = re.compile(r"[\u4e00-\u9fff]{0,20}(?:部门|主要|工作|科室|内设机构)(?:职责|职能)")


# Whom a notice is sent to, on a line of its own: "各村(居)民委员会、各有关单位:"
_SALUTATION: Final = re.compile(r"^各[^。；;:：]{2,80}[:：]$")


def _last_label(text: str) -> str:
    """A paragraph without a stop, or the last of the labels it lists ("工作职责,内设机构,工作职责")."""
    text = compact(text)
    return "" if re.search(r"[。；;:：]", text) else re.split(r"[,，、]", text)[-1]


def _office_page(first: str, paragraphs: Sequence[tuple[int, str]]) -> Assignment | None:
    """An office's own page: its name alone on the first line, a caption of its duties further
    down ("杭州市无线电管理局" … "主要职责" over "一、…"): the office whose duties they are."""
    if not any(_DUTIES_CAPTION.fullmatch(compact(text)) for _, text in paragraphs[:12]):
        return None
    return duties_title_assignment(compact(first) + "职责")


# The opening of key points that lost their title: "2025年本镇政务公开工作的总体要求是：…",
# "2020年,市统计局政务公开工作要以…为指导", "2023年,区行政审批局将以…为主线",
# "…结合街道工作实际，特制定中都街道政务公开工作实施方案。".
_ENACTING: Final = re.compile(rf"^{MARKERS['article']}")
_PLAN_OPENING: Final = re.compile(
    r"政务公开(?:工作)?的?(?:总体要求|主要任务|重点任务)是"
    # a page of an office's duties ("部门职责" then "(一)负责…"): each duty is its work
    rf"|^{_DUTIES_CAPTION.pattern}\s*(?:[(（][一1][)）]|[一1][、.．])"
    rf"|{YEAR_OPENING}"
    r"|(?:特|现)?(?:制[定订]|拟定|提出)(?:本|如下)?[^。；]{0,30}?(?:工作要点|方案|实施意见|任务清单|要点|措施|实施办法)"
    # an opinion's opening, "现就…提出如下意见", "结合我市实际提出以下意见" (never a covering
    # notice's "…印发给你们，并提出如下意见")
    r"|(?:现|结合[^。；]{0,20}?)(?:就[^。；]{2,60}?)?(?:提出|制定)(?:如下|以下)意见"
    r"|制[定订][^。；]{2,50}?(?:职责|责任|任务)清单(?:如下|。)"  # "制定…第一责任人职责清单如下。"
    r"|第一条[^；]{4,300}?制[定订]本[^\W，,。]{0,10}?(?:办法|规定|条例|细则|制度|规则)"  # a rule's basis article
    # "具体来说，要做好以下几方面的工作。", "重点抓好以下五项工作："
    r"|(?:做好|抓好|完成|落实)(?:以下|如下)(?:几方面|几项|[一二三四五六七八九十\d]+(?:个方面|项))?的?(?:重点)?工作"
    # "…的15件大事和民生实事", "2024年为民办实事项目": a list of the year's projects follows
    r"|[\d一二三四五六七八九十]+[件项](?:大事|实事|民生实事|惠民实事)|(?:为民办|民生|惠民|为民)实事"
    r"|重点工作的?任务分工(?:方案)?[》>]"  # "《…关于落实〈政府工作报告〉重点工作的任务分工》公开征求意见"
    # "…通过五项要求安排部署…", "着力构建四项长效机制", "坚持“三步走”": the measures counted, listed below
    r"|(?<![一\d])[二三四五六七八九十两\d](?:项|条|个)[^\W的]{0,4}?(?:要求|措施|机制|举措|任务|制度)|[二三四五六七八九十两]步走"
)


def _outline_kinds(lines: Sequence[str]) -> set[str]:
    """The marker kinds of numbered headings standing right above tables ("二、重点工作任务分解")."""
    return {kind for kind, _, _ in map(split_marker, (line.strip() for line in lines)) if kind}


def _choose(
    meta: Metadata,
    table_items: list[Item],
    prose: ProseResult,
    openings: Sequence[str] = (),
    table_outline: set[str] | frozenset[str] = frozenset(),
) -> tuple[PlanKind, list[Item], list[str]]:
    """Which reading of the document is the plan, and a note on what else was found."""
    if table_items:
        # A prose list beside the table: its items that name their units are the plan's too, and
        # all of them when the table stands under a heading of the same outline ("一、工作要点"
        # with its numbered tasks, then "二、重点工作任务分解" and the table).
        annotated = [
            item
            for item in prose.items
            if (item.units and not item.units_inherited and not asked_in_passing(item.text)) or _same_outline(item, table_outline)
        ]
        if not annotated:
            return PlanKind.TABLE, table_items, []
        note = f"表格之外另有{len(annotated)}段文字标注了责任单位，已作为任务一并导入，请核对"
        return PlanKind.TABLE, sorted([*annotated, *table_items], key=lambda item: item.line), [note]
    planned = (
        _PLAN_TITLE.search(meta.title or "")
        or _WORK_NOTICE.search(meta.title or "")
        or any(_PLAN_OPENING.search(compact(opening)) for opening in openings)
    )
    if prose.annotated or (prose.items and (planned or _scheduled(prose.items) or _in_plan_parts(prose.items, _WORK_PART) or _measures(prose.items)
                                            or _duties(prose.items))):
        return PlanKind.PROSE, list(prose.items), list(prose.warnings)
    found = (
        f"文中有{prose.numbered}个编号段落（如“{prose.sample}”）"
        if prose.numbered
        else "文中没有编号段落"
    )
    note = f"未找到任务分工表，也没有标注责任单位的条目；{found}，均未标注责任单位，看来不是工作要点或分工方案（可能是评价标准或一般通知），未生成任务"
    return PlanKind.NOT_A_PLAN, [], [note]


def _in_plan_parts(items: Sequence[Item], parts: re.Pattern[str]) -> bool:
    """Whether the items stand under the parts ``parts`` matches, the parts an implementation plan
    has ("四、工作措施", "四、职责分工", "六、工作步骤"): a page of a plan whose title is on another page."""
    return any(parts.match(compact(section)) for item in items for section in item.section[:1])


_PART: Final = r"^[一二三四五六七八九十]{1,2}[、.．]"
# "四、职责分工", "五、部门职责": the part of a plan that gives each unit its duties (a covering
# notice's own requests never have one)
_DUTIES_PART: Final = re.compile(rf"{_PART}[^，,。；;]{{0,20}}?(?:职责分工|任务分工|部门职责|工作职责)$")
_WORK_PART: Final = re.compile(
    rf"{_PART}(?:主要|具体|重点|保障)?(?:工作)?(?:措施|步骤|任务|内容|安排)|{_DUTIES_PART.pattern}"
    rf"|{_PART}[^，,。；;]{{0,20}}?(?:实施步骤|进度安排|保障措施|工作措施|具体措施|主要任务|重点任务|工作步骤)$"
)  # "五、建立城市管理长效机制的保障措施"


# "(一)强化城乡社会治安综合管理。…", "(二)完善基层司法联调机制。…": a measure's heading sentence, a verb
# of what is to be built or strengthened first
_MEASURE: Final = re.compile(
    r"^(?:强化|完善|整合|推进|加强|建立|健全|深化|落实|规范|提升|优化|加快|抓好|做好|严格|创新|构建|扎实|全面|持续|着力|切实|积极|大力)"
    r"[^，,。；;]{2,24}[。；;]"
)


def _measures(items: Sequence[Item]) -> bool:
    """Whether the paragraphs are measures: three or more under one part, each opening with its
    heading sentence of what is to be done, and one at least naming its offices."""
    headed = [
        item for item in items
        if _MEASURE.match(compact(split_marker(item.section[-1])[2] + "。" if item.section else item.text))
    ]
    return len(headed) >= 3 and len(headed) * 4 >= len(items) * 3 and any(item.units for item in items)


def _duties(items: Sequence[Item]) -> bool:
    """Whether the paragraphs are an office's duties, its name on a page before this one: three or
    more, nearly all opening with a verb of duty ("(四)归口管理全市因公出国(境)工作;…" "(五)负责与…")."""
    dutiful = sum(bool(_DUTY_VERB.match(compact(item.text))) for item in items)
    return dutiful >= 3 and dutiful * 4 >= len(items) * 3


_DUTY_VERB: Final = re.compile(f"(?:{DUTY_VERBS}|归口管理|统筹|配合|协助)")


def _scheduled(items: Sequence[Item]) -> bool:
    """Whether the paragraphs are a schedule: three or more, most of them closed by the time they
    are due ("1.召开全市民族工作会议，研究部署…。4月份" "2.…。12月底前"), or three steps opened by their
    time ("2011年3月至4月,成立编纂机构…")."""
    timed = sum(
        is_deadline_like(tail) and len(tail) <= _TIME_TAIL
        for tail in (re.split(r"[。；;]", item.text.rstrip())[-1].strip() for item in items)
    )
    steps = sum(opens_with_time(item.text) for item in items)
    return len(items) >= 3 and (timed * 3 >= len(items) * 2 or steps >= 3)


_TIME_TAIL: Final = 10


# The covering notice's sentence that gives units to every task: "除特别注明的外，各县(市、区)政府和
# 金华开发区…管委会都是配合单位", "除另有注明外，各区政府均为责任单位".
_NOTICE_UNITS: Final = re.compile(
    r"除(?:特别|另有|已)?(?:注明|标明|明确)的?(?:以)?外[，,]?(?P<units>[^。；;]{2,120}?)"
    r"(?:都|均)(?:是|为|作为)(?P<role>配合|协办|参与|责任|落实)?(?:单位|部门)"
)


def _with_notice_units(items: Sequence[Item], segments: Sequence[_Segment]) -> list[Item]:
    """The items with the units the covering notice gives every task, after their own: as leads
    too where an item's own list marks no lead, never where they only assist."""
    for segment in segments:
        for line in segment.lines:
            match = _NOTICE_UNITS.search(compact(fold_line(line)))
            found = parse_annotation(match["units"] + "负责") if match else None
            if match is not None and found is not None:
                assisting = match["role"] in ("配合", "协办", "参与")
                return [_add_units(item, found.units, assisting) for item in items]
    return list(items)


def _add_units(item: Item, units: Sequence[str], assisting: bool) -> Item:
    extra = tuple(unit for unit in units if unit not in item.units)
    if not extra:
        return item
    unmarked = item.lead_units == item.units
    leads = (*item.lead_units, *extra) if unmarked and not assisting else item.lead_units
    return replace(item, units=(*item.units, *extra), lead_units=leads)


def _same_outline(item: Item, kinds: set[str] | frozenset[str]) -> bool:
    """An item under a heading of the outline the table continues, that reads like a task: not
    a citation ("《条例》；", the 主要依据 of a catalogue) nor a label line ("责任主体：…")."""
    if not item.section or split_marker(item.section[0])[0] not in kinds:
        return False
    return not _NO_TASK.search(compact(item.text))


_NO_TASK: Final = re.compile(r"^[^：:，。]{2,6}[：:]|^【[^】]{2,8}】|《[^》]*》[^，。]{0,12}[；;，,。]?$|^.{0,10}$")


_DATE_LINE: Final = re.compile(
    r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[〇○零一二三四五六七八九十]{4}年"
)
_UNREAD_SHOWN: Final = 30


def _unread(unread: Sequence[tuple[int, str]], meta: Metadata) -> list[tuple[int, str]]:
    """The lines that are neither furniture nor part of an item, without the notice's own
    furniture: its title and issuer, dates, the salutation ("各县区人民政府：")."""
    known = {meta.title, meta.notice_title, meta.issuer, meta.doc_number}
    lines = []
    for number, text in unread:
        shown = clean_text(text)
        if (
            len(shown) < 4
            or compact(shown) in known
            or _DATE_LINE.match(shown)
            or shown[-1] in "：:"
        ):
            continue
        lines.append((number, shown))
    return lines


def _unread_warnings(unread: Sequence[tuple[int, str]]) -> list[str]:
    """Each run of unread lines by line number, so that a clerk sees at once what the import
    left out."""
    runs: list[tuple[int, int, str, int]] = []  # first and last line, the first text, how many
    for number, shown in unread:
        if runs and number <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number, runs[-1][2], runs[-1][3] + 1)
        else:
            runs.append((number, number, shown, 1))
    notes = [
        # one line of a page that lost its breaks may hold several pieces left out: say how many
        f"第{first}{'' if last == first else f'–{last}'}行{f'有{count}段文字' if last == first and count > 1 else ''}"
        f"未导入为任务：“{shown[:30]}{'…' if len(shown) > 30 else ''}”{'等' if last == first and count > 1 else ''}"
        for first, last, shown, count in runs[:_UNREAD_SHOWN]
    ]
    if len(runs) > _UNREAD_SHOWN:
        notes.append(f"另有{len(runs) - _UNREAD_SHOWN}处文字未导入为任务，请对照原文核对")
    return notes


def _metadata_warnings(meta: Metadata) -> list[str]:
    warnings = []
    if meta.title is None:
        warnings.append("未能识别标题")
    if meta.year is None:
        warnings.append(
            "未能确定计划年度（标题和落款都没有年份），“年底前”等期限未换算成日期；可用 --year 指定"
        )
    return warnings


def _deadline_warnings(items: Sequence[Item]) -> list[str]:
    """Deadlines that were written but could not be read, and "X月前" read as the month before's
    end (the writer may have meant X's end), once per wording."""
    unread: dict[str, list[str]] = {}
    before: dict[tuple[str, date], list[str]] = {}
    for item in items:
        deadline = item.deadline
        if deadline.raw and deadline.date is None and deadline.recurrence is None:
            unread.setdefault(deadline.raw, []).append(item.number)
        elif deadline.raw and deadline.date is not None and before_month(deadline.raw):
            before.setdefault((deadline.raw, deadline.date), []).append(item.number)
    notes = [
        f"完成时限“{raw}”未能识别为日期或周期（第{'、'.join(numbers)}条），请核对"
        for raw, numbers in unread.items()
    ]
    notes += [
        f"完成时限“{raw}”按前一个月的月底计（{day.isoformat()}），也可能指该月月底，请核对"
        f"（第{'、'.join(numbers)}条）"
        for (raw, day), numbers in before.items()
    ]
    return notes
