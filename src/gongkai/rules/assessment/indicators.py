"""An indicator system (考评指标体系): a tree of 一级/二级/三级指标 with points.

Each indicator has a code that says where it sits: ``2`` is a 一级指标, ``2.3`` a 二级指标 under it,
``2.3.1`` a 三级指标 under that. Leaves carry the points, the scoring guide (评分标准), the unit
classes they apply to (seed 001 scores 县区政府, 管委, 市级部门 承担/非承担重点领域, 乡镇, 街道 and
承担公共服务的事业单位 each against its own 共性 + 个性 indicators) and whether they are 重点领域.

A parent's points, when the office gives them, must equal the sum of its children's for every
class the parent applies to: 个性指标 worth 30 points may hold 县区政府's ten items and 乡镇's four,
each set adding up to 30 for its own class. A parent given no points is worth the sum of its
children's. :func:`check_system` lists every problem of a system with the sheet row it came from,
so that a bad sheet is refused whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Final

from gongkai.rules.assessment.measures import Measure
from gongkai.rules.units import UnitCategory

MAX_LEVEL: Final = 3
LEVEL_NAMES: Final = {1: "一级指标", 2: "二级指标", 3: "三级指标"}

# Seed 001 一: 县区政府、管委、市级部门（分重点领域事项公开部门、非承担重点领域事项公开部门、承担公共服务的
# 事业单位）、乡镇政府、街道办事处, each with its own 共性 + 个性 standard.
CLASS_LABELS: Final[dict[UnitCategory, str]] = {
    UnitCategory.COUNTY_GOV: "县区政府",
    UnitCategory.COMMITTEE: "管委",
    UnitCategory.KEY_DEPARTMENT: "市级重点领域部门",
    UnitCategory.OTHER_DEPARTMENT: "市级非重点领域部门",
    UnitCategory.TOWNSHIP: "乡镇",
    UnitCategory.SUBDISTRICT: "街道",
    UnitCategory.PUBLIC_SERVICE_INSTITUTION: "承担公共服务的事业单位",
}
ALL_CLASSES: Final = frozenset(UnitCategory)
ALL_CLASSES_LABEL: Final = "全部"

_CODE: Final = re.compile(r"[1-9]\d*(?:\.[1-9]\d*){0,2}")


def parent_code(code: str) -> str:
    """``"2.3.1"`` → ``"2.3"``; a 一级指标 has no parent (``""``)."""
    return code.rpartition(".")[0]


def class_label_list(classes: Iterable[UnitCategory]) -> str:
    """The classes as a clerk writes them: ``全部`` or ``县区政府、管委``, in seed 001's order."""
    chosen = frozenset(classes)
    if chosen == ALL_CLASSES:
        return ALL_CLASSES_LABEL
    return "、".join(label for cls, label in CLASS_LABELS.items() if cls in chosen)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    points: Decimal | None = None  # None: a parent worth the sum of its children
    guide: str = ""  # 评分标准
    classes: frozenset[UnitCategory] = ALL_CLASSES  # whom a leaf applies to
    key_area: bool = False  # 重点领域
    row: int = 0  # the sheet row it was read from (0: not from a sheet)
    measure: str = ""  # a ``measures.Measure`` the platform computes for the leaf, or ""

    @property
    def level(self) -> int:
        return self.code.count(".") + 1

    @property
    def parent(self) -> str:
        return parent_code(self.code)


@dataclass(frozen=True)
class Problem:
    """Why a system (or one sheet row) cannot be used; ``row`` 0 means the whole sheet."""

    row: int
    reason: str

    def describe(self) -> str:
        return f"第{self.row}行：{self.reason}" if self.row else self.reason


class IndicatorSystemError(ValueError):
    """A system refused whole, with every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.row)
        super().__init__("；".join(problem.describe() for problem in self.problems))


@dataclass(frozen=True)
class IndicatorSystem:
    name: str
    indicators: tuple[Indicator, ...]
    note: str = ""  # e.g. how the points were set when the notice gives none
    _children: dict[str, list[Indicator]] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for indicator in self.indicators:
            self._children.setdefault(indicator.parent, []).append(indicator)

    @cached_property
    def by_code(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    def children(self, code: str = "") -> list[Indicator]:
        """The indicators directly under ``code`` (the 一级指标 for ``""``), in the system's order."""
        return list(self._children.get(code, ()))

    def is_leaf(self, code: str) -> bool:
        return not self._children.get(code)

    def leaves(self, cls: UnitCategory | None = None) -> list[Indicator]:
        """The leaves (the indicators that are scored), those of one class when ``cls`` is given."""
        return [
            indicator for indicator in self.indicators
            if self.is_leaf(indicator.code) and (cls is None or cls in indicator.classes)
        ]

    def classes_of(self, code: str) -> frozenset[UnitCategory]:
        """Whom an indicator applies to: a leaf's own classes, a parent's leaves' together."""
        if self.is_leaf(code):
            return self.by_code[code].classes
        return frozenset().union(*(self.classes_of(child.code) for child in self.children(code)))

    def points_of(self, code: str, cls: UnitCategory) -> Decimal | None:
        """What ``code`` is worth to a unit of class ``cls`` (None: it does not apply to it)."""
        indicator = self.by_code[code]
        if cls not in self.classes_of(code):
            return None
        if indicator.points is not None:
            return indicator.points
        return sum((self.points_of(child.code, cls) or Decimal(0) for child in self.children(code)), Decimal(0))

    def total_points(self, cls: UnitCategory) -> Decimal:
        return sum((leaf.points or Decimal(0) for leaf in self.leaves(cls)), Decimal(0))

    def key_points(self, cls: UnitCategory) -> Decimal:
        return sum((leaf.points or Decimal(0) for leaf in self.leaves(cls) if leaf.key_area), Decimal(0))

    def ancestors(self, code: str) -> Iterator[Indicator]:
        """The parents of ``code``, the 一级指标 first."""
        parent = parent_code(code)
        if parent:
            yield from self.ancestors(parent)
            yield self.by_code[parent]


def check_system(system: IndicatorSystem) -> list[Problem]:
    """Every reason ``system`` cannot be used, each with its row; empty when it can."""
    problems: list[Problem] = []
    seen: dict[str, Indicator] = {}
    for indicator in system.indicators:
        problems.extend(_check_indicator(indicator, seen))
        if indicator.points is None and system.is_leaf(indicator.code):
            problems.append(Problem(indicator.row, f"编号 {indicator.code} 没有分值"))
        seen.setdefault(indicator.code, indicator)
    if not problems:
        problems.extend(_check_sums(system))
    if not system.leaves():
        problems.append(Problem(0, "指标体系中没有任何指标"))
    return problems


def require_valid(system: IndicatorSystem) -> IndicatorSystem:
    """``system`` itself, or :class:`IndicatorSystemError` naming all its problems."""
    problems = check_system(system)
    if problems:
        raise IndicatorSystemError(problems)
    return system


def _check_indicator(indicator: Indicator, seen: dict[str, Indicator]) -> Iterator[Problem]:
    row, code = indicator.row, indicator.code
    if not _CODE.fullmatch(code):
        yield Problem(row, f"编号“{code}”无效，应写成 1、1.2 或 1.2.3 的形式（最多三级）")
        return
    if code in seen:
        first = seen[code].row
        yield Problem(row, f"编号 {code} 重复" + (f"（第{first}行已使用）" if first else ""))
    if indicator.parent and indicator.parent not in seen:
        yield Problem(row, f"编号 {code} 缺少上级指标 {indicator.parent}（上级指标须写在它之前）")
    if not indicator.name.strip():
        yield Problem(row, f"编号 {code} 没有指标名称")
    if indicator.points is not None and indicator.points < 0:
        yield Problem(row, f"编号 {code} 的分值 {indicator.points} 为负数")
    if not indicator.classes:
        yield Problem(row, f"编号 {code} 没有适用的单位类别")
    if indicator.measure and indicator.measure not in set(Measure):
        yield Problem(row, f"编号 {code} 的平台测量“{indicator.measure}”无法识别")


def _check_sums(system: IndicatorSystem) -> Iterator[Problem]:
    for indicator in system.indicators:
        if system.is_leaf(indicator.code) or indicator.points is None:
            continue
        for cls in sorted(system.classes_of(indicator.code), key=list(CLASS_LABELS).index):
            below = sum(
                (system.points_of(child.code, cls) or Decimal(0) for child in system.children(indicator.code)),
                Decimal(0),
            )
            if below != indicator.points:
                yield Problem(
                    indicator.row,
                    f"编号 {indicator.code} 的分值 {indicator.points} 与{CLASS_LABELS[cls]}适用的下级指标"
                    f"分值之和 {below} 不相等",
                )
