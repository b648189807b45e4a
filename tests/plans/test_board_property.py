"""Standing and overdue in one place (issue 14): the dashboard's SQL counts equal what the pure
rules (``rules.progress``) say over every slot of a generated plan of 50 units × 200 items, for
several cutoffs and days."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from gongkai.bench.planboard import _build
from gongkai.plans import board
from gongkai.plans.models import Assignment, Period, Plan, ProgressReport
from gongkai.rules import progress as rules
from gongkai.rules.board import Tally

pytestmark = pytest.mark.django_db


def _by_rules(plan: Plan, cutoff: date, today: date) -> dict[int, Tally]:
    """Each unit's tally computed slot by slot with the pure rules."""
    reports = {
        (row.assignment_id, row.period_id): row
        for row in ProgressReport.objects.filter(assignment__plan=plan)
    }
    periods = defaultdict(list)
    for period in Period.objects.filter(item__plan=plan, due_on__lte=cutoff):
        periods[period.item_id].append(period)
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * 6)
    for assignment in Assignment.objects.filter(plan=plan):
        for period in periods[assignment.item_id]:
            report = reports.get((assignment.pk, period.pk))
            state, status = (report.state, report.status) if report else (None, None)
            row = counts[assignment.unit_id]
            handed_in = state in rules.HANDED_IN
            row[0] += 1
            row[1] += handed_in
            row[2] += rules.standing(period.due_on, state, today, plan.given_on) is rules.Standing.ACCEPTED
            row[3] += handed_in and status == "done"
            row[4] += rules.is_advanced(state, status)
            row[5] += rules.is_overdue(period.due_on, state, today, plan.given_on)
    return {unit: Tally(*values) for unit, values in counts.items()}


@pytest.mark.parametrize("issued", [None, (5, 15)], ids=["issue-date-unknown", "issued-in-may"])
def test_the_dashboard_counts_what_the_rules_say_for_every_slot(issued):
    built = _build(units=50, items=200, periods=4)
    plan = Plan.objects.get(pk=built["plan"])
    year = plan.year
    # issued in May, the March periods are before the work was given: never overdue
    plan.issued_on = date(year, *issued) if issued else None
    plan.save(update_fields=["issued_on"])
    for cutoff, today in (
        (date(year, 3, 31), date(year, 4, 1)),
        (date(year, 6, 30), date(year, 6, 30)),
        (date(year, 12, 31), date(year, 9, 15)),
        (date(year, 12, 31), date(year + 1, 1, 2)),
    ):
        scope = board.Scope(plan=plan, cutoff=cutoff, today=today)
        dashboard = {row.key: row.tally for row in board.by_unit(scope)}
        expected = _by_rules(plan, cutoff, today)
        assert {unit: tally for unit, tally in dashboard.items() if tally.total} == expected, cutoff
