"""The annual report from the unit's draft to the portal, in a real browser (issue 16).

示范市财政局 received three requests in 2026 (two from citizens, one from a company) and answered
them; one more, from a citizen, is still open on 31 December. On 10 January 2027 its clerk opens
the draft, follows the figure 一·总计 (4) to the four requests it counts, writes §五 and submits;
the office returns it once with a comment, the clerk adds to §一 and submits again, the office
accepts and publishes it. The portal's 年度报告 link lists it; its page draws the tables; the
.docx downloaded from it opens in python-docx with §三's cells where the template puts them.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from gongkai.foi import services as foi
from gongkai.records.catalog import apply_default_columns
from gongkai.reports.models import AnnualReport, ReportState
from tests.browser.conftest import check_accessibility
from tests.foi.conftest import citizen_details
from tests.reports.conftest import details

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def year_2026(unit_a, clerk_a, office_admin, freeze, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    from gongkai.rules.foioutcomes import ApplicantKind

    def file(applicant, on, text):
        freeze(on)
        return foi.register_request(
            {**applicant, "description": text}, unit=unit_a, channel="in_person", arrived_on=on, actor=clerk_a
        )

    def answer(request, outcome, on):
        freeze(on)
        foi.reply(request, outcome=outcome, text="答复如下。", actor=clerk_a)

    answer(file(citizen_details(), date(2026, 3, 2), "示范市本级“三公”经费明细"), "disclosed", date(2026, 3, 16))
    answer(file(details(ApplicantKind.BUSINESS, 1), date(2026, 5, 11), "政府采购合同"), "partial", date(2026, 5, 25))
    answer(file(citizen_details(), date(2026, 9, 7), "预算讨论记录"), "withheld.process_information", date(2026, 9, 18))
    file(citizen_details(), date(2026, 12, 21), "年底收到的申请")
    apply_default_columns(unit_a, actor=office_admin)
    freeze(date(2027, 1, 10))


def test_a_unit_writes_submits_is_returned_once_and_the_report_reaches_the_portal(
    staff, year_2026, clerk_a, office_admin, unit_a, artifacts
):
    clerk = staff(clerk_a)
    clerk.get_by_role("link", name="年度报告").first.click()
    clerk.get_by_role("link", name="查看").first.click()  # the unit's 2026 report
    clerk.get_by_role("button", name="开始编写本年度报告").click()
    assert "本年度新收政府信息公开申请4件" in clerk.get_by_label("一、总体情况").input_value()  # the draft §一

    # 一、本年新收 · 总计 says 4: which four?
    clerk.locator("table.report-table").nth(1).get_by_role("link", name="4", exact=True).first.click()
    listing = clerk.locator("main").inner_text()
    assert "共 4 件" in listing and "政府采购合同" in listing and "年底收到的申请" in listing
    clerk.get_by_role("link", name="返回报告").click()

    clerk.get_by_label("五、存在的主要问题及改进情况").fill("政策解读形式比较单一，下一步增加图解。")
    clerk.get_by_role("button", name="保存", exact=True).click()
    clerk.get_by_role("button", name="报送公开办").click()
    assert "已报送公开办" in clerk.locator("main").inner_text()
    check_accessibility(clerk, "annual-report-submitted", artifacts)

    office = staff(office_admin)
    office.goto(clerk.url)
    office.get_by_label("退回意见").fill("请在总体情况中补充政策解读的情况。")
    office.get_by_role("button", name="退回修改").click()
    assert AnnualReport.objects.get().state == ReportState.RETURNED

    clerk.reload()
    assert "公开办意见：请在总体情况中补充政策解读的情况。" in clerk.locator("main").inner_text()
    overview = clerk.get_by_label("一、总体情况")
    overview.fill(overview.input_value() + "\n本年度发布政策解读6篇。")
    clerk.get_by_role("button", name="保存", exact=True).click()
    clerk.get_by_role("button", name="报送公开办").click()

    office.reload()
    office.get_by_role("button", name="审核通过").click()
    office.get_by_role("button", name="发布到“政府信息公开年报”栏目").click()
    assert "已发布，索引号" in office.locator("main").inner_text()
    assert [event.step for event in AnnualReport.objects.get().events.all()] == [
        "open", "save", "submit", "return", "save", "submit", "accept", "publish",
    ]  # fmt: skip

    # The public: the portal's 年度报告 link, the year's list, the report's page.
    page = staff()
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="年度报告").click()
    page.get_by_role("link", name="示范市财政局2026年政府信息公开工作年度报告").click()
    text = page.locator("main").inner_text()
    assert "本年度发布政策解读6篇" in text and "政策解读形式比较单一" in text
    assert page.locator("svg.report-chart").count() == 2  # by applicant kind, by outcome
    page.screenshot(path=str(artifacts / "annual-report-portal.png"), full_page=True)
    check_accessibility(page, "annual-report-portal", artifacts)

    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Word 文档").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    table = next(t for t in document.tables if t.cell(2, 0).text == "一、本年新收政府信息公开申请数量")
    cells = lambda r: [table.cell(r, c).text for c in range(3, 10)]  # noqa: E731
    assert table.cell(0, 4).text == "法人或其他组织" and table.cell(1, 4).text == "商业企业"
    assert cells(2) == ["3", "1", "0", "0", "0", "0", "4"]  # 一、本年新收
    assert cells(4) == ["1", "0", "0", "0", "0", "0", "1"]  # 三(一) 予以公开
    assert cells(5) == ["0", "1", "0", "0", "0", "0", "1"]  # 三(二) 部分公开
    last = len(table.rows) - 1
    assert table.cell(last, 0).text == "四、结转下年度继续办理" and cells(last) == ["1", "0", "0", "0", "0", "0", "1"]


def test_on_a_phone_the_tables_scroll_inside_the_page(browser, live_server, year_2026, clerk_a, office_admin, unit_a):
    from gongkai.reports import services

    report = services.open_report(unit_a, 2026, actor=clerk_a)
    services.save_texts(report, overview="总体情况。", problems="存在的问题。", actor=clerk_a)
    services.submit_report(report, actor=clerk_a)
    services.accept_report(report, actor=office_admin)
    version = services.publish_report(report, actor=office_admin).latest_version()
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/xxgk/nianbao/versions/{version.pk}/")
    body_width = phone.evaluate("document.documentElement.scrollWidth")
    assert body_width <= 375 + 1  # the page itself does not scroll sideways
    scroller = phone.locator(".report-scroll").nth(1)
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")  # §三 scrolls inside its box
    context.close()
