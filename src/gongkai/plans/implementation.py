"""Each unit's own implementation plan (实施方案): seed 000 asks every unit to publish one within
20 working days of the notice (本方案公布后20个工作日内), seed 003 within 30 (本要点印发后30个工作日内).

For a published plan, each unit with an assignment in it is due ``implementation_workdays``
working days after the notice's own issue date (or, where the office says so or the notice gives
none, the day the plan was published on the platform), and has published its own when a public
record of that unit sits in a column named ``implementation_column`` (or under one) with a
publication date on or after the plan's. The state (on time, late, pending, overdue) is derived
from those dates and ``today`` at read time, never stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.log import record as audit
from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.plans.models import IMPLEMENTATION_STARTS, Plan
from gongkai.records.models import Column, Record
from gongkai.rules.progress import is_past_due

MAX_WORKDAYS: Final = 250


class ImplementationState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"
    OVERDUE = "overdue"


LABELS: Final = {
    ImplementationState.ON_TIME: "已公开",
    ImplementationState.LATE: "逾期公开",
    ImplementationState.PENDING: "未公开·未到期",
    ImplementationState.OVERDUE: "逾期未公开",
}


def implementation_state(due_on: date, published_on: date | None, today: date) -> ImplementationState:
    """Where a unit stands: the due day itself is still on time (……个工作日内)."""
    if published_on is not None:
        return ImplementationState.ON_TIME if published_on <= due_on else ImplementationState.LATE
    return ImplementationState.OVERDUE if is_past_due(due_on, today) else ImplementationState.PENDING


@dataclass(frozen=True)
class PublishedPlan:
    """The record a unit published as its implementation plan (only what the table shows)."""

    record_id: int
    title: str
    published_on: date


@dataclass(frozen=True)
class UnitImplementation:
    unit: Unit
    due_on: date
    published: PublishedPlan | None
    state: ImplementationState

    @property
    def label(self) -> str:
        return LABELS[self.state]

    @property
    def is_late(self) -> bool:
        return self.state in (ImplementationState.LATE, ImplementationState.OVERDUE)


def is_required(plan: Plan) -> bool:
    return plan.is_public and plan.published_at is not None and bool(plan.implementation_workdays) \
        and bool(plan.implementation_column)


def start_date(plan: Plan) -> date:
    """The day the count starts after: the notice's own issue date (本方案公布后…), or the day
    the plan was published on the platform where the office says so or the date is unknown."""
    if plan.implementation_from == "issued" and plan.issued_on is not None:
        return plan.issued_on
    assert plan.published_at is not None
    return timezone.localdate(plan.published_at)


def due_date(plan: Plan) -> date:
    return working_calendar().add_workdays(start_date(plan), plan.implementation_workdays or 0)


# -- reading ---------------------------------------------------------------------------------


def implementation_rows(plan: Plan, today: date | None = None) -> list[UnitImplementation]:
    """Every unit assigned in ``plan``, in registry order, with its state (a handful of
    queries whatever the number of units). Empty when the plan asks for no implementation plan."""
    if not is_required(plan):
        return []
    units = list(Unit.objects.filter(assignments__plan=plan).distinct().order_by("sort_order", "pk"))
    return _rows(plan, units, today or timezone.localdate())


def unit_status(plan: Plan, unit: Unit, today: date | None = None) -> UnitImplementation | None:
    """One unit's row, for its own inbox; None when not required or the unit has no task in it."""
    if not is_required(plan) or not plan.assignments.filter(unit=unit).exists():
        return None
    return _rows(plan, [unit], today or timezone.localdate())[0]


def _rows(plan: Plan, units: list[Unit], today: date) -> list[UnitImplementation]:
    due_on = due_date(plan)
    published = _first_published(plan, [unit.pk for unit in units])
    return [
        UnitImplementation(
            unit=unit, due_on=due_on, published=published.get(unit.pk),
            state=implementation_state(due_on, _published_on(published.get(unit.pk)), today),
        )
        for unit in units
    ]


def _published_on(published: PublishedPlan | None) -> date | None:
    return published.published_on if published else None


def _first_published(plan: Plan, unit_ids: list[int]) -> dict[int, PublishedPlan]:
    """Each unit's earliest public record in the implementation column since the plan's day."""
    columns = _implementation_columns(plan.implementation_column, unit_ids)
    rows = (
        Record.objects.filter(Record.public_q(), unit_id__in=unit_ids, columns__in=columns,
                              published_on__gte=start_date(plan))
        .order_by("unit_id", "published_on", "pk")
        .values_list("unit_id", "pk", "title", "published_on")
    )
    first: dict[int, PublishedPlan] = {}
    for unit_id, pk, title, published_on in rows:
        first.setdefault(unit_id, PublishedPlan(record_id=pk, title=title, published_on=published_on))
    return first


def _implementation_columns(name: str, unit_ids: list[int]) -> set[int]:
    """The columns named ``name`` in these units' catalogs and every column under them (one query)."""
    rows = list(Column.objects.filter(unit_id__in=unit_ids).values_list("pk", "parent_id", "name"))
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent_id, _ in rows:
        children[parent_id].append(pk)
    found: set[int] = set()
    frontier = [pk for pk, _, column_name in rows if column_name == name]
    while frontier:
        found.update(frontier)
        frontier = [child for pk in frontier for child in children[pk] if child not in found]
    return found


def counts(rows: Iterable[UnitImplementation]) -> dict[ImplementationState, int]:
    totals = dict.fromkeys(ImplementationState, 0)
    for row in rows:
        totals[row.state] += 1
    return totals


# -- the office's setting --------------------------------------------------------------------


@transaction.atomic
def set_requirement(
    plan: Plan, workdays: int | None, column: str, *, actor: ServiceActor, start: str | None = None
) -> Plan:
    """How many working days the units have, from when (``start``: "issued" or "published"), and
    in which column their plans count; 0 or blank days means the plan asks for no implementation
    plan."""
    policy.require_manage(actor, "只有公开办管理员可以设置实施方案的公开要求。")
    if start is not None and start not in dict(IMPLEMENTATION_STARTS):
        raise ValidationError("期限只能自通知成文日期或自本平台发布之日起算。")
    workdays = workdays or None
    column = column.strip()
    if workdays is not None and not 0 < workdays <= MAX_WORKDAYS:
        raise ValidationError(f"工作日数应在 1 到 {MAX_WORKDAYS} 之间；留空或填 0 表示不要求。")
    if workdays is not None and not column:
        raise ValidationError("请填写实施方案所在栏目的名称，如“年度计划与总结”。")
    if len(column) > 50:
        raise ValidationError("栏目名称不能超过 50 个字。")
    before = {"workdays": plan.implementation_workdays, "column": plan.implementation_column,
              "start": plan.implementation_from}  # fmt: skip
    plan.implementation_workdays, plan.implementation_column = workdays, column
    plan.implementation_from = start or plan.implementation_from
    plan.save(update_fields=["implementation_workdays", "implementation_column", "implementation_from"])
    audit("plan_implementation_set", plan, before=before,
          after={"workdays": workdays, "column": column, "start": plan.implementation_from})  # fmt: skip
    return plan
