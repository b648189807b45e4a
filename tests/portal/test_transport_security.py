"""Found by an outside test: no HSTS and no Secure cookie flags even over TLS, and console pages
with personal data cacheable. Served over HTTPS (the site URL says so, or the trusted proxy says so
per request) the platform sends HSTS and Secure cookies; staff pages are never stored."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gongkai.config import env_proxy_ssl_header
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_https_requests_get_hsts_and_plain_http_does_not(client):
    secure = client.get("/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get("/")


def test_the_proxy_header_makes_a_request_secure_and_its_cookies_secure(client, clerk_a, settings):
    settings.SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("P", {"P": "X-Forwarded-Proto"})
    response = client.post("/accounts/login/", {"username": "clerk_a", "password": PASSWORD},
                           HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 302 and "Strict-Transport-Security" in response
    assert response.cookies["sessionid"]["secure"] is True
    assert response.cookies["csrftoken"]["secure"] is True
    plain = client.get("/accounts/login/")  # the same site over plain HTTP (no header): no HSTS
    assert "Strict-Transport-Security" not in plain


def test_a_https_site_url_turns_on_secure_cookies(tmp_path):
    script = "import django; django.setup(); from django.conf import settings; " \
             "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_PROXY_SSL_HEADER)"
    env = {**os.environ, "GONGKAI_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "gongkai.settings",
           "GONGKAI_SITE_URL": "https://gk.example.gov.cn", "GONGKAI_PROXY_SSL_HEADER": "X-Forwarded-Proto"}
    env.pop("GONGKAI_SECURE_COOKIES", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True True ('HTTP_X_FORWARDED_PROTO', 'https')", done.stderr[-500:]


def test_console_pages_with_personal_data_are_never_stored(login, office_admin, clerk_a, client):
    staff = login(office_admin)
    for url in ("/console/", f"/console/users/{clerk_a.pk}/", "/console/units/export.csv", "/accounts/two-factor/"):
        assert "no-store" in staff.get(url)["Cache-Control"], url
    assert "no-store" not in client.get("/").get("Cache-Control", "")


def test_a_malformed_proxy_header_setting_stops_start_up():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="X-Forwarded-Proto"):
        env_proxy_ssl_header("P", {"P": "X-Forwarded-Proto: https"})
