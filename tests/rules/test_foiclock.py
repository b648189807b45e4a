"""The reply clock of a disclosure request (《政府信息公开条例》第三十条至第三十三条, DOMAIN.md 1.3).

Pinned cases are counted by hand in the comments, day by day, from the State Council notices:
2025 国庆+中秋 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked;
2026 春节 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) worked;
2026 国庆 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.calendar import DayKind, WorkingCalendar, default_calendar
from gongkai.rules.foiclock import (
    Amendment,
    Channel,
    Clock,
    ClockError,
    ClockRules,
    ClockState,
    Extension,
    FeeNotice,
    Pause,
    PauseKind,
    RequestEvents,
    Stage,
    clock_state,
    compute_clock,
    receipt_date,
    third_party_reply_due,
    workdays_left,
)
from gongkai.rules.foioutcomes import Outcome

D = date.fromisoformat
CAL = default_calendar()  # chinesecalendar's official schedules, as `gongkai foi due` falls back to
HEAD = "公开办王主任"


def clock(received: str | None, rules: ClockRules | None = None, **events: object) -> Clock:
    return compute_clock(
        RequestEvents(D(received) if received else None, **events),  # type: ignore[arg-type]
        CAL,
        rules,
    )


def third_party(first: str, last: str | None = None) -> Pause:
    return Pause(PauseKind.THIRD_PARTY, D(first), D(last) if last else None)


# --- pinned due dates (第三十三条第二款: the 20th working day after receipt) ---------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Friday before National Day 2025: 09-27 Sat off; 09-28 Sun worked (1); 09-29 (2); 09-30 (3);
        # 10-01..10-08 off; 10-09 (4); 10-10 (5); 10-11 Sat worked (6); 10-13..17 (7–11);
        # 10-20..24 (12–16); 10-27 (17), 10-28 (18), 10-29 (19), 10-30 (20).
        ("2025-09-26", "2025-10-30"),
        # The make-up Sunday 2025-09-28 itself: 09-29 (1); 09-30 (2); 10-09 (3); 10-10 (4);
        # 10-11 Sat (5); 10-13..17 (6–10); 10-20..24 (11–15); 10-27..31 (16–20).
        ("2025-09-28", "2025-10-31"),
        # Last working day before National Day 2025: 10-09 (1); 10-10 (2); 10-11 Sat (3);
        # 10-13..17 (4–8); 10-20..24 (9–13); 10-27..31 (14–18); 11-03 (19); 11-04 (20).
        ("2025-09-30", "2025-11-04"),
        # Monday before National Day 2026: 09-29 (1); 09-30 (2); 10-01..10-07 off; 10-08 (3);
        # 10-09 (4); 10-10 Sat worked (5); 10-12..16 (6–10); 10-19..23 (11–15); 10-26..30 (16–20).
        ("2026-09-28", "2026-10-30"),
        # Wednesday 2026-09-30: 10-08 (1); 10-09 (2); 10-10 Sat (3); 10-12..16 (4–8);
        # 10-19..23 (9–13); 10-26..30 (14–18); 11-02 (19); 11-03 (20).
        ("2026-09-30", "2026-11-03"),
        # The make-up Saturday 2026-10-10: 10-12..16 (1–5); 10-19..23 (6–10); 10-26..30 (11–15);
        # 11-02..06 (16–20).
        ("2026-10-10", "2026-11-06"),
        # Friday before the Spring Festival 2026: 02-14 Sat worked (1); 02-15..02-23 off;
        # 02-24..27 (2–5); 02-28 Sat worked (6); 03-02..06 (7–11); 03-09..13 (12–16);
        # 03-16 (17), 03-17 (18), 03-18 (19), 03-19 (20).
        ("2026-02-13", "2026-03-19"),
        # The make-up Saturday 2026-02-14: 02-24..27 (1–4); 02-28 Sat (5); 03-02..06 (6–10);
        # 03-09..13 (11–15); 03-16..20 (16–20).
        ("2026-02-14", "2026-03-20"),
        # During the Spring Festival, 2026-02-17 (正月初一, an online request confirmed that day):
        # 02-18..02-23 off; 02-24..27 (1–4); 02-28 Sat (5); 03-02..06 (6–10); 03-09..13 (11–15);
        # 03-16..20 (16–20).
        ("2026-02-17", "2026-03-20"),
    ],
)
def test_it_pins_due_dates_around_the_long_holidays(received, due):
    result = clock(received)
    assert result.due_on == D(due)
    assert result.normal_due_on == D(due)
    assert result.stage is Stage.RUNNING
    assert result.counted_workdays == 20 and result.excluded_workdays == 0
    assert not result.provisional


def test_it_explains_national_day_2026_in_one_line():
    assert clock("2026-09-28").describe() == [
        "收到 2026-09-28（当天不计入）→ 第20个工作日 2026-10-30，其中跳过国庆节假期 10-01至10-07；"
        "10-10（周六）调休上班，计为工作日"
    ]


def test_it_explains_national_day_2025_with_both_make_up_days():
    (line,) = clock("2025-09-26").describe()
    assert line.startswith("收到 2025-09-26（当天不计入）→ 第20个工作日 2025-10-30，其中")
    assert "跳过国庆节、中秋节假期 10-01至10-08" in line
    assert "09-28（周日）调休上班，计为工作日" in line
    assert "10-11（周六）调休上班，计为工作日" in line


def test_it_explains_the_spring_festival_2026():
    (line,) = clock("2026-02-13").describe()
    assert "跳过春节假期 02-15至02-23" in line
    assert "02-14（周六）调休上班" in line and "02-28（周六）调休上班" in line


def test_it_says_when_the_result_is_provisional():
    # 2027 has no confirmed schedule in this calendar: weekends only, and the answer says so.
    calendar = WorkingCalendar(use_package=False, confirmed_years=frozenset({2026}))
    result = compute_clock(RequestEvents(D("2026-12-20")), calendar)
    # 12-21..25 (1–5); 12-28..31 (6–9); 2027-01-01 Fri (10, no holiday known); 01-04..08 (11–15);
    # 01-11..15 (16–20).
    assert result.due_on == D("2027-01-15")
    assert result.unconfirmed_years == (2027,) and result.provisional
    assert result.describe()[-1] == "2027年放假安排尚未确认，按周一至周五计算，结果为暂定"


# --- 第三十一条: the receipt day per channel -----------------------------------------------------


def test_it_takes_the_day_handed_in_for_in_person_requests():
    receipt = receipt_date(Channel.IN_PERSON, arrived_on=D("2026-09-28"))
    assert receipt.received_on == D("2026-09-28") and receipt.confirmed
    assert "第三十一条第（一）项" in receipt.describe()


def test_it_takes_the_day_signed_for_for_registered_mail():
    receipt = receipt_date(Channel.SIGNED_MAIL, arrived_on=D("2026-09-28"), signed_on=D("2026-09-29"))
    assert receipt.received_on == D("2026-09-29")
    assert receipt_date(Channel.SIGNED_MAIL, arrived_on=D("2026-09-28")).received_on == D("2026-09-28")


def test_it_waits_for_confirmation_of_a_plain_letter():
    unreached = receipt_date(Channel.PLAIN_LETTER, arrived_on=D("2026-09-28"))
    assert unreached.received_on is None and not unreached.confirmed
    assert "暂不起算" in unreached.describe()
    reached = receipt_date(Channel.PLAIN_LETTER, arrived_on=D("2026-09-28"), confirmed_on=D("2026-10-08"))
    assert reached.received_on == D("2026-10-08")


@pytest.mark.parametrize("channel", [Channel.FAX, Channel.EMAIL])
def test_it_counts_fax_and_email_from_mutual_confirmation(channel):
    assert receipt_date(channel, arrived_on=D("2026-09-28")).received_on is None
    confirmed = receipt_date(channel, arrived_on=D("2026-09-28"), confirmed_on=D("2026-09-29"))
    assert confirmed.received_on == D("2026-09-29")
    assert "第三十一条第（三）项" in confirmed.rule


def test_it_counts_our_online_form_from_submission():
    assert receipt_date(Channel.ONLINE, arrived_on=D("2026-02-17")).received_on == D("2026-02-17")


def test_it_refuses_a_confirmation_before_arrival():
    with pytest.raises(ClockError, match="早于申请到达之日"):
        receipt_date(Channel.EMAIL, arrived_on=D("2026-09-28"), confirmed_on=D("2026-09-27"))


def test_it_does_not_start_the_clock_without_a_receipt_day():
    result = clock(None)
    assert result.stage is Stage.NOT_STARTED and result.due_on is None
    assert clock_state(result, D("2026-12-31"), CAL) is ClockState.NOT_STARTED
    assert "暂不起算" in result.describe()[0]
    with pytest.raises(ClockError):
        clock(None, pauses=(third_party("2026-10-14", "2026-10-20"),))


# --- 第三十条: 补正 -------------------------------------------------------------------------------


def test_it_restarts_the_full_period_from_the_amended_request():
    result = clock(
        "2026-09-28",
        amendments=(Amendment(notice_sent_on=D("2026-09-30"), amended_on=D("2026-10-12")),),
    )
    # Amended request received Monday 10-12: 10-13..16 (1–4); 10-19..23 (5–9); 10-26..30 (10–14);
    # 11-02..06 (15–19); 11-09 (20).
    assert result.due_on == D("2026-11-09")
    assert result.started_on == D("2026-10-12")
    (check,) = result.amendments
    # The notice was due by the 7th working day after 09-28: 09-29, 09-30, 10-08, 10-09,
    # 10-10 (Sat), 10-12, 10-13.
    assert check.notice_due_on == D("2026-10-13") and not check.notice_late
    steps = result.describe()
    assert "2026-10-13 前一次性告知（第三十条）" in steps[0]
    assert steps[1] == "收到补正后的申请 2026-10-12，答复期限自该日起重新计算（第三十条）"
    assert steps[2].startswith("收到补正后的申请 2026-10-12（当天不计入，重新起算）→ 第20个工作日 2026-11-09")


def test_it_flags_a_late_amendment_notice():
    result = clock("2026-09-28", amendments=(Amendment(notice_sent_on=D("2026-10-14")),))
    assert result.amendments[0].notice_late
    assert "已超过告知期限" in result.describe()[0]


def test_it_deems_the_request_abandoned_after_the_amendment_deadline():
    result = clock(
        "2026-09-28",
        amendments=(Amendment(notice_sent_on=D("2026-09-30"), reply_by=D("2026-10-23")),),
    )
    assert result.stage is Stage.AWAITING_AMENDMENT and result.due_on is None
    assert result.abandon_on == D("2026-10-24")
    assert result.abandon_outcome is Outcome.OTHER_NOT_AMENDED
    assert clock_state(result, D("2026-10-23"), CAL) is ClockState.AWAITING_AMENDMENT
    assert clock_state(result, D("2026-10-24"), CAL) is ClockState.ABANDONED
    assert "视为放弃申请（第三十条）" in result.describe()[-1]


def test_it_gives_the_default_amendment_period_when_the_notice_names_no_date():
    result = clock("2026-09-28", amendments=(Amendment(notice_sent_on=D("2026-10-12")),))
    # 15 working days after the notice of 10-12: 10-13..16 (4); 10-19..23 (9); 10-26..30 (14); 11-02.
    assert result.amendments[0].reply_by == D("2026-11-02")
    assert result.abandon_on == D("2026-11-03")
    shorter = clock(
        "2026-09-28", ClockRules(amendment_workdays=10),
        amendments=(Amendment(notice_sent_on=D("2026-10-12")),),
    )
    assert shorter.amendments[0].reply_by == D("2026-10-26")


def test_it_accepts_a_second_amendment_and_restarts_again():
    result = clock(
        "2026-09-28",
        amendments=(
            Amendment(notice_sent_on=D("2026-09-29"), amended_on=D("2026-10-09")),
            Amendment(notice_sent_on=D("2026-10-12"), amended_on=D("2026-10-16")),
        ),
    )
    # After Friday 10-16: 10-19..23 (5); 10-26..30 (10); 11-02..06 (15); 11-09..13 (20).
    assert result.due_on == D("2026-11-13")
    # The second notice answers the first amendment: 7 working days after 10-09 are 10-10 (Sat),
    # 10-12, 10-13, 10-14, 10-15, 10-16, 10-19.
    assert result.amendments[1].notice_due_on == D("2026-10-19")


def test_it_notes_an_amendment_that_arrived_after_its_deadline():
    result = clock(
        "2026-09-28",
        amendments=(Amendment(D("2026-09-30"), reply_by=D("2026-10-09"), amended_on=D("2026-10-12")),),
    )
    assert result.amendments[0].amended_late
    assert "晚于补正期限，已接受" in result.describe()[1]


@pytest.mark.parametrize(
    "amendments",
    [
        (Amendment(amended_on=D("2026-09-27")),),
        (Amendment(notice_sent_on=D("2026-09-20")),),
        (Amendment(notice_sent_on=D("2026-10-09"), amended_on=D("2026-10-08")),),
        (Amendment(notice_sent_on=D("2026-09-30")), Amendment(notice_sent_on=D("2026-10-09"))),
    ],
)
def test_it_refuses_impossible_amendments(amendments):
    with pytest.raises(ClockError):
        clock("2026-09-28", amendments=amendments)


# --- 第三十三条第二款: the one extension ---------------------------------------------------------


def test_it_adds_the_extension_after_the_normal_due_date():
    extension = Extension(20, approved_by=HEAD, approved_on=D("2026-10-26"), notified_on=D("2026-10-27"))
    result = clock("2026-09-28", extensions=(extension,))
    # Normal due 10-30; then 11-02..06 (5); 11-09..13 (10); 11-16..20 (15); 11-23..27 (20).
    assert result.normal_due_on == D("2026-10-30")
    assert result.due_on == D("2026-11-27")
    assert result.extension == extension
    steps = result.describe()
    assert steps[1] == (
        "延期：经公开办王主任同意（2026-10-26）延长答复期限20个工作日（第三十三条第二款），"
        "2026-10-27 已告知申请人"
    )
    assert steps[2] == "原答复期限 2026-10-30（当天不计入）→ 延长的第20个工作日 2026-11-27"


def test_it_shows_an_extension_approved_after_the_normal_due_date():
    result = clock("2026-09-28", extensions=(Extension(5, HEAD, approved_on=D("2026-11-02")),))
    assert result.due_on == D("2026-11-06")  # 10-30, then 11-02..06
    assert "经公开办王主任同意（2026-11-02，晚于原答复期限）" in result.describe()[1]


@pytest.mark.parametrize(
    ("extensions", "message"),
    [
        ((Extension(21, HEAD),), "1至20个工作日"),
        ((Extension(0, HEAD),), "1至20个工作日"),
        ((Extension(-1, HEAD),), "1至20个工作日"),
        ((Extension(5, HEAD), Extension(5, HEAD)), "只能延长一次"),
        ((Extension(5, ""),), "未记录批准人"),
        ((Extension(5, "   "),), "未记录批准人"),
        ((Extension(5, HEAD, approved_on=D("2026-09-01")),), "早于收到申请之日"),
    ],
)
def test_it_refuses_unlawful_extensions(extensions, message):
    with pytest.raises(ClockError, match=message):
        clock("2026-09-28", extensions=extensions)


# --- 第三十二条、第三十三条第三款: consultations and other pauses ----------------------------------


def test_it_leaves_the_working_days_of_a_consultation_out():
    result = clock("2026-09-28", pauses=(third_party("2026-10-14", "2026-10-20"),))
    # Before the pause: 09-29, 09-30, 10-08, 10-09, 10-10 (Sat), 10-12, 10-13 = 7.
    # Paused Wed 10-14 .. Tue 10-20: 10-14, 10-15, 10-16, 10-19, 10-20 = 5 working days excluded.
    # Then 13 more: 10-21..23 (10); 10-26..30 (15); 11-02..06 (20).
    assert result.due_on == D("2026-11-06")
    assert result.excluded_workdays == 5
    assert result.describe() == [
        "收到 2026-09-28（当天不计入）→ 至 2026-10-13 已计7个工作日，其中跳过国庆节假期 10-01至10-07；"
        "10-10（周六）调休上班，计为工作日",
        "暂停计算 2026-10-14至2026-10-20（含）：征求第三方意见（第三十二条），"
        "其间5个工作日不计入答复期限（第三十三条第三款）",
        "恢复计算：暂停至 2026-10-20（当天不计入）→ 第20个工作日 2026-11-06",
    ]


def test_it_merges_overlapping_consultations():
    pauses = (
        third_party("2026-10-14", "2026-10-20"),
        Pause(PauseKind.OTHER_AGENCY, D("2026-10-19"), D("2026-10-22")),
    )
    result = clock("2026-09-28", pauses=pauses)
    # Paused 10-14..10-22: 10-14, 15, 16, 19, 20, 21, 22 = 7 excluded. After 10-22, 13 more:
    # 10-23 (8); 10-26..30 (13); 11-02..06 (18); 11-09 (19); 11-10 (20).
    assert result.due_on == D("2026-11-10")
    assert result.excluded_workdays == 7
    assert "征求第三方意见（第三十二条）、征求其他机关意见" in result.describe()[1]


def test_it_ignores_pauses_that_hold_no_counted_working_day():
    inside_holiday = clock("2026-09-28", pauses=(Pause(PauseKind.OTHER, D("2026-10-01"), D("2026-10-07")),))
    assert inside_holiday.due_on == D("2026-10-30")
    assert "其间0个工作日不计入答复期限" in inside_holiday.describe()[1]
    after_due = clock("2026-09-28", pauses=(third_party("2026-11-02", "2026-11-06"),))
    assert after_due.due_on == D("2026-10-30") and len(after_due.describe()) == 1


def test_it_drops_pauses_over_before_the_amended_request():
    result = clock(
        "2026-09-28",
        amendments=(Amendment(D("2026-09-29"), amended_on=D("2026-10-12")),),
        pauses=(third_party("2026-09-29", "2026-10-09"),),
    )
    assert result.due_on == D("2026-11-09") and result.excluded_workdays == 0


def test_an_open_third_party_consultation_pauses_for_at_most_its_fifteen_working_days():
    """第三十二条: the third party answers within 15 working days of receiving the 征求意见书; the
    time after that is no longer "所需时间" (第三十三条第三款), so the clock runs again."""
    result = clock("2026-09-28", pauses=(third_party("2026-10-14"),))
    # Counted before the letter: 09-29, 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13 (7).
    # The third party's 15 working days from 10-14: 10-15, 16 (2); 10-19..23 (7); 10-26..30 (12);
    # 11-02, 03, 04 (15). Then the 13 left: 11-05, 06 (9); 11-09..13 (14); 11-16..20 (19); 11-23 (20).
    assert third_party_reply_due(D("2026-10-14"), CAL) == D("2026-11-04")
    assert (result.stage, result.paused_until, result.due_on) == (Stage.PAUSED, D("2026-11-04"), D("2026-11-23"))
    assert clock_state(result, D("2026-11-04"), CAL) is ClockState.PAUSED
    assert clock_state(result, D("2026-11-20"), CAL) is ClockState.DUE_SOON
    assert clock_state(result, D("2026-11-24"), CAL) is ClockState.OVERDUE  # no pause forever
    assert "尚未收到意见" in result.describe()[1] and "至 2026-11-04 届满" in result.describe()[1]


def test_the_third_partys_fifteen_days_run_from_the_day_it_received_the_letter():
    served = Pause(PauseKind.THIRD_PARTY, D("2026-10-14"), served_on=D("2026-10-16"))
    # 15 working days from 10-16: 10-19..23 (5); 10-26..30 (10); 11-02..06 (15). Then 13 left:
    # 11-09..13 (12); 11-16..20 (17); 11-23, 24, 25 (20).
    assert clock("2026-09-28", pauses=(served,)).due_on == D("2026-11-25")


def test_an_answer_after_the_limit_excludes_only_the_days_up_to_the_limit():
    late_answer = clock("2026-09-28", pauses=(third_party("2026-10-14", "2026-11-20"),))
    assert late_answer.stage is Stage.RUNNING and late_answer.due_on == D("2026-11-23")
    assert "晚于第三方提出意见的期限" in late_answer.describe()[1]


def test_another_agency_consultation_has_its_own_limit():
    agency = Pause(PauseKind.OTHER_AGENCY, D("2026-10-14"))
    rules = ClockRules(other_agency_workdays=5)  # 10-15, 16, 19, 20, 21: resumes 10-22
    # 13 left after 10-21: 10-22, 23 (9); 10-26..30 (14); 11-02..06 (19); 11-09 (20).
    assert clock("2026-09-28", rules, pauses=(agency,)).due_on == D("2026-11-09")


def test_it_lets_an_open_pause_after_the_due_date_be():
    result = clock("2026-09-28", pauses=(third_party("2026-11-02"),))
    assert result.stage is Stage.RUNNING and result.due_on == D("2026-10-30")


def test_it_refuses_a_pause_that_ends_before_it_starts():
    with pytest.raises(ClockError, match="晚于结束日"):
        clock("2026-09-28", pauses=(third_party("2026-10-20", "2026-10-14"),))


# --- the fee window (国办函〔2020〕109号, configurable) ------------------------------------------


def test_it_pauses_the_clock_from_fee_notice_to_payment():
    fee = FeeNotice(D("2026-10-14"), paid_on=D("2026-10-20"))
    assert clock("2026-09-28", fee_notice=fee).due_on == D("2026-11-06")  # as the pause above
    assert clock("2026-09-28", ClockRules(fee_window_pauses=False), fee_notice=fee).due_on == D("2026-10-30")


def test_it_deems_the_request_abandoned_when_the_fee_is_not_paid():
    result = clock("2026-09-28", fee_notice=FeeNotice(D("2026-10-14")))
    # 20 working days to pay from 10-14: 10-15, 16 (2); 10-19..23 (7); 10-26..30 (12);
    # 11-02..06 (17); 11-09, 10, 11 (20).
    assert result.stage is Stage.PAUSED
    assert result.abandon_on == D("2026-11-12")
    assert result.abandon_outcome is Outcome.OTHER_FEE_UNPAID
    assert clock_state(result, D("2026-11-11"), CAL) is ClockState.PAUSED
    assert clock_state(result, D("2026-11-12"), CAL) is ClockState.ABANDONED
    assert "视为放弃申请" in result.describe()[-1]


def test_it_refuses_a_payment_before_the_notice():
    with pytest.raises(ClockError, match="缴费日"):
        clock("2026-09-28", fee_notice=FeeNotice(D("2026-10-14"), paid_on=D("2026-10-13")))


# --- read-time states -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state", "left"),
    [
        ("2026-10-22", ClockState.RUNNING, 6),  # 10-23, 26, 27, 28, 29, 30
        ("2026-10-23", ClockState.DUE_SOON, 5),
        ("2026-10-29", ClockState.DUE_SOON, 1),
        ("2026-10-30", ClockState.DUE_TODAY, 0),
        ("2026-10-31", ClockState.OVERDUE, 0),  # Saturday: late, though no working day has passed
        ("2026-11-02", ClockState.OVERDUE, -1),
        ("2026-11-27", ClockState.OVERDUE, -20),  # 11-02..27: exactly 20 working days late
        ("2026-11-30", ClockState.SERIOUSLY_OVERDUE, -21),
    ],
)
def test_it_derives_the_state_from_today(today, state, left):
    result = clock("2026-09-28")
    assert clock_state(result, D(today), CAL) is state
    assert workdays_left(result, D(today), CAL) == left


def test_it_takes_the_thresholds_as_parameters():
    result = clock("2026-09-28")
    assert clock_state(result, D("2026-10-22"), CAL, due_soon_workdays=6) is ClockState.DUE_SOON
    assert (
        clock_state(result, D("2026-11-03"), CAL, seriously_overdue_workdays=1)
        is ClockState.SERIOUSLY_OVERDUE
    )


def test_lateness_is_judged_on_the_day_the_reply_was_served():
    """国办公开办函〔2016〕235号: a reply dated in time but served after the due date is late."""
    on_time = clock("2026-09-28", replied_on=D("2026-10-30"), served_on=D("2026-10-30"))
    served_late = clock("2026-09-28", replied_on=D("2026-10-30"), served_on=D("2026-11-02"))
    unserved = clock("2026-09-28", replied_on=D("2026-10-29"))
    assert on_time.stage is Stage.REPLIED
    assert clock_state(on_time, D("2027-01-01"), CAL) is ClockState.REPLIED
    assert clock_state(served_late, D("2027-01-01"), CAL) is ClockState.REPLIED_LATE
    assert served_late.describe()[-1] == "2026-10-30 作出答复，2026-11-02 送达申请人，晚于答复期限"
    assert clock_state(unserved, D("2026-10-30"), CAL) is ClockState.AWAITING_SERVICE
    assert clock_state(unserved, D("2026-11-02"), CAL) is ClockState.REPLIED_LATE  # not served in time
    with pytest.raises(ClockError, match="送达日"):
        clock("2026-09-28", replied_on=D("2026-10-30"), served_on=D("2026-10-29"))


def test_an_extension_approved_before_a_restart_does_not_carry_over():
    """第三十条: the period restarts in full from the amended request; the extension of the old
    period lapses with it, and the new period may have its own."""
    extension = Extension(20, HEAD, approved_on=D("2026-10-12"))
    amendment = Amendment(notice_sent_on=D("2026-10-13"), amended_on=D("2026-10-19"))
    restarted = clock("2026-09-28", amendments=(amendment,), extensions=(extension,))
    # 20 working days from 10-19: 10-20..23 (4); 10-26..30 (9); 11-02..06 (14); 11-09..13 (19); 11-16.
    assert (restarted.due_on, restarted.extension) == (D("2026-11-16"), None)
    assert any("该延期不再适用" in step for step in restarted.describe())
    again = Extension(5, HEAD, approved_on=D("2026-11-02"))
    assert clock("2026-09-28", amendments=(amendment,), extensions=(extension, again)).due_on == D("2026-11-23")


@pytest.mark.parametrize(("name", "value"), [
    ("reply_workdays", 21), ("max_extension_workdays", 25), ("amendment_notice_workdays", 8),
    ("third_party_workdays", 30), ("reply_workdays", 0), ("amendment_workdays", True),
])
def test_a_jurisdiction_may_shorten_the_periods_but_never_lengthen_them(name, value):
    with pytest.raises(ClockError, match=name):
        ClockRules(**{name: value})
    assert ClockRules(reply_workdays=15).reply_workdays == 15


def test_it_labels_every_state_in_chinese():
    assert {state.label for state in ClockState} >= {"即将到期", "今日到期", "已超期", "严重超期", "视为放弃"}


# --- properties: the clock against a slow day-by-day count -------------------------------------


def slow_due(is_workday, start: date, n: int, pauses: list[tuple[date, date]]) -> date:
    """Walk day by day after ``start``; count a day if it is a working day outside every pause."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if is_workday(day) and not any(first <= day <= last for first, last in pauses):
            counted += 1
    return day


def slow_excluded(is_workday, start: date, end: date, pauses: list[tuple[date, date]]) -> int:
    days = [start + timedelta(days=k) for k in range(1, (end - start).days + 1)]
    return sum(1 for day in days if is_workday(day) and any(a <= day <= b for a, b in pauses))


def slow_limit(is_workday, pause: Pause) -> date | None:
    """A pause's last excluded day, counted afresh: a consulted party's 15 working days from the
    day it received the letter (the day sent when not recorded), a fee notice's 20 to pay."""
    days = {PauseKind.THIRD_PARTY: 15, PauseKind.OTHER_AGENCY: 15, PauseKind.FEE_NOTICE: 20}.get(pause.kind)
    return None if days is None else slow_due(is_workday, pause.served_on or pause.first, days, [])


def slow_spans(is_workday, pauses) -> list[tuple[date, date | None]]:
    """Each pause from its first day to its end or its limit, whichever comes first."""
    spans = []
    for pause in pauses:
        limit = slow_limit(is_workday, pause)
        end = pause.last if limit is None or (pause.last is not None and pause.last <= limit) else limit
        spans.append((pause.first, end))
    return spans


received_days = st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 10, 31))


@st.composite
def request_events(draw, received_days=received_days):
    received = draw(received_days)
    amendments, start = [], received
    for _ in range(draw(st.integers(0, 2))):
        sent = start + timedelta(days=draw(st.integers(0, 10)))
        amended = sent + timedelta(days=draw(st.integers(0, 20)))
        amendments.append(Amendment(notice_sent_on=sent, amended_on=amended))
        start = amended
    pauses = []
    for _ in range(draw(st.integers(0, 4))):
        first = received + timedelta(days=draw(st.integers(-10, 90)))  # may precede receipt
        last = first + timedelta(days=draw(st.integers(0, 20)))
        kind = draw(st.sampled_from(list(PauseKind)))
        pauses.append(Pause(kind, first, last))
    workdays = draw(st.integers(0, 20))
    extensions = (Extension(workdays, HEAD),) if workdays else ()
    events = RequestEvents(received, tuple(amendments), tuple(pauses), extensions)
    return events, start, workdays


@settings(max_examples=300, deadline=None)
@given(drawn=request_events())
def test_it_agrees_with_a_slow_day_by_day_count(drawn):
    events, start, workdays = drawn
    result = compute_clock(events, CAL)
    spans = slow_spans(CAL.is_workday, events.pauses)
    assert result.started_on == start
    assert result.normal_due_on == slow_due(CAL.is_workday, start, 20, spans)
    assert result.due_on == slow_due(CAL.is_workday, start, 20 + workdays, spans)
    assert result.excluded_workdays == slow_excluded(CAL.is_workday, start, result.due_on, spans)
    assert result.counted_workdays == 20 + workdays
    assert CAL.is_workday(result.due_on)
    assert not any(first <= result.due_on <= last for first, last in spans)


@st.composite
def synthetic_calendars(draw):
    """A made-up schedule: random rest days and make-up working days in 2030–2031."""
    days = st.dates(min_value=date(2030, 1, 1), max_value=date(2031, 12, 31))
    overrides = draw(st.dictionaries(days, st.sampled_from(list(DayKind)), max_size=80))
    return WorkingCalendar(overrides=overrides, use_package=False)


@settings(max_examples=150, deadline=None)
@given(
    calendar=synthetic_calendars(),
    drawn=request_events(st.dates(min_value=date(2030, 1, 1), max_value=date(2031, 6, 30))),
)
def test_it_agrees_on_any_schedule(calendar, drawn):
    events, start, workdays = drawn
    result = compute_clock(events, calendar)
    spans = slow_spans(calendar.is_workday, events.pauses)
    assert result.due_on == slow_due(calendar.is_workday, start, 20 + workdays, spans)


@settings(max_examples=150, deadline=None)
@given(
    received=received_days,
    opens_after=st.integers(0, 60),
    closed=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=3),
)
def test_an_open_consultation_delays_the_due_date_by_at_most_its_limit(received, opens_after, closed):
    spans = [(received + timedelta(days=a), received + timedelta(days=a + n)) for a, n in closed]
    pauses = tuple(Pause(PauseKind.OTHER, first, last) for first, last in spans)
    opened = received + timedelta(days=opens_after)
    result = compute_clock(
        RequestEvents(received, pauses=(*pauses, Pause(PauseKind.THIRD_PARTY, opened))), CAL
    )
    due_without = slow_due(CAL.is_workday, received, 20, spans)
    if due_without < opened:
        assert result.stage is Stage.RUNNING and result.due_on == due_without
    else:
        limit = slow_due(CAL.is_workday, opened, 15, [])
        assert result.stage is Stage.PAUSED and result.paused_until is not None
        assert result.due_on == slow_due(CAL.is_workday, received, 20, [*spans, (opened, limit)])


@settings(max_examples=200, deadline=None)
@given(received=received_days, offset=st.integers(-40, 80))
def test_it_derives_states_consistently_with_the_day_count(received, offset):
    result = compute_clock(RequestEvents(received), CAL)
    assert result.due_on is not None
    today = result.due_on + timedelta(days=offset)
    days = [min(today, result.due_on) + timedelta(days=k)
            for k in range(1, abs((today - result.due_on).days) + 1)]
    between = sum(1 for day in days if CAL.is_workday(day))
    state = clock_state(result, today, CAL)
    if offset == 0:
        assert state is ClockState.DUE_TODAY
    elif offset < 0:
        assert state is (ClockState.DUE_SOON if between <= 5 else ClockState.RUNNING)
    else:
        assert state is (ClockState.SERIOUSLY_OVERDUE if between > 20 else ClockState.OVERDUE)


# --- the whole reply period (issue 15): 20 + 20 working days plus excluded time, never more ----


@st.composite
def lawful_histories(draw):
    """Any history a request can have: 补正 at various days, consultations answered in time,
    late or never, other excluded time, an extension approved before or after a restart."""
    received = draw(received_days)
    amendments, start = [], received
    for _ in range(draw(st.integers(0, 2))):
        sent = start + timedelta(days=draw(st.integers(0, 12)))
        amended = sent + timedelta(days=draw(st.integers(0, 25)))
        amendments.append(Amendment(notice_sent_on=sent, amended_on=amended))
        start = amended
    pauses = []
    for index in range(draw(st.integers(0, 3))):
        first = received + timedelta(days=draw(st.integers(0, 80)))
        kind = draw(st.sampled_from([PauseKind.THIRD_PARTY, PauseKind.OTHER_AGENCY, PauseKind.OTHER]))
        served = first + timedelta(days=draw(st.integers(0, 6))) if draw(st.booleans()) else None
        never_answered = kind is not PauseKind.OTHER and index == 0 and draw(st.booleans())
        last = None if never_answered else first + timedelta(days=draw(st.integers(0, 45)))
        pauses.append(Pause(kind, first, last, served if kind is not PauseKind.OTHER else None))
    extensions = ()
    workdays = draw(st.integers(0, 20))
    if workdays:
        approved = received + timedelta(days=draw(st.integers(0, 60)))
        extensions = (Extension(workdays, HEAD, approved_on=approved),)
    return RequestEvents(received, tuple(amendments), tuple(pauses), extensions), start


@settings(max_examples=400, deadline=None)
@given(drawn=lawful_histories())
def test_the_due_date_is_never_past_forty_working_days_plus_excluded_time(drawn):
    events, start = drawn
    result = compute_clock(events, CAL)
    spans = slow_spans(CAL.is_workday, events.pauses)
    extension = events.extensions[0] if events.extensions else None
    lapsed = extension is not None and bool(events.amendments) and extension.approved_on < start
    extra = extension.workdays if extension is not None and not lapsed else 0
    assert result.started_on == start
    assert result.due_on == slow_due(CAL.is_workday, start, 20 + extra, spans)
    assert CAL.workdays_between(start, result.due_on) <= 20 + 20 + result.excluded_workdays
    assert result.excluded_workdays == slow_excluded(CAL.is_workday, start, result.due_on, spans)
