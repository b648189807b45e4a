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
    assert 1 <= int(refused["Retry-After"]) <= 120  # past this minute and part of the next at most
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


def test_it_counts_a_window_in_one_row_per_client_and_rolls_it_over(db, monkeypatch):
    from datetime import UTC, datetime

    from gongkai.api import ratelimit
    from gongkai.api.models import RateWindow

    now = [datetime(2026, 12, 4, 8, 0, 10, tzinfo=UTC)]
    monkeypatch.setattr(ratelimit.timezone, "now", lambda: now[0])
    limit = ratelimit.Limit("api_address", 4)
    assert [ratelimit.take(limit, "10.0.0.1").allowed for _ in range(5)] == [True] * 4 + [False]
    assert RateWindow.objects.get().hits == 5  # the refused request counts too
    # Half of the next minute gone: half of the previous minute's five still count.
    now[0] = datetime(2026, 12, 4, 8, 1, 30, tzinfo=UTC)
    assert ratelimit.take(limit, "10.0.0.1").allowed  # 1 + 5 × 0.5 = 3.5
    assert not ratelimit.take(limit, "10.0.0.1").allowed  # 2 + 2.5
    row = RateWindow.objects.get()
    assert (row.hits, row.previous_hits) == (2, 5)
    now[0] = datetime(2026, 12, 4, 8, 5, 0, tzinfo=UTC)  # idle for minutes: nothing left
    assert ratelimit.take(limit, "10.0.0.1").allowed
    assert RateWindow.objects.values_list("hits", "previous_hits").get() == (1, 0)


def test_it_says_when_a_refused_client_may_call_again():
    from gongkai.api.ratelimit import Limit, judge

    limit = Limit("api_address", 10)
    assert judge(limit, 10, 0, 0.5).allowed
    # 11 in this minute, none before: wait for the next minute, then until 11 × (1 − x) ≤ 9.
    refused = judge(limit, 11, 0, 0.5)
    assert not refused.allowed and refused.retry_after == 30 + 11
    # 3 now, 20 in the previous minute half gone: 3 + 20 × (0.5 − t) ≤ 9 after t = 0.2 min.
    assert judge(limit, 3, 20, 0.5).retry_after == 12
    assert judge(Limit("api_address", 1), 2, 0, 0.0).retry_after == 120
