"""The demo requests of make run: a dozen, in every state, loaded once."""

from __future__ import annotations

import json

import pytest

from gongkai.console.demo import DEMO_UNITS
from gongkai.foi.demo import load_demo_requests
from gongkai.foi.models import DisclosureProposal, Request, Status
from gongkai.orgs.registry import load_registry_data

pytestmark = pytest.mark.django_db


def test_it_loads_a_dozen_requests_in_various_states_once():
    load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))
    assert load_demo_requests() == 12
    statuses = set(Request.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert Request.objects.filter(letters__isnull=False).distinct().count() >= 4
    assert DisclosureProposal.objects.count() == 1
    assert load_demo_requests() == 0 and Request.objects.count() == 12


def test_it_skips_when_the_demo_units_are_missing(unit_a):
    assert load_demo_requests() == 0
