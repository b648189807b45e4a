"""The monthly gazette: compiled by the office from the month's normative documents, published as
a page and a .docx, browsable by year."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document

from gongkai.records import gazette
from gongkai.records.models import GazetteStatus, Record, RecordKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def march_documents(make_draft, publish):
    made = []
    for title, day, kind in [("示范市政府规章立法程序规定", 20, RecordKind.REGULATION),
                             ("示范市财政专项资金管理办法", 5, RecordKind.NORMATIVE)]:
        record = publish(make_draft(title=title, kind=kind, columns=("政策文件/规范性文件",),
                                    body="<p>第一条　为规范管理，制定本办法。</p><p>第二条　本办法自发布之日起施行。</p>",
                                    doc_number="示财规〔2026〕1号" if kind == RecordKind.NORMATIVE else ""))
        Record.objects.filter(pk=record.pk).update(written_on=date(2026, 3, day))
        made.append(record)
    publish(make_draft(title="四月的规范性文件", kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",)))
    Record.objects.filter(title="四月的规范性文件").update(written_on=date(2026, 4, 2))
    return made


def test_it_compiles_publishes_and_exports_an_issue(march_documents, office_admin, city, client):
    issue = gazette.compile_gazette(2026, 3, actor=office_admin)
    assert issue.title == "示范市人民政府公报" and issue.issue_label == "2026年第3期"
    assert [r.title for r in gazette.entries(issue)] == ["示范市政府规章立法程序规定", "示范市财政专项资金管理办法"]
    assert client.get(f"/xxgk/gazette/{issue.pk}/").status_code == 404  # not yet published
    gazette.publish_gazette(issue, actor=office_admin)
    assert issue.status == GazetteStatus.PUBLISHED
    page = client.get(f"/xxgk/gazette/{issue.pk}/").content.decode()
    assert "2026年第3期" in page and "第一条" in page and "四月的规范性文件" not in page
    response = client.get(f"/xxgk/gazette/{issue.pk}/docx/")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "示范市人民政府公报" in text and "示范市财政专项资金管理办法" in text and "示财规〔2026〕1号" in text
    index = client.get("/xxgk/gazette/?year=2026").content.decode()
    assert "2026年第3期" in index


def test_it_leaves_the_gazette_to_the_office(march_documents, clerk_a, login):
    with pytest.raises(PermissionDenied):
        gazette.compile_gazette(2026, 3, actor=clerk_a)
    assert login(clerk_a).get("/console/records/gazette/").status_code == 403


def test_it_compiles_through_the_console(march_documents, office_admin, login):
    client = login(office_admin)
    response = client.post("/console/records/gazette/", {"year": 2026, "month": 3}, follow=True)
    assert "收录 2 件文件" in response.content.decode()
