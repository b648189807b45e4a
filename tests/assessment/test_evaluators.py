"""The office assigns and re-assigns each unit's evaluators, also outside third parties, who then
see only the units assigned to them; every change audited, what was signed stays signed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.assessment import services
from gongkai.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def sheet_url(participant):
    return reverse("assessment:sheet", args=[participant.round_id, participant.pk])


def evaluators_url(participant):
    return reverse("assessment:evaluators", args=[participant.round_id, participant.pk])


def test_the_office_reassigns_a_unit_and_the_third_party_sees_only_that_unit(
        participant_a, participant_b, evaluator, second_evaluator, outsider_evaluator, office_admin, login):
    client = login(office_admin)
    page = client.get(reverse("assessment:round", args=[participant_a.round_id])).content.decode()
    assert "第三方评估员、第三方复核员" in page and evaluators_url(participant_a) in page
    response = client.post(evaluators_url(participant_a), {"evaluators": [second_evaluator.pk, outsider_evaluator.pk]})
    assert response.status_code == 302
    assert set(participant_a.evaluators.all()) == {second_evaluator, outsider_evaluator}
    entry = AuditEntry.objects.get(action="assessment_evaluators_assigned")
    assert entry.before["evaluators"] == ["第三方复核员", "第三方评估员"]
    assert entry.after == {"unit": "示范市财政局", "evaluators": ["未分配的评估员", "第三方复核员"]}
    assert entry.unit_id is None  # the office's record: the unit does not read who evaluates it
    third_party = login(outsider_evaluator)
    assert third_party.get(sheet_url(participant_a)).status_code == 200
    assert third_party.get(sheet_url(participant_b)).status_code == 404
    round_page = third_party.get(reverse("assessment:round", args=[participant_a.round_id])).content.decode()
    assert "示范市财政局" in round_page and "示范市教育局" not in round_page
    assert login(evaluator).get(sheet_url(participant_a)).status_code == 404  # no longer assigned


def test_only_the_office_assigns(participant_a, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        client = login(user)
        assert client.get(evaluators_url(participant_a)).status_code == 403
        assert client.post(evaluators_url(participant_a), {"evaluators": [evaluator.pk]}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.assign_evaluators(participant_a, [evaluator], actor=clerk_a)


def test_a_user_without_the_evaluator_role_is_refused(participant_a, clerk_b, office_admin):
    with pytest.raises(ValidationError, match="教育局赵经办不是评估人"):
        services.assign_evaluators(participant_a, [clerk_b], actor=office_admin)
    assert not AuditEntry.objects.filter(action="assessment_evaluators_assigned").exists()


def test_a_hostile_id_is_a_form_error(participant_a, office_admin, login):
    response = login(office_admin).post(evaluators_url(participant_a), {"evaluators": ["99999999999999999999"]})
    assert response.status_code == 200 and participant_a.evaluators.count() == 2
