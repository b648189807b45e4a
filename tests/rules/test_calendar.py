"""Working days on the official schedule (DOMAIN.md 7, CONTRACTS.md 2–3)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules import calendar as calendar_module
from gongkai.rules.calendar import (
    CalendarError,
    DayKind,
    HolidaySpan,
    WorkingCalendar,
    add_workdays,
    default_calendar,
    is_workday,
    workdays_between,
)

D = date.fromisoformat

# Every statutory holiday break and every 调休上班 day of 2016–2026, from the yearly notices
# 《国务院办公厅关于20XX年部分节假日安排的通知》 (and the two amending notices noted below).
# A break is written as the notice states it; "与周末连休" breaks list only the stated day.
# A "5月1日放假，5月2日（星期一）补休" item is written as one range 05-01..05-02.
OFFICIAL_SCHEDULES: dict[int, tuple[list[tuple[str, str, str]], list[str]]] = {
    2016: (
        [
            ("元旦", "2016-01-01", "2016-01-01"),  # 与周末连休
            ("春节", "2016-02-07", "2016-02-13"),
            ("清明节", "2016-04-04", "2016-04-04"),  # 与周末连休
            ("劳动节", "2016-05-01", "2016-05-02"),  # 5月2日（星期一）补休
            ("端午节", "2016-06-09", "2016-06-11"),
            ("中秋节", "2016-09-15", "2016-09-17"),
            ("国庆节", "2016-10-01", "2016-10-07"),
        ],
        ["2016-02-06", "2016-02-14", "2016-06-12", "2016-09-18", "2016-10-08", "2016-10-09"],
    ),
    2017: (
        [
            ("元旦", "2017-01-01", "2017-01-02"),  # 1月2日（星期一）补休
            ("春节", "2017-01-27", "2017-02-02"),
            ("清明节", "2017-04-02", "2017-04-04"),
            ("劳动节", "2017-05-01", "2017-05-01"),  # 与周末连休
            ("端午节", "2017-05-28", "2017-05-30"),
            ("中秋节、国庆节", "2017-10-01", "2017-10-08"),
        ],
        ["2017-01-22", "2017-02-04", "2017-04-01", "2017-05-27", "2017-09-30"],
    ),
    2018: (
        [
            ("元旦", "2018-01-01", "2018-01-01"),  # 与周末连休
            ("春节", "2018-02-15", "2018-02-21"),
            ("清明节", "2018-04-05", "2018-04-07"),
            ("劳动节", "2018-04-29", "2018-05-01"),
            ("端午节", "2018-06-18", "2018-06-18"),  # 与周末连休
            ("中秋节", "2018-09-24", "2018-09-24"),  # 与周末连休
            ("国庆节", "2018-10-01", "2018-10-07"),
        ],
        ["2018-02-11", "2018-02-24", "2018-04-08", "2018-04-28", "2018-09-29", "2018-09-30"],
    ),
    2019: (
        [
            ("元旦", "2018-12-30", "2019-01-01"),  # the 2019 break starts in 2018
            ("春节", "2019-02-04", "2019-02-10"),
            ("清明节", "2019-04-05", "2019-04-05"),  # 与周末连休
            # 《国务院办公厅关于调整2019年劳动节假期安排的通知》(2019-03-22) replaced the yearly
            # notice's "5月1日放假" with 5月1日至4日 and two 上班 Sundays.
            ("劳动节", "2019-05-01", "2019-05-04"),
            ("端午节", "2019-06-07", "2019-06-07"),  # 与周末连休
            ("中秋节", "2019-09-13", "2019-09-13"),  # 与周末连休
            ("国庆节", "2019-10-01", "2019-10-07"),
        ],
        [
            "2018-12-29",  # 上班 for the 2019 元旦 break, listed in the 2019 notice
            "2019-02-02",
            "2019-02-03",
            "2019-04-28",  # from the 劳动节 amendment
            "2019-05-05",  # from the 劳动节 amendment
            "2019-09-29",
            "2019-10-12",
        ],
    ),
    2020: (
        [
            ("元旦", "2020-01-01", "2020-01-01"),
            # 《国务院办公厅关于延长2020年春节假期的通知》(2020-01-26) extended the yearly
            # notice's 1月24日至30日 to 2月2日, which cancelled its 2月1日（星期六）上班.
            ("春节", "2020-01-24", "2020-02-02"),
            ("清明节", "2020-04-04", "2020-04-06"),
            ("劳动节", "2020-05-01", "2020-05-05"),
            ("端午节", "2020-06-25", "2020-06-27"),
            ("国庆节、中秋节", "2020-10-01", "2020-10-08"),
        ],
        ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
    ),
    2021: (
        [
            ("元旦", "2021-01-01", "2021-01-03"),
            ("春节", "2021-02-11", "2021-02-17"),
            ("清明节", "2021-04-03", "2021-04-05"),
            ("劳动节", "2021-05-01", "2021-05-05"),
            ("端午节", "2021-06-12", "2021-06-14"),
            ("中秋节", "2021-09-19", "2021-09-21"),
            ("国庆节", "2021-10-01", "2021-10-07"),
        ],
        [
            "2021-02-07",
            "2021-02-20",
            "2021-04-25",
            "2021-05-08",
            "2021-09-18",
            "2021-09-26",
            "2021-10-09",
        ],
    ),
    2022: (
        [
            ("元旦", "2022-01-01", "2022-01-03"),
            ("春节", "2022-01-31", "2022-02-06"),
            ("清明节", "2022-04-03", "2022-04-05"),
            ("劳动节", "2022-04-30", "2022-05-04"),
            ("端午节", "2022-06-03", "2022-06-05"),
            ("中秋节", "2022-09-10", "2022-09-12"),
            ("国庆节", "2022-10-01", "2022-10-07"),
        ],
        [
            "2022-01-29",
            "2022-01-30",
            "2022-04-02",
            "2022-04-24",
            "2022-05-07",
            "2022-10-08",
            "2022-10-09",
        ],
    ),
    2023: (
        [
            ("元旦", "2022-12-31", "2023-01-02"),  # the 2023 break starts in 2022
            ("春节", "2023-01-21", "2023-01-27"),
            ("清明节", "2023-04-05", "2023-04-05"),
            ("劳动节", "2023-04-29", "2023-05-03"),
            ("端午节", "2023-06-22", "2023-06-24"),
            ("中秋节、国庆节", "2023-09-29", "2023-10-06"),
        ],
        [
            "2023-01-28",
            "2023-01-29",
            "2023-04-23",
            "2023-05-06",
            "2023-06-25",
            "2023-10-07",
            "2023-10-08",
        ],
    ),
    2024: (
        [
            ("元旦", "2024-01-01", "2024-01-01"),  # 与周末连休
            ("春节", "2024-02-10", "2024-02-17"),  # 除夕 2月9日 is a working day (only "鼓励" rest)
            ("清明节", "2024-04-04", "2024-04-06"),
            ("劳动节", "2024-05-01", "2024-05-05"),
            ("端午节", "2024-06-10", "2024-06-10"),  # 与周末连休
            ("中秋节", "2024-09-15", "2024-09-17"),
            ("国庆节", "2024-10-01", "2024-10-07"),
        ],
        [
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12",
        ],
    ),
    2025: (
        [
            ("元旦", "2025-01-01", "2025-01-01"),  # 放假1天，不调休
            ("春节", "2025-01-28", "2025-02-04"),
            ("清明节", "2025-04-04", "2025-04-06"),
            ("劳动节", "2025-05-01", "2025-05-05"),
            ("端午节", "2025-05-31", "2025-06-02"),
            ("国庆节、中秋节", "2025-10-01", "2025-10-08"),
        ],
        ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    ),
    2026: (
        [
            ("元旦", "2026-01-01", "2026-01-03"),
            ("春节", "2026-02-15", "2026-02-23"),
            ("清明节", "2026-04-04", "2026-04-06"),
            ("劳动节", "2026-05-01", "2026-05-05"),
            ("端午节", "2026-06-19", "2026-06-21"),
            ("中秋节", "2026-09-25", "2026-09-27"),
            ("国庆节", "2026-10-01", "2026-10-07"),
        ],
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ),
}


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


OFFICIAL_REST_DAYS = {
    day
    for holidays, _ in OFFICIAL_SCHEDULES.values()
    for _, first, last in holidays
    for day in _days(D(first), D(last))
}
OFFICIAL_MAKEUP_DAYS = {D(day) for _, makeups in OFFICIAL_SCHEDULES.values() for day in makeups}


def _official_is_workday(day: date) -> bool:
    """The working-day rule applied to the notices above, without any library."""
    if day in OFFICIAL_MAKEUP_DAYS:
        return True
    return day.weekday() < 5 and day not in OFFICIAL_REST_DAYS


def _oracle_is_workday(day: date) -> bool:
    """An independent answer: chinesecalendar where it has data, else Monday–Friday."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def _slow_add(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += _oracle_is_workday(day)
    return day


# --- the official schedules ---------------------------------------------------------------


def test_it_rests_on_every_official_holiday_2016_to_2026() -> None:
    working = sorted(day for day in OFFICIAL_REST_DAYS if is_workday(day))
    assert working == []


def test_it_works_on_every_official_makeup_day_2016_to_2026() -> None:
    assert all(day.weekday() >= 5 for day in OFFICIAL_MAKEUP_DAYS)  # 调休上班 days are weekends
    resting = sorted(day for day in OFFICIAL_MAKEUP_DAYS if not is_workday(day))
    assert resting == []


def test_it_agrees_with_the_notices_on_every_day_2016_to_2026() -> None:
    # The notices and chinesecalendar 1.11.0 agree on every day, including the 2019 劳动节 and
    # 2020 春节 amendments (the package follows the amending notices). Were they ever to
    # disagree, the notice wins: add the day as an override in the product, not here.
    days = list(_days(D("2016-01-01"), D("2026-12-31")))
    assert [day for day in days if is_workday(day) != _official_is_workday(day)] == []
    assert [
        day for day in days if chinese_calendar.is_workday(day) != _official_is_workday(day)
    ] == []


def test_it_matches_the_package_makeup_days_exactly() -> None:
    package_makeups = {day for day in chinese_calendar.workdays if 2016 <= day.year <= 2026}
    official_makeups = {day for day in OFFICIAL_MAKEUP_DAYS if day >= D("2016-01-01")}
    assert package_makeups == official_makeups


def test_it_treats_the_2024_new_years_eve_as_a_working_day() -> None:
    # The 2024 notice only "鼓励" rest on 除夕 (Friday 2月9日); it was not a holiday.
    assert is_workday(D("2024-02-09"))


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2026-10-01", "国庆节"),
        ("2026-09-25", "中秋节"),
        ("2026-02-15", "春节"),
        ("2026-01-01", "元旦"),
        ("2026-04-06", "清明节"),
        ("2026-05-05", "劳动节"),
        ("2026-06-19", "端午节"),
        ("2025-10-06", "中秋节"),
        ("2018-12-31", "元旦"),  # the 2019 break
    ],
)
def test_it_names_holidays_in_chinese(day: str, name: str) -> None:
    assert default_calendar().holiday_name(D(day)) == name


def test_it_names_neither_working_days_nor_plain_weekends() -> None:
    assert default_calendar().holiday_name(D("2026-10-10")) is None  # 调休上班 Saturday
    assert default_calendar().holiday_name(D("2026-10-11")) is None  # ordinary Sunday
    assert default_calendar().holiday_name(D("2026-10-12")) is None  # ordinary Monday


def test_it_names_every_official_break_day_it_knows() -> None:
    for holidays, _ in OFFICIAL_SCHEDULES.values():
        for name, first, last in holidays:
            assert default_calendar().holiday_name(D(first)) in name.split("、")
            assert default_calendar().holiday_name(D(last)) in name.split("、")


# --- the contract examples (CONTRACTS.md §2, §3) --------------------------------------------


def test_it_answers_the_contract_is_workday_examples() -> None:
    assert is_workday(D("2026-10-10")) is True  # 调休上班 Saturday
    assert is_workday(D("2026-10-01")) is False  # 国庆节


def test_it_adds_twenty_workdays_across_the_2026_golden_week() -> None:
    # After Mon 09-28: 09-29 (1), 09-30 (2); 10-01..10-07 国庆节; 10-08 (3), 10-09 (4),
    # Sat 10-10 调休上班 (5); 10-12..10-16 (6–10); 10-19..10-23 (11–15); 10-26..10-30 (16–20).
    assert add_workdays(D("2026-09-28"), 20) == D("2026-10-30")


def test_it_counts_workdays_between_for_the_contract_example() -> None:
    # 20 working days up to Fri 10-30 (above); 10-31 and 11-01 are a weekend; Mon 11-02 is the 21st.
    assert workdays_between(D("2026-09-28"), D("2026-11-02")) == 21


def test_it_starts_counting_the_day_after_a_receipt_on_a_rest_day() -> None:
    # Received Fri 2026-09-25 (中秋节). The 民法典 rule counts from 09-26: the weekend rests,
    # Mon 09-28 is the 1st working day, so the 20th is 10-29, one before the example above.
    assert add_workdays(D("2026-09-25"), 20) == D("2026-10-29")
    # chinesecalendar's find_workday lands one working day later (STACK.md §2); we do not use it.
    assert chinese_calendar.find_workday(20, D("2026-09-25")) == D("2026-10-30")


def test_it_never_counts_the_start_day_even_when_it_is_a_workday() -> None:
    assert add_workdays(D("2026-09-28"), 1) == D("2026-09-29")
    assert add_workdays(D("2026-10-10"), 1) == D("2026-10-12")  # from the make-up Saturday
    assert add_workdays(D("2026-09-30"), 1) == D("2026-10-08")  # over the golden week


def test_it_returns_the_start_for_zero_workdays() -> None:
    assert add_workdays(D("2026-10-01"), 0) == D("2026-10-01")


def test_it_refuses_a_negative_count_with_a_chinese_message() -> None:
    with pytest.raises(CalendarError, match="不能为负数"):
        add_workdays(D("2026-10-01"), -1)
    assert issubclass(CalendarError, ValueError)


def test_it_counts_nothing_when_the_end_is_not_after_the_start() -> None:
    assert workdays_between(D("2026-10-09"), D("2026-10-09")) == 0
    assert workdays_between(D("2026-10-09"), D("2026-10-01")) == 0


def test_it_counts_across_years() -> None:
    # 2025-12-31 (Wed) → 2026: 01-01..01-03 元旦, Sun 01-04 调休上班 is the 1st working day.
    assert add_workdays(D("2025-12-31"), 1) == D("2026-01-04")
    assert workdays_between(D("2025-12-30"), D("2026-01-05")) == 3  # 12-31, 01-04, 01-05


def test_it_reports_out_of_range_instead_of_overflowing() -> None:
    with pytest.raises(CalendarError, match="超出"):
        add_workdays(D("9999-12-30"), 5)


# --- overrides, confirmation and unknown years ---------------------------------------------


def test_it_lets_overrides_beat_the_package() -> None:
    calendar = WorkingCalendar(
        overrides={D("2026-10-12"): DayKind.HOLIDAY, D("2026-10-11"): DayKind.WORKDAY}
    )
    assert calendar.is_workday(D("2026-10-12")) is False  # a Monday made a rest day
    assert calendar.is_workday(D("2026-10-11")) is True  # a Sunday made a working day
    assert calendar.is_workday(D("2026-10-10")) is True  # the package still answers elsewhere
    assert calendar.add_workdays(D("2026-10-10"), 2) == D("2026-10-13")


def test_it_accepts_stored_strings_as_override_kinds() -> None:
    calendar = WorkingCalendar(overrides={D("2026-10-12"): "holiday"})  # type: ignore[dict-item]
    assert calendar.overrides[D("2026-10-12")] is DayKind.HOLIDAY
    assert calendar.is_workday(D("2026-10-12")) is False


def test_it_is_not_changed_by_later_edits_to_the_callers_mapping() -> None:
    overrides = {D("2026-10-12"): DayKind.HOLIDAY}
    calendar = WorkingCalendar(overrides=overrides)
    overrides[D("2026-10-13")] = DayKind.HOLIDAY
    assert calendar.is_workday(D("2026-10-13")) is True


def test_it_falls_back_to_weekends_for_an_unknown_year() -> None:
    calendar = default_calendar()
    assert calendar.is_workday(D("2031-01-01")) is True  # a Wednesday; no 元旦 data for 2031
    assert calendar.is_workday(D("2031-01-04")) is False  # a Saturday
    assert calendar.is_confirmed(2031) is False
    assert calendar.is_confirmed(2026) is True
    assert calendar.is_confirmed(2016) is True


def test_it_lists_the_unconfirmed_years_a_computation_touches() -> None:
    calendar = default_calendar()
    due = calendar.add_workdays(D("2030-12-20"), 20)
    # Plain weekdays: 12-23..12-27 (5), 12-30, 12-31 (7), 2031-01-01..01-03 (10),
    # 01-06..01-10 (15), 01-13..01-17 (20).
    assert due == D("2031-01-17")
    assert calendar.unconfirmed_years(D("2030-12-20"), due) == [2030, 2031]
    assert calendar.unconfirmed_years(D("2026-09-28"), D("2026-10-30")) == []


def test_it_confirms_a_year_the_caller_vouches_for() -> None:
    calendar = WorkingCalendar(
        overrides={D("2031-01-01"): DayKind.HOLIDAY}, confirmed_years=frozenset({2031})
    )
    assert calendar.is_confirmed(2031) is True
    assert calendar.is_workday(D("2031-01-01")) is False
    assert calendar.unconfirmed_years(D("2031-01-01"), D("2031-02-01")) == []


def test_it_merges_overrides_with_the_newer_ones_winning() -> None:
    base = WorkingCalendar(overrides={D("2031-02-01"): DayKind.WORKDAY})
    merged = base.merged(
        overrides={D("2031-02-01"): DayKind.HOLIDAY, D("2031-01-01"): DayKind.HOLIDAY},
        confirmed_years={2031},
        holiday_names={D("2031-01-01"): "元旦"},
    )
    assert merged.is_workday(D("2031-02-01")) is False
    assert merged.holiday_name(D("2031-01-01")) == "元旦"
    assert merged.is_confirmed(2031) is True
    assert base.is_confirmed(2031) is False  # the original is untouched


def test_it_ignores_the_package_when_asked() -> None:
    calendar = WorkingCalendar(use_package=False)
    assert calendar.is_workday(D("2026-10-01")) is True  # a Thursday, with no schedule
    assert calendar.is_workday(D("2026-10-10")) is False  # a Saturday
    assert calendar.is_confirmed(2026) is False
    assert calendar.holiday_name(D("2026-10-03")) is None


@pytest.fixture
def without_chinesecalendar(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    caches = (
        calendar_module._package,
        calendar_module.package_covers,
        calendar_module._package_workdays,
    )
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)  # makes the import fail
    yield
    monkeypatch.undo()
    for cache in caches:
        cache.cache_clear()


@pytest.mark.usefixtures("without_chinesecalendar")
def test_it_still_answers_without_the_package() -> None:
    calendar = WorkingCalendar()
    assert calendar.is_workday(D("2026-10-01")) is True
    assert calendar.is_confirmed(2026) is False
    assert calendar.add_workdays(D("2026-09-28"), 20) == D("2026-10-26")


# --- explanations ---------------------------------------------------------------------------


def test_it_explains_the_holidays_skipped() -> None:
    explanation = default_calendar().explain_add(D("2026-09-25"), 20)
    assert explanation.result == D("2026-10-29")
    assert explanation.skipped == (
        HolidaySpan("中秋节", D("2026-09-26"), D("2026-09-27")),  # 09-25 itself is not counted
        HolidaySpan("国庆节", D("2026-10-01"), D("2026-10-07")),
    )
    assert explanation.makeup_days == (D("2026-10-10"),)
    assert explanation.describe() == [
        "自2026-09-25次日起算（当日不计入），第20个工作日为2026-10-29",
        "跳过中秋节假期 09-26至09-27",
        "跳过国庆节假期 10-01至10-07",
        "10-10（周六）调休上班，计为工作日",
    ]


def test_it_names_a_merged_break_after_both_holidays() -> None:
    spans = default_calendar().holiday_spans(D("2025-09-30"), D("2025-10-09"))
    assert spans == [HolidaySpan("国庆节、中秋节", D("2025-10-01"), D("2025-10-08"))]


def test_it_joins_a_holiday_to_its_weekend() -> None:
    # 2024 端午节: Monday 06-10 放假, 与周末连休.
    spans = default_calendar().holiday_spans(D("2024-06-07"), D("2024-06-11"))
    assert spans == [HolidaySpan("端午节", D("2024-06-08"), D("2024-06-10"))]
    assert spans[0].days == 3


def test_it_says_when_an_explanation_is_provisional() -> None:
    explanation = default_calendar().explain_add(D("2030-12-20"), 20)
    assert explanation.unconfirmed_years == (2030, 2031)
    assert "2031年放假安排尚未确认，按周一至周五计算，结果为暂定" in explanation.describe()


# --- properties -----------------------------------------------------------------------------

days_2015_to_2028 = st.dates(min_value=D("2015-01-01"), max_value=D("2028-12-31"))


@given(start=days_2015_to_2028, n=st.integers(min_value=0, max_value=60))
def test_it_inverts_add_with_between(start: date, n: int) -> None:
    due = add_workdays(start, n)
    assert workdays_between(start, due) == n
    assert due == _slow_add(start, n)
    assert n == 0 or is_workday(due)


@given(first=days_2015_to_2028, second=days_2015_to_2028, third=days_2015_to_2028)
def test_it_adds_up_consecutive_periods(first: date, second: date, third: date) -> None:
    a, b, c = sorted((first, second, third))
    assert workdays_between(a, c) == workdays_between(a, b) + workdays_between(b, c)


@given(
    overrides=st.dictionaries(
        st.dates(min_value=D("2030-11-01"), max_value=D("2031-03-31")),
        st.sampled_from(DayKind),
        max_size=40,
    ),
    start=st.dates(min_value=D("2030-11-01"), max_value=D("2031-01-31")),
    n=st.integers(min_value=0, max_value=40),
)
def test_it_counts_overrides_like_a_day_by_day_walk(
    overrides: dict[date, DayKind], start: date, n: int
) -> None:
    calendar = WorkingCalendar(overrides=overrides, use_package=False)

    def works(day: date) -> bool:
        kind = overrides.get(day)
        return day.weekday() < 5 if kind is None else kind is DayKind.WORKDAY

    due = calendar.add_workdays(start, n)
    assert calendar.workdays_between(start, due) == n
    walked = sum(works(start + timedelta(days=k)) for k in range(1, (due - start).days + 1))
    assert walked == n


@given(end=days_2015_to_2028, n=st.integers(min_value=0, max_value=60))
def test_it_counts_back_like_it_counts_forward(end: date, n: int) -> None:
    start = default_calendar().sub_workdays(end, n)
    assert workdays_between(start, end) == n
    assert n == 0 or is_workday(start)
    if is_workday(end):
        assert add_workdays(start, n) == end


@given(start=days_2015_to_2028, n=st.integers(min_value=0, max_value=60))
def test_it_returns_to_a_working_start_after_adding_and_subtracting(start: date, n: int) -> None:
    if is_workday(start) or n == 0:
        assert default_calendar().sub_workdays(add_workdays(start, n), n) == start


def test_it_counts_back_over_the_2026_golden_week() -> None:
    calendar = default_calendar()
    assert calendar.sub_workdays(D("2026-10-08"), 1) == D("2026-09-30")
    assert calendar.sub_workdays(D("2026-10-12"), 1) == D("2026-10-10")  # the 调休 Saturday
    assert calendar.sub_workdays(D("2026-10-12"), 5) == D("2026-09-29")
    assert calendar.sub_workdays(D("2026-10-04"), 0) == D("2026-10-04")
    assert calendar.sub_workdays(D("2026-01-05"), 3) == D("2025-12-30")  # 12-31, 01-04, 01-05


def test_it_refuses_to_count_back_a_negative_number_or_out_of_range() -> None:
    with pytest.raises(CalendarError, match="不能为负数"):
        default_calendar().sub_workdays(D("2026-10-12"), -1)
    with pytest.raises(CalendarError, match="超出可计算的日期范围"):
        WorkingCalendar(use_package=False).sub_workdays(date(1, 1, 10), 20)
