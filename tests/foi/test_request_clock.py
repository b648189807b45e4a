"""The services keep a request's due date equal to the clock computed from its events.

Dates are checked by hand in the comments against the official schedules: National Day 2026 is
10-01..10-07 off with Saturday 10-10 a make-up working day (the issue's own example: received
2026-09-28 → due 2026-10-30); the Spring Festival 2026 is 02-15..02-23 off with Saturdays 02-14 and
02-28 working; National Day and 中秋 2025 are 10-01..10-08 off with Saturday 10-11 working.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.foi import services
from gongkai.foi.clock import request_clock
from gongkai.foi.models import AppendOnlyError, EventKind, LetterKind, RequestEvent, Status
from gongkai.rules.foiclock import Stage
from tests.foi.conftest import citizen_details

pytestmark = pytest.mark.django_db


def test_it_files_online_with_receipt_today_and_due_on_the_20th_working_day(filed):
    # Received Mon 2026-09-28 (not counted). Working days: 09-29, 09-30 (2); 10-01..10-07 off;
    # 10-08, 10-09, Sat 10-10 (make-up) (5); 10-12..16 (10); 10-19..23 (15); 10-26..30 (20).
    assert filed.received_on == date(2026, 9, 28)
    assert filed.due_on == date(2026, 10, 30)
    assert filed.status == Status.PROCESSING
    assert list(filed.events.values_list("kind", flat=True)) == [EventKind.SUBMITTED]
    steps = request_clock(filed).describe()
    assert steps[0].startswith("收到 2026-09-28（当天不计入）→ 第20个工作日 2026-10-30，其中跳过国庆节")
    assert "10-10（周六）调休上班" in steps[0]
    assert AuditEntry.objects.filter(action="foi_request_submitted", object_id=str(filed.pk)).exists()


def test_it_restarts_the_clock_in_full_when_the_amendment_arrives(filed, clerk_a, freeze):
    freeze(date(2026, 9, 29))
    letter = services.request_amendment(filed, what="请写明预算年度", actor=clerk_a)
    filed.refresh_from_db()
    assert letter.kind == LetterKind.AMENDMENT and filed.status == Status.AWAITING_AMENDMENT
    assert filed.due_on is None  # nothing runs while the applicant amends
    freeze(date(2026, 10, 12))
    services.receive_amendment(filed, text="2025年度", actor=clerk_a)
    filed.refresh_from_db()
    # Restart from Mon 10-12 (not counted): 10-13..16 (4), 10-19..23 (9), 10-26..30 (14),
    # 11-02..06 (19), Mon 11-09 (20).
    assert filed.due_on == date(2026, 11, 9) and filed.status == Status.PROCESSING
    assert "（补正 2026-10-12）2025年度" in filed.description


def test_it_extends_once_at_most_20_working_days_with_the_reviewers_approval(filed, clerk_a, reviewer_a, freeze):
    freeze(date(2026, 10, 20))
    with pytest.raises(ValidationError, match="1至20个工作日"):
        services.request_extension(filed, workdays=21, reason="材料多", actor=clerk_a)
    services.request_extension(filed, workdays=15, reason="需要汇总多个科室的材料", actor=clerk_a)
    with pytest.raises(PermissionDenied):
        services.approve_extension(filed, actor=clerk_a)  # a clerk cannot consent for the office head
    letter = services.approve_extension(filed, actor=reviewer_a)
    filed.refresh_from_db()
    # 10-30 + 15 working days: 11-02..06 (5), 11-09..13 (10), 11-16..20 (15).
    assert filed.due_on == date(2026, 11, 20)
    assert letter.kind == LetterKind.EXTENSION and letter.addressee == filed.applicant_name
    approved = filed.events.get(kind=EventKind.EXTENSION_APPROVED)
    assert approved.data["approved_by"] == "财政局张审核" and approved.actor == reviewer_a
    with pytest.raises(ValidationError, match="只能延长一次"):
        services.request_extension(filed, workdays=5, reason="再延", actor=clerk_a)


def test_it_refuses_an_extension_approved_after_the_original_deadline(filed, clerk_a, reviewer_a, freeze):
    freeze(date(2026, 10, 29))
    services.request_extension(filed, workdays=10, reason="材料多", actor=clerk_a)
    freeze(date(2026, 11, 2))
    with pytest.raises(ValidationError, match="原答复期限 2026-10-30 已过"):
        services.approve_extension(filed, actor=reviewer_a)


def test_it_keeps_a_third_party_consultation_out_of_the_clock(filed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    services.start_consultation(filed, party="示范市某建材有限公司", actor=clerk_a)
    filed.refresh_from_db()
    # 第三十二条: the third party has 15 working days from receiving the letter (10-12 here), so
    # the pause lasts at most to 11-02 (10-13..16, 10-19..23, 10-26..30, 11-02); the due date is
    # the latest it can be, 11-23, and moves earlier when the answer comes sooner.
    assert filed.due_on == date(2026, 11, 23) and request_clock(filed).stage is Stage.PAUSED
    consultation = filed.letters.get()
    assert consultation.kind == LetterKind.CONSULTATION and consultation.addressee == "示范市某建材有限公司"
    started = filed.events.get(kind=EventKind.CONSULTATION_STARTED)
    freeze(date(2026, 10, 16))
    services.end_consultation(filed, started, result="不同意公开", actor=clerk_a)
    filed.refresh_from_db()
    # 5 working days counted before the pause (09-29, 09-30, 10-08, 10-09, 10-10); 10-12..16
    # excluded; 15 more: 10-19..23, 10-26..30, 11-02..06 → 2026-11-06.
    assert filed.due_on == date(2026, 11, 6)


def test_it_gives_a_request_exactly_one_outcome(filed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    with pytest.raises(ValidationError, match="请选择一个办理结果"):
        services.reply(filed, outcome="maybe", text="……", actor=clerk_a)
    with pytest.raises(ValidationError, match="视为放弃"):
        services.reply(filed, outcome="other.not_amended", text="……", actor=clerk_a)
    letter = services.reply(filed, outcome="partial", text="现提供部分信息。", actor=clerk_a)
    filed.refresh_from_db()
    assert (filed.outcome, filed.replied_on, filed.status) == ("partial", date(2026, 10, 12), Status.REPLIED)
    assert letter.kind == LetterKind.REPLY
    with pytest.raises(ValidationError, match="不能答复"):
        services.reply(filed, outcome="disclosed", text="再答复", actor=clerk_a)
    assert filed.events.filter(kind=EventKind.REPLIED).count() == 1


def test_it_refuses_to_reply_while_a_consultation_is_open(filed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    services.start_consultation(filed, party="示范市审计局", kind="other_agency", actor=clerk_a)
    with pytest.raises(ValidationError, match="尚未结束的征求意见"):
        services.reply(filed, outcome="disclosed", text="……", actor=clerk_a)


def test_it_deems_a_request_abandoned_only_after_the_amendment_deadline(filed, clerk_a, freeze):
    freeze(date(2026, 9, 29))
    services.request_amendment(filed, what="请写明年度", reply_by=date(2026, 10, 16), actor=clerk_a)
    freeze(date(2026, 10, 16))
    with pytest.raises(ValidationError, match="2026-10-17 起才能"):
        services.mark_abandoned(filed, actor=clerk_a)
    freeze(date(2026, 10, 19))
    services.mark_abandoned(filed, actor=clerk_a)
    filed.refresh_from_db()
    assert (filed.status, filed.outcome, filed.due_on) == (Status.ABANDONED, "other.not_amended", None)


def test_it_waits_for_contact_with_the_sender_of_a_plain_letter(unit_a, clerk_a, freeze):
    freeze(date(2026, 2, 13))
    request = services.register_request(
        citizen_details(), unit=unit_a, channel="plain_letter", arrived_on=date(2026, 2, 12), actor=clerk_a,
    )
    assert (request.status, request.received_on, request.due_on) == (Status.UNCONFIRMED, None, None)
    assert "尚未与申请人确认" in request.events.get().note
    freeze(date(2026, 2, 24))
    services.confirm_receipt(request, actor=clerk_a)
    request.refresh_from_db()
    # Confirmed Tue 02-24 (after the 2026 Spring Festival break 02-15..02-23, make-up 02-14 and
    # 02-28): 02-25..27 (3), Sat 02-28 make-up (4), 03-02..06 (9), 03-09..13 (14), 03-16..20 (19),
    # Mon 03-23 (20).
    assert request.received_on == date(2026, 2, 24) and request.due_on == date(2026, 3, 23)


def test_it_takes_the_signing_day_of_registered_mail(unit_a, clerk_a, freeze):
    freeze(date(2025, 9, 30))
    request = services.register_request(
        citizen_details(), unit=unit_a, channel="signed_mail", arrived_on=date(2025, 9, 29),
        signed_on=date(2025, 9, 30), actor=clerk_a,
    )
    # Signed Tue 2025-09-30; National Day and 中秋 2025: 10-01..10-08 off, Sat 10-11 make-up.
    # 10-09, 10-10, 10-11 (3), 10-13..17 (8), 10-20..24 (13), 10-27..31 (18), 11-03, 11-04 (20).
    assert request.received_on == date(2025, 9, 30) and request.due_on == date(2025, 11, 4)


def test_it_refuses_law_dates_in_the_future(filed, clerk_a):
    with pytest.raises(ValidationError, match="晚于今天"):
        services.request_amendment(filed, what="年度", on=date(2026, 10, 1), actor=clerk_a)


def test_it_charges_per_applicant_and_month_and_pauses_the_clock(unit_a, clerk_a, freeze):
    freeze(date(2026, 3, 2))
    request = services.register_request(
        citizen_details(items=12), unit=unit_a, channel="in_person", arrived_on=date(2026, 3, 2), actor=clerk_a,
    )
    freeze(date(2026, 3, 4))
    services.issue_fee_notice(request, method="per_item", actor=clerk_a)
    request.refresh_from_db()
    # Unpaid, the window lasts at most the 20 working days to pay (to 04-01): the latest due date.
    assert (request.status, request.fee_amount, request.due_on) == (Status.AWAITING_FEE, 200, date(2026, 4, 29))
    freeze(date(2026, 3, 10))
    services.record_payment(request, actor=clerk_a)
    request.refresh_from_db()
    # Received Mon 03-02. 03-03 counts (1); the fee window 03-04..03-10 (notice to payment,
    # inclusive) does not; then 03-11..13 (4), 03-16..20 (9), 03-23..27 (14), 03-30..04-03 (19);
    # 清明 2026 is 04-04..04-06 off, so the 20th working day is Tue 04-07.
    assert request.status == Status.PROCESSING
    assert request.due_on == date(2026, 4, 7)


def test_it_does_not_charge_within_the_free_items(filed, clerk_a):
    with pytest.raises(ValidationError, match="不收费"):
        services.issue_fee_notice(filed, method="per_item", actor=clerk_a)


def test_it_lets_only_the_office_transfer_and_audits_it(filed, clerk_a, office_admin, unit_b):
    with pytest.raises(PermissionDenied):
        services.transfer_request(filed, unit_b, reason="教育经费", actor=clerk_a)
    services.transfer_request(filed, unit_b, reason="属于教育经费", actor=office_admin)
    filed.refresh_from_db()
    assert filed.unit == unit_b
    entry = AuditEntry.objects.get(action="foi_request_transferred")
    assert entry.before["unit"] == "示范市财政局" and entry.after["unit"] == "示范市教育局"


def test_it_refuses_another_units_clerk(filed, clerk_b):
    with pytest.raises(PermissionDenied):
        services.request_amendment(filed, what="年度", actor=clerk_b)


def test_it_keeps_events_append_only(filed):
    event = RequestEvent.objects.get(request=filed)
    event.note = "改写"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        RequestEvent.objects.filter(pk=event.pk).update(note="改写")
