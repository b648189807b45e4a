"""Assessment fixtures: seed 001's demo system, a round on it with two city departments, two
evaluators assigned (one collects, the other re-checks), and a published record of 财政局."""

from __future__ import annotations

import pytest

from tests.conftest import make_user
from tests.plans.conftest import small_plan, unit_c  # noqa: F401  (fixtures reused)
from tests.records.conftest import _media_in_tmp, columns_a, make_draft, publish  # noqa: F401,F811  (fixtures reused; uploads in tmp)


@pytest.fixture
def demo_system(office_admin):
    from gongkai.assessment import services

    return services.create_demo_system(actor=office_admin)


@pytest.fixture
def second_evaluator(office_unit):
    return make_user("evaluator2", None, "evaluator", full_name="第三方复核员")


@pytest.fixture
def outsider_evaluator(office_unit):
    return make_user("evaluator3", None, "evaluator", full_name="未分配的评估员")


@pytest.fixture
def stage_dates():
    from django.utils import timezone

    from gongkai.calendars.service import working_calendar
    from gongkai.rules.assessment.rounds import default_stage_dates

    today = timezone.localdate()
    return today, default_stage_dates(today, working_calendar())


@pytest.fixture
def a_round(demo_system, unit_a, unit_b, evaluator, second_evaluator, office_admin, stage_dates):
    from gongkai.assessment import services

    opens_on, due = stage_dates
    return services.open_round(
        system=demo_system, title="2026年度政务公开考评", kind="annual", period_start=opens_on.replace(month=1, day=1),
        period_end=opens_on.replace(month=12, day=31), opens_on=opens_on, due=due, units=[unit_a, unit_b],
        evaluators=[evaluator, second_evaluator], actor=office_admin,
    )


@pytest.fixture
def participant_a(a_round, unit_a):
    return a_round.participants.get(unit=unit_a)


@pytest.fixture
def participant_b(a_round, unit_b):
    return a_round.participants.get(unit=unit_b)


@pytest.fixture
def published_record(make_draft, publish):  # noqa: F811
    return publish(make_draft(title="示范市财政局2026年部门预算"))


@pytest.fixture
def handed_in_report(small_plan, unit_a, clerk_a):  # noqa: F811
    """财政局's report on item 1 of the small plan, handed in for 验收."""
    from gongkai.plans import progress
    from gongkai.plans.models import Assignment

    lead = Assignment.objects.get(item__number="1", unit=unit_a)
    report = progress.save_report(lead, lead.item.periods.order_by("seq").first(),
                                  {"status": "in_progress", "text": "部门预算已公开到款级科目。"}, actor=clerk_a)
    return progress.submit_report(report, actor=clerk_a)
