"""§三 and §四 counted from a fixture year walked through the real services (DOMAIN.md 2.4–2.6):
requests of every applicant kind and every outcome, one carried in from the year before and two
carried out, a 补正 abandoned, a fee left unpaid, a 区分处理 (部分公开) reply, reviews and
lawsuits. Every cell is compared with the count written by hand below."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.foi import services
from gongkai.foi.clock import request_clock
from gongkai.reports import services as report_services
from gongkai.reports.counting import compute_tables, requests_in_cell
from gongkai.rules.annualreport import ReportTemplate, check_report
from gongkai.rules.foioutcomes import ApplicantKind, Outcome
from tests.foi.conftest import citizen_details

pytestmark = pytest.mark.django_db

KINDS = list(ApplicantKind)
# Every outcome a reply can give (视为放弃 comes only from the clock), the i-th from KINDS[i % 6].
REPLIED = [o for o in Outcome if o not in (Outcome.OTHER_NOT_AMENDED, Outcome.OTHER_FEE_UNPAID)]

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


def details(kind: ApplicantKind, n: int) -> dict[str, object]:
    if kind is ApplicantKind.NATURAL_PERSON:
        return citizen_details(description=f"第{n}项信息")
    return citizen_details(
        applicant_kind=kind.value, applicant_name=f"示范市第{n}机构", id_type="", id_number="",
        organisation_code="", legal_representative="罗建国", contact_person="罗小姐",
        description=f"第{n}项信息",
    )  # fmt: skip


@pytest.fixture
def year(unit_a, unit_b, clerk_a, clerk_b, freeze):
    """The fixture year 2026 of 示范市财政局 (unit_a), and one request of 示范市教育局 (unit_b)."""

    def file(kind, on, unit=unit_a, clerk=clerk_a, n=0, **receipt):
        freeze(on)
        return services.register_request(
            details(kind, n), unit=unit, channel=receipt.pop("channel", "in_person"),
            arrived_on=on, actor=clerk, **receipt,
        )  # fmt: skip

    def answer(request, outcome, on, clerk=clerk_a):
        freeze(on)
        services.reply(request, outcome=outcome, text="答复如下。", actor=clerk)

    # Closed in 2025: in no cell of 2026.
    answer(file(ApplicantKind.NATURAL_PERSON, date(2025, 11, 3)), Outcome.DISCLOSED, date(2025, 11, 20))
    carried_in = file(ApplicantKind.BUSINESS, date(2025, 12, 22), n=100)
    answer(carried_in, Outcome.DISCLOSED, date(2026, 1, 12))
    replied = [file(KINDS[i % 6], date(2026, 3, 2), n=i) for i in range(len(REPLIED))]
    for request, outcome in zip(replied, REPLIED, strict=True):
        answer(request, outcome, date(2026, 3, 9))

    not_amended = file(ApplicantKind.RESEARCH, date(2026, 5, 11), n=200)
    freeze(date(2026, 5, 12))
    services.request_amendment(not_amended, what="请写明年度", reply_by=date(2026, 5, 26), actor=clerk_a)
    _abandon(not_amended, freeze, clerk_a)

    fee_unpaid = file(ApplicantKind.LEGAL_SERVICE, date(2026, 6, 1), n=300)
    freeze(date(2026, 6, 3))
    services.issue_fee_notice(fee_unpaid, method="per_page", pages=40, actor=clerk_a)
    _abandon(fee_unpaid, freeze, clerk_a)

    file(ApplicantKind.PUBLIC_INTEREST, date(2026, 12, 21), n=400)  # open on 31 December
    answer(file(ApplicantKind.NATURAL_PERSON, date(2026, 12, 14), n=500), Outcome.PARTIAL, date(2027, 1, 4))
    file(ApplicantKind.NATURAL_PERSON, date(2026, 8, 3), n=600, channel="plain_letter")  # no receipt day
    answer(file(ApplicantKind.NATURAL_PERSON, date(2026, 3, 2), unit_b, clerk_b, 700),
           Outcome.DISCLOSED, date(2026, 3, 9), clerk_b)  # fmt: skip

    _cases(unit_a, replied[5], clerk_a)
    return {"carried_in": carried_in, "not_amended": not_amended, "fee_unpaid": fee_unpaid}


def _abandon(request, freeze, clerk):
    """视为放弃 on the first day the clock allows it."""
    request.refresh_from_db()
    day = request_clock(request).abandon_on
    freeze(day)
    services.mark_abandoned(request, actor=clerk)


def _cases(unit, request, clerk):
    register, decide = report_services.register_case, report_services.record_case_result

    def case(kind, filed_on, decided=None, **extra):
        registered = register(unit, kind=kind, body="示范市人民政府", filed_on=filed_on, actor=clerk, **extra)
        if decided:
            decide(registered, result=decided[0], decided_on=decided[1], actor=clerk)

    case("review", date(2026, 4, 1), ("upheld", date(2026, 5, 20)), request=request)
    case("review", date(2026, 11, 2))
    case("direct_suit", date(2026, 6, 15), ("corrected", date(2026, 10, 10)))
    case("direct_suit", date(2026, 12, 1), ("upheld", date(2027, 2, 1)))
    case("suit_after_review", date(2025, 9, 1), ("other", date(2026, 3, 3)))
    case("suit_after_review", date(2025, 5, 1), ("upheld", date(2025, 12, 1)))
    case("suit_after_review", date(2026, 7, 1), only_as_review_body=True)


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


def test_it_counts_in_a_fixed_number_of_queries(year, unit_a, city, django_assert_num_queries):
    with django_assert_num_queries(2):  # §三 and §四, one grouped query each
        compute_tables(unit_a, 2026)
    with django_assert_num_queries(3):  # and the units under the government
        compute_tables(city, 2026, whole=True)
