"""Requests in the staff console: the unit's queue, the request page with its steps, staff
registration, letters, the office's templates and the proposals to publish proactively.

A request outside the user's scope (another unit's) answers 404, never 403: its existence is not
told either. Every write goes through ``gongkai.foi.services`` or ``gongkai.foi.proposals``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Prefetch, QuerySet, Value, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates, forms, letters, proposals, services
from gongkai.foi.clock import request_clock, request_state
from gongkai.foi.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    DisclosureProposal,
    EventKind,
    Letter,
    LetterKind,
    LetterSeries,
    Request,
    RequestEvent,
    Status,
)
from gongkai.foi.public import docx_response
from gongkai.foi.transitions import Step, steps_for
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import Action, policy
from gongkai.rules.foiclock import ClockError, ClockState

PAGE_SIZE = 50


def _scoped(request: HttpRequest) -> QuerySet[Request]:
    return policy.scope(request.user, Request.objects.select_related("unit"))


def _visible(request: HttpRequest, pk: int) -> Request:
    return get_object_or_404(_scoped(request), pk=pk)


# --- the queue ---------------------------------------------------------------------------------


def _filtered(request: HttpRequest, form: forms.QueueFilterForm) -> QuerySet[Request]:
    rows = _scoped(request)
    if not form.is_valid():
        return rows
    data = form.cleaned_data
    if data["status"]:
        rows = rows.filter(status=data["status"])
    if data["channel"]:
        rows = rows.filter(channel=data["channel"])
    if data["received_from"]:
        rows = rows.filter(received_on__gte=data["received_from"])
    if data["received_to"]:
        rows = rows.filter(received_on__lte=data["received_to"])
    if data.get("unit"):
        rows = rows.filter(unit=data["unit"])
    return rows


def _states(rows: Any, calendar: Any, today: date) -> Iterator[tuple[Request, Any]]:
    """Each request with where its clock stands today (None when its events make no clock)."""
    for foi_request in rows:
        try:
            clock = request_clock(foi_request, calendar, list(foi_request.events.all()))
            yield foi_request, request_state(foi_request, clock, today, calendar)
        except ClockError:
            yield foi_request, None


def _with_state(rows: Any, calendar: Any, today: date) -> list[tuple[Request, Any]]:
    return list(_states(rows, calendar, today))


def _narrow_for_state(rows: QuerySet[Request], wanted: str) -> QuerySet[Request]:
    """Only the statuses a state can come from, so that fewer clocks are computed."""
    if wanted in (ClockState.REPLIED, ClockState.REPLIED_LATE, ClockState.AWAITING_SERVICE):
        return rows.filter(status=Status.REPLIED)
    if wanted == ClockState.ABANDONED:
        return rows.filter(status__in=[Status.ABANDONED, Status.AWAITING_AMENDMENT, Status.AWAITING_FEE])
    return rows.filter(status__in=OPEN_STATUSES)


QUEUE_HEADER = ["申请编号", "办理单位", "申请渠道", "申请人类型", "申请人", "所需信息", "收到日期", "答复期限",
                "状态", "期限情况", "办理结果", "答复日期"]


def _queue_rows(rows: QuerySet[Request], calendar: Any, today: date, wanted: str) -> Iterator[list[Any]]:
    """Every request the filters show, as the queue shows it, a chunk at a time (the clock of each
    is computed from its events, prefetched per chunk)."""
    source = _narrow_for_state(rows, wanted) if wanted else rows
    for foi_request, state in _states(source.iterator(chunk_size=500), calendar, today):
        if wanted and (state is None or state.state.value != wanted):
            continue
        yield [
            foi_request.pk, foi_request.unit.name, foi_request.get_channel_display(),
            foi_request.get_applicant_kind_display(), foi_request.applicant_name, foi_request.description,
            foi_request.received_on, foi_request.due_on, foi_request.get_status_display(),
            state.state.label if state is not None else "", foi_request.outcome, foi_request.replied_on,
        ]


@login_required
def queue(request: HttpRequest) -> HttpResponseBase:
    """Open requests first, by due date; the state (overdue, due soon …) derived today. Without a
    state filter only the page shown has its clocks computed."""
    office = policy.may_manage(request.user)
    form = forms.QueueFilterForm(request.GET or None, office=office)
    closed_last = Case(When(status__in=CLOSED_STATUSES, then=Value(1)), default=Value(0), output_field=IntegerField())
    rows = _filtered(request, form).annotate(closed=closed_last).order_by(
        "closed", F("due_on").asc(nulls_last=True), "received_on", "id",
    ).prefetch_related(Prefetch("events", queryset=RequestEvent.objects.order_by("id")))
    calendar, today = working_calendar(), dates.today()
    wanted = form.cleaned_data.get("state") if form.is_valid() else ""
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:
        return tabular.audited_export(fmt, "依申请公开申请", "申请", QUEUE_HEADER, _queue_rows(rows, calendar, today, wanted), filters=request.GET)
    if wanted:
        entries = [entry for entry in _with_state(_narrow_for_state(rows, wanted), calendar, today)
                   if entry[1] is not None and entry[1].state.value == wanted]
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = _with_state(page.object_list, calendar, today)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "foi/queue.html", {
        "form": form, "page": page, "query": query.urlencode(), "office": office,
        "may_register": office or request.user.has_role("clerk"),
    })


@login_required
def register(request: HttpRequest) -> HttpResponse:
    office = policy.may_manage(request.user)
    if not office and not request.user.has_role("clerk"):
        raise PermissionDenied("只有经办人或公开办可以登记申请。")
    units = forms.active_units() if office else Unit.objects.filter(pk=request.user.unit_id)
    form = forms.RegistrationForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            foi_request = services.register_request(
                form.details(), unit=data["unit"], channel=data["channel"], arrived_on=data["arrived_on"],
                signed_on=data["signed_on"], confirmed_on=data["confirmed_on"], id_proof=data["id_proof"],
                date_reason=data["date_reason"], actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"申请已登记，查询码 {foi_request.display_code}（请告知申请人）。")
            return redirect("foi:detail", pk=foi_request.pk)
    return render(request, "foi/register.html", {"form": form})


# --- the request page --------------------------------------------------------------------------


def _step_forms(foi_request: Request, allowed: set[str]) -> dict[str, Any]:
    consultations = services.open_consultations(foi_request)
    built: dict[str, Any] = {
        Step.CONFIRM: forms.DateForm(prefix="confirm"),
        Step.TRANSFER: forms.TransferForm(prefix="transfer"),
        Step.AMEND: forms.AmendmentForm(prefix="amend"),
        Step.AMENDED: forms.AmendedForm(prefix="amended"),
        Step.ABANDON: forms.DateForm(prefix="abandon"),
        Step.EXTEND: forms.ExtensionForm(prefix="extend"),
        Step.DECIDE_EXTENSION: forms.DecisionForm(prefix="decide_extension"),
        Step.CONSULT: forms.ConsultForm(prefix="consult"),
        Step.END_CONSULT: forms.EndConsultForm(prefix="end_consult", consultations=consultations),
        Step.FEE: forms.FeeForm(prefix="fee"),
        Step.PAID: forms.DateForm(prefix="paid"),
        Step.REPLY: forms.ReplyForm(prefix="reply"),
        Step.SERVE: forms.ServiceForm(prefix="serve", letters=foi_request.letters.all()),
    }
    pending = services.pending_extension(foi_request)
    hidden = {
        Step.END_CONSULT: not consultations, Step.DECIDE_EXTENSION: pending is None,
        Step.EXTEND: pending is not None or foi_request.events.filter(kind=EventKind.EXTENSION_APPROVED).exists(),
        Step.SERVE: not foi_request.letters.exists(),
    }
    return {step.value: form for step, form in built.items() if step.value in allowed and not hidden.get(step)}


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    foi_request = _visible(request, pk)
    calendar = working_calendar()
    events = list(foi_request.events.order_by("id"))
    try:
        clock = request_clock(foi_request, calendar, events)
        state = request_state(foi_request, clock, dates.today(), calendar)
        clock_error = ""
    except ClockError as error:
        clock, state, clock_error = None, None, str(error)
    allowed = steps_for(request.user, foi_request)
    return render(request, "foi/detail.html", {
        "foi_request": foi_request, "clock": clock, "state": state, "clock_error": clock_error,
        "events": events, "letters": foi_request.letters.order_by("issued_on", "id"),
        "step_forms": _step_forms(foi_request, allowed),
        "pending_extension": services.pending_extension(foi_request),
        "may_view_identity": policy.may(request.user, Action.VIEW_IDENTITY, foi_request),
    })


def _dated(data: dict[str, Any]) -> dict[str, Any]:
    """The step's law date and, when it is registered late (补录), the reason."""
    return {"on": data.get("on"), "date_reason": data.get("date_reason", "")}


# step → (form factory, the service call with the cleaned data, success message)
_Handler = Callable[[Request, dict[str, Any], Any], object]
_HANDLERS: dict[str, tuple[Callable[..., Any], _Handler, str]] = {
    Step.CONFIRM: (forms.DateForm, lambda r, d, u: services.confirm_receipt(r, **_dated(d), actor=u), "已确认收到申请，答复期限开始计算。"),
    Step.TRANSFER: (forms.TransferForm, lambda r, d, u: services.transfer_request(r, d["unit"], reason=d["reason"], actor=u), "申请已转办。"),
    Step.AMEND: (forms.AmendmentForm, lambda r, d, u: services.request_amendment(r, what=d["what"], reply_by=d["reply_by"], late_reason=d["late_reason"], **_dated(d), actor=u), "已告知补正，补正告知书已生成。"),
    Step.AMENDED: (forms.AmendedForm, lambda r, d, u: services.receive_amendment(r, text=d["text"], **_dated(d), actor=u), "已登记补正，答复期限重新计算。"),
    Step.ABANDON: (forms.DateForm, lambda r, d, u: services.mark_abandoned(r, **_dated(d), actor=u), "已按视为放弃处理。"),
    Step.EXTEND: (forms.ExtensionForm, lambda r, d, u: services.request_extension(r, workdays=d["workdays"], reason=d["reason"], **_dated(d), actor=u), "延期申请已提交，等待审核人批准。"),
    Step.DECIDE_EXTENSION: (forms.DecisionForm, lambda r, d, u: _decide_extension(r, d, u), "延期审批已登记。"),
    Step.CONSULT: (forms.ConsultForm, lambda r, d, u: services.start_consultation(r, party=d["party"], kind=d["kind"], **_dated(d), actor=u), "已开始征求意见，期间不计入答复期限。"),
    Step.FEE: (forms.FeeForm, lambda r, d, u: services.issue_fee_notice(r, method=d["method"], pages=d["pages"], **_dated(d), actor=u), "收费通知已登记。"),
    Step.PAID: (forms.DateForm, lambda r, d, u: services.record_payment(r, **_dated(d), actor=u), "已登记缴费。"),
    Step.REPLY: (forms.ReplyForm, lambda r, d, u: services.reply(r, outcome=d["outcome"], text=d["text"], **_dated(d), actor=u, published_index_number=d.get("published_index_number", "")), "已答复，答复书已生成。"),
}


def _decide_extension(foi_request: Request, data: dict[str, Any], user: Any) -> object:
    if data["decision"] == "approve":
        return services.approve_extension(foi_request, **_dated(data), actor=user)
    return services.refuse_extension(foi_request, note=data["note"], **_dated(data), actor=user)


def _bound_form(step: str, foi_request: Request, post: Any) -> Any:
    if step == Step.END_CONSULT:
        return forms.EndConsultForm(post, prefix=step, consultations=services.open_consultations(foi_request))
    if step == Step.SERVE:
        return forms.ServiceForm(post, prefix=step, letters=foi_request.letters.all())
    return _HANDLERS[step][0](post, prefix=step)


def _run(step: str, foi_request: Request, data: dict[str, Any], user: Any) -> str:
    if step == Step.END_CONSULT:
        services.end_consultation(foi_request, data["started"], result=data["result"], **_dated(data), actor=user)
        return "已结束征求意见，答复期限恢复计算。"
    if step == Step.SERVE:
        letter = get_object_or_404(Letter, pk=data["letter"], request=foi_request)
        services.record_service(letter, method=data["method"], served_on=data["served_on"],
                                signed_on=data["signed_on"], date_reason=data["date_reason"], actor=user)
        return "送达情况已登记。"
    _form, handler, message = _HANDLERS[step]
    handler(foi_request, data, user)
    return message


@login_required
@require_POST
def act(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step on the request page; the services decide whether it is allowed."""
    foi_request = _visible(request, pk)
    if step not in {s.value for s in Step}:
        raise Http404("没有这个操作。")
    form = _bound_form(step, foi_request, request.POST)
    if not form.is_valid():
        errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
        messages.error(request, "；".join(errors))
    else:
        try:
            messages.success(request, _run(step, foi_request, form.cleaned_data, request.user))
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
    return redirect(reverse("foi:detail", args=[foi_request.pk]) + "#steps")


@login_required
def letter_download(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(policy.scope(request.user, Letter.objects.select_related("request")), pk=pk)
    return docx_response(letter)


@login_required
def id_proof(request: HttpRequest, pk: int) -> HttpResponse:
    foi_request = _visible(request, pk)
    if not policy.may(request.user, Action.VIEW_IDENTITY, foi_request):
        raise PermissionDenied("评估人员不能查看申请人的身份证明材料。")
    if not foi_request.id_proof:
        raise Http404("没有身份证明材料。")
    response = FileResponse(foi_request.id_proof.open("rb"), as_attachment=True,
                            filename=foi_request.id_proof.name.rsplit("/", 1)[-1])
    response["Cache-Control"] = "no-store"
    return response


# --- the office: letter templates and 文号 -------------------------------------------------------


def _office_only(request: HttpRequest) -> None:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以修改文书模板和文号。")


TEMPLATE_HEADER = ["文书", "标题", "正文", "修改时间"]


@login_required
def template_list(request: HttpRequest) -> HttpResponseBase:
    _office_only(request)
    if request.method != "POST" and (fmt := request.GET.get("format", "")) in tabular.FORMATS:
        return tabular.audited_export(fmt, "文书模板", "文书模板", TEMPLATE_HEADER, [
            [template.get_kind_display(), template.title, template.body,
             template.updated_at if template.pk else "默认"]
            for template in (letters.template_for(kind) for kind in LetterKind)
        ])
    form = forms.PrefixForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            series = services.set_letter_prefix(form.cleaned_data["unit"], form.cleaned_data["prefix"], actor=request.user)
        except ValidationError as error:
            form.add_error("prefix", error)
        else:
            messages.success(request, f"{series.unit.name}的文号改为 {series.number(series.last_serial + 1)} 起。")
            return redirect("foi:templates")
    return render(request, "foi/templates.html", {
        "templates": [letters.template_for(kind) for kind in LetterKind],
        "series": LetterSeries.objects.select_related("unit").order_by("unit__sort_order", "-year"),
        "form": form,
    })


@login_required
def template_edit(request: HttpRequest, kind: str) -> HttpResponse:
    _office_only(request)
    if kind not in LetterKind.values:
        raise Http404("没有这种文书。")
    current = letters.template_for(kind)
    form = forms.TemplateForm(request.POST or None, initial={"title": current.title, "body": current.body})
    if request.method == "POST" and "reset" in request.POST:
        services.reset_letter_template(kind, actor=request.user)
        messages.success(request, "已恢复默认模板。")
        return redirect("foi:templates")
    if request.method == "POST" and form.is_valid():
        try:
            services.save_letter_template(kind, title=form.cleaned_data["title"], body=form.cleaned_data["body"],
                                          actor=request.user)
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, f"{LetterKind(kind).label}模板已保存，此后生成的文书使用新模板。")
            return redirect("foi:templates")
    return render(request, "foi/template_edit.html", {
        "form": form, "kind": LetterKind(kind), "placeholders": letters.PLACEHOLDERS.items(),
    })


# --- proposals to publish proactively -------------------------------------------------------------


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    office = policy.may_manage(request.user)
    if request.method == "POST":
        _office_only(request)
        found = proposals.propose_disclosures(today=dates.today())
        messages.success(request, f"分析完成：{len(found)} 条建议新增或更新。")
        return redirect("foi:proposals")
    rows = policy.scope(request.user, DisclosureProposal.objects.select_related("unit", "decided_by"))
    return render(request, "foi/proposals.html", {
        "proposals": rows.prefetch_related("requests"), "office": office,
        "window": proposals.WINDOW_DAYS, "min_applicants": proposals.MIN_APPLICANTS,
    })


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(policy.scope(request.user, DisclosureProposal.objects.all()), pk=pk)
    if not (policy.may(request.user, Action.CHANGE, proposal) or policy.may(request.user, Action.REVIEW, proposal)):
        raise PermissionDenied("只有本单位或公开办可以处理该建议。")
    note = request.POST.get("note", "")
    try:
        if request.POST.get("decision") == "accept":
            proposals.accept_proposal(proposal, note=note, actor=request.user)
            messages.success(request, "已采纳：请在20个工作日内主动公开该信息（条例第二十六条）。")
        else:
            proposals.dismiss_proposal(proposal, note=note, actor=request.user)
            messages.success(request, "已记录不予采纳及理由。")
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    return redirect("foi:proposals")

