"""`make run`'s demo content of interaction: messages (one answered and published), a
consultation on a draft of 肇庆市财政局 with a comment shown and one to moderate, an incident on
its clock; loaded once."""

from __future__ import annotations

import json

import pytest

from gongkai.interaction.demo import load_demo_interaction
from gongkai.interaction.models import Comment, CommentStatus, Consultation, Incident, Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(db):
    from gongkai.console.demo import DEMO_UNITS
    from gongkai.orgs.registry import load_registry_data
    from gongkai.records.demo import load_demo_records

    load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))
    load_demo_records()


def test_it_loads_the_demo_once(registry):
    assert load_demo_interaction() == 3
    assert load_demo_interaction() == 0
    assert Message.objects.count() == 3 and Message.objects.filter(Message.public_q()).count() == 1
    consultation = Consultation.objects.get()
    assert [s.key for s in consultation.sections] == ["第一条", "第二条", "第三条", "第四条"]
    assert consultation.period_days == 30
    assert sorted(Comment.objects.values_list("status", flat=True)) == [CommentStatus.PENDING, CommentStatus.SHOWN]
    assert Incident.objects.get().lead_unit.name == "肇庆市财政局"
