"""Tracking codes and the small checks of the public form (pure functions)."""

from __future__ import annotations

from datetime import date

from gongkai.foi import codes
from gongkai.foi.validators import check_id_proof, phone_problem, resident_id_problem
from tests.foi.conftest import CITIZEN_ID, PNG
from tests.rules.test_uploads import zip_bytes


def test_it_makes_unguessable_codes_that_survive_hand_copying():
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000 and all(len(code) == 12 for code in made)
    code = next(iter(made))
    typed = codes.format_code(code).lower().replace("0", "o").replace("1", "l")
    assert codes.normalize(typed) == code  # lower case, dashes, O for 0 and L for 1 all read back
    assert codes.normalize(" " + codes.format_code(code) + " ") == code


def test_it_rejects_a_mistyped_or_swapped_character_before_any_lookup():
    code = codes.new_code()
    for index in range(len(code) - 1):
        swapped = code[:index] + code[index + 1] + code[index] + code[index + 2:]
        if swapped != code and {code[index], code[index + 1]} != {"0", "Z"}:  # values 0 and 31 ≡ 0 mod 31
            assert codes.normalize(swapped) is None
    changed = code[:3] + ("A" if code[3] != "A" else "B") + code[4:]
    assert codes.normalize(changed) is None
    assert codes.normalize("ABC") is None and codes.normalize("U" * 12) is None


def test_it_checks_resident_id_numbers_by_their_check_character():
    today = date(2026, 10, 1)
    assert resident_id_problem(CITIZEN_ID, today) is None
    wrong = CITIZEN_ID[:-1] + ("0" if CITIZEN_ID[-1] != "0" else "1")
    assert "校验位" in resident_id_problem(wrong, today)
    assert "出生日期" in resident_id_problem("441202198502305418", today)
    assert "18位" in resident_id_problem("4412021985", today)


def test_it_accepts_mobile_and_landline_phones():
    assert phone_problem("138 0013 8000") is None and phone_problem("0758-2222001") is None
    assert phone_problem("+8613800138000") is None
    assert phone_problem("12345") is not None and phone_problem("0758-1222001") is not None


PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


def test_it_judges_an_identity_proof_by_its_content():
    # Issue 15 point 5: the proof is judged by its whole content (rules.uploads.check_upload, as
    # every other attachment), no longer by its first 16 bytes alone.
    assert check_id_proof("scan.pdf", PDF).ok
    assert check_id_proof("photo.jpeg", JPEG).extension == "jpg"
    assert check_id_proof("photo.jpg", PNG).extension == "png"  # stored under its real type
    assert "可执行程序" in check_id_proof("id.pdf", b"MZ\x90\x00" + b"\0" * 100).message
    assert "无法识别" in check_id_proof("id.pdf", b"PK\x03\x04" + b"\0" * 100).message
    assert "10 MB" in check_id_proof("id.pdf", PDF + b"\0" * (10 * 1024 * 1024)).message
    assert "空文件" in check_id_proof("id.pdf", b"").message


def test_it_refuses_an_identity_proof_that_only_starts_like_a_pdf_or_image():
    for name, content in [("id.pdf", b"%PDF-1.7\n" + b"<html><script>alert(1)</script>" * 100),
                          ("id.jpg", JPEG[:-2] + b"\0" * 100), ("id.png", PNG[:-12])]:
        verdict = check_id_proof(name, content)
        assert not verdict.ok and "内容不完整" in verdict.message, name


def test_it_refuses_an_identity_proof_the_shared_checks_refuse():
    assert "ZIP" in check_id_proof("id.pdf", zip_bytes({"a.txt": b"x"})).message
    assert "可执行程序" in check_id_proof("setup.exe", PDF).message
    assert not check_id_proof("id\x00.pdf", PDF).ok


def test_the_form_checks_ids_and_phones_with_the_privacy_scans_rules():
    # One home for the ID and phone rules (issue 15): what the form accepts, the scan finds, and an
    # ID whose 地址码 is no province (the form's own check used to let it through) is refused.
    from gongkai.rules import pii
    from gongkai.rules.pii import id_check_character

    today = date(2026, 6, 1)
    no_province = "99010419900101123" + id_check_character("99010419900101123")
    assert "地址码" in resident_id_problem(no_province, today)
    assert pii.scan(f"身份证{no_province}") == []
    for phone in ("138-0013-8000", "（0758）2222001", "010-82345678-8001"):
        assert phone_problem(phone) is None
        assert [hit.kind for hit in pii.scan(f"电话{phone}")] in ([pii.PiiKind.MOBILE], [pii.PiiKind.LANDLINE])
    assert phone_problem("0111-2222001") is not None  # no such 区号: the scan ignores it too
