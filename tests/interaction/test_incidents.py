"""The incident register: the office registers an incident, the lead unit records what it
published when; the 5 h / 24 h / 48 h marks are the rules' own (the same as `gongkai interaction
due`), shown as countdowns, late ones on the office's home and in the unit's statistics."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.interaction import incidents
from gongkai.interaction.models import Incident
from gongkai.rules.interaction import MarkState

pytestmark = pytest.mark.django_db


def _local(text: str) -> datetime:
    return timezone.make_aware(datetime.strptime(text, "%Y-%m-%dT%H:%M"))


@pytest.fixture
def major(office_admin, unit_a):
    return incidents.register_incident(
        title="示范市某小区供水中断", learned_at=_local("2026-09-30T22:00"), level="major", lead_unit=unit_a,
        actor=office_admin,
    )


def test_it_keeps_the_marks_in_clock_hours_from_the_moment_learned(major, capsys):
    authoritative, conference = major.marks()
    # 22:00 + 5 h is 03:00 the next morning (a holiday: clock hours count through it).
    assert authoritative.due_at == datetime(2026, 10, 1, 3, 0)
    assert conference.due_at == datetime(2026, 10, 1, 22, 0)
    call_command("interaction", "due", "--kind", "舆情-重大", "--at", "2026-09-30T22:00", "--json")
    answer = json.loads(capsys.readouterr().out)
    assert [item["due"] for item in answer["due"]] == [
        authoritative.due_at.strftime("%Y-%m-%dT%H:%M"), conference.due_at.strftime("%Y-%m-%dT%H:%M")]


def test_it_marks_a_response_met_in_time_or_late(major, clerk_a):
    incidents.record_response(major, kind="authoritative", published_at=_local("2026-10-01T02:30"),
                              channel="政府网站", actor=clerk_a)
    incidents.record_response(major, kind="press_conference", published_at=_local("2026-10-02T09:00"),
                              actor=clerk_a)
    authoritative, conference = major.marks()
    assert authoritative.state(datetime(2026, 10, 3)) is MarkState.MET
    assert conference.state(datetime(2026, 10, 3)) is MarkState.MET_LATE
    assert AuditEntry.objects.filter(action="incident_response_recorded").count() == 2


def test_it_lets_only_the_office_register_and_only_the_lead_unit_respond(office_admin, unit_a, clerk_b, major):
    with pytest.raises(PermissionDenied):
        incidents.register_incident(title="x", learned_at=_local("2026-09-30T22:00"), level="general",
                                    lead_unit=unit_a, actor=clerk_b)
    with pytest.raises(PermissionDenied):
        incidents.record_response(major, kind="response", published_at=_local("2026-10-01T01:00"), actor=clerk_b)
    with pytest.raises(ValidationError, match="早于获知舆情"):
        incidents.record_response(major, kind="response", published_at=_local("2026-09-30T21:00"),
                                  actor=office_admin)


def test_it_shows_live_countdowns_to_the_lead_unit_and_hides_them_from_others(office_admin, unit_a, clerk_a,
                                                                             clerk_b, login):
    learned = timezone.now() - timedelta(hours=1)
    incident = incidents.register_incident(title="网传学校食堂问题", learned_at=learned, level="general",
                                           lead_unit=unit_a, actor=office_admin)
    page = login(clerk_a).get(reverse("interaction:incident", args=[incident.pk])).content.decode()
    assert "data-countdown-due=" in page and "剩余 46小时5" in page and "记录发布" in page
    assert login(clerk_b).get(reverse("interaction:incident", args=[incident.pk])).status_code == 404
    assert "网传学校食堂问题" not in login(clerk_b).get(reverse("interaction:incidents")).content.decode()


def test_it_registers_an_incident_from_the_console_form(office_admin, unit_a, login):
    client = login(office_admin)
    response = client.post(reverse("interaction:incident_register"), {
        "title": "网传停水", "learned_at": "2026-09-30T22:00", "level": "general", "lead_unit": unit_a.pk,
    })
    incident = Incident.objects.get()
    assert response.status_code == 302 and timezone.localtime(incident.learned_at).hour == 22
    for bad in ("9999-12-31", "abc", ""):
        response = client.post(reverse("interaction:incident_register"), {
            "title": "x", "learned_at": bad, "level": "general", "lead_unit": unit_a.pk})
        assert response.status_code == 400 and "获知时间" in response.content.decode()


def test_it_counts_late_responses_for_the_office_and_the_units_statistics(major, office_admin, clerk_a, login):
    home = login(office_admin).get(reverse("console:home")).content.decode()
    assert "舆情回应超时" in home and "示范市某小区供水中断" in home  # 2026-09-30 is long past
    stats = login(clerk_a).get(reverse("interaction:statistics")).content.decode()
    assert '<td>示范市财政局</td><td>1</td><td>0</td><td class="state state-overdue">1</td>' in stats
    reading = incidents.read([major])[0]
    assert reading.late and len(reading.open_marks) == 2
