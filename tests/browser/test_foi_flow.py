"""A disclosure request from the public form to the reply, in a real browser.

A citizen files a request and receives the code; the clerk asks for 补正; the amended request
arrives and the clerk records it, which restarts the clock; the reviewer approves an extension; the
clerk replies 部分公开 with a generated letter; the tracking page shows it all with the right dates.

"Today" is frozen with the setting ``GONGKAI_FOI_TODAY`` (read by ``gongkai.foi.dates``; the live
server runs in this process, so changing the setting moves its day too). The dates, by hand, with
the 2026 schedule (National Day 10-01..10-07 off, Saturday 10-10 a make-up working day):

- filed Mon 2026-09-28, received the same day (online) → due the 20th working day after it:
  09-29, 09-30 (2), 10-08, 10-09, Sat 10-10 (5), 10-12..16 (10), 10-19..23 (15), 10-26..30 (20)
  → 2026-10-30;
- 补正 asked Tue 09-29 (within 7 working days of receipt: the notice was due by 10-13);
- amended request received Mon 10-12 → the period restarts in full: 10-13..16 (4), 10-19..23 (9),
  10-26..30 (14), 11-02..06 (19), Mon 11-09 (20) → 2026-11-09;
- extension of 15 working days asked and approved Mon 11-02 → 11-10..13 (4), 11-16..20 (9),
  11-23..27 (14), Mon 11-30 (15) → 2026-11-30;
- replied 部分公开 Fri 11-20, in time.
"""

from __future__ import annotations

import pytest
from docx import Document

from tests.foi.conftest import CITIZEN_ID, CITIZEN_PHONE, PNG

pytestmark = pytest.mark.django_db(transaction=True)


def _file_request(page, tmp_path, artifacts) -> str:
    proof = tmp_path / "身份证.png"
    proof.write_bytes(PNG)
    page.goto(page.base_url + "/")
    page.get_by_role("link", name="依申请公开").first.click()
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名", exact=True).fill("林晓燕")
    page.get_by_label("身份证件号码").fill(CITIZEN_ID)
    page.get_by_label("联系电话").fill(CITIZEN_PHONE)
    page.get_by_label("申请公开的机关").select_option(label="示范市财政局")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill("示范市本级“三公”经费的明细")
    page.get_by_label("电子", exact=True).check()
    page.get_by_label("网上查询下载").check()
    page.get_by_label("身份证明材料").set_input_files(str(proof))
    page.screenshot(path=str(artifacts / "foi-apply.png"), full_page=True)
    page.get_by_role("button", name="提交申请").click()
    code = page.locator(".tracking-code").get_attribute("data-tracking-code")
    assert "2026-09-28" in page.locator("main").inner_text() and "2026-10-30" in page.locator("main").inner_text()
    page.screenshot(path=str(artifacts / "foi-submitted.png"), full_page=True)
    return code


def _step(page, step: str, fill: dict[str, str], button: str) -> None:
    section = page.locator(f"#step-{step}")
    for label, value in fill.items():
        field = section.get_by_label(label)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    section.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_it_takes_a_request_from_the_form_to_the_reply(
    page, staff, settings, tmp_path, artifacts, live_server, unit_a, clerk_a, reviewer_a,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_FOI_TODAY = "2026-09-28"
    code = _file_request(page, tmp_path, artifacts)
    display = f"{code[:4]}-{code[4:8]}-{code[8:]}"

    clerk = staff(clerk_a)
    settings.GONGKAI_FOI_TODAY = "2026-09-29"
    clerk.goto(live_server.url + "/console/foi/")
    assert "2026-10-30" in clerk.locator("table.foi-queue").inner_text()
    clerk.get_by_role("link", name=display).click()
    assert "收到 2026-09-28（当天不计入）→ 第20个工作日 2026-10-30，其中跳过国庆节假期" in clerk.locator("main").inner_text()
    _step(clerk, "amend", {"需要补正的内容": "请写明所需“三公”经费明细的预算年度。"}, "告知补正并生成补正告知书")
    assert "已告知补正" in clerk.locator(".messages").inner_text()
    assert "待补正" in clerk.locator("[data-field=status]").inner_text()

    settings.GONGKAI_FOI_TODAY = "2026-10-12"  # the amended request arrives; the clerk records it
    clerk.reload()
    _step(clerk, "amended", {"补正的内容": "2025年度部门预算。"}, "登记补正")
    assert clerk.locator("[data-field=due_on]").inner_text() == "2026-11-09"

    settings.GONGKAI_FOI_TODAY = "2026-11-02"
    clerk.reload()
    _step(clerk, "extend", {"延长的工作日数": "15", "延期理由": "所需信息涉及多个科室，需要汇总核对"}, "提交延期申请")
    assert "延期申请已提交" in clerk.locator(".messages").inner_text()

    reviewer = staff(reviewer_a)
    reviewer.goto(clerk.url)
    assert "待审批" in reviewer.locator("#steps").inner_text()
    _step(reviewer, "decide_extension", {"审批意见": "approve"}, "提交审批意见")
    assert reviewer.locator("[data-field=due_on]").inner_text() == "2026-11-30"
    reviewer.screenshot(path=str(artifacts / "foi-extension-approved.png"), full_page=True)

    settings.GONGKAI_FOI_TODAY = "2026-11-20"
    clerk.reload()
    _step(clerk, "reply", {"办理结果": "partial", "答复内容": "现提供2025年度“三公”经费汇总表；明细中涉及个人信息的部分不予公开。"},
          "答复并生成答复书")
    assert "已答复" in clerk.locator("[data-field=status]").inner_text()
    assert "示财依复〔2026〕3号" in clerk.locator("main").inner_text()
    clerk.screenshot(path=str(artifacts / "foi-console-replied.png"), full_page=True)

    page.goto(live_server.url + "/foi/track/")
    page.get_by_label("查询码").fill(display)
    page.get_by_role("button", name="查询").click()
    summary = page.locator(".foi-summary")
    assert "已答复" in summary.locator("[data-field=status]").inner_text()
    assert summary.locator("[data-field=received_on]").inner_text() == "2026-09-28"
    assert summary.locator("[data-field=due_on]").inner_text() == "2026-11-30"
    assert summary.locator("[data-field=replied_on]").inner_text() == "2026-11-20"
    assert summary.locator("[data-field=outcome]").inner_text() == "部分公开"
    steps = page.locator(".clock-steps").inner_text()
    assert "收到补正后的申请 2026-10-12（当天不计入，重新起算）→ 第20个工作日 2026-11-09" in steps
    assert "原答复期限 2026-11-09（当天不计入）→ 延长的第15个工作日 2026-11-30" in steps
    history = page.locator("main").inner_text()
    for line in ["2026-09-29\t告知补正", "2026-10-12\t收到补正", "2026-11-02\t批准延期", "2026-11-20\t答复"]:
        assert line in history, line
    assert CITIZEN_ID not in history and CITIZEN_PHONE not in history
    page.screenshot(path=str(artifacts / "foi-tracking.png"), full_page=True)
    letters = page.locator("ul.letters").inner_text()
    assert "补正告知书" in letters and "延期答复告知书" in letters and "答复书" in letters
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 答复书").click()
    reply = Document(str(download.value.path()))
    text = "\n".join(paragraph.text for paragraph in reply.paragraphs)
    assert "示财依复〔2026〕3号" in text and "办理结果：部分公开" in text and "第三十七条" in text
    assert "60日内依法申请行政复议" in text
