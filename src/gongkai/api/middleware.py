"""What every answer under /api/ gets, whatever the endpoint: limits (request size, query
length, requests per address and per token, with Retry-After), CORS when configured (off by
default), ETag / Last-Modified with 304 answers and gzip, all through Django's own
conditional-GET and gzip middleware so that the rules are the framework's."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers

from gongkai.api import ratelimit
from gongkai.api.errors import error_response
from gongkai.audit.context import client_ip
from gongkai.foi import throttle

PREFIX = "/api/"
MAX_QUERY_CHARS = 2048
WINDOW_SECONDS = 60
# Control characters have no meaning in a query value (PostgreSQL refuses NUL in text).
_CONTROL = {chr(code) for code in range(32)} - {"\t"}


def _limits() -> tuple[ratelimit.Limit | None, ratelimit.Limit | None]:
    if not throttle.enabled():  # GONGKAI_FOI_RATE_LIMIT=0 switches every limit off
        return None, None
    per_address = int(getattr(settings, "GONGKAI_API_RATE_ADDRESS", 0))
    per_token = int(getattr(settings, "GONGKAI_API_RATE_TOKEN", 0))
    return (
        ratelimit.Limit("api_address", per_address, WINDOW_SECONDS) if per_address > 0 else None,
        ratelimit.Limit("api_token", per_token, WINDOW_SECONDS) if per_token > 0 else None,
    )


def bearer(request: HttpRequest) -> str:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        response = self._refusal(request)
        if response is None:
            if request.method == "OPTIONS" and self._origin(request):
                response = HttpResponse(status=204)
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "Authorization, If-None-Match, If-Modified-Since"
                response["Access-Control-Max-Age"] = "600"
            else:
                response = self.get_response(request)
        return self._finish(request, response)

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        query = request.META.get("QUERY_STRING", "")
        if len(query) > MAX_QUERY_CHARS:
            return error_response("uri_too_long", f"查询字符串不能超过 {MAX_QUERY_CHARS} 个字符。")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error_response("invalid_parameter", "Content-Length 不是整数。")
        limit = int(getattr(settings, "GONGKAI_API_MAX_BODY_BYTES", 64 * 1024))
        if length > limit:
            return error_response("payload_too_large", f"请求内容不能超过 {limit} 字节。")
        for name, values in request.GET.lists():
            if any(ch in _CONTROL for value in [name, *values] for ch in value):
                return error_response("invalid_parameter", "查询参数中不能有控制字符。")
        return self._rate_limited(request)

    def _rate_limited(self, request: HttpRequest) -> HttpResponse | None:
        per_address, per_token = _limits()
        checks = []
        if per_address is not None:
            checks.append((per_address, client_ip(request) or "unknown", "本地址"))
        token = bearer(request)
        if per_token is not None and token:
            checks.append((per_token, "token:" + token, "本令牌"))
        for limit, key, who in checks:
            verdict = ratelimit.take(limit, key)
            if not verdict.allowed:
                response = error_response(
                    "rate_limited", f"{who}每分钟最多请求 {limit.hits} 次，请稍后再试。"
                )
                response["Retry-After"] = str(verdict.retry_after)
                return response
        return None

    def _origin(self, request: HttpRequest) -> str:
        origin = request.META.get("HTTP_ORIGIN", "")
        allowed = getattr(settings, "GONGKAI_API_CORS_ORIGINS", [])
        if origin and ("*" in allowed or origin in allowed):
            return "*" if "*" in allowed else origin
        return ""

    def _finish(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        origin = self._origin(request)
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
            patch_vary_headers(response, ["Origin"])
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response = self.conditional.process_response(request, response)
            if response.status_code == 200 and not response.has_header("Cache-Control"):
                # Public answers may be cached but must be checked again (ETag) each time;
                # staff answers are for their token's holder only.
                response["Cache-Control"] = "private, no-cache" if bearer(request) else "public, no-cache"
        if bearer(request):
            patch_vary_headers(response, ["Authorization"])
        return self.gzip.process_response(request, response)
