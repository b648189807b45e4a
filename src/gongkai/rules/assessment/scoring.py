"""Staged scoring and score rates.

Seed 001 三(三): units hand in a 自评报告; the office's evaluators then score 按照数据（资料）采集、
数据（资料）复核、数据（资料）审定. Each stage is a separate signed entry per leaf; nothing is
overwritten. The rules:

- The unit's 自评 is a claim, never a score that counts. The counting score of a leaf is the latest
  evaluator stage entered (审定 over 复核 over 采集); results use the 审定 score alone.
- The stages go in order: 复核 needs a 采集 entry, 审定 a 复核 entry; once a later stage is entered
  for a leaf, an earlier stage of it (and the 自评) can no longer change.
- An evaluator who departs from what they see — 采集 from the unit's 自评, 复核 from the 采集,
  审定 from the 复核 — gives the reason in the note.
- 复核 is a second look: someone other than the evaluator who collected.
- A score lies between 0 and the leaf's points, in steps of at most two decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

from gongkai.rules.assessment.indicators import IndicatorSystem
from gongkai.rules.units import UnitCategory


class Stage(StrEnum):
    SELF = "self"  # 自评, by the unit
    COLLECT = "collect"  # 采集
    RECHECK = "recheck"  # 复核
    APPROVE = "approve"  # 审定


STAGE_LABELS: Final = {Stage.SELF: "自评", Stage.COLLECT: "采集", Stage.RECHECK: "复核", Stage.APPROVE: "审定"}
STAGE_ORDER: Final = (Stage.SELF, Stage.COLLECT, Stage.RECHECK, Stage.APPROVE)
EVALUATOR_STAGES: Final = (Stage.COLLECT, Stage.RECHECK, Stage.APPROVE)


@dataclass(frozen=True)
class Entry:
    """One signed score of one leaf at one stage (the latest of its stage, if corrected)."""

    stage: Stage
    score: Decimal
    note: str = ""
    signer: str = ""  # who signed it (a user's id or name), compared for the 复核 rule


def shown(number: Decimal) -> str:
    """A score as people write it: 2, 1.5 (never 2.00 or 2E+1)."""
    return f"{number.normalize():f}"


def previous_stage(stage: Stage) -> Stage | None:
    index = STAGE_ORDER.index(stage)
    return STAGE_ORDER[index - 1] if index else None


def check_entry(stage: Stage, score: Decimal, points: Decimal, *, note: str = "", signer: str = "",
                earlier: Mapping[Stage, Entry]) -> list[str]:
    """Why ``score`` cannot be entered at ``stage`` for a leaf worth ``points``, given the
    entries the leaf already has (``earlier``, one per stage); empty when it can."""
    problems = _score_problems(score, points)
    later = [other for other in STAGE_ORDER[STAGE_ORDER.index(stage) + 1:] if other in earlier]
    if later:
        problems.append(f"该指标已进入{STAGE_LABELS[later[-1]]}，{STAGE_LABELS[stage]}分不能再修改")
    if stage is Stage.SELF:
        return problems
    before = previous_stage(stage)
    if before is not None and before is not Stage.SELF and before not in earlier:
        problems.append(f"该指标还没有{STAGE_LABELS[before]}分，不能{STAGE_LABELS[stage]}")
    collected = earlier.get(Stage.COLLECT)
    if stage is Stage.RECHECK and collected is not None and signer and collected.signer == signer:
        problems.append("复核须由采集人以外的评估人进行")
    if not note.strip():
        problems.extend(_unexplained_departures(stage, score, earlier))
    return problems


def _score_problems(score: Decimal, points: Decimal) -> list[str]:
    if not score.is_finite() or score < 0 or score > points:
        return [f"得分须在 0 至 {shown(points)} 分之间"]
    if score != score.quantize(Decimal("0.01")):
        return ["得分最多保留两位小数"]
    return []


def _unexplained_departures(stage: Stage, score: Decimal, earlier: Mapping[Stage, Entry]) -> list[str]:
    """A stage sees the one before it: 采集 the unit's 自评, 复核 the 采集, 审定 the 复核. Departing
    from it needs a reason; agreeing with an earlier departure already explained does not."""
    before = previous_stage(stage)
    seen = earlier.get(before) if before is not None else None
    if seen is None or seen.score == score:
        return []
    return [f"{STAGE_LABELS[stage]}分 {shown(score)} 与{STAGE_LABELS[seen.stage]}分 {shown(seen.score)} 不同，须填写理由"]


def counting_entry(entries: Mapping[Stage, Entry]) -> Entry | None:
    """The entry whose score counts now: the latest evaluator stage (never the 自评)."""
    for stage in reversed(EVALUATOR_STAGES):
        if stage in entries:
            return entries[stage]
    return None


def final_score(entries: Mapping[Stage, Entry]) -> Decimal | None:
    """The score results use: the 审定 score, None until the leaf is 审定."""
    approved = entries.get(Stage.APPROVE)
    return approved.score if approved is not None else None


@dataclass(frozen=True)
class UnitResult:
    """One unit's totals over the leaves of its class."""

    unit: str
    cls: UnitCategory
    score: Decimal
    points: Decimal
    key_score: Decimal
    key_points: Decimal
    bonus: Decimal = Decimal(0)  # seed 001 三(四)2: points an earlier 表彰 adds to the annual assessment

    @property
    def total(self) -> Decimal:
        return self.score + self.bonus

    @property
    def rate(self) -> Decimal:
        """得分率: the score, with any bonus, over the points that apply to the unit's class (a
        bonus can take it past 100%; 重点领域得分率 never carries it)."""
        return self.total / self.points if self.points else Decimal(0)

    @property
    def key_rate(self) -> Decimal | None:
        """重点领域得分率; None when the class has no 重点领域 leaf."""
        return self.key_score / self.key_points if self.key_points else None


def missing_leaves(system: IndicatorSystem, cls: UnitCategory, scores: Mapping[str, Decimal]) -> list[str]:
    """The codes of the class's leaves without a score."""
    return [leaf.code for leaf in system.leaves(cls) if leaf.code not in scores]


def unit_result(system: IndicatorSystem, unit: str, cls: UnitCategory, scores: Mapping[str, Decimal],
                bonus: Decimal = Decimal(0)) -> UnitResult:
    """Totals of ``scores`` (leaf code → score) over the leaves of ``cls``, with ``bonus`` added;
    a leaf without a score counts 0, a score of a leaf that does not apply to the class is ignored."""
    leaves = system.leaves(cls)
    return UnitResult(
        unit=unit,
        cls=cls,
        score=sum((scores.get(leaf.code, Decimal(0)) for leaf in leaves), Decimal(0)),
        points=system.total_points(cls),
        key_score=sum((scores.get(leaf.code, Decimal(0)) for leaf in leaves if leaf.key_area), Decimal(0)),
        key_points=system.key_points(cls),
        bonus=bonus,
    )


# Seed 000: 政务公开工作…纳入政府绩效考核体系，所占分值权重不应低于4% (also seeds 002, 003).
MIN_PERFORMANCE_WEIGHT: Final = Decimal(4)


def performance_points(rate: Decimal, weight: Decimal) -> Decimal:
    """What a 得分率 is worth in the government's performance assessment (绩效考核), where 政务公开
    carries ``weight`` points of 100: the rate times the weight, to the cent, never more than the
    weight (a bonus cannot take more than 政务公开's share)."""
    if weight < MIN_PERFORMANCE_WEIGHT:
        raise ValueError(f"政务公开在绩效考核中的权重不应低于 {MIN_PERFORMANCE_WEIGHT}%")
    return (min(rate, Decimal(1)) * weight).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Ranked:
    name: str
    value: Decimal
    position: int  # 1 for the best; tied names share a position (1, 2, 2, 4)
    tied: bool  # equal to another and not decided by the office: shown 并列
    decided: bool = False  # equal to another, ordered by the office's recorded decision


def decided_order(group: Iterable[str], decisions: Iterable[Sequence[str]]) -> Sequence[str] | None:
    """The office's order for the tied ``group``: the latest decision naming every one of them."""
    names = set(group)
    found = None
    for order in decisions:
        if names <= set(order):
            found = order
    return found


def rank(values: Iterable[tuple[str, Decimal]], decisions: Iterable[Sequence[str]] = ()) -> list[Ranked]:
    """Highest first; equal values share their position and are marked ``tied`` so that the
    office decides, never a silent order (names sort only to keep the list stable). A group of
    equal values the office decided (``decisions``: each an order of names, the later ones
    prevailing) takes consecutive positions in the decided order, marked ``decided``."""
    chosen = list(decisions)
    ordered = sorted(values, key=lambda item: (-item[1], item[0]))
    groups: dict[Decimal, list[str]] = {}
    for name, value in ordered:
        groups.setdefault(value, []).append(name)
    ranked: list[Ranked] = []
    for value, names in groups.items():
        start = len(ranked) + 1
        order = decided_order(names, chosen) if len(names) > 1 else None
        if order is not None:
            ranked += [Ranked(name, value, start + index, False, True)
                       for index, name in enumerate(sorted(names, key=list(order).index))]
        else:
            ranked += [Ranked(name, value, start, len(names) > 1) for name in names]
    return ranked
