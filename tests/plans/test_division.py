"""After publication the office names another coordinator, adds a unit or removes one that has not
reported; units hear of it, every change is audited, and nobody else may do it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Notice
from gongkai.plans import division, progress
from gongkai.plans.models import Assignment, Item, Period, ProgressReport

pytestmark = pytest.mark.django_db

FORM = {"status": "in_progress", "text": "已完成信息公开目录梳理。", "problems": "", "next_steps": "继续推进。"}


def item(number: str) -> Item:
    return Item.objects.get(number=number)


def test_the_office_moves_consolidation_to_a_cooperating_unit(small_plan, unit_a, unit_b, clerk_a, clerk_b, office_admin):
    first = Period.objects.filter(item__number="1").order_by("seq").first()
    old = Assignment.objects.get(item__number="1", unit=unit_a)
    draft = progress.save_report(old, first, FORM, actor=clerk_a)
    assert draft.consolidated

    new = division.set_coordinator(item("1"), unit_b.pk, actor=office_admin)

    assert (new.role, new.is_coordinator) == ("lead", True)  # the coordinator leads: it sees the others' reports
    assert not Assignment.objects.get(pk=old.pk).is_coordinator
    assert not ProgressReport.objects.get(pk=draft.pk).consolidated  # the old draft is a unit report now
    report = progress.save_report(new, first, FORM, actor=clerk_b)
    assert report.consolidated
    entry = AuditEntry.objects.get(action="plan_coordinator_changed")
    assert entry.before == {"coordinator": "示范市财政局"}
    assert entry.after == {"coordinator": "示范市教育局", "promoted_to_lead": True}
    assert Notice.objects.get(user=clerk_b).title == "2026年分工方案第 1 项改由您单位汇总报送"
    assert "改由示范市教育局汇总报送" in Notice.objects.get(user=clerk_a).title


def test_a_handed_in_consolidated_report_stays_as_it_was(small_plan, unit_a, unit_b, clerk_a, office_admin):
    first = Period.objects.filter(item__number="1").order_by("seq").first()
    submitted = progress.save_report(Assignment.objects.get(item__number="1", unit=unit_a), first, FORM,
                                     actor=clerk_a, submit=True)
    division.set_coordinator(item("1"), unit_b.pk, actor=office_admin)
    assert ProgressReport.objects.get(pk=submitted.pk).consolidated


def test_an_item_has_one_coordinator_at_most(small_plan, unit_b):
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(item__number="1", unit=unit_b).update(is_coordinator=True)


def test_the_office_adds_a_unit_which_then_reports(small_plan, unit_c, clerk_c, office_admin):
    added = division.add_unit(item("2"), unit_c, "cooperating", actor=office_admin)
    assert (added.role, added.is_coordinator, added.order) == ("cooperating", False, 1)
    assert progress.visible_assignments(clerk_c).filter(pk=added.pk).exists()
    period = Period.objects.get(item__number="2")
    assert not progress.save_report(added, period, FORM, actor=clerk_c).consolidated
    assert Notice.objects.get(user=clerk_c).title == "您单位新承担2026年分工方案第 2 项（配合）"
    assert AuditEntry.objects.get(action="plan_assignment_added").after["unit"] == "示范市公安局"
    with pytest.raises(ValidationError, match="已承担此事项"):
        division.add_unit(item("2"), unit_c, "lead", actor=office_admin)


def test_removal_keeps_units_that_reported_and_the_coordinator(small_plan, unit_a, unit_b, clerk_b, office_admin):
    cooperating = Assignment.objects.get(item__number="1", unit=unit_b)
    first = Period.objects.filter(item__number="1").order_by("seq").first()
    progress.save_report(cooperating, first, FORM, actor=clerk_b)
    with pytest.raises(ValidationError, match="已填报进展"):
        division.remove_unit(cooperating, actor=office_admin)
    with pytest.raises(ValidationError, match="请先指定其他单位汇总报送"):
        division.remove_unit(Assignment.objects.get(item__number="1", unit=unit_a), actor=office_admin)
    assert Assignment.objects.filter(item__number="1").count() == 2

    ProgressReport.objects.filter(assignment=cooperating).delete()
    division.remove_unit(cooperating, actor=office_admin)
    assert list(Assignment.objects.filter(item__number="1").values_list("unit_id", flat=True)) == [unit_a.pk]
    assert AuditEntry.objects.get(action="plan_assignment_removed").before["unit"] == "示范市教育局"
    assert Notice.objects.get(user=clerk_b).title == "您单位不再承担2026年分工方案第 1 项"


def test_only_the_office_changes_a_division_and_only_of_a_published_plan(small_plan, unit_b, unit_c, clerk_a, office_admin):
    for call in (lambda: division.set_coordinator(item("1"), unit_b.pk, actor=clerk_a),
                 lambda: division.add_unit(item("1"), unit_c, "lead", actor=clerk_a)):
        with pytest.raises(PermissionDenied):
            call()
    small_plan.status = "draft"
    small_plan.save(update_fields=["status"])
    with pytest.raises(ValidationError, match="尚未发布"):
        division.add_unit(item("1"), unit_c, "lead", actor=office_admin)
    assert not AuditEntry.objects.filter(action__startswith="plan_assignment").exists()


def test_the_division_page(small_plan, unit_a, unit_b, unit_c, office_admin, clerk_a, login):
    url = reverse("plans:item_units", args=[small_plan.pk, item("1").pk])
    assert login(clerk_a).get(url).status_code == 403
    client = login(office_admin)
    page = client.get(url).content.decode()
    assert "示范市财政局" in page and "改由其汇总报送" in page and "示范市公安局" in page  # 公安局 offered to add
    response = client.post(url, {"action": "add", "unit": unit_c.pk, "role": "lead"}, follow=True)
    assert "已把本事项分派给示范市公安局（牵头）" in response.content.decode()
    response = client.post(url, {"action": "coordinator", "unit": unit_c.pk}, follow=True)
    assert "已改由示范市公安局汇总报送" in response.content.decode()
    response = client.post(url, {"action": "remove", "unit": unit_c.pk}, follow=True)
    assert "请先指定其他单位汇总报送" in response.content.decode()
    response = client.post(url, {"action": "add", "unit": "", "role": "lead"}, follow=True)
    assert "请选择单位" in response.content.decode()
    assert client.post(url, {"action": "remove", "unit": 999999}).status_code == 404
    assert f'href="{url}"' in client.get(reverse("plans:review", args=[small_plan.pk])).content.decode()
