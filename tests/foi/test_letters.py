"""Letters: numbered in the unit's own 文号 series without gaps or duplicates (also when written
at the same moment), rendered from the office's templates, opened here with python-docx."""

from __future__ import annotations

import io
import threading
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from docx import Document
from docx.oxml.ns import qn

from gongkai.audit.models import AuditEntry
from gongkai.foi import services
from gongkai.foi.models import EventKind, Letter, LetterKind, LetterSeries
from tests.foi.conftest import citizen_details


def _text(letter: Letter) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(bytes(letter.content))).paragraphs)


def _east_asia_font(paragraph) -> str:
    return paragraph.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia"))


@pytest.mark.django_db
def test_it_numbers_letters_in_the_units_own_series(filed, clerk_a, reviewer_a, freeze):
    freeze(date(2026, 9, 29))
    first = services.request_amendment(filed, what="请写明预算年度", actor=clerk_a)
    freeze(date(2026, 10, 12))
    services.receive_amendment(filed, text="2025年度", actor=clerk_a)
    services.request_extension(filed, workdays=10, reason="材料较多", actor=clerk_a)
    second = services.approve_extension(filed, actor=reviewer_a)
    third = services.reply(filed, outcome="partial", text="现提供部分信息。", actor=clerk_a)
    assert [first.number, second.number, third.number] == [
        "示财依复〔2026〕1号", "示财依复〔2026〕2号", "示财依复〔2026〕3号",
    ]
    assert LetterSeries.objects.get(unit=filed.unit, year=2026).last_serial == 3
    issued = filed.events.filter(kind=EventKind.LETTER_ISSUED).values_list("data__number", flat=True)
    assert list(issued) == [first.number, second.number, third.number]


@pytest.mark.django_db
def test_it_writes_the_reply_with_its_outcome_article_remedies_and_fonts(filed, clerk_a, freeze):
    freeze(date(2026, 10, 19))
    letter = services.reply(filed, outcome="partial", text="现提供“三公”经费汇总表；明细涉及个人信息，不予公开。",
                            actor=clerk_a)
    document = Document(io.BytesIO(bytes(letter.content)))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].text == "政府信息公开申请答复书" and _east_asia_font(paragraphs[0]) == "黑体"
    assert paragraphs[1].text == "示财依复〔2026〕1号"
    assert paragraphs[2].text == "林晓燕：" and _east_asia_font(paragraphs[2]) == "仿宋_GB2312"
    text = _text(letter)
    assert "本机关于2026年9月28日收到您（单位）提出的政府信息公开申请" in text
    assert "办理结果：部分公开。依据：《中华人民共和国政府信息公开条例》第三十七条。" in text
    assert "60日内依法申请行政复议" in text and "6个月内依法向人民法院提起行政诉讼" in text
    assert paragraphs[-2].text == "示范市财政局" and paragraphs[-1].text == "2026年10月19日"


@pytest.mark.django_db
def test_it_records_how_a_letter_was_served_and_signed_for(filed, clerk_a, clerk_b, freeze):
    freeze(date(2026, 10, 19))
    letter = services.reply(filed, outcome="disclosed", text="见附件。", actor=clerk_a)
    with pytest.raises(PermissionDenied):
        services.record_service(letter, method="post", served_on=date(2026, 10, 19), actor=clerk_b)
    freeze(date(2026, 10, 22))
    with pytest.raises(ValidationError, match="签收日期"):
        services.record_service(letter, method="post", served_on=date(2026, 10, 20),
                                signed_on=date(2026, 10, 19), actor=clerk_a)
    services.record_service(letter, method="post", served_on=date(2026, 10, 20), signed_on=date(2026, 10, 21),
                            actor=clerk_a)
    letter.refresh_from_db()
    assert (letter.service_method, letter.signed_on) == ("post", date(2026, 10, 21))
    assert AuditEntry.objects.filter(action="foi_letter_served", object_id=str(letter.pk)).exists()


@pytest.mark.django_db
def test_it_uses_the_template_the_office_edited(filed, clerk_a, office_admin, freeze):
    with pytest.raises(PermissionDenied):
        services.save_letter_template(LetterKind.REPLY, title="答复", body="{申请人}：", actor=clerk_a)
    with pytest.raises(ValidationError, match=r"\{申请日期\}"):
        services.save_letter_template(LetterKind.REPLY, title="答复书", body="{申请日期}", actor=office_admin)
    services.save_letter_template(
        LetterKind.REPLY, title="示范市财政局政府信息公开答复书",
        body="{申请人}：\n您的申请（查询码{查询码}）办理结果为{答复结果}。\n{答复内容}", actor=office_admin,
    )
    freeze(date(2026, 10, 19))
    letter = services.reply(filed, outcome="disclosed", text="见附件。", actor=clerk_a)
    text = _text(letter)
    assert text.startswith("示范市财政局政府信息公开答复书")
    assert f"您的申请（查询码{filed.display_code}）办理结果为予以公开。" in text
    services.reset_letter_template(LetterKind.REPLY, actor=office_admin)
    assert AuditEntry.objects.filter(action="foi_letter_template_reset").exists()


@pytest.mark.django_db
def test_it_lets_the_office_set_a_units_prefix(unit_a, office_admin, clerk_a):
    with pytest.raises(PermissionDenied):
        services.set_letter_prefix(unit_a, "示财公开", actor=clerk_a)
    with pytest.raises(ValidationError):
        services.set_letter_prefix(unit_a, "示财〔2026〕", actor=office_admin)
    series = services.set_letter_prefix(unit_a, "示财公开", year=2026, actor=office_admin)
    assert series.number(1) == "示财公开〔2026〕1号"


def _in_memory_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_it_numbers_letters_written_at_the_same_moment_without_duplicates(unit_a, freeze):
    """Threads in this process: the PostgreSQL run (the in-memory SQLite test database shares one
    cache with table locks, which fail instead of waiting; the next test covers SQLite)."""
    if _in_memory_sqlite():
        pytest.skip("内存中的 SQLite 测试库不能并发写入；SQLite 由下一个测试在文件数据库上验证")
    freeze(date(2026, 10, 19))
    requests = [services.submit_request(citizen_details(), unit=unit_a) for _ in range(6)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(requests))

    def write(request) -> None:
        try:
            start.wait()
            for _ in range(3):
                services.generate_letter(request, LetterKind.REPLY)
        except BaseException as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection; PostgreSQL drops the test database after

    threads = [threading.Thread(target=write, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    numbers = sorted(Letter.objects.values_list("serial", flat=True))
    assert numbers == list(range(1, 19))  # 18 letters, 1…18, none twice, none skipped
    assert Letter.objects.values("number").distinct().count() == 18


CONCURRENT_LETTERS = """
import json, threading
import django
django.setup()
from django.db import connection
from gongkai.foi import services
from gongkai.foi.models import Letter
from gongkai.orgs.models import Unit
unit = Unit.objects.get(key="foiload")
details = {"applicant_kind": "natural_person", "applicant_name": "林晓燕", "phone": "13719875531",
           "description": "预算", "form_wanted": "electronic", "delivery": "online"}
requests = [services.submit_request(details, unit=unit) for _ in range(8)]
barrier, errors = threading.Barrier(8), []
def write(request):
    try:
        barrier.wait()
        for _ in range(5):
            services.generate_letter(request, "reply")
    except BaseException as error:
        errors.append(repr(error))
    finally:
        close_old_connections()
threads = [threading.Thread(target=write, args=(r,)) for r in requests]
[t.start() for t in threads]
[t.join() for t in threads]
print(json.dumps({"errors": errors, "serials": sorted(Letter.objects.values_list("serial", flat=True)),
                  "numbers": Letter.objects.values("number").distinct().count()}))
"""


def test_it_numbers_concurrent_letters_on_the_sqlite_file_database_too(foiload_site):
    """8 threads × 5 letters on a real SQLite file (WAL, IMMEDIATE transactions), as deployed."""
    import json
    import subprocess
    import sys

    site = foiload_site
    done = subprocess.run([sys.executable, "-c", CONCURRENT_LETTERS], env=site.env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["errors"] == []
    assert result["serials"] == list(range(1, 41)) and result["numbers"] == 40


@pytest.mark.django_db
def test_it_writes_a_letter_for_a_request_whose_text_holds_control_characters(unit_a, clerk_a, freeze):
    # python-docx refuses C0 control characters; a request stored with them (filed before the
    # form dropped them, or copied from an old system) still gets its letter, without them.
    freeze(date(2026, 9, 28))
    filed = services.submit_request(
        citizen_details(applicant_name="林\x08晓燕", description="2025年\x00预算\x1b[31m明细\x0c"), unit=unit_a,
    )
    freeze(date(2026, 9, 29))
    letter = services.request_amendment(filed, what="请写明\x01预算年度", actor=clerk_a)
    text = _text(letter)
    assert "林晓燕：" in text and "2025年预算[31m明细" in text and "请写明预算年度" in text
