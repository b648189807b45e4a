"""The §二 figures the platform does not hold (行政许可、行政处罚、行政强制 decisions, 行政事业性收费
in 万元): entered by the unit, shown with who entered them, added up for the government, frozen
once the report is submitted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.reports import services
from gongkai.reports.counting import compute_tables
from gongkai.reports.models import ProactiveFigure
from gongkai.rules.annualreport import check_report

pytestmark = pytest.mark.django_db

FIGURES = {"permits": "120", "penalties": "45", "enforcement": "", "fees": "1.25"}


@pytest.fixture
def today(freeze):
    return freeze(date(2027, 1, 10))


def test_the_clerk_enters_the_figures_and_they_fill_the_table(login, clerk_a, unit_a, today):
    base = f"/console/reports/{unit_a.pk}/2026/"
    page = login(clerk_a).post(base + "steps/figures/", {"whole": "0", **FIGURES}, follow=True).content.decode()
    assert "已保存填报数据" in page and "填报：行政许可 120（财政局李经办，" in page
    proactive = compute_tables(unit_a, 2026).proactive
    assert proactive["行政许可"] == {"处理决定数量": 120} and proactive["行政处罚"] == {"处理决定数量": 45}
    assert "行政强制" not in proactive  # left blank: printed blank
    assert proactive["行政事业性收费"] == {"收费金额": 1.25}
    assert check_report(compute_tables(unit_a, 2026)).clean


def test_the_government_adds_up_its_units_figures(unit_a, unit_b, city, clerk_a, clerk_b):
    services.enter_figures(unit_a, 2026, {"行政许可": Decimal(120)}, actor=clerk_a)
    services.enter_figures(unit_b, 2026, {"行政许可": Decimal(30), "行政事业性收费": Decimal("0.5")}, actor=clerk_b)
    proactive = compute_tables(city, 2026, whole=True).proactive
    assert proactive["行政许可"] == {"处理决定数量": 150} and proactive["行政事业性收费"] == {"收费金额": 0.5}


def test_a_negative_or_fractional_count_is_refused_and_nothing_saved(login, clerk_a, unit_a, today):
    base = f"/console/reports/{unit_a.pk}/2026/"
    page = login(clerk_a).post(base + "steps/figures/", {"whole": "0", **FIGURES, "penalties": "-1"}, follow=True)
    assert "大于或等于" in page.content.decode()  # Django's min_value message, in Chinese
    with pytest.raises(ValidationError, match="行政处罚应为非负整数"):
        services.enter_figures(unit_a, 2026, {"行政处罚": Decimal("1.5")}, actor=clerk_a)
    assert not ProactiveFigure.objects.exists()


def test_the_figures_are_frozen_once_the_report_is_submitted(clerk_a, unit_a, today):
    report = services.open_report(unit_a, 2026, actor=clerk_a)
    services.save_texts(report, overview="总体情况。", problems="存在问题。", actor=clerk_a)
    services.enter_figures(unit_a, 2026, {"行政许可": Decimal(120)}, actor=clerk_a)
    services.submit_report(report, actor=clerk_a)
    report.refresh_from_db()
    assert report.tables["proactive"]["行政许可"] == 120
    with pytest.raises(ValidationError, match="2026年度报告已报送公开办，不能再修改填报数据"):
        services.enter_figures(unit_a, 2026, {"行政许可": Decimal(121)}, actor=clerk_a)


def test_only_the_units_clerk_or_the_office_enters_figures(login, unit_a, clerk_b, reviewer_a, office_admin, today):
    base = f"/console/reports/{unit_a.pk}/2026/"
    assert login(clerk_b).post(base + "steps/figures/", {"whole": "0", **FIGURES}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.enter_figures(unit_a, 2026, {"行政许可": Decimal(1)}, actor=reviewer_a)
    assert not ProactiveFigure.objects.exists()
    services.enter_figures(unit_a, 2026, {"行政许可": Decimal(1)}, actor=office_admin)
    assert ProactiveFigure.objects.get().entered_by == office_admin
