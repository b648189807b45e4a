"""The one client address of a request, for the audit log, the login lockout and the public
pages' rate limits: X-Real-IP / X-Forwarded-For count only from a configured proxy."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.audit.models import AuditEntry
from gongkai.orgs.models import LoginAttempt
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username, password, **headers):
    return client.post("/accounts/login/", {"username": username, "password": password}, **headers)


def test_it_writes_the_connection_address_not_a_sent_header_into_the_audit_log(client, clerk_a):
    _login(client, "clerk_a", PASSWORD, REMOTE_ADDR="203.0.113.7", HTTP_X_REAL_IP="198.51.100.66",
           HTTP_X_FORWARDED_FOR="198.51.100.67")
    assert AuditEntry.objects.get(action="login").ip_address == "203.0.113.7"
    assert LoginAttempt.objects.get().ip_address == "203.0.113.7"


def test_it_cannot_block_someone_elses_logins_by_sending_their_address(client, clerk_a, settings):
    settings.LOGIN_ADDRESS_FAILURES = 3
    for number in range(3):
        _login(client, f"guess{number}", "wrong", REMOTE_ADDR="203.0.113.7", HTTP_X_REAL_IP="10.20.30.40")
    victim = _login(client, "clerk_a", PASSWORD, REMOTE_ADDR="10.20.30.40")
    assert victim.status_code == 302  # logged in: the failures were the attacker's own
    attacker = _login(Client(), "clerk_a", PASSWORD, REMOTE_ADDR="203.0.113.7", HTTP_X_REAL_IP="10.9.9.9")
    assert "网络地址登录失败次数过多" in attacker.content.decode()


def test_it_cannot_escape_the_lookup_limit_by_changing_x_real_ip(client):
    for number in range(30):
        client.post("/foi/track/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, REMOTE_ADDR="203.0.113.7",
                    HTTP_X_REAL_IP=f"198.51.100.{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    refused = client.post("/foi/track/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, REMOTE_ADDR="203.0.113.7",
                          HTTP_X_REAL_IP="198.51.100.200")
    assert refused.status_code == 429


def test_it_believes_the_configured_proxy_about_the_client(client, clerk_a, settings):
    settings.GONGKAI_TRUSTED_PROXIES = ["10.0.0.5", "172.16.0.0/12"]
    _login(client, "clerk_a", PASSWORD, REMOTE_ADDR="10.0.0.5",
           HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.9, 172.16.3.4")
    assert AuditEntry.objects.get(action="login").ip_address == "198.51.100.9"


def test_it_limits_each_client_behind_the_proxy_separately(client, settings):
    settings.GONGKAI_TRUSTED_PROXIES = ["10.0.0.5"]
    for _ in range(30):
        client.post("/foi/track/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, REMOTE_ADDR="10.0.0.5", HTTP_X_REAL_IP="198.51.100.9")
    behind_proxy = {"REMOTE_ADDR": "10.0.0.5"}
    assert client.post("/foi/track/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, HTTP_X_REAL_IP="198.51.100.9",
                       **behind_proxy).status_code == 429
    assert client.post("/foi/track/", {"code": "ZZZZ-ZZZZ-ZZZZ"}, HTTP_X_REAL_IP="198.51.100.10",
                       **behind_proxy).status_code == 404  # looked up (no such code), not refused
