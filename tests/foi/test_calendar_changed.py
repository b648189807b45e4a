"""Changing the holiday table recomputes the due dates of open requests, audited."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.calendars import service as calendar_service
from gongkai.foi import services
from gongkai.foi.models import EventKind

pytestmark = pytest.mark.django_db


def test_it_moves_the_due_date_when_a_day_becomes_a_holiday(filed, office_admin, django_capture_on_commit_callbacks):
    assert filed.due_on == date(2026, 10, 30)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_service.set_day(date(2026, 10, 20), "holiday", name="地方节日", source="示范市通知")
    filed.refresh_from_db()
    # Tue 10-20 no longer counts: the 20th working day moves from Fri 10-30 to Mon 11-02.
    assert filed.due_on == date(2026, 11, 2)
    entry = AuditEntry.objects.get(action="foi_due_recomputed", object_id=str(filed.pk))
    assert entry.before == {"due_on": "2026-10-30"} and entry.after == {"due_on": "2026-11-02"}
    event = filed.events.get(kind=EventKind.DUE_RECOMPUTED)
    assert event.data == {"before": "2026-10-30", "after": "2026-11-02"}


def test_it_leaves_closed_requests_and_other_years_alone(filed, clerk_a, freeze, django_capture_on_commit_callbacks):
    freeze(date(2026, 10, 12))
    services.reply(filed, outcome="disclosed", text="见附件。", actor=clerk_a)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_service.set_day(date(2026, 10, 20), "holiday", name="地方节日")
    filed.refresh_from_db()
    assert filed.due_on == date(2026, 10, 30)  # replied: its due date is history
    assert not AuditEntry.objects.filter(action="foi_due_recomputed").exists()
    assert services.recompute_due_dates({2030}) == 0
