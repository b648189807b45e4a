"""The request clock as a lawyer reads DOMAIN.md 1.3 (issue 15): 补正 within 7 working days,
consultations bounded by the party's own limit, one extension per reply period, lateness judged on
the day of service, law dates neither in the future nor back-dated without a reason, and the
clock's periods configurable per jurisdiction within the 条例.

Dates by hand against the official 2026 schedule: National Day 10-01..10-07 off, Saturday 10-10 a
make-up working day; the request is filed online on Monday 09-28 (due 10-30)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.foi import services
from gongkai.foi.clock import clock_rules, request_clock
from gongkai.foi.models import EventKind, LetterKind, ServiceMethod
from gongkai.rules.calendar import default_calendar
from gongkai.rules.foiclock import ClockState, clock_state
from gongkai.rules.foioutcomes import Outcome

pytestmark = pytest.mark.django_db


def test_an_amendment_is_asked_within_seven_working_days_of_receipt(filed, clerk_a, office_admin, freeze):
    # 第三十条: 7 working days after 09-28: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13.
    freeze(date(2026, 10, 14))
    with pytest.raises(ValidationError, match="2026-10-13 届满"):
        services.request_amendment(filed, what="请写明年度", actor=clerk_a)
    with pytest.raises(ValidationError, match="公开办管理员决定"):  # a clerk cannot decide it is late
        services.request_amendment(filed, what="请写明年度", late_reason="申请人电话无法接通", actor=clerk_a)
    assert not filed.events.filter(kind=EventKind.AMENDMENT_REQUESTED).exists()
    services.request_amendment(filed, what="请写明年度", late_reason="申请人电话无法接通", actor=office_admin)
    event = filed.events.get(kind=EventKind.AMENDMENT_REQUESTED)
    assert event.data["late"] is True and event.data["late_reason"] == "申请人电话无法接通"
    assert any("已超过告知期限" in step for step in request_clock(filed).describe())  # shown as late


def test_an_amendment_on_the_seventh_working_day_is_in_time(filed, clerk_a, freeze):
    freeze(date(2026, 10, 13))
    services.request_amendment(filed, what="请写明年度", actor=clerk_a)
    assert "late" not in filed.events.get(kind=EventKind.AMENDMENT_REQUESTED).data


def test_a_consultation_never_answered_stops_pausing_after_fifteen_working_days(filed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    services.start_consultation(filed, party="示范市某建材有限公司", actor=clerk_a)
    letter = filed.letters.get(kind=LetterKind.CONSULTATION)
    # The letter reached the third party on 10-14: its 15 working days run 10-15..11-04 (see
    # tests/rules/test_foiclock.py); counted before 10-12: 5; 15 left from 11-05: 11-05, 06 (2),
    # 11-09..13 (7), 11-16..20 (12), 11-23, 24, 25 (15).
    freeze(date(2026, 10, 14))
    services.record_service(letter, method=ServiceMethod.POST, served_on=date(2026, 10, 12),
                            signed_on=date(2026, 10, 14), actor=clerk_a)
    filed.refresh_from_db()
    clock = request_clock(filed)
    assert (clock.paused_until, filed.due_on) == (date(2026, 11, 4), date(2026, 11, 25))
    calendar = default_calendar()
    assert clock_state(clock, date(2026, 11, 4), calendar) is ClockState.PAUSED
    assert clock_state(clock, date(2026, 11, 26), calendar) is ClockState.OVERDUE


def test_an_extension_of_the_first_period_lapses_when_the_amended_request_restarts_it(
    filed, clerk_a, reviewer_a, office_admin, freeze
):
    freeze(date(2026, 10, 9))
    services.request_extension(filed, workdays=20, reason="涉及多个科室", actor=clerk_a)
    services.approve_extension(filed, actor=reviewer_a)
    services.request_amendment(filed, what="请写明年度", late_reason="延期后发现申请内容不明确", actor=office_admin)
    freeze(date(2026, 10, 19))
    services.receive_amendment(filed, text="2025年度", actor=clerk_a)
    filed.refresh_from_db()
    # Restart from 10-19: 10-20..23 (4), 10-26..30 (9), 11-02..06 (14), 11-09..13 (19), 11-16 (20).
    assert filed.due_on == date(2026, 11, 16) and request_clock(filed).extension is None
    services.request_extension(filed, workdays=5, reason="补正后仍需汇总", actor=clerk_a)  # a new period
    services.approve_extension(filed, actor=reviewer_a)
    filed.refresh_from_db()
    assert filed.due_on == date(2026, 11, 23)


def test_lateness_is_judged_on_the_day_the_reply_was_served(filed, clerk_a, freeze):
    freeze(date(2026, 10, 30))
    letter = services.reply(filed, outcome=Outcome.DISCLOSED, text="见附件。", actor=clerk_a)
    filed.refresh_from_db()
    calendar = default_calendar()
    assert clock_state(request_clock(filed), date(2026, 10, 30), calendar) is ClockState.AWAITING_SERVICE
    freeze(date(2026, 11, 3))
    services.record_service(letter, method=ServiceMethod.POST, served_on=date(2026, 10, 31),
                            signed_on=date(2026, 11, 2), actor=clerk_a)
    filed.refresh_from_db()
    assert clock_state(request_clock(filed), date(2026, 11, 3), calendar) is ClockState.REPLIED_LATE


def test_a_law_date_in_the_future_is_refused_and_a_late_one_needs_a_reason(filed, clerk_a, freeze):
    freeze(date(2026, 10, 20))
    with pytest.raises(ValidationError, match="晚于今天"):
        services.start_consultation(filed, party="某公司", on=date(2026, 10, 21), actor=clerk_a)
    # 10-14 is 4 working days before 10-20 (10-15, 16, 19, 20): a late registration.
    with pytest.raises(ValidationError, match="补录理由"):
        services.start_consultation(filed, party="某公司", on=date(2026, 10, 14), actor=clerk_a)
    assert not filed.events.filter(kind=EventKind.CONSULTATION_STARTED).exists()
    services.start_consultation(filed, party="某公司", on=date(2026, 10, 14),
                                date_reason="经办人出差，回来后补录", actor=clerk_a)
    backdated = AuditEntry.objects.get(action="foi_date_backdated")
    assert backdated.after["reason"] == "经办人出差，回来后补录" and backdated.after["date"] == "2026-10-14"
    services.end_consultation(filed, filed.events.get(kind=EventKind.CONSULTATION_STARTED),
                              on=date(2026, 10, 15), date_reason="同上", actor=clerk_a)


def test_a_reply_can_point_only_to_a_record_the_public_can_open(filed, clerk_a, freeze):
    freeze(date(2026, 10, 20))
    with pytest.raises(ValidationError, match="公众可以查阅"):
        services.reply(filed, outcome=Outcome.DISCLOSED, text="已公开。", actor=clerk_a,
                       published_index_number="no-such-index")


def test_the_clock_periods_are_the_jurisdictions_within_the_statute(settings, filed):
    settings.GONGKAI_FOI_CLOCK = {"reply_workdays": 15}
    assert clock_rules().reply_workdays == 15
    # 15 working days after 09-28: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12..16, 10-19..23.
    assert request_clock(filed).due_on == date(2026, 10, 23)
    settings.GONGKAI_FOI_CLOCK = {"reply_workdays": 30}
    with pytest.raises(ImproperlyConfigured, match="reply_workdays"):
        clock_rules()
    settings.GONGKAI_FOI_CLOCK = {"reply_days": 15}
    with pytest.raises(ImproperlyConfigured, match="reply_days"):
        clock_rules()
