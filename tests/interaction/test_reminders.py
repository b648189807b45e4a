"""The worker's daily job reminds the unit before a message's reply date and tells the office
after it, once each (a second run, or a second worker, sends nothing), audited. The days are the
message's own clock, by hand: received Wed 2026-09-30, a 咨询 is due on the 5th working day after
it, Tue 10-13 (10-08, 10-09, Sat 10-10 a make-up working day, 10-12, 10-13); the reminder goes 2
working days before, on Sat 10-10 (10-12 is one, 10-10 two); the office hears on the first working
day after the due date, Wed 10-14."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.interaction import services
from gongkai.interaction.clock import read_message
from gongkai.interaction.models import MessageReminder, ReminderKind
from gongkai.interaction.reminders import send_message_reminders
from gongkai.interaction.tasks import send_message_reminders_daily
from gongkai.orgs.models import Notice

pytestmark = pytest.mark.django_db


def test_it_reminds_the_unit_once_before_the_due_date(routed, clerk_a, clerk_b, office_admin, freeze):
    reading = read_message(routed, date(2026, 9, 30))
    assert reading.due_on == date(2026, 10, 13) and reading.reminder_days == (date(2026, 10, 10),)
    freeze(date(2026, 10, 9))
    assert send_message_reminders() == 0
    freeze(date(2026, 10, 10))
    assert send_message_reminders() == 1
    assert send_message_reminders() == 0  # the same day again: nothing twice
    freeze(date(2026, 10, 12))
    assert send_message_reminders() == 0
    notices = Notice.objects.filter(user=clerk_a)
    assert notices.count() == 1 and "2026-10-13" in notices.get().title
    assert not Notice.objects.filter(user__in=[clerk_b, office_admin]).exists()
    assert AuditEntry.objects.filter(action="message_remind", object_id=str(routed.pk)).count() == 1


def test_it_escalates_to_the_office_once_after_the_due_date(routed, clerk_a, office_admin, freeze):
    freeze(date(2026, 10, 13))
    send_message_reminders()  # the reminder day (10-10) passed unseen: sent late, once
    freeze(date(2026, 10, 14))
    assert send_message_reminders() == 1
    assert send_message_reminders() == 0
    office_notice = Notice.objects.get(user=office_admin)
    assert "留言超期" in office_notice.title and routed.display_code in office_notice.title
    assert MessageReminder.objects.filter(kind=ReminderKind.ESCALATE).count() == 1
    assert AuditEntry.objects.filter(action="message_escalate").count() == 1


def test_it_reminds_nobody_of_a_replied_message(routed, clerk_a, freeze):
    services.reply(routed, "已转交路灯管理所维修。", actor=clerk_a)
    freeze(date(2026, 10, 14))
    assert send_message_reminders() == 0 and not Notice.objects.exists()


def test_it_runs_as_the_workers_periodic_task(routed, clerk_a, freeze, immediate_jobs):
    freeze(date(2026, 10, 10))
    assert send_message_reminders_daily.call_local() == 1
    assert Notice.objects.filter(user=clerk_a).count() == 1


def test_it_keeps_a_reminder_for_when_the_unit_has_a_clerk(routed, freeze, unit_a):
    from tests.conftest import make_user

    freeze(date(2026, 10, 10))
    assert send_message_reminders() == 0 and not MessageReminder.objects.exists()
    clerk = make_user("new_clerk", unit_a, "clerk")
    freeze(date(2026, 10, 12))
    assert send_message_reminders() == 1
    assert Notice.objects.filter(user=clerk).count() == 1
