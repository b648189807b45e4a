"""The demo loads seed 001's indicator system once, with the note saying which points it assumed."""

from __future__ import annotations

import pytest

from gongkai.assessment.demo import load_demo_system
from gongkai.assessment.models import IndicatorSystem
from gongkai.audit.models import AuditEntry
from gongkai.rules.units import UnitCategory

pytestmark = pytest.mark.django_db


def test_it_loads_seed_001s_system_once():
    assert load_demo_system() == 1 and load_demo_system() == 0
    system = IndicatorSystem.objects.get().as_rules()
    assert "未给出分值" in system.note
    assert all(system.total_points(cls) == 100 for cls in UnitCategory)
    assert AuditEntry.objects.filter(action="assessment_system_imported", actor_label="系统").exists()


def test_it_opens_a_demo_round_once_with_one_self_assessment_handed_in(city, evaluator):
    from gongkai.assessment.demo import DEMO_ROUND, load_demo_round
    from gongkai.assessment.models import Round
    from gongkai.orgs.models import Unit, UnitKind

    assert load_demo_round() == 0  # no system yet
    load_demo_system()
    for key, name in (("zq-finance", "肇庆市财政局"), ("zq-education", "肇庆市教育局")):
        Unit.objects.create(key=key, name=name, kind=UnitKind.DEPARTMENT, parent=city, category="key_department")
    assert load_demo_round() == 1 and load_demo_round() == 0
    round_ = Round.objects.get(title=DEMO_ROUND)
    finance, education = (round_.participants.get(unit__name=name) for name in ("肇庆市财政局", "肇庆市教育局"))
    assert education.submitted_at is not None and finance.submitted_at is None
    assert finance.entries.count() == 3 and list(finance.evaluators.all()) == [evaluator]
