"""Staff endpoints with per-user tokens: scoped by the same policy as the console's pages, a
unit's token never reads another unit's drafts or requests, and a revoked token gets 401 at once."""

from __future__ import annotations

import pytest

from gongkai.api.models import ApiToken
from gongkai.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _ids(api, path, token):
    response = api(path, token)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_a_units_token_reads_its_own_drafts_and_requests_only_both_ways(world, api, token_of, clerk_a, clerk_b):
    token_a, token_b = token_of(clerk_a), token_of(clerk_b)
    assert _ids(api, "/api/v1/staff/drafts", token_a) == {world["draft_a"].pk}
    assert _ids(api, "/api/v1/staff/drafts", token_b) == {world["draft_b"].pk}
    assert _ids(api, "/api/v1/staff/requests", token_a) == {world["request_a"].pk}
    assert _ids(api, "/api/v1/staff/requests", token_b) == {world["request_b"].pk}
    text_a = api("/api/v1/staff/requests", token_a).content.decode()
    assert "教育局的招生计划" not in text_a
    assert "教育局未发布的草稿" not in api("/api/v1/staff/drafts", token_a).content.decode()
    assert "财政局未发布的草稿" not in api("/api/v1/staff/drafts", token_b).content.decode()


def test_a_units_token_reads_its_own_assignments(world, api, token_of, clerk_a, unit_a):
    body = api("/api/v1/staff/assignments", token_of(clerk_a)).json()
    assert body["items"] and {item["unit"]["id"] for item in body["items"]} == {unit_a.pk}


def test_the_offices_token_reads_every_unit(world, api, token_of, office_admin):
    token = token_of(office_admin)
    assert _ids(api, "/api/v1/staff/drafts", token) >= {world["draft_a"].pk, world["draft_b"].pk}
    assert _ids(api, "/api/v1/staff/requests", token) == {world["request_a"].pk, world["request_b"].pk}


def test_a_revoked_token_gets_401_at_once(world, api, token_of, clerk_a):
    from gongkai.api.tokens import revoke_token

    raw = token_of(clerk_a)
    assert api("/api/v1/staff/me", raw).status_code == 200
    revoke_token(ApiToken.objects.get(user=clerk_a), clerk_a)
    response = api("/api/v1/staff/drafts", raw)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_no_token_or_a_wrong_one_gets_401(db, api):
    assert api("/api/v1/staff/drafts").status_code == 401
    assert api("/api/v1/staff/drafts", "gk_not-a-real-token").status_code == 401


def test_a_deactivated_users_token_gets_401(world, api, token_of, clerk_a):
    raw = token_of(clerk_a)
    clerk_a.is_active = False
    clerk_a.save()
    assert api("/api/v1/staff/me", raw).status_code == 401


def test_it_stores_only_a_digest(world, token_of, clerk_a):
    raw = token_of(clerk_a)
    token = ApiToken.objects.get(user=clerk_a)
    assert raw not in (token.digest, token.prefix) and len(token.digest) == 64


def test_the_console_creates_and_revokes_tokens_audited(db, login, clerk_a, api):
    client = login(clerk_a)
    page = client.post("/console/api-tokens/", {"name": "数据开放平台同步"})
    assert page.status_code == 200
    raw = page.context["raw"]
    assert raw.startswith("gk_")
    token = ApiToken.objects.get(user=clerk_a)
    assert AuditEntry.objects.filter(action="api_token_created", object_id=str(token.pk)).exists()
    assert client.get("/api/v1/staff/me", HTTP_AUTHORIZATION=f"Bearer {raw}").json()["username"] == "clerk_a"
    assert client.post(f"/console/api-tokens/{token.pk}/revoke/").status_code == 302
    assert AuditEntry.objects.filter(action="api_token_revoked", object_id=str(token.pk)).exists()
    assert client.get("/api/v1/staff/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_one_cannot_revoke_anothers_token_in_the_console(db, login, clerk_a, clerk_b, token_of):
    token_of(clerk_b)
    token = ApiToken.objects.get(user=clerk_b)
    assert login(clerk_a).post(f"/console/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.is_active


def test_the_public_cannot_open_the_token_page(db, client):
    assert client.get("/console/api-tokens/").status_code == 302


def test_a_clerk_exports_their_units_assignments(world, login, clerk_a, clerk_b):
    import csv
    import io

    def rows(client, query):
        body = b"".join(client.get(f"/console/plans/inbox/?{query}").streaming_content).decode("utf-8")
        return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))

    mine = rows(login(clerk_a), "show=all&format=csv")
    assert mine[0][0] == "方案" and len(mine) > 1
    assert all(row[2] != "公开义务教育招生范围和招生结果。" for row in mine[1:])  # 教育局's item alone
    theirs = rows(login(clerk_b), "show=all&format=csv")
    assert any(row[2] == "公开义务教育招生范围和招生结果。" for row in theirs[1:])
