"""Uploading an existing catalog and following its import (htmx polling of the worker's progress)."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Font

from gongkai.orgs.models import Role, Unit, User
from gongkai.orgs.policy import Action, policy
from gongkai.records import services, tasks
from gongkai.records.forms import ImportForm
from gongkai.records.importing import HEADER, REQUIRED
from gongkai.records.models import CatalogImport, EventKind, Record, RecordStatus
from gongkai.rules.sheetcells import keep_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXAMPLE = [
    "肇庆市财政局关于做好2024年部门预算公开工作的通知", "2024-03-12", "财政信息/部门预算", "",
    "部署2024年部门预算公开工作。", "", "肇财预〔2024〕12号", "2024-03-08", "", "", "", "",
    "财政、金融、审计", "通知", "预算 公开", "一般信息", "主动公开", "", "面向社会", "各预算单位：……",
]


def _may_import(user: object, unit: Unit) -> bool:
    if policy.may_manage(user):
        return True
    return isinstance(user, User) and user.unit_id == unit.pk and user.has_role(Role.CLERK)


@login_required
def import_new(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if not policy.may_manage(request.user):
        del form.fields["unit"]
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data.get("unit") or request.user.unit
        if unit is None or not _may_import(request.user, unit):
            raise PermissionDenied("只有本单位经办人或公开办管理员可以导入目录。")
        upload = form.cleaned_data["file"]
        with transaction.atomic():
            job = CatalogImport.objects.create(
                unit=unit, file=upload, original_name=upload.name[:255], created_by=request.user
            )
            transaction.on_commit(lambda: tasks.run_catalog_import(job.pk))
        return redirect("records:import_status", pk=job.pk)
    jobs = policy.scope(request.user, CatalogImport.objects.select_related("unit"))[:10]
    return render(request, "records/import.html", {"form": form, "jobs": jobs, "header": HEADER, "required": REQUIRED})


def _visible_job(request: HttpRequest, pk: int) -> CatalogImport:
    job = get_object_or_404(CatalogImport.objects.select_related("unit"), pk=pk)
    if not policy.may(request.user, Action.VIEW, job):
        raise Http404("没有找到该导入任务。")
    return job


@login_required
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = _visible_job(request, pk)
    progress = tasks.read_progress(job.pk) if job.is_active else None
    template = "records/_import_progress.html" if request.htmx else "records/import_status.html"
    records = Record.objects.filter(source_import=job)
    counts = dict(records.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return render(request, template, {
        "job": job, "progress": progress, "in_review": counts.get(RecordStatus.IN_REVIEW, 0),
        "published": counts.get(RecordStatus.PUBLISHED, 0), "may_approve": policy.may_manage(request.user),
        "flagged": records.filter(status=RecordStatus.IN_REVIEW, events__kind=EventKind.FLAGGED).distinct()[:200],
    })


@login_required
@require_POST
def import_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """整批审查通过: the office publishes the batch in one act (``services.approve_import``), in
    the worker; this page then shows what was published and what the scan held back."""
    job = _visible_job(request, pk)
    if not policy.may_manage(request.user):
        raise PermissionDenied(services.BATCH_DENIED)
    user_id = request.user.pk
    transaction.on_commit(lambda: tasks.run_import_approval(job.pk, user_id))
    messages.success(request, "整批审查已开始：逐条运行隐私扫描后发布，发现疑似个人信息的留待逐条审查。请稍后刷新本页查看结果。")
    return redirect("records:import_status", pk=job.pk)


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = "政府信息目录"
    sheet.append(HEADER)
    sheet.append(EXAMPLE)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''%E7%9B%AE%E5%BD%95%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx"
    return response

