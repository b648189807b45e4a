"""Consultations on drafts (公开征求意见): the comment period against the minimum for the draft's
kind, the sections of a draft that comments can point to, and the feedback (采纳情况).

- 《重大行政决策程序暂行条例》(国务院令第713号) 第十四条: 征求意见的期限一般不少于30日；因情况紧急等
  原因需要缩短期限的，公开征求意见时应当予以说明.
- 《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》(国办发〔2018〕37号): 征求意见的
  期限一般不少于30日.

The period is counted in calendar days (日, not 工作日), the opening day not counted
(民法典第二百零一条): opened on 10-01 and closed at the end of 10-31 is 30 days. The minimums are a
per-jurisdiction setting over these defaults; a period shorter than its minimum is allowed only
with a stated reason, which the public page shows.

Pure Python: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class ConsultationError(ValueError):
    """A period or a setting that cannot be used; the text says why, in Chinese."""


class DraftKind(StrEnum):
    NORMATIVE = "normative"  # 行政规范性文件
    MAJOR_DECISION = "major_decision"  # 重大行政决策
    OTHER = "other"

    @property
    def label(self) -> str:
        return DRAFT_KIND_LABELS[self]


DRAFT_KIND_LABELS: Final = MappingProxyType({
    DraftKind.NORMATIVE: "行政规范性文件",
    DraftKind.MAJOR_DECISION: "重大行政决策",
    DraftKind.OTHER: "其他",
})

DEFAULT_MIN_DAYS: Final = MappingProxyType({
    DraftKind.NORMATIVE: 30, DraftKind.MAJOR_DECISION: 30, DraftKind.OTHER: 7,
})
MAX_DAYS: Final = 365


def parse_min_days(text: str) -> Mapping[DraftKind, int]:
    """``normative=30,other=10`` (kinds by value or label) over the defaults."""
    values = dict(DEFAULT_MIN_DAYS)
    for pair in filter(None, (part.strip() for part in text.split(","))):
        name, _, raw = (part.strip() for part in pair.partition("="))
        kind = next((k for k in DraftKind if name in (k.value, k.label)), None)
        if kind is None:
            allowed = "、".join(k.value for k in DraftKind)
            raise ConsultationError(f"未知的征求意见类型“{name}”：应为 {allowed} 之一")
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_DAYS):
            raise ConsultationError(f"“{pair}”：最短期限应为 1 至 {MAX_DAYS} 日")
        values[kind] = int(raw)
    return MappingProxyType(values)


@dataclass(frozen=True)
class PeriodCheck:
    days: int
    minimum: int
    shortened: bool  # shorter than the minimum, with the reason given

    @property
    def text(self) -> str:
        note = f"，短于{self.minimum}日的最短期限（已说明理由）" if self.shortened else ""
        return f"征求意见期限 {self.days} 日{note}"


def check_period(
    kind: DraftKind, opens_on: date, closes_on: date, reason: str = "",
    minimums: Mapping[DraftKind, int] = DEFAULT_MIN_DAYS,
) -> PeriodCheck:
    """The period from ``opens_on`` (not counted) to ``closes_on`` (counted); a ``ConsultationError``
    when it is empty, too long, or shorter than the kind's minimum without a reason."""
    days = (closes_on - opens_on).days
    minimum = minimums[DraftKind(kind)]
    if days < 1:
        raise ConsultationError("截止日期应晚于开始日期")
    if days > MAX_DAYS:
        raise ConsultationError(f"征求意见期限不能超过 {MAX_DAYS} 日")
    shortened = days < minimum
    if shortened and not reason.strip():
        raise ConsultationError(
            f"{DraftKind(kind).label}征求意见的期限一般不少于{minimum}日（本次 {days} 日）：缩短期限须说明理由"
        )
    return PeriodCheck(days, minimum, shortened)


def is_open(opens_on: date, closes_on: date, today: date) -> bool:
    """Comments are taken from the opening day to the end of the closing day."""
    return opens_on <= today <= closes_on


# --- sections of a draft -----------------------------------------------------------------------

_HEADING: Final = re.compile(
    r"^\s*(第[一二三四五六七八九十百零〇0-9]+[章节条]|[一二三四五六七八九十]+、)"
)


@dataclass(frozen=True)
class Section:
    key: str  # "第三条", "二、"; stable as long as the draft is
    text: str


def sections(text: str) -> tuple[Section, ...]:
    """The draft cut at its 第X章/第X条 or 一、 headings; a draft without them has no sections
    (comments then concern the whole draft). Text before the first heading is not a section."""
    found: list[Section] = []
    key, lines = "", list[str]()
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match:
            if key:
                found.append(Section(key, "\n".join(lines).strip()))
            key, lines = match.group(1), [line]
        elif key:
            lines.append(line)
    if key:
        found.append(Section(key, "\n".join(lines).strip()))
    unique: dict[str, Section] = {}
    for section in found:
        unique.setdefault(section.key, section)
    return tuple(unique.values())


# --- the feedback (采纳情况) ----------------------------------------------------------------------


class Decision(StrEnum):
    ADOPTED = "adopted"
    PARTLY = "partly"
    NOT_ADOPTED = "not_adopted"

    @property
    def label(self) -> str:
        return DECISION_LABELS[self]


DECISION_LABELS: Final = MappingProxyType({
    Decision.ADOPTED: "采纳", Decision.PARTLY: "部分采纳", Decision.NOT_ADOPTED: "未采纳",
})


def decision_problem(decision: Decision | str, reason: str) -> str:
    """Why a decision cannot stand ("" when it can): 部分采纳 and 未采纳 state their reason."""
    if Decision(decision) is not Decision.ADOPTED and not reason.strip():
        return f"“{Decision(decision).label}”须说明理由"
    return ""


def tally(decisions: list[Decision]) -> dict[Decision, int]:
    counts = dict.fromkeys(Decision, 0)
    for decision in decisions:
        counts[decision] += 1
    return counts
