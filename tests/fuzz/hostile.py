"""Hostile files for the fuzz tests of every reader of outside files, and the settings they run with.

The files are real: ZIP packages written byte by byte (so that their directory may lie), Office
packages made by python-docx and openpyxl and then damaged, XML with entity bombs, deep nesting and
wrong encodings. ``FUZZ`` is the one hypothesis setting of these tests: a fixed number of
examples, derandomized so that a run in CI is the same every time, and a deadline per example.
``GONGKAI_FUZZ_EXAMPLES=5000`` gives a longer run by hand (README: "Fuzz tests").
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

from docx import Document
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from openpyxl import Workbook

EXAMPLES = int(os.environ.get("GONGKAI_FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples on every run: CI never fails at random
    deadline=4000,  # ms per example: the time bound of a reader (an .xlsx opened twice, slow CI)
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)
GiB = 1024 ** 3
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- ZIP written by hand -------------------------------------------------------------------------

def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP of ``(name, stored bytes, crc32, declared uncompressed size, method)`` entries, with
    the directory saying exactly what it is told (it may lie about sizes and checksums)."""
    body, directory = io.BytesIO(), io.BytesIO()
    for name, data, crc, size, method in entries:
        encoded = name.encode("utf-8")
        offset = body.tell()
        body.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, method, 0, 0x21,
                               crc, len(data), size, len(encoded), 0))
        body.write(encoded + data)
        directory.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, method, 0, 0x21,
                                    crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset))
        directory.write(encoded)
    start, central = body.tell(), directory.getvalue()
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return body.getvalue() + central + end


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def package(parts: dict[str, bytes]) -> bytes:
    """A ZIP package with honest sizes, each part deflated."""
    return raw_zip([(name, deflated(data), zlib.crc32(data), len(data), 8) for name, data in parts.items()])


@cache
def gigabyte_of(unit: bytes, total: int = GiB) -> tuple[bytes, int]:
    """A real deflate stream that inflates to ``total`` bytes of ``unit`` repeated, and its CRC:
    one mebibyte compressed with a full flush (byte-aligned, dictionary reset) repeated, so the
    1 GB is never held nor compressed here."""
    mebibyte = unit * (1024 * 1024 // len(unit))
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(mebibyte) + packer.flush(zlib.Z_FULL_FLUSH)
    stream = block * (total // len(mebibyte)) + b"\x03\x00"  # an empty final fixed block
    crc = 0
    for _ in range(total // len(mebibyte)):
        crc = zlib.crc32(mebibyte, crc)
    return stream, crc


CONTENT_TYPES = {
    "docx": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "xlsx": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
}
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}


def bomb(kind: str, *, lying: bool = False) -> bytes:
    """A .docx or .xlsx whose main XML part inflates to 1 GB. ``lying``: the directory declares
    a small size (readers that trust it would inflate until the CRC check fails)."""
    stream, crc = gigabyte_of(b"<w:p/>" if kind == "docx" else b"<row/>")
    main = (MAIN_PART[kind], stream, crc, 4096 if lying else GiB, 8)
    honest = valid_docx() if kind == "docx" else valid_xlsx()
    with zipfile.ZipFile(io.BytesIO(honest)) as archive:
        others = [(info.filename, archive.read(info)) for info in archive.infolist()
                  if info.filename != MAIN_PART[kind]]
    return raw_zip([main, *((n, deflated(d), zlib.crc32(d), len(d), 8) for n, d in others)])


# --- real documents, then damaged ----------------------------------------------------------------

@cache
def valid_docx() -> bytes:
    document = Document()
    document.add_paragraph("示范市2026年政务公开工作要点")
    document.add_paragraph("一、加强政策解读。责任单位：市财政局。2026年6月底前完成。")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(("序号", "工作任务", "责任单位")):
        table.cell(0, column).text = text
    for column, text in enumerate(("1", "公开预算", "市财政局")):
        table.cell(1, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def valid_xlsx(rows: tuple[tuple[Any, ...], ...] = (("标题", "发布日期"), ("关于预算公开的通知", "2026-03-01"))) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    book.active.merge_cells("A3:B3")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def replaced_part(content: bytes, part: str, data: bytes) -> bytes:
    """``content`` (a package) with ``part`` replaced by ``data``, every other part kept."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = data
    return package(parts)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b']>\n<lolz>&lol9;</lolz>'
)
EXTERNAL_ENTITY = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
QUADRATIC = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + b"A" * 50_000 + b'">]><r>' + b"&a;" * 20_000 + b"</r>"
DEEP = b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + b"<w:sdt>" * 200_000
WRONG_ENCODING = '<?xml version="1.0" encoding="UTF-16"?><工作表>'.encode("gb18030") + b"\xff\xfe\x00"
HUGE_MERGE = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'
)
FAR_CELL = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1048576"><v>1</v></c></row>'
    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
)
HOSTILE_XML = [BILLION_LAUGHS, EXTERNAL_ENTITY, QUADRATIC, DEEP, WRONG_ENCODING, HUGE_MERGE, FAR_CELL,
               b"\x00" * 1000, b"<" * 100_000, b""]


def hostile_packages(kind: str) -> list[bytes]:
    """A valid package of ``kind`` with its main part (or its content types) made hostile."""
    honest = valid_docx() if kind == "docx" else valid_xlsx()
    made = [replaced_part(honest, MAIN_PART[kind], xml) for xml in HOSTILE_XML]
    made.append(replaced_part(honest, "[Content_Types].xml", BILLION_LAUGHS))
    return made


def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """``seed`` truncated, with bytes overwritten, NULs put in, or pieces cut out."""
    size = len(seed)
    positions = st.integers(0, size - 1)
    truncate = positions.map(lambda n: seed[:n])
    overwrite = st.lists(st.tuples(positions, st.binary(min_size=1, max_size=16)), min_size=1, max_size=8).map(
        lambda edits: _overwrite(seed, edits))
    cut = st.tuples(positions, st.integers(1, 4096)).map(lambda c: seed[:c[0]] + seed[c[0] + c[1]:])
    nuls = st.tuples(positions, st.integers(1, 64)).map(lambda c: seed[:c[0]] + b"\x00" * c[1] + seed[c[0]:])
    return st.one_of(truncate, overwrite, cut, nuls)


def _overwrite(seed: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    data = bytearray(seed)
    for position, chunk in edits:
        data[position:position + len(chunk)] = chunk
    return bytes(data)


def hostile_text() -> st.SearchStrategy[bytes]:
    """Text files: any Unicode in UTF-8, GB18030 or UTF-16, huge single lines, NULs, bad bytes."""
    text = st.text(max_size=400)
    encoded = st.tuples(text, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le"])).map(
        lambda pair: pair[0].encode(pair[1], "replace"))
    long_line = st.tuples(st.sampled_from(["标题,发布日期\n", "标识,单位名称\n", "<html><body>", ""]),
                          st.integers(100_000, 2_000_000)).map(lambda pair: (pair[0] + "长" * pair[1]).encode())
    return st.one_of(encoded, st.binary(max_size=600), long_line,
                     st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00" * 10_000, b"\x1a", b"\r" * 10_000]))


def any_file(kind: str) -> st.SearchStrategy[bytes]:
    """Files a reader of ``kind`` (docx, xlsx, text) may be given by a hostile or careless sender."""
    if kind == "text":
        return hostile_text()
    seed = valid_docx() if kind == "docx" else valid_xlsx()
    return st.one_of(mutated(seed), st.sampled_from(hostile_packages(kind)), hostile_text(),
                     st.sampled_from(hostile_packages("xlsx" if kind == "docx" else "docx")))


def refuses_cleanly(read: Callable[[], object], errors: tuple[type[BaseException], ...]) -> str | None:
    """Run ``read``: it may succeed, or raise one of ``errors`` with a Chinese message; any other
    exception propagates (hypothesis reports it with the input). Returns the message if refused."""
    try:
        read()
    except errors as error:
        message = str(error) or " ".join(str(problem) for problem in getattr(error, "problems", []))
        assert CJK.search(message), f"not a clear Chinese message: {message!r}"
        assert "Traceback" not in message
        return message
    return None
