"""The tracking page: the code holder sees status, dates, the computation and the letters addressed
to them; a wrong code shows nothing; nobody sees personal data there; lookups are limited."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from gongkai.foi import services
from gongkai.foi.models import Letter, LetterKind
from tests.foi.conftest import CITIZEN_ID, CITIZEN_PHONE, citizen_details

pytestmark = pytest.mark.django_db


def _track(client, code, address="203.0.113.9"):
    return client.post("/foi/track/", {"code": code}, REMOTE_ADDR=address)


def test_it_shows_nothing_for_a_wrong_or_malformed_code(client, filed):
    other = services.submit_request(citizen_details(applicant_name="另一人"), unit=filed.unit)
    wrong = other.tracking_code[:-1] + ("0" if other.tracking_code[-1] != "0" else "1")
    for code in [wrong, "ABCD", "0000-0000-0000"]:
        response = _track(client, code)
        page = response.content.decode()
        assert response.status_code == 404
        assert "没有找到与该查询码对应的申请" in page
        assert filed.description not in page and other.description not in page
        assert filed.unit.name not in page


def test_it_shows_status_dates_steps_and_letters_to_the_code_holder(client, filed, clerk_a, freeze):
    freeze(date(2026, 9, 29))
    services.request_amendment(filed, what="请写明预算年度", actor=clerk_a)
    code = filed.display_code.lower()  # typed in lower case with dashes: still found
    page = _track(client, code).content.decode()
    assert "待补正" in page and "2026-09-28" in page
    assert "补正告知：应于 2026-09-28 后第7个工作日 2026-10-13 前一次性告知" in page
    assert "补正告知书" in page and "示财依复〔2026〕1号" in page
    assert CITIZEN_ID not in page and CITIZEN_PHONE not in page and "林晓燕" not in page


def test_it_lets_the_code_holder_download_their_letters_and_nobody_else(client, filed, clerk_a, freeze):
    freeze(date(2026, 10, 12))
    services.start_consultation(filed, party="示范市某建材有限公司", actor=clerk_a)
    consultation = Letter.objects.get(kind=LetterKind.CONSULTATION)
    services.end_consultation(filed, filed.events.get(kind="consultation_started"), actor=clerk_a)
    reply = services.reply(filed, outcome="partial", text="现提供部分信息。", actor=clerk_a)
    page = _track(client, filed.tracking_code).content.decode()
    assert "答复书" in page and "征求第三方意见书" not in page and "示范市某建材有限公司" not in page
    response = client.post(f"/foi/track/letters/{reply.pk}/", {"code": filed.tracking_code})
    assert response.status_code == 200
    assert "部分公开" in "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    other = services.submit_request(citizen_details(), unit=filed.unit)
    assert client.post(f"/foi/track/letters/{reply.pk}/", {"code": other.tracking_code}).status_code == 404
    assert client.post(f"/foi/track/letters/{consultation.pk}/", {"code": filed.tracking_code}).status_code == 404


def test_it_lets_the_applicant_amend_online_and_restarts_the_clock(client, filed, clerk_a, freeze):
    freeze(date(2026, 9, 29))
    services.request_amendment(filed, what="请写明预算年度", actor=clerk_a)
    freeze(date(2026, 10, 12))
    response = client.post("/foi/track/amend/", {"code": filed.tracking_code, "text": "2025年度"})
    assert response.status_code == 200
    assert "补正内容已提交" in response.content.decode()
    filed.refresh_from_db()
    assert filed.due_on == date(2026, 11, 9) and filed.status == "processing"


def test_it_limits_lookups_per_address(client, filed):
    for _ in range(30):
        _track(client, "ZZZZ-ZZZZ-ZZZZ")
    refused = _track(client, filed.tracking_code)
    assert refused.status_code == 429
    assert "查询过于频繁" in refused.content.decode() and filed.description not in refused.content.decode()
    assert _track(client, filed.tracking_code, address="198.51.100.3").status_code == 200


def test_it_refuses_an_empty_code(client):
    response = client.post("/foi/track/", {"code": ""})
    assert response.status_code == 400 and "请输入查询码。" in response.content.decode()
