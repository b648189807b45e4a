"""The audit log for the office admin: filter by person, action, object, unit and dates."""

from __future__ import annotations

from datetime import date, datetime, time

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import policy


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以查看审计日志。")
    entries = AuditEntry.objects.select_related("unit")
    params = request.GET
    if params.get("actor"):
        entries = entries.filter(actor_label__icontains=params["actor"])
    if params.get("action"):
        entries = entries.filter(action=params["action"])
    if params.get("object"):
        entries = entries.filter(object_repr__icontains=params["object"])
    if params.get("unit", "").isdigit():
        entries = entries.filter(unit_id=int(params["unit"]))
    start, end = _date(params.get("from")), _date(params.get("to"))
    zone = timezone.get_current_timezone()
    if start:
        entries = entries.filter(created_at__gte=datetime.combine(start, time.min, zone))
    if end:
        entries = entries.filter(created_at__lte=datetime.combine(end, time.max, zone))
    page = Paginator(entries, 50).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return render(request, "audit/list.html", {
        "page": page,
        "actions": AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct(),
        "units": Unit.objects.order_by("sort_order", "id"),
        "params": params,
        "query": query.urlencode(),
        "bad_dates": bool((params.get("from") and not start) or (params.get("to") and not end)),
    })
