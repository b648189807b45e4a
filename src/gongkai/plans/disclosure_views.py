"""The half-yearly progress pages: the office's list, review and publication in the console, and
the published page on the portal. Every write goes through ``gongkai.plans.disclosures``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.orgs.policy import policy
from gongkai.plans import disclosures
from gongkai.plans.models import Plan, ProgressDisclosure, ProgressStatus

DENIED = "只有公开办管理员可以生成、审核和公开进展情况。"


class GenerateForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    half = forms.TypedChoiceField(label="半年", coerce=int, choices=[(1, "上半年"), (2, "下半年")])


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label="总体情况", required=False, max_length=disclosures.MAX_SUMMARY,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class EntryForm(forms.Form):
    status = forms.ChoiceField(
        label="推进状态", required=False, choices=[("", disclosures.NO_PROGRESS), *ProgressStatus.choices]
    )
    progress = forms.CharField(label="进展情况", required=False, max_length=disclosures.MAX_ENTRY_TEXT,
                               widget=forms.Textarea(attrs={"rows": 4}))
    problems = forms.CharField(label="存在问题", required=False, max_length=disclosures.MAX_ENTRY_TEXT,
                               widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label="下一步工作措施", required=False, max_length=disclosures.MAX_ENTRY_TEXT,
                                 widget=forms.Textarea(attrs={"rows": 3}))


def _disclosure(request: HttpRequest, pk: int, disclosure_pk: int) -> ProgressDisclosure:
    policy.require_manage(request.user, DENIED)
    return get_object_or_404(ProgressDisclosure.objects.select_related("plan"), pk=disclosure_pk, plan_id=pk)


def _error(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, "；".join(error.messages))


# -- console ---------------------------------------------------------------------------------


@login_required
def disclosure_list(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_manage(request.user, DENIED)
    plan = get_object_or_404(Plan, pk=pk)
    today = timezone.localdate()
    form = GenerateForm(request.POST or None, initial={"year": plan.year, "half": 1 if today.month <= 6 else 2})
    if request.method == "POST" and form.is_valid():
        try:
            disclosure = disclosures.generate_disclosure(
                plan, form.cleaned_data["year"], form.cleaned_data["half"], actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已生成{disclosure.half_label}进展情况草稿，请审核后公开。")
            return redirect("plans:disclosure", pk=plan.pk, disclosure_pk=disclosure.pk)
    return render(request, "plans/disclosure_list.html", {
        "plan": plan, "form": form, "disclosures": plan.disclosures.order_by("-year", "-half"),
    })


@login_required
def disclosure_review(request: HttpRequest, pk: int, disclosure_pk: int) -> HttpResponse:
    disclosure = _disclosure(request, pk, disclosure_pk)
    form = SummaryForm(request.POST or None, initial={"summary": disclosure.summary})
    if request.method == "POST" and form.is_valid():
        try:
            disclosures.update_summary(disclosure, form.cleaned_data["summary"], actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "总体情况已保存。")
            return redirect("plans:disclosure", pk=pk, disclosure_pk=disclosure.pk)
    return render(request, "plans/disclosure_review.html", {
        "plan": disclosure.plan, "disclosure": disclosure, "form": form,
        "is_draft": not disclosure.is_public,
    })


@login_required
def disclosure_entry(request: HttpRequest, pk: int, disclosure_pk: int, item_pk: int) -> HttpResponse:
    disclosure = _disclosure(request, pk, disclosure_pk)
    entry = _entry_or_404(disclosure, item_pk)
    form = EntryForm(request.POST or None, initial=entry)
    if request.method == "POST" and form.is_valid():
        try:
            disclosures.update_entry(disclosure, item_pk, form.cleaned_data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"第 {entry['number'] or '—'} 项已保存。")
            url = reverse("plans:disclosure", args=[pk, disclosure.pk])
            return redirect(f"{url}#entry-{item_pk}")
    return render(request, "plans/disclosure_entry.html", {
        "plan": disclosure.plan, "disclosure": disclosure, "entry": entry, "form": form,
    })


def _entry_or_404(disclosure: ProgressDisclosure, item_pk: int) -> dict[str, Any]:
    entry = next((e for e in disclosure.entries if e.get("item_id") == item_pk), None)
    if entry is None:
        raise Http404("该事项不在本期进展情况中。")
    return entry


@login_required
@require_POST
def disclosure_regenerate(request: HttpRequest, pk: int, disclosure_pk: int) -> HttpResponse:
    disclosure = _disclosure(request, pk, disclosure_pk)
    try:
        disclosures.regenerate_disclosure(disclosure, actor=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, "已按最新验收的报告重新生成。")
    return redirect("plans:disclosure", pk=pk, disclosure_pk=disclosure.pk)


@login_required
@require_POST
def disclosure_publish(request: HttpRequest, pk: int, disclosure_pk: int) -> HttpResponse:
    disclosure = _disclosure(request, pk, disclosure_pk)
    try:
        disclosures.publish_disclosure(disclosure, actor=request.user)
    except ValidationError as error:
        _error(request, error)
        return redirect("plans:disclosure", pk=pk, disclosure_pk=disclosure.pk)
    messages.success(request, f"{disclosure.half_label}进展情况已公开。")
    return redirect("plans:public_progress", pk=pk, disclosure_pk=disclosure.pk)


# -- portal ----------------------------------------------------------------------------------


def public_progress(request: HttpRequest, pk: int, disclosure_pk: int) -> HttpResponse:
    """The published page; a draft is not found (the office previews it in the console)."""
    disclosure = get_object_or_404(
        ProgressDisclosure.objects.select_related("plan"), pk=disclosure_pk, plan_id=pk
    )
    if not (disclosure.is_public and disclosure.plan.is_public):
        raise Http404("没有找到该进展情况。")
    return render(request, "plans/public_progress.html", {
        "plan": disclosure.plan, "disclosure": disclosure,
        "others": disclosures.published_disclosures(disclosure.plan).exclude(pk=disclosure.pk),
    })
