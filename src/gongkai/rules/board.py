"""The arithmetic of the office dashboard and of the supervision bulletin (督查通报), over counts
of *slots*: one slot is one unit's share (assignment) of one reporting period of a plan item.

The words are those of ``rules.progress``: a slot is *handed in* when its report was submitted or
accepted, *advanced* when handed in and not 未启动 or 无法按期完成, *overdue* when past its due date
and not handed in. Completion (完成率) is the share of slots handed in as 已完成.

The bulletin names, for each unit and item, the slots not advanced by the cutoff (seed 000 item 20:
视情向社会公开督查存在问题的事项名称、责任单位、责任人、推进落实不力主要事实、整改要求): overdue ones,
and those handed in as 未启动 or 无法按期完成. A slot not yet due, or returned and not yet due, is
still in time and is not named.

Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Generic, TypeVar

from gongkai.rules.progress import NOT_ADVANCED, completion_rate, is_advanced, is_overdue

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Tally:
    """Counts over a set of slots due by a cutoff."""

    total: int = 0  # slots due by the cutoff
    handed_in: int = 0  # report submitted or accepted
    accepted: int = 0  # 验收通过
    done: int = 0  # handed in as 已完成
    advanced: int = 0  # handed in, not 未启动 or 无法按期完成
    overdue: int = 0  # past due (as of today) and not handed in

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.total + other.total, self.handed_in + other.handed_in, self.accepted + other.accepted,
            self.done + other.done, self.advanced + other.advanced, self.overdue + other.overdue,
        )

    @property
    def completion(self) -> float:
        return completion_rate(self.done, self.total)

    @property
    def handed_in_rate(self) -> float:
        return completion_rate(self.handed_in, self.total)

    @property
    def advanced_rate(self) -> float:
        return completion_rate(self.advanced, self.total)

    @property
    def not_advanced(self) -> int:
        return self.total - self.advanced


@dataclass(frozen=True)
class SlotCount:
    """What the slots alone tell: how many are due by the cutoff, how many of them already past."""

    total: int = 0
    past_due: int = 0


@dataclass(frozen=True)
class ReportCount:
    """What the handed-in reports of those slots tell."""

    handed_in: int = 0
    accepted: int = 0
    done: int = 0
    advanced: int = 0
    handed_in_past_due: int = 0  # handed in, for a slot whose due date has passed


def tally(slots: SlotCount, reports: ReportCount) -> Tally:
    """Join the two counts of the same slots: overdue = past due − handed in among those."""
    return Tally(
        total=slots.total, handed_in=reports.handed_in, accepted=reports.accepted, done=reports.done,
        advanced=reports.advanced, overdue=max(0, slots.past_due - reports.handed_in_past_due),
    )


def tallies(slots: Mapping[K, SlotCount], reports: Mapping[K, ReportCount]) -> dict[K, Tally]:
    """One tally per key of ``slots`` (a report without a slot in scope cannot exist)."""
    return {key: tally(count, reports.get(key, ReportCount())) for key, count in slots.items()}


def fold(cells: Mapping[tuple[Any, ...], Tally], position: int) -> dict[Any, Tally]:
    """Tallies keyed by a tuple (unit, section, due date) added up by one of its parts."""
    sums: dict[Any, list[int]] = {}
    for key, value in cells.items():  # plain lists: thousands of cells on a large plan
        acc = sums.setdefault(key[position], [0, 0, 0, 0, 0, 0])
        acc[0] += value.total
        acc[1] += value.handed_in
        acc[2] += value.accepted
        acc[3] += value.done
        acc[4] += value.advanced
        acc[5] += value.overdue
    return {part: Tally(*acc) for part, acc in sums.items()}


def total(values: Iterable[Tally]) -> Tally:
    result = Tally()
    for value in values:
        result = result + value
    return result


# -- ranking ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked(Generic[K]):
    rank: int  # 1-based; equal scores share a rank (1, 2, 2, 4)
    key: K
    name: str
    tally: Tally


def _score(value: Tally) -> tuple[float, int, float]:
    """Higher is better: the share advanced first, then fewer overdue, then the share done."""
    return (value.advanced_rate, -value.overdue, value.completion)


def rank(values: Mapping[K, Tally], names: Mapping[K, str]) -> list[Ranked[K]]:
    """The units ranked for the bulletin; units with nothing due by the cutoff are left out.
    Equal scores keep the order of ``values`` (the registry's)."""
    ordered = sorted(
        ((key, value) for key, value in values.items() if value.total),
        key=lambda pair: tuple(-part for part in _score(pair[1])),
    )
    ranked: list[Ranked[K]] = []
    for position, (key, value) in enumerate(ordered, start=1):
        shared = ranked and _score(ranked[-1].tally) == _score(value)
        ranked.append(Ranked(ranked[-1].rank if shared else position, key, names.get(key, ""), value))
    return ranked


# -- sections -----------------------------------------------------------------------------------


def top_section(section_id: int | None, parents: Mapping[int, int | None]) -> int | None:
    """The outermost section above ``section_id`` (itself if it has no parent)."""
    seen: set[int] = set()
    while section_id is not None and parents.get(section_id) is not None and section_id not in seen:
        seen.add(section_id)
        section_id = parents[section_id]
    return section_id


def roll_up(values: Mapping[int | None, Tally], parents: Mapping[int, int | None]) -> dict[int | None, Tally]:
    """Tallies per section added up into their outermost sections."""
    result: dict[int | None, Tally] = {}
    for section_id, value in values.items():
        top = top_section(section_id, parents)
        result[top] = result.get(top, Tally()) + value
    return result


def subtree(section_id: int, parents: Mapping[int, int | None]) -> frozenset[int]:
    """``section_id`` and every section below it."""
    return frozenset(
        child for child in parents if child == section_id or _descends(child, section_id, parents)
    )


def _descends(child: int, ancestor: int, parents: Mapping[int, int | None]) -> bool:
    seen: set[int] = set()
    node = parents.get(child)
    while node is not None and node not in seen:
        if node == ancestor:
            return True
        seen.add(node)
        node = parents.get(node)
    return False


def default_cutoff(due_dates: Sequence[date], today: date) -> date | None:
    """The latest due date already reached, or the first one if none is yet."""
    reached = [day for day in due_dates if day <= today]
    if reached:
        return max(reached)
    return min(due_dates) if due_dates else None


# -- the bulletin's entries ---------------------------------------------------------------------

OVERDUE: Final = "overdue"
NOT_STARTED: Final = "not_started"
DELAYED: Final = "delayed"
KIND_LABELS: Final = {OVERDUE: "逾期未报送", NOT_STARTED: "未启动", DELAYED: "无法按期完成"}

REQUIREMENTS: Final = {
    OVERDUE: "立即补报逾期的进展情况并说明逾期原因",
    NOT_STARTED: "尽快启动落实，明确责任人和完成时限",
    DELAYED: "针对未能按期完成的原因制定整改措施，确保尽快完成",
}
REQUIREMENT_TAIL: Final = "，并于本通报印发之日起10个工作日内将整改情况书面报送政务公开工作机构。"


@dataclass(frozen=True)
class Slot:
    """One period of one unit's assignment, with its report (if any) as it stands."""

    due_on: date
    report_state: str | None = None
    status: str | None = None
    reason: str = ""


def shortfall(slot: Slot, today: date, given_on: date | None = None) -> str | None:
    """Why ``slot`` of a plan that gave the work on ``given_on`` is named in the bulletin
    (``OVERDUE``, ``NOT_STARTED``, ``DELAYED``), or None."""
    if is_overdue(slot.due_on, slot.report_state, today, given_on):
        return OVERDUE
    if is_advanced(slot.report_state, slot.status) or slot.report_state not in ("submitted", "accepted"):
        return None  # moving, or not handed in but still in time
    return slot.status if slot.status in NOT_ADVANCED else None


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _days(slots: Sequence[Slot]) -> str:
    return "、".join(day_text(day) for day in sorted({slot.due_on for slot in slots}))


@dataclass(frozen=True)
class Shortfalls:
    """The slots of one unit on one item that fall short, grouped by why."""

    by_kind: dict[str, list[Slot]] = field(default_factory=dict)

    @classmethod
    def of(cls, slots: Iterable[Slot], today: date, given_on: date | None = None) -> Shortfalls:
        grouped: dict[str, list[Slot]] = {}
        for slot in slots:
            kind = shortfall(slot, today, given_on)
            if kind is not None:
                grouped.setdefault(kind, []).append(slot)
        return cls({kind: grouped[kind] for kind in (OVERDUE, NOT_STARTED, DELAYED) if kind in grouped})

    def __bool__(self) -> bool:
        return bool(self.by_kind)

    @property
    def kinds(self) -> list[str]:
        return list(self.by_kind)


_FACTS: Final[dict[str, Callable[[list[Slot]], str]]] = {
    OVERDUE: lambda slots: (
        f"{_days(slots)}到期的进展情况逾期未报送"
        + ("（报告被退回后未重新报送）" if any(slot.report_state == "returned" for slot in slots) else "")
    ),
    NOT_STARTED: lambda slots: f"{_days(slots)}到期的进展报告填报为“未启动”",
    DELAYED: lambda slots: f"{_days(slots)}到期的进展报告填报为“无法按期完成”" + _reasons(slots),
}


def _reasons(slots: Sequence[Slot]) -> str:
    reasons = list(dict.fromkeys(slot.reason.strip() for slot in slots if slot.reason.strip()))
    return f"，原因为：{'；'.join(reasons)}" if reasons else ""


def facts_text(found: Shortfalls, cutoff: date) -> str:
    """推进落实不力主要事实, a draft for the office to edit."""
    parts = [_FACTS[kind](slots) for kind, slots in found.by_kind.items()]
    return f"截至{day_text(cutoff)}，" + "；".join(parts) + "。" if parts else ""


def requirement_text(found: Shortfalls) -> str:
    """整改要求, a default for the office to edit."""
    parts = [REQUIREMENTS[kind] for kind in found.kinds]
    return "请" + "；".join(parts) + REQUIREMENT_TAIL if parts else ""
