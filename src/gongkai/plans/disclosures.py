"""The half-yearly public progress page of a plan (seed 000 item 20: 每半年向社会公开进展和完成情况
以及存在问题和下一步工作措施).

The office generates a draft for one half-year from the reports it has *accepted* (验收) up to
the end of that half (an item finished in the first half still shows as finished in the second),
edits the summary and the entries, then publishes it. What reaches the public is only what
the entries hold: a draft, submitted or returned report, the office's 验收意见 and the names of
the people who wrote or reviewed a report never enter an entry, so they can never leak.

Which report speaks for an item: the latest accepted consolidated report of the coordinating lead
unit (汇总报告); without one, the accepted reports of the units for the latest period that has
any, combined in the order the plan lists the units. A report counts by its period's due date, or,
for a period without a date (events not yet triggered, items without deadlines), by the day it was
handed in; reports of later halves never enter an earlier half's page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from gongkai.audit.log import record as audit
from gongkai.orgs.models import User
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.plans.models import (
    Assignment,
    Item,
    Plan,
    ProgressDisclosure,
    ProgressDisclosureStatus,
    ProgressReport,
    ProgressStatus,
    ReportState,
)

NO_PROGRESS = "暂无经验收的进展"
MAX_SUMMARY = 5_000
MAX_ENTRY_TEXT = 10_000
ENTRY_TEXT_FIELDS = ("progress", "problems", "next_steps")
ENTRY_LABELS = {"progress": "进展情况", "problems": "存在问题", "next_steps": "下一步工作措施"}


def _require_office(actor: ServiceActor) -> User | None:
    return policy.require_manage(actor, "只有公开办管理员可以生成、修改和公开进展情况。")


def half_bounds(year: int, half: int) -> tuple[date, date]:
    """The first and last day of a half-year (上半年 1 月 1 日至 6 月 30 日)."""
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))


# -- generation ------------------------------------------------------------------------------


@transaction.atomic
def generate_disclosure(plan: Plan, year: int, half: int, *, actor: ServiceActor) -> ProgressDisclosure:
    """A draft progress page for ``plan`` in one half-year, built from the accepted reports."""
    _require_office(actor)
    _check_half(plan, year, half)
    if ProgressDisclosure.objects.filter(plan=plan, year=year, half=half).exists():
        raise ValidationError(f"{year}年{'上' if half == 1 else '下'}半年的进展情况已经生成，请在原页面中修改或重新生成。")
    entries = build_entries(plan, year, half)
    disclosure = ProgressDisclosure.objects.create(
        plan=plan, year=year, half=half, entries=entries, summary=default_summary(entries),
    )
    audit("plan_disclosure_generated", disclosure, after={"entries": len(entries)})
    return disclosure


@transaction.atomic
def regenerate_disclosure(disclosure: ProgressDisclosure, *, actor: ServiceActor) -> ProgressDisclosure:
    """Build the entries again from the reports accepted since; the office's edits are replaced."""
    _require_office(actor)
    disclosure = _locked_draft(disclosure, "已公开的进展情况不能重新生成。")
    before = {"entries": len(disclosure.entries), "summary": disclosure.summary[:200]}
    disclosure.entries = build_entries(disclosure.plan, disclosure.year, disclosure.half)
    disclosure.summary = default_summary(disclosure.entries)
    disclosure.save(update_fields=["entries", "summary"])
    audit("plan_disclosure_regenerated", disclosure, before=before, after={"entries": len(disclosure.entries)})
    return disclosure


def _check_half(plan: Plan, year: int, half: int) -> None:
    if not plan.is_public:
        raise ValidationError("方案尚未发布，不能生成进展情况。")
    if half not in (1, 2):
        raise ValidationError("请选择上半年或下半年。")
    if not plan.year - 1 <= year <= plan.year + 1:
        raise ValidationError(f"年度 {year} 不在方案年度（{plan.year}年）前后，请检查。")


def build_entries(plan: Plan, year: int, half: int) -> list[dict[str, Any]]:
    """One entry per item of ``plan``, in item order (pure read, no write)."""
    items = plan.items.select_related("section").order_by("order", "pk")
    units = _unit_names(plan)
    reports = _accepted_reports(plan, year, half)
    return [_entry(item, units.get(item.pk, []), reports.get(item.pk, [])) for item in items]


def _unit_names(plan: Plan) -> dict[int, list[str]]:
    """Each item's unit names, lead units first, as the plan lists them."""
    names: dict[int, list[str]] = defaultdict(list)
    rows = Assignment.objects.filter(plan=plan).select_related("unit")
    for row in sorted(rows, key=lambda a: (a.item_id, a.role != "lead", a.order)):
        names[row.item_id].append(row.unit.name)
    return names


def _accepted_reports(plan: Plan, year: int, half: int) -> dict[int, list[ProgressReport]]:
    """Accepted reports up to the end of the half by item, the latest period first."""
    _, end = half_bounds(year, half)
    in_half = Q(period__due_on__lte=end) | Q(period__due_on__isnull=True, submitted_at__date__lte=end)
    reports: QuerySet[ProgressReport] = (
        ProgressReport.objects.filter(in_half, assignment__plan=plan, state=ReportState.ACCEPTED)
        .select_related("period", "unit", "assignment")
    )
    by_item: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in sorted(reports, key=_recency, reverse=True):
        by_item[report.assignment.item_id].append(report)
    return by_item


def _recency(report: ProgressReport) -> tuple[date, int, int]:
    return (_as_of(report), report.period.seq, -report.assignment.order)


def _as_of(report: ProgressReport) -> date:
    if report.period.due_on is not None:
        return report.period.due_on
    return timezone.localdate(report.submitted_at) if report.submitted_at else date.min


def _entry(item: Item, units: list[str], reports: list[ProgressReport]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "item_id": item.pk, "number": item.number, "section": item.section.title if item.section else "",
        "text": item.text, "units": units,
    }
    consolidated = [report for report in reports if report.consolidated]
    if consolidated:
        return entry | _from_reports(consolidated[:1], prefix=False)
    if reports:
        latest = reports[0].period_id
        same_period = sorted((r for r in reports if r.period_id == latest), key=lambda r: r.assignment.order)
        return entry | _from_reports(same_period, prefix=len(same_period) > 1)
    return entry | {"status": "", "status_label": NO_PROGRESS, "progress": "", "problems": "",
                    "next_steps": "", "as_of": ""}


def _from_reports(reports: list[ProgressReport], *, prefix: bool) -> dict[str, Any]:
    """The public part of one or more accepted reports: never a comment, never a person."""
    status = combined_status([report.status for report in reports])

    def joined(texts: Iterable[tuple[str, str]]) -> str:
        parts = [f"【{unit}】{text}" if prefix else text for unit, text in texts if text]
        return "\n".join(parts)

    return {
        "status": status, "status_label": ProgressStatus(status).label,
        "progress": joined((r.unit.name, r.text) for r in reports),
        "problems": joined((r.unit.name, _problems(r)) for r in reports),
        "next_steps": joined((r.unit.name, r.next_steps) for r in reports),
        "as_of": max(_as_of(report) for report in reports).isoformat(),
    }


def _problems(report: ProgressReport) -> str:
    if report.status == ProgressStatus.DELAYED and report.reason:
        return "\n".join(part for part in (f"不能按期完成的原因：{report.reason}", report.problems) if part)
    return report.problems


def combined_status(statuses: list[str]) -> str:
    """One status for an item from its units' statuses: done only when all are done, delayed
    when any is, moving when any is, otherwise not started."""
    if statuses and all(status == ProgressStatus.DONE for status in statuses):
        return ProgressStatus.DONE
    if ProgressStatus.DELAYED in statuses:
        return ProgressStatus.DELAYED
    if any(status in (ProgressStatus.IN_PROGRESS, ProgressStatus.DONE) for status in statuses):
        return ProgressStatus.IN_PROGRESS
    return ProgressStatus.NOT_STARTED


def default_summary(entries: list[dict[str, Any]]) -> str:
    """The office's starting point for 总体情况: counts by status."""
    counts = {status: sum(1 for e in entries if e["status"] == status) for status in ProgressStatus.values}
    missing = sum(1 for entry in entries if not entry["status"])
    parts = [f"{ProgressStatus(status).label} {count} 项" for status, count in counts.items() if count]
    if missing:
        parts.append(f"{NO_PROGRESS} {missing} 项")
    return f"本方案共 {len(entries)} 项任务，其中" + "，".join(parts) + "。" if parts else "本方案暂无任务。"


# -- the office's edits ------------------------------------------------------------------------


def _locked_draft(disclosure: ProgressDisclosure, message: str) -> ProgressDisclosure:
    locked = ProgressDisclosure.objects.select_for_update().select_related("plan").get(pk=disclosure.pk)
    if locked.status != ProgressDisclosureStatus.DRAFT:
        raise ValidationError(message)
    return locked


@transaction.atomic
def update_summary(disclosure: ProgressDisclosure, summary: str, *, actor: ServiceActor) -> ProgressDisclosure:
    _require_office(actor)
    disclosure = _locked_draft(disclosure, "已公开的进展情况不能再修改。")
    summary = summary.strip()
    if len(summary) > MAX_SUMMARY:
        raise ValidationError(f"总体情况不能超过 {MAX_SUMMARY} 字。")
    before = {"summary": disclosure.summary[:200]}
    disclosure.summary = summary
    disclosure.save(update_fields=["summary"])
    audit("plan_disclosure_edited", disclosure, before=before, after={"summary": summary[:200]})
    return disclosure


@transaction.atomic
def update_entry(
    disclosure: ProgressDisclosure, item_id: int, changes: Mapping[str, Any], *, actor: ServiceActor
) -> dict[str, Any]:
    """The office corrects one item's status, progress, problems or next steps."""
    _require_office(actor)
    disclosure = _locked_draft(disclosure, "已公开的进展情况不能再修改。")
    entry = next((e for e in disclosure.entries if e["item_id"] == item_id), None)
    if entry is None:
        raise ValidationError("该事项不在本期进展情况中。")
    before = {name: str(entry.get(name, ""))[:200] for name in ("status", *ENTRY_TEXT_FIELDS)}
    for name in ENTRY_TEXT_FIELDS:
        if name in changes:
            entry[name] = _bounded(name, changes[name])
    if "status" in changes:
        _set_status(entry, str(changes["status"] or ""))
    disclosure.save(update_fields=["entries"])
    audit("plan_disclosure_entry_edited", disclosure, before={"item": item_id, **before},
          after={"item": item_id, **{name: str(entry[name])[:200] for name in before}})
    return entry


def _bounded(name: str, value: object) -> str:
    text = str(value or "").strip()
    if len(text) > MAX_ENTRY_TEXT:
        raise ValidationError(f"{ENTRY_LABELS[name]}不能超过 {MAX_ENTRY_TEXT} 字。")
    return text


def _set_status(entry: dict[str, Any], status: str) -> None:
    if status and status not in ProgressStatus.values:
        raise ValidationError(f"推进状态“{status}”无效。")
    entry["status"] = status
    entry["status_label"] = ProgressStatus(status).label if status else NO_PROGRESS


# -- publication -------------------------------------------------------------------------------


@transaction.atomic
def publish_disclosure(disclosure: ProgressDisclosure, *, actor: ServiceActor) -> ProgressDisclosure:
    """The office publishes the reviewed page: from now on the public sees it with the plan."""
    user = _require_office(actor)
    disclosure = _locked_draft(disclosure, "该进展情况已经公开。")
    if not disclosure.plan.is_public:
        raise ValidationError("方案尚未发布，不能公开进展情况。")
    disclosure.status = ProgressDisclosureStatus.PUBLISHED
    disclosure.published_at = timezone.now()
    disclosure.published_by = user
    disclosure.save(update_fields=["status", "published_at", "published_by"])
    audit("plan_disclosure_published", disclosure, after={"half": disclosure.half_label,
                                                           "entries": len(disclosure.entries)})
    return disclosure


def published_disclosures(plan: Plan) -> QuerySet[ProgressDisclosure]:
    """The halves the public may read for ``plan``, the latest first."""
    return plan.disclosures.filter(ProgressDisclosure.public_q()).order_by("-year", "-half")
