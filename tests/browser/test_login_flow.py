"""A person opens the portal, switches the font size, logs in as the office admin and reaches
the console; screenshots go to the test run's artefacts."""

from __future__ import annotations

import pytest

from gongkai.console.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_admin(settings, tmp_path):
    """The demo data of make run; its office admin's one-time password."""
    settings.VAR_DIR = tmp_path
    return "gongkaiban", load_demo().passwords["gongkaiban"]


def test_it_logs_the_office_admin_in_to_the_console(page, demo_admin, artifacts):
    page.goto(page.base_url + "/")
    assert "政务公开" in page.title()
    assert page.locator("footer").inner_text().count("网站标识码") == 1

    page.get_by_role("button", name="大").click()
    assert "fs-large" in page.locator("html").get_attribute("class")
    page.reload()
    assert "fs-large" in page.locator("html").get_attribute("class")  # remembered
    page.screenshot(path=str(artifacts / "portal-home.png"), full_page=True)

    page.get_by_role("link", name="工作人员登录").click()
    username, password = demo_admin
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/console/")
    assert page.get_by_role("heading", level=1).inner_text() == "您好，公开办管理员（演示）"
    assert page.get_by_role("link", name="用户管理").is_visible()
    page.screenshot(path=str(artifacts / "console-home.png"), full_page=True)


def test_it_folds_the_navigation_on_a_phone(browser, live_server, artifacts):
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    nav_link = page.get_by_role("link", name="政策解读")
    assert not nav_link.is_visible()
    page.get_by_role("button", name="栏目导航").click()
    assert nav_link.is_visible()
    page.screenshot(path=str(artifacts / "portal-phone.png"), full_page=True)
    context.close()


def test_it_shows_a_clerk_a_clear_message_on_a_wrong_password(page, demo_admin):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("用户名").fill(demo_admin[0])
    page.get_by_label("密码").fill("wrong")
    page.get_by_role("button", name="登录").click()
    assert "用户名或密码不正确" in page.locator("main").inner_text()
