"""Two-factor sign-in for staff: enrolment by QR code, codes computed as an app computes them
(pyotp), recovery codes, the lockout that a second factor gets through, the admin site behind
the same login, and every step in the audit log."""

from __future__ import annotations

import pyotp
import pytest
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ImproperlyConfigured

from gongkai.audit.models import AuditEntry
from gongkai.config import env_two_factor_roles
from gongkai.orgs import twofactor
from gongkai.orgs.models import RecoveryCode, TOTPDevice
from gongkai.orgs.twofactor_views import ENROL_SECRET
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _production_default(settings):
    settings.GONGKAI_TWO_FACTOR_REQUIRED = ("office_admin", "reviewer")


def _password(client, username, password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


def _enrolled(user, secret=None):
    secret = secret or pyotp.random_base32()
    TOTPDevice.objects.create(user=user, secret=twofactor.sealed(secret), confirmed_at="2026-01-01T00:00:00Z")
    return pyotp.TOTP(secret)


def test_the_default_requires_the_office_admin_and_reviewers():
    assert env_two_factor_roles("X", {}) == ("office_admin", "reviewer")
    assert env_two_factor_roles("X", {"X": "all"}) == ("all",)
    assert env_two_factor_roles("X", {"X": "none"}) == ()
    with pytest.raises(ImproperlyConfigured, match="无法识别 boss"):
        env_two_factor_roles("X", {"X": "office_admin,boss"})


def test_an_office_admin_must_enrol_before_reaching_anything(client, office_admin):
    response = _password(client, "admin")
    assert response["Location"] == "/accounts/login/enrol/"
    # The password alone opens neither the console nor the admin site.
    assert client.get("/console/")["Location"].startswith("/accounts/login/")
    assert client.get("/admin/").status_code == 302

    page = client.get("/accounts/login/enrol/")
    html = page.content.decode()
    assert "<svg" in html and "动态口令二维码" in html  # the QR code, drawn here
    assert "no-store" in page["Cache-Control"]
    secret = client.session[ENROL_SECRET]
    assert not TOTPDevice.objects.exists()  # nothing saved before the app proved it has the secret

    wrong = client.post("/accounts/login/enrol/", {"code": "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"})
    assert "动态口令不正确" in wrong.content.decode()
    done = client.post("/accounts/login/enrol/", {"code": pyotp.TOTP(secret).now()})
    html = done.content.decode()
    assert "请保存恢复码" in html
    codes = [line.split(">")[-1] for line in html.split("</code>") if 'class="secret">' in line]
    assert len(codes) == 10
    stored = list(RecoveryCode.objects.filter(user=office_admin).values_list("code_hash", flat=True))
    assert len(stored) == 10 and not set(codes) & set(stored)  # only hashes kept
    assert any(check_password(codes[0].replace("-", ""), value) for value in stored)

    kept = TOTPDevice.objects.get(user=office_admin).secret
    assert kept.startswith("sm4$") and secret not in kept  # a copy of the database does not give it out
    assert twofactor.opened(TOTPDevice.objects.get(user=office_admin)) == secret

    assert client.get("/console/").status_code == 200
    assert client.get("/admin/").status_code == 200
    login = AuditEntry.objects.get(action="login")
    assert login.actor == office_admin and login.after == {"second_factor": "totp"}
    assert AuditEntry.objects.filter(action="two_factor_enrolled", object_id=str(office_admin.pk)).exists()


def test_an_enrolled_reviewer_signs_in_with_a_code_once(client, reviewer_a):
    totp = _enrolled(reviewer_a)
    assert _password(client, "reviewer_a")["Location"] == "/accounts/login/verify/"
    refused = client.post("/accounts/login/verify/", {"code": "12345"})
    assert "动态口令或恢复码不正确" in refused.content.decode()
    code = totp.now()
    assert client.post("/accounts/login/verify/", {"code": code})["Location"] == "/console/"
    assert AuditEntry.objects.filter(action="second_factor_failed", object_id=str(reviewer_a.pk)).count() == 1

    client.post("/accounts/logout/")
    _password(client, "reviewer_a")
    replay = client.post("/accounts/login/verify/", {"code": code})  # the same code, again
    assert replay.status_code == 200 and "不正确" in replay.content.decode()


def test_a_recovery_code_works_once(client, reviewer_a):
    _enrolled(reviewer_a)
    codes = twofactor.new_recovery_codes(reviewer_a)
    _password(client, "reviewer_a")
    response = client.post("/accounts/login/verify/", {"code": codes[3].upper()}, follow=True)
    assert "已使用一个恢复码，还剩 9 个" in response.content.decode()
    assert AuditEntry.objects.filter(action="recovery_code_used").count() == 1
    client.post("/accounts/logout/")
    _password(client, "reviewer_a")
    assert "不正确" in client.post("/accounts/login/verify/", {"code": codes[3]}).content.decode()


def test_five_wrong_codes_end_the_attempt_and_are_audited(client, reviewer_a):
    totp = _enrolled(reviewer_a)
    _password(client, "reviewer_a")
    for _ in range(4):
        client.post("/accounts/login/verify/", {"code": "999999" if totp.now() != "999999" else "888888"})
    last = client.post("/accounts/login/verify/", {"code": "abcdef"})
    assert last["Location"] == "/accounts/login/"
    assert AuditEntry.objects.filter(action="second_factor_locked").count() == 1
    _password(client, "reviewer_a")  # the password again: the second step stays shut
    response = client.get("/accounts/login/verify/", follow=True)
    assert "动态口令连续输错次数过多" in response.content.decode()


def test_a_locked_account_opens_with_the_password_and_a_valid_code(client, reviewer_a, clerk_a):
    """Five wrong passwords by anyone lock the account, but its owner, with the second factor,
    still gets in; an account without one stays locked."""
    totp = _enrolled(reviewer_a)
    for _ in range(5):
        _password(client, "reviewer_a", "wrong-password")
        _password(client, "clerk_a", "wrong-password")
    assert AuditEntry.objects.filter(action="account_locked").count() == 2
    assert AuditEntry.objects.filter(action="login_failed").count() == 10
    assert "已被锁定" in _password(client, "reviewer_a", "still-wrong").content.decode()
    assert "已被锁定" in _password(client, "clerk_a").content.decode()

    assert _password(client, "reviewer_a")["Location"] == "/accounts/login/verify/"
    assert client.post("/accounts/login/verify/", {"code": totp.now()})["Location"] == "/console/"
    assert not twofactor.second_factor_blocked("reviewer_a")
    client.post("/accounts/logout/")
    assert _password(client, "reviewer_a")["Location"] == "/accounts/login/verify/"  # the lock is lifted


def test_everyone_can_be_required(client, clerk_a, settings):
    settings.GONGKAI_TWO_FACTOR_REQUIRED = ("all",)
    assert _password(client, "clerk_a")["Location"] == "/accounts/login/enrol/"


def test_a_clerk_enrols_by_choice_and_may_switch_it_off(login, clerk_a):
    client = login(clerk_a)
    page = client.get("/accounts/two-factor/")
    assert "尚未启用" in page.content.decode()
    secret = client.session[ENROL_SECRET]
    codes = client.post("/accounts/two-factor/", {"code": pyotp.TOTP(secret).now()})
    assert "请保存恢复码" in codes.content.decode()
    totp = pyotp.TOTP(secret)
    # A code of the next step (the one just used is spent).
    import time

    later = totp.at(time.time() + 30)
    client.post("/accounts/two-factor/", {"code": later, "action": "remove"})
    assert not TOTPDevice.objects.filter(user=clerk_a).exists()
    assert AuditEntry.objects.filter(action="two_factor_removed").count() == 1


def test_a_reviewer_may_not_switch_it_off(login, reviewer_a):
    totp = _enrolled(reviewer_a)
    client = login(reviewer_a)
    response = client.post("/accounts/two-factor/", {"code": totp.now(), "action": "remove"})
    assert "不能关闭" in response.content.decode()
    assert TOTPDevice.objects.filter(user=reviewer_a).exists()


def test_the_office_admin_resets_a_lost_phone(login, office_admin, reviewer_a):
    _enrolled(reviewer_a)
    twofactor.new_recovery_codes(reviewer_a)
    client = login(office_admin)
    client.post(f"/console/users/{reviewer_a.pk}/", {"action": "reset_two_factor"})
    assert not TOTPDevice.objects.filter(user=reviewer_a).exists()
    assert not RecoveryCode.objects.filter(user=reviewer_a).exists()
    entry = AuditEntry.objects.get(action="two_factor_removed")
    assert entry.actor == office_admin and entry.object_id == str(reviewer_a.pk)


def test_the_admin_site_signs_in_through_the_staff_login(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2F"
    assert client.get("/admin/login/?next=https://evil.example/")["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_pending_login_expires(client, reviewer_a, monkeypatch):
    _enrolled(reviewer_a)
    _password(client, "reviewer_a")
    session = client.session
    session["gongkai_pending_login"]["since"] -= 301
    session.save()
    response = client.get("/accounts/login/verify/", follow=True)
    assert "登录已超时" in response.content.decode()


def test_changes_to_ones_own_second_factor_count_wrong_codes(login, clerk_a):
    totp = _enrolled(clerk_a)
    client = login(clerk_a)
    wrong = "000000" if totp.now() != "000000" else "111111"
    for _ in range(5):
        client.post("/accounts/two-factor/", {"code": wrong, "action": "remove"})
    response = client.post("/accounts/two-factor/", {"code": totp.now(), "action": "remove"})
    assert "动态口令连续输错次数过多" in response.content.decode()
    assert TOTPDevice.objects.filter(user=clerk_a).exists()
    assert AuditEntry.objects.filter(action="second_factor_failed").count() == 5


def test_renewing_the_recovery_codes_voids_the_old_ones(login, reviewer_a):
    totp = _enrolled(reviewer_a)
    old = twofactor.new_recovery_codes(reviewer_a)
    client = login(reviewer_a)
    page = client.post("/accounts/two-factor/", {"code": totp.now(), "action": "renew"}).content.decode()
    assert "请保存恢复码" in page and old[0] not in page
    assert not twofactor.use_recovery_code(reviewer_a, old[0])
    assert twofactor.recovery_codes_left(reviewer_a) == 10
    assert AuditEntry.objects.filter(action="recovery_codes_renewed").count() == 1


def test_a_replaced_site_key_opens_the_second_factor_only_through_its_fallbacks(client, reviewer_a, settings):
    app = _enrolled(reviewer_a)  # sealed under the site's key
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-site-key-" + "x" * 40, []
    code = app.now()
    _password(client, "reviewer_a")
    refused = client.post("/accounts/login/verify/", {"code": code})  # nothing opens the secret
    assert refused.status_code == 200 and "动态口令或恢复码不正确" in refused.content.decode()
    settings.SECRET_KEY_FALLBACKS = [old_key]  # the old key kept as a fallback: the same code passes
    assert client.post("/accounts/login/verify/", {"code": code})["Location"] == "/console/"
