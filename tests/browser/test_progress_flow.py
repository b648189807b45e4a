"""A plan in motion, clicked through: the office publishes seed 000, the cooperating unit reports
with a published record as evidence, the lead unit consolidates, the office accepts, the public
reads the half-yearly progress page, and a bulletin names another unit's overdue item."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from gongkai.console.demo import SEEDS, load_demo
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import SYSTEM
from gongkai.plans import services
from gongkai.plans.models import Assignment, Plan, ProgressReport
from gongkai.plans.parsing import parse_path
from gongkai.records.models import Record
from tests.browser.conftest import check_accessibility, log_in
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)

SEED_000 = "000_f587d089185122da.txt"
ITEM_8 = "在2015年全市PPP项目已向社会公开"


@pytest.fixture
def people(settings, tmp_path, immediate_jobs):
    """The demo registry and accounts, with seed 000 back to a draft for the office to publish."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    Plan.objects.filter(source_name=SEED_000).delete()
    services.create_plan(parse_path(SEEDS / SEED_000, SEED_000), issuer_unit=Unit.objects.get(name="肇庆市人民政府"),
                         source_name=SEED_000, actor=SYSTEM)
    office = make_user("office_b", Unit.objects.get(name="肇庆市人民政府办公室"), "office_admin", full_name="公开办")
    lead = make_user("caizheng_b", Unit.objects.get(name="肇庆市财政局"), "clerk", full_name="财政局经办")
    cooperating = make_user("fagai_b", Unit.objects.get(name="肇庆市发展和改革局"), "clerk", full_name="发改局经办")
    return {"office": office, "lead": lead, "cooperating": cooperating}


def open_item_8(page):
    page.get_by_role("link", name="分工任务").click()
    page.get_by_role("link", name="全部").click()
    page.locator("tr", has_text=ITEM_8).first.get_by_role("link").click()


def test_a_plan_in_motion(axe_page, people, artifacts):
    page = axe_page
    log_in(page, people["office"])
    page.get_by_role("link", name="分工方案").first.click()
    page.locator("tr", has_text="肇庆市贯彻落实").get_by_role("link").first.click()
    page.get_by_role("button", name="发布分工方案").click()
    assert "分工方案已发布" in page.locator(".messages").inner_text()
    plan = Plan.objects.get(source_name=SEED_000)
    assert Assignment.objects.filter(plan=plan).count() == 988

    # the cooperating unit reports on item 8, with one of its published records as evidence
    log_in(page, people["cooperating"])
    open_item_8(page)
    assert "本单位职责：牵头 · 肇庆市发展和改革局" in page.locator(".panel").first.inner_text()  # a co-lead
    page.get_by_role("link", name="填报进展").first.click()
    page.get_by_label("推进中").check()
    page.get_by_label("进展情况").fill("已梳理全市PPP项目清单，项目信息在发改局网站同步公开。")
    page.get_by_role("button", name="保存草稿").click()
    record = Record.objects.filter(Record.public_q(), unit=people["cooperating"].unit).first()
    page.get_by_label("本单位已公开的信息").select_option(value=str(record.pk))
    page.get_by_role("button", name="添加信息").click()
    assert "佐证材料已添加" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="提交验收").click()
    assert "已提交公开办验收" in page.locator(".messages").inner_text()

    # the lead unit sees it and writes the consolidated report
    log_in(page, people["lead"])
    open_item_8(page)
    assert "肇庆市发展和改革局" in page.locator(".co-reports").first.inner_text()
    page.get_by_role("link", name="填报进展").first.click()
    assert "已梳理全市PPP项目清单" in page.locator(".co-report").first.inner_text()
    page.get_by_label("已完成").check()
    page.get_by_label("进展情况").fill("全市PPP项目已全部录入财政部PPP综合信息平台并向社会公开。")
    page.get_by_label("下一步工作措施").fill("按季度更新项目进展。")
    page.get_by_role("button", name="提交验收").click()
    page.screenshot(path=str(artifacts / "progress-assignment.png"), full_page=True)
    check_accessibility(page, "progress-assignment", artifacts)

    # the office accepts the consolidated report
    log_in(page, people["office"])
    page.goto(page.base_url + f"/console/plans/{plan.pk}/reports/")
    page.locator("tr", has_text="肇庆市财政局").get_by_role("link", name="汇总报告").click()
    page.get_by_label("验收意见").fill("材料齐全，同意。")
    page.get_by_role("button", name="验收通过").click()
    assert page.locator(".report-state").inner_text() == "已验收"
    consolidated = ProgressReport.objects.get(consolidated=True, assignment__plan=plan)
    assert consolidated.state == "accepted" and consolidated.evidence.count() == 0
    assert ProgressReport.objects.get(unit=people["cooperating"].unit).evidence.get().record == record

    # the half-yearly progress page: generated from accepted reports, reviewed, published
    page.get_by_role("link", name="分工方案").first.click()
    page.get_by_role("link", name="进展情况公开").first.click()
    page.get_by_label("年度").fill("2016")
    page.get_by_label("半年").select_option(label="上半年")
    page.get_by_role("button", name="生成").click()
    page.get_by_role("button", name="公开", exact=True).click()
    page.context.clear_cookies()  # the public
    page.goto(page.base_url + f"/plans/{plan.pk}/")
    page.get_by_role("link", name="2016年上半年").click()
    row = page.locator("tr, article, li", has_text=ITEM_8).first
    assert "全市PPP项目已全部录入财政部PPP综合信息平台" in row.inner_text()
    assert "按季度更新项目进展" in row.inner_text()
    check_accessibility(page, "progress-public", artifacts)

    # the dashboard, then a bulletin for the first half naming another unit's overdue item
    log_in(page, people["office"])
    page.get_by_role("link", name="分工方案").first.click()
    page.get_by_role("link", name="督查统计").first.click()
    page.screenshot(path=str(artifacts / "progress-dashboard.png"), full_page=False)
    check_accessibility(page, "progress-dashboard", artifacts)
    page.get_by_role("link", name="分工方案").first.click()
    page.get_by_role("link", name="督查通报").first.click()
    page.get_by_label("统计截止日期").select_option(value="2016-06-30")
    page.get_by_role("button", name="生成通报草稿").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Word 文档").click()
    bulletin = Document(io.BytesIO(download.value.path().read_bytes()))
    cells = [cell.text for table in bulletin.tables for row in table.rows for cell in row.cells]
    named = [i for i, text in enumerate(cells) if text == "肇庆市教育局"]
    near = [" ".join(cells[max(0, i - 3):i + 4]) for i in named]
    # 17 (中考3月 高考11月): March is before the notice was issued on 2016-06-22, never overdue
    exams = Assignment.objects.get(plan=plan, item__number="17", unit__name="肇庆市教育局")
    due = [period.due_on.isoformat() for period in exams.item.periods.order_by("seq")]
    assert due == ["2016-03-31", "2016-11-30"] and not exams.reports.exists()
    assert not any(exams.item.text[:20] in text for text in near)
    # an item due 2016-06-30 that the unit did not report on is named
    overdue = Assignment.objects.filter(
        plan=plan, unit__name="肇庆市教育局", item__periods__due_on=date(2016, 6, 30), reports__isnull=True
    ).first()
    assert overdue is not None and any(overdue.item.text[:20] in text for text in near)
