"""Information that several applicants asked one unit for is proposed for proactive disclosure;
the office sees the list, the unit accepts or dismisses."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.foi import proposals, services
from gongkai.foi.models import DisclosureProposal, ProposalStatus
from tests.foi.conftest import citizen_details, resident_id

pytestmark = pytest.mark.django_db

SIMILAR = [
    "2025年示范市本级部门预算中“三公”经费的明细",
    "请公开示范市本级2025年“三公”经费预算明细",
    "申请公开：2025年市本级“三公”经费预算及支出明细表",
]


def _file(unit, description, serial, on=date(2026, 10, 12)):
    details = citizen_details(description=description, applicant_name=f"申请人{serial}",
                              id_number=resident_id(f"44120219850315{serial:03d}"))
    return services.register_request(details, unit=unit, channel="in_person", arrived_on=on, date_reason="补录：整理历史申请")


@pytest.fixture
def asked_thrice(unit_a, freeze):
    freeze(date(2026, 10, 20))
    requests = [_file(unit_a, text, serial) for serial, text in enumerate(SIMILAR, start=1)]
    _file(unit_a, "示范市2024年政府采购项目中标结果", 9)
    return requests


def test_it_proposes_what_three_applicants_asked_for(asked_thrice):
    [proposal] = proposals.propose_disclosures(today=date(2026, 10, 20))
    assert set(proposal.requests.all()) == set(asked_thrice)
    assert (proposal.request_count, proposal.applicant_count) == (3, 3)
    assert "三公" in proposal.keywords and "经费" in proposal.keywords
    assert AuditEntry.objects.filter(action="foi_proposal_created").exists()
    assert proposals.propose_disclosures(today=date(2026, 10, 20)) == []  # nothing new: no second proposal


def test_it_needs_different_applicants_and_a_recent_window(unit_a, freeze):
    freeze(date(2026, 10, 20))
    for text in SIMILAR:
        _file(unit_a, text, 1)  # one person three times is not "several applicants"
    assert proposals.propose_disclosures(today=date(2026, 10, 20)) == []
    assert proposals.propose_disclosures(today=date(2027, 3, 1)) == []


def test_it_lets_the_unit_accept_or_dismiss_with_a_reason(asked_thrice, clerk_a, clerk_b, login):
    [proposal] = proposals.propose_disclosures(today=date(2026, 10, 20))
    assert login(clerk_b).post(f"/console/foi/proposals/{proposal.pk}/", {"decision": "accept"}).status_code == 404
    with pytest.raises(ValidationError, match="不予采纳的理由"):
        proposals.dismiss_proposal(proposal, note="", actor=clerk_a)
    login(clerk_a).post(f"/console/foi/proposals/{proposal.pk}/", {"decision": "accept", "note": "随部门预算公开"})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.decided_by == clerk_a


def test_it_shows_the_office_every_units_proposals(asked_thrice, office_admin, clerk_b, login):
    proposals.propose_disclosures(today=date(2026, 10, 20))
    topic = DisclosureProposal.objects.get().topic
    assert topic in login(office_admin).get("/console/foi/proposals/").content.decode()
    assert topic not in login(clerk_b).get("/console/foi/proposals/").content.decode()
