"""Reminders before a due date (issue #7 item 4): fired a number of *working* days ahead, on the
official schedule with its 调休 days, at most one a day and never one twice. Pure rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.calendar import WorkingCalendar, default_calendar
from gongkai.rules.schedule import (
    DEFAULT_REMINDER_WORKDAYS,
    ReminderDecision,
    decide_reminder,
    due_reminders,
    reminder_dates,
    reminder_horizon,
)

D = date.fromisoformat
CALENDAR = default_calendar()

# 2026 (《国务院办公厅关于2026年部分节假日安排的通知》): 中秋节 09-25..09-27, 国庆节 10-01..10-07,
# 调休上班 Sunday 09-20 and Saturday 10-10.


def test_it_fires_five_working_days_ahead_across_national_day() -> None:
    # Due Monday 10-12. Back from it: 10-10 (调休 Saturday), 10-09, 10-08, then over the golden week
    # to 09-30 and 09-29. Five calendar days back would be 10-07, a holiday.
    assert reminder_dates(D("2026-10-12"), (5, 1), CALENDAR) == {5: D("2026-09-29"), 1: D("2026-10-10")}


def test_it_fires_before_the_holiday_for_a_due_date_just_after_it() -> None:
    # Due Thursday 10-08, the first working day after 国庆: 09-30, 09-29, 09-28, then over 中秋
    # (Friday 09-25 and the weekend) to 09-24 and 09-23.
    assert reminder_dates(D("2026-10-08"), (5, 1), CALENDAR) == {5: D("2026-09-23"), 1: D("2026-09-30")}


def test_it_counts_back_from_the_last_working_day_when_the_due_date_is_a_holiday() -> None:
    # Due 10-03, inside 国庆: the last working day before it is 09-30.
    assert reminder_dates(D("2026-10-03"), (5, 1), CALENDAR) == {5: D("2026-09-22"), 1: D("2026-09-29")}


def test_it_fires_on_a_makeup_sunday() -> None:
    # Due Wednesday 09-23: 09-22, 09-21, then Sunday 09-20 is a 调休 working day.
    assert reminder_dates(D("2026-09-23"), (3,), CALENDAR) == {3: D("2026-09-20")}


def test_it_lists_the_offsets_largest_first_without_repeats() -> None:
    assert list(reminder_dates(D("2026-10-12"), (1, 5, 1), CALENDAR)) == [5, 1]


def test_it_defaults_to_five_and_one_working_days() -> None:
    assert DEFAULT_REMINDER_WORKDAYS == (5, 1)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-09-28", ()),  # six working days before: too early
        ("2026-09-29", (5,)),
        ("2026-10-05", (5,)),  # in the golden week, the 1-day one has not fired yet
        ("2026-10-10", (1, 5)),  # the 调休 Saturday: nearest first
        ("2026-10-12", (1, 5)),  # the due day itself
        ("2026-10-13", ()),  # past due: overdue, not a reminder
    ],
)
def test_it_says_which_reminders_have_fired(today: str, expected: tuple[int, ...]) -> None:
    assert due_reminders(D("2026-10-12"), (5, 1), D(today), CALENDAR) == expected


def test_it_sends_the_five_day_reminder_on_its_day() -> None:
    decision = decide_reminder(D("2026-10-12"), (5, 1), set(), D("2026-09-29"), CALENDAR)
    assert decision == ReminderDecision(send=5, log=(5,))


def test_it_sends_nothing_again_once_logged() -> None:
    assert decide_reminder(D("2026-10-12"), (5, 1), {5}, D("2026-09-30"), CALENDAR) == ReminderDecision(None, ())
    assert decide_reminder(D("2026-10-12"), (5, 1), {5, 1}, D("2026-10-12"), CALENDAR) == ReminderDecision(None, ())


def test_it_sends_only_the_nearest_when_the_worker_missed_one() -> None:
    decision = decide_reminder(D("2026-10-12"), (5, 1), set(), D("2026-10-10"), CALENDAR)
    assert decision == ReminderDecision(send=1, log=(1, 5))


def test_it_records_a_superseded_offset_without_sending_it() -> None:
    # The office added the 5-day reminder after the 1-day one went out.
    decision = decide_reminder(D("2026-10-12"), (5, 1), {1}, D("2026-10-11"), CALENDAR)
    assert decision == ReminderDecision(send=None, log=(5,))


def test_it_sends_nothing_without_offsets() -> None:
    assert decide_reminder(D("2026-10-12"), (), set(), D("2026-10-12"), CALENDAR) == ReminderDecision(None, ())


def test_it_looks_ahead_to_the_last_due_date_a_reminder_can_concern() -> None:
    # On 09-29 the 5-day reminder concerns due dates at most 5 working days ahead: 09-30, 10-08,
    # 10-09, 10-10 (调休) and 10-12; the 6th, 10-13, is too far.
    assert reminder_horizon(D("2026-09-29"), (5, 1), CALENDAR) == D("2026-10-12")
    # From 09-30, one working day ahead reaches over the whole golden week to 10-08.
    assert reminder_horizon(D("2026-09-30"), (1,), CALENDAR) == D("2026-10-08")


def test_it_uses_the_calendar_it_is_given() -> None:
    plain = WorkingCalendar(use_package=False)  # no holidays: 10-07 is a plain Wednesday
    assert reminder_dates(D("2026-10-12"), (5,), plain) == {5: D("2026-10-05")}


# --- properties -----------------------------------------------------------------------------

days = st.dates(min_value=D("2016-01-01"), max_value=D("2027-12-31"))
offsets = st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=4)


@given(due_on=days, offsets=offsets)
def test_it_fires_each_reminder_on_a_working_day_n_working_days_ahead(due_on: date, offsets: list[int]) -> None:
    for n, fires_on in reminder_dates(due_on, offsets, CALENDAR).items():
        assert CALENDAR.is_workday(fires_on)
        assert CALENDAR.workdays_between(fires_on, due_on) == n


@given(today=days, due_on=days, offsets=offsets)
def test_it_fires_exactly_when_at_most_n_working_days_remain(
    today: date, due_on: date, offsets: list[int]
) -> None:
    fired = set(due_reminders(due_on, offsets, today, CALENDAR))
    remaining = CALENDAR.workdays_between(today, due_on)
    assert fired == {n for n in offsets if today <= due_on and remaining <= n}


@given(today=days, offsets=offsets, ahead=st.integers(min_value=0, max_value=80))
def test_it_never_misses_a_due_date_beyond_the_horizon(today: date, offsets: list[int], ahead: int) -> None:
    due_on = today + timedelta(days=ahead)
    horizon = reminder_horizon(today, offsets, CALENDAR)
    assert bool(due_reminders(due_on, offsets, today, CALENDAR)) == (due_on <= horizon)


@given(today=days, due_on=days, offsets=offsets, logged=st.sets(st.integers(min_value=1, max_value=30)))
def test_it_sends_at_most_the_nearest_and_never_a_logged_one(
    today: date, due_on: date, offsets: list[int], logged: set[int]
) -> None:
    decision = decide_reminder(due_on, offsets, logged, today, CALENDAR)
    fired = due_reminders(due_on, offsets, today, CALENDAR)
    assert not set(decision.log) & logged
    assert set(decision.log) | (logged & set(fired)) == set(fired)
    if decision.send is not None:
        assert decision.send == fired[0] and decision.send in decision.log
