"""Login as a government system must have it: lockout, password policy, idle expiry, headers."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import LoginAttempt
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_it_logs_a_clerk_in_to_the_console(client, clerk_a):
    response = _login(client, "clerk_a", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/console/"
    assert "财政局李经办" in client.get("/console/").content.decode()


def test_it_locks_the_account_after_five_failures(client, clerk_a):
    for _ in range(5):
        response = _login(client, "clerk_a", "wrong-password")
        assert "用户名或密码不正确" in response.content.decode()
    response = _login(client, "clerk_a", PASSWORD)  # even the right password is refused now
    assert response.status_code == 200
    assert "已被锁定" in response.content.decode()
    assert AuditEntry.objects.filter(action="account_locked", object_repr="clerk_a").count() == 1


def test_it_stops_one_address_trying_many_accounts(client, clerk_a, settings):
    settings.LOGIN_ADDRESS_FAILURES = 6
    for number in range(6):
        _login(client, f"guess{number}", "wrong-password")
    response = _login(client, "clerk_a", PASSWORD)
    assert response.status_code == 200
    assert "网络地址登录失败次数过多" in response.content.decode()


def test_it_audits_a_successful_login_with_the_address(client, clerk_a):
    client.post("/accounts/login/", {"username": "clerk_a", "password": PASSWORD}, REMOTE_ADDR="10.9.8.7")
    entry = AuditEntry.objects.get(action="login")
    assert entry.actor == clerk_a and entry.ip_address == "10.9.8.7"


def test_it_unlocks_after_fifteen_minutes(client, clerk_a):
    from datetime import timedelta

    from django.utils import timezone

    for _ in range(5):
        _login(client, "clerk_a", "wrong-password")
    LoginAttempt.objects.update(attempted_at=timezone.now() - timedelta(minutes=16))
    assert _login(client, "clerk_a", PASSWORD).status_code == 302


def test_it_forgives_failures_before_a_success(client, clerk_a):
    for _ in range(4):
        _login(client, "clerk_a", "wrong-password")
    assert _login(client, "clerk_a", PASSWORD).status_code == 302
    client.logout()
    _login(client, "clerk_a", "wrong-password")
    assert _login(client, "clerk_a", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "problem"),
    [("Short1!", "至少"), ("alllowercaseletters", "至少 3 类"), ("abcdefghij12", "至少 3 类")],
)
def test_it_refuses_weak_passwords(password, problem):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert any(problem in message for message in error.value.messages)


def test_it_accepts_a_strong_password():
    validate_password("Zhengwu-Gongkai-2026")


def test_it_expires_sessions_after_thirty_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST  # each request renews: the limit is idle time


def test_it_sends_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_requires_csrf_on_login(clerk_a):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "clerk_a", "password": PASSWORD})
    assert response.status_code == 403


def test_it_logs_out_only_by_post(login, clerk_a):
    client = login(clerk_a)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/console/").status_code == 302
