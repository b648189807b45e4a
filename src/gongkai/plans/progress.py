"""The write path of plans in motion: assignments made when a plan is published, event triggers,
progress reports with evidence, the lead unit's consolidated report and the office's 验收.

Who may do what:
- a unit's clerk writes and submits its own unit's reports (the coordinating lead unit's report is
  the consolidated report of the item);
- a unit sees its own assignments and reports, and a lead unit also sees the reports of the
  cooperating units on its own items (``visible_reports``); nobody else sees another unit's;
- the office (公开办管理员) records event triggers and accepts or returns submitted reports.
Every step is audited in its transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.log import record as audit
from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import User
from gongkai.orgs.notices import Message, notify
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.plans.models import (
    Assignment,
    AssignmentRole,
    Evidence,
    EvidenceKind,
    Item,
    Period,
    Plan,
    ProgressReport,
    ProgressStatus,
    Recurrence,
    ReportState,
    UnitRole,
)
from gongkai.records.models import Record
from gongkai.rules import schedule
from gongkai.rules.planparse import parse_deadline
from gongkai.rules.planparse.model import Deadline, Milestone
from gongkai.rules.planparse.model import Recurrence as ParsedRecurrence
from gongkai.rules.uploads import UploadLimits, check_upload, extension_of

REPORT_FIELDS = ["status", "reason", "text", "problems", "next_steps"]
MAX_EVIDENCE = 20


# -- assignments, made once when the plan is published ----------------------------------------


def create_assignments(plan: Plan) -> int:
    """Assign every item of ``plan`` to the units it names now, with its reporting periods.
    Called by ``services.publish_plan`` inside its transaction; returns the assignments made."""
    calendar = working_calendar()
    items = list(plan.items.prefetch_related("item_units"))
    periods: list[Period] = []
    assignments: list[Assignment] = []
    for item in items:
        periods += _periods(item, plan, calendar)
        rows = sorted(item.item_units.all(), key=lambda row: (row.role != UnitRole.LEAD, row.pk))
        leads = any(row.role == UnitRole.LEAD for row in rows)
        for order, row in enumerate(rows):
            # Without a named lead (a single 责任单位 column), the unit listed first leads (列首位者牵头).
            is_lead = row.role == UnitRole.LEAD or (not leads and order == 0)
            assignments.append(Assignment(
                plan=plan, item=item, unit_id=row.unit_id, order=order, is_coordinator=order == 0,
                role=AssignmentRole.LEAD if is_lead else AssignmentRole.COOPERATING,
            ))
    Period.objects.bulk_create(periods)
    Assignment.objects.bulk_create(assignments)
    return len(assignments)


def item_deadline(item: Item) -> Deadline:
    """The stored item's deadline in the form rules.schedule reads."""
    milestones = tuple(
        Milestone(str(step.get("label") or ""), date.fromisoformat(step["date"]))
        for step in item.milestones or () if step.get("date")
    )  # fmt: skip
    recurrence = ParsedRecurrence(item.recurrence) if item.recurrence else None
    return Deadline(raw=item.deadline_raw or None, date=item.deadline_date, recurrence=recurrence,
                    milestones=milestones)  # fmt: skip


def proposed_recurrence(item: Item) -> str | None:
    """The cadence the item's text states and its deadline does not (Recurrence value), if any."""
    found = schedule.proposed_recurrence(item.text, item_deadline(item))
    return found.value if found is not None else None


def schedule_rule(item: Item, plan: Plan) -> str:
    """Which rule gives the item its due dates, in the words the review page shows, with a flag
    for review when one of them falls before the notice was issued (a date the writer mistook,
    or a milestone already past)."""
    deadline = item_deadline(item)
    rule = _schedule_rule(item, deadline, plan)
    due = schedule.due_dates(deadline, plan.year, None, plan.default_cadence)
    if plan.issued_on is not None and any(day < plan.issued_on for day in due):
        rule += f"；有报送日期早于成文日期（{plan.issued_on:%Y-%m-%d}），请核对"
    return rule


def _schedule_rule(item: Item, deadline: Deadline, plan: Plan) -> str:
    if deadline.milestones:
        return f"分{len(deadline.milestones)}个节点"
    if deadline.date is not None:
        return "按完成时限"
    if item.recurrence == Recurrence.EVENT:
        return f"事件：登记触发后{plan.event_workdays}个工作日内"
    if deadline.recurrence is not None:
        return "按周期：" + item.get_recurrence_display()
    if schedule.CADENCES[plan.default_cadence] is None:
        return "原文无时限，不设报送期"
    return f"原文无时限，按默认周期：{plan.get_default_cadence_display()}"


def _periods(item: Item, plan: Plan, calendar: Any) -> list[Period]:
    """The item's reporting periods, by the one schedule rule (``gongkai plan schedule`` prints
    the same dates); an event without a date of its own waits undated for its trigger."""
    deadline = item_deadline(item)
    if item.recurrence == Recurrence.EVENT and deadline.date is None and not deadline.milestones:
        due_on = schedule.event_due(item.triggered_on, plan.event_workdays, calendar) if item.triggered_on else None
        return [_period(item, 1, due_on, calendar)]
    dates = schedule.due_dates(deadline, plan.year, plan.issued_on, plan.default_cadence)
    if not dates:
        return [_period(item, 1, None, calendar)]
    return [_period(item, seq, day, calendar) for seq, day in enumerate(dates, start=1)]


def _period(item: Item, seq: int, due_on: date | None, calendar: Any) -> Period:
    return Period(item=item, seq=seq, due_on=due_on,
                  on_holiday=due_on is not None and not calendar.is_workday(due_on))


def reschedule_item(item: Item) -> list[Period]:
    """A published item's deadline was corrected: its periods follow, unless a unit has already
    reported on them (then the office would be rewriting history: refused)."""
    if ProgressReport.objects.filter(period__item=item).exists():
        raise ValidationError("该事项已有单位报送进展，不能再修改完成日期或周期。")
    item.periods.all().delete()
    return Period.objects.bulk_create(_periods(item, item.plan, working_calendar()))


@transaction.atomic
def record_trigger(
    item: Item, triggered_on: date, workdays: int | None = None, *, actor: ServiceActor
) -> Period:
    """The office records that an event item (适时、视情、收到…后) has been triggered. The first
    trigger dates the item's waiting period; each later one adds a period of its own, so an event
    that recurs is reported each time and nothing already reported on is rewritten. The period is
    due ``workdays`` working days later: the office's number, else the item's own window
    ("印发后20个工作日内"), else the plan's default."""
    policy.require_manage(actor, "只有公开办管理员可以登记事件类事项的触发日期。")
    if item.recurrence != Recurrence.EVENT:
        raise ValidationError("只有事件类事项需要登记触发日期。")
    if item.plan.year and not (item.plan.year - 1 <= triggered_on.year <= item.plan.year + 1):
        raise ValidationError(f"触发日期 {triggered_on.isoformat()} 不在方案年度前后，请检查。")
    if workdays is None:
        workdays = parse_deadline(item.deadline_raw or None, item.plan.year).workdays or item.plan.event_workdays
    if not 1 <= workdays <= 250:
        raise ValidationError("办理期限应为 1 至 250 个工作日。")
    calendar = working_calendar()
    periods = list(item.periods.order_by("seq"))
    if not periods:
        raise ValidationError("该事项没有报送期，方案可能尚未发布。")
    due_on = schedule.event_due(triggered_on, workdays, calendar)
    waiting = periods[0] if len(periods) == 1 and periods[0].due_on is None else None
    again = periods[-1] if triggered_on == item.triggered_on else None  # the same trigger, corrected
    reusable = waiting or again
    if reusable is not None and not reusable.reports.exists():
        period = reusable
        period.due_on, period.on_holiday = due_on, not calendar.is_workday(due_on)
        period.save(update_fields=["due_on", "on_holiday"])
    else:
        period = Period.objects.create(
            item=item, seq=periods[-1].seq + 1, due_on=due_on, on_holiday=not calendar.is_workday(due_on)
        )
    before = {"triggered_on": item.triggered_on}
    item.triggered_on = triggered_on
    item.save(update_fields=["triggered_on"])
    audit("plan_item_triggered", item, before=before, after={
        "triggered_on": triggered_on, "workdays": workdays, "due_on": period.due_on, "period": period.seq,
    })
    return period


# -- who sees what ---------------------------------------------------------------------------


def visible_assignments(user: User | AnonymousUser) -> QuerySet[Assignment]:
    """The assignments ``user`` may see: the office all, a unit's staff their own unit's."""
    return policy.scope(user, Assignment.objects.all())


def visible_reports(user: User | AnonymousUser) -> QuerySet[ProgressReport]:
    """Reports ``user`` may see: their own unit's, and on items their unit leads, the
    cooperating units' submitted reports (drafts stay with their unit)."""
    reports = ProgressReport.objects.all()
    if policy.may_manage(user):
        return reports.exclude(state=ReportState.DRAFT)
    if not isinstance(user, User) or not user.is_active or user.unit_id is None or not user.role_set:
        return reports.none()
    leads = Assignment.objects.filter(
        item=OuterRef("assignment__item"), unit_id=user.unit_id, role=AssignmentRole.LEAD
    )
    return reports.filter(Q(unit_id=user.unit_id) | Q(Exists(leads)) & ~Q(state=ReportState.DRAFT))


def may_view_report(user: User | AnonymousUser, report: ProgressReport) -> bool:
    return visible_reports(user).filter(pk=report.pk).exists()


def _require_clerk(actor: ServiceActor, assignment: Assignment) -> User | None:
    return policy.require_report(actor, assignment.unit_id, "只有本单位经办人可以填报本单位的进展。")


# -- reports ---------------------------------------------------------------------------------


@transaction.atomic
def save_report(
    assignment: Assignment, period: Period, data: Mapping[str, Any], *, actor: ServiceActor,
    submit: bool = False,
) -> ProgressReport:
    """Write (and with ``submit`` hand in for 验收) the unit's report for one period."""
    user = _require_clerk(actor, assignment)
    if period.item_id != assignment.item_id:
        raise ValidationError("报送期不属于该事项。")
    report = (
        ProgressReport.objects.select_for_update().filter(assignment=assignment, period=period).first()
        or ProgressReport(assignment=assignment, period=period, unit_id=assignment.unit_id)
    )
    if report.pk and not report.is_editable:
        raise ValidationError(f"该报告{report.get_state_display()}，不能再修改。")
    before = _summary(report) if report.pk else None
    for name in REPORT_FIELDS:
        if name in data:
            setattr(report, name, str(data[name] or "").strip())
    _validate(report)
    report.consolidated = assignment.is_coordinator
    report.updated_at = timezone.now()
    if submit:
        report.state = ReportState.SUBMITTED
        report.submitted_by = user
        report.submitted_at = report.updated_at
    report.save()
    audit("plan_report_submitted" if submit else "plan_report_saved", report, before=before, after=_summary(report))
    return report


def _validate(report: ProgressReport) -> None:
    if report.status not in ProgressStatus.values:
        raise ValidationError("请选择推进状态：未启动、推进中、已完成或无法按期完成。")
    if report.status == ProgressStatus.DELAYED and not report.reason:
        raise ValidationError("选择“无法按期完成”时，请说明原因。")
    if report.status != ProgressStatus.DELAYED:
        report.reason = ""
    if report.status != ProgressStatus.NOT_STARTED and not report.text:
        raise ValidationError("请填写进展情况。")
    for name in REPORT_FIELDS:
        if len(getattr(report, name)) > 10_000:
            raise ValidationError(f"{ProgressReport._meta.get_field(name).verbose_name}不能超过 10000 字。")


def _summary(report: ProgressReport) -> dict[str, Any]:
    return {
        "status": report.status, "state": report.state, "text": report.text[:200],
        "reason": report.reason[:200], "period": str(report.period.due_on or ""),
        "consolidated": report.consolidated,
    }


@transaction.atomic
def submit_report(report: ProgressReport, *, actor: ServiceActor) -> ProgressReport:
    return save_report(report.assignment, report.period, {}, actor=actor, submit=True)


@transaction.atomic
def accept_report(report: ProgressReport, comment: str = "", *, actor: ServiceActor) -> ProgressReport:
    return _decide(report, ReportState.ACCEPTED, comment, actor)


@transaction.atomic
def return_report(report: ProgressReport, comment: str, *, actor: ServiceActor) -> ProgressReport:
    if not comment.strip():
        raise ValidationError("退回时请写明需要补充或修改的内容。")
    return _decide(report, ReportState.RETURNED, comment, actor)


def _decide(report: ProgressReport, state: ReportState, comment: str, actor: ServiceActor) -> ProgressReport:
    """The office's 验收 of a submitted report; whoever submitted it hears of the decision."""
    user = policy.require_manage(actor, "只有公开办管理员可以验收进展报告。")
    report = ProgressReport.objects.select_for_update().select_related("assignment__item").get(pk=report.pk)
    if report.state != ReportState.SUBMITTED:
        raise ValidationError(f"该报告{report.get_state_display()}，只能验收待验收的报告。")
    report.state = state
    report.review_comment = comment.strip()
    report.reviewed_by, report.reviewed_at = user, timezone.now()
    report.save(update_fields=["state", "review_comment", "reviewed_by", "reviewed_at"])
    audit(f"plan_report_{state}", report, after={"comment": report.review_comment})
    if report.submitted_by is not None and report.submitted_by.is_active:
        verdict = "已验收" if state == ReportState.ACCEPTED else "被退回，请修改后重新报送"
        notify([(report.submitted_by, Message(
            title=f"第 {report.assignment.item.number} 项{report.period.label}的进展报告{verdict}",
            body=report.review_comment, url=reverse("plans:report_detail", args=[report.pk]),
        ))])
    return report


# -- evidence --------------------------------------------------------------------------------


def _editable(report: ProgressReport, actor: ServiceActor) -> None:
    _require_clerk(actor, report.assignment)
    if not report.is_editable:
        raise ValidationError(f"该报告{report.get_state_display()}，不能再修改佐证材料。")
    if report.evidence.count() >= MAX_EVIDENCE:
        raise ValidationError(f"每份报告最多 {MAX_EVIDENCE} 项佐证材料。")


@transaction.atomic
def add_record_evidence(report: ProgressReport, record: Record, *, actor: ServiceActor) -> Evidence:
    """A record the unit published on the platform, as evidence."""
    _editable(report, actor)
    if record.unit_id != report.unit_id or not record.is_public:
        raise ValidationError("只能选择本单位已主动公开的信息作为佐证。")
    if report.evidence.filter(record=record).exists():
        raise ValidationError(f"“{record.title}”已在佐证材料中。")
    evidence = Evidence.objects.create(report=report, kind=EvidenceKind.RECORD, record=record, name=record.title[:255])
    audit("plan_evidence_added", report, after={"record": record.pk, "title": record.title})
    return evidence


@transaction.atomic
def add_url_evidence(report: ProgressReport, url: str, name: str = "", *, actor: ServiceActor) -> Evidence:
    _editable(report, actor)
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError("链接无效，请填写以 http:// 或 https:// 开头的完整网址。") from None
    if len(url) > 500:
        raise ValidationError("链接不能超过 500 个字符。")
    evidence = Evidence.objects.create(report=report, kind=EvidenceKind.URL, url=url, name=(name.strip() or url)[:255])
    audit("plan_evidence_added", report, after={"url": url})
    return evidence


@transaction.atomic
def add_file_evidence(report: ProgressReport, name: str, content: bytes, *, actor: ServiceActor) -> Evidence:
    """An uploaded file, judged by its content (``rules.uploads``); nothing is kept if refused."""
    _editable(report, actor)
    verdict = check_upload(name, content, UploadLimits(max_bytes=settings.GONGKAI_UPLOAD_MAX_BYTES))
    if not verdict.ok:
        raise ValidationError(verdict.message)
    evidence = Evidence(report=report, kind=EvidenceKind.FILE, name=verdict.name, size=len(content))
    evidence.file.save(f"{uuid.uuid4().hex}.{extension_of(verdict.name) or 'bin'}", ContentFile(content), save=False)
    evidence.save()
    audit("plan_evidence_added", report, after={"file": verdict.name, "size": len(content)})
    return evidence


@transaction.atomic
def remove_evidence(evidence: Evidence, *, actor: ServiceActor) -> None:
    report = evidence.report
    _require_clerk(actor, report.assignment)
    if not report.is_editable:
        raise ValidationError(f"该报告{report.get_state_display()}，不能再修改佐证材料。")
    audit("plan_evidence_removed", report, before={"name": evidence.name, "kind": evidence.kind})
    evidence.delete()


def cooperating_reports(assignment: Assignment, period: Period) -> QuerySet[ProgressReport]:
    """What the coordinating lead unit consolidates: the other units' handed-in reports on the
    same item and period (their drafts stay with them)."""
    return (
        ProgressReport.objects.filter(period=period)
        .exclude(assignment=assignment).exclude(state=ReportState.DRAFT)
        .select_related("unit").prefetch_related("evidence__record")
        .order_by("assignment__order")
    )
