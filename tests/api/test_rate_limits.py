"""Requests per minute per address and per token, counted in the database like the public
forms' limits (``foi.throttle``), answered 429 with Retry-After."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_limits_requests_per_address_with_retry_after(db, api, settings):
    settings.GONGKAI_API_RATE_ADDRESS = 3
    assert [api("/api/v1/units").status_code for _ in range(3)] == [200, 200, 200]
    refused = api("/api/v1/units")
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert "每分钟最多请求 3 次" in refused.json()["message"]
    assert 1 <= int(refused["Retry-After"]) <= 60
    other = api("/api/v1/units", REMOTE_ADDR="127.0.0.9")
    assert other.status_code == 200


def test_it_limits_requests_per_token(world, api, settings, token_of, clerk_a, clerk_b):
    settings.GONGKAI_API_RATE_TOKEN = 2
    token_a, token_b = token_of(clerk_a), token_of(clerk_b)
    assert [api("/api/v1/staff/me", token_a).status_code for _ in range(2)] == [200, 200]
    refused = api("/api/v1/staff/me", token_a)
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert api("/api/v1/staff/me", token_b).status_code == 200


def test_the_pages_are_not_counted(db, client, settings):
    settings.GONGKAI_API_RATE_ADDRESS = 1
    assert [client.get("/foi/statistics/").status_code for _ in range(3)] == [200, 200, 200]
