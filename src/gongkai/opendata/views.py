"""Open data in the staff console: the data sets a user may see (their unit's, every published
one; the office sees all), one data set with its preview, versions and review steps, and the
yearly opening plan with who is late. Another unit's unpublished data set is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.foi import dates
from gongkai.opendata import progress, services
from gongkai.opendata.forms import CommentForm, DatasetForm, PlanEntryForm, UploadForm
from gongkai.opendata.models import Dataset, DatasetStatus, PlanEntry
from gongkai.opendata.public import preview
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import Action, policy
from gongkai.params import BadParameter, int_param, is_id
from gongkai.rules.opendata.sheet import DEFAULT_SHEET_LIMITS
from gongkai.rules.uploads import UploadLimits, check_upload_size

STEPS = ("submit", "publish", "return", "withdraw")


def visible_datasets(user: Any) -> QuerySet[Dataset]:
    return policy.scope(user, Dataset.objects.select_related("unit", "published_version"))


def _own_unit(user: Any) -> Unit | None:
    """The unit a clerk works for (their data sets are that unit's); None for the office."""
    return None if policy.may_manage(user) else user.unit


@login_required
def dataset_list(request: HttpRequest) -> HttpResponse:
    datasets = visible_datasets(request.user).order_by("-updated_at", "-pk")
    status = request.GET.get("status", "")
    if status:
        if status not in DatasetStatus.values:
            raise BadParameter("“状态”不是可选的值。")
        datasets = datasets.filter(status=status)
    user: User = request.user  # type: ignore[assignment]
    may_create = policy.may_manage(user) or (user.unit is not None and policy.may(user, Action.CHANGE, user.unit))
    return render(request, "opendata/console_list.html", {
        "datasets": datasets[:500], "statuses": DatasetStatus.choices, "status": status, "may_create": may_create,
    })


@login_required
def dataset_new(request: HttpRequest) -> HttpResponse:
    fixed = _own_unit(request.user)
    form = DatasetForm(request.POST or None, fixed_unit=fixed)
    if request.method == "POST" and form.is_valid():
        unit = fixed or form.cleaned_data["unit"]
        try:
            dataset = services.create_dataset(unit, form.cleaned_data, actor=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "数据集已建立。")
            return redirect("opendata:dataset", dataset.pk)
    return render(request, "opendata/form.html", {"form": form, "title": "新建数据集"}, status=400 if form.errors else 200)


def _dataset(request: HttpRequest, pk: int) -> Dataset:
    return get_object_or_404(visible_datasets(request.user), pk=pk)


@login_required
def dataset_detail(request: HttpRequest, pk: int, upload_form: UploadForm | None = None,
                   errors: list[str] | None = None) -> HttpResponse:
    dataset = _dataset(request, pk)
    user = request.user
    may_change = policy.may(user, Action.CHANGE, dataset)  # type: ignore[arg-type]
    may_review = policy.may(user, Action.REVIEW, dataset)  # type: ignore[arg-type]
    latest = services.latest_version(dataset)
    header, rows = preview(dataset, latest)
    return render(request, "opendata/console_detail.html", {
        "dataset": dataset, "latest": latest, "header": header, "rows": rows,
        "versions": dataset.versions.only("number", "file_name", "row_count", "uploaded_at")[:20],
        "pending": services.has_pending_changes(dataset),
        "pending_changes": _shown_changes(dataset),
        "may_change": may_change, "may_review": may_review,
        "upload_form": upload_form or UploadForm(), "comment_form": CommentForm(), "errors": errors or [],
        "max_rows": DEFAULT_SHEET_LIMITS.max_rows,
    }, status=400 if errors else 200)


def _shown_changes(dataset: Dataset) -> list[tuple[str, str]]:
    """The description changes waiting for review, as the clerk chose them (labels, not codes)."""
    shown = []
    for name, value in dataset.pending_changes.items():
        field = Dataset._meta.get_field(name)
        choices = dict(getattr(field, "choices", None) or ())
        text = "、".join(value) if isinstance(value, list) else str(choices.get(value, value))
        shown.append((str(field.verbose_name), text))
    return shown


@login_required
def dataset_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dataset = _dataset(request, pk)
    if not policy.may(request.user, Action.CHANGE, dataset):  # type: ignore[arg-type]
        raise PermissionDenied("只有本单位经办人或公开办可以修改数据集。")
    form = DatasetForm(request.POST or None, initial=DatasetForm.of(dataset), fixed_unit=dataset.unit,
                       source_fixed=dataset.status != DatasetStatus.DRAFT)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_dataset(dataset, form.cleaned_data, actor=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已保存。" if dataset.status == DatasetStatus.DRAFT else "已保存，提交审核并发布后生效。")
            return redirect("opendata:dataset", dataset.pk)
    return render(request, "opendata/form.html", {"form": form, "title": f"修改：{dataset.title}", "dataset": dataset},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def dataset_upload(request: HttpRequest, pk: int) -> HttpResponse:
    dataset = _dataset(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return dataset_detail(request, pk, upload_form=form, errors=["请选择要上传的 .xlsx 或 .csv 文件。"])
    upload = form.cleaned_data["file"]
    sized = check_upload_size(upload.name, upload.size, UploadLimits(max_bytes=DEFAULT_SHEET_LIMITS.max_bytes))
    if not sized.ok:
        return dataset_detail(request, pk, upload_form=form, errors=[sized.message.replace("附件", "文件")])
    try:
        version = services.upload_version(dataset, upload.name, upload.read(), actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        return dataset_detail(request, pk, upload_form=form, errors=["表格未被接受，整份未保存：", *error.messages])
    messages.success(request, f"已上传第 {version.number} 版：{version.row_count} 行，{len(version.header)} 列。")
    return redirect("opendata:dataset", dataset.pk)


@login_required
@require_POST
def dataset_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEPS:
        raise BadParameter("没有这个操作。")
    dataset = _dataset(request, pk)
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    actor: User = request.user  # type: ignore[assignment]
    try:
        if step == "submit":
            services.submit_dataset(dataset, actor=actor)
            messages.success(request, "已提交审核。")
        elif step == "publish":
            services.publish_dataset(dataset, actor=actor)
            messages.success(request, "已发布到数据开放栏目。")
        elif step == "return":
            services.return_dataset(dataset, comment, actor=actor)
            messages.success(request, "已退回。")
        else:
            services.withdraw_dataset(dataset, comment, actor=actor)
            messages.success(request, "已撤回。")
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    return redirect("opendata:dataset", dataset.pk)


# --- the yearly opening plan -------------------------------------------------------------------


def _year(request: HttpRequest) -> int:
    today = dates.today()
    return int_param(request.GET, "year", low=2000, high=today.year + 1, default=today.year, label="年度") or today.year


def _plan_form(request: HttpRequest, data: Any = None, entry: PlanEntry | None = None) -> PlanEntryForm:
    """The form that adds an entry, or (``entry``) changes it: then without the unit, which stays."""
    fixed = entry.unit if entry is not None else _own_unit(request.user)
    datasets = visible_datasets(request.user)
    if fixed is not None:
        datasets = datasets.filter(unit=fixed)
    initial = None if entry is None else {
        "title": entry.title, "theme": entry.theme, "planned_on": entry.planned_on, "dataset": entry.dataset, "note": entry.note,
    }
    return PlanEntryForm(data, initial=initial, fixed_unit=fixed, datasets=datasets.exclude(status=DatasetStatus.WITHDRAWN))


@login_required
def plan(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    form = _plan_form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = form.fixed_unit or data["unit"]
        try:
            services.add_plan_entry(unit, _entry_data(data, year), actor=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已加入开放计划。")
            return redirect(f"{request.path}?year={year}")
    rows = progress.entry_rows(progress.visible_entries(request.user, year), dates.today())
    return render(request, "opendata/plan.html", {
        "year": year, "rows": rows, "units": progress.unit_rows(rows), "form": form,
        "may_add": policy.may_manage(request.user) or bool(getattr(request.user, "unit_id", None)),
        "datasets": form.fields["dataset"].queryset,  # type: ignore[attr-defined]
        "years": range(dates.today().year + 1, dates.today().year - 4, -1),
    }, status=400 if form.errors else 200)


@login_required
def plan_export(request: HttpRequest) -> HttpResponseBase:
    year = _year(request)
    rows = progress.entry_rows(progress.visible_entries(request.user, year), dates.today())
    return tabular.xlsx_response(f"{year}年度数据开放计划进度.xlsx", f"{year}年度开放计划", progress.HEADER, progress.export_rows(rows))


def _entry_data(data: dict[str, Any], year: int) -> services.PlanEntryData:
    return services.PlanEntryData(year=year, title=data["title"], theme=data["theme"], planned_on=data["planned_on"],
                                  dataset=data["dataset"], note=data["note"])


def _entry(request: HttpRequest, pk: int) -> PlanEntry:
    return get_object_or_404(policy.scope(request.user, PlanEntry.objects.all()), pk=pk)  # type: ignore[arg-type]


@login_required
def plan_entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    if not policy.may(request.user, Action.CHANGE, entry):
        raise PermissionDenied("只有本单位经办人或公开办可以修改本单位的开放计划。")
    form = _plan_form(request, request.POST or None, entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_plan_entry(entry, _entry_data(form.cleaned_data, entry.year), actor=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已修改开放计划事项。")
            return redirect(f"{redirect('opendata:plan').url}?year={entry.year}")
    return render(request, "opendata/plan_entry.html", {"entry": entry, "form": form},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def plan_entry_remove(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    services.remove_plan_entry(entry, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, "已从开放计划中删除。")
    return redirect(f"{redirect('opendata:plan').url}?year={entry.year}")


@login_required
@require_POST
def plan_entry_link(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry(request, pk)
    raw = request.POST.get("dataset", "").strip()
    dataset = None
    if raw:
        if not is_id(raw):
            raise BadParameter("“对应数据集”不是有效的编号。")
        dataset = get_object_or_404(visible_datasets(request.user), pk=int(raw))
    try:
        services.link_plan_entry(entry, dataset, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, "已更新对应数据集。")
    return redirect(f"{redirect('opendata:plan').url}?year={entry.year}")
