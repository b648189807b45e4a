"""The public application form: clear Chinese messages, uploads judged by their content, the code
shown once committed, an acknowledgement e-mail, and a per-address limit."""

from __future__ import annotations

import re
from datetime import date

import pytest

from gongkai import pagecache
from gongkai.foi.models import Request
from tests.foi.conftest import CITIZEN_ID, PNG, form_data, upload

pytestmark = pytest.mark.django_db


def _post(client, data, address="203.0.113.7", **extra):
    return client.post("/foi/", data, REMOTE_ADDR=address, **extra)


def test_it_offers_the_form_to_people_and_organisations(client, unit_a):
    page = client.get("/foi/").content.decode()
    assert "政府信息公开申请" in page and "示范市财政局" in page
    assert 'value="natural_person"' in page and "法人或其他组织 — 商业企业" in page
    assert "统一社会信用代码" in page and "身份证明材料" in page
    assert re.search(r'name="submission_token" value="[0-9a-f]{32}"', page)


def test_it_files_a_request_and_shows_its_code(
    client, unit_a, freeze, immediate_jobs, mailoutbox, django_capture_on_commit_callbacks, settings,
):
    settings.GONGKAI_SITE_URL = "https://gk.example.gov.cn"
    freeze(date(2026, 9, 28))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _post(client, {**form_data(unit_a), "id_proof": upload()})
    # the e-mail is sent only once the request is committed (beside it, the public pages' generation)
    assert len([callback for callback in callbacks if callback is not pagecache.bump]) == 1
    assert response.status_code == 200
    request = Request.objects.get()
    page = response.content.decode()
    assert f'data-tracking-code="{request.tracking_code}"' in page and request.display_code in page
    assert "2026-10-30" in page  # the due date: 20 working days after 2026-09-28
    assert request.id_proof.name.endswith(f"{request.tracking_code}.png")  # never the applicant's file name
    assert request.id_number == CITIZEN_ID and request.received_on == date(2026, 9, 28)
    [mail] = mailoutbox
    assert mail.to == ["linxy@example.com"] and request.display_code in mail.subject
    assert "2026-10-30" in mail.body
    assert "请凭查询码在 https://gk.example.gov.cn/foi/track/ 查看" in mail.body  # an address, not a path


def test_it_says_in_chinese_what_is_missing(client, unit_a):
    response = _post(client, {"applicant_kind": "natural_person", "unit": unit_a.pk})
    page = response.content.decode()
    assert response.status_code == 400
    for message in ["请填写申请人姓名。", "请填写身份证件号码。", "请填写联系电话。", "请描述您申请公开的政府信息。",
                    "请选择所需信息的载体形式（纸质或电子）。", "请选择获取信息的方式。", "请上传身份证明材料。"]:
        assert message in page, message
    assert not Request.objects.exists()


def test_it_checks_the_id_number_and_the_phone(client, unit_a):
    wrong_check = CITIZEN_ID[:-1] + ("1" if CITIZEN_ID[-1] != "1" else "2")
    response = _post(client, {**form_data(unit_a, id_number=wrong_check, phone="12345"), "id_proof": upload()})
    page = response.content.decode()
    assert "居民身份证号码校验位不正确" in page and "请填写有效的联系电话" in page
    assert not Request.objects.exists()


def test_it_asks_an_organisation_for_its_credit_code_and_representative(client, unit_a):
    data = form_data(unit_a, applicant_kind="business", org_name="示范市星湖建材有限公司",
                     organisation_code="91441200MA4W8K3Q10", legal_representative="", contact_person="罗小姐")
    page = _post(client, {**data, "id_proof": upload()}).content.decode()
    assert "统一社会信用代码应为18位，且校验位正确" in page and "请填写法定代表人或负责人。" in page
    assert "请填写申请人姓名" not in page  # the person's fields are not asked of an organisation


def test_it_needs_an_address_to_post_the_answer(client, unit_a):
    page = _post(client, {**form_data(unit_a, delivery="post"), "id_proof": upload()}).content.decode()
    assert "选择邮寄时，请填写通信地址。" in page and "选择邮寄时，请填写邮政编码。" in page


def test_it_refuses_an_oversized_identity_proof_and_saves_nothing(client, unit_a, settings):
    big = PNG + b"\0" * (10 * 1024 * 1024)
    response = _post(client, {**form_data(unit_a), "id_proof": upload(big, "scan.png")})
    assert response.status_code == 400
    assert "超过 10 MB 的上限" in response.content.decode()
    assert not Request.objects.exists()
    assert not (settings.MEDIA_ROOT / "foi").exists()


def test_it_refuses_a_program_renamed_to_pdf(client, unit_a, settings):
    program = b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 200
    response = _post(client, {**form_data(unit_a), "id_proof": upload(program, "身份证.pdf")})
    page = response.content.decode()
    assert "“身份证.pdf”的实际内容是可执行程序，不是 PDF、JPEG 或 PNG 文件，已拒绝上传。" in page
    assert not Request.objects.exists() and not (settings.MEDIA_ROOT / "foi").exists()


def test_it_judges_the_identity_proof_by_its_whole_content(client, unit_a, settings):
    starts_like_png = PNG[:16] + b"<html><script>alert(1)</script></html>"
    response = _post(client, {**form_data(unit_a), "id_proof": upload(starts_like_png, "身份证.png")})
    assert response.status_code == 400
    assert "“身份证.png”的内容不完整" in response.content.decode()
    assert not Request.objects.exists() and not (settings.MEDIA_ROOT / "foi").exists()


def test_it_stores_a_form_sent_twice_once(client, unit_a):
    data = {**form_data(unit_a), "submission_token": "0123456789abcdef0123456789abcdef"}
    first = _post(client, {**data, "id_proof": upload()})
    second = _post(client, {**data, "id_proof": upload()})
    assert Request.objects.count() == 1
    code = Request.objects.get().tracking_code
    assert code in first.content.decode() and code in second.content.decode()


def test_it_limits_submissions_per_address_across_workers(client, unit_a):
    for _ in range(5):
        assert _post(client, {**form_data(unit_a), "id_proof": upload()}).status_code == 200
    refused = _post(client, {**form_data(unit_a), "id_proof": upload()})
    assert refused.status_code == 429 and refused["Retry-After"] == "600"
    assert "提交申请过于频繁：同一网络地址10分钟内最多提交申请5次，请稍后再试。" in refused.content.decode()
    assert Request.objects.count() == 5
    other = _post(client, {**form_data(unit_a), "id_proof": upload()}, address="198.51.100.2")
    assert other.status_code == 200


def test_it_drops_control_characters_from_what_the_applicant_typed(client, unit_a):
    data = form_data(unit_a, person_name="林\x00晓燕", description="2025年\x1b预算\x0b明细\r\n第二行\t完",
                     address="天宁北路\x081号")
    assert _post(client, {**data, "id_proof": upload()}).status_code == 200
    request = Request.objects.get()
    assert request.applicant_name == "林晓燕" and request.address == "天宁北路1号"
    assert request.description == "2025年预算明细\r\n第二行\t完"


def test_another_applicants_token_never_returns_their_code(client, unit_a):
    """Found by an outside test: re-sending someone else's submission_token returned their
    tracking code. The token counts only in the session that was given the form."""
    from django.test import Client

    client.get("/foi/")
    token = "0123456789abcdef0123456789abcdef"
    mine = _post(client, {**form_data(unit_a), "submission_token": token, "id_proof": upload()})
    code = Request.objects.get().tracking_code
    assert code in mine.content.decode()

    stranger = Client()
    theirs = _post(stranger, {**form_data(unit_a), "submission_token": token, "id_proof": upload()},
                   address="198.51.100.9")
    assert theirs.status_code == 200
    assert code not in theirs.content.decode()
    assert Request.objects.count() == 2  # the stranger's own, new request


def test_a_form_with_errors_does_not_use_up_the_limit(client, unit_a):
    for _ in range(6):
        assert _post(client, {"applicant_kind": "natural_person", "unit": unit_a.pk}).status_code == 400
    assert _post(client, {**form_data(unit_a), "id_proof": upload()}).status_code == 200
