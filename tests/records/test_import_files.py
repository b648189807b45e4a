"""An uploaded catalog is checked before it is stored, on disk or in the database: its real type
by content, its size, and that it is well formed; a refused file leaves nothing behind and the
clerk reads why on the form."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from gongkai.records import importing
from gongkai.records.importing import HEADER
from gongkai.records.models import CatalogImport

pytestmark = pytest.mark.django_db


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["示范市财政局关于预算公开的通知", "2025-03-12", "通知公告"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(client, name: str, content: bytes):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post("/console/records/import/", {"file": upload})


def _stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def clerk_client(clerk_a, columns_a, login):
    return login(clerk_a)


def _refused(response, settings, fragment):
    page = response.content.decode()
    assert response.status_code == 200 and fragment in page, page[-3000:]
    assert not CatalogImport.objects.exists()
    assert _stored_files(settings) == []


def test_it_refuses_an_executable_named_xlsx_before_storing_it(clerk_client, settings):
    response = _upload(clerk_client, "旧目录.xlsx", b"MZ\x90\x00" + b"\x00" * 400 + b"This program cannot be run in DOS mode")
    _refused(response, settings, "可执行程序")


def test_it_refuses_a_damaged_workbook_before_storing_it(clerk_client, settings):
    content = bytearray(_xlsx())
    sheet = content.find(b"xl/worksheets/sheet1.xml") + 40  # inside the sheet's compressed data
    content[sheet:sheet + 24] = b"\x00" * 24
    response = _upload(clerk_client, "旧目录.xlsx", bytes(content))
    _refused(response, settings, "已损坏")


def test_it_refuses_binary_content_named_csv_before_storing_it(clerk_client, settings):
    response = _upload(clerk_client, "旧目录.csv", _xlsx())
    _refused(response, settings, "旧目录.csv")


def test_it_refuses_a_csv_without_the_required_columns_before_storing_it(clerk_client, settings):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["标题", "日期"], ["示范市财政局通知", "2025-03-12"]])
    response = _upload(clerk_client, "旧目录.csv", buffer.getvalue().encode("utf-8"))
    _refused(response, settings, "缺少必填列")


def test_it_refuses_an_oversized_file_before_reading_it(clerk_client, settings, monkeypatch):
    monkeypatch.setattr(importing, "FILE_LIMITS", importing.UploadLimits(max_bytes=1024))
    response = _upload(clerk_client, "旧目录.xlsx", _xlsx())
    _refused(response, settings, "超过上限")


def test_it_stores_a_well_formed_file(clerk_client, settings):
    response = _upload(clerk_client, "旧目录.xlsx", _xlsx())
    assert response.status_code == 302 and CatalogImport.objects.count() == 1
    assert len(_stored_files(settings)) == 1
