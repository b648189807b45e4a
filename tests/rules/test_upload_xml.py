"""XML inside uploaded Office files: a part that declares a DTD (entity bombs, external entities)
is refused at upload, and the readers expand no entity and fetch nothing even when given one.

The files are real: written by python-docx and openpyxl, then a DOCTYPE put before the root of
one part, as an attacker would."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from gongkai.rules.planparse import readers
from gongkai.rules.uploads import (
    AttachmentTextError,
    Refusal,
    check_upload,
    declares_dtd,
    extract_text,
)
from tests.rules.test_uploads import DOCX, PPTX, XLSX, docx_bytes, xlsx_bytes, zip_bytes

# Ten levels of ten: 10^9 "lol" if expanded.
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>"
)
INTERNAL = b'<!DOCTYPE x [<!ENTITY e "ENTITY-EXPANDED">]>'


def external(path: Path) -> bytes:
    return b'<!DOCTYPE x [<!ENTITY e SYSTEM "%s">]>' % path.as_uri().encode()


def with_doctype(content: bytes, part: str, doctype: bytes, old: bytes = b"", new: bytes = b"") -> bytes:
    """``content`` with ``doctype`` put before the root element of ``part`` (and ``old`` in it
    replaced by ``new``, to use the entity)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                root = re.search(rb"<[A-Za-z]", data)
                assert root is not None and (not old or old in data)
                data = data[: root.start()] + doctype + data[root.start() :]
                data = data.replace(old, new, 1) if old else data
            archive.writestr(info.filename, data)
    return buffer.getvalue()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SERVER-SECRET-42")
    return path


def crafted(secret: Path) -> list[tuple[str, bytes]]:
    docx = docx_bytes("申请公开的信息")
    xlsx = xlsx_bytes([["name"], ["notice"]])
    return [
        ("xxe.docx", with_doctype(docx, "word/document.xml", external(secret), "申请公开的信息".encode(), b"&e;")),
        ("laughs.docx", with_doctype(docx, "word/document.xml", LAUGHS, "申请公开的信息".encode(), b"&lol9;")),
        ("xxe.xlsx", with_doctype(xlsx, "xl/worksheets/sheet1.xml", external(secret), b"<t>notice</t>", b"<t>&e;</t>")),
        ("laughs.xlsx", with_doctype(xlsx, "xl/workbook.xml", LAUGHS)),
        ("rels.docx", with_doctype(docx, "_rels/.rels", INTERNAL)),
        ("types.pptx", with_doctype(PPTX, "[Content_Types].xml", INTERNAL)),
    ]


def test_it_refuses_office_files_whose_xml_declares_a_dtd(secret: Path) -> None:
    for name, content in crafted(secret):
        result = check_upload(name, content)
        assert result.refusal is Refusal.XML_DTD, name
        assert "含有文档类型声明（DOCTYPE）" in result.message and "已拒绝上传" in result.message


def test_it_refuses_them_inside_a_zip_too(secret: Path) -> None:
    name, content = crafted(secret)[0]
    assert check_upload("材料.zip", zip_bytes({name: content})).refusal is Refusal.XML_DTD


def test_it_accepts_real_office_files_and_other_xml_in_a_plain_zip() -> None:
    for name, content in [("a.docx", DOCX), ("a.xlsx", XLSX), ("a.pptx", PPTX)]:
        assert check_upload(name, content).ok, name
    data = zip_bytes({"数据/目录.xml": b'<?xml version="1.0"?><!DOCTYPE a><a/>'})
    assert check_upload("数据.zip", data).ok  # the platform never parses a plain ZIP's XML


def test_it_finds_a_dtd_however_the_prolog_is_dressed() -> None:
    assert not declares_dtd(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document>')
    assert not declares_dtd(b"\xef\xbb\xbf<!-- saved by WPS --><root/>")
    assert declares_dtd(b'<?xml version="1.0"?>\n<!-- hi --> <!DOCTYPE x [<!ENTITY e "x">]><x/>')
    assert declares_dtd('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"))
    assert declares_dtd('<!DOCTYPE x><x/>'.encode("utf-16-be"))
    hidden = b"<!--" + b" " * 9000 + b"--><!DOCTYPE x><x/>"
    assert declares_dtd(hidden[:8192])  # a root hidden past the first 8 KB counts as suspect


def test_it_reads_no_entity_from_an_office_file_that_was_not_checked(secret: Path) -> None:
    """The readers behind extract_text (python-docx, openpyxl with defusedxml) expand nothing."""
    for name, content in crafted(secret)[:4]:
        try:
            text = extract_text(name, content).text
        except AttachmentTextError:
            continue  # refused to read: as good
        assert "SERVER-SECRET-42" not in text and "lollol" not in text, name
    internal = with_doctype(xlsx_bytes([["name"], ["notice"]]), "xl/worksheets/sheet1.xml", INTERNAL,
                            b"<t>notice</t>", b"<t>&e;</t>")
    with pytest.raises(AttachmentTextError):
        extract_text("internal.xlsx", internal)  # openpyxl parses sheets with defusedxml


def test_the_plan_notice_reader_refuses_them_with_a_message(secret: Path) -> None:
    for name, content in crafted(secret)[:5]:
        reader = readers.read_docx if name.endswith(".docx") else readers.read_xlsx
        with pytest.raises(readers.ReadError, match="含有文档类型声明（DOCTYPE）"):
            reader(content, name)
