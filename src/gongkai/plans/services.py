"""The write path of plans: import a parsed notice, correct it, resolve its units, publish it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.log import record
from gongkai.orgs import services as org_services
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.orgs.registry import build_registry
from gongkai.pause import pause_point
from gongkai.plans import progress
from gongkai.plans.models import Item, ItemUnit, Plan, PlanStatus, Recurrence, Section, UnitRole
from gongkai.rules import units as unit_rules
from gongkai.rules.planparse import parse_deadline
from gongkai.rules.planparse.model import deadline_to_json
from gongkai.rules.schedule import CADENCES

EDITABLE_FIELDS = ["task", "text", "number", "deadline_raw", "deadline_date", "recurrence"]


def _require_office(actor: ServiceActor) -> None:
    policy.require_manage(actor, "只有公开办管理员可以导入、修改和发布分工方案。")


@transaction.atomic
def create_plan(
    data: Mapping[str, Any], *, issuer_unit: Unit | None, source_name: str = "",
    year: int | None = None, actor: ServiceActor,
) -> Plan:
    """A draft plan from the contract JSON of ``gongkai plan parse`` (CONTRACTS.md section 1)."""
    _require_office(actor)
    plan_year = year or data.get("year") or None  # asked for at review, never guessed from today
    plan = Plan.objects.create(
        title=(data.get("title") or source_name or "未命名方案")[:300],
        issuer=(data.get("issuer") or "")[:100],
        issuer_unit=issuer_unit,
        doc_number=(data.get("doc_number") or "")[:100],
        issued_on=_date(data.get("issued_on")),
        year=plan_year,
        source_name=source_name[:255],
        warnings=list(data.get("warnings") or []),
        unread=[
            {"line": int(entry.get("line") or 0), "text": str(entry.get("text") or "")[:500]}
            for entry in data.get("unread") or []
        ],
    )
    sections: dict[tuple[str, ...], Section] = {}
    for order, entry in enumerate(data.get("items") or []):
        path = tuple(str(title) for title in entry.get("section") or [])
        deadline = entry.get("deadline") or {}
        Item.objects.create(
            plan=plan, order=order, section=_section(plan, path, sections),
            number=str(entry.get("number") or "")[:20],
            task="\n".join(path), text=entry.get("text") or "",
            lead_phrases=list(entry.get("lead_units") or []),
            unit_phrases=list(entry.get("units") or []),
            deadline_raw=(deadline.get("raw") or "")[:200],
            deadline_date=_date(deadline.get("date")),
            recurrence=deadline.get("recurrence") or "",
            deadline_inherited=bool(deadline.get("inherited")),
            milestones=list(deadline.get("milestones") or []),
            notes=[str(note)[:500] for note in entry.get("notes") or []],
            source_line=int(entry.get("line") or 0),
        )
    resolve_plan_units(plan)
    record("plan_imported", plan, after={
        "title": plan.title, "items": plan.items.count(), "source": source_name,
    })
    return plan


def _section(plan: Plan, path: tuple[str, ...], known: dict[tuple[str, ...], Section]) -> Section | None:
    parent = None
    for depth in range(1, len(path) + 1):
        prefix = path[:depth]
        if prefix not in known:
            known[prefix] = Section.objects.create(
                plan=plan, parent=parent, title=prefix[-1], order=len(known)
            )
        parent = known[prefix]
    return parent


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def resolve_plan_units(plan: Plan, items: Sequence[Item] | None = None) -> int:
    """Expand each item's unit phrases to units, now; returns how many phrases stay unresolved."""
    registry = build_registry()
    within = plan.issuer_unit.key if plan.issuer_unit else None
    units_by_key = {unit.key: unit for unit in Unit.objects.all()}
    unresolved_total = 0
    for item in items if items is not None else plan.items.all():
        item.item_units.all().delete()
        rows: dict[int, ItemUnit] = {}
        unresolved = []
        for role, resolution in _resolutions(item, registry, within):
            if resolution.generic:
                continue  # "各有关单位": names no definite unit; the office assigns by hand
            if not resolution.ok:
                unresolved.append({"phrase": resolution.phrase, "reason": resolution.reason, "role": role})
                continue
            for key in resolution.unit_keys:
                unit = units_by_key[key]
                if unit.pk not in rows or role == UnitRole.LEAD:
                    rows[unit.pk] = ItemUnit(item=item, unit=unit, role=role, phrase=resolution.phrase[:200])
        ItemUnit.objects.bulk_create(rows.values())
        item.unresolved = unresolved
        item.save(update_fields=["unresolved"])
        unresolved_total += len(unresolved)
    return unresolved_total


def _resolutions(
    item: Item, registry: unit_rules.Registry, within: str | None
) -> list[tuple[str, unit_rules.Resolution]]:
    """Lead and other phrases, each list resolved as one cell so that a shared suffix is read
    as the notice meant it ("肇庆高新区、肇庆新区管委会" names two 管委会)."""
    leads = [p for p in item.unit_phrases if p in item.lead_phrases]
    others = [p for p in item.unit_phrases if p not in item.lead_phrases]
    found = []
    for role, phrases in ((UnitRole.LEAD, leads), (UnitRole.RESPONSIBLE, others)):
        if phrases:
            cell = unit_rules.resolve_cell("、".join(phrases), registry, within)
            found += [(role, resolution) for resolution in cell.resolutions]
    return found


@transaction.atomic
def update_item(item: Item, changes: Mapping[str, Any], *, actor: ServiceActor) -> Item:
    """Correct the cells of an item; changing its unit phrases resolves them again."""
    _require_office(actor)
    before = _item_summary(item)
    for field in EDITABLE_FIELDS:
        if field in changes:
            setattr(item, field, changes[field])
    if item.recurrence and item.recurrence not in Recurrence.values:
        raise ValidationError(f"周期“{item.recurrence}”无效。")
    if "units" in changes or "lead_units" in changes:
        leads = _phrases(changes.get("lead_units", "、".join(item.lead_phrases)))
        others = _phrases(changes.get("units", "、".join(p for p in item.unit_phrases if p not in leads)))
        phrases = leads + [p for p in others if p not in leads]
        if item.plan.status != PlanStatus.DRAFT and (leads, phrases) != (item.lead_phrases, item.unit_phrases):
            raise ValidationError("方案已发布，任务已分解到各单位，不能再修改责任单位。")
        item.lead_phrases, item.unit_phrases = leads, phrases
    item.full_clean(exclude=["plan", "section"])
    item.save()
    if item.plan.status == PlanStatus.DRAFT:
        resolve_plan_units(item.plan, [item])
    elif (before["date"], before["recurrence"]) != (item.deadline_date, item.recurrence):
        progress.reschedule_item(item)
    record("plan_item_corrected", item, before=before, after=_item_summary(item))
    return item


def _phrases(text: str) -> list[str]:
    return unit_rules.split_units(text) if text.strip() else []


def _item_summary(item: Item) -> dict[str, Any]:
    return {
        "number": item.number, "task": item.task, "text": item.text[:200],
        "lead_units": item.lead_phrases, "units": item.unit_phrases,
        "deadline": item.deadline_raw, "date": item.deadline_date, "recurrence": item.recurrence,
    }


@transaction.atomic
def resolve_phrase(plan: Plan, phrase: str, unit: Unit, *, actor: ServiceActor) -> int:
    """The office says ``phrase`` means ``unit``: remembered as an alias for every later import,
    and every item of the plan is resolved again. Returns the phrases still unresolved."""
    _require_office(actor)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("方案已发布，任务已分解到各单位，不能再改变单位的识别。")
    org_services.add_alias(unit, phrase, actor=actor)
    remaining = resolve_plan_units(plan)
    record("plan_phrase_resolved", plan, after={"phrase": phrase, "unit": unit.name})
    return remaining


@transaction.atomic
def publish_plan(plan: Plan, *, actor: ServiceActor, cadence: str | None = None) -> Plan:
    """Publish a draft: assign its items to their units with their reporting periods. ``cadence``
    is what items without a deadline report on (rules.schedule.CADENCES), as the office chose."""
    _require_office(actor)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("方案已经发布。")
    if cadence is not None:
        if cadence not in CADENCES:
            raise ValidationError("无时限事项的报送周期只能是每半年、每季度、每年或不设报送期。")
        plan.default_cadence = cadence
    # Group phrases expand to the registry's units as of now, and the assignments keep them.
    unresolved = resolve_plan_units(plan)
    if unresolved:
        raise ValidationError(f"还有 {unresolved} 处单位表述未识别，请先在审核页中指定对应单位。")
    if not plan.items.exists():
        raise ValidationError("方案没有任何任务事项，不能发布。")
    if plan.year is None:
        raise ValidationError("通知没有写明方案年度，请先在审核页填写年度再发布。")
    plan.status = PlanStatus.PUBLISHED
    plan.published_at = timezone.now()
    plan.save(update_fields=["status", "published_at", "default_cadence"])
    assigned = progress.create_assignments(plan)
    record("plan_published", plan, after={
        "title": plan.title, "items": plan.items.count(), "assignments": assigned,
        "default_cadence": plan.default_cadence,
    })
    pause_point("plan_publish_assigned")
    return plan


@transaction.atomic
def set_plan_year(plan: Plan, year: int, *, actor: ServiceActor) -> Plan:
    """The office states a draft's year (the notice did not): its year-relative deadlines
    (年底前, 6月底前) are read again against it."""
    _require_office(actor)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("方案已经发布，不能再修改年度。")
    if not 2000 <= year <= 2100:
        raise ValidationError("请填写 2000 至 2100 之间的年度。")
    before = plan.year
    plan.year = year
    plan.save(update_fields=["year"])
    for item in plan.items.exclude(deadline_raw=""):
        deadline = parse_deadline(item.deadline_raw, year)
        item.deadline_date = deadline.date
        item.milestones = deadline_to_json(deadline)["milestones"]
        item.save(update_fields=["deadline_date", "milestones"])
    record("plan_year_set", plan, before={"year": before}, after={"year": year})
    return plan


@transaction.atomic
def delete_draft(plan: Plan, *, actor: ServiceActor) -> None:
    _require_office(actor)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError("已发布的方案不能删除。")
    record("plan_draft_deleted", plan, before={"title": plan.title})
    plan.delete()
