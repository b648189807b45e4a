"""Requests in the console, by role: the unit's clerk and reviewer and the office see a request
and its applicant; a clerk of another unit gets 404 everywhere (console, letters, identity proof,
admin); the reviewer approves extensions, the clerk cannot; only the office transfers."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.foi import services
from gongkai.foi.models import Letter, Request
from tests.conftest import make_user
from tests.foi.conftest import CITIZEN_ID, CITIZEN_NAME, CITIZEN_PHONE, citizen_details, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_letter(filed, clerk_a, freeze):
    freeze(date(2026, 9, 29))
    services.request_amendment(filed, what="请写明预算年度", actor=clerk_a)
    return filed


def test_it_shows_the_unit_its_request_with_the_applicant_and_the_computation(login, clerk_a, with_letter):
    page = login(clerk_a).get(f"/console/foi/{with_letter.pk}/").content.decode()
    assert CITIZEN_NAME in page and CITIZEN_ID in page and CITIZEN_PHONE in page
    assert "补正告知：应于 2026-09-28 后第7个工作日 2026-10-13 前一次性告知（第三十条）" in page
    assert "示财依复〔2026〕1号" in page and "告知补正" in page
    assert f'action="/console/foi/{with_letter.pk}/steps/amended/"' in page


@pytest.mark.parametrize("who", ["office_admin", "reviewer_a"])
def test_it_shows_the_request_to_the_office_and_the_units_reviewer(request, login, with_letter, who):
    page = login(request.getfixturevalue(who)).get(f"/console/foi/{with_letter.pk}/").content.decode()
    assert CITIZEN_NAME in page


@pytest.mark.parametrize("who", ["clerk_b", "evaluator"])
def test_it_answers_404_to_another_unit_everywhere(request, login, with_letter, who):
    client = login(request.getfixturevalue(who))
    letter = Letter.objects.get()
    for url in [f"/console/foi/{with_letter.pk}/", f"/console/foi/{with_letter.pk}/id-proof/",
                f"/console/foi/letters/{letter.pk}/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert CITIZEN_NAME not in response.content.decode()
    response = client.post(f"/console/foi/{with_letter.pk}/steps/amended/", {"amended-text": "改", "amended-on": "2026-09-29"})
    assert response.status_code == 404
    with_letter.refresh_from_db()
    assert with_letter.status == "awaiting_amendment"
    queue = client.get("/console/foi/").content.decode()
    assert with_letter.display_code not in queue and CITIZEN_NAME not in queue


def test_it_keeps_another_units_request_out_of_the_admin_too(login, clerk_a, clerk_b, with_letter):
    change = f"/admin/foi/request/{with_letter.pk}/change/"
    denied = login(clerk_b).get(change, follow=True)
    assert CITIZEN_NAME not in denied.content.decode() and CITIZEN_ID not in denied.content.decode()
    assert with_letter.tracking_code not in login(clerk_b).get("/admin/foi/request/").content.decode()
    assert login(clerk_a).get(change).status_code == 200


def test_it_lets_the_reviewer_approve_an_extension_and_not_the_clerk(login, clerk_a, reviewer_a, filed, freeze):
    freeze(date(2026, 10, 20))
    clerk = login(clerk_a)
    clerk.post(f"/console/foi/{filed.pk}/steps/extend/",
               {"extend-workdays": "20", "extend-reason": "需要汇总材料", "extend-on": "2026-10-20"})
    page = clerk.get(f"/console/foi/{filed.pk}/").content.decode()
    assert "待审批" in page and "steps/decide_extension/" not in page
    refused = clerk.post(f"/console/foi/{filed.pk}/steps/decide_extension/",
                         {"decide_extension-decision": "approve", "decide_extension-on": "2026-10-20"})
    assert refused.status_code == 403
    reviewer = login(reviewer_a)
    reviewer.post(f"/console/foi/{filed.pk}/steps/decide_extension/",
                  {"decide_extension-decision": "approve", "decide_extension-on": "2026-10-20"})
    filed.refresh_from_db()
    # 10-30 + 20 working days: 11-02..06, 11-09..13, 11-16..20, 11-23..27 → 2026-11-27.
    assert filed.due_on == date(2026, 11, 27)
    assert filed.letters.filter(kind="extension").exists()


def test_it_explains_a_refused_step_on_the_page(login, clerk_a, filed, freeze):
    freeze(date(2026, 10, 20))
    response = login(clerk_a).post(f"/console/foi/{filed.pk}/steps/extend/",
                                   {"extend-workdays": "25", "extend-reason": "多", "extend-on": "2026-10-20"},
                                   follow=True)
    assert "延长的期限最长不得超过20个工作日（第三十三条第二款）。" in response.content.decode()


def test_it_lets_only_the_office_transfer(login, clerk_a, office_admin, filed, unit_b):
    data = {"transfer-unit": unit_b.pk, "transfer-reason": "属于教育经费"}
    assert login(clerk_a).post(f"/console/foi/{filed.pk}/steps/transfer/", data).status_code == 403
    login(office_admin).post(f"/console/foi/{filed.pk}/steps/transfer/", data)
    filed.refresh_from_db()
    assert filed.unit == unit_b


def test_it_sorts_the_queue_by_due_date_and_filters_by_state(login, clerk_a, unit_a, freeze):
    freeze(date(2026, 9, 1))
    late = services.register_request(citizen_details(description="早"), unit=unit_a, channel="in_person",
                                     arrived_on=date(2026, 9, 1))
    freeze(date(2026, 10, 12))
    fresh = services.register_request(citizen_details(description="晚"), unit=unit_a, channel="in_person",
                                      arrived_on=date(2026, 10, 12))
    client = login(clerk_a)
    page = client.get("/console/foi/").content.decode()
    assert page.index(late.display_code) < page.index(fresh.display_code)  # earlier due first
    # late: received 09-01, due 09-29 (09-02..04, 07..11, 14..18, Sun 09-20 make-up, 21..24,
    # 中秋 09-25..27 off, 28, 29); on 10-19 it is overdue, fresh (due 11-09) is running.
    freeze(date(2026, 10, 19))
    overdue = client.get("/console/foi/?state=overdue").content.decode()
    assert late.display_code in overdue and fresh.display_code not in overdue
    running = client.get("/console/foi/?state=running&channel=in_person").content.decode()
    assert fresh.display_code in running and late.display_code not in running


def test_it_registers_a_plain_letter_whose_sender_cannot_be_reached(login, clerk_a, unit_a, unit_b, freeze):
    freeze(date(2026, 10, 12))
    data = {
        "channel": "plain_letter", "arrived_on": "2026-10-12", "items": "1", "unit": unit_a.pk,
        "applicant_kind": "natural_person", "person_name": CITIZEN_NAME, "id_type": "resident_id",
        "id_number": CITIZEN_ID, "phone": CITIZEN_PHONE, "description": "预算", "form_wanted": "paper",
        "delivery": "post", "address": "示范市端州区天宁北路1号", "postcode": "526040",
    }
    client = login(clerk_a)
    assert client.post("/console/foi/register/", {**data, "unit": unit_b.pk}).status_code == 200  # not their unit
    assert not Request.objects.exists()
    response = client.post("/console/foi/register/", {**data, "id_proof": upload()})
    request = Request.objects.get()
    assert response.status_code == 302 and request.status == "unconfirmed" and request.due_on is None
    assert request.created_by == clerk_a
    page = client.get(f"/console/foi/{request.pk}/").content.decode()
    assert "待确认（答复期限暂不起算）" in page and "steps/confirm/" in page
    proof = client.get(f"/console/foi/{request.pk}/id-proof/")
    assert proof.status_code == 200 and b"".join(proof.streaming_content).startswith(b"\x89PNG")


def test_it_hides_the_identity_proof_from_another_unit(login, clerk_b, unit_a, freeze):
    freeze(date(2026, 10, 12))
    request = services.submit_request(citizen_details(id_proof_ext="png"), unit=unit_a, id_proof=upload())
    assert request.id_proof
    assert login(clerk_b).get(f"/console/foi/{request.pk}/id-proof/").status_code == 404


@pytest.fixture
def proof_filed(unit_a, freeze):
    freeze(date(2026, 10, 12))
    return services.submit_request(citizen_details(id_proof_ext="png"), unit=unit_a, id_proof=upload())


def test_it_keeps_the_identity_proof_from_the_units_own_evaluator(login, unit_a, proof_filed):
    evaluator_a = make_user("evaluator_a", unit_a, "evaluator", full_name="财政局评估员")
    client = login(evaluator_a)
    assert client.get(f"/console/foi/{proof_filed.pk}/").status_code == 200  # the request, yes
    proof = client.get(f"/console/foi/{proof_filed.pk}/id-proof/")
    assert proof.status_code == 403 and not hasattr(proof, "streaming_content")
    page = client.get(f"/console/foi/{proof_filed.pk}/").content.decode()
    assert f"/console/foi/{proof_filed.pk}/id-proof/" not in page and "评估人员不能查看" in page


@pytest.mark.parametrize("who", ["clerk_a", "reviewer_a", "office_admin"])
def test_it_gives_the_identity_proof_to_the_units_clerk_reviewer_and_the_office(request, login, proof_filed, who):
    client = login(request.getfixturevalue(who))
    proof = client.get(f"/console/foi/{proof_filed.pk}/id-proof/")
    assert proof.status_code == 200 and b"".join(proof.streaming_content).startswith(b"\x89PNG")
    assert f"/console/foi/{proof_filed.pk}/id-proof/" in client.get(f"/console/foi/{proof_filed.pk}/").content.decode()
