"""Consultations in the staff console: a unit's own (the office sees all), opening one on a draft,
moderating the comments, the 采纳情况 and its publication, and the exports. A consultation of
another unit answers 404 here (its comments carry their authors' names and contact); its public
page is on the portal. Every write goes through ``gongkai.interaction.consultations``."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.foi import dates
from gongkai.interaction import consultations as services
from gongkai.interaction import exports, forms
from gongkai.interaction.models import Comment, CommentStatus, Consultation
from gongkai.orgs.policy import Action, policy
from gongkai.records.models import Record

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _scoped(request: HttpRequest) -> QuerySet[Consultation]:
    return policy.scope(request.user, Consultation.objects.select_related("unit", "draft", "final_record"),
                        Action.VIEW_IDENTITY)


def _visible(request: HttpRequest, pk: int) -> Consultation:
    return get_object_or_404(_scoped(request), pk=pk)


def _drafts(request: HttpRequest) -> QuerySet[Record]:
    rows = Record.objects.filter(status__in=services.DRAFT_STATUSES).select_related("unit").order_by("-id")
    return policy.scope(request.user, rows, Action.CHANGE)


LIST_HEADER = ["标题", "单位", "草案类型", "开始日期", "截止日期", "状态", "待审核意见", "待说明采纳情况"]


def _with_counts(rows: QuerySet[Consultation]) -> QuerySet[Consultation]:
    """Each consultation's comments waiting for moderation and shown ones without a decision
    (``services.undecided``), counted in the list's query."""
    return rows.annotate(
        pending_count=Count("comments", filter=Q(comments__status=CommentStatus.PENDING)),
        undecided_count=Count("comments", filter=Q(comments__status=CommentStatus.SHOWN, comments__decision="")),
    )


@login_required
def console_list(request: HttpRequest) -> HttpResponseBase:
    today = dates.today()
    consultations = _with_counts(_scoped(request))
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # every one, not the first 200
        return tabular.audited_export(fmt, "征求意见", "征求意见", LIST_HEADER, (
            [c.title, c.unit.name, c.get_kind_display(), c.opens_on, c.closes_on, c.phase(today), c.pending_count,
             c.undecided_count]
            for c in consultations.iterator(chunk_size=500)
        ), filters=request.GET)
    rows = [(c, c.phase(today), c.undecided_count) for c in consultations[:200]]
    return render(request, "interaction/consultations/console_list.html", {
        "rows": rows, "may_open": _drafts(request).exists() or policy.may_manage(request.user),
    })


@login_required
def open_page(request: HttpRequest) -> HttpResponse:
    drafts = _drafts(request)
    form = forms.OpenConsultationForm(request.POST or None, drafts=drafts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.open_consultation(
                data["draft"], kind=data["kind"], closes_on=data["closes_on"], explanation=data["explanation"],
                short_reason=data["short_reason"], title=data["title"], actor=request.user,
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, "；".join(getattr(error, "messages", [str(error)])))
        else:
            flash.success(request, "已发布征求意见。")
            return redirect("interaction:consultation_console", consultation.pk)
    return render(request, "interaction/consultations/open.html", {
        "form": form, "minimums": services.min_days(),
    }, status=400 if form.errors else 200)


def _published_records(consultation: Consultation) -> QuerySet[Record]:
    return Record.objects.filter(Record.public_q(), unit=consultation.unit).order_by("-published_on", "-id")


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _visible(request, pk)
    today = dates.today()
    comments = list(consultation.comments.order_by("id"))
    may_change = policy.may(request.user, Action.CHANGE, consultation) or policy.may(
        request.user, Action.REVIEW, consultation)
    editable = may_change and consultation.status == "open"
    shown = consultation.comments.filter(status=CommentStatus.SHOWN)
    return render(request, "interaction/consultations/console_detail.html", {
        "consultation": consultation, "phase": consultation.phase(today), "comments": comments,
        "editable": editable, "moderate_form": forms.ModerateForm(),
        "decide_form": forms.DecideForm(comments=shown) if editable and shown.exists() else None,
        "feedback_form": forms.FeedbackForm(records=_published_records(consultation))
        if editable and consultation.closed(today) else None,
        "undecided": services.undecided(consultation),
    })


def _errors(form: object) -> str:
    return "；".join(str(error) for errors in form.errors.values() for error in errors)  # type: ignore[attr-defined]


def _back(consultation: Consultation) -> HttpResponse:
    return redirect(reverse("interaction:consultation_console", args=[consultation.pk]) + "#comments")


@login_required
@require_POST
def moderate(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    consultation = _visible(request, pk)
    comment = get_object_or_404(Comment, pk=comment_pk, consultation=consultation)
    form = forms.ModerateForm(request.POST)
    if not form.is_valid():
        flash.error(request, _errors(form))
        return _back(consultation)
    try:
        services.moderate(comment, form.cleaned_data["show"], note=form.cleaned_data["note"], actor=request.user)
        flash.success(request, "审核结果已保存。")
    except (ValidationError, PermissionDenied) as error:
        flash.error(request, "；".join(getattr(error, "messages", [str(error)])))
    return _back(consultation)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _visible(request, pk)
    form = forms.DecideForm(request.POST, comments=consultation.comments.filter(status=CommentStatus.SHOWN))
    if not form.is_valid():
        flash.error(request, _errors(form))
        return _back(consultation)
    data = form.cleaned_data
    try:
        services.decide(list(data["comments"]), data["decision"], data["reason"], group=data["group"],
                        actor=request.user)
        flash.success(request, "采纳情况已保存。")
    except (ValidationError, PermissionDenied) as error:
        flash.error(request, "；".join(getattr(error, "messages", [str(error)])))
    return _back(consultation)


@login_required
@require_POST
def publish_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _visible(request, pk)
    form = forms.FeedbackForm(request.POST, records=_published_records(consultation))
    if not form.is_valid():
        flash.error(request, _errors(form))
        return _back(consultation)
    try:
        services.publish_feedback(consultation, form.cleaned_data["final_record"], form.cleaned_data["summary"],
                                  actor=request.user)
        flash.success(request, "采纳情况已公布，并与正式文件相互链接。")
    except (ValidationError, PermissionDenied) as error:
        flash.error(request, "；".join(getattr(error, "messages", [str(error)])))
    return _back(consultation)


@login_required
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    consultation = _visible(request, pk)
    if fmt == "xlsx":
        body, content_type = exports.to_xlsx(consultation), XLSX
    elif fmt == "docx":
        body, content_type = exports.to_docx(consultation), DOCX
    else:
        raise Http404("没有这种格式。")
    response = HttpResponse(body, content_type=content_type)
    name = f"征求意见汇总-{consultation.pk}.{fmt}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
