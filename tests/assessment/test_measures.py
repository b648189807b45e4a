"""Leaves bound to a measure show the evaluator what the platform measured for the round's
period and the points it suggests; the unit does not see it before publication."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.assessment.measures import measure
from gongkai.rules.assessment.measures import Measure

pytestmark = pytest.mark.django_db


def test_records_published_within_their_working_days_count_on_time(participant_a, make_draft, publish):
    publish(make_draft(title="按时公开的通知", written_on=timezone.localdate()))
    publish(make_draft(title="逾期公开的通知", written_on=date(2026, 3, 2)))
    measured = measure(participant_a, Measure.RECORDS_ON_TIME)
    assert (measured.met, measured.total) == (1, 2)


def test_replies_by_their_due_date_count_on_time(participant_a, unit_a):
    """The measure reads the reply date and the due date the request's clock wrote (the clock
    itself is tested in tests/foi); here the two dates are set directly."""
    from gongkai.foi import services
    from gongkai.foi.models import Request
    from tests.foi.conftest import citizen_details

    today = timezone.localdate()
    first = services.submit_request(citizen_details(), unit=unit_a)
    second = services.submit_request(citizen_details(), unit=unit_a)
    Request.objects.filter(pk=first.pk).update(replied_on=today, due_on=today)
    Request.objects.filter(pk=second.pk).update(replied_on=today, due_on=today - timedelta(days=1))
    measured = measure(participant_a, Measure.FOI_ON_TIME)
    assert (measured.met, measured.total) == (1, 2)


def test_the_evaluator_sees_the_measure_and_the_unit_does_not(participant_a, clerk_a, evaluator, make_draft,
                                                              publish, login):
    publish(make_draft(title="按时公开的通知", written_on=timezone.localdate()))
    url = reverse("assessment:sheet", args=[participant_a.round_id, participant_a.pk])
    html = login(evaluator).get(url).content.decode()
    assert "平台测量：主动公开信息在形成之日起规定工作日内公开：1 件中按时 1 件（100.0%）；建议 3 分" in html
    assert "平台测量" not in login(clerk_a).get(url).content.decode()
