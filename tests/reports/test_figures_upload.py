"""§二's entered figures from an uploaded sheet: a sheet for many units (the office) or the unit's
own; every figure saved with who entered it; a sheet with any bad row is refused whole, each row
named with its reason."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from gongkai.reports import services
from gongkai.reports.models import ProactiveFigure
from gongkai.rules.annualreport.figures import parse_figures

HEADER = ["单位名称", "信息内容", "数值"]


def sheet(*rows, header=HEADER) -> bytes:
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_rules_of_a_row():
    rows, problems = parse_figures([
        HEADER, ["示范市财政局", "行政许可", 120], ["示范市财政局", "行政事业性收费", "12.3456"],
        ["示范市财政局", "行政处罚", ""], ["", "", ""],
    ])  # fmt: skip
    assert problems == [] and [(r.line, r.row, r.value) for r in rows] == [
        (2, "行政许可", Decimal(120)), (3, "行政事业性收费", Decimal("12.3456")),
    ]  # fmt: skip
    _, problems = parse_figures([
        HEADER, ["示范市财政局", "行政许可", -1], ["示范市财政局", "行政处罚", 2.5], ["示范市财政局", "政府采购", 3],
        ["示范市财政局", "行政事业性收费", "1.23456"], ["示范市财政局", "行政许可", 4], ["", "行政强制", 1],
        ["示范市财政局", "行政强制", "十二"],
    ])  # fmt: skip
    assert problems == [
        "第 2 行：数值 -1 不能为负数。",
        "第 3 行：行政处罚的数值应为整数（件），而不是 2.5。",
        "第 4 行：信息内容“政府采购”应为行政许可、行政处罚、行政强制、行政事业性收费之一。",
        "第 5 行：行政事业性收费的金额以万元为单位，最多保留四位小数，而不是 1.23456。",
        "第 7 行：未填写单位名称。",
        "第 8 行：数值“十二”不是数字。",
    ]
    assert parse_figures([["单位", "项目", "值"]]) == ([], ["第 1 行：表头应为“单位名称、信息内容、数值”（可先下载模板）。"])
    assert parse_figures([HEADER, ["甲", "行政许可", 1], ["甲", "行政许可", 2]])[1] == ["第 3 行：甲的“行政许可”与第 2 行重复。"]


@pytest.mark.django_db
def test_the_office_imports_a_sheet_for_several_units(login, office_admin, unit_a, unit_b, freeze):
    freeze(date(2027, 1, 10))
    content = sheet(("示范市财政局", "行政许可", 120), ("示范市教育局", "行政处罚", 3), ("示范市教育局", "行政事业性收费", 1.5))
    client = login(office_admin)
    page = client.post("/console/reports/figures/", {"year": "2026", "file": _file(content)}, follow=True).content.decode()
    assert "已导入2026年度填报数据 3 项" in page
    saved = {(f.unit.name, f.row): (f.value, f.entered_by) for f in ProactiveFigure.objects.select_related("unit")}
    assert saved == {
        ("示范市财政局", "行政许可"): (Decimal(120), office_admin), ("示范市教育局", "行政处罚"): (Decimal(3), office_admin),
        ("示范市教育局", "行政事业性收费"): (Decimal("1.5"), office_admin),
    }  # fmt: skip
    report = client.get(f"/console/reports/{unit_b.pk}/2026/").content.decode()
    assert f"填报：行政处罚 3（{office_admin}，" in report


@pytest.mark.django_db
def test_a_bad_sheet_is_refused_whole_with_each_row_and_reason(login, office_admin, clerk_a, unit_a, unit_b, freeze):
    freeze(date(2027, 1, 10))
    content = sheet(("示范市财政局", "行政许可", 120), ("示范市财政局", "行政处罚", -2), ("示范市税务局", "行政许可", 1))
    response = login(office_admin).post("/console/reports/figures/", {"year": "2026", "file": _file(content)})
    assert response.status_code == 400 and "第 3 行：数值 -2 不能为负数。" in response.content.decode()
    content = sheet(("示范市财政局", "行政许可", 120), ("示范市税务局", "行政许可", 1))
    page = login(office_admin).post("/console/reports/figures/", {"year": "2026", "file": _file(content)}).content.decode()
    assert "第 3 行：没有名为“示范市税务局”的单位。" in page
    content = sheet(("示范市财政局", "行政许可", 120), ("示范市教育局", "行政许可", 1))
    page = login(clerk_a).post("/console/reports/figures/", {"year": "2026", "file": _file(content)}).content.decode()
    assert "第 3 行：无权填报示范市教育局的数据（只能填报本单位）。" in page
    not_a_sheet = login(clerk_a).post("/console/reports/figures/", {"year": "2026", "file": _file(b"PK\x03\x04junk")})
    assert "不是有效的 Excel" in not_a_sheet.content.decode()
    assert not ProactiveFigure.objects.exists()


@pytest.mark.django_db
def test_a_submitted_reports_figures_are_refused(login, clerk_a, unit_a, freeze):
    freeze(date(2027, 1, 10))
    report = services.open_report(unit_a, 2026, actor=clerk_a)
    services.save_texts(report, overview="总体情况。", problems="问题。", actor=clerk_a)
    services.submit_report(report, actor=clerk_a)
    page = login(clerk_a).post("/console/reports/figures/", {"year": "2026", "file": _file(sheet(("示范市财政局", "行政许可", 1)))})
    assert "第 2 行：示范市财政局的2026年度报告已报送，不能再修改填报数据。" in page.content.decode()
    assert not ProactiveFigure.objects.exists()


@pytest.mark.django_db
def test_the_template_lists_the_users_own_unit(login, clerk_a, unit_a):
    response = login(clerk_a).get("/console/reports/figures/template.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER) and rows[1:] == [
        ("示范市财政局", row, None) for row in ("行政许可", "行政处罚", "行政强制", "行政事业性收费")
    ]


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("填报表.xlsx", content)
