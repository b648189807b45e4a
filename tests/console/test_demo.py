"""`make run`'s demo data: the seed notices' units and one account per role, loaded once."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import call_command

from gongkai.console.demo import DEMO_ACCOUNTS
from gongkai.orgs.models import GroupPhrase, Role, Unit, User
from gongkai.orgs.registry import build_registry
from gongkai.rules.units import resolve, resolve_cell
from tests.rules.test_units import SEED_000_CELLS, SEED_004_CELLS, SEED_GENERIC_PHRASES
from tests.seeds import DIGESTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def units_only(db):
    import json

    from gongkai.console.demo import DEMO_UNITS
    from gongkai.orgs.registry import load_registry_data

    load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))


@pytest.fixture
def demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_loads_the_units_and_prints_each_accounts_password_once(demo, settings):
    assert Unit.objects.count() > 100 and GroupPhrase.objects.exists()
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.has_role(account.role)
        assert account.username in demo
    kept = (settings.VAR_DIR / "demo-accounts.txt")
    assert kept.stat().st_mode & 0o777 == 0o600
    username, password = kept.read_text().splitlines()[0].split("\t")
    assert User.objects.get(username=username).check_password(password)
    again = io.StringIO()
    call_command("demo", stdout=again)
    assert "未作改动" in again.getvalue()
    assert User.objects.count() == len(DEMO_ACCOUNTS)


def test_it_gives_the_office_admin_the_city_office(demo):
    admin = User.objects.get(username="gongkaiban")
    assert admin.unit.name == "肇庆市人民政府办公室" and admin.has_role(Role.OFFICE_ADMIN)


@pytest.mark.parametrize(
    ("cell", "issuer"),
    [(cell, "肇庆市人民政府") for cell in SEED_000_CELLS] + [(cell, "江门市新会区人民政府") for cell in SEED_004_CELLS],
)
def test_it_resolves_every_unit_phrase_of_seeds_000_and_004_from_the_database(units_only, cell, issuer):
    registry = build_registry()
    within = Unit.objects.get(name=issuer).key
    resolved = resolve_cell(cell, registry, within)
    for resolution in resolved.resolutions:
        if resolution.normalized in SEED_GENERIC_PHRASES:
            assert resolution.generic
        else:
            assert resolution.ok, resolution.reason


def test_it_expands_a_group_phrase_to_a_unit_added_later(units_only):
    city = Unit.objects.get(name="肇庆市人民政府")
    before = resolve("各县(市、区)政府", build_registry(), city.key)
    Unit.objects.create(key="zq-new-county", name="肇庆市新设县人民政府", kind="county_gov", parent=city)
    after = resolve("各县(市、区)政府", build_registry(), city.key)
    assert set(after.unit_keys) - set(before.unit_keys) == {"zq-new-county"}


def test_it_shows_the_office_which_units_a_phrase_means(demo, client):
    client.force_login(User.objects.get(username="gongkaiban"))
    city = Unit.objects.get(name="肇庆市人民政府")
    text = client.get("/console/units/", {"phrase": "市府办牵头，各县(市、区)政府负责", "within": city.key}).content.decode()
    assert "肇庆市人民政府办公室" in text and "封开县人民政府" in text and "牵头" in text
    unknown = client.get("/console/units/", {"phrase": "市宇宙探索局", "within": city.key}).content.decode()
    assert "未找到" in unknown or "找不到" in unknown


def test_it_ships_the_seed_notices_unchanged():
    from gongkai.console.demo import SEEDS

    shipped = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SEEDS.glob("*.txt")}
    assert shipped == DIGESTS


def test_it_imports_the_plan_seeds_and_publishes_those_that_resolve(demo):
    from gongkai.plans.models import Plan, PlanStatus

    counts = {plan.source_name[:3]: (plan.items.count(), plan.status) for plan in Plan.objects.all()}
    assert counts["000"] == (91, PlanStatus.PUBLISHED)
    assert counts["004"] == (66, PlanStatus.PUBLISHED)
    assert counts["002"][0] == 16 and counts["003"][0] == 22  # 海口、荆门: drafts to resolve


def test_it_half_follows_the_published_plans_once(demo, settings):
    from django.utils import timezone

    from gongkai.plans.demo import load_demo_progress
    from gongkai.plans.models import Assignment, ProgressReport, ReportState
    from gongkai.rules.progress import is_overdue

    reports = ProgressReport.objects.all()
    assert "份演示用任务进展报告" in demo
    assert reports.filter(state=ReportState.ACCEPTED).exists() and reports.filter(state=ReportState.SUBMITTED).exists()
    assert reports.filter(status="delayed").exclude(reason="").exists()
    silent = Assignment.objects.filter(is_coordinator=True, reports__isnull=True, item__plan__year=2016)
    period = silent.filter(item__periods__due_on__isnull=False).first().item.periods.first()
    assert is_overdue(period.due_on, None, timezone.localdate())  # 2016's plan: the silent are overdue
    count = reports.count()
    assert load_demo_progress() == 0 and ProgressReport.objects.count() == count


def test_a_milestone_before_the_notice_was_issued_is_never_overdue(demo):
    from datetime import date

    from gongkai.plans import board
    from gongkai.plans.models import Plan
    from gongkai.rules.progress import Standing

    plan = Plan.objects.get(source_name__startswith="000")
    exams = plan.items.get(number="17")  # 中考3月 高考11月, in a notice issued on 2016-06-22
    march, november = exams.periods.order_by("due_on")
    assert (march.due_on, november.due_on, plan.given_on) == (date(2016, 3, 31), date(2016, 11, 30), date(2016, 6, 22))
    silent = {assignment.pk for assignment in exams.assignments.filter(reports__isnull=True)}
    assert silent
    scope = board.Scope(plan=plan, cutoff=date(2016, 12, 31), today=date(2016, 6, 22))
    listed = {
        (row["assignment_id"], row["period_id"]): standing
        for standing in Standing for row in board.in_standing(scope, standing) if row["assignment_id"] in silent
    }
    # on the day it was issued the March milestone is still to report on, not late
    assert {listed[pk, march.pk] for pk in silent} == {Standing.DUE}
    later = board.Scope(plan=plan, cutoff=date(2016, 12, 31), today=date(2017, 1, 3))
    overdue = {(row["assignment_id"], row["period_id"]) for row in board.in_standing(later, Standing.OVERDUE)}
    assert all((pk, november.pk) in overdue and (pk, march.pk) not in overdue for pk in silent)
