"""A reviewer, who must sign in with two factors, enrols an authenticator at the first login
(the QR code and the secret on the page), keeps the recovery codes, and signs in again with a
code computed here as the phone app computes it (pyotp)."""

from __future__ import annotations

import time

import pyotp
import pytest

from tests.browser.conftest import check_accessibility
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reviewer_enrols_totp_and_signs_in_with_a_code(axe_page, reviewer_a, settings, artifacts):
    page = axe_page
    settings.GONGKAI_TWO_FACTOR_REQUIRED = ("office_admin", "reviewer")
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("用户名").fill("reviewer_a")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/accounts/login/enrol/")
    assert page.get_by_role("heading", level=1).inner_text() == "绑定两步验证"
    qr = page.locator("figure.qr svg")
    assert qr.is_visible() and qr.bounding_box()["width"] > 100
    secret = page.locator("figure.qr code").inner_text().replace(" ", "")
    page.screenshot(path=str(artifacts / "two-factor-enrol.png"), full_page=True)
    check_accessibility(page, "two-factor-enrol", artifacts)

    totp = pyotp.TOTP(secret)
    page.get_by_label("动态口令").fill(totp.now())
    page.get_by_role("button", name="绑定并登录").click()
    # The codes page is the POST's answer, with no URL of its own to wait for; all_inner_texts
    # does not wait, so wait for the list before reading it.
    page.get_by_role("heading", name="请保存恢复码").wait_for()
    codes = page.get_by_role("list", name="恢复码").locator("code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="我已保存，继续").click()
    page.wait_for_url("**/console/")

    page.get_by_role("button", name="退出").click()
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("用户名").fill("reviewer_a")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/accounts/login/verify/")
    # The code just used is spent: the app's next one (accepted within one step of drift).
    page.get_by_label("动态口令").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="验证并登录").click()
    page.wait_for_url("**/console/")
    assert "财政局张审核" in page.locator("header").inner_text()

