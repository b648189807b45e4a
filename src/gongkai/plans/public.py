"""The published 分工方案 on the portal, with its .docx and .xlsx downloads."""

from __future__ import annotations

from urllib.parse import quote

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from gongkai import tabular
from gongkai.links import absolute_url
from gongkai.orgs.policy import policy
from gongkai.plans import exports
from gongkai.plans.models import Plan

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _visible(request: HttpRequest, pk: int) -> Plan:
    plan = get_object_or_404(Plan, pk=pk)
    if not plan.is_public and not policy.may_manage(request.user):
        raise Http404("没有找到该方案。")
    return plan


def plan_list(request: HttpRequest) -> HttpResponseBase:
    plans = Plan.objects.filter(Plan.public_q()).order_by("-year", "-published_at")
    if request.GET.get("format") == "csv":
        return tabular.csv_response("政务公开工作任务分工方案.csv", ["方案编号", "标题", "发文机关", "文号", "成文日期", "年度", "发布时间", "事项数", "地址"], (
            [plan.pk, plan.title, plan.issuer, plan.doc_number, plan.issued_on, plan.year, plan.published_at,
             plan.item_count, absolute_url(reverse("plans:public_detail", args=[plan.pk]))]
            for plan in plans.annotate(item_count=Count("items"))
        ))
    return render(request, "plans/public_list.html", {"plans": plans})


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _visible(request, pk)
    return render(request, "plans/public_detail.html", {"plan": plan, "rows": exports.plan_rows(plan)})


def plan_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = _visible(request, pk)
    if fmt == "docx":
        content, content_type = exports.to_docx(plan), DOCX
    elif fmt == "xlsx":
        content, content_type = exports.to_xlsx(plan), XLSX
    else:
        raise Http404("只支持 docx 或 xlsx。")
    response = HttpResponse(content, content_type=content_type)
    filename = quote(f"{plan.title[:80]}.{fmt}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response
