"""The clock-hour marks of incidents of public concern (DOMAIN.md section 5: 5 h / 24 h / 48 h),
and the answer of `gongkai interaction due` (CONTRACTS.md section 9)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.calendar import default_calendar
from gongkai.rules.interaction import (
    IncidentLevel,
    MarkState,
    MessageError,
    due_answer,
    format_remaining,
    marks_for,
)

T = datetime.fromisoformat
CAL = default_calendar()


def test_it_puts_the_five_hour_mark_of_an_incident_logged_at_22_00_at_03_00_the_next_day():
    # Clock hours, not working hours: 22:00 + 5 h is 03:00 on the (National Day holiday) morning.
    authoritative, conference = marks_for(IncidentLevel.MAJOR, T("2026-09-30T22:00"))
    assert (authoritative.mark.what, authoritative.due_at) == ("发布权威信息", T("2026-10-01T03:00"))
    assert (conference.mark.what, conference.due_at) == ("新闻发布会", T("2026-10-01T22:00"))


def test_it_counts_the_24_hour_mark_from_learning_of_it_not_from_the_5_hour_mark():
    _, conference = marks_for(IncidentLevel.MAJOR, T("2026-10-03T08:15"), {"authoritative": T("2026-10-03T12:00")})
    assert conference.due_at == T("2026-10-04T08:15")


def test_it_gives_other_incidents_48_hours_through_a_weekend():
    (response,) = marks_for(IncidentLevel.GENERAL, T("2026-10-09T17:30"))  # a Friday
    assert (response.mark.what, response.due_at) == ("回应", T("2026-10-11T17:30"))


def test_it_reads_each_mark_as_pending_due_soon_overdue_or_met():
    learned = T("2026-10-09T10:00")
    (mark,) = marks_for(IncidentLevel.GENERAL, learned)
    assert mark.state(learned + timedelta(hours=30)) is MarkState.PENDING
    assert mark.state(learned + timedelta(hours=37)) is MarkState.DUE_SOON  # 11 h of 48 left
    assert mark.state(learned + timedelta(hours=48, minutes=1)) is MarkState.OVERDUE
    (met,) = marks_for(IncidentLevel.GENERAL, learned, {"response": learned + timedelta(hours=48)})
    (late,) = marks_for(IncidentLevel.GENERAL, learned, {"response": learned + timedelta(hours=49)})
    assert met.state(learned + timedelta(days=9)) is MarkState.MET and not met.late
    assert late.state(learned) is MarkState.MET_LATE and late.late


def test_it_shows_the_countdown_to_the_minute():
    (mark,) = marks_for(IncidentLevel.GENERAL, T("2026-10-09T10:00"))
    assert format_remaining(mark.remaining(T("2026-10-11T06:55"))) == "剩余 3小时05分"
    assert format_remaining(mark.remaining(T("2026-10-11T11:20"))) == "已超时 1小时20分"


@settings(max_examples=200, deadline=None)
@given(learned=st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)), level=st.sampled_from(list(IncidentLevel)))
def test_it_adds_exact_clock_hours_whatever_the_day(learned, level):
    for mark in marks_for(level, learned):
        assert mark.due_at - learned == timedelta(hours=mark.mark.hours)


# --- gongkai interaction due ---------------------------------------------------------------------


def test_it_answers_a_message_kind_with_its_reply_day():
    assert due_answer("咨询", T("2026-09-30T20:30"), CAL) == {
        "kind": "咨询", "at": "2026-09-30T20:30", "due": [{"what": "答复", "due": "2026-10-13"}],
    }
    assert due_answer("投诉", T("2026-09-30T20:30"), CAL)["due"] == [{"what": "答复", "due": "2026-10-20"}]


def test_it_answers_an_incident_with_its_clock_hour_marks():
    assert due_answer("舆情-重大", T("2026-09-30T22:00"), CAL)["due"] == [
        {"what": "发布权威信息", "due": "2026-10-01T03:00"}, {"what": "新闻发布会", "due": "2026-10-01T22:00"},
    ]
    assert due_answer("舆情-一般", T("2026-09-30T22:00"), CAL)["due"] == [{"what": "回应", "due": "2026-10-02T22:00"}]


def test_it_names_the_kinds_it_knows_when_given_another():
    with pytest.raises(MessageError, match="舆情-重大"):
        due_answer("舆情", T("2026-09-30T22:00"), CAL)
