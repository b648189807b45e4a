"""The description is the contract: /api/v1/openapi.json (OpenAPI 3.1) and the human page that
documents every field in Chinese."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _description(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_it_serves_openapi_3_1_with_every_resource(client):
    description = _description(client)
    assert description["openapi"].startswith("3.1")
    paths = set(description["paths"])
    assert {
        "/api/v1/records", "/api/v1/records/{record_id}", "/api/v1/normative-documents", "/api/v1/interpretations",
        "/api/v1/plans", "/api/v1/plans/{plan_id}", "/api/v1/plans/{plan_id}/progress",
        "/api/v1/plans/{plan_id}/progress/{progress_id}", "/api/v1/foi/statistics", "/api/v1/search", "/api/v1/units",
        "/api/v1/calendar/is-workday", "/api/v1/calendar/add", "/api/v1/calendar/between",
        "/api/v1/staff/drafts", "/api/v1/staff/requests", "/api/v1/staff/assignments",
        "/api/v1/messages", "/api/v1/messages/{message_id}", "/api/v1/messages/statistics", "/api/v1/consultations",
        "/api/v1/consultations/{consultation_id}", "/api/v1/annual-reports", "/api/v1/annual-reports/{version_id}",
        "/api/v1/assessment/rounds", "/api/v1/assessment/rounds/{round_id}", "/api/v1/staff/messages",
    } <= paths
    assert all(set(methods) == {"get"} for methods in description["paths"].values())  # no writes (docs/api.md)


def test_every_field_and_parameter_is_described_in_chinese(client):
    description = _description(client)
    chinese = re.compile(r"[\u4e00-\u9fff]")
    for name, schema in description["components"]["schemas"].items():
        for field, spec in schema.get("properties", {}).items():
            assert chinese.search(spec.get("description", "")), f"{name}.{field}"
    for path, methods in description["paths"].items():
        for _method, operation in methods.items():
            assert chinese.search(operation.get("summary", "")), path
            for parameter in operation.get("parameters", []):
                text = parameter.get("description") or parameter["schema"].get("description", "")
                assert chinese.search(text), f"{path} {parameter['name']}"
            assert {"200", "400", "404", "500"} <= set(operation["responses"]) or "4XX" in operation["responses"], path


def test_the_human_page_lists_every_endpoint_and_field(client):
    description = _description(client)
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    text = page.content.decode()
    for path in description["paths"]:
        assert path in text
    for _name, schema in description["components"]["schemas"].items():
        for spec in schema.get("properties", {}).values():
            assert spec["description"] in text.replace("&quot;", '"').replace("&#x27;", "'")
    assert "<script" not in text.split("</header>", 1)[-1] or "cdn" not in text.lower()
    assert "cdn" not in text.lower()
