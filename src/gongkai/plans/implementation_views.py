"""The office's page on the units' own implementation plans (实施方案): who published theirs in
time, who late, who not yet. Writes go through ``gongkai.plans.implementation``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.orgs.policy import policy
from gongkai.plans import implementation
from gongkai.plans.models import IMPLEMENTATION_STARTS, Plan


class RequirementForm(forms.Form):
    workdays = forms.IntegerField(
        label="公开期限（工作日）", required=False, min_value=0, max_value=implementation.MAX_WORKDAYS,
        help_text="方案公布后多少个工作日内公开本单位实施方案；留空或填 0 表示不要求。",
    )
    column = forms.CharField(
        label="实施方案所在栏目", required=False, max_length=50,
        help_text="单位在这一栏目（含其下级栏目）发布的信息视为其实施方案。",
    )
    start = forms.ChoiceField(
        label="期限起算", required=False,
        choices=IMPLEMENTATION_STARTS,
        help_text="通知没有成文日期时自本平台发布之日起算。",
    )


@login_required
def implementation_status(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_manage(request.user, "只有公开办管理员可以查看各单位实施方案的公开情况。")
    plan = get_object_or_404(Plan, pk=pk)
    form = RequirementForm(request.POST or None, initial={
        "workdays": plan.implementation_workdays, "column": plan.implementation_column,
        "start": plan.implementation_from,
    })
    if request.method == "POST" and form.is_valid():
        try:
            implementation.set_requirement(
                plan, form.cleaned_data["workdays"], form.cleaned_data["column"], actor=request.user,
                start=form.cleaned_data["start"] or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "实施方案公开要求已保存。")
            return redirect("plans:implementation", pk=plan.pk)
    rows = implementation.implementation_rows(plan, timezone.localdate())
    counts = implementation.counts(rows)
    return render(request, "plans/implementation.html", {
        "plan": plan, "form": form, "rows": rows, "required": implementation.is_required(plan),
        "due_on": rows[0].due_on if rows else None,
        "counts": [(implementation.LABELS[state], state.value, count) for state, count in counts.items()],
    })
