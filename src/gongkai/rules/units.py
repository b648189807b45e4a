"""Units (单位), their aliases and group phrases, and how the unit cells of a notice resolve to them.

A notice names units the way its office writes them: "市住建局", "市住房城乡 建设局" (a line wrap),
"区农林局（区扶贫办）" (a bureau and the sign it also carries), "肇庆高新区、肇庆新区管委会" (a shared
suffix), and groups such as "各县(市、区)政府" or "区政府各部门、各直属机构". This module turns such
text into keys of a :class:`Registry`:

- A **unit** matches by its full name or one of its aliases. A leading "市" means the city of the
  issuing government (``within``), a leading "区"/"县" its district or county, so "市财政局" in a
  肇庆 notice is 肇庆市财政局 and never 江门's.
- A **group** phrase expands by rule, never by a stored member list: the children of the scope
  government whose kind (and optionally category and tags) the rule names. A unit added to the
  registry later is therefore in every group it qualifies for.
- What cannot be resolved says so in Chinese (``Resolution.reason``); nothing is guessed. Generic
  phrases ("各有关单位", "市直有关单位") are recognised as such: they name no definite set of units.

This module is pure Python and must not import Django: the ``orgs`` app converts its rows into
:class:`UnitEntry`/:class:`GroupRule` and calls :func:`resolve`/:func:`resolve_cell`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from gongkai.rules.vocabulary import ORGAN_ENDINGS, PLACE_ENDINGS, ROLE_PATTERN


class UnitKind(StrEnum):
    """What a unit is, administratively."""

    CITY_GOV = "city_gov"  # 地级市人民政府
    COUNTY_GOV = "county_gov"  # 县、县级市、区人民政府
    DEPARTMENT = "department"  # 政府工作部门, incl. 政府办公室, 编办 and 直属特设机构 (国资委)
    COMMITTEE = "committee"  # 管委会 of a 高新区/新区/开发区/试验区
    TOWNSHIP = "township"  # 乡镇人民政府
    SUBDISTRICT = "subdistrict"  # 街道办事处
    INSTITUTION = "institution"  # 事业单位 and other 直属机构 that are not departments
    VERTICAL = "vertical"  # 垂直管理或派驻 (国税、气象、公安分局): not a 本级政府部门
    PARTY = "party"  # 党委工作机关 (区委宣传部): named in plans, not a 政府部门


class UnitCategory(StrEnum):
    """The evaluation classes of a 政务公开 assessment (seed 001: one indicator system each)."""

    COUNTY_GOV = "county_gov"  # 县区政府
    COMMITTEE = "committee"  # 管委
    KEY_DEPARTMENT = "key_department"  # 市级重点领域部门 (承担重点领域事项公开)
    OTHER_DEPARTMENT = "other_department"  # 市级非重点领域部门
    TOWNSHIP = "township"  # 乡镇政府
    SUBDISTRICT = "subdistrict"  # 街道办事处
    PUBLIC_SERVICE_INSTITUTION = "public_service_institution"  # 承担公共服务的事业单位


class GroupScope(StrEnum):
    """Whose children a group phrase means, relative to the issuing government ``within``."""

    ISSUER = "issuer"  # 本级: the issuing government ("各直属机构", "各行政执法单位")
    CITY = "city"  # what "市" means: the nearest government named …市 ("市政府各部门")
    COUNTY = "county"  # what "区"/"县" means: the nearest 县区 government ("各镇(街、区)")
    UNIT = "unit"  # a named unit (GroupRule.scope_unit), whoever issues the notice


class UnitRole(StrEnum):
    """What a unit cell says a unit does for an item."""

    LEAD = "lead"  # 牵头、主办, or the first of "X会同Y"
    RESPONSIBLE = "responsible"  # 负责、落实、分别负责
    ASSISTING = "assisting"  # 配合、协办、参与


class ResolutionStatus(StrEnum):
    RESOLVED = "resolved"
    GENERIC = "generic"  # "各有关单位": recognised, but names no definite units
    NOT_FOUND = "not_found"
    AMBIGUOUS = "ambiguous"
    NO_SCOPE = "no_scope"  # a relative phrase ("区财政局") with no government for it to mean
    EMPTY_GROUP = "empty_group"  # a group phrase whose rule matches no registered unit


class RegistryError(ValueError):
    """Registry data that cannot be used (duplicate key, unknown parent, bad kind…)."""


GOVERNMENT_KINDS: Final = frozenset({UnitKind.CITY_GOV, UnitKind.COUNTY_GOV})
LAW_ENFORCEMENT_TAG: Final = "law_enforcement"  # 行政执法主体, for "各行政执法单位"


@dataclass(frozen=True)
class UnitEntry:
    """One unit of the registry. ``parent`` is the unit it reports to (None for a root)."""

    key: str
    name: str
    kind: UnitKind
    parent: str | None
    category: UnitCategory | None = None
    org_code: str = ""  # 统一社会信用代码 (18 characters), see organization_code()
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def place(self) -> str:
        """The place a government is named after: "肇庆市人民政府" → "肇庆市"."""
        return self.name.removesuffix("人民政府")


@dataclass(frozen=True)
class GroupRule:
    """A group phrase that expands by rule: children of the scope government that qualify.

    A child qualifies when its kind is in ``kinds``, its category in ``categories`` (if given) and
    it carries every tag in ``tags``.
    """

    phrase: str
    kinds: frozenset[UnitKind]
    scope: GroupScope = GroupScope.ISSUER
    aliases: tuple[str, ...] = ()
    scope_unit: str | None = None  # only for GroupScope.UNIT
    categories: frozenset[UnitCategory] = frozenset()
    tags: frozenset[str] = frozenset()

    def admits(self, unit: UnitEntry) -> bool:
        return (
            unit.kind in self.kinds
            and (not self.categories or unit.category in self.categories)
            and self.tags <= frozenset(unit.tags)
        )


@dataclass(frozen=True)
class Registry:
    """The units of one platform and its group rules, with the lookups resolution needs."""

    units: tuple[UnitEntry, ...]
    groups: tuple[GroupRule, ...] = ()

    def __post_init__(self) -> None:
        _check_registry(self)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def unit(self, key: str) -> UnitEntry:
        try:
            return self._by_key[key]
        except KeyError:
            raise RegistryError(f"单位库中没有单位“{key}”") from None

    def children(self, key: str) -> tuple[UnitEntry, ...]:
        """Direct children in registry order (the order of the registry is the display order)."""
        return self._children.get(key, ())

    def ancestry(self, key: str) -> Iterator[UnitEntry]:
        """The unit itself, then its parent, grandparent… up to the root."""
        current: str | None = key
        while current is not None:
            unit = self.unit(current)
            yield unit
            current = unit.parent

    def government_of(self, key: str) -> UnitEntry | None:
        """The nearest government at or above the unit (a 区三防办 under 区水务局 → 新会区政府)."""
        return next((u for u in self.ancestry(key) if u.kind in GOVERNMENT_KINDS), None)

    def root_of(self, key: str) -> UnitEntry:
        *_, root = self.ancestry(key)
        return root

    def keys_named(self, normalized: str) -> tuple[str, ...]:
        """Keys of the units whose name or an alias normalises to ``normalized``."""
        return self._by_name.get(normalized, ())

    def group(self, normalized: str) -> GroupRule | None:
        return self._groups_by_phrase.get(normalized)

    def knows(self, phrase: str) -> bool:
        """Whether the phrase, as written, is a registered name, alias or group phrase."""
        normalized = normalize_phrase(phrase)
        return normalized in self._by_name or normalized in self._groups_by_phrase

    def full_place_variants(self, normalized: str) -> tuple[str, ...]:
        """The phrase with a short place at its start written in full ("新会区…" → "江门市新会区…")."""
        return tuple(
            full + normalized.removeprefix(short)
            for short, full in self._short_places.items()
            if normalized.startswith(short)
        )

    def with_units(self, *units: UnitEntry) -> Registry:
        return replace(self, units=self.units + units)

    @cached_property
    def _by_key(self) -> dict[str, UnitEntry]:
        return {unit.key: unit for unit in self.units}

    @cached_property
    def _children(self) -> dict[str, tuple[UnitEntry, ...]]:
        children: dict[str, list[UnitEntry]] = {}
        for unit in self.units:
            if unit.parent is not None:
                children.setdefault(unit.parent, []).append(unit)
        return {key: tuple(units) for key, units in children.items()}

    @cached_property
    def _by_name(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for unit in self.units:
            for written in (unit.name, *unit.aliases):
                keys = index.setdefault(normalize_phrase(written), [])
                if unit.key not in keys:
                    keys.append(unit.key)
        return {name: tuple(keys) for name, keys in index.items()}

    @cached_property
    def _short_places(self) -> dict[str, str]:
        shorts: dict[str, str] = {}
        for unit in self.units:
            if unit.kind in GOVERNMENT_KINDS:
                full, *short = _places(self, unit)
                shorts.update(dict.fromkeys(short, full))
        return shorts

    @cached_property
    def _groups_by_phrase(self) -> dict[str, GroupRule]:
        return {
            normalize_phrase(written): rule
            for rule in self.groups
            for written in (rule.phrase, *rule.aliases)
        }


def _check_registry(registry: Registry) -> None:
    """Reject data the lookups would silently misread. Messages are for the office editing it."""
    keys: set[str] = set()
    for unit in registry.units:
        if not unit.key or not unit.name:
            raise RegistryError(f"单位“{unit.name or unit.key}”缺少标识或名称")
        if unit.key in keys:
            raise RegistryError(f"单位标识“{unit.key}”重复")
        keys.add(unit.key)
    for unit in registry.units:
        if unit.parent is not None and unit.parent not in keys:
            raise RegistryError(f"单位“{unit.name}”的上级“{unit.parent}”不在单位库中")
        _check_no_cycle(registry, unit)
    for rule in registry.groups:
        if not rule.kinds:
            raise RegistryError(f"分组“{rule.phrase}”未指定单位类型")
        if (rule.scope is GroupScope.UNIT) != (rule.scope_unit is not None):
            raise RegistryError(f"分组“{rule.phrase}”的范围单位须且仅须在范围为 unit 时填写")
        if rule.scope_unit is not None and rule.scope_unit not in keys:
            raise RegistryError(f"分组“{rule.phrase}”的范围单位“{rule.scope_unit}”不在单位库中")


def _check_no_cycle(registry: Registry, unit: UnitEntry) -> None:
    seen = {unit.key}
    parent = unit.parent
    while parent is not None:
        if parent in seen:
            raise RegistryError(f"单位“{unit.name}”的上级关系成环")
        seen.add(parent)
        parent = registry._by_key[parent].parent


# --- normalisation ---------------------------------------------------------------------------

# Zero-width characters survive copy-paste from web pages and Word, and break exact matching.
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_WHITESPACE: Final = re.compile(r"\s+")
# Inside one phrase a comma or semicolon is a list separator like 、: "各县(市,区)" = "各县(市、区)".
_PHRASE_LIST_PUNCTUATION: Final = str.maketrans({",": "、", ";": "、"})
_EDGE_PUNCTUATION: Final = "、,;:。"
# A role word ending the phrase (ROLE_PATTERN lists "牵头落实" before 牵头 and 落实).
_TRAILING_ROLE: Final = re.compile(f"(?:分别)?(?:{ROLE_PATTERN})$")
_LEADING_WORDS: Final = re.compile(r"^(?:由|按照职责分工|按职责分工|根据职责分工)")


def _compact(text: str) -> str:
    """The text without whitespace: table cells wrap inside names ("市住房城乡 建设局")."""
    return _WHITESPACE.sub("", text.translate(_INVISIBLE))


def normalize_phrase(text: str) -> str:
    """One unit phrase in the form names are compared in.

    NFKC folds full-width brackets and punctuation to ASCII ("（" → "(", "，" → ","); whitespace
    and line breaks go; commas and semicolons inside the phrase become 、; role words at the
    edges ("牵头", "分别负责", "由…") and stray edge punctuation are dropped.
    """
    text = _compact(unicodedata.normalize("NFKC", text)).translate(_PHRASE_LIST_PUNCTUATION)
    previous = None
    while text != previous:
        previous = text
        text = text.strip(_EDGE_PUNCTUATION)
        text = _TRAILING_ROLE.sub("", text)
        text = _LEADING_WORDS.sub("", text)
    return text


_GENERIC: Final = re.compile(
    r"^(?:市直|区直|县直|市级|区级|县级|本级|市|区|县)?(?:政府)?各?(?:其他|其它)?"
    r"(?:有关|相关)(?:职能)?(?:部门|单位|机构)(?:、(?:有关|相关)?(?:部门|单位|机构))?$"
)


def is_generic(phrase: str) -> bool:
    """Whether the phrase is a generic reference ("各有关单位", "市直有关单位", "相关部门")."""
    return bool(_GENERIC.match(normalize_phrase(phrase)))


# --- resolution of one phrase ----------------------------------------------------------------


@dataclass(frozen=True)
class Resolution:
    """What one unit phrase means. ``reason`` (Chinese) explains every outcome but RESOLVED."""

    phrase: str  # as written
    normalized: str  # as compared (after a shared suffix was added, if one was)
    unit_keys: tuple[str, ...]
    group: str | None  # the group rule's phrase when the phrase expanded by rule
    status: ResolutionStatus
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status is ResolutionStatus.RESOLVED

    @property
    def generic(self) -> bool:
        return self.status is ResolutionStatus.GENERIC


# The level word a relative phrase starts with, and the government it therefore means.
_LEVEL_WORDS: Final = {"市": GroupScope.CITY, "区": GroupScope.COUNTY, "县": GroupScope.COUNTY}
_LEVEL_NAMES: Final = {GroupScope.CITY: "市", GroupScope.COUNTY: "区县"}


def resolve(phrase: str, registry: Registry, within: str | None = None) -> Resolution:
    """Resolve one unit phrase, relative to the issuing government ``within`` (a unit key).

    Order: group phrase, generic phrase, unit name or alias, "X（Y）" where both name the unit.
    """
    normalized = normalize_phrase(phrase)
    if within is not None and within not in registry:
        raise RegistryError(f"发文机关“{within}”不在单位库中")
    if not normalized:
        return _failed(phrase, normalized, ResolutionStatus.NOT_FOUND, "单位名称为空")
    rule = registry.group(normalized)
    if rule is not None:
        return _expand_group(phrase, normalized, rule, registry, within)
    if _GENERIC.match(normalized):
        reason = f"“{normalized}”是泛指，未指明具体单位，请选择单位"
        return _failed(phrase, normalized, ResolutionStatus.GENERIC, reason)
    found = _resolve_unit(phrase, normalized, registry, within)
    if found.ok or found.status is ResolutionStatus.AMBIGUOUS:
        return found
    return _resolve_bracketed(phrase, normalized, registry, within) or found


def _failed(phrase: str, normalized: str, status: ResolutionStatus, reason: str) -> Resolution:
    return Resolution(phrase, normalized, (), None, status, reason)


def scope_government(
    registry: Registry, scope: GroupScope, within: str | None, scope_unit: str | None = None
) -> UnitEntry | None:
    """The government a scope means for a notice issued by ``within`` (None if there is none)."""
    if scope is GroupScope.UNIT:
        return registry.unit(scope_unit) if scope_unit is not None else None
    if within is None:
        return None
    governments = [u for u in registry.ancestry(within) if u.kind in GOVERNMENT_KINDS]
    if scope is GroupScope.ISSUER:
        return governments[0] if governments else registry.unit(within)
    if scope is GroupScope.CITY:  # a 县级市 is "市" in its own notices, as its offices write
        return next((g for g in governments if g.place.endswith("市")), None)
    return next((g for g in governments if g.kind is UnitKind.COUNTY_GOV), None)


def _expand_group(
    phrase: str, normalized: str, rule: GroupRule, registry: Registry, within: str | None
) -> Resolution:
    government = scope_government(registry, rule.scope, within, rule.scope_unit)
    if government is None:
        return _no_scope(phrase, normalized, rule.scope, registry, within)
    members = tuple(u.key for u in registry.children(government.key) if rule.admits(u))
    if not members:
        reason = f"“{normalized}”在{government.name}下没有符合条件的单位，请先在单位库中添加"
        return Resolution(phrase, normalized, (), rule.phrase, ResolutionStatus.EMPTY_GROUP, reason)
    return Resolution(phrase, normalized, members, rule.phrase, ResolutionStatus.RESOLVED)


def _no_scope(
    phrase: str, normalized: str, scope: GroupScope, registry: Registry, within: str | None
) -> Resolution:
    if within is None:
        reason = f"“{normalized}”是相对称谓，须指定发文机关才能确定所指单位"
    else:
        level = _LEVEL_NAMES.get(scope, "")
        issuer = registry.unit(within).name
        reason = f"“{normalized}”指发文机关所在{level}的单位，但{issuer}不在任何{level}之内"
    return _failed(phrase, normalized, ResolutionStatus.NO_SCOPE, reason)


def _resolve_unit(
    phrase: str, normalized: str, registry: Registry, within: str | None
) -> Resolution:
    """A unit by name or alias; a leading 市/区/县 restricts it to that government of ``within``."""
    scope = _LEVEL_WORDS.get(normalized[0])
    if scope is not None and within is not None:
        government = scope_government(registry, scope, within)
        if government is None:
            return _no_scope(phrase, normalized, scope, registry, within)
        # "区财政局" in a 新会 notice: an alias written that way, or "江门市新会区财政局"/"新会区财政局".
        written = (normalized, *(place + normalized[1:] for place in _places(registry, government)))
        keys = _unique(k for w in written for k in registry.keys_named(w))
        keys = tuple(k for k in keys if _government_key(registry, k) == government.key)
        where = f"在{government.name}范围内"
    else:
        # "新会区财政局": a place written without its city stands for the full "江门市新会区财政局".
        written = (normalized, *registry.full_place_variants(normalized))
        keys = _unique(k for w in written for k in registry.keys_named(w))
        keys = _prefer_family(registry, keys, within)
        if scope is not None and not keys:  # "市财政局" with no issuer: which city's?
            return _no_scope(phrase, normalized, scope, registry, within)
        where = ""
    return _from_candidates(phrase, normalized, keys, registry, where)


def _places(registry: Registry, government: UnitEntry) -> tuple[str, ...]:
    """The ways a government's place is written: "江门市新会区", and "新会区" without its city."""
    parent = registry.government_of(government.parent) if government.parent else None
    if parent is not None and government.place.startswith(parent.place):
        return (government.place, government.place.removeprefix(parent.place))
    return (government.place,)


def _government_key(registry: Registry, key: str) -> str | None:
    government = registry.government_of(key)
    return government.key if government is not None else None


def _prefer_family(
    registry: Registry, keys: tuple[str, ...], within: str | None
) -> tuple[str, ...]:
    """Of several units with one name, those under the same top government as the issuer."""
    if within is None or len(keys) < 2:
        return keys
    root = registry.root_of(within).key
    family = tuple(k for k in keys if registry.root_of(k).key == root)
    return family or keys


def _from_candidates(
    phrase: str, normalized: str, keys: tuple[str, ...], registry: Registry, where: str
) -> Resolution:
    if len(keys) == 1:
        return Resolution(phrase, normalized, keys, None, ResolutionStatus.RESOLVED)
    if keys:
        names = "、".join(registry.unit(k).name for k in keys)
        reason = f"“{normalized}”对应多个单位：{names}，请选择单位"
        return _failed(phrase, normalized, ResolutionStatus.AMBIGUOUS, reason)
    reason = f"{where}未找到单位“{normalized}”，请选择单位或添加别名"
    return _failed(phrase, normalized, ResolutionStatus.NOT_FOUND, reason)


_TRAILING_BRACKET: Final = re.compile(r"^(?P<outer>.+?)\((?P<inner>[^()]+)\)$")


def _resolve_bracketed(
    phrase: str, normalized: str, registry: Registry, within: str | None
) -> Resolution | None:
    """A unit and the other sign it carries (挂牌), as in "区农林局（区扶贫办）".

    Both parts must resolve; the result is their union (one unit when the sign is an alias).
    """
    match = _TRAILING_BRACKET.match(normalized)
    if match is None:
        return None
    outer = resolve(match["outer"], registry, within)
    inner = resolve(match["inner"], registry, within)
    if not (outer.ok and inner.ok):
        return None
    keys = _unique((*outer.unit_keys, *inner.unit_keys))
    return Resolution(phrase, normalized, keys, None, ResolutionStatus.RESOLVED)


def _unique(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


# --- unit cells: splitting and roles ---------------------------------------------------------


@dataclass(frozen=True)
class UnitPhrase:
    """One unit phrase of a cell as written (without whitespace and role words), with its role."""

    text: str
    role: UnitRole


_OPEN_BRACKETS: Final = "(（《〔[〈<"
_CLOSE_BRACKETS: Final = ")）》〕]〉>"
_SEPARATORS: Final = frozenset("、，,；;。：:")
# "区直各部门市生态环境局大武口分局": a group of units run into the next name without a 、
_RUN_TOGETHER: Final = re.compile(r"(?<=各部门|各单位)(?=[市县区省][^、，,；;]{2,})")
_CONJUNCTIONS: Final = ("以及", "或者", "和", "及", "与")  # ("…镇人民政府或者街道办事处分别设立…")
# "市财政局会市发改委": 会 short for 会同, between a unit's ending and the next unit (never the 会
# of 管委会, 居委会, 村委会, 安委会).
_SHORT_TOGETHER: Final = (
    r"(?<=[局办厅府室心部院处所站队科馆委])(?<!管委)(?<!居委)(?<!村委)(?<!常委)(?<!安委)会"
    r"(?=[市县区省各镇乡街]|[^、，,；;会]{1,10}(?:处|科|室|局|办|中心)(?:$|[、，,；;]|牵头|负责|配合))"
)
# A role word before an organ noun names the organ, it gives no role: "局主办科室" (the office in
# charge), "各配合单位".
_ROLE_MARKER: Final = re.compile(
    f"(?:分别)?({ROLE_PATTERN}|会同|{_SHORT_TOGETHER})(?!科室|处室|股室|单位|部门|机构|中心|委员会|小组|组(?!织)|站|员)(?!(?<!会)办公室)"  # "市科技资源统筹中心" ("X会办公室": X会Y)
    # ("县级以上人民政府负责侨务工作的机构": a body named by the work it is in charge of)
    r"(?![^、，,；;。()（）]{2,12}?的(?:行政)?(?:机构|部门|机关))"
)
_MARKER_ROLES: Final = {
    "牵头落实": UnitRole.LEAD,
    "牵头负责": UnitRole.LEAD,
    "牵头负总责": UnitRole.LEAD,
    "负总责": UnitRole.LEAD,
    "牵头": UnitRole.LEAD,
    "主办": UnitRole.LEAD,
    "主责": UnitRole.LEAD,
    "统筹": UnitRole.LEAD,
    "共同负责": UnitRole.RESPONSIBLE,
    "组织实施": UnitRole.RESPONSIBLE,
    "实施": UnitRole.RESPONSIBLE,
    "督促指导": UnitRole.RESPONSIBLE,
    "指导": UnitRole.RESPONSIBLE,
    "技术支撑": UnitRole.ASSISTING,
    "会同": UnitRole.LEAD,  # "X会同Y": X leads, Y shares the responsibility
    "会": UnitRole.LEAD,  # "X会Y", the same
    "负责落实": UnitRole.RESPONSIBLE,
    "分工落实": UnitRole.RESPONSIBLE,  # "各相关股室分工落实"
    "参照落实": UnitRole.RESPONSIBLE,  # "…;各镇(街)参照落实"
    "参照执行": UnitRole.RESPONSIBLE,
    "负责": UnitRole.RESPONSIBLE,
    "落实": UnitRole.RESPONSIBLE,
    "协办": UnitRole.ASSISTING,
    "协管": UnitRole.ASSISTING,  # "…由县公安局负责牵头管理，县交通局协管"
    "协同落实": UnitRole.ASSISTING,  # "X牵头，相关单位协同落实"
    "配合": UnitRole.ASSISTING,
    "参与": UnitRole.ASSISTING,
    "参加": UnitRole.ASSISTING,
}
_BOUNDARY: Final = f"(?=$|[、，,；;。：:)）]|{_ROLE_MARKER.pattern})"
_GENERIC_NOUN: Final = "(?:中省直|[市县区省镇乡州](?:政府|级|直)?)?各?(?:其他|其它)?(?:有关|相关)(?:[市县区省州](?:政府|级|直))?(?:职能)?(?:部门|单位|机构|处室|科室|股室)(?:[和及与](?:部门|单位|机构))?(?:[(（](?:部门|单位|机构)[)）])?"  # "…等相关区直部门", "…等有关部门和单位", "…等有关处室(单位)", "…等市政府有关部门", "…等市有关单位", "…等中省直各有关单位": the same open end with its level
# "…区环保局等有关部门牵头", "…会同相关部门负责", "…生态环境局等3家单位负责": the list is open-ended, and the generic tail
# names no unit. "等" goes with its tail; "会同" stays, so that the unit before it still leads.
_ETC_TAIL: Final = re.compile(
    # (never the 等 of a word: "中等职业学校的主管部门", "高等学校")
    f"(?<![中高初同平对])等(?:{_GENERIC_NOUN}|(?:[\\d一二三四五六七八九十]{{1,3}}[家个])?(?:责任|配合|协办)?(?:部门单位|单位部门|部门|单位|机构)|(?:社会|人民|群众)?团体|[^、，,；;]{{2,20}}成员单位"
    "|(?:[市县区省州](?:政府|级|直)?)?(?:工作|职能)部门"  # "…市司法局等市政府工作部门"
    f"|(?![市县区省州盟旗镇乡])[^、，,；;市县区省]{{2,20}}(?:主管|职能|相关|有关)(?:部门|单位)"
    "|[^、，,；;市县区省]{2,12}?(?:其他|其它)(?:部门|单位|机构)"  # "…农科所等农业系统其它单位"
    "|(?:[市县区省州]?(?:人民)?政府)?派出机构)?"  # "…街道办事处等政府派出机构"
    f"(?:{_BOUNDARY}|(?<=部门|单位|机构|团体)(?=[和及与]|以及))"  # "…省农业厅等省直有关部门和各市人民政府"
)  # "…区商务局等数字经济工作领导小组成员单位": the group's other members, no unit by name
_TOGETHER_WITH_OTHERS: Final = re.compile(f"(?<=会同){_GENERIC_NOUN}{_BOUNDARY}")


def split_units(cell: str, registry: Registry | None = None) -> list[str]:
    """The unit phrases of a cell, as written, without whitespace and role words.

    Splits at 、，,；;。：and at 和/及/与 between units; never inside brackets ("各县(市、区)政府",
    "各镇（街、区）") or inside a name ("市住房和城乡建设局"). With a registry, adjacent pieces that
    together are a registered phrase stay one ("市政府各部门、直属各单位").
    """
    return [phrase.text for phrase in split_roles(cell, registry)]


def split_roles(
    cell: str, registry: Registry | None = None, unmarked_role: UnitRole = UnitRole.LEAD
) -> list[UnitPhrase]:
    """The unit phrases of a cell with their roles.

    A role word closes the stretch of units before it: "区编办牵头，各镇（街、区），区政府各部门负责"
    gives 区编办 LEAD and the rest RESPONSIBLE. Units after the last role word are RESPONSIBLE. A cell
    without any role word does not distinguish, so all its units get ``unmarked_role`` (LEAD, as
    CONTRACTS.md §1 reads such cells).
    """
    return list(_split_cell(cell, registry, unmarked_role)[0])


# "市财政局(牵头)、市税务局", "市财政局为牵头单位，市税务局为配合单位": the role in a bracket after
# the unit, or said with 为 and the organ noun; read as the role word after the unit.
_BRACKETED_ROLE: Final = re.compile(r"[(（](牵头|主办|主责|负责|配合|协办|参与)[)）]")
_ROLE_AS_NOUN: Final = re.compile(r"(?:为|是|作为)(牵头|主办|配合|协办|责任)(?:单位|部门)")


def _split_cell(
    cell: str, registry: Registry | None, unmarked_role: UnitRole
) -> tuple[tuple[UnitPhrase, ...], bool]:
    """The phrases of the cell, and whether it ends its list openly ("等有关部门")."""
    text = _RUN_TOGETHER.sub("、", _strip_enclosing_brackets(_compact(cell)))
    text = _BRACKETED_ROLE.sub(r"\1", text)
    text = _ROLE_AS_NOUN.sub(lambda match: "负责" if match[1] == "责任" else match[1], text)
    text, etc = _ETC_TAIL.subn("", text)
    text, others = _TOGETHER_WITH_OTHERS.subn("", text)
    phrases: list[UnitPhrase] = []
    for stretch, role in _role_stretches(text, unmarked_role):
        phrases += [UnitPhrase(piece, role) for piece in _pieces(stretch, registry)]
    if any(phrase.text[:1] in _STARS or phrase.text[-1:] in LEAD_STARS for phrase in phrases):
        phrases = _starred(phrases, unmarked_role)
    return tuple(phrases), etc + others > 0


# "★区发改委、统计局": a star before a unit marks it as the lead; the others are responsible. So
# does one after it ("区农业农村委*、区规划资源局", "加*号为牵头部门"); an asterisk only after.
_STARS: Final = "★☆"
LEAD_STARS: Final = "★☆*＊"


def _starred(phrases: Sequence[UnitPhrase], unmarked_role: UnitRole) -> list[UnitPhrase]:
    starred: list[UnitPhrase] = []
    for phrase in phrases:
        text = phrase.text.lstrip(_STARS).rstrip(LEAD_STARS)
        if not text:
            continue
        if text != phrase.text:
            starred.append(UnitPhrase(text, UnitRole.LEAD))
        elif phrase.role is unmarked_role and unmarked_role is UnitRole.LEAD:
            starred.append(UnitPhrase(text, UnitRole.RESPONSIBLE))
        else:
            starred.append(phrase)
    return starred


def _strip_enclosing_brackets(text: str) -> str:
    """A prose annotation "(市府办负责落实)" is a cell in brackets."""
    if len(text) > 2 and text[0] in _OPEN_BRACKETS and text[-1] in _CLOSE_BRACKETS:
        inner = text[1:-1]
        if _depth_never_negative(inner):
            return inner
    return text


def _depth_never_negative(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char in _OPEN_BRACKETS) - (char in _CLOSE_BRACKETS)
        if depth < 0:
            return False
    return depth == 0


def _role_stretches(text: str, unmarked_role: UnitRole) -> Iterator[tuple[str, UnitRole]]:
    """Split the cell at its role words; each stretch takes the role of the word closing it."""
    markers = list(_ROLE_MARKER.finditer(text))
    if not markers:
        yield text, unmarked_role
        return
    start = 0
    for marker in markers:
        yield text[start : marker.start()], _MARKER_ROLES[marker[1]]
        start = marker.end()
    yield text[start:], UnitRole.RESPONSIBLE


def _pieces(stretch: str, registry: Registry | None) -> list[str]:
    pieces = [
        part
        for piece in _split_top_level(stretch)
        for part in _split_conjunctions(_AS_WHAT.sub("", _LEADING_WORDS.sub("", piece)))
        if part
    ]
    pieces = _rejoin_bare_levels(pieces)
    return _merge_known(pieces, registry) if registry is not None else pieces


# "省安全生产监督管理部门作为省安委会办事机构": what the office acts as, no part of its name
_AS_WHAT: Final = re.compile(r"(?<=[\u4e00-\u9fff)）]{2})作为[^、，,；;]+$")
_BARE_LEVELS: Final = frozenset("省市县区镇乡街州旗盟")
# Levels named in two characters, as lone as "市" in "苏木、乡镇档案室" (Inner Mongolia's 苏木 are its 乡镇)
_BARE_LEVEL_WORDS: Final = frozenset({"苏木", "乡镇", "街道"})
# Levels never a unit alone, like a lone 市: "自治州、县(市)人民政府", "市、县级市、区人民政府",
# "乡、民族乡、镇人民政府", "各省、自治区、直辖市人民政府", "设区的市、县(市、区)…部门",
# "设区的市、州、直管市、神农架林区人民政府", "各县、特区、区人民政府"
_LONE_LEVELS: Final = frozenset({"自治州", "自治县", "自治区", "自治旗", "县级市", "民族乡", "设区的市", "直管市", "特区"})


# Levels joined as lone as one: "市和区、县劳动和社会保障行政部门" (of the city, districts and counties)
# ("市和县(市)、区人民政府教育督导机构", "市和各市、区劳动保障部门": with their alternatives, or 各)
_JOINED_LEVELS: Final = re.compile(r"[省市县区州](?:[和及与]各?[省市县区州])+")
_BRACKETED: Final = re.compile(r"[(（〔\[][^()（）〔〕\[\]]*[)）〕\]]")
_LEVEL_GOVERNMENT: Final = re.compile(r"^[省市县区镇乡街州旗盟]{1,3}(?:人民)?政府$")  # ("各市州、县市区人民政府")
_LIST_OPENER: Final = re.compile(r"^(?:沿海|沿边|沿线|相关|有关)?各|^(?:相关|有关)|^[\u4e00-\u9fff]{0,10}?所在地|^当地")  # ("水库所在地市、县(区)人民政府")


def _rejoin_bare_levels(pieces: Sequence[str]) -> list[str]:
    """Rejoin a level list written without brackets: "各县、市、区人民政府", "市、县财政部门",
    "各州、市人民政府".

    A lone 市 is never a unit: it joins the next piece, and the previous one too when that is a
    fragment ending in a level word ("各县") rather than a whole name ("市财政局").
    """
    joined: list[str] = []
    glue_next = False
    for piece in pieces:
        # ("各市、县〔区〕落实": a lone level with its alternatives closes the list as a lone one does)
        bare = _BRACKETED.sub("", piece) in _BARE_LEVELS or piece in _LONE_LEVELS or _JOINED_LEVELS.fullmatch(_BRACKETED.sub("", piece)) is not None
        previous = _BRACKETED.sub("", joined[-1]) if joined else ""  # "各市〔州〕" reads "各市"
        fragment = bool(previous) and previous[-1] in _BARE_LEVELS
        # "各州、市人民政府", "各市〔州〕、县〔市、区〕政府", "各县市、区政府", "各市、区质量技术监督
        # 检测所": a lone "各州" (or "各县市") opens the list the next closes, at another level
        # ("相关市、县〔市、区〕政府", "沿海各市、县〔市、区〕政府": the same list of those concerned)
        levels = _LIST_OPENER.sub("", previous) if _LIST_OPENER.match(previous) else ""
        opened = 1 <= len(levels) <= 3 and set(levels) <= _BARE_LEVELS
        bare_piece = _BRACKETED.sub("", piece)
        closes = opened and (
            _LEVEL_GOVERNMENT.match(bare_piece) is not None
            or (
                len(levels) == 1 and len(bare_piece) >= 4 and bare_piece[:1] in _BARE_LEVELS - {levels}
                and "政府" not in bare_piece and bare_piece[1:2] != "直"  # ("各镇(乡、街道)、县直有关部门": two)
            )
        )
        # "苏木、乡镇档案室": a level named in two characters joins a piece at another level
        next_level = piece[:1] in _BARE_LEVELS or piece[:2] in _BARE_LEVEL_WORDS
        if joined and (glue_next or (bare and fragment) or closes or (joined[-1] in _BARE_LEVEL_WORDS and next_level)):
            joined[-1] += "、" + piece
        else:
            joined.append(piece)
        glue_next = bare
    return joined


def _split_top_level(text: str) -> list[str]:
    """Split at separators outside brackets."""
    pieces: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char in _OPEN_BRACKETS) - (char in _CLOSE_BRACKETS)
        if char in _SEPARATORS and depth <= 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return [piece for piece in pieces if piece]


_BARE_NOUNS: Final = frozenset({"单位", "部门", "机构", "企业", "组织", "政府"})  # ("各级党委和政府": one)


def _split_conjunctions(piece: str) -> list[str]:
    if _JOINED_LEVELS.fullmatch(_BRACKETED.sub("", piece)):
        return [piece]  # "市和各市": levels, before the office the next piece names
    for index in range(1, len(piece)):
        if _bracket_depth(piece, index) != 0:
            continue
        for conjunction in _CONJUNCTIONS:
            # only after a whole organisation's name: "市财政局和市审计局" splits, "市住房和城乡
            # 建设局" and "区经济信息和商务局" do not; or after a place before another body:
            # "岳麓区和市直相关单位", "各县区及相关业主单位"
            rest = piece[index + len(conjunction) :]
            place = piece[:index].endswith(tuple(PLACE_ENDINGS)) and rest.startswith(_ANOTHER_BODY)
            whole = piece[:index].endswith(ORGAN_ENDINGS) or place
            # ("有关部门和单位": one generic phrase; "各级人民政府及其有关部门": 其 is the body
            # before it, one phrase)
            if piece.startswith(conjunction, index) and whole and rest and rest not in _BARE_NOUNS and not _ITS_OWN.match(rest):
                return [piece[:index], *_split_conjunctions(rest)]
    return [piece]


_ITS_OWN: Final = re.compile(r"其(?![他它])")  # "及其有关部门" (never "和其他组织")
_ANOTHER_BODY: Final = ("市直", "县直", "区直", "省直", "相关", "有关", "各", "其他")


def _bracket_depth(text: str, index: int) -> int:
    return sum((c in _OPEN_BRACKETS) - (c in _CLOSE_BRACKETS) for c in text[:index])


_MAX_MERGED_PIECES: Final = 4  # registered phrases with separators have two or three parts


def _merge_known(pieces: Sequence[str], registry: Registry) -> list[str]:
    """Rejoin neighbouring pieces that together form a registered phrase, longest first."""
    merged: list[str] = []
    start = 0
    while start < len(pieces):
        end = start + 1
        for candidate in range(min(len(pieces), start + _MAX_MERGED_PIECES), start + 1, -1):
            if registry.knows("、".join(pieces[start:candidate])):
                end = candidate
                break
        merged.append("、".join(pieces[start:end]))
        start = end
    return merged


# --- resolution of a cell --------------------------------------------------------------------


@dataclass(frozen=True)
class CellPart:
    resolution: Resolution
    role: UnitRole


@dataclass(frozen=True)
class CellResolution:
    """The units of one cell (牵头及责任单位) with their roles."""

    cell: str
    parts: tuple[CellPart, ...]
    open_ended: bool = False  # the cell ended "等有关部门"/"会同相关部门": others may join

    @property
    def resolutions(self) -> tuple[Resolution, ...]:
        return tuple(part.resolution for part in self.parts)

    @property
    def ok(self) -> bool:
        return all(part.resolution.ok for part in self.parts)

    @property
    def problems(self) -> tuple[Resolution, ...]:
        return tuple(r for r in self.resolutions if not r.ok)

    @property
    def unit_keys(self) -> tuple[str, ...]:
        return _unique(key for r in self.resolutions for key in r.unit_keys)

    @property
    def lead_units(self) -> tuple[str, ...]:
        return self._keys(UnitRole.LEAD)

    @property
    def responsible_units(self) -> tuple[str, ...]:
        """Units responsible without leading (a lead inside a responsible group stays a lead)."""
        leads = set(self.lead_units)
        return tuple(key for key in self._keys(UnitRole.RESPONSIBLE) if key not in leads)

    @property
    def assisting_units(self) -> tuple[str, ...]:
        return self._keys(UnitRole.ASSISTING)

    def _keys(self, role: UnitRole) -> tuple[str, ...]:
        return _unique(k for p in self.parts if p.role is role for k in p.resolution.unit_keys)


_SHARED_SUFFIXES: Final = ("管理委员会", "管委会", "人民政府", "政府", "街道办事处", "办事处")


def resolve_cell(
    cell: str,
    registry: Registry,
    within: str | None = None,
    unmarked_role: UnitRole = UnitRole.LEAD,
) -> CellResolution:
    """Resolve every phrase of a unit cell and keep each phrase's role (see split_roles)."""
    phrases, open_ended = _split_cell(cell, registry, unmarked_role)
    parts = []
    for index, phrase in enumerate(phrases):
        resolution = resolve(phrase.text, registry, within)
        if resolution.status is ResolutionStatus.NOT_FOUND:
            resolution = _with_shared_suffix(resolution, phrases[index + 1 :], registry, within)
        parts.append(CellPart(resolution, phrase.role))
    return CellResolution(cell, tuple(parts), open_ended)


def _with_shared_suffix(
    failed: Resolution, following: Sequence[UnitPhrase], registry: Registry, within: str | None
) -> Resolution:
    """A name that borrows the suffix of a later one, as in "肇庆高新区、肇庆新区管委会"."""
    for phrase in following:
        normalized = normalize_phrase(phrase.text)
        suffix = next((s for s in _SHARED_SUFFIXES if normalized.endswith(s)), None)
        if suffix is None:
            continue
        if failed.normalized.endswith(suffix):
            return failed
        candidate = resolve(failed.normalized + suffix, registry, within)
        return replace(candidate, phrase=failed.phrase) if candidate.ok else failed
    return failed


# --- registry data (JSON-shaped) -------------------------------------------------------------


def load_registry(data: Mapping[str, Any]) -> Registry:
    """Build a registry from its JSON shape ({"units": […], "groups": […]}; see registry_to_data)."""
    try:
        units = tuple(_unit_from_data(item) for item in data.get("units", ()))
        groups = tuple(_group_from_data(item) for item in data.get("groups", ()))
    except (KeyError, TypeError, ValueError) as error:  # a missing field, an unknown kind…
        raise RegistryError(f"单位库数据格式有误：{error}") from error
    return Registry(units, groups)


def _unit_from_data(item: Mapping[str, Any]) -> UnitEntry:
    category = item.get("category")
    return UnitEntry(
        key=str(item["key"]),
        name=str(item["name"]),
        kind=UnitKind(item["kind"]),
        parent=item.get("parent"),
        category=UnitCategory(category) if category else None,
        org_code=str(item.get("org_code", "")),
        aliases=tuple(str(a) for a in item.get("aliases", ())),
        tags=tuple(str(t) for t in item.get("tags", ())),
    )


def _group_from_data(item: Mapping[str, Any]) -> GroupRule:
    return GroupRule(
        phrase=str(item["phrase"]),
        kinds=frozenset(UnitKind(kind) for kind in item["kinds"]),
        scope=GroupScope(item.get("scope", GroupScope.ISSUER)),
        aliases=tuple(str(a) for a in item.get("aliases", ())),
        scope_unit=item.get("scope_unit"),
        categories=frozenset(UnitCategory(c) for c in item.get("categories", ())),
        tags=frozenset(str(t) for t in item.get("tags", ())),
    )


def registry_to_data(registry: Registry) -> dict[str, Any]:
    """The JSON shape of a registry; load_registry(registry_to_data(r)) == r."""
    return {
        "units": [_unit_to_data(unit) for unit in registry.units],
        "groups": [_group_to_data(rule) for rule in registry.groups],
    }


def _unit_to_data(unit: UnitEntry) -> dict[str, Any]:
    return {
        "key": unit.key,
        "name": unit.name,
        "kind": unit.kind.value,
        "category": unit.category.value if unit.category else None,
        "org_code": unit.org_code,
        "parent": unit.parent,
        "aliases": list(unit.aliases),
        "tags": list(unit.tags),
    }


def _group_to_data(rule: GroupRule) -> dict[str, Any]:
    # Sets are written in declaration order of their enums, so the output is stable.
    return {
        "phrase": rule.phrase,
        "aliases": list(rule.aliases),
        "kinds": [kind.value for kind in UnitKind if kind in rule.kinds],
        "categories": [c.value for c in UnitCategory if c in rule.categories],
        "tags": sorted(rule.tags),
        "scope": rule.scope.value,
        "scope_unit": rule.scope_unit,
    }


def load_registry_file(path: str | Path) -> Registry:
    with Path(path).open(encoding="utf-8") as file:
        return load_registry(json.load(file))


# --- organisation codes ----------------------------------------------------------------------

# GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》: 17 characters + 1 check character over
# this 31-character alphabet (no I, O, S, V, Z), weights 3^i mod 31.
_USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS: Final = tuple(pow(3, i, 31) for i in range(17))


def uscc_check_character(first17: str) -> str:
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_org_code(code: str) -> bool:
    """Whether ``code`` is a well-formed 统一社会信用代码 (GB 32100-2015, check character included)."""
    code = code.strip().upper()
    if len(code) != 18 or any(c not in _USCC_ALPHABET for c in code):
        return False
    return uscc_check_character(code[:17]) == code[17]


def organization_code(org_code: str) -> str:
    """The 9-character 组织机构代码 inside a 统一社会信用代码 (characters 9–17), which the
    索引号 prefix uses; a code given as "XXXXXXXX-X" is returned without its dash."""
    code = org_code.strip().upper().replace("-", "")
    if len(code) == 18:
        return code[8:17]
    return code if len(code) == 9 else ""
