"""The annual report in the console: the unit's staff and the office see the computed tables, each
figure linked to the requests it counts, the rules checked; the .docx reads back clean through
``gongkai report check``'s reader. Another unit's clerk gets 404 everywhere."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from gongkai.reports.checkfile import check_file, read_content
from gongkai.rules.annualreport.reading import normalise

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_2027(year, freeze):
    freeze(date(2027, 1, 20))
    return year


def test_the_units_clerk_sees_the_report_with_every_figure_linked(login, clerk_a, unit_a, in_2027):
    page = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/").content.decode()
    assert "示范市财政局2026年政府信息公开工作年度报告" in page
    assert "各项数据勾稽关系一致" in page
    assert f'<a href="/console/reports/{unit_a.pk}/2026/cells/%E4%B8%80/natural_person/">5</a>' in page
    assert f'href="/console/reports/{unit_a.pk}/2026/cells/%E4%B8%89%28%E5%85%AD%291/research/"' in page
    assert 'rowspan="2" colspan="3"' in page  # the merged top-left note, as in the template
    assert "发出收费通知1件，金额100元" in page  # §六
    # 2027年1月31日 is a Sunday (条例第四十九条: departments by 31 January)
    assert "发布期限：应于2027年1月31日前发布；该日是休息日，请在此前最后一个工作日2027年1月29日前完成发布。" in page


def test_the_government_and_a_jurisdictions_earlier_date(login, office_admin, city, unit_a, in_2027, settings):
    client = login(office_admin)
    assert "应于2027年3月31日前发布。" in client.get(f"/console/reports/{city.pk}/2026/?whole=1").content.decode()
    settings.GONGKAI_ANNUAL_REPORT_DEADLINES = "department=01-26"
    assert "应于2027年1月26日前发布。" in client.get(f"/console/reports/{unit_a.pk}/2026/").content.decode()


def test_a_figure_opens_the_list_of_requests_it_counts(login, clerk_a, unit_a, in_2027):
    page = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/cells/三(六)1/research/").content.decode()
    assert "共 1 件" in page and "第200项信息" in page
    page = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/cells/四/总计/").content.decode()
    assert "共 2 件" in page and "第400项信息" in page and "第500项信息" in page


def test_the_office_sees_the_government_as_a_whole(login, office_admin, city, in_2027):
    client = login(office_admin)
    page = client.get(f"/console/reports/{city.pk}/2026/?whole=1").content.decode()
    assert "（含下属单位）" in page
    assert f'<a href="/console/reports/{city.pk}/2026/cells/%E4%B8%80/%E6%80%BB%E8%AE%A1/?whole=1">24</a>' in page
    page = client.get(f"/console/reports/{city.pk}/2026/cells/一/总计/?whole=1").content.decode()
    assert "共 24 件" in page and "示范市教育局" in page
    assert "示范市财政局" in client.get("/console/reports/").content.decode()


def test_the_docx_is_laid_out_as_the_template_and_checks_clean(login, clerk_a, unit_a, in_2027):
    response = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/report.docx")
    assert response.status_code == 200
    content = response.content
    table = Document(io.BytesIO(content)).tables[1]  # §三
    assert normalise(table.cell(2, 0).text) == "一、本年新收政府信息公开申请数量"
    assert [table.cell(2, c).text for c in range(3, 10)] == ["5", "3", "4", "4", "4", "3", "23"]
    assert table.cell(4, 0)._tc is table.cell(25, 0)._tc  # 三、本年度办理结果 merged down to 三(七)
    assert table.cell(26, 0).text == "四、结转下年度继续办理"
    paragraphs = [paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs]
    assert "本年度依据《政府信息公开信息处理费管理办法》发出收费通知1件，金额100元；实际收取信息处理费0件，金额0元。" in paragraphs
    report = read_content("年报.docx", content)
    checked = check_file(report)
    assert checked.clean and (report.year, report.body) == (2026, "示范市财政局")
    assert checked.output["tables"]["applications"]["rows"]["三(七)"] == [4, 4, 4, 3, 4, 3, 22]
    assert checked.output["tables"]["reviews"] == [1, 0, 0, 1, 2, 0, 1, 0, 1, 2, 0, 0, 1, 0, 1]


def test_the_docx_with_one_cell_changed_names_that_cell_and_its_rule(login, clerk_a, unit_a, in_2027):
    content = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/report.docx").content
    document = Document(io.BytesIO(content))
    document.tables[1].cell(5, 4).paragraphs[0].runs[0].text = "2"  # 三(二)·商业企业: 1 → 2
    buffer = io.BytesIO()
    document.save(buffer)
    violations = check_file(read_content("年报.docx", buffer.getvalue())).output["violations"]
    assert {(v["rule"], v["cell"]) for v in violations} == {("D1", "三(二)"), ("D2", "商业企业")}


def test_the_xlsx_holds_the_tables_as_numbers_and_checks_clean(login, clerk_a, unit_a, in_2027):
    response = login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/report.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["主动公开", "依申请公开", "复议诉讼"]
    sheet = book["依申请公开"]
    assert [sheet.cell(5, c).value for c in range(4, 11)] == [5, 3, 4, 4, 4, 3, 23]  # 一
    assert "A3:C4" in {str(merged) for merged in sheet.merged_cells.ranges}  # the note
    checked = check_file(read_content("年报.xlsx", response.content))
    assert checked.clean and checked.output["tables"]["reviews"][4] == 2


@pytest.mark.parametrize("who", ["clerk_b", "evaluator"])
def test_another_unit_gets_404_everywhere(request, login, unit_a, in_2027, who):
    client = login(request.getfixturevalue(who))
    for url in [
        f"/console/reports/{unit_a.pk}/2026/",
        f"/console/reports/{unit_a.pk}/2026/cells/一/总计/",
        f"/console/reports/{unit_a.pk}/2026/report.docx",
        f"/console/reports/{unit_a.pk}/2026/report.xlsx",
    ]:
        assert client.get(url).status_code == 404, url
    assert "示范市财政局" not in client.get("/console/reports/").content.decode()


def test_it_asks_for_a_login_and_refuses_a_year_not_yet_begun(client, login, clerk_a, unit_a, in_2027):
    assert client.get(f"/console/reports/{unit_a.pk}/2026/").status_code == 302
    assert login(clerk_a).get(f"/console/reports/{unit_a.pk}/2028/").status_code == 404
    assert login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/cells/一/somebody/").status_code == 404
    assert login(clerk_a).get(f"/console/reports/{unit_a.pk}/2026/cells/九/总计/").status_code == 404
