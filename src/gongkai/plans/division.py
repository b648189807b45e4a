"""The office corrects who does a published item (任务分工调整).

Publication fixes an item's units from its phrases, and the first-listed lead consolidates. That is
a guess where a notice names no order of duties (seed 000 lists only 牵头落实单位), and a plan is
a year long: units merge, and a task turns out to need another unit. So the office may
- name another of the item's units to write the consolidated report (it becomes a lead unit,
  so that it sees the other units' reports);
- add a unit, as lead or cooperating;
- remove a unit that has not reported (a report, even a draft, is part of the record of
  supervision: such a unit stays).
The plan's text stays as it was issued. Every change is audited in its transaction, and the units
concerned are told (their liaison, else their clerks, as for reminders).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Max, Value, When

from gongkai.audit.log import record as audit
from gongkai.orgs.models import Unit
from gongkai.orgs.notices import Message, notify
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.plans.models import (
    Assignment,
    AssignmentRole,
    Item,
    PlanStatus,
    ProgressReport,
    ReportState,
)
from gongkai.plans.reminders import assignment_path, unit_contacts

DENIED = "只有公开办管理员可以调整任务分工。"


def _published(item: Item, actor: ServiceActor) -> None:
    policy.require_manage(actor, DENIED)
    if item.plan.status != PlanStatus.PUBLISHED:
        raise ValidationError("方案尚未发布，请在方案中修改责任单位。")


def _label(item: Item) -> str:
    return f"{item.plan.year}年分工方案第 {item.number or item.order + 1} 项"


def _tell(units_messages: list[tuple[Unit, Message]]) -> None:
    people = unit_contacts(unit for unit, _ in units_messages)
    notify((person, message) for unit, message in units_messages for person in people.get(unit.pk, []))


@transaction.atomic
def set_coordinator(item: Item, unit_id: int, *, actor: ServiceActor) -> Assignment:
    """``unit_id`` writes the item's consolidated report from now on. Reports not yet handed in
    follow; those handed in stay as they were written."""
    _published(item, actor)
    assignments = {a.unit_id: a for a in item.assignments.select_for_update().select_related("unit")}
    new = assignments.get(unit_id)
    if new is None:
        raise ValidationError("该单位不承担此事项，请先把它加入本事项。")
    old = next((a for a in assignments.values() if a.is_coordinator), None)
    if new is old:
        raise ValidationError(f"{new.unit.name}已是本事项的汇总报送单位。")
    if old is not None:
        old.is_coordinator = False
        old.save(update_fields=["is_coordinator"])
    promoted = new.role != AssignmentRole.LEAD
    new.is_coordinator, new.role = True, AssignmentRole.LEAD
    new.save(update_fields=["is_coordinator", "role"])
    ProgressReport.objects.filter(
        assignment__item=item, state__in=[ReportState.DRAFT, ReportState.RETURNED]
    ).update(consolidated=Case(When(assignment=new, then=Value(True)), default=Value(False)))
    audit("plan_coordinator_changed", item, before={"coordinator": old.unit.name if old else None},
          after={"coordinator": new.unit.name, "promoted_to_lead": promoted})
    told = [(new.unit, Message(
        title=f"{_label(item)}改由您单位汇总报送", url=assignment_path(new),
        body="请汇总各配合单位的进展，报送本事项的汇总报告。" + ("您单位同时改为牵头单位。" if promoted else ""),
    ))]
    if old is not None:
        told.append((old.unit, Message(title=f"{_label(item)}改由{new.unit.name}汇总报送", url=assignment_path(old),
                                       body="您单位今后报送本单位的进展即可。")))
    _tell(told)
    return new


@transaction.atomic
def add_unit(item: Item, unit: Unit, role: str, *, actor: ServiceActor) -> Assignment:
    """``unit`` takes a share of the item from now on, with a report for every period."""
    _published(item, actor)
    if role not in AssignmentRole.values:
        raise ValidationError("请选择牵头或配合。")
    if not unit.is_active:
        raise ValidationError(f"{unit.name}已停用，不能分派任务。")
    existing = item.assignments.select_for_update()
    if existing.filter(unit=unit).exists():
        raise ValidationError(f"{unit.name}已承担此事项。")
    first = not existing.filter(is_coordinator=True).exists()
    order = (existing.aggregate(last=Max("order"))["last"] or 0) + 1
    assignment = Assignment.objects.create(
        plan=item.plan, item=item, unit=unit, order=order, is_coordinator=first,
        role=AssignmentRole.LEAD if first else role,
    )
    audit("plan_assignment_added", assignment,
          after={"unit": unit.name, "role": assignment.role, "coordinator": assignment.is_coordinator})
    duty = "牵头并汇总报送" if first else assignment.get_role_display()
    _tell([(unit, Message(title=f"您单位新承担{_label(item)}（{duty}）", url=assignment_path(assignment),
                          body=f"公开办已把该事项分派给您单位，请按报送期报送进展。{item.text[:100]}"))])
    return assignment


@transaction.atomic
def remove_unit(assignment: Assignment, *, actor: ServiceActor) -> None:
    item = assignment.item
    _published(item, actor)
    assignment = Assignment.objects.select_for_update().select_related("unit").get(pk=assignment.pk)
    if assignment.is_coordinator:
        raise ValidationError("该单位负责汇总报送，请先指定其他单位汇总报送。")
    if ProgressReport.objects.filter(assignment=assignment).exists():
        raise ValidationError(f"{assignment.unit.name}已填报进展，其报告是督查记录的一部分，不能移除。")
    audit("plan_assignment_removed", assignment, before={"unit": assignment.unit.name, "role": assignment.role})
    unit = assignment.unit
    assignment.delete()
    _tell([(unit, Message(title=f"您单位不再承担{_label(item)}", body="公开办已调整该事项的任务分工。"))])
