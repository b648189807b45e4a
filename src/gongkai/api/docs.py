"""The human page of the API (/api/v1/docs/): every endpoint, parameter and field with its
Chinese description, generated from the same OpenAPI description the API serves, so the page
and the contract cannot disagree. Served by the platform itself; no script, no CDN."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.api.v1 import api


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return schema


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " 或 ".join(_type(option) for option in schema["anyOf"])
    if schema.get("type") == "array":
        return f"{_type(schema.get('items', {}))} 的列表"
    if "enum" in schema:
        return "、".join(str(value) for value in schema["enum"])
    kind = str(schema.get("type", "对象"))
    return f"{kind}（{schema['format']}）" if "format" in schema else kind


def _fields(schema: dict[str, Any]) -> list[dict[str, str]]:
    required = set(schema.get("required", []))
    return [
        {"name": name, "type": _type(field), "description": field.get("description", ""),
         "required": "是" if name in required else "否"}
        for name, field in schema.get("properties", {}).items()
    ]


def docs(request: HttpRequest) -> HttpResponse:
    description = api.get_openapi_schema(path_prefix="/api/v1")
    components = description.get("components", {}).get("schemas", {})
    endpoints = []
    for path, methods in description["paths"].items():
        for method, operation in methods.items():
            ok = operation.get("responses", {}).get("200", {})
            schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
            endpoints.append({
                "method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "staff": bool(operation.get("security")),
                "parameters": [{
                    "name": p["name"], "where": {"query": "查询参数", "path": "路径参数"}.get(p["in"], p["in"]),
                    "type": _type(p.get("schema", {})), "description": p.get("description") or p.get("schema", {}).get("description", ""),
                    "required": "是" if p.get("required") else "否",
                } for p in operation.get("parameters", [])],
                "returns": _type(schema),
            })
    shapes = [{"name": name, "fields": _fields(schema)} for name, schema in sorted(components.items())]
    return render(request, "api/docs.html", {
        "endpoints": endpoints, "shapes": shapes, "info": description["info"],
    })
