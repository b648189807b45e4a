"""Issue 20 point 3 in a real browser: a clerk creates a data set, uploads a bad sheet and sees it
refused whole with the row and the reason, uploads the good one and submits it; the reviewer
publishes it; the public finds it in 数据开放, sees the preview and downloads the CSV and JSON with
the rows of the uploaded .xlsx. axe-core checks the catalog and the data set's page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility, log_in
from tests.opendata.conftest import HEADER, ROWS, xlsx

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_clerk_uploads_a_sheet_and_the_public_downloads_it(page, axe_page, clerk_a, reviewer_a, tmp_path, artifacts):
    bad, good = tmp_path / "有误的表.xlsx", tmp_path / "学校名录.xlsx"
    bad.write_bytes(xlsx([["学校", "学校"], ["第一中学", "初中"]]))
    good.write_bytes(xlsx([HEADER, *ROWS]))

    log_in(page, clerk_a)
    page.goto(page.base_url + "/console/opendata/new/")
    page.get_by_label("数据集名称").fill("全市中小学校名录")
    page.get_by_label("主题分类").select_option("education")
    page.get_by_label("更新频率").select_option("annual")
    page.get_by_label("关键词").fill("学校、名录")
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/console/opendata/*/")
    detail = page.url

    page.get_by_label("数据表格（.xlsx 或 .csv）").set_input_files(str(bad))
    page.get_by_role("button", name="上传").click()
    alert = page.get_by_role("alert").first.inner_text()
    assert "整份未保存" in page.locator("main").inner_text()
    assert "第 1 行：表头第 B 列“学校”与第 A 列重名" in page.locator("main").inner_text(), alert

    page.goto(detail)
    page.get_by_label("数据表格（.xlsx 或 .csv）").set_input_files(str(good))
    page.get_by_role("button", name="上传").click()
    assert "已上传第 1 版：3 行，4 列" in page.locator("main").inner_text()
    page.get_by_role("button", name="提交审核").click()
    assert "已提交审核" in page.locator("main").inner_text()
    page.screenshot(path=str(artifacts / "opendata-submitted.png"), full_page=True)

    log_in(page, reviewer_a)
    page.goto(detail)
    page.get_by_role("button", name="审核通过并发布").click()
    assert "已发布到数据开放栏目" in page.locator("main").inner_text()

    page.context.clear_cookies()
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="数据开放").click()
    page.get_by_label("主题分类").select_option("education")
    page.get_by_role("button", name="筛选").click()
    page.get_by_role("link", name="全市中小学校名录").click()
    expect(page.get_by_role("table").locator("tbody tr")).to_have_count(3)
    assert "第一中学" in page.get_by_role("table").inner_text()
    page.screenshot(path=str(artifacts / "opendata-dataset.png"), full_page=True)

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV", exact=True).click()
    rows = list(csv.reader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8-sig"))))
    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON", exact=True).click()
    document = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    uploaded = [["" if cell is None else str(cell) for cell in row] for row in ROWS]
    assert rows == [HEADER, *uploaded]
    assert [["" if r[name] is None else str(r[name]) for name in HEADER] for r in document["rows"]] == uploaded

    dataset_url = page.url
    axe_page.goto(page.base_url + "/data/")
    check_accessibility(axe_page, "opendata-catalog", artifacts)
    axe_page.goto(dataset_url)
    check_accessibility(axe_page, "opendata-dataset", artifacts)
