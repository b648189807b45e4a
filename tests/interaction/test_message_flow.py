"""The write path of a message: filed, routed by rule or by the office, sent on or back, replied
through review, rated; each step audited, the clock derived from the events (DOMAIN.md section 5)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction

from gongkai.audit.models import AuditEntry
from gongkai.calendars import service as calendar_service
from gongkai.interaction import services
from gongkai.interaction.clock import read_message
from gongkai.interaction.models import EventKind, Message, MessageEvent, Rating, Status
from gongkai.orgs.policy import SYSTEM
from gongkai.rules.interaction import MessageState
from tests.interaction.conftest import message_details

pytestmark = pytest.mark.django_db


def kinds(message: Message) -> list[str]:
    return list(message.events.values_list("kind", flat=True))


def test_it_files_a_consultation_before_national_day_due_on_the_fifth_working_day(received):
    # 2026-09-30 (Wed): 10-01..07 off; 10-08 (1), 10-09 (2), 10-10 Sat 调休 (3), 10-12 (4), 10-13 (5).
    assert received.status == Status.UNROUTED and received.unit is None
    assert received.due_on == date(2026, 10, 13)
    assert "没有可识别" in received.routing_note
    assert AuditEntry.objects.filter(action="message_submitted", object_id=str(received.pk)).exists()


def test_it_routes_by_the_unit_the_message_names(freeze, unit_a, unit_b):
    freeze(date(2026, 9, 30))
    message = services.submit_message(message_details(text="想问示范市教育局：小学什么时候报名？"))
    assert message.unit == unit_b and message.status == Status.PROCESSING
    assert kinds(message) == [EventKind.SUBMITTED, EventKind.AUTO_ROUTED]
    assert message.routing_note == "留言中提到“示范市教育局”"


def test_it_routes_by_the_offices_keywords(freeze, unit_a, unit_b, office_admin):
    freeze(date(2026, 9, 30))
    services.add_keyword("预算", unit_a, actor=office_admin)
    message = services.submit_message(message_details(text="部门预算在哪里能查到？"))
    assert message.unit == unit_a


def test_it_keeps_the_clock_running_through_a_transfer(routed, clerk_a, unit_b, freeze):
    freeze(date(2026, 10, 9))
    moved = services.transfer(routed, unit_b, actor=clerk_a, reason="属教育局职责")
    assert moved.unit == unit_b and moved.due_on == date(2026, 10, 13)
    assert AuditEntry.objects.filter(action="message_transferred", object_id=str(routed.pk)).exists()


def test_it_restarts_the_clock_only_by_the_offices_decision(routed, clerk_a, office_admin, unit_b, freeze):
    freeze(date(2026, 10, 9))
    back = services.send_back(routed, actor=clerk_a, reason="不属本单位职责")
    assert back.status == Status.UNROUTED and back.unit is None and back.due_on == date(2026, 10, 13)
    again = services.route(back, unit_b, actor=office_admin, restart=True, note="重新分办，给足办理时间")
    # From Friday 10-09: 10-10 Sat 调休 (1), 10-12 (2), 10-13 (3), 10-14 (4), 10-15 (5).
    assert again.due_on == date(2026, 10, 15)
    entry = AuditEntry.objects.get(action="message_routed", object_id=str(routed.pk), after__restart=True)
    assert entry.after["due_on"] == "2026-10-15"


def test_it_lets_only_the_office_route(received, clerk_a, unit_a):
    with pytest.raises(PermissionDenied):
        services.route(received, unit_a, actor=clerk_a)
    assert Message.objects.get(pk=received.pk).unit is None


def test_it_lets_a_unit_act_only_on_its_own_messages(routed, clerk_b, unit_b):
    before = MessageEvent.objects.count(), AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        services.transfer(routed, unit_b, actor=clerk_b, reason="抢办")
    with pytest.raises(PermissionDenied):
        services.reply(routed, "答复", actor=clerk_b)
    assert (MessageEvent.objects.count(), AuditEntry.objects.count()) == before


def test_it_refuses_a_transfer_without_a_reason_and_leaves_nothing(routed, clerk_a, unit_b):
    before = MessageEvent.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="转办理由"):
        services.transfer(routed, unit_b, actor=clerk_a, reason="  ")
    assert (MessageEvent.objects.count(), AuditEntry.objects.count()) == before
    assert Message.objects.get(pk=routed.pk).unit_id == routed.unit_id


def test_it_sends_a_reply_at_once_when_the_unit_has_no_review_rule(routed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    replied = services.reply(routed, "已安排维修。", actor=clerk_a)
    assert replied.status == Status.REPLIED and replied.replied_on == date(2026, 10, 12)
    assert read_message(replied, date(2026, 10, 20)).state is MessageState.REPLIED


def test_it_sends_a_reply_through_the_reviewer_when_the_unit_says_so(
        routed, clerk_a, reviewer_a, office_admin, unit_a, freeze):
    services.set_review_rule(unit_a, True, actor=office_admin)
    freeze(date(2026, 10, 12))
    drafted = services.reply(routed, "已安排维修。", actor=clerk_a)
    assert drafted.status == Status.IN_REVIEW and drafted.replied_on is None
    with pytest.raises(PermissionDenied):
        services.approve_reply(drafted, actor=clerk_a)
    returned = services.return_reply(drafted, actor=reviewer_a, reason="请写明维修时间")
    assert returned.status == Status.PROCESSING
    services.reply(returned, "已安排10月14日维修。", actor=clerk_a)
    freeze(date(2026, 10, 14))
    sent = services.approve_reply(Message.objects.get(pk=routed.pk), actor=reviewer_a)
    assert sent.status == Status.REPLIED and sent.replied_on == date(2026, 10, 14)
    assert read_message(sent, date(2026, 10, 14)).state is MessageState.REPLIED_LATE


def test_it_reopens_once_on_an_unsatisfied_rating(routed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    services.reply(routed, "已安排维修。", actor=clerk_a)
    freeze(date(2026, 10, 14))
    reopened = services.rate(Message.objects.get(pk=routed.pk), Rating.UNSATISFIED)
    assert reopened.status == Status.PROCESSING and reopened.due_on == date(2026, 10, 21)
    with pytest.raises(ValidationError, match="不能评价"):
        services.rate(reopened, Rating.SATISFIED)
    services.reply(reopened, "已修好。", actor=clerk_a)
    final = services.rate(Message.objects.get(pk=routed.pk), Rating.UNSATISFIED)
    assert final.status == Status.REPLIED and final.rating == Rating.UNSATISFIED
    assert kinds(final).count(EventKind.REOPENED) == 1


def test_it_registers_a_hotline_hand_off_on_the_same_path(freeze, office_admin, clerk_a, unit_a, unit_b):
    freeze(date(2026, 10, 9))
    message = services.register_message(message_details(kind="complain"), channel="hotline",
                                         received_on=date(2026, 9, 30), unit=unit_a, actor=office_admin)
    assert message.unit == unit_a and message.due_on == date(2026, 10, 20)
    assert kinds(message) == [EventKind.REGISTERED, EventKind.ROUTED]
    with pytest.raises(PermissionDenied):
        services.register_message(message_details(), channel="phone", received_on=date(2026, 10, 9),
                                  unit=unit_b, actor=clerk_a)
    with pytest.raises(ValidationError, match="晚于今天"):
        services.register_message(message_details(), channel="phone", received_on=date(2026, 10, 10),
                                  unit=unit_a, actor=SYSTEM)


def test_it_escalates_an_unanswered_message_the_working_day_after_its_due_date(routed):
    assert read_message(routed, date(2026, 10, 10)).state is MessageState.DUE_SOON
    assert read_message(routed, date(2026, 10, 14)).state is MessageState.ESCALATED


def test_it_returns_the_stored_message_for_the_same_form_sent_twice(freeze, unit_a):
    freeze(date(2026, 9, 30))
    first = services.submit_message(message_details(), token="a" * 32)
    again = services.submit_message(message_details(), token="a" * 32)
    assert first.pk == again.pk and Message.objects.count() == 1


def test_it_keeps_message_events_append_only(routed):
    from gongkai.interaction.models import AppendOnlyError

    event = routed.events.first()
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        routed.events.all().delete()


def test_the_database_refuses_to_rewrite_a_message_event(routed):
    event = routed.events.first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:  # under the ORM
        cursor.execute("UPDATE interaction_messageevent SET note = %s WHERE id = %s", ["forged", event.pk])
    assert MessageEvent.objects.get(pk=event.pk).note == event.note


def test_a_holiday_added_later_moves_the_due_date_of_open_messages(routed, django_capture_on_commit_callbacks):
    # 咨询 received Wed 09-30, 5 working days: 10-08, 09, 10 (调休 Saturday), 12, 13.
    assert routed.due_on == date(2026, 10, 13)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_service.set_day(date(2026, 10, 13), "holiday", name="地方节日", source="示范市通知")
    routed.refresh_from_db()
    assert routed.due_on == date(2026, 10, 14)
    entry = AuditEntry.objects.get(action="message_due_recomputed", object_id=str(routed.pk))
    assert entry.before["due_on"] == "2026-10-13" and entry.after["due_on"] == "2026-10-14"
    assert services.recompute_due_dates({2030}) == 0
