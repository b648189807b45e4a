"""Messages and consultations in a real browser.

A citizen leaves a 咨询 message on Wed 2026-09-30 (due on the 5th working day after it, by hand:
10-08, 10-09, Sat 10-10 a make-up working day, 10-12, 10-13); the office routes it to 示范市财政局,
whose clerk replies; the citizen finds the published reply by tracking code and rates it.

The clerk opens a consultation on the bureau's draft on 2026-10-01 until 10-31 (30 days, the
opening day not counted); two citizens comment, one comment is moderated out; after the period
the clerk writes the 采纳情况 and publishes it beside the final document, whose page links to it.

"Today" is frozen with ``GONGKAI_FOI_TODAY`` (the live server runs in this process).
"""

from __future__ import annotations

import re

import pytest

from gongkai.interaction.models import Comment, Message, Rating
from tests.browser.conftest import check_accessibility
from tests.conftest import PASSWORD
from tests.interaction.conftest import (
    COMMENTER_EMAIL,
    COMMENTER_ID,
    COMMENTER_PHONE,
    SENDER_EMAIL,
    SENDER_NAME,
    SENDER_PHONE,
    draft,  # noqa: F401
    final_record,  # noqa: F401
)

pytestmark = pytest.mark.django_db(transaction=True)


def _context(browser):
    # bypass_csp: axe-core is injected as an inline script, which the site's policy refuses.
    return browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, bypass_csp=True)


@pytest.fixture
def page(browser, live_server):
    context = _context(browser)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def staff(browser, live_server):
    """``staff(user)``: a browser page logged in as ``user``."""
    contexts = []

    def open_as(user):
        context = _context(browser)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("用户名").fill(user.username)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.wait_for_url("**/console/")
        return page

    yield open_as
    for context in contexts:
        context.close()


def _leave_message(page, artifacts) -> str:
    page.goto(page.base_url + "/messages/")
    page.get_by_role("link", name="我要留言").click()
    page.get_by_label("咨询").check()
    page.get_by_label("标题").fill("路灯什么时候修")
    page.get_by_label("留言内容").fill(f"我是{SENDER_NAME}，电话{SENDER_PHONE}。小区门口路灯坏了很久，请问什么时候维修？")
    page.get_by_label("姓名").fill(SENDER_NAME)
    page.get_by_label("联系电话").fill(SENDER_PHONE)
    page.get_by_label("电子邮箱").fill(SENDER_EMAIL)
    page.get_by_label("同意在网站公开我的留言和答复").check()
    page.get_by_role("button", name="提交留言").click()
    code = page.locator(".tracking-code").get_attribute("data-tracking-code")
    assert "2026-10-13" in page.locator("main").inner_text()
    page.screenshot(path=str(artifacts / "message-submitted.png"), full_page=True)
    return code


def test_it_takes_a_message_from_the_citizen_to_the_rated_reply(
    page, staff, settings, live_server, artifacts, unit_a, office_admin, clerk_a,
):
    settings.GONGKAI_FOI_TODAY = "2026-09-30"
    code = _leave_message(page, artifacts)
    display = f"{code[:4]}-{code[4:8]}-{code[8:]}"

    office = staff(office_admin)
    office.goto(live_server.url + "/console/messages/")
    office.get_by_role("link", name=display).click()
    route = office.locator("form.step-route")
    route.get_by_label("分办至").select_option(label="示范市财政局")
    route.get_by_role("button", name="分办").click()
    assert office.locator("[data-field=unit]").inner_text() == "示范市财政局"

    settings.GONGKAI_FOI_TODAY = "2026-10-09"
    clerk = staff(clerk_a)
    clerk.goto(live_server.url + "/console/messages/")
    clerk.get_by_role("link", name=display).click()
    assert SENDER_PHONE in clerk.locator(".sender").inner_text()  # the routed unit sees the contact
    reply = clerk.locator("form.step-reply")
    reply.get_by_label("答复内容").fill("您好，路灯已列入本周维修计划，预计10月12日前修复。")
    reply.get_by_role("button", name="答复").click()
    assert clerk.locator("[data-field=status]").inner_text().startswith("已答复")

    check_accessibility(clerk, "message-console", artifacts)
    page.goto(live_server.url + "/messages/track/")
    page.get_by_label("查询码").fill(display)
    page.get_by_role("button", name="查询").click()
    assert "预计10月12日前修复" in page.locator("[data-field=reply]").inner_text()
    page.get_by_label("满意", exact=True).check()
    page.get_by_role("button", name="提交评价").click()
    assert "感谢您的评价" in page.locator(".notice").inner_text()
    assert Message.objects.get(tracking_code=code).rating == Rating.SATISFIED

    page.goto(live_server.url + "/messages/")
    page.get_by_role("link", name="路灯什么时候修").click()
    page.wait_for_url(re.compile(r".*/messages/\d+/$"))
    public = page.content()
    assert "预计10月12日前修复" in public
    for value in (SENDER_NAME, SENDER_PHONE, SENDER_EMAIL):
        assert value not in public
    page.screenshot(path=str(artifacts / "message-published.png"), full_page=True)


def _comment(page, consultation_url, section, text, consent=True):
    page.goto(consultation_url)
    form = page.locator("form.comment-form")
    form.get_by_label("针对条款").select_option(section)
    form.get_by_label("意见内容", exact=True).fill(text)
    form.get_by_label("联系电话（选填）").fill(COMMENTER_PHONE)
    form.get_by_label("电子邮箱（选填）").fill(COMMENTER_EMAIL)
    if consent:
        form.get_by_label("同意在网站公开我的意见内容").check()
    form.get_by_role("button", name="提交意见").click()
    assert "意见已提交" in page.locator("h1").inner_text()


def test_it_takes_a_consultation_from_the_draft_to_its_published_feedback(
    page, staff, settings, live_server, artifacts, draft, final_record, clerk_a,  # noqa: F811
):
    settings.GONGKAI_FOI_TODAY = "2026-10-01"
    clerk = staff(clerk_a)
    clerk.goto(live_server.url + "/console/consultations/")
    clerk.get_by_role("link", name="就草案发布征求意见").click()
    clerk.get_by_label("草案", exact=True).select_option(label=draft.title)
    clerk.get_by_label("草案类型").select_option("normative")
    clerk.get_by_label("起草说明").fill("为规范养犬行为，保障群众安全，起草本办法。")
    clerk.get_by_label("截止日期").fill("2026-10-31")
    clerk.get_by_role("button", name="发布征求意见").click()
    assert "正在征求意见" in clerk.locator("[data-field=phase]").inner_text()

    page.goto(live_server.url + "/consultations/")
    page.get_by_role("link", name=f"关于《{draft.title}》公开征求意见").click()
    url = page.url
    assert "2026-10-01 至 2026-10-31（30 日）" in page.locator(".consultation-summary").inner_text()
    check_accessibility(page, "consultation", artifacts)
    _comment(page, url, "第三条", f"建议犬链长度放宽到2米。身份证{COMMENTER_ID}。")
    _comment(page, url, "", "这里有广告：代办各类证件。")
    shown, spam = Comment.objects.order_by("id")

    clerk.reload()
    check_accessibility(clerk, "consultation-console", artifacts)
    row = clerk.locator(f"#comment-{shown.pk}")
    row.get_by_label("展示", exact=True).check()
    row.get_by_role("button", name="保存审核").click()
    row = clerk.locator(f"#comment-{spam.pk}")
    row.get_by_label("不予展示").check()
    row.get_by_label("说明").fill("与征求意见稿无关的广告")
    row.get_by_role("button", name="保存审核").click()
    page.goto(url)
    draft_panel = page.locator(".draft").inner_text()
    assert "建议犬链长度放宽到2米" in draft_panel and "代办各类证件" not in page.content()

    settings.GONGKAI_FOI_TODAY = "2026-11-20"
    clerk.reload()
    decide = clerk.locator("form.decide")
    decide.get_by_label(f"意见{shown.seq}（", exact=False).check()
    decide.get_by_label("部分采纳").check()
    decide.get_by_label("理由").fill("参照上位法，犬链长度调整为不超过1.8米。")
    decide.get_by_role("button", name="保存采纳情况").click()
    feedback = clerk.locator("form.feedback")
    feedback.get_by_label("正式文件").select_option(label=final_record.title)
    feedback.get_by_label("采纳情况说明").fill("共收到意见2条，展示1条，部分采纳1条。")
    feedback.get_by_role("button", name="公布采纳情况").click()
    assert "已公布采纳情况" in clerk.locator("[data-field=phase]").inner_text()
    clerk.screenshot(path=str(artifacts / "consultation-console.png"), full_page=True)

    page.goto(live_server.url + f"/xxgk/content/{final_record.pk}/")
    page.get_by_role("link", name=f"公开征求意见及意见采纳情况：关于《{draft.title}》公开征求意见").click()
    table = page.locator("table.feedback").inner_text()
    assert "部分采纳" in table and "犬链长度调整为不超过1.8米" in table and "代办各类证件" not in table
    assert page.locator("a.final-record").inner_text() == final_record.title
    check_accessibility(page, "consultation-feedback", artifacts)
    for value in (COMMENTER_PHONE, COMMENTER_EMAIL, COMMENTER_ID):
        assert value not in page.content()
    page.screenshot(path=str(artifacts / "consultation-feedback.png"), full_page=True)
