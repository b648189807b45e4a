"""The dashboard runs the same number of queries whatever the number of items."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.orgs.policy import SYSTEM
from gongkai.plans import services
from gongkai.plans.models import Assignment, ProgressReport
from tests.plans.board_data import freeze_today

pytestmark = pytest.mark.django_db


def plan_of(size: int, city):
    items = [
        {"number": str(n), "section": [f"第{n % 3 + 1}部分"], "text": f"第{n}项工作要求。",
         "lead_units": ["示范市财政局"], "units": ["示范市财政局", "示范市教育局"],
         "deadline": {"raw": "每季度", "date": None, "recurrence": "quarterly", "inherited": False}}
        for n in range(1, size + 1)
    ]
    plan = services.create_plan({"title": f"{size}项方案", "issued_on": "2026-01-05", "year": 2026, "items": items},
                                issuer_unit=city, actor=SYSTEM)
    plan = services.publish_plan(plan, actor=SYSTEM)
    reports = [
        ProgressReport(assignment=assignment, period=period, unit_id=assignment.unit_id, status="in_progress",
                       text="推进中", state="submitted" if assignment.item.order % 2 else "accepted")
        for assignment in Assignment.objects.filter(plan=plan, role="lead").select_related("item")
        for period in assignment.item.periods.filter(due_on__lte=date(2026, 6, 30))
    ]
    ProgressReport.objects.bulk_create(reports)
    return plan


def dashboard_queries(client, plan) -> tuple[int, int]:
    url = reverse("plans:dashboard", args=[plan.pk])
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    assert page.status_code == 200
    return len(queries), page.context["overall"].total


def test_the_dashboard_query_count_does_not_grow_with_items(city, unit_a, unit_b, office_admin, login, monkeypatch):
    freeze_today(monkeypatch, date(2026, 10, 15))
    client = login(office_admin)
    small, small_total = dashboard_queries(client, plan_of(10, city))
    large, large_total = dashboard_queries(client, plan_of(50, city))
    assert (small_total, large_total) == (10 * 2 * 3, 50 * 2 * 3)  # items × units × quarters due
    assert small == large
    assert small <= 20
