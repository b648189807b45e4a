"""The case register page (§四): the unit's clerk registers a case and records its result; the
reviewer sees it without the forms; another unit's clerk gets 404; the office sees every unit."""

from __future__ import annotations

import pytest

from gongkai.reports.models import ReviewCase

pytestmark = pytest.mark.django_db


def _register(client, unit, **changes):
    data = {"kind": "review", "body": "示范市人民政府", "filed_on": "2026-04-01", "case_number": "示复〔2026〕3号",
            "request_code": "", "note": "", **changes}  # fmt: skip
    return client.post(f"/console/reports/{unit.pk}/cases/", data)


def test_the_clerk_registers_a_case_about_a_request_and_records_its_result(login, clerk_a, unit_a, filed):
    client = login(clerk_a)
    response = _register(client, unit_a, request_code=filed.display_code.lower())
    assert response.status_code == 302
    case = ReviewCase.objects.get()
    assert (case.request, case.case_number, case.result) == (filed, "示复〔2026〕3号", "")
    page = client.get(f"/console/reports/{unit_a.pk}/cases/").content.decode()
    assert "示复〔2026〕3号" in page and "尚未审结" in page and filed.display_code in page
    response = client.post(f"/console/reports/{unit_a.pk}/cases/{case.pk}/result/",
                           {"result": "corrected", "decided_on": "2026-06-01"})  # fmt: skip
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.result == "corrected"
    assert "纠正（2026-06-01）" in client.get(f"/console/reports/{unit_a.pk}/cases/").content.decode()


def test_it_refuses_a_request_code_of_another_unit_and_saves_nothing(login, clerk_a, unit_a, unit_b, freeze):
    from gongkai.foi import services
    from tests.foi.conftest import citizen_details

    other = services.submit_request(citizen_details(), unit=unit_b)
    response = _register(login(clerk_a), unit_a, request_code=other.display_code)
    assert response.status_code == 400
    assert "本单位没有这个查询码的申请" in response.content.decode()
    assert not ReviewCase.objects.exists()


def test_a_result_before_the_filing_day_is_refused_with_a_message(login, clerk_a, unit_a):
    client = login(clerk_a)
    _register(client, unit_a)
    case = ReviewCase.objects.get()
    response = client.post(f"/console/reports/{unit_a.pk}/cases/{case.pk}/result/",
                           {"result": "upheld", "decided_on": "2026-03-01"}, follow=True)  # fmt: skip
    assert "审结之日早于申请复议或起诉之日" in response.content.decode()
    case.refresh_from_db()
    assert case.result == ""


def test_the_reviewer_sees_the_cases_but_may_not_register(login, reviewer_a, clerk_a, unit_a):
    _register(login(clerk_a), unit_a)
    client = login(reviewer_a)
    page = client.get(f"/console/reports/{unit_a.pk}/cases/").content.decode()
    assert "示复〔2026〕3号" in page and "<h2>登记案件</h2>" not in page and "登记审结" not in page
    assert _register(client, unit_a, case_number="另一件").status_code == 403
    assert ReviewCase.objects.count() == 1


def test_another_units_clerk_gets_404(login, clerk_a, clerk_b, unit_a):
    _register(login(clerk_a), unit_a)
    client = login(clerk_b)
    case = ReviewCase.objects.get()
    assert client.get(f"/console/reports/{unit_a.pk}/cases/").status_code == 404
    assert _register(client, unit_a).status_code == 404
    response = client.post(f"/console/reports/{unit_a.pk}/cases/{case.pk}/result/",
                           {"result": "upheld", "decided_on": "2026-05-01"})  # fmt: skip
    assert response.status_code == 404
    assert ReviewCase.objects.get().result == ""


def test_the_office_registers_for_any_unit(login, office_admin, unit_a):
    assert _register(login(office_admin), unit_a).status_code == 302
    assert ReviewCase.objects.get().unit == unit_a
