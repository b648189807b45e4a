"""Working days (工作日) on the official Chinese schedule, with 调休 make-up days.

A 工作日 is a Monday–Friday that is not a statutory holiday or 调休 rest day, plus any weekend day
that a 国务院办公厅 notice designates 调休上班 (DOMAIN.md 7.3). Periods are counted the way
《中华人民共和国民法典》第二百零一条 counts them: "开始的当日不计入，自下一日开始计算", so the
day of receipt is never one of the N working days.

Where a day's kind comes from, first match wins:

1. explicit overrides from the caller (rows edited in the product, a parsed yearly notice);
2. the ``chinesecalendar`` package, for the years it ships data for;
3. plain Monday–Friday. Such a year is *unconfirmed*: answers are provisional and callers must say
   so (CONTRACTS.md §2), never fail.

We deliberately do not use ``chinese_calendar.find_workday``/``get_workdays`` for counting: when the
start day is a rest day, ``find_workday`` counts from the next working day and lands one working day
late (STACK.md §2). Counting here is our own, over per-year sorted tables of working days.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class DayKind(StrEnum):
    """What an override says about one date."""

    HOLIDAY = "holiday"  # a rest day: statutory holiday or 调休 rest day, even on a weekday
    WORKDAY = "workday"  # a working day: typically a weekend day designated 调休上班


class CalendarError(ValueError):
    """A working-day question that has no answer (negative count, date out of range)."""


# chinesecalendar names holidays in English; the notices (and our explanations) use these names.
PACKAGE_HOLIDAY_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "New Year's Day": "元旦",
        "Spring Festival": "春节",
        "Tomb-sweeping Day": "清明节",
        "Labour Day": "劳动节",
        "Dragon Boat Festival": "端午节",
        "Mid-autumn Festival": "中秋节",
        "National Day": "国庆节",
        "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    }
)


@dataclass(frozen=True)
class HolidaySpan:
    """A named run of rest days, e.g. 国庆节 10-01..10-07 (both ends inclusive)."""

    name: str
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def dates(self) -> Iterator[date]:
        return _dates_between(self.first, self.last)

    def describe(self) -> str:
        return f"跳过{self.name}假期 {self.first:%m-%d}至{self.last:%m-%d}"


@dataclass(frozen=True)
class AddExplanation:
    """Why ``add_workdays(start, workdays)`` gave ``result``, for 答复期限 explanations."""

    start: date
    workdays: int
    result: date
    skipped: tuple[HolidaySpan, ...]
    makeup_days: tuple[date, ...]
    unconfirmed_years: tuple[int, ...]

    def describe(self) -> list[str]:
        lines = [
            f"自{self.start.isoformat()}次日起算（当日不计入），"
            f"第{self.workdays}个工作日为{self.result.isoformat()}"
        ]
        lines += [span.describe() for span in self.skipped]
        lines += [
            f"{day:%m-%d}（{WEEKDAY_NAMES[day.weekday()]}）调休上班，计为工作日"
            for day in self.makeup_days
        ]
        lines += [
            f"{year}年放假安排尚未确认，按周一至周五计算，结果为暂定"
            for year in self.unconfirmed_years
        ]
        return lines


WEEKDAY_NAMES: Final = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


# --- the chinesecalendar package, loaded lazily and defensively -------------------------------


@dataclass(frozen=True)
class _PackageData:
    """The two tables chinesecalendar publishes, plus its own per-day query."""

    holidays: Mapping[date, str]  # rest days with their English holiday name
    workdays: Mapping[date, str]  # 调休上班 days
    is_workday: Callable[[date], object]  # raises NotImplementedError outside its coverage


@functools.cache
def _package() -> _PackageData | None:
    try:
        import chinese_calendar  # type: ignore[import-untyped]
    except ImportError:  # the platform still answers on plain weekends, flagged unconfirmed
        return None
    return _PackageData(
        holidays=dict(chinese_calendar.holidays),
        workdays=dict(chinese_calendar.workdays),
        is_workday=chinese_calendar.is_workday,
    )


@functools.cache
def package_covers(year: int) -> bool:
    """Whether chinesecalendar ships the official schedule of ``year``.

    Asks the package itself rather than hard-coding its range (2004–2026 in 1.11.0), so that an
    upgrade each November extends our coverage without a code change.
    """
    data = _package()
    if data is None or not MINYEAR <= year <= MAXYEAR:
        return False
    try:
        data.is_workday(date(year, 7, 1))
    except NotImplementedError:  # "no available data for year …"
        return False
    return True


@functools.cache
def _package_workdays(year: int) -> frozenset[int] | None:
    """Ordinals of the package's working days in ``year``, or None if it has no data for it."""
    data = _package()
    if data is None or not package_covers(year):
        return None
    return frozenset(
        day.toordinal()
        for day in _year_dates(year)
        if day in data.workdays or (day.weekday() < 5 and day not in data.holidays)
    )


def package_holiday_name(day: date) -> str | None:
    """The package's holiday name for a rest day, in Chinese (None for ordinary days)."""
    data = _package()
    if data is None:
        return None
    english = data.holidays.get(day)
    if english is None:
        return None
    return PACKAGE_HOLIDAY_NAMES.get(english, english)


# --- the calendar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _YearTable:
    ordinals: tuple[int, ...]  # sorted ordinals of the year's working days
    members: frozenset[int]


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days from overrides, then chinesecalendar, then Monday–Friday.

    ``confirmed_years`` are the years whose overrides the caller vouches for (e.g. a loaded
    国务院办公厅 notice). ``holiday_names`` names override rest days for explanations.
    Set ``use_package=False`` to ignore chinesecalendar (tests, or a jurisdiction that keeps
    its whole schedule in overrides).
    """

    overrides: Mapping[date, DayKind] = field(default_factory=dict)
    confirmed_years: frozenset[int] = frozenset()
    holiday_names: Mapping[date, str] = field(default_factory=dict)
    use_package: bool = True
    _years: dict[int, _YearTable] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Copy the caller's mappings so later edits to them cannot desynchronise our caches;
        # DayKind(...) also accepts the stored strings "holiday"/"workday".
        overrides = {day: DayKind(kind) for day, kind in self.overrides.items()}
        object.__setattr__(self, "overrides", MappingProxyType(overrides))
        object.__setattr__(self, "holiday_names", MappingProxyType(dict(self.holiday_names)))
        object.__setattr__(self, "confirmed_years", frozenset(self.confirmed_years))

    def merged(
        self,
        overrides: Mapping[date, DayKind] | None = None,
        confirmed_years: Iterable[int] = (),
        holiday_names: Mapping[date, str] | None = None,
    ) -> WorkingCalendar:
        """A new calendar with more overrides on top of these (the new ones win)."""
        return WorkingCalendar(
            overrides={**self.overrides, **(overrides or {})},
            confirmed_years=self.confirmed_years | frozenset(confirmed_years),
            holiday_names={**self.holiday_names, **(holiday_names or {})},
            use_package=self.use_package,
        )

    # -- single days --

    def day_kind(self, day: date) -> DayKind:
        return DayKind.WORKDAY if self.is_workday(day) else DayKind.HOLIDAY

    def is_workday(self, day: date) -> bool:
        return day.toordinal() in self._table(day.year).members

    def is_confirmed(self, year: int) -> bool:
        """Whether ``year``'s holidays and 调休 come from an official schedule."""
        return year in self.confirmed_years or (self.use_package and package_covers(year))

    def holiday_name(self, day: date) -> str | None:
        """The holiday a rest day belongs to ("国庆节"), None for working days and plain weekends."""
        if self.is_workday(day):
            return None
        name = self.holiday_names.get(day)
        if name is None and self.use_package:
            name = package_holiday_name(day)
        return name

    # -- counting (《政府信息公开条例》第三十三条: 20 个工作日, extension ≤ 20 more) --

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after ``start``; ``start`` itself is never counted (民法典第二百零一条)."""
        if n < 0:
            raise CalendarError(f"工作日数不能为负数：{n}")
        if n == 0:
            return start
        if n > (MAXYEAR - start.year + 1) * 366:
            raise CalendarError(f"自{start.isoformat()}起第{n}个工作日超出可计算的日期范围")
        remaining, after, year = n, start.toordinal(), start.year
        while year <= MAXYEAR:
            ordinals = self._table(year).ordinals
            index = bisect.bisect_right(ordinals, after)
            available = len(ordinals) - index
            if remaining <= available:
                return date.fromordinal(ordinals[index + remaining - 1])
            remaining -= available
            year += 1
        raise CalendarError(f"自{start.isoformat()}起第{n}个工作日超出可计算的日期范围")

    def sub_workdays(self, end: date, n: int) -> date:
        """The working day with exactly n working days after it up to and including ``end``, so
        that ``workdays_between(result, end) == n``: counting back the way ``add_workdays``
        counts forward (a reminder "5 个工作日前"). ``end`` itself counts when it is a working day;
        when it is a rest day, counting starts from the last working day before it."""
        if n < 0:
            raise CalendarError(f"工作日数不能为负数：{n}")
        if n == 0:
            return end
        if n > (end.year - MINYEAR + 1) * 366:
            raise CalendarError(f"{end.isoformat()}前第{n}个工作日超出可计算的日期范围")
        remaining, upto, year = n + 1, end.toordinal(), end.year  # the n working days, then ours
        while year >= MINYEAR:
            ordinals = self._table(year).ordinals
            available = bisect.bisect_right(ordinals, upto)
            if remaining <= available:
                return date.fromordinal(ordinals[available - remaining])
            remaining -= available
            year -= 1
        raise CalendarError(f"{end.isoformat()}前第{n}个工作日超出可计算的日期范围")

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``; 0 if ``end <= start``."""
        if end <= start:
            return 0
        low, high = start.toordinal(), end.toordinal()
        total = 0
        for year in range(start.year, end.year + 1):
            ordinals = self._table(year).ordinals
            total += bisect.bisect_right(ordinals, high) - bisect.bisect_right(ordinals, low)
        return total

    def unconfirmed_years(self, start: date, end: date) -> list[int]:
        """Years touched by a computation from ``start`` to ``end`` that have no official schedule."""
        first, last = sorted((start.year, end.year))
        return [year for year in range(first, last + 1) if not self.is_confirmed(year)]

    # -- explanations --

    def holiday_spans(self, start: date, end: date) -> list[HolidaySpan]:
        """Named runs of rest days after ``start`` up to and including ``end``.

        A run is a maximal stretch of consecutive rest days containing at least one named holiday
        day, so a holiday joined to a weekend (与周末连休) reads as one break, and 国庆 merged with
        中秋 reads "国庆节、中秋节".
        """
        spans: list[HolidaySpan] = []
        run: list[date] = []
        for day in _dates_after(start, end):
            if self.is_workday(day):
                spans += self._named_span(run)
                run = []
            else:
                run.append(day)
        spans += self._named_span(run)
        return spans

    def explain_add(self, start: date, n: int) -> AddExplanation:
        result = self.add_workdays(start, n)
        makeup = tuple(
            day
            for day in _dates_after(start, result)
            if day.weekday() >= 5 and self.is_workday(day)
        )
        return AddExplanation(
            start=start,
            workdays=n,
            result=result,
            skipped=tuple(self.holiday_spans(start, result)),
            makeup_days=makeup,
            unconfirmed_years=tuple(self.unconfirmed_years(start, result)),
        )

    # -- internals --

    def _named_span(self, run: list[date]) -> list[HolidaySpan]:
        names: list[str] = []
        for day in run:
            name = self.holiday_name(day)
            if name is not None and name not in names:
                names.append(name)
        if not names:  # an ordinary weekend: nothing worth explaining
            return []
        return [HolidaySpan("、".join(names), run[0], run[-1])]

    def _table(self, year: int) -> _YearTable:
        table = self._years.get(year)
        if table is None:
            table = self._build_table(year)
            self._years[year] = table  # a benign race: two threads build the same table
        return table

    def _build_table(self, year: int) -> _YearTable:
        if not MINYEAR <= year <= MAXYEAR:
            raise CalendarError(f"年份{year}超出可计算的日期范围")
        package = _package_workdays(year) if self.use_package else None
        ordinals: list[int] = []
        for day in _year_dates(year):
            kind = self.overrides.get(day)
            if kind is not None:
                working = kind is DayKind.WORKDAY
            elif package is not None:
                working = day.toordinal() in package
            else:
                working = day.weekday() < 5  # unconfirmed year: plain Monday–Friday
            if working:
                ordinals.append(day.toordinal())
        return _YearTable(tuple(ordinals), frozenset(ordinals))


def _year_dates(year: int) -> Iterator[date]:
    return _dates_between(date(year, 1, 1), date(year, 12, 31))


def _dates_between(first: date, last: date) -> Iterator[date]:
    """Every date from ``first`` to ``last`` inclusive (nothing if ``last < first``)."""
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        yield date.fromordinal(ordinal)


def _dates_after(start: date, end: date) -> Iterator[date]:
    """Every date after ``start`` up to and including ``end``: the days a period counts."""
    for ordinal in range(start.toordinal() + 1, end.toordinal() + 1):
        yield date.fromordinal(ordinal)


# --- the default calendar: chinesecalendar plus weekends, no overrides ---------------------------


@functools.cache
def default_calendar() -> WorkingCalendar:
    return WorkingCalendar()


def is_workday(day: date) -> bool:
    return default_calendar().is_workday(day)


def add_workdays(start: date, n: int) -> date:
    return default_calendar().add_workdays(start, n)


def workdays_between(start: date, end: date) -> int:
    return default_calendar().workdays_between(start, end)


def sub_workdays(end: date, n: int) -> date:
    return default_calendar().sub_workdays(end, n)
