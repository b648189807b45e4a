"""The search pages of the portal: the box on every page, results, and advanced search."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.orgs.models import Unit
from gongkai.params import int_param, year_bounds
from gongkai.rules.validity import LABELS
from gongkai.search.api import search
from gongkai.search.backends import Filters, Order

ORDERS = {"default": "综合排序", "relevance": "按相关度", "newest": "按发布时间"}
# Exactly the values the index holds: the labels of the one validity rule (``rules.validity``).
VALIDITIES = list(LABELS.values())


MAX_PAGE = 10_000


def results(request: HttpRequest) -> HttpResponse:
    params = request.GET
    text = params.get("q", "")
    first_year, last_year = year_bounds()
    filters = Filters(
        unit_id=int_param(params, "unit", label="发布单位"), column_id=int_param(params, "column", label="栏目"),
        year=int_param(params, "year", low=first_year, high=last_year, label="年份"),
        topic=params.get("topic", "")[:100],
        validity=params["validity"] if params.get("validity") in VALIDITIES else "",
    )
    order = Order(params["order"]) if params.get("order") in ORDERS else Order.DEFAULT
    found = search(text, filters, order, page=int_param(params, "page", high=MAX_PAGE, default=1, label="页码") or 1) if text.strip() else None
    query = params.copy()
    query.pop("page", None)
    units = {unit.pk: unit.name for unit in Unit.objects.only("pk", "name")}
    return render(request, "portal/search.html", {
        "text": text, "results": found, "filters": filters, "order": order.value, "orders": ORDERS,
        "units": units, "query": query.urlencode(), "validities": VALIDITIES,
        "rows": [(hit, units.get(hit.unit_id or 0, "")) for hit in (found.hits if found else [])],
        "first_number": ((found.page - 1) * found.per_page + 1) if found else 1,
    })


def advanced(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/search_advanced.html", {
        "units": Unit.objects.filter(is_active=True).order_by("sort_order"),
        "orders": ORDERS, "validities": VALIDITIES,
    })
