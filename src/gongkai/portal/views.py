"""The public portal: home page, the font-size switch and the error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from gongkai.orgs.models import Unit, UnitKind
from gongkai.pagecache import public_page
from gongkai.params import BadParameter
from gongkai.portal.context import FONT_SIZES
from gongkai.prepared import PreparedQuery
from gongkai.records.public import home_context

ONE_YEAR = 365 * 24 * 3600


_HOME_UNITS = PreparedQuery(lambda: Unit.objects.filter(
    kind__in=[UnitKind.CITY_GOV, UnitKind.COUNTY_GOV, UnitKind.DEPARTMENT], is_active=True
).only("key", "name", "kind").order_by("sort_order", "id"), arity=0)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    units = _HOME_UNITS()
    governments = [unit for unit in units if unit.kind != UnitKind.DEPARTMENT]
    return render(request, "portal/home.html", {
        "governments": governments, "department_count": len(units) - len(governments), **home_context(),
    })


@csrf_exempt
@require_POST
def set_font_size(request: HttpRequest, size: str) -> HttpResponse:
    """Remember the visitor's 字体 大/中/小 choice in a cookie (works without JavaScript).

    Without a CSRF token, so that the form on every public page holds nothing of one visitor
    and the page can be cached for all (gongkai.pagecache): a forged post can only change the
    size of a visitor's letters, and only to one of the three sizes."""
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    if size in FONT_SIZES:
        response.set_cookie("font_size", size, max_age=ONE_YEAR, samesite="Lax", httponly=False)
    return response


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A malformed query or form value: ``gongkai.params.BadParameter`` says which and why in
    Chinese; Django's own (an oversized request, a bad host) get a general Chinese message."""
    message = str(exception) if isinstance(exception, BadParameter) else "请求无效或内容过大，请检查链接或精简填写的内容后再试。"
    return render(request, "errors/400.html", {"message": message}, status=400)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else "您没有权限访问此页面。"
    return render(request, "errors/403.html", {"message": message}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)
