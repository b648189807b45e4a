"""Plans in the staff console: upload a notice, follow its parsing, review and correct the
items, resolve unit phrases, publish. Every write goes through ``gongkai.plans.services``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.policy import policy
from gongkai.params import int_field
from gongkai.plans import parsing, progress, services, tasks
from gongkai.plans.models import ImportStatus, Item, ItemUnit, Plan, PlanImport, Recurrence
from gongkai.rules.uploads import UploadLimits, check_import


class ImportForm(forms.Form):
    file = forms.FileField(
        label="通知文件", help_text="支持 .txt .docx .doc .xlsx .html，不超过 20 MB。",
        error_messages={"empty": "所选文件是空的，请检查后重新上传。", "required": "请选择要导入的通知文件。"},
    )
    issuer_unit = forms.ModelChoiceField(
        label="发文政府", queryset=Unit.objects.filter(kind__in=[UnitKind.CITY_GOV, UnitKind.COUNTY_GOV]),
        help_text="“市政府各部门”“区编办”等表述按这一级政府解析。",
    )
    year = forms.IntegerField(label="年度（可不填，从标题识别）", required=False, min_value=2000, max_value=2100)

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > parsing.MAX_BYTES:
            raise ValidationError(f"{upload.name}：文件超过 20 MB，请拆分后再导入。")
        if not upload.name.lower().endswith(parsing.EXTENSIONS):
            raise ValidationError(f"{upload.name}：不支持的文件类型，请上传 .txt .docx .doc .xlsx 或 .html。")
        if upload.size == 0:
            raise ValidationError(f"{upload.name}：文件是空的。")
        content = upload.read()
        upload.seek(0)
        verdict = check_import(upload.name, content, UploadLimits(max_bytes=parsing.MAX_BYTES))
        if not verdict.ok:  # a zip bomb named .docx or .xlsx never reaches the parser's job
            raise ValidationError(verdict.message)
        return upload


class ItemForm(forms.Form):
    number = forms.CharField(label="序号", max_length=20, required=False)
    task = forms.CharField(label="工作任务", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text = forms.CharField(label="具体要求", widget=forms.Textarea(attrs={"rows": 4}))
    lead_units = forms.CharField(label="牵头单位", required=False, help_text="多个单位用顿号分隔")
    units = forms.CharField(label="责任单位", required=False, help_text="多个单位用顿号分隔")
    deadline_raw = forms.CharField(label="完成时限（原文）", max_length=200, required=False)
    deadline_date = forms.DateField(
        label="完成日期", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "请输入有效日期，如 2026-12-31。"},
    )
    recurrence = forms.ChoiceField(label="周期", required=False, choices=[("", "（无）"), *Recurrence.choices])


def _office_only(request: HttpRequest) -> None:
    policy.require_manage(request.user, "只有公开办管理员可以导入、审核和发布分工方案。")


PLAN_HEADER = ["年度", "方案", "发文机关", "文号", "成文日期", "事项数", "状态", "发布时间"]


@login_required
def plan_list(request: HttpRequest) -> HttpResponseBase:
    plans = policy.scope(request.user, Plan.objects.annotate(item_count=Count("items")))
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # what the user sees, every plan
        return tabular.audited_export(fmt, "分工方案", "分工方案", PLAN_HEADER, (
            [plan.year, plan.title, plan.issuer, plan.doc_number, plan.issued_on, plan.item_count,
             plan.get_status_display(), plan.published_at]
            for plan in plans.order_by("-year", "id").iterator(chunk_size=500)
        ))
    imports = PlanImport.objects.exclude(status=ImportStatus.DONE)[:10] if policy.may_manage(request.user) else []
    return render(request, "plans/console_list.html", {
        "plans": plans, "imports": imports, "may_manage": policy.may_manage(request.user),
    })


@login_required
def import_notice(request: HttpRequest) -> HttpResponse:
    _office_only(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with transaction.atomic():
            job = PlanImport.objects.create(
                file=upload, original_name=upload.name[:255], year=form.cleaned_data["year"],
                issuer_unit=form.cleaned_data["issuer_unit"], created_by=request.user,
            )
            transaction.on_commit(lambda: tasks.parse_import(job.pk))
        return redirect("plans:import_status", pk=job.pk)
    return render(request, "plans/import.html", {"form": form})


@login_required
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    _office_only(request)
    job = get_object_or_404(PlanImport, pk=pk)
    if request.htmx and job.status == ImportStatus.DONE and job.plan_id:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("plans:review", args=[job.plan_id])
        return response
    template = "plans/_import_progress.html" if request.htmx else "plans/import_status.html"
    return render(request, template, {"job": job})


def _plan_for_office(request: HttpRequest, pk: int) -> Plan:
    _office_only(request)
    return get_object_or_404(Plan.objects.select_related("issuer_unit"), pk=pk)


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_office(request, pk)
    items = plan.items.prefetch_related(
        Prefetch("item_units", queryset=ItemUnit.objects.select_related("unit").order_by("role", "unit__sort_order"))
    )
    items = list(items)
    for item in items:  # which rule gives the item its due dates, and a cadence its text states
        item.schedule_rule = progress.schedule_rule(item, plan)
        proposed = progress.proposed_recurrence(item)
        item.proposed = Recurrence(proposed) if proposed else None
    unresolved = sorted({entry["phrase"] for item in items for entry in item.unresolved})
    return render(request, "plans/review.html", {
        "plan": plan, "items": items, "unresolved": unresolved, "rows": _with_unread(plan, items),
        "units": Unit.objects.filter(is_active=True).order_by("sort_order"),
        "unitless": sum(1 for item in items if not item.unit_phrases),
    })


def _with_unread(plan: Plan, items: Iterable[Item]) -> list[tuple[Item | None, dict[str, Any] | None]]:
    """The items with the lines the import left out placed among them by line number, so that
    the office sees what was not understood beside what was: (item, None) or (None, line)."""
    rows: list[tuple[Item | None, dict[str, Any] | None]] = []
    pending = sorted(plan.unread, key=lambda entry: entry["line"])
    for item in items:
        while pending and item.source_line and pending[0]["line"] < item.source_line:
            rows.append((None, pending.pop(0)))
        rows.append((item, None))
    return rows + [(None, entry) for entry in pending]


@login_required
def edit_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _plan_for_office(request, pk)
    item = get_object_or_404(Item, pk=item_pk, plan=plan)
    initial = {
        "number": item.number, "task": item.task, "text": item.text,
        "lead_units": "、".join(item.lead_phrases),
        "units": "、".join(p for p in item.unit_phrases if p not in item.lead_phrases),
        "deadline_raw": item.deadline_raw, "deadline_date": item.deadline_date, "recurrence": item.recurrence,
    }
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item(item, form.cleaned_data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"第 {item.number or item.order + 1} 项已保存。")
            return redirect(reverse("plans:review", args=[plan.pk]) + f"#item-{item.pk}")
    return render(request, "plans/edit_item.html", {"plan": plan, "item": item, "form": form})


@login_required
@require_POST
def resolve_phrase(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_office(request, pk)
    phrase = request.POST.get("phrase", "").strip()
    try:
        unit = Unit.objects.filter(pk=int_field(request.POST, "unit", label="单位") or 0).first()
    except ValidationError:
        unit = None
    if not phrase or unit is None:
        messages.error(request, "请选择单位表述及其对应的单位。")
        return redirect("plans:review", pk=plan.pk)
    try:
        remaining = services.resolve_phrase(plan, phrase, unit, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已记住“{phrase}”即{unit.name}，以后导入时自动识别。还有 {remaining} 处未识别。")
    return redirect("plans:review", pk=plan.pk)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_office(request, pk)
    try:
        services.publish_plan(plan, actor=request.user, cadence=request.POST.get("cadence") or None)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("plans:review", pk=plan.pk)
    messages.success(request, "分工方案已发布，公众可在门户网站查看。")
    return redirect("plans:public_detail", pk=plan.pk)


@login_required
@require_POST
def confirm_recurrence(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """The office confirms the cadence an item's text states ("每季度公示…") as its recurrence."""
    plan = _plan_for_office(request, pk)
    item = get_object_or_404(Item, pk=item_pk, plan=plan)
    proposed = progress.proposed_recurrence(item)
    if proposed is None:
        messages.error(request, "该事项正文没有写明报送周期，请在修改页设置。")
    else:
        try:
            services.update_item(item, {"recurrence": proposed}, actor=request.user)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, f"第 {item.number} 项按{item.get_recurrence_display()}报送。")
    return redirect(reverse("plans:review", args=[plan.pk]) + f"#item-{item.pk}")


@login_required
@require_POST
def set_year(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_office(request, pk)
    try:
        services.set_plan_year(plan, _four_digit_year(request), actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"方案年度已定为 {plan.year} 年，完成时限已按此年度重新换算。")
    return redirect("plans:review", pk=plan.pk)


def _four_digit_year(request: HttpRequest) -> int:
    try:
        year = int_field(request.POST, "year", low=1000, high=9999, label="方案年度")
    except ValidationError:
        year = None
    if year is None:
        raise ValidationError("请填写四位数的年度，如 2024。")
    return year


@login_required
@require_POST
def delete_draft(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_for_office(request, pk)
    try:
        services.delete_draft(plan, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("plans:review", pk=plan.pk)
    messages.success(request, "草稿已删除。")
    return redirect("plans:console_list")
