"""The public statistics page shows counts only: no name, ID number or contact of any applicant."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.foi import services
from tests.foi.conftest import CITIZEN_ID, CITIZEN_NAME, CITIZEN_PHONE, citizen_details

pytestmark = pytest.mark.django_db


def test_it_counts_by_year_status_and_outcome(client, filed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    services.reply(filed, outcome="withheld.third_party", text="涉及第三方商业秘密。", actor=clerk_a)
    services.submit_request(citizen_details(), unit=filed.unit)
    page = client.get("/foi/statistics/").content.decode()
    assert "共收到申请 2 件" in page
    assert "<td>2026</td><td>2</td>" in page
    assert "<td>已答复</td><td>1</td>" in page and "<td>办理中</td><td>1</td>" in page
    assert "<td>（三）不予公开</td><td>1</td>" in page


def test_it_leaks_no_personal_data(client, filed, unit_a):
    services.register_request(
        citizen_details(applicant_kind="business", applicant_name="示范市星湖建材有限公司",
                        organisation_code="91441200MA4W8K3Q1X", id_number="", id_type="",
                        legal_representative="罗建国", contact_person="罗小姐"),
        unit=unit_a, channel="in_person", arrived_on=date(2026, 9, 28),
    )
    page = client.get("/foi/statistics/").content.decode()
    for secret in [CITIZEN_NAME, CITIZEN_ID, CITIZEN_PHONE, "linxy@example.com", "天宁北路",
                   "示范市星湖建材有限公司", "91441200MA4W8K3Q1X", "罗建国", "罗小姐",
                   filed.tracking_code, filed.display_code, "三公"]:
        assert secret not in page, secret
