"""A round from start to finish, clicked through (issue 17's acceptance): the office opens it and
re-assigns an outside evaluator, a unit self-assesses with one of its published records as
evidence, an evaluator collects (采集), a second one re-checks (复核), the office approves (审定)
and publishes; the unit then sees its sheet, and another unit cannot see it before or after."""

from __future__ import annotations

import pytest

from gongkai.assessment import services
from gongkai.assessment.models import Round, ScoreEntry
from gongkai.rules.assessment.scoring import Stage
from tests.browser.conftest import check_accessibility, log_in
from tests.conftest import make_user
from tests.records.conftest import columns_a  # noqa: F401  (fixture reused)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(settings, tmp_path, office_admin, clerk_a, reviewer_a, clerk_b, evaluator,
           columns_a):  # noqa: F811
    """The office with seed 001's system, two city departments with a clerk each, two evaluators
    (one of them outside), and a record 财政局 has published."""
    from datetime import date

    from gongkai.records import services as records

    settings.MEDIA_ROOT = tmp_path / "media"
    services.create_demo_system(actor=office_admin)
    checker = make_user("evaluator2", None, "evaluator", full_name="第三方复核员")
    draft = records.create_record(clerk_a.unit, {"title": "示范市财政局2026年部门预算", "body": "<p>部门预算。</p>",
                                                 "written_on": date(2026, 3, 2)},
                                  columns=[columns_a["通知公告"]], actor=clerk_a)
    records.submit_record(draft, actor=clerk_a)
    record = records.publish_record(draft, actor=reviewer_a)
    return {"office": office_admin, "unit": clerk_a, "other": clerk_b, "collector": evaluator, "checker": checker,
            "record": record}


def open_sheet(page, unit_name):
    page.get_by_role("link", name="考评", exact=True).first.click()
    page.get_by_role("link", name="2026年度政务公开考评").click()
    page.get_by_role("link", name=unit_name, exact=True).click()


def css(code):
    return code.replace(".", "\\.")


def leaves(round_, category):
    return round_.system.as_rules().leaves(category)


def test_a_round_from_start_to_finish(axe_page, people, artifacts):
    page = axe_page
    # the office opens the round for both departments with both evaluators
    log_in(page, people["office"])
    page.get_by_role("link", name="考评", exact=True).first.click()
    page.get_by_role("link", name="发起考评").click()
    page.get_by_label("指标体系").select_option(index=1)
    page.get_by_label("名称").fill("2026年度政务公开考评")
    page.get_by_label("示范市财政局").check()
    page.get_by_label("示范市教育局").check()
    page.get_by_label("第三方评估员").check()
    page.get_by_label("第三方复核员").check()
    page.get_by_role("button", name="发起").click()
    assert "考评已发起" in page.locator(".messages").inner_text()
    round_ = Round.objects.get()
    mine, theirs = round_.participants.get(unit=people["unit"].unit), round_.participants.get(unit=people["other"].unit)
    sheet_url = page.base_url + f"/console/assessment/rounds/{round_.pk}/units/{mine.pk}/"
    # the office takes the outside re-checker off 教育局: they will see 财政局 only
    page.get_by_role("link", name="分配示范市教育局的评估人").click()
    page.get_by_label("第三方复核员").uncheck()
    page.get_by_role("button", name="保存").click()
    assert "已更新示范市教育局的评估人" in page.locator(".messages").inner_text()
    assert "第三方评估员" in page.locator("tr", has_text="示范市教育局").inner_text()
    assert "第三方复核员" not in page.locator("tr", has_text="示范市教育局").inner_text()
    check_accessibility(page, "assessment-round", artifacts)

    # another unit sees the round with its own row only, and not 财政局's sheet
    log_in(page, people["other"])
    page.get_by_role("link", name="考评", exact=True).first.click()
    page.get_by_role("link", name="2026年度政务公开考评").click()
    assert "示范市财政局" not in page.locator("main").inner_text()
    assert page.goto(sheet_url).status == 404

    # the unit self-assesses: a published record as evidence of 3.3, every leaf scored, handed in
    log_in(page, people["unit"])
    open_sheet(page, "示范市财政局")
    leaf = page.locator("#leaf-3\\.3")
    leaf.get_by_label("本单位已公开的信息").select_option(label=people["record"].title)
    leaf.get_by_role("button", name="添加佐证").click()
    assert "已为指标 3.3 添加佐证材料" in page.locator(".messages").inner_text()
    for item in leaves(round_, mine.category):
        page.locator(f"#self-score-{css(item.code)}").fill(str(item.points))
    page.locator("#self-note-3\\.3").fill("信息均在法定时限内公开")
    page.get_by_role("button", name="保存自评").click()
    assert "自评已保存" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="提交自评").click()
    assert "自评已提交" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts / "assessment-self.png"), full_page=False)
    check_accessibility(page, "assessment-self", artifacts)

    # the first evaluator collects: the 自评 is offered, one leaf lowered with a reason
    log_in(page, people["collector"])
    open_sheet(page, "示范市财政局")
    assert page.locator("#stage-score-1\\.1").input_value() == "2.5"
    assert people["record"].title in page.locator("#leaf-3\\.3").inner_text()
    assert "平台测量" in page.locator("#leaf-3\\.3").inner_text()
    page.locator("#stage-score-3\\.3").fill("2")
    page.get_by_role("button", name="签名保存采集分").click()
    assert "须填写理由" in page.locator(".messages").inner_text()  # refused whole, typed values kept
    assert page.locator("#stage-score-3\\.3").input_value() == "2"
    page.locator("#stage-note-3\\.3").fill("一条信息逾期公开")
    page.get_by_role("button", name="签名保存采集分").click()
    assert "采集分已签名保存" in page.locator(".messages").inner_text()

    # the second evaluator re-checks: the page offers 复核 with the 采集 scores
    log_in(page, people["checker"])
    page.get_by_role("link", name="考评", exact=True).first.click()
    page.get_by_role("link", name="2026年度政务公开考评").click()
    assert "示范市教育局" not in page.locator("main").inner_text()
    page.get_by_role("link", name="示范市财政局", exact=True).click()
    assert page.locator("#stage-score-3\\.3").input_value() == "2"
    page.get_by_role("button", name="签名保存复核分").click()
    assert "复核分已签名保存" in page.locator(".messages").inner_text()

    # 教育局 goes through the same stages (not the subject of this test)
    clerk_b, office = people["other"], people["office"]
    for item in leaves(round_, theirs.category):
        services.enter_self_score(theirs, item.code, item.points, actor=clerk_b)
    services.submit_self_assessment(theirs, actor=clerk_b)
    for actor, stage in ((people["collector"], Stage.COLLECT), (office, Stage.RECHECK), (office, Stage.APPROVE)):
        for item in leaves(round_, theirs.category):
            services.enter_score(theirs, item.code, stage, item.points, actor=actor)

    # the office approves and publishes
    log_in(page, office)
    open_sheet(page, "示范市财政局")
    page.get_by_role("button", name="签名保存审定分").click()
    assert "审定分已签名保存" in page.locator(".messages").inner_text()
    assert ScoreEntry.objects.filter(participant=mine, stage="approve").count() == len(leaves(round_, mine.category))
    page.get_by_role("link", name="2026年度政务公开考评").click()
    page.get_by_role("button", name="公布结果").click()
    assert "考评结果已公布" in page.locator(".messages").inner_text()

    # the unit sees its sheet with the evaluators' scores and reasons
    log_in(page, people["unit"])
    open_sheet(page, "示范市财政局")
    leaf = page.locator("#leaf-3\\.3").inner_text()
    assert "一条信息逾期公开" in leaf and "审定" in leaf and people["record"].title in leaf
    page.screenshot(path=str(artifacts / "assessment-published.png"), full_page=False)
    check_accessibility(page, "assessment-published", artifacts)

    # another unit still cannot
    log_in(page, people["other"])
    assert page.goto(sheet_url).status == 404
