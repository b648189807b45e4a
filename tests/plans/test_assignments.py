"""Publishing a plan assigns each item to the units it names, with its reporting periods."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.policy import SYSTEM, MissingActor, policy
from gongkai.plans import progress, services
from gongkai.plans.models import Assignment, Period

pytestmark = pytest.mark.django_db


def test_it_assigns_lead_and_cooperating_units_with_the_first_lead_consolidating(small_plan, unit_a, unit_b):
    first = Assignment.objects.filter(item__number="1").order_by("order")
    assert [(a.unit_id, a.role, a.is_coordinator) for a in first] == [
        (unit_a.pk, "lead", True), (unit_b.pk, "cooperating", False),
    ]
    only = Assignment.objects.get(item__number="3")
    assert only.role == "lead" and only.is_coordinator  # listed alone in a 责任单位 column: it leads
    audit = AuditEntry.objects.get(action="plan_published")
    assert audit.after["assignments"] == 4


def test_it_gives_each_item_its_periods_from_the_schedule(small_plan):
    quarterly = Period.objects.filter(item__number="1").order_by("seq")
    # issued 2026-03-02: the quarter ends after it within 2026
    assert [p.due_on for p in quarterly] == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]
    assert [p.due_on for p in Period.objects.filter(item__number="2")] == [date(2026, 9, 30)]
    event = Period.objects.get(item__number="3")
    assert event.due_on is None and event.label == "待触发"


def test_it_flags_a_due_date_on_a_holiday(small_plan):
    # 2026-12-31 is a Thursday (a working day); 2026-03-31 a Tuesday: neither is flagged
    assert not Period.objects.filter(on_holiday=True, item__number__in=["1", "2"]).exists()


def test_seed_000_assigns_every_unit_its_group_phrase_names(plan_000):
    counties = Unit.objects.filter(kind=UnitKind.COUNTY_GOV, parent__name="肇庆市人民政府").count()
    item = next(i for i in plan_000.items.all() if any("各县" in p for p in i.unit_phrases))
    assert item.assignments.filter(unit__kind=UnitKind.COUNTY_GOV).count() == counties > 0
    assert Assignment.objects.filter(plan=plan_000).count() == 988
    assert Assignment.objects.filter(plan=plan_000, is_coordinator=True).count() == plan_000.items.count()


def test_a_unit_added_later_is_not_added_to_a_published_plan(plan_000, zhaoqing):
    before = Assignment.objects.filter(plan=plan_000).count()
    Unit.objects.create(key="new-county", name="肇庆市新设县人民政府", kind=UnitKind.COUNTY_GOV, parent=zhaoqing)
    item = next(i for i in plan_000.items.all() if any("各县" in p for p in i.unit_phrases))
    with pytest.raises(ValidationError, match="已发布"):
        services.resolve_phrase(plan_000, "市新设县", Unit.objects.get(key="new-county"), actor=SYSTEM)
    services.update_item(item, {"text": item.text + "（修订）"}, actor=SYSTEM)
    assert Assignment.objects.filter(plan=plan_000).count() == before
    assert not Assignment.objects.filter(unit__key="new-county").exists()


def test_it_refuses_changing_units_of_a_published_item(small_plan):
    item = small_plan.items.get(number="2")
    with pytest.raises(ValidationError, match="不能再修改责任单位"):
        services.update_item(item, {"lead_units": "示范市公安局", "units": ""}, actor=SYSTEM)
    services.update_item(item, {"lead_units": "示范市教育局", "units": "", "text": "公开招生范围。"}, actor=SYSTEM)
    assert item.assignments.count() == 1


def test_publishing_twice_is_refused(small_plan):
    with pytest.raises(ValidationError, match="已经发布"):
        services.publish_plan(small_plan, actor=SYSTEM)
    assert Assignment.objects.filter(plan=small_plan).count() == 4


def test_the_office_records_an_event_trigger_in_working_days(small_plan, office_admin, clerk_c):
    item = small_plan.items.get(number="3")
    with pytest.raises(PermissionDenied):
        progress.record_trigger(item, date(2026, 9, 28), actor=clerk_c)
    period = progress.record_trigger(item, date(2026, 9, 28), actor=office_admin)
    # 10 working days after Monday 28 September 2026: 9-29, 9-30, (10-1..10-7 国庆中秋), 10-8,
    # 10-9, Saturday 10-10 (调休上班), 10-12 … 10-16
    assert period.due_on == date(2026, 10, 16)
    assert AuditEntry.objects.filter(action="plan_item_triggered").count() == 1
    with pytest.raises(ValidationError, match="只有事件类事项"):
        progress.record_trigger(small_plan.items.get(number="2"), date(2026, 9, 28), actor=office_admin)
    with pytest.raises(ValidationError, match="不在方案年度"):
        progress.record_trigger(item, date(2030, 1, 1), actor=office_admin)


def test_an_event_that_recurs_gets_a_period_each_time_and_keeps_what_was_reported(
    small_plan, office_admin
):
    item = small_plan.items.get(number="3")
    first = progress.record_trigger(item, date(2026, 9, 28), actor=office_admin)
    second = progress.record_trigger(item, date(2026, 11, 2), 5, actor=office_admin)
    assert [p.due_on for p in item.periods.order_by("seq")] == [date(2026, 10, 16), date(2026, 11, 9)]
    assert (first.seq, second.seq) == (1, 2)  # the first trigger's period is not moved
    assert AuditEntry.objects.filter(action="plan_item_triggered").count() == 2


def test_an_event_takes_its_own_window_from_its_deadline(small_plan, office_admin):
    from gongkai.plans.models import Item

    item = small_plan.items.get(number="3")
    Item.objects.filter(pk=item.pk).update(deadline_raw="印发后3个工作日内")
    item.refresh_from_db()
    period = progress.record_trigger(item, date(2026, 9, 28), actor=office_admin)
    assert period.due_on == date(2026, 10, 8)  # 9-29, 9-30, then 10-8 after 国庆中秋


def test_correcting_a_published_deadline_moves_its_periods_until_someone_reports(small_plan, unit_b, clerk_b):
    item = small_plan.items.get(number="2")
    services.update_item(item, {"deadline_raw": "2026年10月底前", "deadline_date": date(2026, 10, 31)}, actor=SYSTEM)
    assert [p.due_on for p in item.periods.all()] == [date(2026, 10, 31)]
    assert item.periods.get().on_holiday  # a Saturday: kept as written, flagged
    progress.save_report(item.assignments.get(unit=unit_b), item.periods.get(),
                         {"status": "in_progress", "text": "招生范围已公开。"}, actor=clerk_b)
    with pytest.raises(ValidationError, match="已有单位报送"):
        services.update_item(item, {"deadline_date": date(2026, 11, 30)}, actor=SYSTEM)
    assert [p.due_on for p in item.periods.all()] == [date(2026, 10, 31)]


def test_a_service_called_without_an_actor_fails_loudly(small_plan, unit_b, clerk_b):
    """A view that forgets to pass its user must not act as the platform: only SYSTEM does."""
    assignment = Assignment.objects.get(item__number="2", unit=unit_b)
    period = assignment.item.periods.first()
    for call in (
        lambda: services.update_item(small_plan.items.first(), {"text": "改"}, actor=None),
        lambda: progress.save_report(assignment, period, {"status": "in_progress", "text": "进展"}, actor=None),
        lambda: progress.record_trigger(small_plan.items.get(number="3"), date(2026, 5, 6), actor=None),
    ):
        with pytest.raises(MissingActor):
            call()
    assert not assignment.reports.exists()


def test_only_an_active_clerk_of_the_unit_may_report_for_it(small_plan, unit_a, unit_b, clerk_b):
    assignment = Assignment.objects.get(item__number="2", unit=unit_b)
    period = assignment.item.periods.first()
    assert policy.may_report(clerk_b, unit_b.pk) and not policy.may_report(clerk_b, unit_a.pk)
    clerk_b.is_active = False
    clerk_b.save(update_fields=["is_active"])
    assert not policy.may_report(clerk_b, unit_b.pk)
    with pytest.raises(PermissionDenied):
        progress.save_report(assignment, period, {"status": "in_progress", "text": "进展"}, actor=clerk_b)
