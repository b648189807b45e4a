"""The API's errors: one JSON shape, a stable ``code`` for programs and a Chinese ``message``
for people. Codes are never renamed (CONTRACTS.md: extend, never rename)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse

# code → (HTTP status, default message)
CODES: dict[str, tuple[int, str]] = {
    "invalid_parameter": (400, "请求参数不正确。"),
    "unauthorized": (401, "需要有效的接口令牌：请在请求头 Authorization 中写 Bearer 加令牌；令牌已吊销或不存在时也是这个答复。"),
    "forbidden": (403, "没有权限访问。"),
    "not_found": (404, "没有找到请求的资源。"),
    "method_not_allowed": (405, "不支持该请求方法。"),
    "payload_too_large": (413, "请求内容过大。"),
    "uri_too_long": (414, "请求地址过长。"),
    "rate_limited": (429, "请求过于频繁，请稍后再试。"),
    "server_error": (500, "服务器内部错误，请稍后再试。"),
}


def error_body(code: str, message: str = "", details: list[dict[str, str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message or CODES[code][1]}
    if details:
        body["details"] = details
    return body


def error_response(code: str, message: str = "", details: list[dict[str, str]] | None = None) -> JsonResponse:
    return JsonResponse(
        error_body(code, message, details), status=CODES[code][0], json_dumps_params={"ensure_ascii": False}
    )


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any address under /api/ that no endpoint answers."""
    return error_response("not_found", "没有这个接口地址，请查阅 /api/v1/docs/ 。")


# pydantic's error types in Chinese (what a caller did wrong, not how the parser failed)
_TYPES = {
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "date_parsing": "应为日期，格式 YYYY-MM-DD",
    "date_from_datetime_parsing": "应为日期，格式 YYYY-MM-DD",
    "date_from_datetime_inexact": "应为日期，格式 YYYY-MM-DD",
    "datetime_parsing": "应为时间，格式 YYYY-MM-DDTHH:MM:SS+08:00",
    "datetime_from_date_parsing": "应为时间，格式 YYYY-MM-DDTHH:MM:SS+08:00",
    "missing": "必须填写",
    "string_too_long": "过长",
    "string_too_short": "过短",
    "literal_error": "不是可选的值",
    "enum": "不是可选的值",
    "greater_than_equal": "过小",
    "less_than_equal": "过大",
    "greater_than": "过小",
    "less_than": "过大",
    "string_pattern_mismatch": "格式不正确",
    "json_invalid": "不是合法的 JSON",
}


def validation_details(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    details = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body", "filters")]
        field = ".".join(location) or "请求"
        limit = error.get("ctx", {}) or {}
        reason = _TYPES.get(str(error.get("type", "")), "取值不正确")
        bound = next((limit[key] for key in ("le", "ge", "lt", "gt", "max_length", "min_length") if key in limit), None)
        if bound is not None:
            reason += f"（界限 {bound}）"
        details.append({"field": field, "message": f"“{field}”{reason}。"})
    return details
