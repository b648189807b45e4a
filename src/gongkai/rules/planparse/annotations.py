"""Who does an item: unit cells of a table and unit annotations of a prose notice.

A prose item ends in an annotation: "(市财政局牵头落实)", "(…按照职责分工分别牵头落实)",
"(牵头单位:…;责任单位:…)", or a line of its own, "责任单位：…". Splitting a cell into phrases and
reading their roles is rules.units' job (split_roles); here we find the annotation, separate a
deadline written inside it ("(市财政局牵头，2019年底前完成)") and decide the lead units:
those marked 牵头 (or in a 牵头单位 column); where nothing is marked, every unit that is not
only assisting (CONTRACTS.md §1: "all of units where the document does not distinguish").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import Final

from gongkai.rules.planparse.cells import MATTER_HANDLED, Column, is_unit_phrase
from gongkai.rules.planparse.deadlines import is_deadline_like
from gongkai.rules.planparse.normalize import compact, fold_line
from gongkai.rules.units import UnitRole, split_roles
from gongkai.rules.vocabulary import (
    ASSIST_LABELS,
    DEADLINE_LABELS,
    LABEL_NOUNS,
    LEAD_LABELS,
    MARKERS,
    ORGAN_ENDINGS,
    PERSON_LABEL,
    PROGRESS_LABEL,
    ROLE_PATTERN,
    UNIT_END_CHARS,
    UNIT_LABEL,
)


@dataclass(frozen=True)
class Assignment:
    units: tuple[str, ...]
    lead_units: tuple[str, ...]
    deadline_raw: str | None = None
    first_group: int = 0  # units before the first comma of a list without role words
    marked: bool = False  # the cells say which units lead (牵头, 主办, ★, a 牵头单位 column)
    # "以下任务均需各区市政府落实" / "具体任务均涉及相关市(州)人民政府，…下同": units the annotation
    # gives every item after it (and its own too, for 下同), and whether its own is included
    standing: tuple[str, ...] = ()
    standing_here: bool = False
    covers: int = 0  # "(1-4项牵头落实单位：…)": the last item number the annotation speaks for

    def leads_by(self, rule: LeadRule | None) -> tuple[str, ...]:
        """The lead units under the notice's own convention, where the list marks none."""
        if rule is None or not self.units or self.lead_units != self.units or self.marked:
            return self.lead_units  # ("X、Y分别牵头": the list says who leads)
        if rule is LeadRule.FIRST:
            return self.units[:1]
        return self.units[: self.first_group] if self.first_group > 0 else self.lead_units


class LeadRule(StrEnum):
    """How a notice says which of an unmarked list of units leads ("逗号前为牵头单位")."""

    FIRST = "first"  # 排在第一位的为牵头单位
    BEFORE_COMMA = "before_comma"  # 逗号前为牵头单位


_LEAD_RULES: Final = (
    (LeadRule.BEFORE_COMMA, re.compile(r"逗号前(?:的|面的?)?(?:单位|部门)?(?:为|是|均为)牵头")),
    (
        LeadRule.FIRST,
        re.compile(
            r"(?:排在|列在|排名|排|列|位列)?(?:第一位|首位|第一个|第一)(?:的|者|责任|单位|部门)*(?:为|是)?(?:工作)?牵头"
        ),
    ),
)


def lead_rule(lines: Iterable[str]) -> LeadRule | None:
    """The convention a notice states for its unit lists, if any."""
    for line in lines:
        folded = compact(fold_line(line))
        if "牵头" not in folded:
            continue
        for rule, pattern in _LEAD_RULES:
            if pattern.search(folded):
                return rule
    return None


# "…局按照职责分工分别牵头落实": the duty clause sits between the last unit and its role word.
_DUTY_CLAUSE: Final = re.compile(r"(?:按照|按|根据|依照)(?:各自)?(?:工作)?(?:职[责能]|业务)(?:分工)?|各司其职")


def assign(cells: Iterable[tuple[Column, str]]) -> Assignment:
    """The units of an item from its unit cells, each with the column it stands in."""
    return _assign(tuple(cells))


def _unlabelled(cells: Iterable[tuple[Column, str]]) -> tuple[tuple[Column, str], ...]:
    """Cells (folded) with a label of their own ("牵头处室：财务处") split into the columns they
    name."""
    found: list[tuple[Column, str]] = []
    for column, cell in cells:
        values = _label_values(cell)
        if not values or values[0][2] != 0:
            found.append((column, cell))
            continue
        for label, value, _ in values:
            value = value.strip(" ;；,，。")
            if value and label not in _DEADLINE_LABELS:
                found.append((label_column(label), value))
    return tuple(found)


_OTHER_LABEL: Final = re.compile(
    rf"(?:{PERSON_LABEL}|{PROGRESS_LABEL}|整改(?:措施|目标|要求)|(?:主要|工作|具体)任务|(?:咨询|联系|监督|投诉)?电话)\s*[:：]"
)  # ("承办部门:市文旅委  咨询电话:2860503")


def _label_values(text: str) -> list[tuple[str, str, int]]:
    """Each label of ``text`` ("牵头单位：…；完成时限：…") with the text up to the next one, and
    where the label starts."""
    labels = list(_LABEL.finditer(text))
    ends = [label.start() for label in labels[1:]] + [len(text)]
    # "责任单位:X、Y责任人:…整改时限:…": a person's or a progress label ends a value too
    others = [match.start() for match in _OTHER_LABEL.finditer(text)]
    ends = [
        min([end, *(other for other in others if label.end() < other < end)])
        for label, end in zip(labels, ends[: len(labels)], strict=True)
    ]
    return [(label["label"], text[label.end() : end], label.start()) for label, end in zip(labels, ends, strict=True)]


@lru_cache(maxsize=4096)  # merged cells repeat the same units down a table
def _assign(cells: tuple[tuple[Column, str], ...]) -> Assignment:
    cells = _unlabelled(
        (column, _CONTACT.sub("", _LEADERS_OF.sub("", _spaced_units(fold_line(cell))))) for column, cell in cells
    )
    # Beside a 牵头单位 column, a 责任单位 cell's unmarked units are responsible, not leads.
    unmarked = UnitRole.LEAD
    if any(column is Column.UNITS_LEAD for column, _ in cells):
        unmarked = UnitRole.RESPONSIBLE
    phrases: list[tuple[str, UnitRole]] = []
    for column, cell in cells:
        cell = "，".join(_without_clause(piece) for piece in _SEPARATORS.split(cell))
        for phrase in split_roles(_DUTY_CLAUSE.sub("", cell), None, unmarked):
            role = phrase.role
            if column is Column.UNITS_LEAD:
                role = UnitRole.LEAD
            elif column is Column.UNITS_ASSIST:
                role = UnitRole.ASSISTING
            phrases.append((phrase.text, role))
    phrases = [(text, role) for text, role in phrases if not _REMARK.match(text)]
    if any(text != "各级" for text, _ in phrases):
        phrases = [(text, role) for text, role in phrases if text != "各级"]  # "各级、各有关部门": a level alone is no unit
    if any(not THE_REST.search(text) for text, _ in phrases):
        phrases = [(text, role) for text, role in phrases if not THE_REST.search(text)]
    units = _unique(text for text, _ in phrases)
    lead = _unique(text for text, role in phrases if role is UnitRole.LEAD)
    if not lead:
        lead = _unique(text for text, role in phrases if role is not UnitRole.ASSISTING) or units
    first = 0
    if cells and re.search(r"[，,]", cells[0][1]):
        head = re.split(r"[，,]", _DUTY_CLAUSE.sub("", cells[0][1]))[0]
        first = len(split_roles(head, None, unmarked))
    marked = unmarked is UnitRole.RESPONSIBLE or any(_LEAD_MARK.search(cell) for _, cell in cells)
    return Assignment(units, lead, first_group=first, marked=marked)


# "县级以上人民政府科学技术行政部门和其他有关行政部门", "各级人民政府的其他有关部门": the rest, left
# unnamed beside the units named (README: "其他有关部门" names none)
THE_REST: Final = re.compile(r"其[他它](?:有关|相关)?(?:行政)?(?:部门|单位)$")


# "责任单位及责任人:呈贡县政府、市发改委主要领导": the units' heads answer for them; the units stay.
_LEADERS_OF: Final = re.compile(rf"(?<=[{UNIT_END_CHARS}])(?:主要|分管)?(?:领导|负责人|负责同志)(?=$|[、，,；;。.\s])")


_LEAD_MARK: Final = re.compile(rf"牵头|主办|会同|[★☆]|(?<=[{UNIT_END_CHARS}])[*＊]")


# A remark among the units, not a unit: "以下责任单位均包含各区县政府", "下同", "不再一一列出", "注：…"; or the
# start of a label the page cut off ("…;完成" of "完成时限：").
_REMARK: Final = re.compile(r"^(?:以下|下同|不再|注|其中|上述)|^(?:完成|完成时|牵头单|责任单|配合单)$")


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text for text in texts if text))


# (never after 各: "…领导小组各成员单位:" addresses a notice, it labels no units)
_LABEL: Final = re.compile(rf"(?<!各)(?P<label>{UNIT_LABEL}|{'|'.join(DEADLINE_LABELS)})\s*(?:[:：]|(?<=单位|部门|处室|科室|机构)[;；](?=\s*[^\W\d])(?![^:：;；,，]{{0,8}}[:：]))")  # ("(责任单位;X)": a typed colon; "…主管单位;完成时限:" ends a value)


def label_column(label: str) -> Column:
    """The role of the units a label names ("牵头单位", "工作协助部门", "责任单位")."""
    label = re.sub(r"^(?:主要|总|共同|工作)", "", label)  # "总牵头部门": the lead of all the units below
    if label.startswith(LEAD_LABELS) or label == "主体责任":
        return Column.UNITS_LEAD
    if label.startswith(ASSIST_LABELS) or label == "监督责任":
        return Column.UNITS_ASSIST
    return Column.UNITS


_DEADLINE_LABELS: Final = frozenset(DEADLINE_LABELS)
_ROLE_WORD: Final = re.compile(f"{ROLE_PATTERN}|会同")
_SEPARATORS: Final = re.compile(r"[;；,，。]")


# "以下任务均需各区市政府、开发区管委落实，不再一一列出", "具体任务均涉及相关市(州)人民政府，不再做分工，
# 下同", "本要点各项工作均需各市、县〔市、区〕政府作为责任单位，以下不再列出", "以下责任单位均包含各区县
# 政府": a sentence of an annotation naming units that every item below it has as well.
_STANDING_HEAD: Final = (
    r"(?P<below>以下|下列|后续)?(?:具体|各项)?(?:任务|工作|事项|责任单位|责任部门)?(?:均|都)"
    r"(?:需要?|须|要|由|涉及|包含|包括|含)"
)
_STANDING_ROLE: Final = r"(?:分别)?(?:负责落实|牵头落实|负责|落实|参与|配合|(?:作为|为)(?:责任|落实)(?:单位|部门))"
_STANDING: Final = re.compile(rf"{_STANDING_HEAD}(?P<units>[^，,。；;]{{2,80}}?){_STANDING_ROLE}?(?=[，,。；;]|$)")
# "以下均需各县市区人民政府,阜阳经开区、阜合园区管委会负责落实": a list with commas, closed by its role
_STANDING_LIST: Final = re.compile(rf"{_STANDING_HEAD}(?P<units>[^。；;]{{2,120}}?){_STANDING_ROLE}(?=[，,。；;]|$)")


def standing_units(text: str) -> tuple[tuple[str, ...], bool]:
    """The units a sentence of ``text`` gives every item below ("以下…均…", "…下同"), and whether
    they go to this item too (下同 does, 以下 speaks of what follows); ((), False) when none."""
    for sentence in re.split(r"[。；;]", compact(fold_line(text))):
        if not ("以下" in sentence or "下同" in sentence or "下列" in sentence):
            continue
        for pattern in (_STANDING_LIST, _STANDING):
            match = pattern.search(sentence)
            found = assign([(Column.UNITS, match["units"])]) if match else None
            if match is not None and found is not None and _only_units(found):
                return found.units, match["below"] is None
    return (), False


def parse_annotation(text: str) -> Assignment | None:
    """The units (and deadline) an annotation names, or None when it names no units.

    "(以下简称《条例》)", "(国办发〔2018〕123号)" and "(政务公开科,电话:2260871)" are not
    annotations: an annotation has a role word or a label, and its phrases end like units.
    """
    found = _parse_annotation(text)
    if found is None:
        return None
    standing, here = standing_units(text)
    if standing:
        found = replace(found, standing=standing, standing_here=here)
    covered = _RANGE.match(compact(fold_line(text)))
    return replace(found, covers=int(covered["last"])) if covered else found


# "(1-4项牵头落实单位：…；完成时限：全年工作)": an annotation written for a run of items.
_RANGE: Final = re.compile(r"^[(（〔【]?第?(?P<first>\d{1,2})[-—–~～至到](?P<last>\d{1,2})项")


# "市市场监督管理局(以下如无特别说明，排名第一的为牵头单位)、市公安局": a remark in brackets among
# the units, never an alias of the unit before it ("(市大数据中心)", "﹝含…管委会，下同﹞",
# "(以下简称“市金融局”)" stay).
# Or one stating the list's convention: "市税务局(列第一位者为工作牵头单位或汇总单位，下同)",
# "(除标注“分别牵头”外，列第一位为牵头或汇总单位，下同)".
_REMARK_BRACKET: Final = re.compile(r"[(（〔【\[][\s]*(?:以下(?!简称)|如无|注[:：]|说明|除)[^()（）〔〕【】\[\]]*[)）〕】\]]")
_BRACKETED: Final = re.compile(r"[(（〔【\[][^()（）〔〕【】\[\]]*[)）〕】\]]")
_REMARK_TAIL: Final = re.compile(r"[，,。；;][^，,。；;()（）]{4,20}(?:[，,]下同)?[。]?(?=$|[)）〕】\]])")


# "…等部门按照职责分工负责,以下均需各州(市)、县(市、区)人民政府主责落实,不再列出": what the
# annotations below it leave out, to the end of this one
_REMARK_BELOW: Final = re.compile(r"[，,；;](?:以下|下同)[^；;]*?(?:不再|不另|不一一)[^，,；;]*$")


def _without_remarks(text: str) -> str:
    text = _REMARK_BELOW.sub("", _REMARK_BRACKET.sub("", text))
    # "…、中储粮株洲直属库。排名第一的为牵头单位,下同": the convention closing the list itself
    return _BRACKETED.sub(_unless_convention, _REMARK_TAIL.sub(_unless_convention, text))


def _unless_convention(match: re.Match[str]) -> str:
    """Nothing for a remark stating which unit of a list leads or what its role word means, else
    the text matched."""
    if any(pattern.search(match[0]) for _, pattern in _LEAD_RULES) or _ROLE_MEANS.match(match[0]):
        return ""
    return match[0]


# "…分别负责。分别负责为有关单位按职责分别牵头,下同": what the list's role word means
_ROLE_MEANS: Final = re.compile(rf"^[，,。；;(（]?(?:分别)?(?:{ROLE_PATTERN})(?:为|是|指)")


def _parse_annotation(text: str) -> Assignment | None:
    text = unbracket(_spaced_units(_without_stray_tail(fold_line(text).strip())))
    if not text or len(text) > 400:
        return None
    text = compact(text)  # "(责任 单位: …)": a PDF's stray spaces
    text = _without_remarks(text)
    if _LABEL.search(text):
        return _labelled(text)
    pieces = _clauses_cut([piece for piece in _SEPARATORS.split(text) if piece.strip()])
    # "…等负责，列第一位者为牵头单位，下同": the notice's convention (``lead_rule``), not a unit
    pieces = [piece for piece in pieces if not any(pattern.search(piece) for _, pattern in _LEAD_RULES)]
    pieces = [_ALL_ARE.sub("负责", piece) for piece in pieces if not _NO_UNITS.search(piece)]
    if any(_ROLE_WORD.search(piece) for piece in pieces):
        # "…，以下不再列": a remark among the units, not a unit (kept out when roles are named)
        pieces = [
            piece
            for piece in pieces
            if _ROLE_WORD.search(piece) or _names_units(piece) or is_deadline_like(piece)
        ]
    deadline = [piece for piece in pieces if is_deadline_like(piece)]
    rest = "，".join(piece for piece in pieces if piece not in deadline)
    if not rest or not _ROLE_WORD.search(rest) and not _strong_units(rest) and not _unit_list(rest):
        return None
    assignment = assign([(Column.UNITS, rest)])
    if not _only_units(assignment) and not _terse_units(assignment, rest) and not sharing_ending(assignment.units):
        return None
    return replace(assignment, deadline_raw="，".join(deadline) or None)


# Pieces of an annotation that name no unit: the leaders in charge ("分管副省长、协管副秘书长负责",
# "市政府分管领导负责"), a condition ("明确牵头部门的"), the rest left unnamed ("其他有关部门配合",
# "其他部门和单位按职责分工负责").
_LEADER: Final = r"(?:副?(?:省|市|州|县|区|旗|镇|乡)长|秘书长|书记|领导(?:同志)?)"
_NO_UNITS: Final = re.compile(
    rf"^[^、]*{_LEADER}(?:、[^、]*{_LEADER})*(?:{ROLE_PATTERN})*$|的$"
    rf"|^其他(?:有关|相关)?(?:部门|单位)"
)


# "各市州、县市区人民政府均为责任单位": the units and the role the sentence gives them.
_ALL_ARE: Final = re.compile(r"(?:均|都)?(?:为|是)(?:责任|落实)(?:单位|部门)$")
# "市发改委 市自然资源局": a space between two unit names where a 、 was lost (never the space
# inside one name, "市住房城乡 建设局": the next name must start like a unit).
_SPACE_BETWEEN_UNITS: Final = re.compile(
    f"(?<=[{UNIT_END_CHARS}])[ \u3000]+(?=[市县区省州旗盟镇乡街各])"
)


# Or between two whole names of offices, whatever the next starts with ("安监站 安监所", "文化站
# 卫生院"): the piece before the space ends like an office and the piece after it is a name.
_SPACED_OFFICES: Final = re.compile(r"(?<=[局办委室院所站队厅处科馆府会心〕])[ \u3000]+(?=[^ \u3000、，,；;]{2,})")


def _spaced_units(text: str) -> str:
    text = _SPACE_BETWEEN_UNITS.sub("、", text)
    text = _GLUED_OFFICES.sub(_glued_office, text)
    return _SPACED_OFFICES.sub(_office_space, text)


# "市行政审批局市司法局": two offices of the same level glued, their separator lost (a table's cell
# copied without its line break); never inside one name ("市住房和城乡建设局").
_GLUED_OFFICES: Final = re.compile(
    r"(?<=[局办委厅])(?=[市县区省州][\u4e00-\u9fff]{1,10}?(?:[局办委厅]|单位|部门|政府|中心)(?:$|[、，,；;市县区省州]))"
)


def _glued_office(match: re.Match[str]) -> str:
    before = re.split(r"[、，,；;]", match.string[: match.start()])[-1]
    after = re.split(r"[、，,；;]", match.string[match.end() :])[0]
    return "、" if len(before) >= 3 and before[0] == after[0] and is_unit_phrase(after) else ""


def _office_space(match: re.Match[str]) -> str:
    after = re.match(r"[^ \u3000、，,；;]+", match.string[match.end() :])
    if after is not None and re.match(r"[(（][^()（）]+[)）]", after[0]):
        return ""  # "省编办 (省审改办)": the other name of the office before the space
    name = _ROLE_TAIL.sub("", after[0]) if after is not None else ""
    # a whole name after the space ("网信办"), not the end of the one before ("各县(市、区) 政府")
    return "、" if len(name) >= 3 and is_unit_phrase(name) else match[0]


_ROLE_TAIL: Final = re.compile(rf"(?:(?:{ROLE_PATTERN})+|等)?[)）】〕\]。]*$")


# "市发改委牵头做好项目公开工作": the units and their role word, then what they are to do.
_CLAUSE: Final = re.compile(r"^(?P<units>.+?(?:牵头|负责|落实|配合|协助|参与))(?P<work>.{4,})$")
# "具体落实", "分工负责", "依职责负责", "按照职责分工负责": how the units take part, no unit
_MANNER: Final = re.compile(r"具体(?=落实|负责|实施)|(?:(?:依|按照?)职责)?分工(?=负责)|(?:依|按照?)职责(?=负责|落实)")


# "省国土资源厅负责组织勘查,指导督促各有关部门…制定…": the clause's work going on past a comma,
# opened by its next verb, names whom the work concerns, not units of the annotation.
_WORK_GOES_ON: Final = re.compile(r"^(?:并|及时|指导|督促|组织|做好|开展|加强|制定|推进|协调|建立|完善|负责)")


def _clauses_cut(pieces: Sequence[str]) -> list[str]:
    """The pieces of an annotation, each without the work its units are given, and without the
    pieces that only carry such work on."""
    kept: list[str] = []
    in_work = False
    for piece in pieces:
        if in_work and _WORK_GOES_ON.match(piece):
            continue
        cut = _without_clause(piece)
        in_work = cut != _MANNER.sub("", piece)
        kept.append(cut)
    return kept


def _without_clause(piece: str) -> str:
    """A piece of an annotation without the work its units are given ("X牵头做好…工作，Y具体落实"
    → "X牵头", "Y落实"), when that work names no unit."""
    piece = _MANNER.sub("", piece)
    match = _CLAUSE.match(piece)
    if (
        match
        and not is_unit_phrase(match["work"].rstrip("等"))
        and not _ROLE_WORD.search(match["work"])
    ):
        return match["units"]
    return piece


# A part heading's number: "一、", "(一)".
_PART_NUMBER: Final = r"(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）])"
# "2.市指挥部办公室职责" and an emergency plan's "2.1.3省应急指挥部职责" too, and a rule's chapter or
# article: "第二章 远程站的工作职责", "第五条 自治区本级热线工作机构主要职责:"
_HEADING_NUMBER: Final = (
    rf"(?:{_PART_NUMBER}|{MARKERS['decimal_deep']}|{MARKERS['decimal']}|\d{{1,2}}[、.．]|(?:{MARKERS['part']}|{MARKERS['article']})\s*)"
)


# "一、各区、县(市)政府、市政府各部门负责落实的工作任务", "一、县示范区管委会牵头工作(8项)",
# "4、茄子河区政府负责:" over "(1)…": a part whose rows all go to these units.
_SECTION_DUTY: Final = re.compile(
    rf"^{_HEADING_NUMBER}?\s*(?:由)?(?P<units>.+?)(?:主要|具体)?"
    # ("(一)督查处负责办理的事项": what the office handles)
    r"(?P<role>牵头落实|负责落实|牵头负责|牵头|负责|承担|落实)(?:办理|承办)?(?:的(?:主要|重点)?(?:工作)?任务(?:事项)?"
    r"|的?(?:工作|事项)|(?=[:：]))(?:[(（]共?\d{1,3}项[)）])?[。:：]?$"
)


# "(一)办公室(电话:82212084)": how to reach the office, never part of its name
_CONTACT: Final = re.compile(
    r"[(（](?:联系|咨询|办公)?(?:电话|传真|手机|邮箱|Tel|TEL|tel)[^()（）]{0,60}[)）]|[(（][\d\-－—\s、,，/]{7,}[)）]"
)


# "区委办公室(8项)" over "1.领办项目:…": a group line naming the unit that does the items below
# it, and how many they are.
UNIT_GROUP: Final = re.compile(r"^(?P<units>[^，,。；;:：()（）]{2,30}?)[(（]共?\d{1,3}(?:项|个|条|件)[)）]$")


def section_assignment(heading: str) -> Assignment | None:
    """The units a part heading gives all the rows under it, or None."""
    text = _CONTACT.sub("", compact(fold_line(heading)))
    match = _SECTION_DUTY.match(text)
    if match is not None:
        found = assign([(Column.UNITS, match["units"] + match["role"])])
        return found if _only_units(found) else None
    group = UNIT_GROUP.match(text)
    if group is not None and _strong_units(group["units"]):
        return assign([(Column.UNITS, group["units"])])
    office = _OFFICE_HEADING.match(text)
    name = office and (office["name"] or office["organ"])
    if name and not _KINDS_OF_UNIT.fullmatch(name):
        return Assignment((name,), (name,))
    offices = _OFFICES_HEADING.match(text)
    pieces = offices["names"].split("、") if offices is not None else []
    if pieces and all(_OFFICE_NAME.fullmatch(piece) and not _KINDS_OF_UNIT.fullmatch(piece) for piece in pieces):
        return assign([(Column.UNITS, "、".join(pieces))])  # "(三)学工部、团委", "(五)南庄镇、各街道办事处"
    duties = (
        _PERFORMS_DUTIES.match(text) or _DUTIES_HEADING.match(text) or _SETS_UP_FOR_DUTIES.match(text)
        or _CHARGE_HEADING.match(text) or _CHARGES_BELOW.match(text) or _DISCLOSES_HEADING.match(text)
    )
    return _offices_of(duties["units"]) if duties is not None else None


def duties_of_heading(heading: str) -> Assignment | None:
    """The office a heading sentence names the duties of ("一、镇政府主要职责。" run in before them)."""
    duties = _DUTIES_HEADING.match(compact(fold_line(heading)))
    if duties is None or _NO_OFFICE_OF_DUTIES.search(duties["units"]):
        return None  # ("(十)其他应当履行的职责。": the rest of an office's duties, named above)
    return _offices_of(duties["units"])


_NO_OFFICE_OF_DUTIES: Final = re.compile(r"^其[他它]|应当|应(?!急)|须")


# "第四条 各级党委和政府乡村振兴责任主要包括:" over "(一)…": the offices' part in a work, listed below
_CHARGES_BELOW: Final = re.compile(
    rf"^{_HEADING_NUMBER}?(?P<units>[^，,。；;:：]{{2,30}}?(?:政府|党委|委员会|委|局|办|厅|部门|单位|机构))"
    r"的?(?![和及与、])[\u4e00-\u9fff]{0,8}?(?:责任|职责)(?:主要)?(?:包括|有)[:：]$"
)


def performed_duties(text: str) -> Assignment | None:
    """The offices a sentence over a list of duties names ("X依法履行下列职责:"), or None."""
    duties = _PERFORMS_DUTIES.match(compact(fold_line(text)))
    return _offices_of(duties["units"]) if duties is not None else None


def _offices_of(units: str) -> Assignment | None:
    """The units a heading or title of duties names, never a kind of unit ("各成员单位")."""
    if _names_units(units) and not _KINDS_OF_UNIT.fullmatch(units):
        return assign([(Column.UNITS, units)])
    return None


# "一、党委:主体责任", "(二)纪委：监督责任": a part of a responsibility list, headed by the body
# and the kind of responsibility it bears for the items below.
_CHARGE_HEADING: Final = re.compile(
    rf"^{_PART_NUMBER}(?P<units>[^，,。；;:：]{{2,30}}?)[:：]"
    r"(?:主体|监督|第一|直接|领导|主要|具体|分管|属地|管理|监管)责任(?:人)?$"
)


# "(一)县政府办公室公开的政府信息" over "1.县政府组织机构。": what the office it names discloses
_DISCLOSES_HEADING: Final = re.compile(
    rf"^{_PART_NUMBER}(?P<units>[^，,。；;:：]{{2,30}}?)(?:主动|依法)?公开的(?:政府)?信息(?:包括|有)?[:：]?$"
)


# "一、落实政府职责", "二、明确部门职责": a part that charges the units with their duties, naming none
_CHARGING: Final = r"落实|履行|明确|压实|强化|加强|厘清|理顺|健全|完善"
# "(一)县人民政府职责", "(一)县(市、区)政府的主要任务", "(八)县经济局主要工作任务:", "(七)卫生部门职责、任务",
# "2、市领导小组的职责。", "第六条 苏木、乡镇档案室的职责是:", "第五条 居民委员会的任务:", "(一)县、区人民政府“控辍保学”的工作职责是:",
# "第五十五条 国务院国资委在责任追究工作中的主要职责:", "一、本中心主要行政责任。" over the duties written below it: the part of the offices named.
_DUTIES_HEADING: Final = re.compile(
    rf"^{_HEADING_NUMBER}(?!{_CHARGING})(?P<units>[^，,。；;:：“”]{{2,30}}?)(?:“[^“”]{{1,12}}”)?"
    r"(?:在[^，,。；;:：]{2,30}?(?:中|方面))?的?(?:(?:主要|工作)?职责(?:[、和及]任务)?|主要(?:行政)?责任|(?:主要|重点)?工作任务|主要任务|(?<=的)任务)(?:是|为|如下)?[:：。]?$"
)


# "第一条 司法行政机关主要履行以下职责:", "(二)县民政局承担下列职责:", "X必须认真履行以下职责。", "X在村务公开工作中履行下列主要职责:",
# "X是…的登记管理机关,具体履行以下职责:",
# "县级以上人民政府对…负总责,…,履行下列职责:", "X应当对Y履行下列职责情况进行监督:", "X应当及时公布下列
# 村务事项:", "X应当做好下列工作:": an article of a rule over the duties of the
# office it names (a chapter's heading may be run in before it on a page that lost its lines:
# "第一章 职责分工 第一条 …").
# (a chapter's heading run in before its first article, also read in a lead-in over a list)
CHAPTER_RUN_IN: Final = rf"(?:{MARKERS['part']}[^，,。；;:：]{{0,12}}?(?={MARKERS['article']}))?"
_PERFORMS_DUTIES: Final = re.compile(
    rf"^{CHAPTER_RUN_IN}{_HEADING_NUMBER}?"
    # ("省、…、乡镇(街道)设立社会治安综合治理委员会,负责…,履行下列职责:": the body set up)
    r"(?:[^，,。；;:：应要须]{2,40}?(?:设立|成立)(?=[^，,。；;:：]{2,30}?(?:委员会|领导小组|指挥部|办公室)[，,]))?"
    r"(?P<units>[^，,。；;:：]{2,30}?)"
    # ("X按照职责对…实施统一监督管理,履行下列职责:")
    r"(?:[，,]?(?:(?:按照|依照|根据)[^，,。；;:：]{0,8}?职责)?(?:是|对|在|主管(?![部单机])|负责|统筹)[^。；;:：]{0,80}[，,](?:并|依法)?"
    r"|在[^，,。；;:：]{2,30}?(?:中|方面))?"
    # ("X主管…工作,对学校安全工作履行下列职责:": the work it answers for before its duties)
    r"(?:(?<=[，,])对[^，,。；;:：]{2,20}?工作)?"
    r"(?:主要|应当|应|依法|必须|须|要|具体)?(?:认真|切实|全面)?(?:(?:履行|承担|负有|行使)(?:以下|下列|如下)[^，,。；;:：]{0,16}?(?:职责|职能)"
    # "X是负责本级政府采购监督管理的部门,依法履行对本级政府采购活动的监督管理职责:"
    r"|履行对[^，,。；;:：]{2,30}?的[^，,。；;:：]{0,8}?(?:职责|职能)(?=[:：])"
    # "X应当对经办机构履行下列职责情况进行监督:": what X oversees
    r"|对[^，,。；;:：]{2,40}?(?:履行|执行|遵守|落实)(?:以下|下列|如下)[^，,。；;:：]{0,16}?情况(?:进行|实施|开展)?(?:监督|检查|监督检查)"
    # "第五条 村民委员会应当及时公布下列村务事项:", "行政机关应当主动公开本行政机关的下列政府信息:":
    # what the office is to make public
    r"|(?:及时|如实|定期|主动)?(?:公布|公开)(?:本[^，,。；;:：]{2,12}?的)?(?:以下|下列|如下)[^，,。；;:：]{0,6}?(?:事项|内容|信息)"
    # "X应当做好下列工作:", "X应当建立和完善下列行政执法监督制度:": the work or the rules X is to see to
    r"|(?:做好|建立(?:和完善|健全)?|健全|落实|开展|组织实施)(?:以下|下列|如下)[^，,。；;:：]{0,16}?(?:工作|制度))"
    r"[:：。]?$"
)


# "1、市民政部门设立办事机构,其职责是:", "3、街道办事处成立审核小组,配备…专职管理员,其职责是:": the
# office that sets up a body for the duties listed below
_SETS_UP_FOR_DUTIES: Final = re.compile(
    rf"^{CHAPTER_RUN_IN}{_HEADING_NUMBER}?(?P<units>[^，,。；;:：]{{2,30}}?)(?:设立|成立|设置|组建)[^。；;:：]{{2,60}}?[，,]"
    r"(?:其|主要)?(?:主要)?职责(?:是|为|如下)[:：]$"
)


# "市人大常委会信访室工作职责", "县档案馆主要职责": the title of a page that lists one office's duties.
_DUTIES_TITLE: Final = re.compile(
    rf"^(?!{_CHARGING})(?P<units>[^，,。；;:：]{{2,30}}?)的?(?:主要|工作)?(?:职责|职能)(?:清单)?$"
    # "门头沟区园林绿化局生态环境保护责任清单": an office's list of duties in one field
    r"|^(?P<office>[^，,。；;:：]{2,30}?(?:[局委办厅室院所站队处科]|中心|政府))[\u4e00-\u9fff]{2,12}?责任清单$"
)


def duties_title_assignment(title: str) -> Assignment | None:
    """The office a page's title says the page gives the duties of, or None."""
    match = _DUTIES_TITLE.match(_CONTACT.sub("", compact(fold_line(title))))
    return _offices_of(match["units"] or match["office"]) if match is not None else None


# "五、部门职责", "(二)各成员单位职责": the duties of the kinds of unit the lines below name.
_KINDS_OF_UNIT: Final = re.compile(r"各?(?:成员|相关|有关|职能|责任|牵头|配合|参与)?(?:单位|部门)")


# "(一)综合办公室(党群工作部、监察室)" over "①…;②…": a part named by the office that does it, its
# other names in brackets (never a generic "责任单位", "工作机构"). Under an arabic number ("1.卫生部门",
# "7.妇联") only an organ of government: "1. 市科技馆" over its problems is a place inspected.
_NOT_A_NAME: Final = rf"(?!推进|加强|着力|建设|提升|深化|完善|构建|打造|优化|强化|健全|做好|抓好|{MATTER_HANDLED}[:：]?$)"
_OFFICE_HEADING: Final = re.compile(
    rf"^(?:{_PART_NUMBER}(?P<name>{_NOT_A_NAME}"
    r"[^\W\d_的]{1,10}?(?:局|办|委|政府|中心|管委会|办公室|室|厅|院|站|所|队|馆|部|部门|处|科|股|联|协)"
    r"(?:[(（][^()（）]{2,40}[)）])?)"
    rf"|\d{{1,2}}[、.．]\s*(?P<organ>{_NOT_A_NAME}[^\W\d_的]{{1,10}}?(?:局|办|委|厅|部门|联|协)))[:：]?$"
)


# "(三)学工部、团委" over its duties: a part heading naming several offices, or one that ends as
# only towns, companies and people's bodies do ("(五)南庄镇", "(十一)省轻纺集团总公司")
_OFFICE_NAME: Final = re.compile(
    rf"{_NOT_A_NAME}(?:各)?[^\W\d_的、]{{1,12}}?(?:局|办|委|政府|中心|管委会|办公室|厅|院|站|所|队|馆|部|部门|处|科|股|联|协"
    r"|镇|乡|街道|街道办|办事处|公司|集团|总公司|工会|团委|妇联|社)"
)
_OFFICES_HEADING: Final = re.compile(rf"^{_PART_NUMBER}(?P<names>[^，,。；;:：()（）]{{2,40}})[:：]?$")


def unbracket(text: str) -> str:
    if text[:1] in _OPENERS and text[-1:] in _CLOSERS and _matching_open(text) == 0:
        return text[1:-1].strip()
    return text


# "由吴继德副市长负责,市建设局牵头,市发改委配合,按照要求进一步修改完善…": a task that opens
# with who does it, clause by clause, before the work itself.
_OPENING_CLAUSE: Final = re.compile(
    r"由?(?P<clause>[^，,。；;:：()（）]{2,40}?(?:牵头|负责|配合|协助|参与|主办|协办|具体落实|组织实施|具体实施))[，,]"
)


def opening_duty(text: str) -> Assignment | None:
    """The units the clauses opening a task give it ("X牵头，Y配合，…"), or None: every clause
    before the work ends in a role word, at least one names units, and all it names are units."""
    text = compact(fold_line(text))
    assisting = _ASSISTING_THE_LEAD.match(text)
    if assisting is not None:
        # "(二)开展…行动。各乡镇(街道)配合市文明办、经发中心,负责组织实施…": the offices named
        # after 配合 lead
        found = parse_annotation(f"{assisting['lead']}牵头，{assisting['assist']}配合")
        if found is not None and _only_units(found):
            return found
    clauses: list[str] = []
    start = 0
    while (match := _OPENING_CLAUSE.match(text, start)) is not None:
        clauses.append(match["clause"])
        start = match.end()
    if not clauses or len(text) - start < _FRAGMENT_WORK:
        return None
    found = parse_annotation("，".join(clauses))
    return found if found is not None and _only_units(found) and found.deadline_raw is None else None


_FRAGMENT_WORK: Final = 10  # characters of work after the clauses, the fewest that make a task
_NAME_CHARS: Final = r"(?:[^，,。；;:：()（）]|[(（][^()（）]{1,8}[)）])"
_ASSISTING_THE_LEAD: Final = re.compile(
    rf"^(?:[^。；;]{{2,30}}。)?(?P<assist>{_NAME_CHARS}{{2,40}}?)配合(?P<lead>{_NAME_CHARS}{{2,60}}?)[，,](?:具体)?负责"
)


def _only_units(assignment: Assignment) -> bool:
    """Whether an assignment names units, and only phrases that end like units."""
    return bool(assignment.units) and all(is_unit_phrase(unit) for unit in assignment.units)


# A department's notice names its offices short ("(办公室、税政条法按照职责分工牵头落实)",
# "(监督牵头落实)"): behind a compound role word that closes the bracket, short names count even
# where they do not end like a unit; never a manner ("按要求落实") or a piece of work.
_CLOSING_ROLE: Final = re.compile(r"(?:牵头|负责|分工)落实$|牵头负责$")
# the words a manner or a requirement opens with, never a unit's name
_NO_NAME_START: Final = r"按|要|由|对|在|及时|认真|切实|全面|严格"
_TERSE_UNIT: Final = re.compile(rf"^(?!{_NO_NAME_START})[\u4e00-\u9fff]{{2,8}}$")
_NOT_A_UNIT: Final = re.compile(r"要求|工作|情况|规定|任务|职责")


def _terse_units(assignment: Assignment, text: str) -> bool:
    return (
        bool(assignment.units)
        and _CLOSING_ROLE.search(text) is not None
        and all(
            _TERSE_UNIT.match(unit) and not _NOT_A_UNIT.search(unit) for unit in assignment.units
        )
    )


def sharing_ending(units: Sequence[str]) -> bool:
    """Fields of work that share a later unit's 部门 or 单位 ("财政、税务部门", "公安、司法、卫生部门",
    "各文物、博物馆单位"), or places that share its 政府 ("哈尔滨、黑河、绥芬河市政府", inside a longer
    list too): the office of each, named as written."""
    fields = pending = False
    for unit in units:
        if is_unit_phrase(unit):
            ending = next((ending for ending in _SHARED_ENDINGS if unit.endswith(ending)), None)
            # (the field before the ending names it: not "…落实责任各级各部门")
            if ending is not None and _SHARING_FIELD.fullmatch(unit.removesuffix(ending)) is not None:
                pending = False
        elif _FIELD.fullmatch(unit) and not _NOT_A_UNIT.search(unit):
            fields = pending = True
        else:
            return False
    return fields and not pending


_SHARED_ENDINGS: Final = ("部门", "单位", "市政府", "县政府", "区政府")


_FIELD: Final = re.compile(rf"(?!{_NO_NAME_START}|其他|有关|相关)[\u4e00-\u9fff]{{2,4}}")
# the field of the unit whose ending the others share, longer ("公安、工商行政管理部门")
_SHARING_FIELD: Final = re.compile(rf"(?!{_NO_NAME_START}|其他|有关|相关)(?!.*[各级等])[\u4e00-\u9fff]{{2,8}}")


def _names_units(text: str) -> bool:
    phrases = [phrase.text for phrase in split_roles(text)]
    return bool(phrases) and all(is_unit_phrase(phrase) for phrase in phrases)


def _strong_units(text: str) -> bool:
    """Unit names without a role word: "(市财政局)" is one, "(市、区)" is not."""
    phrases = [phrase.text for phrase in split_roles(text)]
    return bool(phrases) and all(
        len(phrase) >= 3
        and re.search(r"(?:局|办|委|政府|中心|部门|单位|管委会|办公室|厅|处|科|司|站|队|所|院)$", phrase)  # (司: a ministry's department; 监测站, 监察支队)
        for phrase in phrases
    )


# "配合单位:市公安局、各区政府 鄞州 海曙、江东 … 合计 新辟线路年度目标…": a progress table run on
# after the last label's units, past a space.
_STRAY_TAIL: Final = re.compile(rf"(?<=[{UNIT_END_CHARS}])[ \u3000]+(?P<rest>[^:：]+)$")


def _without_stray_tail(text: str) -> str:
    """A labelled annotation without words after its last unit and a space that name no unit
    and no deadline; a deadline there is set apart from the units."""
    tail = _STRAY_TAIL.search(text)
    if tail is None or not _LABEL.search(text[: tail.start()]):
        return text
    rest = tail["rest"]
    before = re.split(r"[、，,；;:：\s]", text[: tail.start()])[-1]
    if len(before) < 3 or not is_unit_phrase(before):
        return text  # "市 住建局": a name a PDF set wide, not a name and what follows it
    if is_deadline_like(rest):
        return f"{text[: tail.start()]}，{rest}"  # "…市财政局 2022年底前": the deadline after the units
    first = re.split(r"[、，,；;\s]", rest)[0]
    if not first or first.endswith(ORGAN_ENDINGS) or _names_units(rest.replace(" ", "、")) or _ROLE_WORD.search(rest):
        return text  # ("街道办事处 、伏羲 山管委 会": the list goes on after the space)
    return text[: tail.start()]


def _labelled(text: str) -> Assignment | None:
    """ "牵头单位:市财政局;责任单位:各区政府;完成时限:2019年底前"."""
    cells: list[tuple[Column, str]] = []
    deadline: str | None = None
    values = _label_values(text)
    # "(区商务局、区科信局负责落实，完成时限：2022年10月)": units before the first label, unlabelled
    head = text[: values[0][2]].strip(" ;；,，。") if values else ""
    if head and _only_units(assign([(Column.UNITS, head)])) and (
        _ROLE_WORD.search(head) or _strong_units(head)
    ):
        cells.append((Column.UNITS, head))
    for label, written, _ in values:
        value = written.split("。")[0].strip(" ;；,，。")
        if label in _DEADLINE_LABELS:
            deadline = value or None
            continue
        # "责任单位：…，各县市人民政府，6月底完成": a deadline closing the unit list, unlabelled
        pieces = re.split(r"[,，;；]", value)
        while len(pieces) > 1 and is_deadline_like(pieces[-1]):
            deadline = deadline or pieces[-1]
            pieces.pop()
        value = "，".join(pieces) if len(pieces) < len(re.split(r"[,，;；]", value)) else value
        if label.endswith("责任人"):  # "责任单位和责任人:省劳动和社会保障厅秦玉德": the person after the office
            value = _PERSON_AFTER_OFFICE.sub("", value)
        if value:
            cells.append((label_column(label), value))
    assignment = assign(cells)
    if not assignment.units and deadline is None:
        return None
    return replace(assignment, deadline_raw=deadline)


_PERSON_AFTER_OFFICE: Final = re.compile(r"(?<=[局办委厅院所站队处科室部府会])[\u4e00-\u9fff]{2,3}(?=$|[、，,；;])")


_OPENERS: Final = "(（【〔["
_CLOSERS: Final = ")）】〕]"


def split_trailing_annotation(paragraph: str) -> tuple[str, Assignment | None]:
    """A paragraph without its closing annotation, and what the annotation says.

    "…切实增强抓落实的执行力。(各区政府、市政府直属各单位负责落实)" → the text up to 执行力。
    and the two units. A labelled tail without brackets ("…。责任单位：市财政局。") counts too.
    """
    stripped = paragraph.rstrip().rstrip("。.；;")
    opened = _unclosed(stripped)
    if opened is not None:
        # a page cut inside the annotation: "…主动性。(有关市政府和省发展改革委", read as far as it
        # goes, without a last unit the cut broke ("…、省直管县〔")
        rest = stripped[opened + 1 :]
        trimmed = re.sub(r"[、，,；;][^、，,；;]*$", "", rest)
        broken = sum(c in _OPENERS for c in rest) > sum(c in _CLOSERS for c in rest)
        # ("…、区城管局、城建集": the list read without the piece the cut broke, first)
        order = (trimmed, rest) if cut_fragment(rest) else (rest, trimmed)
        for candidate in (trimmed,) if broken else order:
            found = _cut_annotation(candidate) if candidate else None
            fragment = cut_fragment(candidate)
            if found is not None and fragment and found.units[-1:] == (fragment,):
                # "(…;责任单位:区政", "(牵头单位:市人": the piece the cut broke is no unit
                found = replace(found, units=found.units[:-1],
                                lead_units=tuple(unit for unit in found.lead_units if unit != fragment))
            if found is not None:
                return stripped[:opened].rstrip(), found
    if stripped.endswith(tuple(_CLOSERS)):
        start = _matching_open(stripped)
        if start is not None and not _after_unit(stripped[:start]):
            found = parse_annotation(stripped[start:]) or _deadline_only(stripped, start)
            if found is not None:
                return stripped[:start].rstrip(), found
    tail = _LABEL.search(paragraph)
    # "…。责任单位：X", or with its break lost, "…增长7%以上责任单位:X" (a 单位/部门 label only;
    # never an office's name before its duty, "卫生防疫行政主管部门:负责…")
    if tail and tail.start() > 0 and (
        paragraph[tail.start() - 1] in "。；;，, \t"
        or (tail["label"].endswith(LABEL_NOUNS) and not paragraph[tail.end() :].lstrip().startswith("负责"))
    ):
        found = parse_annotation(paragraph[tail.start() :])
        if found is not None and found.units:
            return paragraph[: tail.start()].rstrip(), found
    return _spaced_tail(paragraph) or _units_then_deadline(paragraph) or _bare_tail(paragraph)


def _deadline_only(text: str, start: int) -> Assignment | None:
    """ "…改善乡村教师待遇。(年内持续推进)": a sentence's closing bracket that only says when, an
    annotation without units."""
    inside = text[start + 1 : -1]
    if text[:start].rstrip()[-1:] not in "。；;" or not is_deadline_like(inside):
        return None
    return Assignment(units=(), lead_units=(), deadline_raw=inside)


# "1 一般公共预算收入增长8%以上. 财政局": a row of a table flattened with spaces, its last cell
# only the units, without brackets or a role word.
_SPACED_TAIL: Final = re.compile(r"(?<=[。.；;])[ \t\u3000]+(?P<tail>[^\s。.；;,，()（）]{2,60})\s*$")


def _spaced_tail(paragraph: str) -> tuple[str, Assignment] | None:
    match = _SPACED_TAIL.search(paragraph)
    found = parse_annotation(match["tail"]) if match else None
    if match is None or found is None or found.deadline_raw is not None:
        return None
    if not all(is_unit_phrase(unit) for unit in found.units):
        return None
    return paragraph[: match.start()].rstrip(), found


# "…进行督办。市行政审批局市司法局市级相关单位,各区县政府2022年11月底": a table's row whose unit
# and deadline cells were glued to its task, after its last full stop.
_UNITS_DEADLINE_TAIL: Final = re.compile(
    r"(?<=[。；;])\s*(?P<units>[^。；;()（）]{2,100}?)"
    r"(?P<deadline>(?:(?:19|20)\d{2}年)?\d{1,2}月(?:底|\d{1,2}日)?(?:前|以前)?|(?:19|20)\d{2}年(?:底|内)(?:前)?)\s*$"
)


def _units_then_deadline(paragraph: str) -> tuple[str, Assignment] | None:
    match = _UNITS_DEADLINE_TAIL.search(paragraph)
    if match is None:
        return None
    found = parse_annotation(f"({match['units']})")
    if found is None or found.deadline_raw is not None or not _only_units(found):
        return None
    return paragraph[: match.start()].rstrip(), replace(found, deadline_raw=match["deadline"])


# "…动态更新。办公室牵头,各有关处室、民服中心配合": a last sentence that only names units and
# their roles, its brackets lost; it must close on a role word.
# ("…。此项工作由市委宣传部负责。": the sentence's subject, the work, is no unit)
# "此项工作由", "具体工作由", "由": the words before the offices a task's closing sentence names.
WORK_GIVEN_TO: Final = r"(?:此项|该项|这项|以上|上述|具体)?(?:工作|任务)?由"
_BARE_TAIL: Final = re.compile(
    rf"(?<=[。；;])\s*(?:{WORK_GIVEN_TO})?(?P<tail>[^。；;()（）]{{2,80}}?(?:{ROLE_PATTERN}))[\s。.]*$"
)


def _bare_tail(paragraph: str) -> tuple[str, Assignment | None]:
    match = _BARE_TAIL.search(paragraph)
    if match is None:
        return paragraph, None
    found = parse_annotation(match["tail"])
    if found is None or found.deadline_raw is not None:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), found


_SENTENCE_STOPS: Final = "。；;！!？?"


def split_annotated(paragraph: str) -> list[tuple[str, Assignment | None]]:
    """A paragraph cut after each annotation that ends one of its requirements.

    "要在…方便公众获取和监督。(审改办负责)做好…事项清单。(审改办、人社部负责)" → two pieces, each
    with its annotation. An annotation inside a sentence ("会同(市财政局)制定") does not cut: a
    cut needs a full stop before the bracket or right after it. The last piece keeps what follows
    the last annotation (without one, it is returned with None).
    """
    pieces: list[tuple[str, Assignment | None]] = []
    start = 0
    for open_at, close_at in _bracket_groups(paragraph):
        before = paragraph[start:open_at].rstrip()
        after = paragraph[close_at + 1 : close_at + 2]
        # "…减免政策(…等负责),建设一批…": a comma after an annotation with a role word ends
        # the requirement too
        if not before or not (
            before[-1] in _SENTENCE_STOPS or after in _SENTENCE_STOPS + "，," or not after
        ):
            continue
        bracket = fold_line(paragraph[open_at : close_at + 1])
        # ("(区委巡察办负 责)": a role word a wrapped line split)
        if not (_ROLE_WORD.search(compact(bracket)) or _LABEL.search(bracket) or _bare_units(before, bracket, after)):
            continue  # "(适用…部门)": a cut needs a role word, not only a unit's ending
        found = parse_annotation(bracket)
        if found is None:
            continue
        pieces.append((before, found))
        start = close_at + 1
        while start < len(paragraph) and paragraph[start] in _SENTENCE_STOPS + "，, \t":
            start += 1
    rest = paragraph[start:].strip()
    if rest or not pieces:
        pieces.append(
            split_trailing_annotation(rest) if pieces else split_trailing_annotation(paragraph)
        )
    return pieces


def _bare_units(before: str, bracket: str, after: str) -> bool:
    """"1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,荆州开发区)。": names alone
    close a requirement when a full stop follows them; never a list of the units the text before
    them counts ("共7个牵头单位(区住建局、…)。")."""
    if before[-1:] in _SENTENCE_STOPS and _names_units(bracket[1:-1]) and any(
        _strong_units(phrase.text) for phrase in split_roles(bracket[1:-1])
    ):
        return True  # "…完成情况。(大气司、水司)加强…。(执法局)": names after a requirement's full stop
    return bool(after) and after in _SENTENCE_STOPS and not _COUNTED_UNITS.search(before) and _unit_list(bracket[1:-1])


_COUNTED_UNITS: Final = re.compile(r"(?:单位|部门|机构|处室|科室)$")


def _unit_list(text: str) -> bool:
    """Names without a role word that are all units, at least two of them ending like offices
    ("市发改委,各县市区政府,荆州开发区")."""
    return _names_units(text) and sum(_strong_units(phrase.text) for phrase in split_roles(text)) >= 2


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """(open, close) indices of the outermost bracket pairs of ``text``."""
    groups: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for index, char in enumerate(text):
        if char in _OPENERS:
            if depth == 0:
                opened = index
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
            if depth == 0:
                groups.append((opened, index))
    return groups


def _after_unit(text: str) -> bool:
    """Whether ``text`` ends with a unit's name, so that a bracket after it is the unit's alias
    ("区发展改革委(粮食和储备局)"), not an annotation."""
    last = re.split(rf"[{re.escape(_OPENERS)}。；;，,、:：\s]", text)[-1]
    return len(last) >= 3 and is_unit_phrase(last)


def _cut_annotation(text: str) -> Assignment | None:
    """An annotation the page cut before its role word ("(省直各部门和各市县"): what it names
    counts when every phrase ends like a unit."""
    found = parse_annotation("(" + text + ")")
    if found is not None or _ROLE_WORD.search(text):
        return found
    units = assign([(Column.UNITS, text)])
    # "(各地、各单": enough to tell an annotation; the piece the cut broke goes (split_trailing_annotation)
    grouped = all(is_unit_phrase(unit) or unit.startswith("各") for unit in units.units)
    if len(units.units) == 1 and _ALIASED.match(units.units[0]) and is_unit_phrase(units.units[0]):
        return units  # "[区发展改革委(粮食和储备局)": one unit, named with its alias, no room for doubt
    return units if len(units.units) >= 2 and grouped else None


_ALIASED: Final = re.compile(r"^[^()（）]{3,}[(（][^()（）]{3,}[)）]$")


def _ascii_stop(text: str, index: int) -> bool:
    """ "…进展情况.(": a PDF's ASCII full stop after a Chinese character ends a sentence too."""
    return index >= 2 and text[index - 1] == "." and "\u4e00" <= text[index - 2] <= "\u9fff"


def _unclosed(text: str) -> int | None:
    """Index of a bracket near the end of ``text`` that is never closed, after a full stop (the
    outermost, when the page ends inside a bracket within it: "(责任单位：…省直管县〔")."""
    depth, found = 0, None
    for index in range(len(text) - 1, max(-1, len(text) - 200), -1):
        char = text[index]
        depth += (char in _CLOSERS) - (char in _OPENERS)
        if depth < 0:
            before = text[:index].rstrip()  # "…以上。 (市建委、": a space may stand between
            if before and (before[-1] in _SENTENCE_STOPS or _ascii_stop(before + char, len(before))):
                found = index
            depth = 0
    return found


def _matching_open(text: str) -> int | None:
    """Index of the bracket that opens the one closing ``text``."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        depth += (char in _CLOSERS) - (char in _OPENERS)
        if depth == 0:
            return index
    return None


_LABEL_LINE: Final = re.compile(r"^[(（〔【\[]?\s*" + _LABEL.pattern)  # the same labels, opening a line


_CUT_NAME: Final = 10  # characters of a name the page's end broke ("市人力资源社会保")
ENDS_ON_ROLE: Final = re.compile(f"(?:{ROLE_PATTERN})$")


def cut_fragment(text: str) -> str:
    """The last unit of ``text``, where the page ends, when it is a piece of a name the cut broke
    ("…；责任单位:区政", "牵头单位:区商"), not a whole one; else ""."""
    text = compact(fold_line(text))
    if text.endswith(("。", ".", "；", ";", ")", "）")) or ENDS_ON_ROLE.search(text):
        return ""  # a closed sentence, bracket or duty ("…分别牵头"): the page did not end inside it
    labels = list(_LABEL.finditer(text))
    if labels and labels[-1]["label"] in _DEADLINE_LABELS:
        return ""  # "时限要求：持续推进": a deadline, no unit's name
    last = re.split(r"[、，,；;:：]", text.rstrip("等"))[-1]
    return last if last and len(last) <= _CUT_NAME and not is_unit_phrase(last) else ""


def label_line(line: str) -> Assignment | None:
    """A line of its own naming the units: "责任单位：市财政局" or "（牵头单位：…）"."""
    if not _LABEL_LINE.match(compact(fold_line(line))):
        return None
    return parse_annotation(line.strip())
