"""Seed 001 三(四): who is named 示范点建设先进单位 and the bonus points it earns.

The input is one :class:`Candidate` per unit (CONTRACTS.md section 7); :func:`compute_awards`
applies, in this order:

1. the threshold: 综合得分率达80%以上且重点领域信息公开得分率不低于80% (以上 includes 80%);
2. the quotas per class, best rate first: 县区政府 3, 管委 1, 市级部门 15 as 10 重点 + 5 非重点 with
   the surplus of a class short of eligible units used by the other, 县 towns 2 per county, 区 towns
   1 and 区 subdistricts 1 per district, places a county or district cannot fill moved to the
   next-best eligible towns and subdistricts of other counties and districts, never more than 3 per
   county or district, 事业单位 3;
3. the bonus points of 三(四)2, each ranking by rate.

Equal rates that decide an outcome (one unit in, the other out; or two different bonus values)
are reported in ``ties`` for the office to decide: the order used meanwhile is by name (Unicode
code points) only so that the output is stable. Once the office has recorded its decision (an
order of the tied names, ``decisions``), the units are taken in that order and the tie is listed
in ``decided`` instead.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final


class AwardClass(StrEnum):
    COUNTY_GOV = "county_gov"  # 县区政府
    MGMT = "mgmt"  # 管委
    CITY_KEY = "city_key"  # 市级承担重点领域事项公开的部门
    CITY_NONKEY = "city_nonkey"  # 市级非承担重点领域事项公开的部门
    TOWNSHIP = "township"  # 乡镇
    SUBDISTRICT = "subdistrict"  # 街道
    PUBLIC_SERVICE = "public_service"  # 承担公共服务的事业单位


THRESHOLD: Final = Decimal("0.8")
COUNTY, DISTRICT = "县", "区"
PARENT_CAP: Final = 3  # 但每个县区表彰不超过3名
QUOTAS: Final = {AwardClass.COUNTY_GOV: 3, AwardClass.MGMT: 1, AwardClass.PUBLIC_SERVICE: 3}
CITY_KEY_QUOTA, CITY_NONKEY_QUOTA = 10, 5
# Places per county (县) and district (区) for its own towns and subdistricts.
LOCAL_PLACES: Final = {
    (COUNTY, AwardClass.TOWNSHIP): 2,
    (DISTRICT, AwardClass.TOWNSHIP): 1,
    (DISTRICT, AwardClass.SUBDISTRICT): 1,
}


def _steps(first: str, step: str, count: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(first) - Decimal(step) * index for index in range(count))


# 三(四)2: the bonus by position in each merged ranking.
GOV_BONUS: Final = (Decimal("5"), Decimal("4.5"), Decimal("4"), Decimal("3.5"))
CITY_BONUS: Final = _steps("5.0", "0.2", 15)  # 5.0, 4.8 … 2.2
LOCAL_BONUS: Final = _steps("2.5", "0.1", 14)  # 2.5, 2.4 … 1.2
LOCAL_THREE_EXTRA: Final = Decimal("0.5")
PUBLIC_SERVICE_BONUS: Final = (Decimal("3"), Decimal("2.5"), Decimal("2"))


class AwardInputError(ValueError):
    """A candidate the rules cannot place (unknown class, a town without its county)."""


@dataclass(frozen=True)
class Candidate:
    unit: str
    cls: AwardClass
    rate: Decimal  # 综合得分率, 0..1
    key_rate: Decimal  # 重点领域信息公开得分率, 0..1
    parent: str = ""  # a 乡镇's or 街道's county or district
    parent_kind: str = ""  # "县" or "区"

    @property
    def eligible(self) -> bool:
        return self.rate >= THRESHOLD and self.key_rate >= THRESHOLD


@dataclass
class AwardResult:
    awarded: list[str] = field(default_factory=list)
    bonus: dict[str, Decimal] = field(default_factory=dict)
    ties: list[list[str]] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # why each unit won or did not
    decided: list[list[str]] = field(default_factory=list)  # ties ordered by the office's decision

    def as_contract(self) -> dict[str, Any]:
        """The JSON of CONTRACTS.md section 7."""
        return {
            "awarded": sorted(self.awarded),
            "bonus": {name: float(points) for name, points in sorted(self.bonus.items())},
            "ties": self.ties,
        }


def candidate_from_json(item: dict[str, Any]) -> Candidate:
    """One unit of the contract's input; :class:`AwardInputError` says what is wrong with it."""
    try:
        candidate = Candidate(
            unit=str(item["unit"]).strip(),
            cls=AwardClass(item["cls"]),
            rate=Decimal(str(item["rate"])),
            key_rate=Decimal(str(item["key_rate"])),
            parent=str(item.get("parent") or "").strip(),
            parent_kind=str(item.get("parent_kind") or "").strip(),
        )
    except KeyError as missing:
        raise AwardInputError(f"缺少字段 {missing}：{item}") from None
    except (ValueError, ArithmeticError):
        raise AwardInputError(f"类别或得分率无效：{item}") from None
    return check_candidate(candidate)


def check_candidate(candidate: Candidate) -> Candidate:
    if not candidate.unit:
        raise AwardInputError("单位名称为空")
    for label, rate in (("综合得分率", candidate.rate), ("重点领域得分率", candidate.key_rate)):
        if not rate.is_finite() or not 0 <= rate <= 1:
            raise AwardInputError(f"{candidate.unit}的{label} {rate} 不在 0 至 1 之间")
    local = candidate.cls in (AwardClass.TOWNSHIP, AwardClass.SUBDISTRICT)
    if local and (not candidate.parent or candidate.parent_kind not in (COUNTY, DISTRICT)):
        raise AwardInputError(f"{candidate.unit}须写明所属县区（parent）及其类型（parent_kind：县或区）")
    return candidate


def _ordered(candidates: Iterable[Candidate], precedence: Mapping[str, int] | None = None) -> list[Candidate]:
    """Best rate first; equal rates in the office's decided order (``precedence``), else by name."""
    rank = precedence or {}
    return sorted(candidates, key=lambda candidate: (-candidate.rate, rank.get(candidate.unit, 0), candidate.unit))


class _Run:
    """The state of one computation: winners, reasons and the ties found on the way."""

    def __init__(self, candidates: Sequence[Candidate], decisions: Sequence[Sequence[str]] = ()) -> None:
        self.candidates = candidates
        self.result = AwardResult()
        self.ties: set[tuple[str, ...]] = set()
        self.decided: set[tuple[str, ...]] = set()
        self.decisions = [list(order) for order in decisions]
        # a later decision overrides an earlier one for the names it orders
        self.precedence = {name: index for order in self.decisions for index, name in enumerate(order)}
        for candidate in candidates:
            if not candidate.eligible:
                self.result.reasons[candidate.unit] = (
                    f"未达表彰标准：综合得分率 {_percent(candidate.rate)}、重点领域得分率 "
                    f"{_percent(candidate.key_rate)}，须分别不低于 80%"
                )

    def eligible(self, *classes: AwardClass) -> list[Candidate]:
        return _ordered((c for c in self.candidates if c.cls in classes and c.eligible), self.precedence)

    def select(self, ranking: list[Candidate], places: int, what: str) -> list[Candidate]:
        """The first ``places`` of ``ranking``; a tie across the cut is reported."""
        chosen, rest = ranking[:places], ranking[places:]
        if chosen and rest and chosen[-1].rate == rest[0].rate:
            self.tie(c for c in ranking if c.rate == rest[0].rate)
        for position, candidate in enumerate(chosen, 1):
            self.win(candidate, f"达标，{what}第{position}名（名额 {places} 名）")
        for candidate in rest:
            self.result.reasons[candidate.unit] = f"达标，但{what}名额 {places} 名已满"
        return chosen

    def win(self, candidate: Candidate, reason: str) -> None:
        self.result.awarded.append(candidate.unit)
        self.result.reasons[candidate.unit] = reason

    def tie(self, tied: Iterable[Candidate]) -> None:
        names = tuple(sorted(c.unit for c in tied))
        if len(names) <= 1:
            return
        if any(set(names) <= set(order) for order in self.decisions):
            self.decided.add(names)
        else:
            self.ties.add(names)

    def credit(self, ranking: list[Candidate], scale: Sequence[Decimal]) -> list[tuple[Candidate, Decimal]]:
        """Bonus points by position in ``ranking`` (the awarded units of a merged ranking);
        equal rates among them are reported, since positions carry different points."""
        for rate, count in Counter(c.rate for c in ranking).items():
            if count > 1:
                self.tie(c for c in ranking if c.rate == rate)
        return [(candidate, scale[index]) for index, candidate in enumerate(ranking) if index < len(scale)]

    def add_bonus(self, name: str, points: Decimal) -> None:
        self.result.bonus[name] = self.result.bonus.get(name, Decimal(0)) + points


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).quantize(Decimal('0.01')).normalize():f}%"


def compute_awards(candidates: Iterable[Candidate], decisions: Sequence[Sequence[str]] = ()) -> AwardResult:
    """The awards; ``decisions`` are the office's orders of tied units (each a list of names)."""
    units = [check_candidate(candidate) for candidate in candidates]
    names = Counter(candidate.unit for candidate in units)
    if duplicated := sorted(name for name, count in names.items() if count > 1):
        raise AwardInputError(f"单位重复：{'、'.join(duplicated)}")
    run = _Run(units, decisions)
    gov = run.select(run.eligible(AwardClass.COUNTY_GOV), QUOTAS[AwardClass.COUNTY_GOV], "县区政府")
    gov += run.select(run.eligible(AwardClass.MGMT), QUOTAS[AwardClass.MGMT], "管委")
    city = _city(run)
    local = _local(run)
    public = run.select(run.eligible(AwardClass.PUBLIC_SERVICE), QUOTAS[AwardClass.PUBLIC_SERVICE],
                        "承担公共服务的事业单位")
    for ranking, scale in ((gov, GOV_BONUS), (city, CITY_BONUS), (public, PUBLIC_SERVICE_BONUS)):
        for candidate, points in run.credit(_ordered(ranking, run.precedence), scale):
            run.add_bonus(candidate.unit, points)
    _local_bonus(run, local)
    run.result.awarded.sort()
    run.result.ties = sorted(list(names) for names in run.ties)
    run.result.decided = sorted(list(names) for names in run.decided)
    return run.result


def _city(run: _Run) -> list[Candidate]:
    """10 重点 + 5 非重点; 若其中某类经评估达标不满指标名额的，则多余指标调剂使用."""
    key, nonkey = run.eligible(AwardClass.CITY_KEY), run.eligible(AwardClass.CITY_NONKEY)
    key_places = CITY_KEY_QUOTA + max(0, CITY_NONKEY_QUOTA - len(nonkey))
    nonkey_places = CITY_NONKEY_QUOTA + max(0, CITY_KEY_QUOTA - len(key))
    return (run.select(key, key_places, "市级重点领域部门")
            + run.select(nonkey, nonkey_places, "市级非重点领域部门"))


def _local(run: _Run) -> list[Candidate]:
    """Towns and subdistricts: each county's and district's own places, then the places they
    cannot fill 调剂到其他县区使用，但每个县区表彰不超过3名."""
    eligible = run.eligible(AwardClass.TOWNSHIP, AwardClass.SUBDISTRICT)
    parents = sorted({(c.parent, c.parent_kind) for c in run.candidates if c.parent_kind in (COUNTY, DISTRICT)
                      and c.cls in (AwardClass.TOWNSHIP, AwardClass.SUBDISTRICT)})
    chosen: list[Candidate] = []
    freed: Counter[str] = Counter()  # places given away, by the county or district they came from
    for parent, kind in parents:
        for (place_kind, cls), places in LOCAL_PLACES.items():
            if place_kind != kind:
                continue
            ranking = [c for c in eligible if c.parent == parent and c.cls is cls]
            what = f"{parent}{'乡镇' if cls is AwardClass.TOWNSHIP else '街道'}"
            taken = run.select(ranking, places, what)
            chosen += taken
            freed[parent] += places - len(taken)
    return chosen + _moved(run, [c for c in eligible if c not in chosen], chosen, freed)


def _moved(run: _Run, waiting: list[Candidate], chosen: list[Candidate], freed: Counter[str]) -> list[Candidate]:
    per_parent = Counter(c.parent for c in chosen)
    moved: list[Candidate] = []
    last: Candidate | None = None
    for candidate in waiting:
        origins = sorted((origin for origin, n in freed.items() if n and origin != candidate.parent),
                         key=lambda origin: (-freed[origin], origin))
        if per_parent[candidate.parent] >= PARENT_CAP:
            run.result.reasons[candidate.unit] = f"达标，但{candidate.parent}已有 {PARENT_CAP} 名受表彰（每个县区不超过3名）"
            continue
        if not origins:
            if not sum(freed.values()) and last is not None and last.rate == candidate.rate:
                run.tie(c for c in waiting if c.rate == candidate.rate)
            run.result.reasons[candidate.unit] = f"达标，但没有其他县区调剂出的名额可用（{candidate.parent}名额已满）"
            continue
        freed[origins[0]] -= 1
        per_parent[candidate.parent] += 1
        moved.append(candidate)
        last = candidate
        run.win(candidate, f"达标，使用{origins[0]}调剂出的名额")
    return moved


def _local_bonus(run: _Run, local: list[Candidate]) -> None:
    """乡镇、街道合并排序 … 给予所属县区加分; 同一县区有3名乡镇（含街道）获得的，按照得分高低在前两名
    分值相加的基础上再加0.5分."""
    by_parent: dict[str, list[Decimal]] = defaultdict(list)
    for candidate, points in run.credit(_ordered(local, run.precedence), LOCAL_BONUS):
        by_parent[candidate.parent].append(points)
    for parent, credited in by_parent.items():
        best = sorted(credited, reverse=True)
        three = len(best) >= PARENT_CAP
        run.add_bonus(parent, best[0] + best[1] + LOCAL_THREE_EXTRA if three else sum(best, Decimal(0)))
