"""Hostile files through the import pages and services: refused with the reader's message, and
nothing of them saved (the tables' counts unchanged). Below, the inputs the fuzzing found
crashing a reader, kept as plain tests."""

from __future__ import annotations

import io

import pytest

from gongkai.orgs.unitfiles import UnitFileError, read_rows
from gongkai.records.importing import ImportFileError, import_catalog
from gongkai.rules.planparse.readers import ReadError, read_bytes
from gongkai.rules.uploads import check_upload
from tests.fuzz.hostile import (
    EXAMPLES,
    HUGE_MERGE,
    bomb,
    hostile_packages,
    replaced_part,
    valid_docx,
    valid_xlsx,
)

CATALOG_FILES = [("目录.xlsx", bomb("xlsx")), ("目录.xlsx", bomb("xlsx", lying=True)),
                 *(("目录.xlsx", content) for content in hostile_packages("xlsx"))]
HUGE_FIELD = "名称,发布日期,栏目\n".encode() + "长".encode() * 400_000  # past csv's field limit


@pytest.fixture
def catalog_columns(unit_a):
    """The unit's catalog columns, which an import files its rows under."""
    from gongkai.records.catalog import apply_default_columns

    apply_default_columns(unit_a)


def _counts():
    from gongkai.audit.models import AuditEntry
    from gongkai.orgs.models import Unit
    from gongkai.records.models import CatalogImport, Record
    from gongkai.search.models import SearchEntry

    return {model.__name__: model.objects.count() for model in (Record, CatalogImport, SearchEntry, AuditEntry, Unit)}


@pytest.mark.django_db
def test_the_catalog_import_page_refuses_hostile_files_and_saves_nothing(
    login, clerk_a, catalog_columns, immediate_jobs, django_capture_on_commit_callbacks,
):
    client = login(clerk_a)
    before = _counts()
    for name, content in CATALOG_FILES:
        upload = io.BytesIO(content)
        upload.name = name
        response = client.post("/console/records/import/", {"file": upload})
        assert response.status_code == 200, name  # the form again, with the reason
        assert "errorlist" in response.content.decode() or "错误" in response.content.decode()
    assert _counts() == before

    upload = io.BytesIO(HUGE_FIELD)  # its header is right: the worker meets the long field
    upload.name = "目录.csv"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/console/records/import/", {"file": upload})
    from gongkai.records.models import CatalogImport, ImportStatus, Record

    job = CatalogImport.objects.get()
    assert job.status == ImportStatus.FAILED and "无法读取" in job.step
    assert Record.objects.count() == before["Record"]


@pytest.mark.django_db
def test_the_catalog_import_service_refuses_hostile_files_and_saves_nothing(unit_a, catalog_columns):
    before = _counts()
    for name, content in [*CATALOG_FILES, ("目录.csv", HUGE_FIELD)]:
        with pytest.raises(ImportFileError):
            import_catalog(unit_a, name, content)
    assert _counts() == before


@pytest.mark.django_db
def test_the_unit_registry_import_page_refuses_hostile_files_and_saves_nothing(login, office_admin):
    client = login(office_admin)
    before = _counts()
    for content in (bomb("xlsx"), *hostile_packages("xlsx")):
        upload = io.BytesIO(content)
        upload.name = "单位.xlsx"
        response = client.post("/console/units/import/", {"file": upload})
        assert response.status_code in (200, 302)
        assert response.status_code != 500
    assert _counts() == before


def test_the_fuzz_runs_a_fixed_number_of_examples():
    assert EXAMPLES >= 20


# --- inputs the fuzzing found crashing a reader ---------------------------------------------------

def test_a_docx_with_a_damaged_content_types_deflate_stream_is_refused_not_a_zlib_error():
    damaged = bytearray(valid_docx())
    damaged[49] = 0  # inside [Content_Types].xml's deflate stream
    with pytest.raises(ReadError):
        read_bytes(bytes(damaged), "通知.docx")
    check_upload("通知.docx", bytes(damaged))  # its kind is unknown now: a verdict, not a zlib.error


def test_a_worksheet_merged_over_the_whole_sheet_is_refused_before_openpyxl_builds_its_cells():
    with pytest.raises(ReadError, match="超过可读取的范围"):
        read_bytes(replaced_part(valid_xlsx(), "xl/worksheets/sheet1.xml", HUGE_MERGE), "要点.xlsx")


def test_a_worksheet_that_is_not_xml_is_refused_by_the_notice_reader():
    for xml in (b"", b"\x00" * 100, b"<<<"):
        with pytest.raises(ReadError):
            read_bytes(replaced_part(valid_xlsx(), "xl/worksheets/sheet1.xml", xml), "要点.xlsx")


def test_a_word_file_whose_main_part_is_a_worksheet_is_refused():
    worksheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    with pytest.raises(ReadError):
        read_bytes(replaced_part(valid_docx(), "word/document.xml", worksheet), "通知.docx")


def test_a_unit_registry_csv_with_a_field_past_the_csv_limit_is_refused():
    with pytest.raises(UnitFileError, match="CSV"):
        read_rows("单位.csv", ("标识,单位名称\n" + "长" * 200_000).encode())
