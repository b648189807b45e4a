"""The dates of a round's stages (考评轮次): each stage ends on a working day, in order.

Seed 001 三(二)/(三): units work and hand in their 自评 by a date (8月30日), the evaluation starts
after it (9月上旬) and runs 采集 → 复核 → 审定. The office sets the last day of each stage; a
date on a rest day would leave the stage's last day unusable, so it is refused with the name
of the holiday, and the office may instead derive the dates from a start and working-day spans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final

from gongkai.rules.assessment.scoring import STAGE_LABELS, STAGE_ORDER, Stage
from gongkai.rules.calendar import WorkingCalendar

# Working days per stage when the office does not set its own: 自评 20, 采集 10, 复核 5, 审定 5.
DEFAULT_SPANS: Final = (20, 10, 5, 5)


def default_stage_dates(start: date, calendar: WorkingCalendar,
                        spans: Sequence[int] = DEFAULT_SPANS) -> dict[Stage, date]:
    """The last day of each stage, each stage ``spans[i]`` working days after the previous
    one ends (the first after ``start``; the start day is not counted)."""
    if len(spans) != len(STAGE_ORDER) or any(span < 1 for span in spans):
        raise ValueError("每个阶段至少一个工作日")
    dates: dict[Stage, date] = {}
    end = start
    for stage, span in zip(STAGE_ORDER, spans, strict=True):
        end = calendar.add_workdays(end, span)
        dates[stage] = end
    return dates


def check_stage_dates(opens_on: date, due: Mapping[Stage, date], calendar: WorkingCalendar) -> list[str]:
    """Why the stage dates cannot be used: a stage missing, a date on a rest day, a stage
    ending before the round opens or not after the stage before it."""
    problems = []
    before, before_label = opens_on, "开始日期"
    for stage in STAGE_ORDER:
        label = f"{STAGE_LABELS[stage]}截止日期"
        day = due.get(stage)
        if day is None:
            problems.append(f"缺少{label}")
            continue
        if not calendar.is_workday(day):
            holiday = calendar.holiday_name(day)
            problems.append(f"{label} {day.isoformat()} 不是工作日" + (f"（{holiday}）" if holiday else "（周末）"))
        if day <= before:
            problems.append(f"{label} {day.isoformat()} 应晚于{before_label} {before.isoformat()}")
        before, before_label = day, label
    return problems
