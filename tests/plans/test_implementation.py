"""Each unit publishes its own implementation plan within the plan's working days (seed 000: 20
个工作日, seed 003: 30): the due date, who published on time, late or not yet, derived at read time."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit
from gongkai.plans import implementation
from gongkai.plans.implementation import ImplementationState, implementation_state
from gongkai.plans.models import Plan
from gongkai.records import services as records
from gongkai.records.catalog import apply_default_columns
from gongkai.records.models import Column, Record

pytestmark = pytest.mark.django_db

PUBLISHED = date(2026, 9, 28)  # a Monday before 国庆节
DUE = date(2026, 10, 30)  # 20 working days later, across the 国庆 break (calendar package)


@pytest.fixture
def plan(plan_000):
    """Seed 000 as if published on 2026-09-28."""
    Plan.objects.filter(pk=plan_000.pk).update(
        published_at=timezone.make_aware(datetime(2026, 9, 28, 10, 0)), implementation_from="published"
    )  # the office counts from the day it published the 2016 notice on the platform
    return Plan.objects.get(pk=plan_000.pk)


@pytest.fixture
def finance(registry):
    return Unit.objects.get(name="肇庆市财政局")


@pytest.fixture
def housing(registry):
    return Unit.objects.get(name="肇庆市住房和城乡建设局")


def publish_on(unit: Unit, column_path: str, day: date, title: str = "本单位2026年政务公开工作实施方案") -> Record:
    """A public record of ``unit`` in ``column_path`` ("规划计划/年度计划与总结"), dated ``day``."""
    apply_default_columns(unit)
    column = _column(unit, column_path)
    record = records.create_record(unit, {"title": title, "body": "<p>为贯彻落实分工方案，制定本方案。</p>",
                                          "written_on": day}, columns=[column])
    records.submit_record(record)
    records.publish_record(record)
    Record.objects.filter(pk=record.pk).update(published_on=day)
    return record


def _column(unit: Unit, path: str) -> Column:
    parent = None
    for name in path.split("/"):
        parent = Column.objects.get(unit=unit, parent=parent, name=name)
    assert parent is not None
    return parent


# -- the pure derivation -----------------------------------------------------------------------


@pytest.mark.parametrize(("published_on", "today", "state"), [
    (date(2026, 10, 30), date(2026, 12, 1), ImplementationState.ON_TIME),  # on the due day itself
    (date(2026, 10, 8), date(2026, 10, 9), ImplementationState.ON_TIME),
    (date(2026, 11, 2), date(2026, 11, 2), ImplementationState.LATE),
    (None, date(2026, 10, 30), ImplementationState.PENDING),
    (None, date(2026, 11, 2), ImplementationState.OVERDUE),
])
def test_it_derives_the_state_from_the_dates(published_on, today, state):
    assert implementation_state(DUE, published_on, today) is state


# -- the rows of a plan ------------------------------------------------------------------------


def test_it_counts_20_working_days_across_the_national_day_break(plan):
    assert implementation.start_date(plan) == PUBLISHED
    assert implementation.due_date(plan) == DUE
    plan.implementation_workdays = 30
    assert implementation.due_date(plan) > DUE


def test_it_counts_from_the_notices_own_issue_date_unless_the_office_says_otherwise(plan, admin_zq):
    implementation.set_requirement(plan, 20, "年度计划与总结", actor=admin_zq, start="issued")
    assert implementation.start_date(plan) == date(2016, 6, 22)  # 肇庆's notice was issued then
    assert implementation.due_date(plan) == date(2016, 7, 20)
    implementation.set_requirement(plan, 20, "年度计划与总结", actor=admin_zq, start="published")
    assert implementation.start_date(plan) == PUBLISHED
    with pytest.raises(ValidationError):
        implementation.set_requirement(plan, 20, "年度计划与总结", actor=admin_zq, start="tomorrow")


def test_it_lists_each_assigned_unit_once_in_registry_order(plan):
    rows = implementation.implementation_rows(plan, date(2026, 10, 9))
    ids = [row.unit.pk for row in rows]
    assert len(ids) == len(set(ids)) == plan.assignments.values("unit").distinct().count()
    orders = [(row.unit.sort_order, row.unit.pk) for row in rows]
    assert orders == sorted(orders)
    assert {row.state for row in rows} == {ImplementationState.PENDING}
    assert {row.due_on for row in rows} == {DUE}


def test_it_tells_on_time_from_late_and_overdue(plan, finance, housing):
    on_time = publish_on(finance, "规划计划/年度计划与总结", DUE)
    publish_on(housing, "规划计划/年度计划与总结", date(2026, 11, 2))
    rows = {row.unit.pk: row for row in implementation.implementation_rows(plan, date(2026, 11, 3))}
    assert rows[finance.pk].state is ImplementationState.ON_TIME and rows[finance.pk].label == "已公开"
    assert rows[finance.pk].published.record_id == on_time.pk
    assert rows[housing.pk].state is ImplementationState.LATE and rows[housing.pk].label == "逾期公开"
    others = {row.state for pk, row in rows.items() if pk not in (finance.pk, housing.pk)}
    assert others == {ImplementationState.OVERDUE}
    counts = implementation.counts(rows.values())
    assert counts[ImplementationState.ON_TIME] == counts[ImplementationState.LATE] == 1


def test_it_takes_the_earliest_record_since_the_plan_was_published(plan, finance):
    publish_on(finance, "规划计划/年度计划与总结", date(2026, 9, 1), title="去年的实施方案")
    first = publish_on(finance, "规划计划/年度计划与总结", date(2026, 10, 12), title="实施方案")
    publish_on(finance, "规划计划/年度计划与总结", date(2026, 11, 20), title="实施方案（修订）")
    row = implementation.unit_status(plan, finance, date(2026, 12, 1))
    assert row is not None and row.published.record_id == first.pk
    assert row.published.published_on == date(2026, 10, 12) and row.state is ImplementationState.ON_TIME


def test_it_ignores_other_columns_and_records_not_public(plan, finance):
    publish_on(finance, "通知公告", date(2026, 10, 9))
    apply_default_columns(finance)
    draft = records.create_record(finance, {"title": "实施方案（草稿）", "body": "<p>草稿</p>",
                                            "written_on": date(2026, 10, 9)},
                                  columns=[_column(finance, "规划计划/年度计划与总结")])
    assert draft.status == "draft"
    row = implementation.unit_status(plan, finance, date(2026, 11, 3))
    assert row is not None and row.published is None and row.state is ImplementationState.OVERDUE


def test_it_counts_records_in_the_columns_under_the_configured_one(plan, finance, admin_zq):
    implementation.set_requirement(plan, 20, "规划计划", actor=admin_zq)
    publish_on(finance, "规划计划/年度计划与总结", date(2026, 10, 9))
    row = implementation.unit_status(plan, finance, date(2026, 10, 9))
    assert row is not None and row.state is ImplementationState.ON_TIME


def test_it_reads_in_a_few_queries_whatever_the_number_of_units(plan, finance, housing, django_assert_max_num_queries):
    publish_on(finance, "规划计划/年度计划与总结", DUE)
    publish_on(housing, "规划计划/年度计划与总结", date(2026, 11, 2))
    with django_assert_max_num_queries(6):
        rows = implementation.implementation_rows(plan, date(2026, 11, 3))
        assert len(rows) > 40


def test_it_gives_no_status_to_a_unit_without_a_task(plan, registry):
    outsider = Unit.objects.exclude(assignments__plan=plan).first()
    assert implementation.unit_status(plan, outsider, date(2026, 11, 3)) is None


def test_it_requires_nothing_with_zero_or_blank_days(plan, finance, admin_zq):
    implementation.set_requirement(plan, 0, "", actor=admin_zq)
    plan.refresh_from_db()
    assert plan.implementation_workdays is None
    assert implementation.implementation_rows(plan, date(2026, 11, 3)) == []
    assert implementation.unit_status(plan, finance, date(2026, 11, 3)) is None


def test_it_requires_nothing_of_a_draft_plan(plan, finance):
    Plan.objects.filter(pk=plan.pk).update(status="draft")
    plan.refresh_from_db()
    assert implementation.implementation_rows(plan) == []


# -- the office's setting ----------------------------------------------------------------------


def test_it_audits_the_requirement_the_office_sets(plan, admin_zq):
    implementation.set_requirement(plan, 30, "年度计划与总结", actor=admin_zq)
    plan.refresh_from_db()
    assert plan.implementation_workdays == 30
    entry = AuditEntry.objects.get(action="plan_implementation_set")
    assert entry.before["workdays"] == 20 and entry.after["workdays"] == 30


@pytest.mark.parametrize(("workdays", "column", "message"), [
    (300, "年度计划与总结", "1 到 250"),
    (20, "  ", "栏目"),
    (20, "栏" * 51, "50 个字"),
])
def test_it_refuses_a_bad_requirement(plan, admin_zq, workdays, column, message):
    with pytest.raises(ValidationError, match=message):
        implementation.set_requirement(plan, workdays, column, actor=admin_zq)


def test_it_refuses_a_unit_user_the_setting(plan, clerk_zq):
    with pytest.raises(PermissionDenied):
        implementation.set_requirement(plan, 5, "年度计划与总结", actor=clerk_zq)
    plan.refresh_from_db()
    assert plan.implementation_workdays == 20


# -- the console page ----------------------------------------------------------------------------


def test_it_shows_the_office_the_table_and_counts(plan, finance, admin_zq, login):
    publish_on(finance, "规划计划/年度计划与总结", DUE, title="财政局政务公开实施方案")
    response = login(admin_zq).get(reverse("plans:implementation", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "财政局政务公开实施方案" in html and "2026年10月30日" in html
    units = plan.assignments.values("unit").distinct().count()
    assert "<li>已公开 1</li>" in html and f"<li>逾期未公开 {units - 1}</li>" in html  # today is past the due date
    assert "肇庆市住房和城乡建设局" in html


def test_it_saves_the_requirement_from_the_page(plan, admin_zq, login):
    url = reverse("plans:implementation", args=[plan.pk])
    response = login(admin_zq).post(url, {"workdays": "30", "column": "年度计划与总结"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.implementation_workdays == 30
    response = login(admin_zq).post(url, {"workdays": "", "column": ""}, follow=True)
    plan.refresh_from_db()
    assert plan.implementation_workdays is None and "未要求" in response.content.decode()


def test_it_refuses_the_page_to_a_unit_user(plan, clerk_zq, login):
    client = login(clerk_zq)
    url = reverse("plans:implementation", args=[plan.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"workdays": "1", "column": "通知公告"}).status_code == 403
    plan.refresh_from_db()
    assert plan.implementation_workdays == 20


def test_it_sends_the_public_to_the_login_page(plan, client):
    response = client.get(reverse("plans:implementation", args=[plan.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_it_says_a_draft_plan_has_no_due_dates_yet(plan, admin_zq, login):
    Plan.objects.filter(pk=plan.pk).update(status="draft")
    response = login(admin_zq).get(reverse("plans:implementation", args=[plan.pk]))
    assert response.status_code == 200 and "方案尚未发布" in response.content.decode()


def test_it_links_the_page_from_the_console_plan_list(plan, admin_zq, clerk_zq, login):
    url = reverse("plans:implementation", args=[plan.pk])
    assert url in login(admin_zq).get(reverse("plans:console_list")).content.decode()
    assert url not in login(clerk_zq).get(reverse("plans:console_list")).content.decode()
