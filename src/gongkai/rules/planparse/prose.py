"""Prose notices (工作要点): numbered paragraphs, each ending in a unit annotation.

The outline is read from the markers as they appear ("一、" / "(一)" or "（一）" / "1." / "(1)" /
"①"): the first kind seen is the outermost level, as in any Chinese official document. A
numbered paragraph with numbered paragraphs under it is a heading (a section); one without is an
item. An item's annotation is its own ("(市财政局牵头落实)"), or a line of its own after it
("责任单位：…"), else its section's; without any it has no units and is reported for review.

Items are numbered 1, 2, 3… in document order (CONTRACTS.md §1's example): a published 分工方案
numbers its rows so. A paragraph's lead-in sentence ("(一)推进决策和执行公开。") is the last
entry of its section and is left out of its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Final

from gongkai.rules.planparse.annotations import (
    CHAPTER_RUN_IN,
    ENDS_ON_ROLE,
    THE_REST,
    UNIT_GROUP,
    WORK_GIVEN_TO,
    Assignment,
    LeadRule,
    assign,
    cut_fragment,
    duties_of_heading,
    duties_title_assignment,
    label_column,
    label_line,
    opening_duty,
    parse_annotation,
    performed_duties,
    section_assignment,
    sharing_ending,
    split_annotated,
    split_trailing_annotation,
    unbracket,
)
from gongkai.rules.planparse.cells import (
    BULLETS,
    CellKind,
    Column,
    classify,
    is_unit_phrase,
    looks_like_units,
)
from gongkai.rules.planparse.deadlines import (
    find_deadline_in_text,
    find_recurrence_in_text,
    is_deadline_like,
    parse_deadline,
)
from gongkai.rules.planparse.metadata import signed_at
from gongkai.rules.planparse.model import NO_DEADLINE, Item, Recurrence
from gongkai.rules.planparse.normalize import chinese_number, clean_text, compact
from gongkai.rules.vocabulary import (
    ASSIST_LABELS,
    DEADLINE_LABELS,
    DUTY_LABELS,
    DUTY_VERBS,
    JOINED_FIELDS,
    LABEL_NOUNS,
    LEAD_LABELS,
    MARKERS,
    PERSON_LABEL,
    PROGRESS_LABEL,
    UNIT_ENDINGS,
    UNIT_LABEL,
    marker_number,
)

_PART_TAIL: Final = r"\s*[、.,，:：]?"  # 第一部分：
_MARKERS: Final = tuple(
    (kind, re.compile("^" + source + (_PART_TAIL if kind in ("part", "article") else "") + r"\s*"))
    for kind, source in MARKERS.items()
)
_FRAGMENT: Final = 15  # an unannotated piece after a paragraph's last annotation, shorter: no task
_LEAD_IN_LIMIT: Final = 40  # "(一)推进决策和执行公开。" is a heading sentence, a long one is not


@dataclass
class _Node:
    """A numbered (or annotated) paragraph while the outline is read (internal, mutable)."""

    level: int
    marker: str  # the marker as written, "(一)"; "" for an unnumbered annotated paragraph
    body: str  # the paragraph without its marker and annotation
    annotation: Assignment | None = None
    labels: list[str] = field(default_factory=list)  # "责任单位：…" lines after it
    notes: list[str] = field(default_factory=list)  # "牵头领导：…" lines after it (a person)
    parent: _Node | None = None
    children: int = 0
    line: int = 0  # the line (paragraph) of the document it starts on
    # the paragraph that became the body of a heading standing alone on its line ("(一)加强解读"
    # then "扩大解读范围。…"), while the heading has nothing else under it
    joined: str | None = None
    bulleted: bool = False  # an unnumbered paragraph opening with a bullet ("● …")


@dataclass(frozen=True)
class ProseResult:
    items: tuple[Item, ...]
    warnings: tuple[str, ...]
    numbered: int  # numbered paragraphs seen, items or not
    annotated: int  # items with a unit annotation of their own or of their section
    sample: str  # the first numbered paragraph, to say what was found
    unread: tuple[tuple[int, str], ...] = ()  # (line, text) of paragraphs that are no item's
    further: frozenset[str] = frozenset()  # numbers of items whose units only a later sentence names


# "(二加强涉及减税降费的信息公开。": a page that lost the closing bracket of "(二)" (not "(一般…",
# "(一是…": words that start with a numeral)
_LOST_CLOSE: Final = re.compile(
    r"^[(（](?P<n>[一二三四五六七八九十]{1,3})"
    r"(?![一二三四五六七八九十)）般些是律体样致并同起次批个项年站线级流贯切])(?=[\u4e00-\u9fff])"
)


# "、着力加强公开解读回应工作": a heading whose numeral the page lost (its 、 is still there); a
# longer "、充分利用党建网…": an item of a list whose digits ("1、") a copy dropped.
_LOST_NUMERAL: Final = re.compile(r"^、(?=[\u4e00-\u9fff]{4,40}$)")
_LOST_DIGITS: Final = re.compile(r"^、(?=[\u4e00-\u9fff“《])")
# "2加快市场主体培育" over "牵头单位:市工商局": a short task name whose number lost its stop
_GLUED_NUMBER: Final = re.compile(r"^\d{1,2}(?![\u4e00-\u9fff]?[年月日个项条次所家人万元户])(?=[\u4e00-\u9fff]{4,30}$)")


# "?。ㄒ唬┐_定公開范圍。": a heading whose "（一）確" a wrong encoding turned into box-drawing and
# bopomofo characters, which Chinese prose never uses; the rest is the heading's phrase.
_GARBLED_MARKER: Final = re.compile(r"^.{0,8}[\u2500-\u257f\u3100-\u312f\ufffd][_?？。]*")
_GARBLED_HEADING: Final = 30


def split_marker(paragraph: str) -> tuple[str | None, str, str]:
    """(marker kind, marker as written, rest) of a paragraph; (None, "", paragraph) if none."""
    for kind, pattern in _MARKERS:
        match = pattern.match(paragraph)
        if match:
            return kind, match[0].strip(), paragraph[match.end() :]
    garbled = _GARBLED_MARKER.match(paragraph)
    if garbled and len(paragraph) <= _GARBLED_HEADING and paragraph[garbled.end() :].strip():
        return "cn_paren", garbled[0].strip(), paragraph[garbled.end() :]
    if _LOST_NUMERAL.match(paragraph):
        return "cn", "、", paragraph[1:]
    if _LOST_DIGITS.match(paragraph):
        return "lost", "、", paragraph[1:]
    lost = _LOST_CLOSE.match(paragraph)
    if lost and ")" not in paragraph[:12] and "）" not in paragraph[:12]:
        return "cn_paren", f"({lost['n']})", paragraph[lost.end() :]
    return None, "", paragraph


# "盧杰恩(農業局)", "组 长:贺修虎(党委副书记、镇长)", "赵忠孝(市政府副秘书长)": a member of a
# group with the office or post they come from, no task
_MEMBER_LINE: Final = re.compile(
    r"^\s*(?:(?:副?组\s*长|成\s*员|组\s*员|副?指挥长)\s*[:：]\s*)?"
    r"(?![各第序本全市县区省州镇乡村街])[\u4e00-\u9fff][ \u3000]?[\u4e00-\u9fff]{1,2}\s*[(（][^()（）]{2,30}[)）]\s*$"
)


# The first marker of each kind, for a page that opens inside a list
_FIRST_MARKER: Final = {"cn_paren": "(一)", "cn": "一、", "arabic": "1.", "arabic_paren": "(1)"}


def _first_marker_restored(paragraphs: Sequence[tuple[int, str]]) -> Sequence[tuple[int, str]]:
    """A stored page that opens inside a list, its first item's marker lost with the page before
    ("票据统管。即…由旗县市(区)财政部门管理…。" then "(二)配合…"): the first paragraph is the first item."""
    if len(paragraphs) < 2 or split_marker(paragraphs[0][1])[0] is not None:
        return paragraphs
    (line, first), (_, second) = paragraphs[0], paragraphs[1]
    kind, marker, _ = split_marker(second)
    restored = _FIRST_MARKER.get(kind or "")
    two = marker_number(marker) == 2 or re.sub(r"[(（)）、.．\s]", "", marker) == "二"
    # (both are items: "(二)街镇政府采购监管机构及职责" is a heading, what stands above it another)
    if restored is None or not two or min(len(compact(first)), len(compact(second))) < 2 * _FRAGMENT or first.rstrip()[-1:] not in "。；;":
        return paragraphs
    return [(line, restored + first.strip()), *paragraphs[1:]]


def read_prose(
    paragraphs: Sequence[tuple[int, str]],
    year: int | None,
    leads: LeadRule | None = None,
    owner: Assignment | None = None,
) -> ProseResult:
    """Items of a prose notice from its paragraphs (folded, furniture and tables removed), each
    with the line it starts on; ``leads`` is the notice's convention for unmarked unit lists and
    ``owner`` the office whose duties the page's title says it lists (the units of every item
    that names none)."""
    unread: list[tuple[int, str]] = []
    kept: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        (unread if _MEMBER_LINE.match(paragraph[1]) else kept).append(paragraph)
    paragraphs = _first_marker_restored(_offices_over_duties(_labels_joined(_duty_cells_labelled(kept))))
    nodes = _outline(paragraphs, unread)
    # ("二、整改实施主体" over "宣城市委、市政府": who does every task, no task of its own)
    named_part, part_units = next(((node, found) for node in nodes if (found := _units_part(node)) is not None), (None, None))
    heading_duty = _duty_above_all(paragraphs, nodes) or owner or _office_over_duties(paragraphs, nodes) or part_units
    flat = not any(node.children for node in nodes if node.level == 0)
    # (a whole sentence is a task there too, "一、贯彻执行…的方针、政策和规章。", but for the close of
    # a list of what a campaign targets, "(四)“克隆”出租车;" then "(五)恶势力操纵的…团伙。")
    sentences = {
        id(node) for index, node in enumerate(nodes)
        if (_SENTENCE_END.search(node.body) and not (
            index and nodes[index - 1].level == node.level and nodes[index - 1].body.rstrip().endswith(("；", ";"))
        )) or (_CLAUSE_END.search(node.body) and _WORK_START.match(compact(node.body)))  # ("5、组织开展…培训工作;")
    }
    if nodes and _cut_short(nodes[-1]):
        # "(三)提升依申请公开办": the page ends inside it; its heading above stays a heading
        cut = nodes.pop()
        unread.append((cut.line, cut.marker + cut.body))
    items: list[Item] = []
    annotated = 0
    requested: set[int] = set()  # (ids of) nodes whose units the sentence after their heading sentence gives
    asked = 0  # items with such units
    further: set[int] = set()  # (ids of) nodes whose units a later sentence gives
    named_further: set[str] = set()  # the numbers of items with such units: they never make a plan by themselves
    known = _named_units(nodes)
    listed = _offices_listed(nodes)
    standing: tuple[str, ...] = ()  # "以下任务均需X落实": X does every item from here on
    ranged: _Range | None = None  # "(1-4项…完成时限：全年工作)": the deadline of items 1 to 4
    # the headings over numbered "X负责…" items (ids of their nodes), the items before the first
    # such one too ("5、市总工会重点抓好…" above "9、市委督查室…负责督查…")
    duty_lists = {
        id(node.parent) for node in nodes
        if node.marker and not node.children and node.annotation is None and not node.labels and not _is_article(node)
        and _subject_duty(node.joined or node.body) is not None
    }
    summed: set[int] = set()  # (ids of) articles that are one item with the points they list
    points = _list_points(nodes) if any(map(_is_article, nodes)) else set()
    for node in nodes:
        if node is named_part:
            continue
        if node.parent is not None and id(node.parent) in summed:
            continue
        if node.children and not _lists_what(node):
            continue
        if node.annotation is None and not node.labels and known:
            node.body, node.annotation = _glued_annotation(node.body, known)
        if node.annotation is None and not node.labels and (duty := _duties_of(node.body)) is not None:
            node.annotation, node.body = duty  # "(十)城管部门职责:负责对乱停乱放…"
        if node.annotation is None and not node.labels and (duty := _offices_then_duty(node.body, id(node) in listed)) is not None:
            node.annotation, node.body = duty  # "(二)民政局、红十字会:负责灾后救济工作宣传…"
        if node.annotation is None and not node.labels and (quota := _quota(node)) is not None:
            node.annotation = quota  # "⒈州发改委、经信委、农业局各5条;" under "…每月向州政府报送…任务如下:"
        if node.annotation is None and not node.labels and (duty := _closing_duty(node.body)) is not None:
            node.annotation, node.body = duty  # "…。由社会建设委员会负责做好相关工作。"
        timed = node.annotation if node.annotation is not None and not node.annotation.units and node.joined else None
        if (node.annotation is None or timed) and not node.labels and not _preamble(_uncaptioned(node), _is_article(node)):
            # (under an office's heading, "(一)民政部门", a "由X负责" inside an item is a detail of
            # the office's duty: "…萍乡城区内的由安源区福利院负责安置。"; a rule's basis, scope,
            # penalty or principle, "…实行党委领导、政府负责…的原则。", names no one who does it;
            # a heading's time, "(一)设置…(完成时限:…)。" over "X牵头,…", names no one either)
            given = node.parent is None or _heading_units(node.parent) is None
            work = _uncaptioned(node)
            background = _background(node)
            node.annotation = opening_duty(work) or _asked(node.body) or _subject_duty(work, given, modal=not background)
            if timed is not None:
                node.annotation = replace(node.annotation, deadline_raw=timed.deadline_raw) if node.annotation else timed
            if node.annotation is None and not known and (node.marker or node.parent is not None) and not background \
                    and (after := _after_heading_sentence(node)) is not None:
                node.annotation = after[0]
                (requested if after[1] else further).add(id(node))
            if node.annotation is None and _is_article(node) and not background:
                node.annotation = _article_duty(work)
        if node.annotation is None and not node.labels and node.marker and (id(node.parent) in duty_lists or _duties_heading(node.parent)) \
                and (node.parent is None or _heading_units(node.parent) is None):
            # "(七)民政部门配合做好…" after "(五)财政部门负责…", "1.县公安局保障…" under "四、工作
            # 职责": an office's part in other words (under "2、市领导小组的职责。" the office is named,
            # and "(2)确定市级有关部门…的职责" is its duty)
            node.annotation = _office_subject(node.joined or node.body)
        if node.marker and node.annotation is not None and _subject_duty(node.joined or node.body) is not None:
            duty_lists.add(id(node.parent))
        if node.children:
            if node.annotation is None:
                continue  # (what a check covers, no one's work: "第二十六条 监督检查的主要内容:")
            summed.add(id(node))
            node.body = "\n".join([node.body, *(child.marker + child.body for child in nodes if child.parent is node)])
        elif not (_is_item(node, flat or id(node) in sentences) or id(node) in points) or (_background(node) and _own(node) is None):
            unread.append((node.line, node.marker + node.body))
            continue
        item = _item(node, len(items) + 1, year, leads)
        own = _own(node)
        if own is not None and own.standing and own.standing_here:
            standing = own.standing
        item = _with_standing(item, standing, _annotation_of(node)[0])
        if own is not None and own.standing:
            standing = own.standing
        if not item.units and heading_duty is not None:
            item = replace(item, units=heading_duty.units, lead_units=heading_duty.leads_by(leads))
        if not item.units and _MATTERS.match(compact(node.body)):
            unread.append((node.line, node.marker + node.body))  # "(一)市委常委会议定的事项。": what is overseen
            continue
        ranged = _range_of(node, ranged)
        if ranged is not None and (own is None or own.deadline_raw is None):
            # an annotation's deadline, not a date in the task's text ("围绕年内实现…")
            item = replace(item, deadline=parse_deadline(ranged[2], year))
        annotated += bool(item.units)
        asked += bool(item.units) and id(node) in requested
        if item.units and id(node) in further:
            named_further.add(item.number)
        items.append(item)
    items, subjected = _same_subjects(items) if not known else (items, 0)
    annotated += subjected
    warnings = [
        f"第{item.number}条（{item.section[-1] if item.section else item.text[:20]}）没有标注责任单位，所在部分也没有，请指定"
        for item in items if not item.units
    ]
    if asked * _ASKED_SHARE < len(items):
        annotated -= asked  # (a few requests that say who make no plan)
    annotated -= len(named_further)  # (nor a covering notice's "…。保密行政管理部门每年…" deep in its request)
    numbered = [node for node in nodes if node.marker]
    sample = clean_text(numbered[0].marker + numbered[0].body)[:40] if numbered else ""
    return ProseResult(
        tuple(items), tuple(warnings), len(numbered), annotated, sample, tuple(sorted(unread)), frozenset(named_further)
    )


# A covering notice's list of what it hands out: "附件：1.2018年政府工作报告重点工作责任分解", then
# "2.…" on the next line.
_ATTACHMENTS: Final = re.compile(r"^附件[:：]?1[.、．]")


# A line of its own giving the requirement for the numbered problem or task above it.
# "水真路农贸市场 存在问题:…": an inspection's place, then what was found wrong there.
_PROBLEM_LINE: Final = re.compile(
    r"^(?P<place>[^\s:：，,。；;()（）]{2,20})[ \u3000]+(?:存在(?:的)?问题|主要问题|发现问题|问题)[:：]\s*(?P<problem>\S.*)$"
)
_MEASURES_BELOW: Final = re.compile(r"^(?:整改|具体|工作|主要)措施[:：]?$")


def _heads_measures(node: _Node, stack: Sequence[_Node]) -> bool:
    """Whether an unnumbered paragraph with its units (a problem found and who answers for it) can
    head the measures numbered below it."""
    return not node.marker and not node.children and (node.labels or node.annotation) is not None and (
        not stack or stack[-1] is node.parent
    )


_TASK_LABEL: Final = re.compile(r"^(?:重点工作|重点任务|工作任务|任务名称|任务内容|工作内容|活动内容|职责任务)\s*[:：]\s*(?P<task>\S.*)$")
# "1.活动时间:6月1日至6月7日。" "2.活动内容:…" "3.组织单位:…": the fields of one task, numbered.
_FORM_FIELD: Final = re.compile(r"^(?:(?:活动|工作|实施)(?:时间|地点|对象|方式)|完成时限)\s*[:：]")


def _form_numbers_dropped(paragraphs: Sequence[tuple[int, str]]) -> list[str]:
    """The paragraphs' texts, each without its number where it and a neighbour are numbered fields
    of one task ("2.活动内容:…" beside "3.组织单位:…")."""

    def field(text: str) -> str | None:
        kind, _, rest = split_marker(text.strip())
        is_field = _TASK_LABEL.match(rest) or _FORM_FIELD.match(rest) or label_line(rest) is not None
        return rest if kind in ("arabic", "arabic_paren", "arabic_half") and is_field else None

    fields = [field(text) for _, text in paragraphs]
    around = [None, *fields, None]
    return [
        rest if rest is not None and (around[index] is not None or around[index + 2] is not None) else text
        for index, ((_, text), rest) in enumerate(zip(paragraphs, fields, strict=True))
    ]


_REQUIREMENT_LABEL: Final = re.compile(r"^(?:整改要求|整改措施|具体要求|工作要求|工作措施|具体措施)\s*[:：]\s*")
# "由包片单位县气象局负责清除", "…的要求,由陈家坝沿线包片单位县职教中心、县消防大队负责对…": the units
# a requirement written as a sentence names, after 由 and the role noun before them.
_BY_UNITS: Final = re.compile(
    r"由(?:[^，,。；;由]{0,12}?(?:包片|牵头|责任|包保|联系)单位)?(?P<units>(?:[^，,。；;:：“”由]|[(（]以下简称[^()（）]{1,20}[)）]){2,80}?)"
    # ("由交通、公安、铁路等部门根据各自职责负责指挥应对工作": the share each has)
    r"(?:(?:根据|按照|依照)(?:各自|自身)?(?:的)?(?:职责|职能)(?:分工)?)?(?:全面|具体|统一|直接|自行|共同)?"
    r"(?:(?P<role>牵头|负责)(?!人|同志|领导|解释|的)|督促|组织实施|具体实施|组织(?=[，,。；;:：])|(?<=统一)领导(?=[，,。；;]|$)|(?<=共同|统一)管理(?=[，,。；;]|$)|主管(?=[，,。；;]|$)|作为(?:执法|责任|实施|监管)主体|(?:分别)?(?:审核|审查|核查|核实|受理|考评|考核|督办|办理)(?![\u4e00-\u9fff])|承办(?=[。；;]|$)"
    # ("由市环保局组成考核验收小组,…", "内网设备…由电教中心依据…有关规定进行管理和维护。")
    r"|组成(?=[^，,。；;]{0,8}?(?:小组|组|队))|联合(?=开展|实施|组织|进行|推进)|(?:(?:依据|根据|按照|依照)[^，,。；;由]{2,30}?)?进行(?:管理|维护|监督|检查|审核|验收))"
    # ("由X负责的…项目": a list of each unit's projects; "由包片单位县文广局督促住户移走…": who sees
    # that it is done; "实际居住证明由区住房城乡建设委审核。": who examines what; "全县招商工作由县招商
    # 指挥部统一领导。", "专项资金由省文化和旅游厅与省财政厅共同管理,…", "…工程,由县农村供水管理总站统一管理;",
    # "由住建办、文体中心、村委会联合开展…": who do it together)
)


# "数据入账。由计划管理督察股对照“两清单”建立整改台账": a sentence opening with the office by 由,
# then what it works by
_BY_OPENING: Final = re.compile(
    r"(?:^|(?<=[。；;]))由(?P<units>[^，,。；;:：“”由]{2,30}?)(?=对照|依照|按照|根据|依据|结合|通过)"
)


# "由省发展改革委会同省地震局尽快组织编制…": the office a sentence opens with by 由, leading those it
# works with
_BY_WITH: Final = re.compile(
    # ("考核工作在市政府领导下,由X、Y会同A、B等有关部门和单位组成考核工作组负责具体实施": after the
    # sentence's first clause too;
    # "农村医疗救助基金年度收支计划由县民政局会同财政部门拟定…": after what it makes)
    r"^(?:[^，,。；;由]{2,30}[，,]?)?由(?P<lead>[^，,。；;:：“”由]{2,30}?)会同(?P<units>[^，,。；;:：“”由]{2,120}?)"
    r"(?=尽快|抓紧|及时|共同|联合|对|做好|开展|组织|制定|制订|编制|拟定|拟订|起草|研究|进行|负责|组成)"
)


def _by_clause(body: str) -> Assignment | None:
    text = compact(body)
    if (by := _BY_WITH.match(text)) is not None and (led := _led_with(by["lead"], by["units"])):
        return led
    match = _BY_UNITS.search(text) or _BY_OPENING.search(text)
    # ("由交通、公安、铁路等部门根据各自职责负责…": the fields before their generic tail)
    found = _clause_duty(match) or (_fields_subject(match["units"], _FIELDS_ALONE) if match else None)
    if found is None or match is None:
        return None
    if (joined := _joined_later(text, match)) is not None:
        return joined  # "由市体育局牵头,会同市发展改革委、市财政局等部门对…验收"
    # ("由县工商局牵头,…;由县公安局牵头,…": each clause's own lead; not after a comma: "…由X负责,
    # 由包片单位Y督促…" more often names who oversees)
    for later in _LATER_BY.finditer(text, match.end()):
        more = _clause_duty(later)
        if more is not None and all(map(_strong_unit, more.units)):
            found = replace(
                found,
                units=tuple(dict.fromkeys(found.units + more.units)),
                lead_units=tuple(dict.fromkeys(found.lead_units + more.lead_units)),
            )
    assisting = _ASSISTING_AFTER.match(text, match.end())
    if assisting is not None:
        # "…由县规划局负责牵头查处,国土、城乡建委配合": those who assist, after the work ("由X负责
        # 组织,Y具体实施": X leads those who do it)
        role = "牵头" if assisting["role"].startswith("具体") else match["role"]
        both = _named(parse_annotation(f"{match['units']}{role}，{assisting['units']}{assisting['role']}"))
        if both is not None:
            return both
    return found


_LATER_BY: Final = re.compile(r"(?<=[；;])由(?P<units>[^，,。；;:：“”由]{2,30}?)(?P<role>牵头|负责)(?!人|同志|领导)")


_ASSISTING_AFTER: Final = re.compile(
    # ("由县政府办牵头,各乡镇政府、各有关部门全力配合,于6月底前完成…": the work goes on after them)
    r"[^，,。；;]*[，,](?P<units>[^，,。；;:：“”]{2,60}?)(?:全力|积极|密切|主动)?(?P<role>配合|协助|协办|协管|参与|参加|具体实施|具体落实)(?=[，,。；;]|$)"
)


def _clause_duty(match: re.Match[str] | None) -> Assignment | None:
    """The units a clause names with their role (负责 where it says none), when every one of
    them ends like a unit."""
    if match is None:
        return None
    units = _WITHIN_AREA.sub("", match["units"])
    role = match.groupdict().get("role") or "负责"
    found = _named(parse_annotation(units + role))
    last = _JOINED_LAST.search(units) if found is None else None
    if last is not None and not any(joined in last[0] for joined in JOINED_FIELDS):
        # "劳动保障、建设和工商行政管理部门要…": the last two fields joined by 和, sharing the ending
        found = _named(parse_annotation(f"{units[: last.start()]}、{last[1]}、{last[2]}{role}"))
    return found


# "本市行政区域内的国家机关、社会团体…": where the bodies are, no part of their names
_WITHIN_AREA: Final = re.compile(r"^(?:本|全)?[省市县区州旗]?行政区域内的?")


def _named(found: Assignment | None) -> Assignment | None:
    """The assignment when every one of its units ends like a unit, and none opens with what is
    done to it ("设立宗教活动场所应当…": a place founded, no office) or says "whoever" ("凡…工作不力的
    地区和部门,要追究…": those found wanting, no office), else None."""
    if found is None or any(_DONE_TO.match(unit) for unit in found.units):
        return None
    return found if all(map(is_unit_phrase, found.units)) or sharing_ending(found.units) else None


_JOINED_LAST: Final = re.compile(r"、([\u4e00-\u9fff]{2,4})和([\u4e00-\u9fff]{2,8}(?:部门|单位))$")


_DONE_TO: Final = re.compile(r"(?:凡|对(?!口|外)|设立|设置|举办|开办|筹备|筹建|新建|改建|扩建|开展|推进|加强|完善|做好|落实|申请|使用|利用|从事)")


# "会议原则同意…，请县财政局按会议讨论意见作进一步修改完善": minutes ask an office to do the work.
_ASKED: Final = re.compile(
    r"(?:^|(?<=[，,。；;:：]))请(?P<units>[^，,。；;:：请]{2,40}?)(?:按照?|根据|会同|牵头|负责|抓紧|尽快|结合|认真|进一步|做好|对|于|在|制定|组织|开展|加强|落实|及时|上报|报送|明确|建立|将|严格|切实)"
)


# "市水务局负责组织…项目的实施，…", "市农办、市建设局…主要做好…", "省领导小组在省委、省政府领导下,
# 负责…": a duty written with its offices as the subject of the sentence.
# "按照“党政同责…”的工作要求,", "根据国务院的有关规定,": what a duty rests on, before its office
_ACCORDING: Final = r"(?:按照|根据|依照|依据)[^，,。；;由]{2,40}?[，,]"
# "疟疾传播季节,各地应当…", "村民委员会在换届选举期间,地方各级人民政府应…", "宣传月期间各单位要…",
# "在联审工作中,组织、审计、编办部门要…": when, before the office
_SEASON: Final = r"(?:[^，,。；;由]{2,20}?(?:季节|期间)|在[^，,。；;由]{2,20}?(?:工作|过程)中)(?:[，,]|(?=各))"
# "为进一步核实债权债务关系、…、减少化债资金支付环节,各地要…": what for, before the office
_PURPOSE: Final = r"为了?(?!民|人民)[^，,。；;由]{2,60}?[，,]"
# "自2008年起,市财政要…", "即日起市住房城乡建设管理、公安…等部门将…": from when, before the office
_FROM: Final = r"(?:(?:自|从)(?:\d{4}年|今年|明年|本年度)(?:起|开始)[，,]|(?:自|从)?即日起[，,]?)"
# "对旗政府办公室的约稿信息,各单位必须…": what it is about, before the office
_TOPIC: Final = r"(?:对|针对)[^，,。；;由]{2,30}?的[^，,。；;由]{1,12}?[，,](?=各)"
# "社会治安综合治理是全社会的共同责任,各级人民政府应当…": whose work it is, before the office
_EVERYONES: Final = r"[^，,。；;由]{2,30}?是全社会的共同(?:责任|义务|职责)[，,]"
_SINCE: Final = re.compile(f"^(?:{_FROM}|要求)")  # (also "要求财政、税务…等相关部门依法协助…")
_SUBJECT: Final = (
    # ("在省委领导下,X负责…"; "望各单位接到通知后要…", "要求各乡镇、各部门要…": the offices a notice
    # hopes or asks will do it)
    rf"^(?:在[^，,。；;由]{{2,24}}?(?:领导|指导|统一部署)下[，,]|{_ACCORDING}|{_SEASON}|{_PURPOSE}|{_TOPIC}|{_FROM}|{_EVERYONES}|(?:希?望|要求)(?=各))?"
    r"(?P<units>(?:[^，,。；;:：()（）“”由]|[(（][^()（）]{1,12}[)）]|[(（]以下简称[^()（）]{1,30}[)）]){2,80}?)"
    # ("盟市级人民政府办公室承担本地区政府网站的主管职责,负责…")
    r"(?:(?:按照|根据|依照|依据)[^，,。；;由]{2,24}?|在[^，,。；;由]{2,40}?(?:领导|指导|统一部署)下|承担[^，,。；;由]{2,30}?职责(?=[，,]负责)"
    r"|受[^，,。；;由]{2,20}?委托)?[，,]?"  # ("市排水管理处受市政工程局委托,具体负责…")
)
_SUBJECT_DUTY: Final = re.compile(
    _SUBJECT + r"(?:具体|全面|统一|主要)?(?:(?P<role>负责|牵头)(?!人(?!口)|同志|领导(?:[:：，,、。；;\s]|$)|解释|制(?![定订作发]))|主要(?:做好|承担)"
    r"|主管(?![部单机领])[^，,。；;]{2,40}?(?:工作|事业|事务)(?!的)|对[^，,。；;]{2,40}?负有[^，,。；;]{0,20}?职责"
    # "各级人民政府领导本行政区域内的妇女权益保障工作", "X领导并组织实施本行政区域内的…工作"
    r"|(?:统一)?领导(?:并|和)?(?:组织实施|组织|监督)?(?=本)[^，,。；;]{2,40}?(?:工作|事业|事务)"
    r"|领导(?=(?:本级|各)?(?:有关|相关)?部门(?:做好|开展|落实|实施))"  # "各级人民政府领导有关部门做好…"
    # "动物卫生监督机构组织实施本行政区域的动物防疫监督、检疫工作", "各辖区、各部门单位,组织开展…检查":
    # the work the office organises
    r"|组织(?:实施|开展)(?!的)"
    r"|统筹(?=全[省市县区州旗]|本)[^，,。；;]{2,40}?(?:工作|事业|事务)"  # "省人民政府统筹全省中小企业促进工作"
    r"|对[^，,。；;]{2,40}?负(?:总责|全责|主体责任)"  # "各包保单位对所包路段文明创建工作负总责"
    r"|依法对[^，,。；;]{2,60}?(?:进行|实施)[^，,。；;]{0,10}?(?:管理|监督|监管|检查)"  # "X依法对…宗教事务进行行政管理"
    r"|(?:主要|工作)?职责(?:是|为|有)[:：]"  # "X是…的责任主体,主要职责是:…": X's duties, inline
    # "国务院有关部门按照职责分工做好农田水利相关工作", "…等部门根据各自职责,做好…": the office's share
    r"|(?:(?<=职责)|(?<=职责[，,])|(?<=职责分工)|(?<=职责分工[，,]))(?:共同)?(?:做好|承担|落实)"
    r"|是[^，,。；;]{0,30}?(?:责任主体|落实主体|实施主体|主管部门|主管机关|监督管理部门|监管部门|(?<=的)职能部门)(?=[，,。；;]|$)"  # "地方各级人民政府是实施…计划的责任主体。", "X是本行政区域内的河道主管部门。"
    # "各区县3月20日下班前报送…", "市人社局每月10日前汇总…": the office and the day its report is due
    r"|(?P<dated>(?:于|在)?(?:每月|每季度|每年|(?:\d{4}年)?\d{1,2}月)(?:\d{1,2}日)?(?:下班)?(?:前|之前|底前)[，,]?(?:将|把)?(?:报送|上报|报|提交|完成|汇总)"
    # "各县市人民政府每月向州政府报送政务信息20条以上": the office and how often it reports
    r"|(?:每月|每季度|每半年|每年)向[^，,。；;]{2,12}?(?:报送|上报|报告|提交)"
    # "各辖市(区)党委政府每年不少于一次专题听取禁毒工作汇报": the office and how often at least
    r"|(?:每月|每季度|每半年|每年)(?:不少于|至少)[一二三四两\d]次))"
)
# "各县(市、区)政府要…", "县级以上人民政府应当…": offices as the subject of a duty word (not of
# "要求", "应急", "应用", "须知" …; "要对照" is one).
_SUBJECT_MODAL: Final = re.compile(
    # ("各市县在爱国卫生月活动中应…": the time or work it is done in between them)
    # ("各承办单位在提交…答复函时,要…", "各承办单位收到建议、提案后,要…", "各承办单位务必在…前完成…",
    # "各县、区2023年底前遴选…": the time it is due before its verb)
    _SUBJECT + r"(?:(?:在[^，,。；;“”]{2,24}?(?:中|期间|时|之后)|(?:收到|接到)[^，,。；;“”]{2,24}?后)[，,]?)?(?:每年|每半年|每季度|每月|定期)?(?:也|还|均|都|至少)?(?:要|应当|应(?!对(?!照))|务必|须|必须|需要|分别(?!由|[是为])|(?:\d{4}年(?:底|末)?|\d{1,2}月(?:底|末)?)前(?=[\u4e00-\u9fff]))(?![求点素件急用收答声变该知])"  # ("X每年应当向…报告", "X、Y分别提供…")
)


_WHAT_A_WORK_IS: Final = re.compile(r"^[^，,。；;:：]{2,40}是[^，,。；;:：]{2,60}[，,]")


def _subject_duty(body: str, given: bool = True, modal: bool = False) -> Assignment | None:
    """The offices a task's sentence opens with as its subject ("X负责…", "X、Y牵头…"; where
    ``modal``, "X要…", "X应当…" too), or (where ``given``) a clause gives the work to ("…,由X
    负责…")."""
    text = compact(body)
    if section_assignment(text) is not None or _CLOSES_ABOVE.match(text):
        # "各区、县(市)政府、市政府各部门负责落实的工作任务": a part's heading; "上述项目由区商务委
        # 牵头负责。": the units of the paragraphs above, no task of its own
        return None
    text = _TOPIC_LABEL.sub("", text)  # "直补方式:市财政局负责制定…": the office after the topic's label
    text = _what_it_does(text)  # "X是政府采购的职能部门,负责…": X负责…
    text = _SEATED_AT.sub(_seated, text)  # "领导小组办公室设在区项目建设服务中心,负责…": 办公室负责…
    subject = _SUBJECT_DUTY.match(text)
    if subject is not None and subject["role"] and (to := _ACCOUNTABLE_TO.search(subject["units"])) is not None:
        # "乡、镇人民政府对本级人民代表大会…负责并报告工作": whom X answers to, no part of X's name
        subject = _SUBJECT_DUTY.match(text[: to.start()] + "负责" + text[subject.end("units") :])
    if subject is not None and (_TOLD_INSIDE.search(subject["units"]) or _PERSON.search(subject["units"])):
        # "X应成立Y工作指导小组,负责…": X is told to set Y up, X's is the work; "村(居委会)干部负责…":
        # people, no office
        subject = None
    kind = _KIND_SUBJECT.match(text) is not None
    found = _clause_duty(subject) if not kind else None
    if found is not None and subject is not None and subject["dated"] and not all(map(_reporting_office, found.units)):
        found = None  # ("会商系统到镇、视频到村,于2010年1月底前完成", "各责任单位在…前上报")
    if found is not None and subject is not None and (joined := _joined_later(text, subject)) is not None:
        found = joined  # "X负责确定支持方向,会同Y对申报的项目进行审核"
    if kind:
        # "相关部门要协助做好…。" then "市发改委负责…": a kind of office names none, those it
        # names later do
        found = Assignment((), ()) if modal or subject is not None else None
    else:
        found = found or (_by_clause(text) if given else None) or (_modal_duty(text) if modal else None) or _organises(text) \
            or _charged_after(text)
        if found is None and modal and (said := _WHAT_A_WORK_IS.match(text)) is not None:
            # "保护规划是…保护的依据,各地要按照…": a sentence saying what the work is, then the offices told to do it
            found = _modal_duty(text[said.end() :])
    # (the offices later sentences open with join a duty its first sentence states so)
    paragraphs = {compact(paragraph) for paragraph in body.split("\n")[1:]}
    return _with_units(_with_later_subjects(text, found, paragraphs) if subject is not None or modal else found)


# "县文广新局安排演出时间、场次,负责送戏下乡活动的总协调": an office by name, its first clause, then
# 负责 in the next
_CHARGED_AFTER: Final = re.compile(
    r"^(?!在|对|按|根据|依照|依据|为|向|经|将|把|从)(?P<units>[^，,。；;:：“”由的、]{2,20}(?:办公室|局|委|办|厅|中心|政府|部门))"
    r"(?:[^，,。；;:：]{2,40}[，,]){1,2}(?:并|同时|具体)?(?P<role>负责)(?!人)"
)


def _charged_after(text: str) -> Assignment | None:
    """The office a sentence opens with by name when its next clause says what it is in charge of."""
    match = _CHARGED_AFTER.match(text)
    if match is not None and (re.search(r"会同|向|对|按照|依据|根据|在", match["units"]) or _PERSON.search(match["units"])):
        return None  # (the longest name ending as an office does: never one running into its verb)
    found = _clause_duty(match)
    return found if found is not None and all(map(_strong_unit, found.units)) else None


# "市公管办组织发改、财政、住建等部门,依据…对…进行全面整理": the office leads the fields it gathers
_ORGANISES: Final = re.compile(
    r"^(?P<units>[^，,。；;:：“”由]{2,30}?)组织(?P<fields>[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+)等(?:有关|相关)?(?:部门|单位)[，,]"
)


def _organises(text: str) -> Assignment | None:
    match = _ORGANISES.match(text)
    lead = _named(parse_annotation(match["units"] + "牵头")) if match is not None else None
    if match is None or lead is None or not all(map(_strong_unit, lead.units)) or _VERB_FIELD.search(match["fields"]):
        return None
    return Assignment(lead.units + tuple(match["fields"].split("、")), lead.units)


def _reporting_office(unit: str) -> bool:
    """An office by name before the day its report is due: no label's noun ("各责任单位"), no
    coverage ("视频到村"), no clause ("市政府办公室要求…部门")."""
    return _strong_unit(unit) and _LABEL_NOUN.search(unit) is None and re.search(r"到|要求", unit) is None


# "乡、镇人民政府对本级人民代表大会…负责": whom an office answers to ("对口", "对外", "对台", "对接"
# stay inside an office's name)
_ACCOUNTABLE_TO: Final = re.compile(r"(?<=[\u4e00-\u9fff)）])对(?!口|外|台|接)")


# A subject that holds a duty word is no office's name: "X应成立Y…小组,负责…" (not "应急管理局")
_TOLD_INSIDE: Final = re.compile(r"应当|应(?!急)|必须")


# "相关部门要…", "有关单位应当…": a kind of office as the subject, naming none
_KIND_SUBJECT: Final = re.compile(r"^(?:其他|其它)?(?:有关|相关)(?:部门|单位)(?:要|应当|应|须|必须|负责|牵头)")


def _with_later_subjects(text: str, found: Assignment | None, paragraphs: Set[str] = frozenset()) -> Assignment | None:
    """The offices of a sentence-opening duty with those each later sentence opens with as its
    subject: "市民政部门负责全市…工作。区、县民政部门负责本行政区域…工作。" is the work of both; and
    those each later paragraph of an article opens with, whatever its verb ("第四条 县级以上人民政府
    应当…。" then "乡镇人民政府依法履行…职责。")."""
    if found is None:
        return None
    later: list[str] = []
    assisting: tuple[str, ...] = ()
    # (a clause of fields before 等部门 joins too: "X负责…的组织实施,教育、财政…等部门和组织,按照职责做好…")
    first = re.split(r"[。；;]", text, maxsplit=1)[0]
    for clause in re.split(r"[，,]", first)[1:]:
        # ("X负责实施,卫生、公安…等部门要密切配合": the clause's own verb after them; those who assist lead nothing)
        more = (_FIELDS_CLAUSE.match(clause) and _fields_subject(clause, _FIELDS_ALONE)) or _fields_subject(clause)
        later += [unit for unit in more.units if unit not in found.units and unit not in later] if more else []
        assisting += more.units if more and _ASSISTS.search(clause) else ()
    # ("各市残联组织开展…,县级残联负责…"; "第七条 各级爱卫会由…组成,各成员单位应当认真履行…": an
    # article that names its office in a later clause only)
    if (found.units and _SUBJECT_DUTY.match(text)) or _SUBJECT_MODAL.match(text) or not found.units:
        later += _clause_subjects(first, found.units + tuple(later))
    # (a full stop may be the ASCII one: "…的监督管理工作.交通运输主管部门负责…")
    for sentence in re.split(r"(?<=[。；;])|(?<=[\u4e00-\u9fff]\.)(?=[\u4e00-\u9fff])", text)[1:]:
        # ("领导小组办公室设在国家统计局,具体负责…": 办公室负责…)
        sentence = _SEATED_AT.sub(_seated, _what_it_does(sentence.strip()))
        # ("…;财政、监察…等有关部门根据各自的职责做好…", "。省发展改革、…、卫生计生等部门,要进一步细化…")
        more = _clause_duty(_SUBJECT_DUTY.match(sentence)) or _modal_duty(sentence) or _charged_after(sentence) \
            or _exercised(sentence)
        if more is None and any(paragraph.startswith(sentence) for paragraph in paragraphs):
            more = _office_subject(sentence)
        # (never the short name the task gave its first office: "X(以下简称“各部门”)应…。各部门负责…",
        # nor the rest left unnamed: "县级以上人民政府其他有关部门在各自的职责范围内…")
        later += [
            unit for unit in more.units
            if unit not in found.units and unit not in later and f"“{unit}”" not in text and not THE_REST.search(unit)
        ] if more else []
        later += _clause_subjects(sentence, found.units + tuple(later)) if more else []
    if not later:
        return found
    leads = found.lead_units + tuple(later) if found.lead_units == found.units else found.lead_units
    return replace(found, units=found.units + tuple(later), lead_units=tuple(unit for unit in leads if unit not in assisting))


# (nor a clause's words run into an office: "第十六条市爱卫办", "依法组织拆除除水行政主管部门"; nor the rest)
_ANY_OF_KIND: Final = re.compile(r"(?:并|和|与|及|但|其他|其它|依法)|.*(?:有关|相关|行政)(?:部门|机关|单位)$|.*第[一二三四五六七八九十百]+条")


# "市直园区管委会依法行使本园区电动自行车管理职责。": a later sentence's office and the duties it exercises
_EXERCISES: Final = re.compile(r"^(?P<units>[^，,。；;:：“”]{2,30}?)依法(?:行使|履行)(?!的)[^，,。；;的]{2,40}?(?:职责|职权)")


def _exercised(sentence: str) -> Assignment | None:
    found = _clause_duty(_EXERCISES.match(sentence))
    return found if found is not None and all(map(_strong_unit, found.units)) else None


def _clause_subjects(sentence: str, known: Sequence[str]) -> list[str]:
    """The offices a later clause of a sentence that opens with its own offices opens with as the
    subject of its own duty word ("X应当明确负责统计工作的人员,村(居)委会应当指定人员…"), each named
    in full."""
    found: list[str] = []
    for clause in re.split(r"[，,]", sentence)[1:]:
        subject = _SUBJECT_MODAL.match(clause)
        more = _modal_duty(clause) if subject is not None and "按照" not in subject.group(0) else None
        duty = _SUBJECT_DUTY.match(clause) if more is None else None
        more = more or (_clause_duty(duty) if duty is not None and duty["role"] and "按照" not in duty.group(0) else None)
        # (never a short form of an office named before: "各县(市)区政府要…,各县(市)区要…")
        found += [
            unit for unit in more.units
            if unit not in found and not any(unit in other or other in unit for other in known)
        ] if more and all(_strong_unit(unit) and not _ANY_OF_KIND.match(unit) for unit in more.units) else []
    return found


# "公安、财政、交通运输等部门和机构按照各自职责,做好…": the fields of the offices a rule names as
# the subject, before a generic tail
_FIELDS_NAMED: Final = (
    # ("县级以上人民政府发展和改革、财政…等行政主管部门": the level before the first field; "住房城乡
    # 建设、交通运输、水利等工程建设监管部门应当…")
    r"^(?P<fields>[\u4e00-\u9fff]{2,18}、(?:[\u4e00-\u9fff]{2,14}、)*[\u4e00-\u9fff]{2,10})等(?:有关|相关)?(?:[\u4e00-\u9fff]{0,6}(?:监管|管理|执法|行业|业务|服务))?(?:行政)?(?:主管)?(?:部门|单位|机构)"
    # ("…等部门和组织", "…等部门和银行、保险、证券等金融机构": a second list of fields)
    r"(?:和机构|和单位|和组织|和(?P<more>[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10})*)等[\u4e00-\u9fff]{0,4}(?:机构|单位|组织)"
    # ("…审计等部门和人民银行按照各自职责,做好…": one more office by name)
    r"|和(?P<one>[\u4e00-\u9fff]{2,8}?)(?=[，,]?(?:按照|根据|依照|依据)))?"
)
_FIELDS_SUBJECT: Final = re.compile(
    _FIELDS_NAMED + r"[，,]?(?:按照|根据|依照|依据|依法|在|应当|应|要|负责|做好|协助|配合|定期|及时|将|联合|共同)"
)  # ("卫生、质检等部门定期向公众发布…", "…等部门将联合开展督查")
_FIELDS_ALONE: Final = re.compile(_FIELDS_NAMED + "$")  # a clause of them, its verb in the next one


# A clause that is a list of fields before 等…部门 (or 机构, 组织), and nothing else
_FIELDS_CLAUSE: Final = re.compile(r"^[\u4e00-\u9fff]{2,18}、[\u4e00-\u9fff、]{2,120}等[\u4e00-\u9fff、]{0,20}(?:部门|机构|组织|单位)$")


def _fields_subject(sentence: str, pattern: re.Pattern[str] = _FIELDS_SUBJECT) -> Assignment | None:
    subject = pattern.match(_SINCE.sub("", sentence))
    if subject is None or _VERB_FIELD.search(subject["fields"]):
        return None
    fields = tuple(subject["fields"].split("、")) + (tuple(subject["more"].split("、")) if subject["more"] else ())
    fields = tuple(piece for named in fields for piece in _two_fields(named))  # "交通和卫生等部门"
    fields += (subject["one"],) if subject["one"] and is_unit_phrase(subject["one"]) else ()
    if (lead := fields[0].partition("会同"))[1]:
        # "市国土资源房管局会同市农委、市统计局等有关部门,根据…": the first leads the rest
        return Assignment((lead[0], lead[2], *fields[1:]), (lead[0],))
    return Assignment(fields, fields)


def _two_fields(field: str) -> tuple[str, ...]:
    """A field of a list ("农牧业和供销") as the two it joins, unless its department's name holds
    和 ("发展和改革", "县级以上人民政府住房和城乡建设")."""
    first, joined, second = field.partition("和")
    if not joined or len(first) < 2 or len(second) < 2 or "和" in second or field.endswith(JOINED_FIELDS) \
            or "会同" in field:  # ("市住房和城乡建设主管部门会同自然资源": an office leading the fields)
        return (field,)
    return (first, second)


_ASSISTS: Final = re.compile(r"(?:配合|协助|协办)(?:落实)?$")
_VERB_FIELD: Final = re.compile(r"^由|(?:^|、)(?:加强|推进|开展|建立|完善|做好|落实|组织|指导|督促|负责|联合|配合|协调|会同|协助|协同|积极|主动)")


def _modal_duty(text: str) -> Assignment | None:
    """The offices a sentence opens with as the subject of 要/应当, unless one is a person, or the
    fields it opens with before 等部门 ("卫生、质检等部门定期…")."""
    subject = _SUBJECT_MODAL.match(text)
    if subject is not None and _PERSON.search(subject["units"]) and (people := _PEOPLE_FIRST.match(text)):
        return _modal_duty(text[people.end() :])  # "区政府各分管领导和相关部门要…": the offices after the people
    found = None if subject is None or _PERSON.search(subject["units"]) else _clause_duty(subject)
    if found is not None and subject is not None and (joined := _joined_later(text, subject)) is not None:
        return joined  # "市民政局要会同市财政局、市卫健委制定…"
    return found or _fields_subject(text)


# "各级领导干部要…", "…的分管领导和工作机构要…": people, not offices
_PERSON: Final = re.compile(r"(?:领导|干部|人员|负责人|同志|公民|群众)(?:$|[和及与、])")
_PEOPLE_FIRST: Final = re.compile(r"^[^，,。；;:：的]{0,20}?(?:领导|干部|负责人|同志)[和及与、](?=[^，,。；;:：]{2})")


def asked_in_passing(text: str) -> bool:
    """Whether a task's units are only the subject of its 要/应当 ("各承办单位要…"): the way a
    covering notice asks for its table to be carried out, too."""
    text = compact(text)
    return _SUBJECT_MODAL.match(text) is not None and _SUBJECT_DUTY.match(text) is None


def _joined_later(text: str, clause: re.Match[str]) -> Assignment | None:
    """The units of a clause with those it works with later in its sentence ("X负责…,会同Y对…",
    "由X牵头,会同Y…对…"): Y takes part, X leads; None where no such Y follows."""
    joined = _JOINED_LATER.match(text, clause.end())
    return _led_with(clause["units"], joined["units"]) if joined else None


def _led_with(lead: str, partners: str) -> Assignment | None:
    """X leading Y in "X会同Y…"; Y may be fields before a generic tail ("会同同级公安、交通、城管等部门
    建立…": each field a unit)."""
    found = _named(parse_annotation(f"{lead}会同{partners}负责"))
    first = _named(parse_annotation(f"{lead}负责")) if found is None else None
    fields = _fields_subject(partners, _FIELDS_ALONE) if first is not None else None
    if first is not None and fields is None and (one := _ONE_FIELD.fullmatch(partners)) and not _VERB_FIELD.search(one[1]):
        fields = Assignment((one[1],), (one[1],))  # "公安部门联合卫生等部门依法履行…"
    if first is not None and fields is not None:
        return Assignment(tuple(dict.fromkeys((*first.units, *fields.units))), first.lead_units)
    return found


_ONE_FIELD: Final = re.compile(r"([\u4e00-\u9fff]{2,6})等(?:有关|相关)?(?:部门|单位)")
# "X会同Y…", "X联合Y…" (never a 联合会, 联合社, 联合体: names)
_WITH_WORD: Final = r"会同|联合(?![会社体国办])"
_JOINED_LATER: Final = re.compile(
    rf"(?:[^。；;]*?[，,])?(?:{_WITH_WORD})(?P<units>[^，,。；;:：“”]{{2,120}}?)"
    r"(?=对|做好|开展|共同|联合|制定|制订|编制|拟定|拟订|起草|研究|组织|进行|审核|负责|及时|按照|依法|依照|做|建立|实施|落实|推进|加强|确定|划定|发布|完善|调整|修订|健全)"
)


# ("直补方式:市财政局负责…", "相关部门的工作职责:财政部门负责…;…")
_TOPIC_LABEL: Final = re.compile(r"^[\u4e00-\u9fff]{2,12}[:：](?=[^，,。；;:：]{2,40}?(?:负责|牵头|要|应当|须|必须))")
_SEATED_AT: Final = re.compile(
    r"^(?:(?P<office>[^，,。；;]{2,30}?)设在[^，,。；;]{2,30}"
    # "省、设区的市、县(市、区)设立社会治安综合治理委员会,负责…": the body set up does the work
    r"|[^，,。；;应要须]{2,40}?(?:设立|成立)(?P<body>[^，,。；;]{2,30}?(?:委员会|领导小组|指挥部|办公室)))[，,]"
    r"(?=(?:具体|全面|统一|主要)?(?:负责|牵头))"
)


def _seated(match: re.Match[str]) -> str:
    """The office a seat or a founding names, for the sentence to go on with its duty."""
    return match["office"] or match["body"]


_WHAT_IT_IS: Final = re.compile(
    # ("县级以上人民政府作为…的主体,是…的第一责任单位,负责…": what it is, twice)
    r"^(?P<office>[^，,。；;是]{2,30}?)(?:是|为|作为)[^，,。；;]{2,30}[，,](?:是[^，,。；;]{2,30}[，,])?"
    r"(?=(?:在[^，,。；;]{2,20}(?:领导|指导)下[，,]?)?(?:具体|全面|统一|主要)?(?:负责|牵头|主管(?![部单机]))|(?:主要|工作)?职责(?:是|为)[:：])"
)
# "X、Y是全市政府网站的协同监管单位,共同做好…", "X是政府网站的主办单位,承担…": X does it
_WHAT_IT_DOES: Final = re.compile(r"^(?P<office>[^，,。；;是]{2,60}?)(?:是|为|作为)[^，,。；;]{2,30}[，,](?:共同)?(?:做好|承担)")


def _what_it_does(text: str) -> str:
    """A sentence saying what an office is and then what it does, as the office's duty."""
    return _WHAT_IT_DOES.sub(r"\g<office>负责", _WHAT_IT_IS.sub(r"\g<office>", text))


# "(十三)广电局、资阳日报社职责:负责整顿工作的宣传报道…": the offices whose duties the item lists.
_DUTIES_OF: Final = re.compile(
    # ("第七条 国务院有关部委主管部门的主要职责;根据…;…": a semicolon typed for the colon)
    r"^(?P<units>(?:[^，,。；;:：()（）“”]|[(（][^()（）]{1,6}[)）]){2,40}?)的?(?:主要|工作)?职责(?:[:：]|(?<=主要职责)[;；])\s*(?P<work>\S.*)$", re.S
)


def _duties_of(body: str) -> tuple[Assignment, str] | None:
    """The offices an item's "X职责：" opens with, and the duties after it."""
    match = _DUTIES_OF.match(body.strip())
    found = _clause_duty(match)
    if found is None or match is None or all(_KIND_OF_OFFICE.fullmatch(unit) for unit in found.units):
        return None  # ("相关部门的工作职责:财政部门负责…;…": the offices each clause opens with)
    return found, match["work"]


_KIND_OF_OFFICE: Final = re.compile(r"(?:其他|其它)?各?(?:有关|相关|成员)(?:部门|单位)")


# "…报告拟安排在6月份举行的常委会会议上听取和审议。由监察和司法委员会负责做好相关工作。", "…。此项
# 工作由市委宣传部新闻处负责组织协调。": a task whose last sentence names who does it; the sentence
# is no part of the task.
_CLOSING_DUTY: Final = re.compile(
    rf"(?<=[。；;])\s*{WORK_GIVEN_TO}(?P<units>[^，,。；;:：“”]{{2,60}}?)(?P<role>牵头)?负责"
    r"[^，,。；;:：“”]{0,12}[。.]?$"
)


def _closing_duty(body: str) -> tuple[Assignment, str] | None:
    """The offices a task's closing "由X负责…" sentence names, and the task before it."""
    match = _CLOSING_DUTY.search(body.strip())
    found = _clause_duty(match)
    return (found, body.strip()[: match.start()]) if found is not None and match is not None else None


# "市地税局、国税局:及时出具企业纳税情况证明文件。", "区城管执法大队。负责查处…": offices, a colon
# (or a full stop: a sentence of nothing but offices' names), then their duties.
_OFFICES_COLON: Final = re.compile(
    r"^(?P<units>(?:[^，,。；;:：()（）“”\s]|[(（][^()（）]{1,12}[)）]){2,60}?)[:：。]\s*(?P<work>\S.{3,})$", re.S
)


@lru_cache(maxsize=4096)  # each paragraph is asked again as its neighbours' neighbour
def duty_line(paragraph: str) -> tuple[Assignment, str] | None:
    """An unnumbered paragraph that states offices' duties ("X：负责…" or "X负责…"): who, and the
    item's text (after the colon; the whole sentence when the offices are its subject)."""
    text = paragraph.strip()
    if label_line(text) is not None or _PERSON_LABEL.match(text) or _PROGRESS_LINE.match(text):
        return None
    colon = _duties_of(text) or _offices_colon(text)  # "市规划监察支队职责:…", "市地税局:…"
    if colon is not None:
        # "第一组:局社会福利科负责开展…": a team's number before the colon, the office after it
        inner = (opening_duty(colon[1]) or _subject_duty(colon[1])) if all(map(_TEAM.match, colon[0].units)) else None
        return (inner, colon[1]) if inner is not None and all(map(_strong_unit, inner.units)) else colon
    subject = opening_duty(text) or _subject_duty(text)
    if subject is not None and all(_strong_unit(unit) for unit in subject.units):
        return subject, text
    return None


# "(一)市委常委会议定的事项。", "(二)上级领导批示的其他事项;": a kind of matter a rule covers (what
# its office oversees or handles), no work of its own where no office is named for it
_MATTERS: Final = re.compile(
    r"^(?!承办|完成|办理|负责|落实|督办|协调|统筹|做好|处理)[^，,。；;：:]{2,40}?(?:议定|决定|交办|批示|部署)的"
    r"(?:其他|其它)?(?:重要|重大)?事项[。；;]?$"
)


# "⒈州发改委、经信委、农业局、商务局、统计局各5条;": the offices a share of a quota falls to, each
# the number written after them; how often is the lead-in's ("州直有关单位每月向州政府报送政务信息任务如下:")
_QUOTA: Final = re.compile(
    r"^(?P<units>[^。；;:：]{2,600}?)各(?:\d{1,4}|[一二三四五六七八九十]{1,3})(?:条|篇|件|期|份)(?:以上)?[；;。]?$"
)


def _quota(node: _Node) -> Assignment | None:
    """The offices a numbered point gives a share of a quota to, with the lead-in's frequency."""
    match = _QUOTA.match(compact(node.body)) if node.marker and not node.children else None
    if match is None:
        return None
    found = assign([(Column.UNITS, match["units"].replace("，", "、").replace(",", "、"))])
    if not found.units or not all(map(_strong_unit, found.units)):
        return None
    often = find_recurrence_in_text(node.parent.body, opening_only=True) if node.parent is not None else None
    return replace(found, deadline_raw=often.raw) if often is not None else found


_TEAM: Final = re.compile(r"^第[一二三四五六七八九十\d]{1,3}(?:小组|组|队)$")


def _offices_colon(text: str) -> tuple[Assignment, str] | None:
    """The offices named by name before a colon ("市地税局、国税局:…"), and what follows it."""
    colon = _OFFICES_COLON.match(text)
    found = _clause_duty(colon)
    if found is None or colon is None or not (all(map(_strong_unit, found.units)) or sharing_ending(found.units)):
        return None
    return found, colon["work"]


def _offices_then_duty(body: str, listed: bool) -> tuple[Assignment, str] | None:
    """A numbered item naming its offices before a colon and their duty after it ("教育局:负责…"),
    or, in a list of such items (``listed``), any work after it ("1、市委办公室：组织协调…")."""
    colon = _offices_colon(body.strip())
    return colon if colon is not None and (listed or re.match(r"负责|牵头|配合|协助", colon[1])) else None


def _offices_listed(nodes: Sequence[_Node]) -> set[int]:
    """The ids of numbered items that open with offices and a colon, two or more under one heading:
    a list of what each office does."""
    groups: dict[int, list[_Node]] = {}
    for node in nodes:
        if node.marker and _offices_colon(node.body.strip()) is not None:
            groups.setdefault(id(node.parent), []).append(node)
    return {id(node) for group in groups.values() if len(group) >= 2 for node in group}


def _strong_unit(unit: str) -> bool:
    """A unit by name: never a label's noun ("受理部门", "责任单位") or a place alone; two
    characters only for a short name ("教委", "妇联", "科协")."""
    short = len(unit) == 2 and unit.endswith(("委", "联", "协"))
    return (len(unit) >= 3 or short) and is_unit_phrase(unit) and _LABEL_NOUN.fullmatch(unit) is None and _KIND_OF_BODY.fullmatch(unit) is None


# "3.1 领导机构", "3.2 应急联动机构": an emergency plan's part on a kind of body, named below it
_KIND_OF_BODY: Final = re.compile(
    r"(?:[省市县区]级)?(?:应急)?(?:领导|工作|办事|执行|指挥|联动|协调|议事协调|管理|日常工作|常设)机构"
)


_LABEL_NOUN: Final = re.compile(
    r"(?:[省市县区]级)?(?:受理|责任|牵头|配合|实施|主管|相关|有关|协办|主办|承办|联系|咨询|监督|督导|督办|指导"
    r"|投诉|举报|发布|来源|成员|参会|参加)"
    r"(?:单位|部门|机构|处室|科室)"
)


def _duty_clauses(paragraph: str, stack: Sequence[_Node], titled: bool = False) -> list[tuple[str, Assignment | None]]:
    """The clauses of a paragraph under a heading of duties ("(三)其他部门工作职责", "五、责任分工")
    that gives each office its duty in a clause of its own, three or more of them (one at most in
    other words), else nothing; or, under a line naming duties that heads no outline (``titled``:
    "相关部门 职责分工"), a paragraph whose every clause or sentence opens with its offices
    ("卫生主管部门负责…;公安部门联合卫生等部门依法履行…;民政部门负责…。人社部门负责…"). A covering
    notice's such sentences are none."""
    headed = bool(stack) and re.search(r"职责|分工|划分", stack[-1].body) is not None  # ("责任路段划分")
    paragraph = paragraph if headed else _DIVIDING.sub("", paragraph.strip())  # "按照…职责分工要求,": no duty
    # a clause a semicolon, or (where that gives no list) a sentence: "预算编制由预算处负责,…。预算
    # 执行由国库处牵头,…。信息中心负责…。"
    for stops in ("；;", "；;。") if headed else ("；;。",) if titled else ():
        clauses = [clause.strip() for clause in re.split(f"(?<=[{stops}])", paragraph.strip()) if clause.strip()]
        duties = [duty_line(clause.rstrip("；;。")) for clause in clauses]
        # (a third of a long list may name its offices in a way no rule reads: "…、歌舞团7家单位负责")
        if len(clauses) < _FEWEST_CLAUSES or sum(duty is None for duty in duties) > max(1, len(clauses) // 3):
            continue
        if headed:
            return [(clause, duty[0] if duty else None) for clause, duty in zip(clauses, duties, strict=True)]
        assigned = [duty[0] if duty else _office_subject(clause) for clause, duty in zip(clauses, duties, strict=True)]
        return list(zip(clauses, assigned, strict=True)) if all(assigned) else []
    return []


# "X(以下简称爱卫会)由本级人民政府各有关部门组成,是…的议事协调机构": what body X is
_BODY_OF: Final = re.compile(
    r"^(?P<office>[^，,。；;是由]{2,60}?)(?:由[^，,。；;]{2,40}?组成[，,])?是[^，,。；;]{2,40}?(?:机构|部门|单位|组织)$"
)


def _body_of(sentence: str) -> Assignment | None:
    """The office a sentence says what body it is, before "其主要职责是:"."""
    match = _BODY_OF.match(compact(sentence))
    return _office_named(match["office"]) if match else None


def _office_named(name: str) -> Assignment | None:
    """The units a subject names when every one is a unit by name (``_strong_unit``), else None."""
    found = parse_annotation(name + "负责")
    return found if found is not None and all(map(_strong_unit, found.units)) else None


_FEWEST_CLAUSES: Final = 3
_DUTIES_FOLLOW: Final = re.compile(r"(?P<before>[^。]*)(?:。|[，,](?=其|具体|主要))其?(?:主要|具体|工作)?职责(?:是|为|如下|包括)?[:：]$")
_DUTIES_TITLE: Final = re.compile(r"^[\u4e00-\u9fff\s]{0,10}(?:职责分工|职责边界|部门职责|工作职责)$")


def _titled_duties(paragraphs: Sequence[tuple[int, str]], index: int) -> bool:
    """Whether one of the few lines above is an unnumbered title of duties ("相关部门 职责分工"), or
    the paragraph opens by saying it divides them ("按照…工作职责分工要求,区财政局负责…")."""
    return _DIVIDING.match(paragraphs[index][1].strip()) is not None or any(
        _DUTIES_TITLE.match(text.strip()) for _, text in paragraphs[max(0, index - _RUN_REACH) : index]
    )


_DIVIDING: Final = re.compile(r"^(?:按照|根据)[^，,。；;]{0,40}(?:职责分工|任务分工)[^，,。；;]{0,6}[，,]")


def _in_duty_run(paragraphs: Sequence[tuple[int, str]], index: int) -> bool:
    """Whether the paragraph before or after is an office's duty too: one such line alone may be a
    covering notice's sentence; two together are a list of duties."""
    return any(
        0 <= other < len(paragraphs) and duty_line(paragraphs[other][1]) is not None
        for other in (index - 1, index + 1, index - 2, index + 2)  # (a line of other wording between)
    )


# "四、工作职责", "二、明确职责分工", "三、责任分工": a heading over the offices' duties.
_DUTIES_HEADING: Final = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:职责|分工)$")


def _duties_heading(node: _Node | None) -> bool:
    return node is not None and _DUTIES_HEADING.match(split_marker(_heading(node))[2].strip()) is not None


def _office_subject(paragraph: str) -> Assignment | None:
    """The offices a sentence opens with as its subject, whatever its verb ("国土资源厅根据需要及时
    组织…", "民政厅、省民防局等有关部门及时启用…"); never one that is told what it should do ("X要…",
    "X应当…": a requirement, not a duty list's line)."""
    text = compact(paragraph)
    if label_line(text) is not None or _PERSON_LABEL.match(text) or len(text) < _FRAGMENT:
        return None
    text = _ACCORDING_TO.sub("", text)  # "根据国务院的有关规定,国家教育委员会行使…"
    if text.startswith("请"):
        return None  # "请各相关单位对…": a request (_asked), not a duty list's line
    for verb in _PREDICATE.finditer(text, 0, _SUBJECT_LONGEST):
        if text[verb.end() : verb.end() + 1] in _IN_A_NAME or _NAMED_ORGANISATION.match(text, verb.start() - 2):
            continue  # "市委组织部组织…", "各级工会组织依法…": the word is part of the office's name
        if verb["told"] or re.search(r"[的由]", text[: verb.start()]):
            return None  # ("审核中的问题由区联合审核小组…": no office opens it)
        found = _office_named(text[: verb.start()])
        if found is not None and verb[0] in ("配合", "协助"):
            return _assisting(found, text[verb.end() :])
        return found
    return None


# "交通部门协助文化、文物部门做好…": those it assists lead
_ASSISTED: Final = re.compile(r"(?P<units>[^，,。；;:：“”]{2,30}?)(?=做好|搞好|抓好|加强|开展|对|推进|完成|落实|实施|进行|重点|共同)")


def _assisting(office: Assignment, rest: str) -> Assignment:
    assisted = _ASSISTED.match(rest)
    led = _named(parse_annotation(assisted["units"] + "负责")) if assisted is not None else None
    if led is None:
        return office
    return Assignment(office.units + tuple(unit for unit in led.units if unit not in office.units), led.units)


_ACCORDING_TO: Final = re.compile(f"^{_ACCORDING}")
# How an office's duty goes on after its name, and (told) how a requirement does: "X要…", "X应当…".
_PREDICATE: Final = re.compile(
    # (never the 在 of 所在: "传统村落所在地村民委员会参与…")
    r"(?P<told>要|应当|应(?!急)|必须|须)|依法|依照|根据|按照|及时|立即|迅速|组织|协助|配合|会同|结合|(?<!所)在|对|做好|开展|加强|加大"
    r"|主管|制定|制订|指导|督促|承担|贯彻|落实|确保|积极|全力|主动|统一|具体|牵头|参与|保障|提供|发布|进行|联合"
    r"|建立|编制|设立|行使|履行|重点|严把|一方面|负有"
)
_SUBJECT_LONGEST: Final = 40
# "各级工会组织依法对…": 组织 ends the unions' name when a manner or a duty follows
_NAMED_ORGANISATION: Final = re.compile(r"工会组织(?=依法|依照|根据|按照|要|应当|应|必须|须|对|在|及时)")
_RUN_REACH: Final = 12  # paragraphs back a run of offices' duties is looked for
_IN_A_NAME: Final = frozenset("部局处科室办委机单")


def _after_duty_lines(paragraphs: Sequence[tuple[int, str]], index: int) -> bool:
    """Whether the paragraph stands in a list of offices' duties: the lines before it, past others
    whose offices are their subject too, reach a line of an office's duty ("X负责…") within a few
    lines."""
    for other in range(index - 1, max(-1, index - 1 - _RUN_REACH), -1):
        text = paragraphs[other][1]
        if duty_line(text) is not None:
            return True
        if _office_subject(text) is None:
            return False
    return False


# "2011年3月至4月,", "5月上旬:", "2020年6月底前，": a step of a schedule opened by its time.
_TIME_STEP: Final = re.compile(
    r"^(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?"
    r"(?:[至到\-—–~－]+(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?)?(?:份|底|初|中旬|上旬|下旬)?(?:前|以前)?[,，:：]"
)


# "宣传发动(2007年3月-4月)，", "组织部署阶段(1-5月)。", "第二阶段:集中整治(2008年11月6日-12月20日)。":
# a phase of the work named with its time.
_PHASE: Final = re.compile(
    r"^(?:第[一二三四五六七八九十]{1,3}阶段[:：]?)?[\u4e00-\u9fff]{2,10}[(（](?P<due>[^()（）]*\d月[^()（）]{0,20})[)）][，,。:：]"
)


# "2023年重点任务:", "2024年度工作目标：": the work of one year of a plan over several.
_YEAR_S_WORK: Final = re.compile(r"^(?P<year>(?:19|20)\d{2})年度?(?:重点|主要|工作)?(?:任务|工作|目标)(?:任务)?[:：]")


def opens_with_time(text: str) -> bool:
    """Whether the text is a step of a schedule, opened by its time."""
    return _TIME_STEP.match(compact(text)) is not None


def _in_timeline(paragraphs: Sequence[tuple[int, str]], index: int) -> bool:
    """Whether the paragraph opens with its time (or names a phase with it) and one beside it does
    too: a schedule's steps."""
    def step(text: str) -> bool:
        return opens_with_time(text) or _PHASE.match(compact(text)) is not None

    return step(paragraphs[index][1]) and any(
        0 <= other < len(paragraphs) and step(paragraphs[other][1]) for other in (index - 1, index + 1)
    )


def _asked(body: str) -> Assignment | None:
    """The units a task asks to do it ("请X按…")."""
    return _clause_duty(_ASKED.search(compact(body)))


def offices_asked(paragraph: str) -> Assignment | None:
    """The offices an unnumbered paragraph of a notice asks to do its work ("请各幼儿园对…进行一次
    全面自查", "各幼儿园务必高度重视,…"), or None."""
    return _asked(paragraph) or _subject_duty(paragraph, given=False, modal=True)


def _outline(paragraphs: Sequence[tuple[int, str]], unread: list[tuple[int, str]]) -> list[_Node]:
    kinds: list[str] = []
    stack: list[_Node] = []
    nodes: list[_Node] = []
    attached = 0  # the last number of a covering notice's list of attachments ("附件：1.…")
    pending: list[tuple[int, str]] = []  # unnumbered paragraphs a "上述…由X负责" may close
    closing: list[list[_Node]] = []  # items one label line after them was given to
    texts = _form_numbers_dropped(paragraphs)
    office_lists = _offices_over_lists(paragraphs)
    for index, (line, paragraph) in enumerate(paragraphs):
        if attached:
            kind, marker, _ = split_marker(paragraph)
            if kind in ("arabic", "arabic_space") and marker_number(marker) == attached + 1:
                attached += 1
                unread.append((line, paragraph))  # "2.2018年十方面民生实事责任分解": a title
                continue
            attached = 0
        if _ATTACHMENTS.match(compact(paragraph)):
            attached = 1
            unread.append((line, paragraph))
            continue
        paragraph = texts[index]
        glued = _GLUED_NUMBER.match(paragraph)
        if glued and index + 1 < len(paragraphs) and label_line(paragraphs[index + 1][1]) is not None:
            paragraph = f"{glued[0]}.{paragraph[glued.end() :]}"
        task = _TASK_LABEL.match(paragraph.strip())
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if task is not None and label_line(following) is not None:
            # a one-task form: "重点工作: 全面推行林长制。" then "牵头单位: 市林业园林局"
            pending.clear()
            level, parent = _enter(kinds, stack, "unit_group")
            _add(nodes, _Node(level, "", task["task"], parent=parent, line=line))
            continue
        if task is not None and index and label_line(texts[index - 1]) is not None:
            paragraph = task["task"]  # "牵头单位:X" "成员单位:Y" then "职责任务:…": the task, after its labels
        if _MEASURES_BELOW.match(compact(paragraph)) and nodes and _heads_measures(nodes[-1], stack):
            # the problem, its "责任单位：…", then "整改措施：" over numbered measures: they are its items
            problem = nodes[-1]
            problem.level, _ = _enter(kinds, stack, "unit_group")
            stack.append(problem)
            continue
        requirement = _REQUIREMENT_LABEL.match(paragraph.strip())
        if requirement is not None and stack:
            # "1、西大桥…有垃圾死角。" then "整改要求：由县环卫站负责清除…": the problem is the
            # heading, the requirement the item
            problem = stack[-1]
            body, annotation = split_trailing_annotation(paragraph.strip()[requirement.end() :])
            _add(nodes, _Node(problem.level + 1, "", body, annotation or _by_clause(body), parent=problem, line=line))
            continue
        counted = _COUNTED_DUTY.match(compact(paragraph))
        if counted is not None and nodes and parse_annotation(counted["units"] + "负责") is not None:
            # "4项目标的责任单位均为市发展改革委。", "该目标责任单位为市经委。": the items above
            count = chinese_number(counted["count"] or "一") or 1
            for node in [node for node in nodes if node.marker][-count:]:
                node.labels.append(f"责任单位：{counted['units']}")
            continue
        if (
            _THIS_WORK_BY.match(compact(paragraph))
            and not pending
            and nodes
            and nodes[-1].annotation is None
            and (organised := _by_clause(paragraph)) is not None
        ):
            # "八、改善居民供热条件" and its text, then "此项工作由市建委负责组织,…具体实施。"
            nodes[-1].annotation = organised
            continue
        if label_line(paragraph) is not None and nodes:
            if index == len(paragraphs) - 1 and cut_fragment(paragraph):
                # the page ends inside the line's last unit ("责任单位:区"): the cut piece is none
                paragraph = re.sub(r"[、，,；;]?[^、，,；;:：]*$", "", paragraph.rstrip())
            given_to = _labelled_by(nodes, paragraph)
            for node in given_to:
                node.labels.append(paragraph)
            if len(given_to) > 1:
                closing.append(given_to)
            continue
        if (_PERSON_LABEL.match(paragraph) or _PROGRESS_LINE.match(paragraph)) and nodes:
            nodes[-1].notes.append(clean_text(paragraph))
            continue
        if index == len(paragraphs) - 1:
            paragraph = _without_cut_label(paragraph)
            if _cut_label(compact(paragraph)):
                unread.append((line, paragraph))  # "牵头单位:", "牵头责" and the page ends
                continue
        kind, marker, rest = split_marker(paragraph)
        if kind is None and (found := _PROBLEM_LINE.match(paragraph.strip())):
            # "县人民医院 存在问题:…" then "责任单位:…": the place heads the problem found there
            pending.clear()
            level, parent = _enter(kinds, stack, "unit_group")
            place = _add(nodes, _Node(level, "", found["place"], None, parent=parent, line=line))
            body, annotation = split_trailing_annotation(found["problem"].strip())
            _add(nodes, _Node(level + 1, "", body, annotation, parent=place, line=line))
            stack.append(place)
            continue
        if kind is None and UNIT_GROUP.match(compact(paragraph)) and section_assignment(paragraph):
            kind = "unit_group"  # "区委办公室(8项)": a heading over the unit's numbered items
        if kind is None and index in office_lists:
            # "住房和城乡建设委员会" alone over "一、…" "二、…": the office's duties, numbered
            pending.clear()
            name = compact(paragraph)
            level, parent = _enter(kinds, stack, "office")
            stack.append(_add(nodes, _Node(level, "", name, Assignment((name,), (name,)), parent=parent, line=line)))
            continue
        if kind is None and _BASIS_BELOW.match(compact(paragraph)) and split_marker(texts[index + 1] if index + 1 < len(texts) else "")[0]:
            # "相关依据:" over "1.《烟花爆竹安全管理条例》…": the rules the list rests on, no work
            pending.clear()
            level, parent = _enter(kinds, stack, "unit_group")
            stack.append(_add(nodes, _Node(level, "", paragraph.strip(), None, parent=parent, line=line)))
            continue
        if kind is None and (lead_in := _work_below(paragraph, paragraphs[index + 1 : index + 2])) is not None:
            # "县机关事务管理局和…要着力完成以下工作:" over "一是…" "二是…": they do each of them (and
            # "其主要职责是:" over a new list closes the one before, whose offices it does not name)
            pending.clear()
            restarted = split_marker(texts[index + 1])[0]
            if restarted in kinds:
                # "(十三)律师工作处" then "X的主要职责是:" over "(一)…": the list it leads in to restarts
                # at the level of the one open, whose last item it is no part of
                del kinds[kinds.index(restarted) :]
                del stack[len(kinds) :]
            # (over "一、…" the lead-in stands as an office's name does, the list below it)
            level, parent = _enter(kinds, stack, "office" if restarted and _RANK[restarted] < _RANK["unit_group"] else "unit_group")
            stack.append(_add(nodes, _Node(level, "", paragraph.strip(), lead_in[0], parent=parent, line=line)))
            continue
        if kind is None and _annotated_heading(paragraph, paragraphs[index + 1 : index + 2]):
            kind, marker, rest = "unit_group", "", paragraph  # "三义街社区(责任单位:…)" over "1、…"
        if kind is None and _BLOCK.match(paragraph.strip()) and ("block" in kinds or paragraph.strip() == "01"):
            kind, marker, rest = "block", paragraph.strip(), ""  # "01" alone over its projects, a line each
        rest, progress = _progress_apart(rest)
        # ("第六条 (规划布局)" over its text: an article's caption, never its units)
        pieces: list[tuple[str, Assignment | None]] = [(rest, None)] if kind == "article" and _CAPTION.fullmatch(rest) else split_annotated(rest)
        if index == len(paragraphs) - 1 and pieces[-1][1] is None and (cut := _cut_annotation(pieces[-1][0])):
            pieces[-1] = cut  # "…相关工作措施(省发改委、住" and the page ends: the whole names count
        elif index == len(paragraphs) - 1 and (unclosed := _cut_unit(rest, pieces[-1][1])) is not None:
            pieces[-1] = (pieces[-1][0], unclosed)  # "…(省市场监管局、省商务厅、省林业" likewise
        if kind is None and len(pieces) == 1 and pieces[0][1] is None and (article := _open_article(stack)) is not None \
                and not (_duties_of(rest) or _offices_colon(rest)):
            # an article's later paragraph goes on with its text ("第四条 X负责…。" then "Y负责…。":
            # one article, the offices each paragraph opens with its units; never "X:负责…" lines,
            # a list of each office's duties)
            pending.clear()
            article.body = f"{article.body}\n{rest}"
            continue
        if kind is None and len(pieces) == 1 and pieces[0][1] is None and (clauses := _duty_clauses(rest, stack, _titled_duties(paragraphs, index))):
            # "(三)其他部门工作职责" over "市公安局负责…;市消防局负责…;市交警支队负责…。": one
            # office's duty a clause
            pending.clear()
            for clause, assignment in clauses:
                _child(nodes, stack[-1] if stack else None, clause, assignment, line)
            continue
        if kind is None and (duty := duty_line(rest)) is not None and _in_duty_run(paragraphs, index):
            # "省公安厅:负责依法对非法集资活动进行侦查…" a line each: the offices' duties
            pending.clear()
            _child(nodes, stack[-1] if stack else None, duty[1], duty[0], line)
            continue
        if kind is None and len(compact(rest)) >= 2 * _FRAGMENT and (subject := _office_subject(rest)) is not None \
                and _after_duty_lines(paragraphs, index):
            # "省工商局依法开展…" among "省农委负责…" "省商业厅负责…": an office's duty in other words
            pending.clear()
            _child(nodes, stack[-1] if stack else None, rest, subject, line)
            continue
        if kind is None and len(pieces) == 1 and pieces[0][1] is None and _in_timeline(paragraphs, index):
            # "2011年3月至4月,成立编纂机构…" "2011年5月至6月,全面搜集…": the steps of a schedule
            pending.clear()
            _child(nodes, stack[-1] if stack else None, rest, None, line)
            continue
        if kind is None and len(pieces) == 1 and pieces[0][1] is None and (labelled := _labelled_below(paragraphs, index)):
            pieces = [(rest, labelled)]  # "通过新建水厂…普及率。" then "责任单位：市水务局"
        if kind is None:
            if pending and _closed_above(paragraph, pending, stack[-1] if stack else None, nodes, unread):
                pending.clear()
                continue
            for body, annotation in pieces:
                if _unnumbered(nodes, stack, _unmarked(body), annotation, line):
                    continue
                if annotation is None and (article := _article_above(nodes, stack)) is not None:
                    # "第六条 …工作由自治区人民政府统一部署,…组织实施。" then "县级以上人民政府民政部门
                    # 负责…。": a paragraph nothing else takes goes on with the article above it
                    article.body = f"{article.body}\n{body}"
                    continue
                if annotation is None and index == len(paragraphs) - 1 and _cut_after_annotated(nodes, body):
                    duty = duty_line(body)  # (its annotation cut off with the page; its offices, if it opens with them)
                    _child(nodes, nodes[-1].parent, body, duty[0] if duty else None, line)
                    continue
                unread.append((line, body))
                pending.append((line, body))
            continue
        pending.clear()
        level, parent = _enter(kinds, stack, kind)
        body, annotation = pieces[0]
        lead, first = _lead_in(body)
        if len(pieces) > 1 and lead is not None:
            # "(一)heading。requirement。(X负责)requirement。(Y负责)": the heading is a section
            node = _Node(level, marker, lead + "。", None, parent=parent, line=line)
            pieces[0] = (first, annotation)
        else:
            if annotation is None and (follow := _DUTIES_FOLLOW.search(compact(body))):
                # "第三条 区工信局贯彻落实…。主要职责是:" over "(一)…" "(二)…": the office's duties;
                # "第五条 …。国务院投资主管部门负责…的宏观管理。主要职责为:": the office of the
                # sentence before, where it opens with its office as the subject of 负责
                annotation = _subject_duty(follow["before"], given=False) or _office_subject(body.split("。")[0]) or _body_of(follow["before"])
            node = _Node(level, marker, body, annotation, parent=parent, line=line)
            pieces = pieces[1:]
        node.notes += progress
        stack.append(_add(nodes, node))
        for body, annotation in pieces:
            if annotation is None and len(body.strip()) < _FRAGMENT:
                unread.append((line, body))  # "…(X负责)围绕重大水利工程": a page cut short
                continue
            # Further requirements of the same paragraph: under the heading, or beside the item
            _child(nodes, node if node.annotation is None else parent, _unmarked(body), annotation, line)
    if _labelled_one_by_one(nodes, closing):
        for group in closing:
            if group[0].parent is not None and _heading_units(group[0].parent) is not None:
                for node in group[:-1]:  # the document labels each item: the line was the last one's
                    node.labels.pop()
    return nodes


def _labelled_one_by_one(nodes: Sequence[_Node], closing: Sequence[list[_Node]]) -> bool:
    """Whether two numbered items in a row, under one heading, have label lines of their own
    (not one line closing both)."""
    shared = {id(node): index for index, group in enumerate(closing) for node in group}
    return any(
        first.marker and second.marker and first.parent is second.parent and first.labels and second.labels
        and (id(first) not in shared or shared.get(id(second)) != shared[id(first)])
        for first, second in pairwise(nodes)
    )


def _add(nodes: list[_Node], node: _Node) -> _Node:
    """``node`` appended to the outline and counted among its heading's children."""
    nodes.append(node)
    if node.parent is not None:
        node.parent.children += 1
    return node


def _open_article(stack: Sequence[_Node]) -> _Node | None:
    """The article the current paragraph may go on: the innermost part, an article ("第五条 …")
    whose own sentence gives work to the offices it opens with, and no numbered points under it
    (not one that says who manages a thing over the paragraphs that say what each office does:
    "第三条 补助资金由财政厅、住建厅按职责分工管理。" then "财政厅负责…" "住建厅负责…")."""
    last = stack[-1] if stack else None
    if last is None or not _is_article(last) or last.children:
        return None
    first = last.body.split("\n")[0]
    # (a heading of its own, "第五条 动态开展山洪灾害隐患排查。", not a rule's scope or principle)
    heading = len(compact(first)) <= _LEAD_IN_LIMIT and "由" not in first and not _preamble(first, article=True)
    return last if heading or _subject_duty(first, modal=True) or _office_subject(first) or _KIND_SUBJECT.match(compact(first)) else None


def _cut_after_annotated(nodes: Sequence[_Node], body: str) -> bool:
    """Whether the page's last paragraph is a requirement the page cut before its annotation, after
    requirements each closed by their own ("…(综合规划处)" then "严格落实《…》,形成…,相关信息通")."""
    last = nodes[-1] if nodes else None
    return (
        last is not None and not last.marker and last.annotation is not None
        and len(compact(body)) >= 2 * _FRAGMENT and body.rstrip()[-1:] not in "。；;！!？?)）:："
    )


def _article_above(nodes: Sequence[_Node], stack: Sequence[_Node]) -> _Node | None:
    """The article the last paragraph read was, with no points under it, unless it is a rule's
    basis, scope or principle."""
    last = stack[-1] if stack and nodes and nodes[-1] is stack[-1] else None
    if last is None or not _is_article(last) or last.children or _preamble(last.body.split("\n")[0], article=True):
        return None
    return last


def _child(
    nodes: list[_Node], parent: _Node | None, body: str, annotation: Assignment | None, line: int, bulleted: bool = False
) -> _Node:
    """An unnumbered paragraph added one level under ``parent`` (at the top without one)."""
    level = parent.level + 1 if parent else 0
    return _add(nodes, _Node(level, "", body, annotation, parent=parent, line=line, bulleted=bulleted))


def _labelled_below(paragraphs: Sequence[tuple[int, str]], index: int) -> Assignment | None:
    """The units of the "责任单位：X" line after an unnumbered paragraph of full sentences, when
    that line closes it (no numbered paragraph follows the label, and the page does not end in
    the label's units)."""
    paragraph = paragraphs[index][1].strip()
    # (the person in charge may stand between: "主管领导:刘东" then "责任单位:市教育局")
    following = [text for _, text in paragraphs[index + 1 : index + 5] if not _PERSON_LABEL.match(text.strip())][:2]
    # (a task without its full stop when two label lines follow it: "牵头单位：X" "协办单位：Y")
    labels = len(following) > 1 and all(_LABELLED.match(compact(text)) for text in following)
    if not following or len(compact(paragraph)) < _FRAGMENT or not (paragraph.endswith(("。", "；", ";")) or labels):
        return None
    if label_line(paragraph) is not None or _SUB_POINT.match(paragraph) or not _LABELLED.match(compact(following[0])):
        return None
    if len(following) == 1 and cut_fragment(following[0]):
        return None  # "责任单位:区发展改革和" and the page ends
    if _INLINE_ITEM.search(paragraph):
        return None  # "…曝光呢? 1.市场内…;": a list the page ran on, not one paragraph
    if len(following) > 1 and (split_marker(following[1])[0] is not None or _FIELD.match(following[1].strip())):
        return None  # the problem, its units, then its target or the numbered measures they take
    labelled = label_line(following[0])
    if labelled is None or not labelled.units:
        return None
    if labelled.deadline_raw is None and len(following) > 1 and (due := label_line(following[1])) is not None:
        return replace(labelled, deadline_raw=due.deadline_raw)  # "完成时限:…", "进度安排:…" below the units
    return labelled


_LABELLED: Final = re.compile(rf"^[(（]?(?:{UNIT_LABEL})[:：]")
_INLINE_ITEM: Final = re.compile(r"[\s。？?！!；;]\d{1,2}[.、．][\u4e00-\u9fff]")
_FIELD: Final = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]?$")  # "整改目标" over its value: a form's field


def _annotated_heading(paragraph: str, following: Sequence[tuple[int, str]]) -> bool:
    """An unnumbered name with its duty annotation ("三义街社区(责任单位:…)", "胜利街道办:(…)")
    right over an item numbered 1: a heading whose units its numbered items share."""
    pieces = split_annotated(paragraph.strip())
    if len(pieces) != 1 or pieces[0][1] is None or not following:
        return False
    name = compact(pieces[0][0]).rstrip(":：")
    if not 2 <= len(name) <= _NAME_LIMIT or re.search(r"[。；;，,]", name):
        return False
    kind, marker, _ = split_marker(following[0][1])
    return kind is not None and kind.startswith("arabic") and marker_number(marker) == 1


_NAME_LIMIT: Final = 20


# "X和Y要着力完成以下工作:", "领导小组的主要职责是:", "X负责以下几项工作:": a lead-in sentence giving
# the numbered list below it to the offices it opens with.
# An article's (and its chapter's) heading may be run in before it: "第一章 职责分工 第一条 司法行政机关
# 主要履行以下职责:".
_WORK_BELOW: Final = re.compile(
    rf"^{CHAPTER_RUN_IN}(?:{MARKERS['article']})?"
    r"(?P<units>(?:[^，,。；;:：()（）“”]|[(（][^()（）]{1,6}[)）]){2,60}?)(?:"
    r"(?:要|应|应当|须|必须)?(?:着力|重点|切实|认真|主要)?(?:完成|做好|抓好|承担|负责|落实|履行|负有|行使)?(?:以下|如下|下列)"
    r"(?:几项|几方面|[一二三四五六七八九十]+项)?的?(?:工作|任务|职责)"
    # "乡(镇)政府在农村公路养护管理中具体责任如下:", "市级…管理部门具体工作职能如下:"
    r"|(?:在[^，,。；;:：]{2,30}?中)?的?(?:主要|具体)?(?:工作)?(?:职责|责任|职能)(?:是|为|如下)"
    # "市交管办的主要职能:", "国务院国资委在责任追究工作中的主要职责:"
    r"|(?:在[^，,。；;:：]{2,30}?中)?的?(?:主要|具体)(?:工作)?(?:职责|职能)"  # ("X主要职责:(一)…")
    r")[:：]$"
)
# "共青团某市委员会是全市青年的群团组织,其主要职责是:": the office the sentence opens with
_IS_THEN_ITS_DUTIES: Final = re.compile(
    r"^(?P<units>[^，,。；;:：]{2,30}?)是[^，,。；;:：]{2,40}[，,]其(?:主要|具体)?(?:工作)?(?:职责|任务|职能)(?:是|为|如下)?[:：]$"
)


# "2022年,区城市管理委共承办为群众拟办重要民生实事项目5项,具体项目进展情况如下:": the office that
# undertakes the counted items listed below
_UNDERTAKES: Final = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:度)?[，,]?)?(?P<units>[^，,。；;:：]{2,30}?)(?:共|今年|全年)?(?:承办|承担|负责|牵头)"
    r"[^。；;:：]{0,40}?[\d一二三四五六七八九十两]+(?:项|件|个)[^。；;:：]{0,30}?(?:如下|以下)[:：]$"
)
# "其主要职责是:", "其机关的主要职责是:" (the office's own staff, the office), "主要职责是:"
_ITS_DUTIES: Final = re.compile(r"^(?P<its>其(?:机关的)?|(?=主要))(?:主要|具体)?(?:工作)?(?:职责|任务)(?:是|为|如下)[:：]$")
# the sentence before it, saying what the office is or whom it answers to: "X是…的领导机关。",
# "X(简称Y)受市委和团省委的领导。", "团市委由中共某市委和团省委领导,…。"
_IS_A: Final = re.compile(r"^(?P<units>[^，,。；;:：]{2,30}?)(?:是|受|由)[^。；;:：]{2,120}[。；;]$")
_SET_UP_UNDER: Final = re.compile(r"^[^，,。；;]{2,20}?下设(?=[^，,。；;]{0,12}?(?:办公室|小组))")


# "并重点公开下列政府信息:", a lead-in with no subject of its own, under a paragraph that opens with
# the office that discloses: "X公开政府信息的范围,主要是…", "X主动公开的政府信息包括…"
_DISCLOSES_BELOW: Final = re.compile(
    r"^(?:并|还|同时|其中)?(?:重点|主要|主动|及时)?公开(?:以下|下列|如下)[^，,。；;:：]{0,6}?(?:事项|内容|信息)[:：]$"
)
_DISCLOSING_OFFICE: Final = re.compile(r"^(?P<units>[^，,。；;:：]{2,30}?)(?:主动)?公开(?:的)?(?:政府)?信息")


# a lead-in's close, after the work it asks for: "…,确保在2022年年底前完成以下任务:"
_WORK_LISTED: Final = re.compile(
    r"[，,](?:确保|力争|并|重点)?(?:[^，,。；;:：]{2,20}?)?(?:完成|做好|抓好|落实)(?:以下|如下|下列)(?:几项|几方面|[一二三四五六七八九十]+项)?的?(?:重点)?(?:工作|任务)[:：]$"
)


def _named_lead_in(last: str) -> Assignment | None:
    """The office a lead-in names by what it is ("X是…,其主要职责是:", one office) or by what it
    undertakes ("X共承办…5项,…如下:"), or None."""
    its = _IS_THEN_ITS_DUTIES.match(last)
    office = _office_named(its["units"]) if its is not None else None
    if office is not None and len(office.units) == 1:
        return office
    undertakes = _UNDERTAKES.match(last)
    return _office_named(undertakes["units"]) if undertakes is not None else None


def _work_below(paragraph: str, following: Sequence[tuple[int, str]]) -> tuple[Assignment | None] | None:
    """A lead-in sentence (a paragraph's last) right over the first item of a numbered list, with
    the offices it names (None where it names none by name), or None."""
    sentences = re.split(r"(?<=[。；;])", compact(paragraph))
    last = sentences[-1]
    if (its := _ITS_DUTIES.match(last)) and len(sentences) > 1:
        # "领导小组下设办公室在民政局…合署办公。其主要职责是:": the office the sentence before opens with
        before = _SET_UP_UNDER.sub("", sentences[-2])
        is_a = _IS_A.match(before)
        office = _office_subject(before) or (_office_named(is_a["units"]) if is_a is not None else None)
        last = (office.units[0] if office is not None and len(office.units) == 1 else "其") + last[its.end("its") :]
    named = _named_lead_in(last)
    named = named or duties_title_assignment(last)  # "监测站职责" alone on its line over "一、…"
    match = _WORK_BELOW.match(last) if named is None else None
    # "X(以下简称Y)主管…工作,依法履行下列职责:": the duties of the office it opens with
    # (or "社会宣传由镇领导小组组织,重点开展“四个一”宣传:": the units of the clause it gives it to)
    performs = named or ((performed_duties(last) or (_by_clause(last) if last.endswith((":", "：")) else None)) if match is None else None)
    if match is None and performs is None and _DISCLOSES_BELOW.match(last):
        # "嘉积镇人民政府办公室公开政府信息的范围,主要是…。…并重点公开下列政府信息:": the office
        # the paragraph opens with discloses them
        opens = _DISCLOSING_OFFICE.match(compact(paragraph))
        performs = _office_named(opens["units"]) if opens is not None else None
    if match is None and performs is None and _WORK_LISTED.search(last):
        performs = _modal_duty(last)  # "X要按…要求,进一步细化目标任务,确保在…前完成以下任务:"
    if match is None and performs is None and last.endswith((":", "：")) and (duty := _SUBJECT_DUTY.match(last)) and duty["role"]:
        performs = _clause_duty(duty)  # "镇党政综合办公室负责向社会主动公开本机关制发的…政府信息:"
    if (match is None and performs is None) or not following:
        return None
    kind, marker, _ = split_marker(following[0][1])
    if kind is None or not (marker_number(marker) == 1 or compact(marker).lstrip("(（").startswith("一")):
        return None
    found = performs or _clause_duty(match)
    if found is not None and all(_strong_unit(unit) for unit in found.units):
        return (found,)
    # "其主要职责是:" over "1.…": a new list, no part of the one before ("重点做好以下工作:" over
    # "一、…" opens the plan's parts, no list)
    return (None,) if _RANK[kind] >= _RANK["arabic"] else None


# "相关依据:", "主要依据:" alone over a numbered list of the rules a plan rests on
_BASIS_BELOW: Final = re.compile(r"^[\u4e00-\u9fff]{0,2}依据[:：]$")


# "1.领办项目:下荒村路灯修复项目。工作进展:…": a project list with its progress; the label naming
# the project is no part of its text, and the progress is a note beside it, never the task.
_ITEM_LABEL: Final = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}项目|(?:项目|事项|任务|实事)名称)[:：]\s*(?=\S)")
_PROGRESS: Final = re.compile(rf"(?<=[。；;])\s*(?={PROGRESS_LABEL}[:：])")


def _progress_apart(text: str) -> tuple[str, list[str]]:
    """A numbered paragraph's task without the label naming it, and its progress report apart."""
    task, *progress = _PROGRESS.split(_ITEM_LABEL.sub("", text), maxsplit=1)
    return task, [clean_text(part) for part in progress]


# "4项目标的责任单位均为市发展改革委。", "该目标责任单位为市经委。": the units of the numbered items
# just above, as many as it counts.
_COUNTED_DUTY: Final = re.compile(
    r"^(?:该|此|以上|上述|前)?(?P<count>\d{1,2}|[一二三四五六七八九十]{1,3})?项?(?:目标|任务|指标|工作|事项)的?"
    r"(?:责任|牵头)单位(?:均|都)?(?:为|是)(?P<units>[^。；;]{2,60}?)[。.]?$"
)


# "上述项目由区商务委牵头负责。": a line giving the unnumbered tasks above it their units.
_CLOSES_ABOVE: Final = re.compile(r"^(?:以)?上(?:述|列)?[\u4e00-\u9fff]{0,6}?由(?P<units>[^。；;]{2,60}?)(?:牵头)?负责[。.]?$")
# "此项工作由市建委负责组织,各区人民政府具体实施。": the same, for the one task above
_THIS_WORK_BY: Final = re.compile(r"^(?:此|该|这)项?(?:工作|任务|项目|措施)由")


def _closed_above(
    paragraph: str, pending: Sequence[tuple[int, str]], parent: _Node | None, nodes: list[_Node], unread: list[tuple[int, str]]
) -> bool:
    """Whether the paragraph closes the unnumbered ones above it ("改建标准化菜市场4家。…" "在6家…"
    then "上述项目由区商务委牵头负责。"): each becomes an item under ``parent`` with those units."""
    closing = _CLOSES_ABOVE.match(compact(paragraph))
    duty = parse_annotation(closing["units"] + "负责") if closing else None
    if duty is None and _THIS_WORK_BY.match(compact(paragraph)):
        duty = _by_clause(paragraph)
    if duty is None:
        return False
    for line, body in pending:
        unread.remove((line, body))
        _child(nodes, parent, body, duty, line)
    return True


_OPEN_TAIL: Final = re.compile(r"[(（]([\u4e00-\u9fff]{1,4})$")
_LABEL_WORDS: Final = (
    *(
        role + duty + organ
        for role in (*LEAD_LABELS, *DUTY_LABELS, *ASSIST_LABELS)
        for duty in ("", "责任")
        for organ in LABEL_NOUNS
    ),
    *DEADLINE_LABELS,
)


def _labels_joined(paragraphs: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """A label alone on its line over its value ("责任单位" then "成安县水利局、商城镇": a form
    flattened one field a line) joined into one label line "责任单位：…"."""
    joined: list[tuple[int, str]] = []
    index = 0
    while index < len(paragraphs):
        line, text = paragraphs[index]
        value = paragraphs[index + 1][1] if index + 1 < len(paragraphs) else ""
        word = compact(text).rstrip(":：")  # "牵头单位:" then "光明区卫生健康局" too
        label = f"{word}：{value}"
        if word in _LABEL_WORDS and value and label_line(label) is not None:
            joined.append((line, label))
            index += 2
            continue
        joined.append((line, text))
        index += 1
    return joined


def _offices_over_duties(paragraphs: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """An office alone on its line over its duty ("区公安分局" then "维护考点周边安全…": a table of
    offices and duties flattened one cell a line), joined into "X：duty" where the page has two such
    pairs at least."""
    pairs = [
        index for index in range(len(paragraphs) - 1)
        if _office_alone(paragraphs[index][1]) and not _office_alone(paragraphs[index + 1][1])
        and _duty_sentence(paragraphs[index + 1][1])
    ]
    if len(pairs) < _FEWEST_DUTY_BLOCKS:
        return list(paragraphs)
    joined = list(paragraphs)
    for index in reversed(pairs):
        line, office = joined[index]
        joined[index : index + 2] = [(line, f"{compact(office).rstrip(':：')}：{joined[index + 1][1].strip()}")]
    return joined


def _offices_over_lists(paragraphs: Sequence[tuple[int, str]]) -> frozenset[int]:
    """The paragraphs that are an office alone on its line over a numbered list, where the page
    has two such at least (a list of each member unit's duties), or one over a list of duties
    ("网格服务管理中心" over "1.负责受理…" "2.负责综合分析…", on a page cut before the others)."""
    found = frozenset(
        index for index in range(len(paragraphs) - 1)
        if _office_alone(paragraphs[index][1]) and split_marker(paragraphs[index + 1][1].strip())[0] is not None
    )
    if len(found) == 1:
        (index,) = found
        below = [split_marker(text.strip())[2] for _, text in paragraphs[index + 1 : index + 4]]
        return found if sum(text.startswith("负责") for text in below) >= _FEWEST_DUTY_BLOCKS else frozenset()
    return found if len(found) >= _FEWEST_DUTY_BLOCKS else frozenset()


def _duty_sentence(text: str) -> bool:
    """Unnumbered sentences of some length ("维护考点周边安全…保障。"), not a title over two lines."""
    body = compact(text)
    return len(body) >= _FRAGMENT and split_marker(text)[0] is None and re.search(r"[。；;]", body) is not None


def _office_alone(text: str) -> bool:
    """A line naming one office and nothing else ("区市场监管局", "省委宣传部:")."""
    name = compact(text).rstrip(":：")
    short = len(name) == 2 and name.endswith(("联", "协")) and is_unit_phrase(name)  # "妇联", "科协"
    return len(name) <= _OFFICE_LONGEST and not re.search(r"[，,。；;:：、]", name) and (short or _strong_unit(name))


_OFFICE_LONGEST: Final = 20
_PERSON_NAME: Final = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
_FEWEST_DUTY_BLOCKS: Final = 2


def _duty_cells_labelled(paragraphs: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """A task table flattened one cell a line without its header, each task followed by its unit
    cells and the person in charge ("5、整治农村河流…" / "各村(居、场)" / "苏荣义"): where the page
    has such blocks twice at least, the unit cells become a "责任单位：" line and the person a
    "责任人：" line, as if the header had labelled them."""
    blocks: list[tuple[int, int]] = []  # (first unit cell, the person's cell)
    for index, (_, text) in enumerate(paragraphs):
        if not _PERSON_NAME.match(text.strip()) or is_unit_phrase(text.strip()):
            continue
        start = index
        while start > 0 and index - start < 3 and _unit_cell(paragraphs[start - 1][1]):
            start -= 1
        if start < index:
            blocks.append((start, index))
    if len(blocks) < _FEWEST_DUTY_BLOCKS:
        return list(paragraphs)
    labelled = list(paragraphs)
    for start, person in reversed(blocks):
        units = "、".join(text.strip() for _, text in paragraphs[start:person])
        labelled[start:person + 1] = [
            (paragraphs[start][0], f"责任单位：{units}"),
            (paragraphs[person][0], f"责任人：{paragraphs[person][1].strip()}"),
        ]
    return labelled


def _unit_cell(text: str) -> bool:
    return len(text.strip()) <= _UNIT_CELL and classify(text.strip()) is CellKind.UNITS


_UNIT_CELL: Final = 30  # characters of a cell of unit names, the most


# "二、整改实施主体" (or "责任单位", "牵头单位") alone on its line over the units' line alone
_UNITS_PART: Final = re.compile(rf"^(?:整改)?(?:{UNIT_LABEL})$")


def _units_part(node: _Node) -> Assignment | None:
    """The units a part headed by a unit label gives every task of the document that names none
    ("二、整改实施主体" then "宣城市委、市政府"), or None."""
    if not node.marker or node.joined is None or node.children or not _UNITS_PART.match(_heading(node)[len(node.marker):].strip()):
        return None
    found = parse_annotation(node.joined.strip()) if looks_like_units(node.joined) else None
    return found if found is not None and all(map(_strong_unit, found.units)) else None


def _duty_above_all(paragraphs: Sequence[tuple[int, str]], nodes: Sequence[_Node]) -> Assignment | None:
    """A label line above the first numbered paragraph ("责任单位：…" of a one-task form): the
    units of every item, where none names its own."""
    first = min((node.line for node in nodes if node.marker), default=None)
    if first is None or any(node.annotation or node.labels for node in nodes):
        return None  # (where tasks name their own units, a label above them is a cut row's)
    labels = [text for line, text in paragraphs if line < first and label_line(text) is not None]
    return label_line(labels[-1]) if len(labels) == 1 else None


def _office_over_duties(paragraphs: Sequence[tuple[int, str]], nodes: Sequence[_Node]) -> Assignment | None:
    """An office's name alone on the line over a numbered list that names no unit, most of whose
    paragraphs open with a duty ("自治区护林防火指挥部办公室(…分中心)" over "一、负责贯彻执行…"
    "二、负责起草…"): a page of that office's duties, each its own."""
    numbered = [node for node in nodes if node.marker]
    if not numbered or any(node.annotation or node.labels for node in nodes):
        return None
    above = [name for line, text in paragraphs if line < numbered[0].line and (name := _BULLET_MARK.sub("", compact(text)))]
    name = above[-1] if above else ""
    if not _office_alone(_ALIAS.sub("", name)):
        return None
    duties = sum(_DUTY_OPENING.match(node.body.strip()) is not None for node in numbered)
    return Assignment((name,), (name,)) if duties * 2 > len(numbered) else None


_BULLET_MARK: Final = re.compile(rf"^[{BULLETS}·]\s*")
_ALIAS: Final = re.compile(r"[(（][^()（）]{2,40}[)）]$")  # "(国家林业局西北卫星林火监测分中心)"
_DUTY_OPENING: Final = re.compile(f"(?:{DUTY_VERBS}|会同|完成)")


def _cut_label(text: str) -> bool:
    """Whether a line is only a label, or the start of one, that the page's end cut off."""
    text = text.lstrip("(（").rstrip(":：")
    return len(text) >= 2 and any(word.startswith(text) for word in _LABEL_WORDS)


# The first characters of the next sentence after an annotation, where the page ends: "…(地区农牧局)引".
_CUT_AFTER: Final = re.compile(r"(?<=[)）])[\u4e00-\u9fff]{1,3}$")


_OPEN_ANNOTATION: Final = re.compile(r"[(（](?P<units>[^()（）]{2,120})$")
_CUT_ROLE: Final = re.compile(r"(?:等(?:有关|相关)?(?:部门|单位))?(?:负责|牵头|配合)(?:落|实施|组)?$")


def _cut_unit(paragraph: str, found: Assignment | None) -> Assignment | None:
    """The units of an annotation the page's end left open after a name cut short ("…(省市场监管局、
    省商务厅、省林业", perhaps 省林业和草原局: no unit's ending): those named whole, or None where nothing
    was cut."""
    if found is None or len(found.units) < 2 or paragraph.rstrip().endswith((")", "）")) or found.units[-1].endswith(UNIT_ENDINGS):
        return None
    cut = found.units[-1]
    return replace(found, units=found.units[:-1], lead_units=tuple(unit for unit in found.lead_units if unit != cut) or found.units[:1])


def _cut_annotation(body: str) -> tuple[str, Assignment] | None:
    """A requirement whose annotation the page's end cut inside a unit's name ("…工作措施(省发改委、
    住"): the requirement, and the units named whole before the cut."""
    match = _OPEN_ANNOTATION.search(body.rstrip())
    if match is None or len(compact(body[: match.start()])) < _FRAGMENT:
        return None
    units = match["units"]
    # (cut inside the role word after the names, "…、区城市管理委等相关部门负责落": every name is whole)
    named = _CUT_ROLE.sub("", units)
    whole = named if named != units else re.sub(r"[、，,；;]?[^、，,；;:：]*$", "", units)
    found = parse_annotation(f"({whole})") if whole else None
    return (body[: match.start()], found) if found is not None else None


def _without_cut_label(paragraph: str) -> str:
    """The page's last paragraph without the start of an annotation the page's end cut inside
    its label ("4.争创城乡融合发展先行区。(牵头部"): it names no unit and is no text; nor the
    start of a sentence cut right after its annotation ("…基本农田。(地区农牧局)引")."""
    tail = _OPEN_TAIL.search(paragraph.rstrip())
    if tail and any(word.startswith(tail[1]) for word in _LABEL_WORDS):
        return paragraph.rstrip()[: tail.start()]
    after = _CUT_AFTER.search(paragraph.rstrip())
    if after and split_trailing_annotation(paragraph.rstrip()[: after.start()])[1] is not None:
        return paragraph.rstrip()[: after.start()]
    return paragraph


# "牵头领导：省政府分管领导同志", "责任人：张明": a line naming the person in charge of the item
# above, a note beside its units (never its text, nor a unit).
_PERSON_LABEL: Final = re.compile(rf"^[(（]?\s*{PERSON_LABEL}\s*[:：]")
# "实际完成情况：…" on a line of its own after an item: a progress report, a note beside it.
_PROGRESS_LINE: Final = re.compile(rf"^{PROGRESS_LABEL}[:：]")


# The order of outline markers in Chinese official documents (GB/T 9704: 一、 (一) 1. (1)).
_RANK: Final = {
    "part": 0, "office": 0, "article": 1, "cn": 1, "block": 1, "unit_group": 2, "cn_paren": 2, "arabic": 3, "arabic_space": 3, "decimal": 4, "decimal_deep": 4, "arabic_paren": 5, "arabic_half": 4,
    "circled": 6, "cn_shi": 6, "lost": 3,
}  # fmt: skip


def _labelled_by(nodes: list[_Node], label: str) -> list[_Node]:
    """The items a label line ("责任单位：…") after ``nodes[-1]`` belongs to: that one; and when it
    is the last of numbered items under one heading ("(1)…" "(2)…" "(3)…") none of which has a
    unit of its own, all of them: the line closes the group."""
    last = nodes[-1]
    if not last.marker or last.labels or last.annotation:
        return [last]
    if last.parent is not None and _heading_units(last.parent) is not None and not _assisting_labels([label]):
        # the heading gives them a unit: "(三)省编办牵头的工作" over "1.…" "2.…" (its assisting
        # units under them, "协助单位：交通局", assist in all of them)
        return [last]
    siblings = [node for node in nodes if node.parent is last.parent]
    if all(
        node.marker and not node.labels and not node.annotation and _heading_units(node) is None
        for node in siblings
    ):
        return siblings
    return [last]


def _heading_units(node: _Node) -> Assignment | None:
    """The units a node's heading names ("(一)省监察厅牵头的工作" standing over its text)."""
    lead, _ = _lead_in(node.body)
    return section_assignment(node.marker + (lead if lead is not None else node.body))


def _enter(kinds: list[str], stack: list[_Node], kind: str) -> tuple[int, _Node | None]:
    """The outline level a paragraph marked ``kind`` opens, and the heading it stands under; the
    kinds and headings deeper than it are closed (``kinds`` and ``stack`` updated in place)."""
    level = _level(kinds, kind)
    del kinds[level + 1 :]
    kinds[level:] = [kind]
    del stack[level:]
    return level, stack[-1] if stack else None


def _level(kinds: list[str], kind: str) -> int:
    """The outline level of a marker kind: where it was first seen, else below the levels open
    now, unless it outranks them ("(四)" after "40." on a page that starts mid-document: a new
    part, not a child of item 40)."""
    if kind in kinds:
        return kinds.index(kind)
    outranked = [i for i, seen in enumerate(kinds) if _RANK[seen] > _RANK[kind]]
    return outranked[0] if outranked else len(kinds)


def _unmarked(body: str) -> str:
    """A requirement cut out of a paragraph without the sub-number it starts with ("(2)…")."""
    kind, _, rest = split_marker(body)
    return rest if kind is not None else body


_DUTIES_LABEL: Final = re.compile(r"^(?:主要|工作)?职责[:：]\s*(?=\S)")


def _unnumbered(
    nodes: list[_Node], stack: list[_Node], body: str, annotation: Assignment | None, line: int
) -> bool:
    """An unnumbered paragraph: the end of the item before it when that item had no annotation
    yet, the body of a heading standing alone on its line ("(一)加强组织领导" then its text), an
    item of its own under the current section when annotated; False when it is none of these."""
    last = nodes[-1] if nodes else None
    block = stack[-1] if stack and _BLOCK.match(stack[-1].marker) else None
    if annotation is None and block is not None:
        # under a block number, each line is a project ("*" marks one the city extends here)
        _child(nodes, block, body.lstrip("*＊").strip(), None, line)
        return True
    open_item = last is not None and stack and last is stack[-1] and last.annotation is None
    if annotation is None and last is not None and open_item and _SUB_POINT.match(body):
        # "全面规划都市圈快速通道路网，" then "●2019年建成…；": the item's own points, not items
        last.body = f"{last.body}\n{body}"
        return True
    if annotation is None and last is not None and last.bulleted and last.annotation and _BULLET.match(body):
        # "● …(X牵头落实)" then "● 各级民政部门每半年…" cut by the page: the next bullet's task
        _add(nodes, _Node(last.level, "", _BULLET.sub("", body), parent=last.parent, line=line, bulleted=True))
        return True
    # "(一)设置统一受理窗口(完成时限:2018年9月30日)。" alone on its line: a heading with its time only
    timed_heading = last is not None and stack and last is stack[-1] and last.annotation is not None \
        and not last.annotation.units and last.annotation.deadline_raw is not None
    if annotation is None:
        if signed_at([body]) == 0:
            return False  # "九、…必须全员配戴口罩。" then "2020年1月27日": the signature's date, no text of it
        if last is not None and (open_item or timed_heading) and not last.children and not _has_body(last):
            body = _DUTIES_LABEL.sub("", body)  # "2、业务一组。" then "职责:负责…": the duties
            last.joined = body
            # ("第一條" alone on its line over its text: no heading sentence before it)
            last.body = f"{last.body.rstrip('。')}。{body}" if last.body.strip() else body
            return True
        return _headed_sibling(nodes, stack, body, line)
    broken = last is not None and open_item and _has_body(last) and _broken_off(last.body)
    if last is not None and open_item and _has_body(last) and not broken:
        last.body = f"{last.body}\n{body}"
        last.annotation = annotation
        return True
    parent = stack[-1] if stack else None
    if broken and parent is not None:
        # "…使健康生活理念" then "充分利用…(责任单位：…)": the item before was cut at a column's
        # or page's foot; this annotated paragraph resumes other text, beside it
        parent = parent.parent
    if parent is not None and parent.annotation is not None and not parent.children:
        parent = parent.parent  # after an item with its own annotation: beside it, not under it
    bulleted = _BULLET.match(body) is not None
    body = _BULLET.sub("", body)  # "● 白茶市场存在…" then "(主体责任:…)": the bullet is no text
    _child(nodes, parent, body, annotation, line, bulleted)
    return True


_BULLET: Final = re.compile(rf"^[{BULLETS}]\s*")


# A bulleted point ("●", or "?" where the page lost the bullet's glyph), or a sentence left open
# by a comma or colon before such points.
_SUB_POINT: Final = re.compile(rf"^(?:[^。；;]{{4,80}}[，,：:]\s*)?[{BULLETS}▪■□?？]\s*(?=[\u4e00-\u9fff“《\d])")


_BLOCK: Final = re.compile(r"^\d{2}$")


_HEADED_SENTENCE: Final = re.compile(r"^[^。；;，,：:]{4,20}。(?=.{20})")


def _headed_sibling(nodes: list[_Node], stack: list[_Node], body: str, line: int) -> bool:
    """An unnumbered paragraph opening with a short heading sentence ("落实解读责任。局主要负责人
    …"), after one so written that was taken as the body of a heading standing alone ("(一)加大
    政策解读" then "扩大解读范围。…"): the heading is a section, and each such paragraph is an
    item under it."""
    last = nodes[-1] if nodes else None
    if last is None:
        return False
    if not _HEADED_SENTENCE.match(body):
        # "一、及时公布清单,优化政务服务" over "委编办负责…" and "各乡镇人民政府要…": paragraphs each
        # opening with the offices that do it, each an item under the heading
        if _subject_duty(body, modal=True) is None or not stack:
            return False
        if not last.marker and last.parent is stack[-1] and _subject_duty(last.body, modal=True) is not None:
            _child(nodes, stack[-1], body, None, line)  # (and a third such paragraph after them)
            return True
        if last.joined is None or last is not stack[-1] or last.children or last.annotation:
            return False
        if _subject_duty(last.joined, modal=True) is None:
            return False
        _child(nodes, last, last.joined, None, last.line)
        last.body, last.joined = last.body[: -len(last.joined)], None
        _child(nodes, last, body, None, line)
        return True
    if last.joined is not None and stack and last is stack[-1] and not last.children:
        if not _HEADED_SENTENCE.match(last.joined) and _first_offices(compact(last.joined), by=False) is None:
            # ("一、…" over "促进毕业生就业是政府的…重要职责。各县(市、区)政府要…" then "要加大…力度。
            # 事业单位…要…": the first paragraph is a task of its own too)
            return False
        first = _child(nodes, last, last.joined, None, last.line)
        last.body, last.joined = last.body[: -len(last.joined)], None
        last = first
    heading = last.parent
    if last.marker or heading is None or not stack or heading is not stack[-1] or last.annotation:
        return False
    _add(nodes, _Node(last.level, "", body, parent=heading, line=line))
    return True


_Range = tuple["_Node | None", int, str]  # (the items' section, the last item number, deadline)


def _range_of(node: _Node, ranged: _Range | None) -> _Range | None:
    """The deadline an annotation wrote for a run of numbered items ("(1-4项…完成时限：全年工作)")
    while the node is one of them: under the same heading, its number within the run."""
    own = node.annotation
    if own is not None and own.covers and own.deadline_raw:
        return node.parent, own.covers, own.deadline_raw
    number = marker_number(node.marker) if node.marker else None
    if ranged is None or node.parent is not ranged[0] or number is None or number > ranged[1]:
        return None
    return ranged


def _with_standing(item: Item, standing: Sequence[str], own: Assignment | None) -> Item:
    """The item with the units an annotation above gave every item below it, after its own; all
    lead where its own list marks no lead."""
    extra = tuple(unit for unit in standing if unit not in item.units)
    if not extra:
        return item
    units = (*item.units, *extra)
    leads = item.lead_units if own is not None and own.marked else units
    return replace(item, units=units, lead_units=leads)


# A notice where fewer than one paragraph in this many says who does it after its heading sentence
# ("(二)加强监督指导。市政务公开办要…" among seventy paragraphs of criteria) is no plan for that.
_ASKED_SHARE: Final = 10


def _after_heading_sentence(node: _Node) -> tuple[Assignment, bool] | None:
    """In a notice that annotates none of its tasks, the offices the first sentence after a task's
    heading sentence to open with offices has as its subject ("(二)落实煤源。旗发改委要…": 旗发改委;
    "(二)加强宣传。…是…的重要内容。各县区要…": 各县区), with those of later sentences, and whether
    that is the sentence right after the heading (or the heading line); an article has no heading
    sentence."""
    if _is_article(node):
        return None
    lead, rest = _lead_in(node.joined or node.body)
    if lead is None:
        if node.joined is None and node.marker:
            return None
        # its heading on a line of its own: "三、协调配合" over "此项工作…。各单位要…" (or over this
        # paragraph and others: "促进毕业生就业是…。各县(市、区)政府要…")
        rest = node.joined or node.body
    found = _first_offices(rest)
    return (found[0], found[1] == 0) if found is not None else None


def _first_offices(text: str, by: bool = True) -> tuple[Assignment, int] | None:
    """The offices the first of a text's opening sentences to name them has as its subject, and
    that sentence's index; ``by``: a sentence that opens with 由X gives the work to X ("由X会同Y尽快
    组织编制…")."""
    sentences = [sentence for sentence in re.split(r"(?<=[。；;])", text) if sentence.strip()]
    for index in range(min(len(sentences), _SENTENCES_LOOKED_AT)):
        tail = "".join(sentences[index:])
        found = _subject_duty(tail, given=by and tail.lstrip().startswith("由"), modal=True)
        if found is not None:
            return found, index
    return None


# How far into a task its offices are looked for (each look reads the rest of the task, so a
# paragraph of thousands of sentences is not read thousands of times)
_SENTENCES_LOOKED_AT: Final = 6


def _article_duty(work: str) -> Assignment | None:
    """An article of a rule as the work of the office it opens with, whatever the verb ("第四条
    省人民政府建立…工作机制。"), with those its later paragraphs open with; or, headed by its work
    ("第五条 动态开展山洪灾害隐患排查。" then "市防指结合…组织…"), of those its paragraphs name."""
    opening = compact(work.split("\n")[0].split("。")[0])
    first = _office_subject(opening) or _fields_subject(opening) or Assignment((), ())
    with_ = next((found.start() for found in re.finditer(_WITH_WORD, opening)), -1)
    if first.units and with_ > 0 and (joined := _JOINED_LATER.match(opening, with_)) is not None:
        # "市水利局、市市政管理委员会会同市物价部门研究制定…": X leads those it works with
        first = _led_with(opening[:with_], joined["units"]) or first
    later = {compact(paragraph) for paragraph in work.split("\n")[1:]}
    return _with_units(_with_later_subjects(compact(work), first, later))


def _with_units(found: Assignment | None) -> Assignment | None:
    """The assignment when it names a unit, else None (a start that named none, ``Assignment((),
    ())``, and found none later)."""
    return found if found is not None and found.units else None


def _named_units(nodes: Sequence[_Node]) -> frozenset[str]:
    """The units the notice's own annotations name."""
    return frozenset(
        unit for node in nodes if node.annotation is not None for unit in node.annotation.units
    )


_GLUED_MIN: Final = 2  # characters of a unit name, the fewest that may be glued to the text


def _glued_annotation(body: str, known: frozenset[str]) -> tuple[str, Assignment | None]:
    """An annotation that lost its brackets and its full stop, glued to the text ("…办事条件等信息
    审批处牵头,各有关处室、民服中心配合"): it starts at a unit the notice names in another
    annotation, runs to the end of the paragraph, and names only units and roles."""
    text = body.rstrip()
    if not ENDS_ON_ROLE.search(text):
        return body, None
    starts = sorted(
        (start, unit)
        for unit in known
        if len(unit) >= _GLUED_MIN and (start := text.rfind(unit)) > 0
    )
    for start, unit in starts:  # the earliest: the whole annotation, not its last clause
        found = parse_annotation(text[start:])
        if found is not None and found.units[0] == unit and found.deadline_raw is None:
            return text[:start].rstrip(), found
    return body, None


def _broken_off(body: str) -> bool:
    """A body that stops inside a sentence (no full stop, semicolon or closing bracket)."""
    return body.rstrip()[-1:] not in "。；;！!？?：:)）”】" + "，,、" and len(body) > 30


def _is_item(node: _Node, flat: bool) -> bool:
    """A leaf is an item unless it is only a short heading at the outermost level of an outline
    whose other headings have items under them ("五、其他"), and never a bracket alone ("(2010年7月30日
    …会议通过)" under a rule's title reads as an annotation with no task before it)."""
    if not compact(node.body):
        return False
    if node.annotation is not None or node.labels or _has_body(node):
        return True
    # (a whole sentence of clauses is a task, "一、实施易地扶贫搬迁工程,全省全年完成10万人搬迁任务。")
    return bool(node.body.strip()) and (node.level > 0 or flat or _SENTENCE_OF_CLAUSES.search(node.body) is not None)


_CLAUSE_END: Final = re.compile(r"[\u4e00-\u9fff][。；;]$")
_WORK_START: Final = re.compile(f"(?:{DUTY_VERBS}|做好|维护|开展|加强|推进|建立|落实|制定)")
_SENTENCE_END: Final = re.compile(r"[\u4e00-\u9fff]。$")
_SENTENCE_OF_CLAUSES: Final = re.compile(r"[\u4e00-\u9fff][，,；;][^。]*[\u4e00-\u9fff]。$")


def _same_subjects(items: list[Item]) -> tuple[list[Item], int]:
    """The items that open with the office another item's sentence has as its subject ("四、各市(州)
    经济和信息化局要…" gives it "一、各市(州)经济和信息化局依照…确定…" too), whatever their verb, in a
    notice that annotates none of its items; and how many such items there are."""
    subjects = {
        item.units[0] for item in items
        if len(item.units) == 1 and item.text.startswith(item.units[0]) and not item.units_inherited
    }
    found = 0
    for index, item in enumerate(items):
        if item.units:
            continue
        for unit in subjects:
            verb = _PREDICATE.match(item.text, len(unit))
            if item.text.startswith(unit) and verb is not None and verb[0] != "在":  # ("各地在每个阶段都要…")
                items[index] = replace(item, units=(unit,), lead_units=(unit,))
                found += 1
                break
    return items, found


def _list_points(nodes: Sequence[_Node]) -> set[int]:
    """(ids of) the points of a rule's list whose items close with ；, its last with 。: duties,
    however short, never headings ("(七)参与城区…低保审批工作；" on a page that opens inside the
    list an article on the page before heads; a plan's list of what a campaign targets, "(四)“克隆”
    出租车；", is no work and is not asked about)."""
    points: set[int] = set()
    before: _Node | None = None
    for node in nodes:
        if not node.children and node.marker and (node.body.rstrip().endswith(("；", ";")) or (
            before is not None and id(before) in points and before.level == node.level and node.body.rstrip().endswith("。")
        )):
            points.add(id(node))
        before = node
    return points


def _lists_what(node: _Node) -> bool:
    """An article whose points say what its work covers, not work of their own ("第十二条 由X每年
    公布…年度报告。内容包括:" over "(一)…情况;"): one item with them when it names who does it."""
    body = compact(node.body)
    # (never the powers it may use: "…履行监督职责时可以采取以下措施:" is no work)
    return _is_article(node) and _NO_WORK_BELOW.search(body) is not None and re.search(_POWER_LIST, body) is None


def _cut_short(node: _Node) -> bool:
    """The document's last paragraph, a few characters without a full stop or annotation."""
    body = compact(node.body)  # (counted without a PDF's letter spacing: "镇 纪 委 掌 握")
    return (
        not node.children
        # (an unnumbered office's duty too: "市气象局:提供突发环境事件" and the page ends)
        and (node.annotation is None or not node.marker)
        and not node.labels
        and len(body) < _FRAGMENT
        and not body.endswith(("。", "；", ";", "!", "！"))
    )


def _has_body(node: _Node) -> bool:
    return len(node.body) > 30 or "。" in node.body.rstrip("。")


# Parts of a notice that state its aims, not work to assign (总体要求, 指导思想, 工作目标, 基本原则).
_BACKGROUND: Final = re.compile(
    r"^(?:总体要求|指导思想|(?:主要|总体)?工作目标|主要目标|总体目标|(?:控制|防治|具体|预期)目标|[\u4e00-\u9fff]{0,2}原则(?:和目标)?|目标要求|目标和要求|目标与要求|总体思路"
    r"|[\u4e00-\u9fff]{0,4}依据"
    r"|[\u4e00-\u9fff]{0,4}目的(?:和意义|与意义)?|(?:活动)?(?:参加|参会|参训|邀请|参与)(?:人员|对象|范围)|适用范围"
    r"|(?:保障|服务|救助|帮扶|扶持|补助|适用)对象"
    r"|(?:活动|宣传)?主题|活动(?:时间|地点)"
    # ("一、活动背景与目的", "一、出台背景", "六、报名方式")
    r"|[\u4e00-\u9fff]{0,4}背景(?:[与和及](?:目的|意义))?|报名(?:方式|办法|时间))(?:[。:：]|$)"
)


# "一、防空警报试鸣时间" alone on its line over "2023年9月18日…", "二、检查范围", "三、公示时间": a
# heading naming a fact of the event the notice announces; what stands under it is no work.
_FACT_WORD: Final = r"[\u4e00-\u9fff]{2,8}(?<!步骤|安排|督办|完成|办理)(?<!的工作)(?<![及和与])(?:时间|地点|范围|(?<!宣传|组织|活动)形式)"
_FACT: Final = re.compile(rf"^{_FACT_WORD}$")
# "第一条 根据《…》,制定本规定。", "第二条 区工信局是区政府工作部门,为正科级…", "本办法所称补助资金,
# 是指…", "…通信网,主要是指…", "本规则适用于…", "…的单位和个人应当遵守本办法。", "任何单位和个人都有权
# 举报…": a rule's opening articles, its basis, what the office is, what its words mean, whom it binds
# and the rights it gives anyone, its penalties ("违反本条例规定…的,由X责令改正") and the principle it
# follows ("…工作实行统一管理与分级管理的原则。"), no work.
# ("本实施细则", "本考核办法")
_RULE: Final = r"本[\u4e00-\u9fff]{0,4}?(?:规定|办法|方案|细则|意见|计划|要点|条例|规则|制度|指南|准则)"
_PREAMBLE: Final = re.compile(
    # (a page that scrambled its stops may hold one inside: "…根据,中华人民共和国政府信息公开条例。等法规 制定本规定.")
    # ("…,制定陕西省婚姻登记规范化建设实施细则:", "…,制定本办法、": a rule named, a stray stop)
    rf"^(?:为了?|根据|依据|按照).{{0,400}}(?:制定|制订|特制|形成)(?:{_RULE}|[^，,。；;:：]{{2,30}}?(?:规定|办法|细则|条例|规则))[。,，.．、:：]{{0,2}}$"
    r"|^[^，,。；;]{2,30}是[^，,。；;]{0,20}(?:工作部门|组成部门|直属机构|派出机构|事业单位|执行机关|行政机关|人民团体|群众团体|群众组织)[，,。]"
    rf"|^{_RULE}(?:所称|中的)[^，,。；;]{{1,30}}[，,]?(?:是指|包括)"  # what its words mean
    r"|^[^，,。；;]{2,40}[，,]?(?:主要)?是指|^[^，,。；;]{2,40}主要指(?![导挥定出])"  # ("农机安全主要指…")
    # whom it binds (other laws aside: "…应当遵守本条例。法律、法规另有规定的从其规定。")
    rf"|^{_RULE}适用于|^[^；;]{{2,80}}?适用于?{_RULE}|^[^。；;]{{2,200}}(?:(?:应当|应|均应|都应|均须|须|必须)遵守|适用){_RULE}。(?:[^。；;]{{2,30}}另有规定的[，,]?(?:从|依照)其规定。)?$"
    r"|^[^。；;]{0,30}任何(?:单位和个人|组织和个人|单位或者个人|组织或者个人|人)[^。；;]{0,4}有权"  # a right anyone has
    # what the law protects, what anyone is forbidden: "电力设施受国家法律保护。禁止任何单位和个人危害…"
    # ("电信通信设施是国家财产,受法律保护。禁止一切危害…的行为。")
    r"|^(?:[^。；;]{2,40}受(?:国家)?法律保护。)?禁止(?:任何(?:单位和个人|组织和个人|单位或者个人|组织或者个人|人)|一切)[^。；;]{2,120}。$"
    r"|^[^。；;]{2,40}受(?:国家)?法律保护。$"
    rf"|^违反{_RULE}"  # a penalty
    r"|^[^。；;]{2,60}(?:应当|应)?(?:坚持|遵循|实行)[^。；;]{2,160}的(?:原则|方针)。$"  # its principle
    # ("…工作按照…分级负责的原则组织实施。", "委网站本着统筹规划、…的原则进行管理和运行。")
    # ("爱国卫生工作按照“条块结合、以块为主”的管理原则,实行目标管理责任制。")
    r"|^[^。；;]{2,40}(?:按照|本着)[^。；;]{2,160}的(?:管理|工作)?原则(?:组织实施|进行[\u4e00-\u9fff]{0,8}|开展|[，,]实行[^，,。；;]{2,16}制)?。$"
    # what a thing is: "…门户网站(以下简称“委网站”)…是…唯一政务公开平台,是…的重要阵地、…重要窗口。"
    # ("省局门户网站是省局在互联网上对外宣传的总窗口,…", "12345热线是自治区设立的…政务服务平台,…")
    r"|^[^。；;]{2,80}?是[^。；;]{2,80}?(?:唯一|重要|总|设立的)[^。；;]{0,20}?(?:平台|门户|阵地|窗口|渠道|载体)[^。；;]*。$"
    r"|^[^，,。；;]{2,30}的(?:目的|宗旨|对象)[，,]?是"  # its purpose, whom it serves: "农业普查的目的,是全面掌握…"
    # what a work covers: "法治宣传教育的内容包括以宪法为核心的…"
    r"|^[^，,。；;]{2,30}的(?:主要)?内容(?:包括|是|为|有)(?![:：])"
    # its kinds: "示范基地按照建设内容和所起作用分为四类:生产型、…"
    r"|^[^，,。；;]{2,30}?(?:按照?[^，,。；;]{2,30}?)?分为[一二三四五六七八九十两\d]{1,2}(?:类|种|级|个等级)[:：，,。]"
    # a meeting's agenda: "二、关于2023年民生实事完成情况…的汇报;", "三、《关于…的报告》起草情况…的汇报。"
    r"|^(?:关于|《)[^。；;]{2,150}的(?:汇报|请示)[；;。]?$"
)
# "公共信用信息的归集、披露、使用和管理活动,应当遵循合法、安全…的原则,…", "农村牧区消防工作坚持“预防
# 为主、防消结合”的方针,…", "山洪灾害防御坚持人民至上…", "促进民族团结进步是全社会的共同责任,实行…的
# 工作机制": the principle of a work, whose subject is no office
_PRINCIPLE: Final = re.compile(
    r"^(?P<subject>[^。；;，,]{2,60}?)[，,]?(?:(?:应当|应|必须|要)?(?:坚持|遵循|实行)[^。；;]{2,200}?的(?:原则|方针|工作机制)"
    r"|是全社会的共同(?:责任|义务|职责))(?:[。，,；;]|$)"
    # "发展数字经济是本省经济社会发展的重要战略。", "铸牢…意识是自治州各项工作的主线。": what a work
    # is, a sentence of its own
    r"|^(?P<what>[^。；;，,]{2,40}?)是[^。；;，,]{2,40}的(?:重要|重大|根本|长期|基本)?(?:战略|主线|途径|基础)(?:。|$)"
)
# In an article of a rule, whatever follows: "第二条 山洪灾害防御坚持人民至上、生命至上;坚持以防为主…"
# (in a plan, "…,坚持以公开为常态" is a task)
# ("第三条 坚持“总量控制、…”原则组织开展…工作。": the principle with no subject at all)
_ARTICLE_PRINCIPLE: Final = re.compile(r"^(?P<subject>[^。；;，,]{2,60}?)[，,]?(?:应当|应|必须|要)?(?:坚持|遵循)|^(?:坚持|遵循)[^。；;]{2,60}?原则")


# In an article of a rule, the regime a work follows, "城市市容和环境卫生实行统一领导,分级负责…",
# "移民工作实行政府领导、分级负责…", or whom it binds, "凡在本省行政区域内从事…的单位和个人,应当…"
_REGIME_OR_WHOEVER: Final = re.compile(
    r"^(?P<subject>[^。；;，,]{2,30}?(?:工作|管理|卫生)(?=实行(?:[\u4e00-\u9fff]{2,12}[、，,]){2,}[\u4e00-\u9fff]{2,12}(?:的[\u4e00-\u9fff]{2,8})?。)|凡)"
)


def _preamble(text: str, article: bool = False) -> bool:
    """Whether a paragraph (an ``article``'s) is a rule's basis, scope, definition, penalty or
    principle."""
    # (a principle only as a paragraph of its own: "第三条 测绘工作实行…的原则。" over the offices'
    # paragraphs is their article)
    folded = compact(text)
    if _PREAMBLE.match(folded) is not None:
        return True
    if "\n" in text.strip():
        return False
    principle = _PRINCIPLE.match(folded) or (_ARTICLE_PRINCIPLE.match(folded) if article else None) \
        or (_REGIME_OR_WHOEVER.match(folded) if article else None)
    if principle is None or is_unit_phrase(principle["subject"] or principle.groupdict().get("what") or ""):
        return False
    # ("…坚持…的工作原则,…。各乡镇要切实加强…": the offices' work after it; "…是全社会的共同责任,
    # 各级人民政府应当…": in its own sentence)
    rest = folded[principle.end():] if folded[principle.end() - 1 : principle.end()] in "，," else ""
    if rest and _modal_duty(rest) is not None:
        return False
    return _with_units(_with_later_subjects(folded, Assignment((), ()))) is None


_POWER_LIST: Final = r"可以采取(?:以下|下列|如下)[^，,。；;:：]{0,6}?(?:措施|方式|手段)[:：]$"
_NO_WORK_BELOW: Final = re.compile(
    r"^[^，,。；;]{2,40}(?:系指|是指)[:：]$|所称[^，,。；;]{1,20}包括[:：]$|(?:具备|符合|具有)(?:以下|下列|如下)(?:基本)?(?:条件|资格)[:：]$"
    r"|(?:遵循|坚持|贯彻|按照)(?:以下|下列|如下)(?:基本)?原则[:：]$"  # "…应当遵循下列原则:" over the principles
    r"|的(?:行业|适用|调查|统计|保护)?范围(?:包括|是|为)[:：]$"  # "经济普查的行业范围包括:" over what it covers
    # "历史文化名城保护对象包括下列内容:" over the things it protects
    r"|(?:保护|管理|服务)对象(?:包括|是|为)(?:以下|下列|如下)?[^，,。；;:：]{0,4}[:：]$"
    # "…医疗保险的实施范围和对象是…以外的本市城镇户籍居民,包括:": whom a scheme covers
    r"|的[^，,。；;:：]{0,4}(?:范围|对象)(?:和(?:范围|对象))?(?:是|为)[^。；;:：]{2,80}[，,](?:主要)?包括[:：]$"
    # "第二十六条 行政执法监督检查的主要内容:", "…年度报告。内容包括:" over what a check or a report covers
    # ("各级统计机构和各相关部门自查内容包括:": what a self-inspection covers)
    r"|(?:^|[。，,；;]|(?<=检查|自查|督查|抽查|考核|评估|审查|审计))(?:[^，,。；;:：]{2,30}的)?(?:主要)?内容(?:包括|是|为|有)?[:：]$"
    rf"|{_POWER_LIST}"  # "…履行监督职责时可以采取以下措施:": its powers
    # "本规定适用于我省境内农村有线广播下列设施:", "本条例所称非税收入,是指…。主要包括下列项目:":
    # what the rule covers, what its words mean
    r"|适用于[^。；;:：]{0,40}(?:以下|下列|如下)[^，,。；;:：]{0,8}[:：]$|(?:所称|是指)[^。；;]*。(?:主要)?包括(?:以下|下列|如下)[^，,。；;:：]{0,6}[:：]$"
    r"|除(?:以下|下列|如下)[^，,。；;:：]{0,8}外[，,][^。；;:：]{0,30}[:：]$"  # "除以下信息外,其余政府信息应当公开:": the exceptions
)
_FACT_LABEL: Final = re.compile(rf"^{_FACT_WORD}[:：]")  # "(一)检查时间:…": the same fact, inline


# "第三条【化解纠纷主体责任制】各级人民政府…", "第五条(科研)…": an article's caption, before its text
_CAPTION: Final = re.compile(r"^\s*(?:【[^【】，,。；;]{2,20}】|[(（][^()（），,。；;]{2,20}[)）])\s*")


def _uncaptioned(node: _Node) -> str:
    """The node's text without its article's caption."""
    text = node.joined or node.body
    return _CAPTION.sub("", text, count=1) if _is_article(node) else text


def _is_article(node: _Node) -> bool:
    return split_marker(node.marker)[0] == "article"


# "三、活动主题及内容": an aim joined to what is done, which is work (never "总体目标和主要指标",
# "指导思想和工作目标", "活动主题和时间": aims or facts both)
_WORK_JOINED: Final = re.compile(r"[及和与](?!(?:主要|工作|总体|具体|活动)?(?:目标|要求|指标|原则|思路|时间|地点|主题|对象|范围))")


def _background(node: _Node) -> bool:
    current: _Node | None = node
    assigned = False  # (under "(二)公开范围", "X负责向社会主动公开…信息:" over its list: X's work)
    body = compact(node.body)
    while current is not None:
        heading = split_marker(_heading(current))[2].strip()
        if _BACKGROUND.match(heading) or (current.marker and _BACKGROUND.match(heading[:4]) and not _WORK_JOINED.match(heading, 4)):
            return True
        if (current is not node or node.joined) and _FACT.match(heading) and not assigned:
            return True
        assigned = assigned or (current is not node and current.annotation is not None and bool(current.annotation.units))
        if current is node and (_FACT_LABEL.match(body) or _PERSON_LABEL.match(body) or _preamble(_uncaptioned(node), _is_article(node))):
            # "(一)检查时间:2021年6月中旬—8月中旬。", "(一)召集人:市政府分管民政工作的副市长。",
            # "第一条 根据…,制定本规定。"
            return True
        if current is node and node.joined and _is_article(node) and _preamble(_CAPTION.sub("", node.body, count=1), article=True) \
                and not _subject_duty(node.joined, given=False, modal=True):
            # "第二条 本条例适用于…。" then "本省管辖的海域…,适用《…》。": its scope, in two paragraphs
            # ("第三条 开展法制宣传教育是全社会的共同职责。" then "…工作应当全面规划、统一管理…": its principle)
            # (never "敬老院是…事业单位。" then "乡镇人民政府应把…列入…规划。": an office's work)
            return True
        if current is node.parent and _NO_WORK_BELOW.search(compact(current.body)):
            # "第二条 …所称地名系指:" over "(一)行政区划名称…": what a word means; "工作人员应当具备
            # 下列条件:" over "(一)…": who may do it (but a paragraph after the last of them that opens
            # with its offices and their duty is work: "(8)…。" then "区县统计局、调查队要…")
            return not (node.joined and _modal_duty(compact(node.joined)))
        current = current.parent
    return False


def _lead_in(body: str) -> tuple[str | None, str]:
    """(lead-in sentence, rest) of "推进决策和执行公开。围绕…" ; (None, body) without one."""
    head, stop, rest = body.partition("。")
    if stop and rest.strip() and len(head) <= _LEAD_IN_LIMIT and not _TOLD_SENTENCE.match(compact(head)):
        return head, rest
    return None, body


# "1.各承办单位收到建议、提案后,要逐件清点…。": a first sentence that tells an office what to do
# is the task's own, no heading over it
_TOLD_SENTENCE: Final = re.compile(r"^[^，,。；;]{2,20}?(?:单位|部门|机关|政府|[局委办厅])[^，,。；;]{0,20}[，,](?:要|应当|应|须|必须|务必)")


def _heading(node: _Node) -> str:
    lead, _ = _lead_in(node.body)
    return clean_text(node.marker + (lead if lead is not None else node.body.rstrip("。")))


def _annotation_of(node: _Node) -> tuple[Assignment | None, bool]:
    """The node's own annotation (with its label lines), else its nearest section's."""
    own = _own(node)
    if own is not None and node.labels and _assisting_labels(node.labels):
        # "协同单位：X" under "(二)省审计厅牵头的工作": the heading's unit leads, X assists
        heading = _heading_units(node) if node.marker else None
        parent = node.parent
        while heading is None and parent is not None:
            heading, parent = _own(parent) or _heading_units(parent), parent.parent
        if heading is not None and heading.units:
            units = tuple(dict.fromkeys((*heading.units, *own.units)))
            return replace(own, units=units, lead_units=heading.lead_units, marked=True), False
    if own is not None:
        return own, False
    parent = node.parent
    while parent is not None:
        # a heading's own words, not the paragraph joined to it: "(八)应急指挥部办公室" then "…下设
        # 办公室,设在盟林业局…" then "主要职责:" over "(1)负责…"
        found = _own(parent) or section_assignment(parent.marker + parent.body) or _heading_units(parent) or _article_office(parent)
        if found is not None:
            return found, True
        parent = parent.parent
    return None, False


def _article_office(node: _Node) -> Assignment | None:
    """The office an article over numbered points gives its duty in its own sentence ("第四条 办公室是
    委网站的主管部门,负责…工作。" over "(一)制定…;" "(二)负责…;"): the points are that duty's parts."""
    opening = _uncaptioned(node).split("\n")[0]
    if not _is_article(node) or "分别" in opening or opening.rstrip().endswith((":", "：")):
        # ("第五条 工商、城管…等部门,应依法分别对…进行管理。": each point names its own; a lead-in
        # over the points, "X应当按照下列职责分工做好…工作:", gives them none unless it says so)
        return None
    return _subject_duty(opening, given=False, modal=True)


def _own(node: _Node) -> Assignment | None:
    if node.labels:
        labelled = parse_annotation(
            "；".join(unbracket(label.strip()) for label in node.labels)
        )
        if labelled is not None and labelled.deadline_raw is None and node.annotation is not None:
            # "…(完成时限：全年工作)" then "责任处室：人事处": the label names the units, the
            # annotation still gives the deadline
            return replace(labelled, deadline_raw=node.annotation.deadline_raw)
        if labelled is not None:
            return labelled
    return node.annotation


def _assisting_labels(labels: Sequence[str]) -> bool:
    """Whether the label lines name assisting units only ("协同单位：…", "配合单位：…")."""
    return all(label_column(unbracket(compact(label))) is Column.UNITS_ASSIST for label in labels)


def _heading_deadline(node: _Node) -> str | None:
    """The deadline a heading above the node closes on ("(一)建设…智能化系统(11月底前完成)", "具体目标。
    到2015年底:"), or its own heading standing on the line above it ("(一)第一阶段(2012年7月16日-7月31日)。")."""
    if node.joined is not None:
        own = _CLOSING_BRACKET.search(node.body[: -len(node.joined)].strip())
        if own is not None and is_deadline_like(own["due"]):
            return own["due"]
    parent = node.parent
    while parent is not None:
        if parent.annotation is not None and parent.annotation.deadline_raw:
            # "(二)整合精简申请材料(完成时限:2018年9月30日)。" over "1、X、Y分别提供…": X's and Y's
            # units are their own, the heading's time still closes on them
            return parent.annotation.deadline_raw
        for closing in (_CLOSING_BRACKET.search(parent.body.strip()), _DUE_COLON.search(parent.body.strip())):
            if closing is not None and is_deadline_like(closing["due"]):
                return closing["due"]
        if _WORK_LISTED.search(compact(parent.body)) and (listed := find_deadline_in_text(parent.body, None)) is not None:
            return listed.raw  # "X要…,确保在2022年年底前完成以下任务:" over its points
        parent = parent.parent
    return None


_CLOSING_BRACKET: Final = re.compile(r"[(（](?P<due>[^()（）]{2,20})[)）][。.]?$")
# "(二)具体目标。" then "到2015年底:" over its numbered targets: the time they are all due by
_DUE_COLON: Final = re.compile(r"(?:^|[。；;])(?P<due>[^。；;:：，,]{2,16})[:：]$")


def _item(node: _Node, number: int, year: int | None, leads: LeadRule | None) -> Item:
    sections: list[str] = []
    parent = node.parent
    while parent is not None:
        sections.insert(0, _heading(parent))
        parent = parent.parent
    # A numbered paragraph may open with its heading sentence; a requirement cut out of a
    # paragraph (no marker of its own) starts with its first requirement; an article has no
    # heading sentence (its first sentence is its text).
    heading = node.marker and not _is_article(node)
    lead, text = _lead_in(node.body) if heading else (None, node.body)
    if lead is not None:
        sections.append(clean_text(node.marker + lead))
    assignment, inherited = _annotation_of(node)
    if (assignment is None or inherited) and lead is not None:
        # "(一)党政办" alone on its line over "负责策划宣传…": the office heads its own text
        # (before a part's heading further up, "一、各级政府工作职责" over "(一)县人民政府职责");
        # "一、镇政府主要职责。贯彻执行…": so does an office's duties named in the paragraph's lead
        office = section_assignment(node.marker + lead) if node.joined is not None else duties_of_heading(node.marker + lead)
        if office is not None:
            assignment, inherited = office, True
    if inherited and assignment is not None and len(assignment.units) == 1:
        # "X履行下列职责:" over "(一)会同Y制定…": X leads Y in the duty
        opening = compact(text)
        partners = _JOINED_LATER.match(opening) if opening.startswith(("会同", "负责会同")) else None
        assignment = (_led_with(assignment.units[0], partners["units"]) if partners else None) or assignment
    deadline = NO_DEADLINE
    if assignment is not None and assignment.deadline_raw:
        deadline = parse_deadline(assignment.deadline_raw, year)
    elif (step := _TIME_STEP.match(compact(text))) and (stepped := parse_deadline(step[0][:-1], year)).date:
        deadline = stepped  # "2011年3月至4月，成立编纂机构…": due at the end of its time
    elif (year_s := _YEAR_S_WORK.match(compact(text))) is not None:
        deadline = parse_deadline(f"{year_s['year']}年底", year)  # "2023年重点任务：…": due at that year's end
    elif (phase := _PHASE.match(compact(node.body))) and (phased := parse_deadline(phase["due"], year)).date:
        deadline = phased  # "宣传发动(2007年3月-4月)，召开…": a phase due at the end of its time
    elif (found := find_deadline_in_text(text, year)) is not None:
        deadline = found
    elif (standing := find_recurrence_in_text(text, opening_only=True)) is not None and (
        lead is None or standing.recurrence is not Recurrence.ONGOING
    ):
        # a frequency after the heading sentence ("…。每季度…") says when; "…。持续推进…" how
        deadline = standing
    elif node.joined is None and (
        standing := find_recurrence_in_text(node.body, opening_only=True)
    ) is not None:
        # its heading sentence opens the task: "持续推进…的宣传阐释。组织…" (not a heading on a
        # line of its own, "(二)持续推进…标准化" over its paragraph: that is its section)
        deadline = standing
    elif (due := _heading_deadline(node)) is not None:
        deadline = parse_deadline(due, year)
    return Item(
        number=str(number),
        section=tuple(sections),
        text=clean_text(text),
        lead_units=assignment.leads_by(leads) if assignment else (),
        units=assignment.units if assignment else (),
        deadline=deadline,
        units_inherited=inherited,
        line=node.line,
        notes=tuple(node.notes),
    )
