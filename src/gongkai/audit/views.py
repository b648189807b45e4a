"""The audit log for the office admin: filter by person, action, object, unit and dates; the last
verification of its hash chain, and a verification on request."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.audit import chain
from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import policy
from gongkai.params import date_field, int_param


def _date(params: Mapping[str, Any], name: str, label: str) -> tuple[date | None, bool]:
    """The filter's date, and whether a value was given that is not one (the page says so)."""
    try:
        return date_field(params, name, label=label), False
    except ValidationError:
        return None, True


EXPORT_HEADER = ["时间", "操作人", "来源地址", "操作", "对象类型", "对象编号", "对象", "单位", "变更前", "变更后"]


def _changes(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value is not None else ""


@login_required
def entry_list(request: HttpRequest) -> HttpResponseBase:
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
    if unit_id := int_param(params, "unit", label="单位"):
        entries = entries.filter(unit_id=unit_id)
    (start, bad_start), (end, bad_end) = _date(params, "from", "起始日期"), _date(params, "to", "截止日期")
    zone = timezone.get_current_timezone()
    if start:
        entries = entries.filter(created_at__gte=datetime.combine(start, time.min, zone))
    if end:
        entries = entries.filter(created_at__lte=datetime.combine(end, time.max, zone))
    if (fmt := params.get("format", "")) in tabular.FORMATS:  # what the filters show, every entry
        return tabular.audited_export(fmt, "审计日志", "审计日志", EXPORT_HEADER, (
            [e.created_at, e.actor_label, e.ip_address, e.action, e.object_type, e.object_id, e.object_repr,
             e.unit.name if e.unit else "", _changes(e.before), _changes(e.after)]
            for e in entries.iterator(chunk_size=2000)
        ), filters=params)
    page = Paginator(entries, 50).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(request, "audit/list.html", {
        "page": page,
        "actions": AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct(),
        "units": Unit.objects.order_by("sort_order", "id"),
        "params": params,
        "query": query.urlencode(),
        "bad_dates": bad_start or bad_end,
        "last_check": chain.last_check(), "chain_whole": chain.VERIFIED,
    })


@login_required
@require_POST
def verify_chain(request: HttpRequest) -> HttpResponseBase:
    """Verify the chain now, in the worker (a long log takes a while); its result is the newest
    check the page shows, and a broken chain notifies the office as the daily job does."""
    from gongkai.audit.tasks import verify_chain_now

    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以校验审计日志。")
    transaction.on_commit(verify_chain_now)
    messages.info(request, "已开始校验审计日志的哈希链，完成后结果显示在本页上方。")
    return redirect("audit:list")
