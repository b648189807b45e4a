"""Plans in the units' hands: the inbox of assignments, the report of each period with its
evidence, the lead unit's consolidation, and the office's 验收. Every write goes through
``gongkai.plans.progress``; what a user may see comes from the policy and ``visible_reports``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import policy
from gongkai.params import LawDateField, int_field
from gongkai.plans import implementation, progress
from gongkai.plans.models import (
    Assignment,
    Evidence,
    Item,
    Period,
    Plan,
    PlanStatus,
    ProgressReport,
    ProgressStatus,
    Recurrence,
    ReportState,
)
from gongkai.records.models import Record
from gongkai.rules.progress import LABELS, standing

INBOX_PAGE = 50


class ReportForm(forms.Form):
    status = forms.ChoiceField(label="推进状态", choices=ProgressStatus.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="不能按期完成的原因", required=False, max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 2}), help_text="选择“无法按期完成”时必填。",
    )
    text = forms.CharField(label="进展情况", required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 6}))
    problems = forms.CharField(label="存在问题", required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(
        label="下一步工作措施", required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(label="验收意见", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


# -- inbox -----------------------------------------------------------------------------------


def _inbox_rows(unit_id: int, pending_only: bool) -> Any:
    """One row per (assignment, period) of the unit's published plans, soonest due first; the
    report's state and status come along in the same query."""
    reports = ProgressReport.objects.filter(assignment=OuterRef("assignment_id"), period=OuterRef("pk"))
    rows = (
        Period.objects.filter(item__assignments__unit_id=unit_id, item__plan__status=PlanStatus.PUBLISHED)
        .annotate(
            assignment_id=F("item__assignments__id"), role=F("item__assignments__role"),
            is_coordinator=F("item__assignments__is_coordinator"),
            report_state=Subquery(reports.values("state")[:1]),
            report_status=Subquery(reports.values("status")[:1]),
        )
        .select_related("item", "item__plan")
        .order_by(F("due_on").asc(nulls_last=True), "item__plan_id", "item__order", "seq")
    )
    if pending_only:
        rows = rows.filter(~Exists(reports.filter(state__in=[ReportState.SUBMITTED, ReportState.ACCEPTED])))
    return rows


INBOX_HEADER = ["方案", "事项序号", "具体要求", "职责", "期次", "报送截止日期", "报送情况", "推进状态"]


@login_required
def inbox(request: HttpRequest) -> HttpResponseBase:
    """A unit's assignments, soonest due first; the office is sent to its plans."""
    if policy.may_manage(request.user):
        return redirect("plans:console_list")
    if request.user.unit_id is None:
        raise PermissionDenied("您的账号没有所属单位，没有分工任务。")
    pending_only = request.GET.get("show") != "all"
    today = timezone.localdate()
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:
        rows = _inbox_rows(request.user.unit_id, pending_only).iterator(chunk_size=2000)
        return tabular.audited_export(fmt, "本单位分工任务", "分工任务", INBOX_HEADER, (
            [row.item.plan.title, row.item.number, row.item.text, "牵头" if row.role == "lead" else "配合",
             row.seq, row.due_on, LABELS[standing(row.due_on, row.report_state, today, row.item.plan.given_on)],
             ProgressStatus(row.report_status).label if row.report_status else ""]
            for row in rows
        ), filters=request.GET)
    page = Paginator(_inbox_rows(request.user.unit_id, pending_only), INBOX_PAGE).get_page(request.GET.get("page"))
    for row in page:
        row.standing = standing(row.due_on, row.report_state, today, row.item.plan.given_on)
        row.standing_label = LABELS[row.standing]
    return render(request, "plans/inbox.html", {
        "page": page, "pending_only": pending_only, "extra_query": "" if pending_only else "show=all",
        "implementation": _implementation(request.user.unit, today),
    })


def _implementation(unit: Unit, today: date) -> list[Any]:
    """The unit's own implementation plan (实施方案) for each published plan that requires one."""
    plans = Plan.objects.filter(status=PlanStatus.PUBLISHED, assignments__unit=unit).distinct()
    rows = [(plan, implementation.unit_status(plan, unit, today)) for plan in plans]
    return [(plan, status) for plan, status in rows if status is not None]


# -- one assignment and its reports ----------------------------------------------------------


def _assignment(request: HttpRequest, pk: int) -> Assignment:
    """The assignment if the user's unit holds it (or the office): another unit's gives 404."""
    queryset = progress.visible_assignments(request.user).select_related("item__plan", "item__section", "unit")
    return get_object_or_404(queryset, pk=pk)


@login_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    item = assignment.item
    periods = list(item.periods.all())
    own = {report.period_id: report for report in assignment.reports.all()}
    co_units = list(item.assignments.select_related("unit").order_by("order"))
    others: dict[int, list[ProgressReport]] = {}
    if assignment.role == "lead" or policy.may_manage(request.user):
        visible = progress.visible_reports(request.user).filter(assignment__item=item).exclude(assignment=assignment)
        for report in visible.select_related("unit").order_by("assignment__order"):
            others.setdefault(report.period_id, []).append(report)
    today = timezone.localdate()
    rows = [{
        "period": period, "report": own.get(period.pk), "others": others.get(period.pk, []),
        "standing": LABELS[standing(
            period.due_on, own[period.pk].state if period.pk in own else None, today, item.plan.given_on
        )],
    } for period in periods]
    return render(request, "plans/assignment.html", {
        "assignment": assignment, "item": item, "rows": rows, "co_units": co_units,
        "may_report": _may_report(request, assignment),
    })


def _may_report(request: HttpRequest, assignment: Assignment) -> bool:
    return policy.may_report(request.user, assignment.unit_id)


@login_required
def report_edit(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    """The unit's report for one period: written, saved as a draft, evidence attached, submitted."""
    assignment = _assignment(request, pk)
    period = get_object_or_404(Period, pk=period_pk, item_id=assignment.item_id)
    report = ProgressReport.objects.filter(assignment=assignment, period=period).first()
    if not _may_report(request, assignment) or (report is not None and not report.is_editable):
        if report is None:
            raise Http404("本期尚未报送。")
        return redirect("plans:report_detail", pk=report.pk)
    initial = {name: getattr(report, name) for name in progress.REPORT_FIELDS} if report else {}
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            report = progress.save_report(assignment, period, form.cleaned_data, actor=request.user, submit=submit)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "已提交公开办验收。" if submit else "草稿已保存，可以继续添加佐证材料。")
            if submit:
                return redirect("plans:assignment", pk=assignment.pk)
            return redirect("plans:report", pk=assignment.pk, period_pk=period.pk)
    return render(request, "plans/report_edit.html", {
        "assignment": assignment, "item": assignment.item, "period": period, "report": report, "form": form,
        "cooperating": progress.cooperating_reports(assignment, period) if assignment.is_coordinator else [],
        "records": _evidence_choices(assignment) if report else [],
    })


def _evidence_choices(assignment: Assignment) -> Any:
    """The unit's own public records, newest first, to pick as evidence."""
    return Record.objects.filter(Record.public_q(), unit_id=assignment.unit_id).order_by("-published_on", "-pk")[:200]


def _editable_report(request: HttpRequest, pk: int) -> ProgressReport:
    report = get_object_or_404(progress.visible_reports(request.user).select_related("assignment", "period"), pk=pk)
    if not _may_report(request, report.assignment):
        raise PermissionDenied("只有本单位经办人可以修改本单位的报告。")
    return report


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable_report(request, pk)
    kind = request.POST.get("kind")
    try:
        if kind == "record":
            record = Record.objects.filter(Record.public_q(), unit_id=report.unit_id)
            chosen = record.filter(pk=int_field(request.POST, "record", label="信息") or 0).first() or record.filter(
                index_number=request.POST.get("index_number", "").strip() or None).first()
            if chosen is None:
                raise ValidationError("请选择本单位已公开的信息，或填写其索引号。")
            progress.add_record_evidence(report, chosen, actor=request.user)
        elif kind == "url":
            progress.add_url_evidence(report, request.POST.get("url", ""), request.POST.get("name", ""), actor=request.user)
        elif kind == "file" and request.FILES.get("file"):
            upload = request.FILES["file"]
            progress.add_file_evidence(report, upload.name, upload.read(), actor=request.user)
        else:
            raise ValidationError("请选择要添加的佐证材料。")
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, "佐证材料已添加。")
    return redirect(reverse("plans:report", args=[report.assignment_id, report.period_id]) + "#evidence")


@login_required
@require_POST
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence.objects.select_related("report"), pk=pk)
    report = _editable_report(request, evidence.report_id)
    try:
        progress.remove_evidence(evidence, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    return redirect(reverse("plans:report", args=[report.assignment_id, report.period_id]) + "#evidence")


@login_required
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    evidence = get_object_or_404(Evidence, pk=pk, kind="file")
    if not progress.may_view_report(request.user, evidence.report):
        raise Http404("没有找到该材料。")
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


# -- a report, read and accepted -------------------------------------------------------------


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = progress.visible_reports(request.user).select_related(
        "assignment__item__plan", "period", "unit", "submitted_by", "reviewed_by"
    ).prefetch_related("evidence__record")
    report = get_object_or_404(queryset, pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        policy.require_manage(request.user, "只有公开办管理员可以验收进展报告。")
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            try:
                if "accept" in request.POST:
                    progress.accept_report(report, comment, actor=request.user)
                    messages.success(request, "已验收。")
                else:
                    progress.return_report(report, comment, actor=request.user)
                    messages.success(request, "已退回单位修改。")
            except ValidationError as error:
                messages.error(request, "；".join(error.messages))
            return redirect("plans:report_detail", pk=report.pk)
    return render(request, "plans/report_detail.html", {
        "report": report, "item": report.assignment.item, "form": form,
        "may_review": policy.may_manage(request.user) and report.state == ReportState.SUBMITTED,
        "cooperating": progress.cooperating_reports(report.assignment, report.period) if report.consolidated else [],
    })


REVIEW_HEADER = ["截止日期", "事项序号", "具体要求", "单位", "报告", "推进状态", "不能按期完成的原因", "进展情况",
                 "存在问题", "下一步工作措施", "报送时间"]


@login_required
def review_queue(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The office's 验收 queue of a plan: submitted reports, consolidated ones first, and the
    event items waiting for their trigger."""
    policy.require_manage(request.user, "只有公开办管理员可以验收进展报告。")
    plan = get_object_or_404(Plan, pk=pk, status=PlanStatus.PUBLISHED)
    reports = (
        ProgressReport.objects.filter(assignment__plan=plan, state=ReportState.SUBMITTED)
        .select_related("assignment__item", "period__item", "unit")
        .order_by("-consolidated", F("period__due_on").asc(nulls_last=True), "submitted_at", "id")
    )
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # every report waiting, with its text
        return tabular.audited_export(fmt, "待验收的进展报告", "进展报告", REVIEW_HEADER, (
            [r.period.label, r.assignment.item.number, r.assignment.item.text, r.unit.name,
             "汇总报告" if r.consolidated else "单位报告", r.get_status_display(), r.reason, r.text, r.problems,
             r.next_steps, r.submitted_at]
            for r in reports.iterator(chunk_size=2000)
        ), filters=request.GET)
    page = Paginator(reports, INBOX_PAGE).get_page(request.GET.get("page"))
    events = plan.items.filter(recurrence=Recurrence.EVENT).order_by("order")
    return render(request, "plans/review_queue.html", {"plan": plan, "page": page, "events": events})


@login_required
@require_POST
def record_trigger(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    policy.require_manage(request.user, "只有公开办管理员可以登记事件类事项的触发日期。")
    item = get_object_or_404(Item, pk=item_pk, plan_id=pk)
    day = LawDateField(label="触发日期", error_messages={"invalid": "请输入有效日期，如 2026-10-09。", "required": "请填写触发日期。"})
    workdays = forms.IntegerField(required=False, error_messages={"invalid": "办理期限请填写工作日数。"})
    try:
        period = progress.record_trigger(
            item, day.clean(request.POST.get("triggered_on")), workdays.clean(request.POST.get("workdays")),
            actor=request.user,
        )
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"第 {item.number} 项已登记触发，报送截止 {period.due_on:%Y-%m-%d}。")
    return redirect("plans:review_queue", pk=pk)

