"""§三 and §四 counted from a fixture year walked through the real services (DOMAIN.md 2.4–2.6):
requests of every applicant kind and every outcome, one carried in from the year before and two
carried out, a 补正 abandoned, a fee left unpaid, a 区分处理 (部分公开) reply, reviews and
lawsuits (the fixture ``year``, in conftest). Every cell is compared with the count written by
hand below."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.records.models import Record, RecordKind, RecordStatus
from gongkai.reports.counting import (
    FeeSummary,
    body_units,
    compute_tables,
    fee_summary,
    requests_in_cell,
)
from gongkai.rules.annualreport import ReportTemplate, check_report

pytestmark = pytest.mark.django_db

# 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — counted by hand from the
# fixture: 19 replies in March (kinds round-robin), the 补正 abandoned (科研机构), the unpaid fee
# (法律服务机构), two requests received in December and open on 31 December (自然人 and
# 社会公益组织), and the 商业企业 request carried in from December 2025.
EXPECTED_2026 = {
    "一": [5, 3, 4, 4, 4, 3, 23],
    "二": [0, 1, 0, 0, 0, 0, 1],
    "三(一)": [1, 1, 0, 0, 0, 0, 2],
    "三(二)": [0, 1, 0, 0, 0, 0, 1],
    "三(三)1": [0, 0, 1, 0, 0, 0, 1],
    "三(三)2": [0, 0, 0, 1, 0, 0, 1],
    "三(三)3": [0, 0, 0, 0, 1, 0, 1],
    "三(三)4": [0, 0, 0, 0, 0, 1, 1],
    "三(三)5": [1, 0, 0, 0, 0, 0, 1],
    "三(三)6": [0, 1, 0, 0, 0, 0, 1],
    "三(三)7": [0, 0, 1, 0, 0, 0, 1],
    "三(三)8": [0, 0, 0, 1, 0, 0, 1],
    "三(四)1": [0, 0, 0, 0, 1, 0, 1],
    "三(四)2": [0, 0, 0, 0, 0, 1, 1],
    "三(四)3": [1, 0, 0, 0, 0, 0, 1],
    "三(五)1": [0, 1, 0, 0, 0, 0, 1],
    "三(五)2": [0, 0, 1, 0, 0, 0, 1],
    "三(五)3": [0, 0, 0, 1, 0, 0, 1],
    "三(五)4": [0, 0, 0, 0, 1, 0, 1],
    "三(五)5": [0, 0, 0, 0, 0, 1, 1],
    "三(六)1": [0, 0, 1, 0, 0, 0, 1],
    "三(六)2": [0, 0, 0, 0, 1, 0, 1],
    "三(六)3": [1, 0, 0, 0, 0, 0, 1],
    "三(七)": [4, 4, 4, 3, 4, 3, 22],
    "四": [1, 0, 0, 1, 0, 0, 2],
}
# 复议: 1 维持 (decided May), 1 尚未审结 (filed November); 直接起诉: 1 纠正, 1 filed in December and
# decided in 2027 (尚未审结 on 31 December); 复议后起诉: 1 filed in 2025 and decided in 2026 (其他).
# Not counted: a suit decided in 2025, and one where the unit is only the 复议机关 co-defendant.
EXPECTED_REVIEWS_2026 = [1, 0, 0, 1, 2, 0, 1, 0, 1, 2, 0, 0, 1, 0, 1]


def test_every_cell_of_the_2026_report_equals_the_count_by_hand(year, unit_a):
    tables = compute_tables(unit_a, 2026)
    assert tables.applications == EXPECTED_2026
    assert list(tables.reviews) == EXPECTED_REVIEWS_2026
    assert check_report(tables).clean


def test_last_years_carried_forward_row_is_this_years_carried_over_row(year, unit_a):
    last_year = compute_tables(unit_a, 2025)
    assert last_year.applications["四"] == [0, 1, 0, 0, 0, 0, 1]
    assert check_report(compute_tables(unit_a, 2026), previous=last_year).clean


def test_the_2019_format_counts_the_three_other_outcomes_in_one_row(year, unit_a):
    tables = compute_tables(unit_a, 2026, version=ReportTemplate.TRIAL_2019)
    assert tables.applications["三(六)"] == [1, 0, 1, 0, 1, 0, 3]
    assert "三(六)1" not in tables.applications
    assert check_report(tables).clean


def test_the_governments_report_adds_up_every_unit_under_it(year, city):
    tables = compute_tables(city, 2026, whole=True)
    assert tables.applications["一"] == [6, 3, 4, 4, 4, 3, 24]
    assert tables.applications["三(一)"] == [2, 1, 0, 0, 0, 0, 3]
    assert list(tables.reviews) == EXPECTED_REVIEWS_2026
    assert check_report(tables).clean
    assert compute_tables(city, 2026).applications["一"] == [0] * 7  # the city's own requests


def test_a_cell_lists_the_requests_it_counts(year, unit_a):
    units = [unit_a.pk]
    assert list(requests_in_cell(units, 2026, "三(六)1", "research")) == [year["not_amended"]]
    assert list(requests_in_cell(units, 2026, "三(六)2")) == [year["fee_unpaid"]]
    assert list(requests_in_cell(units, 2026, "二", "business")) == [year["carried_in"]]
    assert requests_in_cell(units, 2026, "四").count() == 2
    for row, cells in EXPECTED_2026.items():
        assert requests_in_cell(units, 2026, row).count() == cells[-1], row


def test_each_request_is_counted_once_in_one_outcome_row(year, unit_a, city):
    from gongkai.rules.annualreport import FORMAT_2021

    for units in ([unit_a.pk], body_units(city, whole=True)):
        closed = list(requests_in_cell(units, 2026, "三(七)").values_list("pk", flat=True))
        counted = [pk for key in FORMAT_2021.outcome_keys for pk in requests_in_cell(units, 2026, key).values_list("pk", flat=True)]
        assert len(closed) == len(set(closed)) and sorted(counted) == sorted(closed)
        for row in ("一", "二", "四"):
            listed = list(requests_in_cell(units, 2026, row).values_list("pk", flat=True))
            assert len(listed) == len(set(listed)), row


def test_it_counts_in_a_fixed_number_of_queries(year, unit_a, city, django_assert_num_queries):
    with django_assert_num_queries(4):  # §二(一), the entered §二 figures, §三 and §四: one query each
        compute_tables(unit_a, 2026)
    with django_assert_num_queries(5):  # and the units under the government
        compute_tables(city, 2026, whole=True)


def test_the_normative_documents_fill_the_first_proactive_table(unit_a, unit_b, city):
    def document(unit, kind, written_on, repealed_on=None):
        Record.objects.create(
            unit=unit, kind=kind, title=f"{unit.name}{written_on}文件", publisher=unit.name,
            status=RecordStatus.PUBLISHED, written_on=written_on, repealed_on=repealed_on,
        )  # fmt: skip

    document(unit_a, RecordKind.NORMATIVE, date(2024, 3, 1))  # in force
    document(unit_a, RecordKind.NORMATIVE, date(2024, 5, 1), repealed_on=date(2026, 6, 30))
    document(unit_a, RecordKind.NORMATIVE, date(2026, 2, 1))
    document(unit_a, RecordKind.REGULATION, date(2026, 8, 1))
    document(unit_b, RecordKind.NORMATIVE, date(2026, 9, 1))
    tables = compute_tables(unit_a, 2026)
    assert tables.proactive == {
        "规章": {"制发": 1, "废止": 0, "现行有效": 1},
        "行政规范性文件": {"制发": 1, "废止": 1, "现行有效": 2},
    }
    assert check_report(tables, previous=compute_tables(unit_a, 2025)).warnings == ()  # D6 holds
    assert compute_tables(city, 2026, whole=True).proactive["行政规范性文件"]["制发"] == 2
    assert compute_tables(unit_a, 2026, version=ReportTemplate.TRIAL_2019).proactive == {}


def test_the_fee_notices_and_payments_of_the_year_make_section_six(year, unit_a, unit_b, clerk_b, freeze):
    from gongkai.foi import services
    from tests.foi.conftest import citizen_details

    # The fixture's one notice (40 pages: 30 free, then 10 × 10 元, 109号 第五条), never paid.
    assert fee_summary([unit_a.pk], 2026) == FeeSummary(notices=1, notice_amount=100, paid=0, paid_amount=0)
    freeze(date(2026, 9, 7))
    paying = services.submit_request(citizen_details(description="第800项信息"), unit=unit_b)
    freeze(date(2026, 9, 8))
    services.issue_fee_notice(paying, method="per_page", pages=120, actor=clerk_b)  # 700 + 400 元
    freeze(date(2026, 9, 15))
    services.record_payment(paying, actor=clerk_b)
    summary = fee_summary([unit_b.pk], 2026)
    assert summary == FeeSummary(notices=1, notice_amount=1100, paid=1, paid_amount=1100)
    assert summary.text == (
        "本年度依据《政府信息公开信息处理费管理办法》发出收费通知1件，金额1100元；实际收取信息处理费1件，金额1100元。"
    )
    assert fee_summary([unit_b.pk], 2025).text == "本年度未发出信息处理费收费通知，未收取信息处理费。"


def test_the_draft_of_section_one_states_the_years_numbers(year, unit_a, clerk_a, freeze):
    from gongkai.reports import services as report_services

    freeze(date(2027, 1, 10))
    report = report_services.open_report(unit_a, 2026, actor=clerk_a)
    assert report.overview.split("\n")[2:] == [
        "依申请公开方面，本年度新收政府信息公开申请23件，上年结转1件，办结22件，结转下年度继续办理2件；"
        "因政府信息公开被申请行政复议2件，被提起行政诉讼3件。",
        "重点工作方面，本年度完成政务公开工作任务0项。",
    ]
    assert report.overview.startswith("主动公开方面，本年度主动公开政府信息0条，均在规定时限内发布；制发行政规范性文件0件")
