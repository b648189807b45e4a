"""Every reader of outside files, fed malformed, truncated, enormous and hostile files: each ends
with its own exception and a Chinese message, within the deadline of ``FUZZ``, never another
exception. The 1 GB bombs are refused before they are inflated (a memory bound measured with
tracemalloc). Inputs that once crashed a reader are kept below as plain tests."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.monitoring.html import read_page
from gongkai.orgs.unitfiles import UnitFileError, read_rows
from gongkai.records.importing import ImportFileError, check_import_file, read_table
from gongkai.rules.annualreport.documents import read_source
from gongkai.rules.assessment.indicators import IndicatorSystemError
from gongkai.rules.assessment.sheet import read_system
from gongkai.rules.filetext import UnreadableDocument, read_document
from gongkai.rules.holiday_notice import HolidayNoticeError, parse_holiday_notice
from gongkai.rules.monitoring.sheet import SheetError as MonitoringSheetError
from gongkai.rules.monitoring.sheet import read_sheet
from gongkai.rules.planparse.readers import ReadError, read_bytes
from gongkai.rules.textcodec import UndecodableText, decode_text
from gongkai.rules.uploads import AttachmentTextError, check_upload, extract_text
from tests.fuzz.hostile import FUZZ, any_file, bomb, hostile_packages, refuses_cleanly

pytestmark = pytest.mark.filterwarnings("ignore")  # openpyxl warns about the damaged styles it meets


def _catalog(name: str, content: bytes) -> None:
    check_import_file(name, content)
    _, rows = read_table(name, content)
    list(rows)



def _upload(name: str, content: bytes) -> None:
    verdict = check_upload(name, content)
    if verdict.ok:
        extract_text(name, content)


# (reader, its errors, the extensions it is given)
READERS = {
    "notice": (lambda name, content: read_bytes(content, name), (ReadError,), ("docx", "xlsx", "txt", "html")),
    "catalog": (_catalog, (ImportFileError,), ("xlsx", "csv")),
    "unit registry": (read_rows, (UnitFileError,), ("xlsx", "csv")),
    "indicator system": (lambda name, content: read_system(content, name), (IndicatorSystemError,), ("xlsx",)),
    "province system": (lambda name, content: read_sheet(content, name), (MonitoringSheetError,), ("xlsx",)),
    "annual report": (read_source, (UnreadableDocument,), ("docx", "xlsx", "html", "txt")),
    "attachment text": (read_document, (UnreadableDocument,), ("docx", "xlsx", "html", "txt", "csv")),
    "upload check": (_upload, (AttachmentTextError,), ("docx", "xlsx", "txt", "zip", "pdf")),
}
KIND = {"docx": "docx", "xlsx": "xlsx", "zip": "xlsx"}


def _fuzz(reader: str, extension: str, content: bytes) -> None:
    read, errors, _ = READERS[reader]
    refuses_cleanly(lambda: read(f"通知.{extension}", content), errors)


@pytest.mark.parametrize("reader", list(READERS))
@FUZZ
@given(data=st.data())
def test_every_reader_refuses_any_bad_file_with_its_own_message(reader, data):
    extension = data.draw(st.sampled_from(READERS[reader][2]))
    content = data.draw(any_file(KIND.get(extension, "text")))
    _fuzz(reader, extension, content)


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("lying", [False, True], ids=["honest", "lying"])
def test_a_gigabyte_bomb_is_refused_before_it_is_inflated(reader, lying):
    extension = "docx" if "docx" in READERS[reader][2] else "xlsx"
    content = bomb(extension, lying=lying)
    tracemalloc.start()
    try:
        message = refuses_cleanly(lambda: READERS[reader][0](f"通知.{extension}", content), READERS[reader][1])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, f"{peak / 1e6:.0f} MB held: the bomb was inflated"
    if reader != "upload check":  # check_upload itself says no with a verdict, not an exception
        assert message is not None


@pytest.mark.parametrize("reader", [name for name, (_, _, ext) in READERS.items() if "xlsx" in ext])
def test_hostile_xml_inside_a_workbook_is_refused_or_read_bounded(reader):
    for content in hostile_packages("xlsx"):
        tracemalloc.start()
        try:
            refuses_cleanly(lambda c=content: READERS[reader][0]("表格.xlsx", c), READERS[reader][1])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 200 * 1024 * 1024


@pytest.mark.parametrize("reader", [name for name, (_, _, ext) in READERS.items() if "docx" in ext])
def test_hostile_xml_inside_a_word_file_is_refused_or_read_bounded(reader):
    for content in hostile_packages("docx"):
        refuses_cleanly(lambda c=content: READERS[reader][0]("通知.docx", c), READERS[reader][1])


@FUZZ
@given(text=st.text(max_size=600) | st.sampled_from(["２０２６年" * 50_000, "\x00" * 10_000, "1月1日至" * 20_000]))
def test_the_holiday_notice_reader_refuses_any_text_with_its_own_message(text):
    refuses_cleanly(lambda: parse_holiday_notice(text), (HolidayNoticeError,))


@FUZZ
@given(raw=any_file("text"))
def test_text_decoding_refuses_with_its_own_message(raw):
    refuses_cleanly(lambda: decode_text(raw), (UndecodableText,))


@FUZZ
@given(body=any_file("text") | st.sampled_from([b"<div>" * 100_000, b"<?xml version='1.0' encoding='x'?><html/>"]))
def test_the_crawler_reads_any_page_without_an_exception(body):
    read_page(body, "https://www.example.gov.cn/", None)


@pytest.fixture(scope="module")
def real_doc():
    from gongkai.rules.planparse.readers import convert_with_libreoffice
    from tests.fuzz.hostile import valid_docx

    return convert_with_libreoffice(valid_docx(), ".docx", "doc")


def test_a_broken_word_97_file_ends_in_the_notice_readers_own_message(real_doc):
    """.doc and .rtf go through LibreOffice in a process of its own (too slow to fuzz by the
    hundred): a cut file, garbage behind the OLE signature and a broken RTF each end with the
    reader's message or a document, never an exception of another kind."""
    ole = real_doc[:8]
    for raw in (real_doc[: len(real_doc) // 2], ole + bytes(range(256)) * 64, b"{\\rtf1\\ansi{\\fonttbl" + b"{" * 50_000):
        refuses_cleanly(lambda r=raw: read_bytes(r, "通知.doc"), (ReadError,))
