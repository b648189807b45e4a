"""The office uploads the 新会 notice as Word, follows the parsing, resolves what the registry does
not know, corrects a cell, publishes, and the public reads and downloads the 分工方案."""

from __future__ import annotations

import io

import pytest
from docx import Document

from gongkai.console.demo import SEEDS, load_demo
from gongkai.orgs.models import UnitAlias
from gongkai.plans.models import Plan

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def office(settings, tmp_path, immediate_jobs):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    password = load_demo().passwords["gongkaiban"]
    Plan.objects.all().delete()  # start from an empty plan list; the registry stays
    return "gongkaiban", password


def _notice_docx(tmp_path):
    """The 新会 notice as a clerk would receive it: the seed's text with one unit the registry
    does not know yet."""
    text = (SEEDS / "004_873e3bb7a99b9369.txt").read_text(encoding="utf-8")
    text = text.replace("区发展改革局负责", "区营商环境局负责", 1)
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "新会区2018年政务公开工作要点分工方案.docx"
    document.save(path)
    return path


def test_it_imports_reviews_and_publishes_a_notice(page, office, tmp_path, artifacts):
    username, password = office
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="分工方案").first.click()
    page.get_by_role("link", name="导入通知").click()
    page.get_by_label("通知文件").set_input_files(str(_notice_docx(tmp_path)))
    page.get_by_label("发文政府").select_option(label="江门市新会区人民政府")
    page.get_by_role("button", name="上传并解析").click()
    page.get_by_role("link", name="查看并审核解析结果").click()

    assert "新会区2018年政务公开工作要点分工方案" in page.locator("h1").inner_text()
    assert page.locator("caption").inner_text() == "共 66 项"
    unresolved = page.locator("#unresolved")
    assert "区营商环境局" in unresolved.inner_text()
    page.screenshot(path=str(artifacts / "plan-review.png"), full_page=True)

    unresolved.get_by_label("“区营商环境局”是").select_option(label="江门市新会区发展和改革局")
    unresolved.get_by_role("button", name="确定").click()
    assert "已记住“区营商环境局”" in page.locator(".messages").inner_text()
    assert UnitAlias.objects.filter(alias="区营商环境局").exists()

    page.locator("tr", has_text="建立市场准入负面清单信息公开机制").get_by_role("link", name="修改").click()
    page.get_by_label("完成时限（原文）").fill("2018年12月底前")
    page.get_by_label("完成日期").fill("2018-12-31")
    page.get_by_role("button", name="保存").click()

    page.get_by_role("button", name="发布分工方案").click()
    assert "分工方案已发布" in page.locator(".messages").inner_text()
    row = page.locator("tr", has_text="建立市场准入负面清单信息公开机制")
    assert "区营商环境局" in row.inner_text() and "2018年12月底前" in row.inner_text()
    page.screenshot(path=str(artifacts / "plan-public.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Word").click()
    annex = Document(io.BytesIO(download.value.path().read_bytes()))
    assert len(annex.tables[0].rows) == 67  # header + 66 items
