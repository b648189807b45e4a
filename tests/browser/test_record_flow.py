"""Acceptance of issue 4 in a real browser: a clerk drafts a record containing an ID number, the
reviewer sees the hit in context, masks it with one click and approves; the public page shows the
masked text and the metadata table, the Atom feed lists the record, the pages work on a phone and
honour the font-size switch, and axe-core finds no serious or critical accessibility violation on
the home, catalog, record, normative-document and gazette pages. Screenshots go to the artefacts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.browser.conftest import check_accessibility
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

ID_NUMBER = "440104199003071239"
MASKED = "4401**********1239"  # CONTRACTS.md §10: an ID keeps its first 4 and last 4
TITLE = "示范市财政局关于城乡居民最低生活保障资金发放情况的公示"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def columns(unit_a):
    from gongkai.records.catalog import apply_default_columns

    apply_default_columns(unit_a)


def _signed_in(browser, base_url, username):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/console/")
    return context, page


def _draft_and_submit(page, base_url, artifacts) -> str:
    page.goto(base_url + "/console/records/new/")
    page.get_by_label("名称").fill(TITLE)
    page.get_by_label("成文日期").fill("2026-03-02")
    page.get_by_label("通知公告").check()
    page.get_by_label("正文", exact=True).fill(
        f"经审核，申请人陈某某（身份证号码{ID_NUMBER}）符合城乡居民最低生活保障条件，发放金额 860 元。\n"
        "公示期内如有异议，请向示范市财政局反映。"
    )
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/console/records/*/")
    page.get_by_role("button", name="提交保密审查").click()
    assert "已提交保密审查" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts / "records-submitted.png"), full_page=True)
    return page.url


def _review_mask_and_publish(page, detail_url, artifacts) -> None:
    page.goto(detail_url)
    hit = page.locator(".pii-hit", has_text="身份证号码")
    assert ID_NUMBER in hit.inner_text()
    assert "申请人陈某某" in hit.locator(".pii-context").inner_text()  # the hit in its context
    page.screenshot(path=str(artifacts / "records-review-hit.png"), full_page=True)
    hit.get_by_role("button", name=f"去标识化为 {MASKED}").click()
    assert f"已去标识化为“{MASKED}”" in page.locator(".messages").inner_text()
    assert ID_NUMBER not in page.locator("main").inner_text()
    page.get_by_role("button", name="审查通过并发布").click()
    assert "审查通过，已发布" in page.locator(".messages").inner_text()
    assert page.locator("[data-status]").first.get_attribute("data-status") == "published"
    page.screenshot(path=str(artifacts / "records-published.png"), full_page=True)


def test_it_takes_a_record_from_draft_through_review_to_the_public(browser, live_server, artifacts, clerk_a,
                                                                   reviewer_a, unit_a, columns):
    from gongkai.records.models import Record

    base = live_server.url
    clerk_context, clerk_page = _signed_in(browser, base, "clerk_a")
    detail_url = _draft_and_submit(clerk_page, base, artifacts)
    clerk_context.close()
    reviewer_context, reviewer_page = _signed_in(browser, base, "reviewer_a")
    _review_mask_and_publish(reviewer_page, detail_url, artifacts)
    reviewer_context.close()

    record = Record.objects.get(title=TITLE)
    public = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = public.new_page()
    page.goto(f"{base}/xxgk/content/{record.pk}/")
    body = page.locator("article").inner_text()
    assert MASKED in body and ID_NUMBER not in page.content()
    table = page.locator("table.record-meta")
    headers = [text.strip() for text in table.locator("th").all_inner_texts()]
    assert headers[:8] == ["索引号", "主题分类", "发布机构", "成文日期", "名称", "文号", "发布日期", "有效性"]
    assert record.index_number in table.inner_text() and "有效" in table.inner_text()
    page.screenshot(path=str(artifacts / "records-public-page.png"), full_page=True)
    check_accessibility(page, "record", artifacts)

    feed = ET.fromstring(page.request.get(f"{base}/xxgk/units/{unit_a.key}/feed/").body())
    assert [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")] == [TITLE]
    public.close()


def test_the_public_pages_pass_the_accessibility_check(browser, live_server, artifacts, clerk_a, reviewer_a,
                                                      unit_a, columns):
    from gongkai.records import services
    from gongkai.records.models import Column, RecordKind

    policy_column = Column.objects.get(unit=unit_a, name="规范性文件")
    record = services.create_record(unit_a, {
        "title": "示范市财政专项资金管理办法", "kind": RecordKind.NORMATIVE, "written_on": "2026-03-02",
        "doc_number": "示财规〔2026〕1号", "body": "第一条　为规范财政专项资金管理，制定本办法。",
    }, columns=[policy_column], actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    services.publish_record(record, actor=reviewer_a)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    pages = {
        "home": "/", "catalog": "/xxgk/", "unit-catalog": f"/xxgk/units/{unit_a.key}/",
        "column": f"/xxgk/units/{unit_a.key}/{policy_column.pk}/", "record": f"/xxgk/content/{record.pk}/",
        "normative": "/xxgk/gfxwj/", "gazette": "/xxgk/gazette/",
    }
    for name, path in pages.items():
        page.goto(live_server.url + path)
        check_accessibility(page, name, artifacts)
    context.close()


def test_the_record_page_works_on_a_phone_with_large_type(browser, live_server, artifacts, clerk_a, reviewer_a,
                                                         unit_a, columns):
    from gongkai.records import services
    from gongkai.records.models import Column

    record = services.create_record(unit_a, {
        "title": "示范市财政局2026年部门预算公开目录", "written_on": "2026-03-02", "doc_number": "示财〔2026〕18号",
        "body": "一、部门预算公开的范围。二、公开的时间和方式。" * 8,
    }, columns=[Column.objects.get(unit=unit_a, name="通知公告")], actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    services.publish_record(record, actor=reviewer_a)
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/xxgk/content/{record.pk}/")
    page.get_by_role("button", name="大").click()
    assert "fs-large" in page.locator("html").get_attribute("class")
    page.reload()
    assert "fs-large" in page.locator("html").get_attribute("class")
    assert page.evaluate("document.documentElement.scrollWidth") <= 376  # no sideways scrolling
    assert page.locator("table.record-meta").is_visible()
    page.screenshot(path=str(artifacts / "records-phone-large.png"), full_page=True)
    for path in ("/", "/xxgk/", "/xxgk/gfxwj/", "/xxgk/gazette/", f"/xxgk/units/{unit_a.key}/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 376, path
    page.screenshot(path=str(artifacts / "records-phone-unit-catalog.png"), full_page=True)  # the last one
    context.close()
