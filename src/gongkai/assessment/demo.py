"""The demo's assessment data: seed 001's indicator system, once, and an annual round on it for
two city departments with the demo's third-party evaluator, 教育局's 自评 handed in and
财政局's begun (so that every page of a round has something to show)."""

from __future__ import annotations

from django.db import transaction

from gongkai.assessment import services
from gongkai.assessment.models import IndicatorSystem, Round
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.orgs.models import Role, Unit, User
from gongkai.orgs.policy import SYSTEM
from gongkai.rules.assessment.rounds import default_stage_dates

DEMO_UNITS = ("肇庆市财政局", "肇庆市教育局")
DEMO_ROUND = "2026年度政务公开考评（演示）"


def load_demo_system() -> int:
    """Seed 001's system unless the office already has one; the number of systems created."""
    if IndicatorSystem.objects.exists():
        return 0
    services.create_demo_system(actor=SYSTEM)
    return 1


@transaction.atomic
def load_demo_round() -> int:
    """The demo round unless there is a round already (or its units are not in the registry)."""
    system = IndicatorSystem.objects.order_by("created_at", "pk").first()
    units = list(Unit.objects.filter(name__in=DEMO_UNITS).exclude(category="").order_by("name"))
    if Round.objects.exists() or system is None or len(units) != len(DEMO_UNITS):
        return 0
    today = dates.today()
    round_ = services.open_round(
        system=system, title=DEMO_ROUND, kind="annual", period_start=today.replace(month=1, day=1),
        period_end=today.replace(month=12, day=31), opens_on=today, due=default_stage_dates(today, working_calendar()),
        units=units, evaluators=User.objects.filter(roles__role=Role.EVALUATOR, unit__isnull=True).distinct(),
        actor=SYSTEM,
    )
    rules = system.as_rules()
    for participant in round_.participants.select_related("unit"):
        leaves = rules.leaves(participant.category)
        handed_in = participant.unit.name == "肇庆市教育局"
        for leaf in leaves if handed_in else leaves[:3]:
            services.enter_self_score(participant, leaf.code, leaf.points, "已落实（演示）", actor=SYSTEM)
        if handed_in:
            services.submit_self_assessment(participant, actor=SYSTEM)
    return 1
