"""Working-day deadlines: our calendar against the loops people write by hand.

For 2,000 receipt dates spread over 2016–2026, the 20th working day after each:
- ours: ``WorkingCalendar.add_workdays`` (per-year tables of working days);
- naive: a day-by-day loop asking ``chinese_calendar.is_workday`` (what most code does);
- package: ``chinese_calendar.find_workday`` (which also counts differently from the law when
  the receipt day is a rest day; see STACK.md section 2).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import chinese_calendar

from gongkai.bench.common import machine, p50, p95, timed_ms
from gongkai.rules.calendar import WorkingCalendar

WORKDAYS = 20


def naive_add(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += chinese_calendar.is_workday(day)
    return day


def run(dates: int = 2000, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    first = date(2016, 1, 1)
    receipts = [first + timedelta(days=rng.randrange(365 * 11 - 40)) for _ in range(dates)]
    calendar = WorkingCalendar()
    calendar.add_workdays(receipts[0], WORKDAYS)  # warm the year tables, as a server would be
    disagreements = sum(
        calendar.add_workdays(d, WORKDAYS) != naive_add(d, WORKDAYS) for d in receipts
    )
    ours = _per_date(lambda d: calendar.add_workdays(d, WORKDAYS), receipts)
    naive = _per_date(lambda d: naive_add(d, WORKDAYS), receipts)
    package = _per_date(lambda d: chinese_calendar.find_workday(WORKDAYS, d), receipts)
    return {
        "benchmark": "calendar",
        **machine(),
        "dates": dates,
        "workdays": WORKDAYS,
        "p50_ms": p50(ours),
        "p95_ms": p95(ours),
        "naive_loop_p50_ms": p50(naive),
        "naive_loop_p95_ms": p95(naive),
        "package_find_workday_p50_ms": p50(package),
        "speedup_vs_naive_p50": round(p50(naive) / p50(ours), 1),
        "disagreements_with_naive": disagreements,
    }


def _per_date(call: Any, receipts: list[date]) -> list[float]:
    samples: list[float] = []
    for day in receipts:
        samples += timed_ms(lambda day=day: call(day), 1)
    return samples
