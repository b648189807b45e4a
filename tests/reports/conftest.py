"""The fixture year 2026 of 示范市财政局 walked through the real services, and the day frozen for
them as in the ``foi`` tests."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.foi import services
from gongkai.foi.clock import request_clock
from gongkai.reports import services as report_services
from gongkai.rules.foioutcomes import ApplicantKind, Outcome
from tests.foi import conftest as foi
from tests.foi.conftest import citizen_details

# The ``foi`` tests' fixtures: uploads in a temporary directory, the citizen's request filed online
# (the day frozen for the services is every test's ``freeze``, tests/conftest.py).
_media = foi._media
filed = foi.filed

KINDS = list(ApplicantKind)
# Every outcome a reply can give (视为放弃 comes only from the clock), the i-th from KINDS[i % 6].
REPLIED = [o for o in Outcome if o not in (Outcome.OTHER_NOT_AMENDED, Outcome.OTHER_FEE_UNPAID)]


def details(kind: ApplicantKind, n: int) -> dict[str, object]:
    if kind is ApplicantKind.NATURAL_PERSON:
        return citizen_details(description=f"第{n}项信息")
    return citizen_details(
        applicant_kind=kind.value, applicant_name=f"示范市第{n}机构", id_type="", id_number="",
        organisation_code="", legal_representative="罗建国", contact_person="罗小姐",
        description=f"第{n}项信息",
    )  # fmt: skip


@pytest.fixture
def year(unit_a, unit_b, clerk_a, clerk_b, freeze):  # noqa: F811
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


def _abandon(request, freeze_on, clerk):
    """视为放弃 on the first day the clock allows it."""
    request.refresh_from_db()
    day = request_clock(request).abandon_on
    freeze_on(day)
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
