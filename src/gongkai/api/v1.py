"""/api/v1/: the NinjaAPI object, its error answers and its routers.

django-ninja was chosen by measurement (docs/api.md): typed schemas whose annotations are both the
validation and the OpenAPI 3.1 description, at the speed of Django REST framework on our record
list."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from gongkai.api import datasets, interaction, public, results, staff, workdays
from gongkai.api.errors import error_body, validation_details
from gongkai.api.renderers import JsonRenderer

log = logging.getLogger(__name__)

DESCRIPTION = (
    "政务公开工作平台的数据接口：政府信息目录、规章和行政规范性文件、政策解读、分工方案及其半年进展情况、依申请公开统计、"
    "全文检索、单位名录、数据开放目录、工作日计算、公开的留言与答复及留言统计、征求意见、年度报告和考评结果，以及工作人员凭接口令牌访问本单位的草稿、申请、分工任务和留言办理队列。"
    "字段说明见 /api/v1/docs/ 。"
)

api = NinjaAPI(
    title="政务公开工作平台数据接口",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api_v1",
    openapi_url="/openapi.json",
    docs_url=None,  # the human page is ours (docs.py), served locally
    renderer=JsonRenderer(),
)
api.add_router("/", public.router)
api.add_router("/calendar", workdays.router)
api.add_router("/staff", staff.router)
api.add_router("/datasets", datasets.router)
api.add_router("/", interaction.router)
api.add_router("/", results.router)


def _answer(request: HttpRequest, code: str, status: int, message: str = "", details: Any = None) -> HttpResponse:
    return api.create_response(request, error_body(code, message, details), status=status)


@api.exception_handler(NinjaValidationError)
def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    details = validation_details(list(exc.errors))
    message = "请求参数不正确：" + "；".join(d["message"] for d in details) if details else ""
    return _answer(request, "invalid_parameter", 400, message, details)


@api.exception_handler(public.BadCursorError)
def _bad_cursor(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _answer(request, "invalid_parameter", 400, "“cursor”不是本接口给出的翻页游标。",
                   [{"field": "cursor", "message": "“cursor”不是本接口给出的翻页游标。"}])


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, exc: Exception) -> HttpResponse:
    response = _answer(request, "unauthorized", 401)
    response["WWW-Authenticate"] = 'Bearer realm="gongkai"'
    return response


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _answer(request, "forbidden", 403, str(exc) or "")


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _answer(request, "not_found", 404)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 405:
        return _answer(request, "method_not_allowed", 405)
    return _answer(request, "invalid_parameter", 400, "请求不正确。")


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    log.exception("API error on %s", request.path)
    return _answer(request, "server_error", 500)
