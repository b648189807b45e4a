"""The clocks of an incident of public concern (政务舆情回应), DOMAIN.md section 5.

- 《〈关于全面推进政务公开工作的意见〉实施细则》(国办发〔2016〕80号): for 特别重大、重大突发事件,
  authoritative information within 5 hours at the latest and a news conference within 24 hours.
- 《关于在政务公开工作中进一步做好政务舆情回应的通知》(国办发〔2016〕61号): other 政务舆情 are
  answered within 48 hours.

These are clock hours, not working hours: nights, weekends and holidays all count. Every mark of
an incident counts from the same moment, the one the office learned of it (获知舆情), and they run
side by side: the 24-hour news conference is not counted from the 5-hour publication. China keeps
no summer time, so an hour added to a local time is an hour later on the wall clock.

Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class IncidentLevel(StrEnum):
    MAJOR = "major"  # 特别重大、重大
    GENERAL = "general"  # the others

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS: Final = MappingProxyType({
    IncidentLevel.MAJOR: "特别重大、重大",
    IncidentLevel.GENERAL: "一般",
})


@dataclass(frozen=True)
class Mark:
    """One obligation: ``what`` within ``hours`` clock hours of learning of the incident."""

    key: str
    what: str
    hours: int
    basis: str


MARKS: Final[Mapping[IncidentLevel, tuple[Mark, ...]]] = MappingProxyType({
    IncidentLevel.MAJOR: (
        Mark("authoritative", "发布权威信息", 5, "国办发〔2016〕80号：最迟5小时内发布权威信息"),
        Mark("press_conference", "新闻发布会", 24, "国办发〔2016〕80号：24小时内举行新闻发布会"),
    ),
    IncidentLevel.GENERAL: (
        Mark("response", "回应", 48, "国办发〔2016〕61号：其他政务舆情48小时内予以回应"),
    ),
})


class MarkState(StrEnum):
    PENDING = "pending"
    DUE_SOON = "due_soon"  # less than a quarter of the period left
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met_late"

    @property
    def label(self) -> str:
        return MARK_STATE_LABELS[self]


MARK_STATE_LABELS: Final = MappingProxyType({
    MarkState.PENDING: "计时中",
    MarkState.DUE_SOON: "即将到时",
    MarkState.OVERDUE: "已超时",
    MarkState.MET: "已按时完成",
    MarkState.MET_LATE: "超时完成",
})


@dataclass(frozen=True)
class DueMark:
    mark: Mark
    learned_at: datetime
    due_at: datetime
    done_at: datetime | None

    def state(self, now: datetime) -> MarkState:
        if self.done_at is not None:
            return MarkState.MET if self.done_at <= self.due_at else MarkState.MET_LATE
        if now > self.due_at:
            return MarkState.OVERDUE
        if (self.due_at - now) * 4 < self.due_at - self.learned_at:
            return MarkState.DUE_SOON
        return MarkState.PENDING

    def remaining(self, now: datetime) -> timedelta:
        """Time left until the mark (negative once past); zero once it is met."""
        if self.done_at is not None:
            return timedelta(0)
        return self.due_at - now

    @property
    def late(self) -> bool:
        return self.done_at is not None and self.done_at > self.due_at


def marks_for(
    level: IncidentLevel, learned_at: datetime, done: Mapping[str, datetime] | None = None,
) -> tuple[DueMark, ...]:
    """The level's marks counted from ``learned_at`` in clock hours; ``done`` maps a mark's key to
    when it was met (the first publication, the conference)."""
    done = done or {}
    return tuple(
        DueMark(mark, learned_at, learned_at + timedelta(hours=mark.hours), done.get(mark.key))
        for mark in MARKS[IncidentLevel(level)]
    )


def format_remaining(left: timedelta) -> str:
    """"剩余 3小时05分" / "已超时 1小时20分", to the minute, for pages without a script."""
    minutes = int(abs(left).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours}小时{minutes:02d}分"
    return f"已超时 {text}" if left < timedelta(0) else f"剩余 {text}"
