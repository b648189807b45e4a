"""The office's side of records in the console: the dashboard (late records, policies without a
timely interpretation), the catalog columns, the gazette and the publishing settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import policy
from gongkai.params import MAX_SORT_ORDER, int_field
from gongkai.records import catalog, deadlines, gazette, normative
from gongkai.records.forms import ColumnForm, GazetteForm
from gongkai.records.models import Column, Gazette, PublishingSettings, Record, RecordStatus
from gongkai.records.views import scoped_records


def _office_only(request: HttpRequest) -> None:
    if not policy.may_manage(request.user):
        raise PermissionDenied("此功能仅限公开办管理员使用。")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Late records (条例 第二十六条) and interpretation gaps: the office sees every unit, a unit's
    staff their own unit."""
    today = timezone.localdate()
    records = scoped_records(request.user)
    settings = PublishingSettings.current()
    pending = records.filter(status=RecordStatus.IN_REVIEW).values("unit__name").annotate(n=Count("pk")).order_by("-n")
    unit = None if policy.may_manage(request.user) else request.user.unit
    return render(request, "records/dashboard.html", {
        "today": today, "settings": settings,
        "late": deadlines.late_records(records, today, since=today.replace(month=1, day=1))[:100],
        "gaps": deadlines.interpretation_gaps(records.filter(published_on__year__gte=today.year - 1))[:100],
        "pending": pending, "normative": normative.normative_counts(today.year, unit), "year": today.year,
        "may_manage": policy.may_manage(request.user),
    })


@login_required
def catalog_units(request: HttpRequest) -> HttpResponse:
    _office_only(request)
    units = Unit.objects.filter(is_active=True).annotate(column_count=Count("columns")).order_by("sort_order", "pk")
    return render(request, "records/catalog_units.html", {"units": units})


@login_required
def catalog_edit(request: HttpRequest, unit_pk: int) -> HttpResponse:
    _office_only(request)
    unit = get_object_or_404(Unit, pk=unit_pk)
    form = ColumnForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            column = catalog.add_column(unit, form.cleaned_data["name"], form.cleaned_data["parent"], actor=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"已添加栏目“{column.path}”。")
            return redirect("records:catalog_edit", unit_pk=unit.pk)
    columns = Column.objects.filter(unit=unit).select_related("parent__parent")
    counts = dict(Record.columns.through.objects.filter(column__unit=unit).values("column_id")
                  .annotate(n=Count("record_id")).values_list("column_id", "n"))
    return render(request, "records/catalog_edit.html", {
        "unit": unit, "nodes": catalog.walk(columns, counts), "form": form,
    })


@login_required
@require_POST
def catalog_defaults(request: HttpRequest, unit_pk: int) -> HttpResponse:
    _office_only(request)
    unit = get_object_or_404(Unit, pk=unit_pk)
    added = catalog.apply_default_columns(unit, actor=request.user)
    messages.success(request, f"已添加 {added} 个默认栏目。" if added else "默认栏目都已存在。")
    return redirect("records:catalog_edit", unit_pk=unit.pk)


@login_required
@require_POST
def column_change(request: HttpRequest, pk: int) -> HttpResponse:
    _office_only(request)
    column = get_object_or_404(Column, pk=pk)
    active = request.POST.get("is_active")
    try:
        catalog.change_column(
            column, name=request.POST.get("name"),
            sort_order=int_field(request.POST, "sort_order", low=0, high=MAX_SORT_ORDER, label="排序"),
            is_active=None if active is None else active == "1", actor=request.user,
        )
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"栏目“{column.path}”已更新。")
    return redirect("records:catalog_edit", unit_pk=column.unit_id)


def _issues() -> QuerySet[Gazette]:
    """Newest issue first, each with its count of documents (ordered here: a model's default order
    does not apply to a query with GROUP BY)."""
    return Gazette.objects.annotate(n=Count("entries")).order_by("-year", "-month")


GAZETTE_HEADER = ["期号", "公报名称", "年份", "月份", "收录件数", "状态", "出版日期", "编辑时间"]


@login_required
def gazette_list(request: HttpRequest) -> HttpResponseBase:
    _office_only(request)
    if request.method != "POST" and (fmt := request.GET.get("format", "")) in tabular.FORMATS:
        return tabular.audited_export(fmt, "政府公报", "政府公报", GAZETTE_HEADER, (
            [issue.issue_label, issue.title, issue.year, issue.month, issue.n, issue.get_status_display(),
             issue.published_on, issue.created_at]
            for issue in _issues().iterator(chunk_size=500)
        ))
    today = timezone.localdate()
    form = GazetteForm(request.POST or None, initial={"year": today.year, "month": today.month})
    if request.method == "POST" and form.is_valid():
        try:
            issue = gazette.compile_gazette(form.cleaned_data["year"], form.cleaned_data["month"], actor=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"{issue.issue_label}已编辑完成，收录 {issue.entries.count()} 件文件。")
            return redirect("records:gazette_console", pk=issue.pk)
    issues = _issues()
    return render(request, "records/gazette_console_list.html", {"form": form, "issues": issues})


@login_required
def gazette_console(request: HttpRequest, pk: int) -> HttpResponse:
    _office_only(request)
    issue = get_object_or_404(Gazette, pk=pk)
    return render(request, "records/gazette_console.html", {"issue": issue, "documents": gazette.entries(issue)})


@login_required
@require_POST
def gazette_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _office_only(request)
    issue = get_object_or_404(Gazette, pk=pk)
    try:
        gazette.publish_gazette(issue, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("records:gazette_console", pk=issue.pk)
    messages.success(request, f"{issue.issue_label}已出版。")
    return redirect("records:gazette_issue", pk=issue.pk)


class SettingsForm(forms.ModelForm):  # type: ignore[misc]
    class Meta:
        model = PublishingSettings
        fields = ["index_period", "index_prefix", "publication_workdays", "interpretation_workdays"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in catalog.WORKDAY_SETTINGS:
            self.fields[name].widget.attrs.update(min=1, max=catalog.MAX_SETTING_WORKDAYS)
            self.fields[name].validators += [MinValueValidator(1), MaxValueValidator(catalog.MAX_SETTING_WORKDAYS)]


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    _office_only(request)
    form = SettingsForm(request.POST or None, instance=PublishingSettings.current())
    if request.method == "POST" and form.is_valid():
        catalog.change_settings(form.cleaned_data, actor=request.user)
        messages.success(request, "发布设置已保存。")
        return redirect("records:settings")
    return render(request, "records/settings.html", {"form": form})

