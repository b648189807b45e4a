"""The demo's assessment data: seed 001's indicator system, once."""

from __future__ import annotations

from gongkai.assessment import services
from gongkai.assessment.models import IndicatorSystem
from gongkai.orgs.policy import SYSTEM


def load_demo_system() -> int:
    """Seed 001's system unless the office already has one; the number of systems created."""
    if IndicatorSystem.objects.exists():
        return 0
    services.create_demo_system(actor=SYSTEM)
    return 1
