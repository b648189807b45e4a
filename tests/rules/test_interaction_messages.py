"""The reply clock of public messages, its reminders and escalation, and the 3-month veto
(DOMAIN.md section 5).

Pinned cases counted by hand from the State Council notice for 2026: 国庆 10-01..10-07 off,
09-20 (Sun) and 10-10 (Sat) worked.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.calendar import DayKind, WorkingCalendar, default_calendar
from gongkai.rules.interaction import (
    ClockEvent,
    EventKind,
    MessageError,
    MessageKind,
    MessageLimits,
    MessageState,
    add_months,
    kind_from_text,
    limits_from_mapping,
    message_clock,
    over_three_months,
    parse_limits,
    read_clock,
    veto_deadline,
    vetoed,
)

D = date.fromisoformat
CAL = default_calendar()
CONSULT = MessageKind.CONSULT


def transfer(on: str, restart: bool = False) -> ClockEvent:
    return ClockEvent(EventKind.TRANSFERRED, D(on), restart)


def reply(on: str) -> ClockEvent:
    return ClockEvent(EventKind.REPLIED, D(on))


def reopen(on: str) -> ClockEvent:
    return ClockEvent(EventKind.REOPENED, D(on))


# --- the reply period -----------------------------------------------------------------------------


def test_it_gives_a_consultation_received_before_national_day_its_fifth_working_day():
    # Received Wednesday 2026-09-30 in the evening; the day of receipt is not counted whatever the hour.
    # 10-01..10-07 国庆 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休上班 (3), 10-11 Sun off,
    # 10-12 Mon (4), 10-13 Tue (5).
    clock = message_clock(CONSULT, D("2026-09-30"), (), CAL)
    assert clock.due_on == D("2026-10-13")
    assert clock.workdays == 5


def test_it_gives_the_other_kinds_ten_working_days_by_default():
    # From 2026-09-30: ... 10-13 (5), 10-14 (6), 10-15 (7), 10-16 (8), 10-19 Mon (9), 10-20 (10).
    for kind in (MessageKind.SUGGEST, MessageKind.COMPLAIN, MessageKind.HELP, MessageKind.OTHER):
        assert message_clock(kind, D("2026-09-30"), (), CAL).due_on == D("2026-10-20")


def test_it_uses_the_jurisdictions_own_limit_per_kind():
    limits = MessageLimits(consult=3, complain=15)
    assert message_clock(CONSULT, D("2026-09-30"), (), CAL, limits).due_on == D("2026-10-10")
    assert message_clock(MessageKind.COMPLAIN, D("2026-09-30"), (), CAL, limits).due_on == CAL.add_workdays(
        D("2026-09-30"), 15)
    assert message_clock(MessageKind.SUGGEST, D("2026-09-30"), (), CAL, limits).due_on == D("2026-10-20")


def test_it_keeps_the_clock_running_through_transfers():
    # Sent on by the first unit and back by the second: the public waits no longer for it.
    clock = message_clock(CONSULT, D("2026-09-30"), [transfer("2026-10-08"), transfer("2026-10-09")], CAL)
    assert clock.due_on == D("2026-10-13")
    assert len(clock.rounds) == 1
    assert "连续计算" in clock.steps[1]


def test_it_restarts_the_period_only_when_the_office_decides_so():
    # Restarted on Friday 10-09: 10-10 Sat (1), 10-12 (2), 10-13 (3), 10-14 (4), 10-15 (5).
    clock = message_clock(CONSULT, D("2026-09-30"), [transfer("2026-10-09", restart=True)], CAL)
    assert clock.due_on == D("2026-10-15")
    assert clock.current.started_on == D("2026-10-09")


def test_it_judges_a_reply_on_the_due_day_on_time_and_the_day_after_late():
    assert not message_clock(CONSULT, D("2026-09-30"), [reply("2026-10-13")], CAL).late
    assert message_clock(CONSULT, D("2026-09-30"), [reply("2026-10-14")], CAL).late


def test_it_reopens_once_on_an_unsatisfied_rating_with_a_new_period():
    clock = message_clock(CONSULT, D("2026-09-30"), [reply("2026-10-12"), reopen("2026-10-14")], CAL)
    assert clock.is_open and clock.reopened
    assert clock.due_on == CAL.add_workdays(D("2026-10-14"), 5)
    assert clock.first_replied_on == D("2026-10-12")
    with pytest.raises(MessageError, match="只能重新打开留言一次"):
        message_clock(CONSULT, D("2026-09-30"),
                      [reply("2026-10-12"), reopen("2026-10-14"), reply("2026-10-15"), reopen("2026-10-16")], CAL)


@pytest.mark.parametrize("events, message", [
    ([reopen("2026-10-08")], "尚未答复"),
    ([reply("2026-10-08"), reply("2026-10-09")], "不能再次答复"),
    ([reply("2026-10-08"), transfer("2026-10-09")], "不能再转办"),
    ([reply("2026-09-29")], "早于前一项"),
    ([transfer("2026-10-09"), reply("2026-10-08")], "早于前一项"),
])
def test_it_refuses_events_that_describe_no_real_message(events, message):
    with pytest.raises(MessageError, match=message):
        message_clock(CONSULT, D("2026-09-30"), events, CAL)


# --- reminders and escalation -------------------------------------------------------------------


def test_it_reminds_two_working_days_before_and_escalates_the_working_day_after():
    clock = message_clock(CONSULT, D("2026-09-30"), (), CAL)
    # Due Tue 10-13: two working days up to it are 10-12 and 10-13, so the reminder is on 10-10 (Sat,
    # 调休上班); the first working day after 10-13 is 10-14.
    assert read_clock(clock, D("2026-10-09"), CAL).state is MessageState.RUNNING
    reading = read_clock(clock, D("2026-10-10"), CAL)
    assert reading.state is MessageState.DUE_SOON and reading.reminder_days == (D("2026-10-10"),)
    assert reading.workdays_left == 2
    assert read_clock(clock, D("2026-10-13"), CAL).state is MessageState.DUE_TODAY
    assert read_clock(clock, D("2026-10-13"), CAL).escalate_on == D("2026-10-14")
    assert read_clock(clock, D("2026-10-14"), CAL).state is MessageState.ESCALATED


def test_it_is_overdue_before_escalation_when_the_office_allows_more_days():
    limits = MessageLimits(escalate_after=2)
    clock = message_clock(CONSULT, D("2026-09-30"), (), CAL, limits)
    assert read_clock(clock, D("2026-10-14"), CAL, limits).state is MessageState.OVERDUE
    assert read_clock(clock, D("2026-10-15"), CAL, limits).state is MessageState.ESCALATED


def test_it_drops_a_reminder_that_would_fall_before_the_period_starts():
    limits = MessageLimits(consult=1, remind_before=(3, 1))
    clock = message_clock(CONSULT, D("2026-10-12"), (), CAL, limits)
    assert read_clock(clock, D("2026-10-12"), CAL, limits).reminder_days == ()


def test_it_reads_replies_as_replied_whatever_the_day():
    on_time = message_clock(CONSULT, D("2026-09-30"), [reply("2026-10-13")], CAL)
    late = message_clock(CONSULT, D("2026-09-30"), [reply("2026-10-20")], CAL)
    assert read_clock(on_time, D("2027-01-01"), CAL).state is MessageState.REPLIED
    assert read_clock(late, D("2026-10-20"), CAL).state is MessageState.REPLIED_LATE


# --- limits from configuration -------------------------------------------------------------------


def test_it_parses_limits_by_kind_label_or_name():
    limits = parse_limits("咨询=3, complain=15, remind_before=3+1, escalate_after=2")
    assert (limits.consult, limits.complain, limits.suggest) == (3, 15, 10)
    assert limits.remind_before == (3, 1) and limits.escalate_after == 2
    assert parse_limits("") == MessageLimits()


@pytest.mark.parametrize("text, message", [
    ("咨询=0", "1 至 60"),
    ("投诉=61", "1 至 60"),
    ("咨询=五", "名称=工作日数"),
    ("留言=5", "未知的期限设置"),
    ("remind_before=0", "提前提醒"),
])
def test_it_refuses_limits_with_a_reason(text, message):
    with pytest.raises(MessageError, match=message):
        parse_limits(text)


def test_it_refuses_unknown_settings_names():
    with pytest.raises(MessageError, match="未知的期限设置"):
        limits_from_mapping({"reply": 5})
    assert limits_from_mapping({"consult": 7}).consult == 7


def test_it_reads_kinds_by_label_or_value():
    assert kind_from_text("投诉") is MessageKind.COMPLAIN
    assert kind_from_text("help") is MessageKind.HELP
    with pytest.raises(MessageError, match="咨询、建议、投诉、求助、其他"):
        kind_from_text("表扬")


# --- the 3-month veto ----------------------------------------------------------------------------


def test_it_counts_three_calendar_months_to_the_month_end():
    assert veto_deadline(D("2026-01-15")) == D("2026-04-15")
    assert veto_deadline(D("2025-11-30")) == D("2026-02-28")
    assert veto_deadline(D("2027-11-30")) == D("2028-02-29")
    assert add_months(D("2026-03-31"), -12) == D("2025-03-31")


def test_it_vetoes_a_consultation_unanswered_past_three_months():
    assert not over_three_months(CONSULT, D("2026-01-15"), None, D("2026-04-15"))
    assert over_three_months(CONSULT, D("2026-01-15"), None, D("2026-04-16"))
    # Answered only after the deadline: the check of the year still finds it.
    assert over_three_months(CONSULT, D("2026-01-15"), D("2026-05-01"), D("2026-06-01"))
    # Answered in time; a reply dated after the check day is not yet known on it.
    assert not over_three_months(CONSULT, D("2026-01-15"), D("2026-04-15"), D("2026-12-01"))
    assert over_three_months(CONSULT, D("2026-01-15"), D("2026-09-01"), D("2026-06-01"))


def test_it_vetoes_only_consultations():
    for kind in (MessageKind.SUGGEST, MessageKind.COMPLAIN, MessageKind.HELP, MessageKind.OTHER):
        assert not over_three_months(kind, D("2025-01-15"), None, D("2026-06-01"))


def test_it_looks_for_the_veto_in_the_year_before_the_check():
    messages = [
        (CONSULT, D("2025-06-01"), None),  # outside the window: received more than a year before
        (CONSULT, D("2025-06-02"), None),  # inside, unanswered for a year
        (CONSULT, D("2026-03-01"), None),  # inside, not yet 3 months old
        (MessageKind.COMPLAIN, D("2025-09-01"), None),
    ]
    assert vetoed(messages, D("2026-06-01")) == 1


# --- properties against a slow reference ---------------------------------------------------------


def _slow_nth_workday(calendar: WorkingCalendar, start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += calendar.is_workday(day)
    return day


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    days = draw(st.dictionaries(
        st.dates(date(2026, 9, 1), date(2027, 3, 31)), st.sampled_from(list(DayKind)), max_size=30))
    return WorkingCalendar(overrides=days, use_package=draw(st.booleans()))


@settings(max_examples=150, deadline=None)
@given(
    calendar=calendars(),
    received=st.dates(date(2026, 9, 1), date(2026, 12, 31)),
    kind=st.sampled_from(list(MessageKind)),
    transfers=st.lists(st.tuples(st.integers(0, 20), st.booleans()), max_size=4),
)
def test_it_matches_counting_day_by_day_from_the_last_restart(calendar, received, kind, transfers):
    events, day, start = [], received, received
    for gap, restart in transfers:
        day += timedelta(days=gap)
        events.append(ClockEvent(EventKind.TRANSFERRED, day, restart))
        if restart:
            start = day
    limits = MessageLimits()
    clock = message_clock(kind, received, events, calendar, limits)
    assert clock.due_on == _slow_nth_workday(calendar, start, limits.workdays(kind))
    assert calendar.workdays_between(clock.current.started_on, clock.due_on) == limits.workdays(kind)


@settings(max_examples=150, deadline=None)
@given(received=st.dates(date(2000, 1, 1), date(2100, 12, 31)), as_of=st.dates(date(2000, 1, 1), date(2101, 12, 31)))
def test_it_vetoes_exactly_when_more_than_three_months_passed_unanswered(received, as_of):
    # Reference: the first day that is "more than 3 months" is the day after the same date 3 months on.
    months = (as_of.year - received.year) * 12 + as_of.month - received.month
    passed = months > 3 or (months == 3 and as_of.day > received.day)
    assert over_three_months(CONSULT, received, None, as_of) == passed
