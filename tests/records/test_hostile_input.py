"""Hostile input: scripts and event attributes never reach a page; attachments are judged by their
content (an .exe renamed .pdf, a zip bomb, an oversized file) and refused with a clear message,
with nothing saved."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from gongkai.records.models import Attachment, RecordEvent

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"This program cannot be run in DOS mode"


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<Types><Override PartName="/word/document.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        archive.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    return buffer.getvalue()


def _media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / "records"
    return set(root.rglob("*")) if root.exists() else set()


def test_it_removes_scripts_and_event_attributes_from_the_body(make_draft, publish, client):
    record = publish(make_draft(body=(
        '<p onclick="steal()">正文<script>alert(1)</script></p><img src="x" onerror="alert(2)">'
        '<a href="javascript:alert(3)">链接</a><iframe src="https://evil.example/"></iframe>'
    )))
    for text in (record.body, client.get(f"/xxgk/content/{record.pk}/").content.decode()):
        assert "<script>alert" not in text and "onclick" not in text and "onerror" not in text
        assert "javascript:" not in text and "evil.example" not in text
    assert "正文" in record.body


@pytest.mark.parametrize(("name", "content", "message"), [
    ("通知.pdf", EXE, "可执行程序"),
    ("报表.docx", None, "压缩"),
])
def test_it_refuses_dangerous_attachments_and_saves_nothing(make_draft, clerk_a, login, name, content, message):
    record = make_draft()
    before = _media_files()
    upload = io.BytesIO(content if content is not None else _zip_bomb())
    upload.name = name
    response = login(clerk_a).post(f"/console/records/{record.pk}/attachments/", {"file": upload}, follow=True)
    text = response.content.decode()
    assert message in text and name in text
    assert not Attachment.objects.exists()
    assert not RecordEvent.objects.filter(kind="attached").exists()
    assert _media_files() == before


def test_it_refuses_an_attachment_over_the_size_limit(make_draft, clerk_a, login, settings):
    settings.GONGKAI_UPLOAD_MAX_BYTES = 1024
    record = make_draft()
    upload = io.BytesIO(b"%PDF-1.7\n" + b"0" * 4096)
    upload.name = "大文件.pdf"
    response = login(clerk_a).post(f"/console/records/{record.pk}/attachments/", {"file": upload}, follow=True)
    text = response.content.decode()
    assert "超过上限" in text and "大文件.pdf" in text
    assert not Attachment.objects.exists()


def test_it_accepts_a_real_pdf(make_draft, clerk_a, login):
    record = make_draft()
    upload = io.BytesIO(b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    upload.name = "预算表.pdf"
    response = login(clerk_a).post(f"/console/records/{record.pk}/attachments/", {"file": upload}, follow=True)
    assert "已上传" in response.content.decode()
    attachment = Attachment.objects.get()
    assert attachment.name == "预算表.pdf" and attachment.kind == "pdf" and not attachment.text_read
