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
