"""Attachment checks: real type against the name, executables, size, zip bombs; attachment text.

Every file is built here (python-docx, openpyxl, zipfile, a few magic bytes): no binary is checked in.
"""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from gongkai.rules.uploads import (
    AttachmentTextError,
    FileKind,
    Refusal,
    UploadLimits,
    check_upload,
    check_upload_size,
    detect_kind,
    extension_of,
    extract_text,
    is_complete,
)
from tests.documents import docx_with_stories

MiB = 1024 * 1024


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    return docx_with_stories(list(paragraphs), table=table)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "目录"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def content_types(main: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/content-types"><Override PartName="/main.xml" ContentType="{main}"/></Types>'
    ).encode()


PPTX = zip_bytes(
    {
        "[Content_Types].xml": content_types(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
        ),
        "ppt/presentation.xml": b"<p/>",
    }
)
DOCM = zip_bytes(
    {
        "[Content_Types].xml": content_types(
            "application/vnd.ms-word.document.macroEnabled.main+xml"
        ),
        "word/vbaProject.bin": b"\0" * 64,
    }
)
OFD = zip_bytes(
    {
        "OFD.xml": b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>',
        "Doc_0/Document.xml": b"<d/>",
    }
)
OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def ole2(stream: str) -> bytes:
    return OLE2_HEADER + stream.encode("utf-16-le") + b"\0" * 64


DOCX = docx_bytes("关于印发2026年政务公开工作要点的通知")
XLSX = xlsx_bytes([["索引号", "名称"], ["MB2C12345/2026-00001", "通知"]])
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\0" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\0" * 200
    + b"This program cannot be run in DOS mode"
)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("通知.pdf", PDF, FileKind.PDF),
        ("通知.PDF", PDF, FileKind.PDF),
        ("通知.docx", DOCX, FileKind.DOCX),
        ("目录.xlsx", XLSX, FileKind.XLSX),
        ("汇报.pptx", PPTX, FileKind.PPTX),
        ("公文.ofd", OFD, FileKind.OFD),
        ("旧文.doc", ole2("WordDocument"), FileKind.DOC),
        ("旧文.wps", ole2("WordDocument"), FileKind.DOC),
        ("旧表.xls", ole2("Workbook"), FileKind.XLS),
        ("旧表.et", ole2("Workbook"), FileKind.XLS),
        ("旧稿.ppt", ole2("PowerPoint Document"), FileKind.PPT),
        ("另存.doc", b"{\\rtf1\\ansi tongzhi}", FileKind.RTF),
        ("照片.jpg", JPEG, FileKind.JPEG),
        ("照片.jpeg", JPEG, FileKind.JPEG),
        ("图.png", PNG, FileKind.PNG),
        ("说明.txt", "说明文字\n第二行".encode("gb18030"), FileKind.TEXT),
        ("名单.csv", "名称,日期\n通知,2026-01-01\n".encode(), FileKind.TEXT),
        ("材料.zip", zip_bytes({"通知.pdf": PDF, "说明.txt": b"hello"}), FileKind.ZIP),
        ("材料.zip", DOCX, FileKind.DOCX),  # a .docx is a ZIP: harmless under .zip
        (r"C:\Users\科员\桌面\通知.pdf", PDF, FileKind.PDF),
    ],
)
def test_it_accepts_real_files_of_allowed_types(name: str, content: bytes, kind: FileKind) -> None:
    result = check_upload(name, content)
    assert result.ok, result.message
    assert (result.kind, result.refusal) == (kind, None)
    assert "检查通过" in result.message
    assert "\\" not in result.name


def test_it_refuses_an_exe_renamed_pdf() -> None:
    result = check_upload("通知.pdf", EXE)
    assert (result.ok, result.kind, result.refusal) == (
        False,
        FileKind.EXECUTABLE,
        Refusal.EXECUTABLE,
    )
    assert result.message == "附件“通知.pdf”的实际内容是可执行程序，不是 PDF 文件，已拒绝上传"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("通知.docx", b"\x7fELF\x02\x01\x01" + b"\0" * 50),
        ("通知.doc", b"\xcf\xfa\xed\xfe" + b"\0" * 50),
        ("说明.txt", b"#!/bin/sh\nrm -rf /\n"),
        ("照片.jpg", EXE),
        ("setup.exe", EXE),
        ("程序.exe", b"just text"),
        ("run.bat", b"del *.*"),
        ("脚本.js", b"alert(1)"),
        ("通知.pdf.exe", PDF),
    ],
)
def test_it_refuses_executables_whatever_their_name(name: str, content: bytes) -> None:
    result = check_upload(name, content)
    assert result.refusal is Refusal.EXECUTABLE
    assert (
        "可执行程序" in result.message
        and "已拒绝上传" in result.message
        or "不允许" in result.message
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "通知.pdf",
            DOCX,
            "实际内容是 Word 文档（.docx），不是 PDF 文件，已拒绝上传；如文件无误，请把扩展名改为 .docx",
        ),
        ("目录.docx", XLSX, "实际内容是 Excel 表格（.xlsx），不是 Word 文档（.docx）"),
        ("旧文.doc", DOCX, "请把扩展名改为 .docx"),
        ("照片.jpg", PNG, "实际内容是 PNG 图片，不是 JPEG 图片"),
        ("旧文.doc", ole2("Workbook"), "实际内容是 Excel 97-2003 表格（.xls）"),
        ("安装.doc", OLE2_HEADER + b"\0" * 64, "实际内容是其他复合文档（如安装包）"),
        ("公文.ofd", zip_bytes({"a.xml": b"<a/>"}), "实际内容是 ZIP 压缩包，不是 OFD 版式文件"),
        (
            "通知.docx",
            DOCM,
            "含宏的 Office 文档，不是 Word 文档（.docx），已拒绝上传；请另存为不含宏的文档",
        ),
        ("说明.txt", bytes(range(256)) * 4, "实际内容是无法识别的内容，不是纯文本"),
        ("通知.pdf", b"PDF? no", "实际内容是纯文本，不是 PDF 文件"),
        ("材料.zip", PDF, "实际内容是 PDF 文件，不是 ZIP 压缩包"),
        ("材料.zip", b"PK\x03\x04" + b"\0" * 20, "实际内容是无法识别的内容，不是 ZIP 压缩包"),
    ],
)
def test_it_refuses_content_that_does_not_match_the_name(
    name: str, content: bytes, message: str
) -> None:
    result = check_upload(name, content)
    assert result.refusal is Refusal.MISMATCH
    assert message in result.message
    assert result.message.startswith(f"附件“{name}”")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("资料.rar", "格式（.rar）不在允许范围内"),
        ("资料.7z", "格式（.7z）不在允许范围内"),
        ("资料", "的格式不在允许范围内"),
        ("网页.html", "格式（.html）不在允许范围内"),
    ],
)
def test_it_refuses_types_it_does_not_accept(name: str, message: str) -> None:
    result = check_upload(name, b"Rar!\x1a\x07\x00" + b"\0" * 40)
    assert result.refusal is Refusal.UNSUPPORTED
    assert message in result.message and "请转换为 PDF" in result.message


def test_it_refuses_an_attachment_over_the_size_limit() -> None:
    limits = UploadLimits(max_bytes=1 * MiB)
    result = check_upload("通知.pdf", PDF + b"\0" * MiB, limits)
    assert result.refusal is Refusal.TOO_LARGE
    assert result.message == "附件“通知.pdf”大小为 1.0 MB，超过上限 1.0 MB，请压缩或拆分后再上传"
    before_reading = check_upload_size("视频.pdf", 80 * MiB)
    assert before_reading.refusal is Refusal.TOO_LARGE
    assert "80.0 MB，超过上限 50.0 MB" in before_reading.message
    assert check_upload_size("通知.pdf", 10 * MiB).ok


def test_it_refuses_an_empty_file_and_bad_names() -> None:
    assert check_upload("通知.pdf", b"").refusal is Refusal.EMPTY
    assert check_upload("通\x00知.pdf", PDF).refusal is Refusal.BAD_NAME
    assert check_upload("a<b>.pdf", PDF).refusal is Refusal.BAD_NAME
    assert check_upload("长" * 201 + ".pdf", PDF).refusal is Refusal.BAD_NAME


# --- zip bombs ----------------------------------------------------------------------------------


def test_it_refuses_a_highly_compressed_zip_bomb() -> None:
    bomb = zip_bytes({"data.txt": b"0" * (30 * MiB)})
    assert len(bomb) < 100 * 1024
    result = check_upload("材料.zip", bomb)
    assert (result.refusal, result.kind) == (Refusal.ARCHIVE_BOMB, FileKind.ZIP)
    assert "疑似压缩炸弹" in result.message and "压缩比超过 100 倍" in result.message


def test_it_refuses_a_bomb_disguised_as_a_word_document() -> None:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as original:
        entries = {info.filename: original.read(info) for info in original.infolist()}
    entries["word/media/image1.png"] = b"\0" * (20 * MiB)
    result = check_upload("通知.docx", zip_bytes(entries))
    assert (result.refusal, result.kind) == (Refusal.ARCHIVE_BOMB, FileKind.DOCX)


def test_it_refuses_too_much_uncompressed_data() -> None:
    limits = UploadLimits(max_total_uncompressed=2 * MiB)
    stored = zip_bytes({f"{n}.bin": bytes(range(256)) * 4096 for n in range(3)}, zipfile.ZIP_STORED)
    result = check_upload("材料.zip", stored, limits)
    assert result.refusal is Refusal.ARCHIVE_BOMB
    assert "解压后共 3.0 MB，超过上限 2.0 MB" in result.message


def test_it_refuses_too_many_entries() -> None:
    many = zip_bytes({f"{n}.txt": b"x" for n in range(101)})
    result = check_upload("材料.zip", many, UploadLimits(max_entries=100))
    assert result.refusal is Refusal.ARCHIVE_BOMB
    assert "含 101 个条目，超过上限 100" in result.message
    assert check_upload("材料.zip", many, UploadLimits(max_entries=101)).ok


def test_it_refuses_overlapping_entries() -> None:
    data = bytearray(zip_bytes({"a.txt": b"a" * 5000, "b.txt": b"b" * 5000}))
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 42, 0)  # b.txt's local header offset := a.txt's
    result = check_upload("材料.zip", bytes(data))
    assert result.refusal is Refusal.ARCHIVE_BOMB
    assert "相互重叠" in result.message


def test_it_refuses_an_encrypted_archive() -> None:
    data = bytearray(zip_bytes({"a.txt": b"secret"}))
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1  # general purpose flag bit 0: encrypted
    result = check_upload("材料.zip", bytes(data))
    assert result.refusal is Refusal.ENCRYPTED
    assert "去掉密码" in result.message


def test_it_refuses_executables_inside_an_archive() -> None:
    result = check_upload("材料.zip", zip_bytes({"通知.pdf": PDF, "安装/setup.exe": EXE}))
    assert result.refusal is Refusal.EXECUTABLE
    assert "含有可执行程序“安装/setup.exe”" in result.message


def test_it_inspects_one_level_of_nested_archives() -> None:
    inner = zip_bytes({"通知.pdf": PDF})
    assert check_upload("材料.zip", zip_bytes({"inner.zip": inner})).ok
    assert (
        check_upload(
            "材料.zip", zip_bytes({"inner.zip": zip_bytes({"bomb.txt": b"0" * (20 * MiB)})})
        ).refusal
        is Refusal.ARCHIVE_BOMB
    )
    assert (
        check_upload("材料.zip", zip_bytes({"inner.zip": zip_bytes({"x.exe": EXE})})).refusal
        is Refusal.EXECUTABLE
    )


def test_it_refuses_archives_nested_twice_or_uninspectable() -> None:
    twice = zip_bytes({"a.zip": zip_bytes({"b.zip": zip_bytes({"通知.pdf": PDF})})})
    result = check_upload("材料.zip", twice)
    assert result.refusal is Refusal.ARCHIVE_BOMB
    assert "又含有压缩文件“b.zip”" in result.message
    rar = check_upload("材料.zip", zip_bytes({"资料.rar": b"Rar!\x1a\x07\x00"}))
    assert rar.refusal is Refusal.ARCHIVE_BOMB and "请解压后分别上传" in rar.message


def test_it_accepts_a_workbook_embedded_in_a_word_document() -> None:
    with zipfile.ZipFile(io.BytesIO(DOCX)) as original:
        entries = {info.filename: original.read(info) for info in original.infolist()}
    entries["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = XLSX
    assert check_upload("通知.docx", zip_bytes(entries)).ok


# --- attachment text ----------------------------------------------------------------------------


def test_it_reads_the_text_of_a_word_document_in_order() -> None:
    content = docx_bytes(
        "申请人：张三", "手机13812345678", table=[["姓名", "电话"], ["李四", "0758-2260871"]]
    )
    assert (
        extract_text("答复.docx", content).text
        == "申请人：张三\n手机13812345678\n姓名\t电话\n李四\t0758-2260871"
    )


def test_it_reads_a_merged_table_cell_once() -> None:
    document = Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并"
    table.cell(0, 2).text = "单"
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract_text("表.docx", buffer.getvalue()).text == "合并\t单"


def test_it_reads_the_cells_of_a_workbook() -> None:
    content = xlsx_bytes(
        [["姓名", "手机", None, "金额"], ["王五", 13912345678, None, 12.5], [None, None]]
    )
    read = extract_text("名单.xlsx", content)
    assert read.text == "目录\n姓名\t手机\t金额\n王五\t13912345678\t12.5" and read.complete


def test_it_stops_reading_a_huge_workbook_at_the_limit() -> None:
    content = xlsx_bytes([[f"第{n}行", "内容" * 10] for n in range(2000)])
    read = extract_text("大表.xlsx", content, max_chars=1000)
    assert len(read.text) == 1000
    # what was not read is said, never passed silently (issue 15)
    assert not read.complete and "超过 1000 字" in read.unreadable[0]


def test_it_reads_text_files_in_chinese_encodings() -> None:
    assert extract_text("说明.txt", "身份证号见附件".encode("gb18030")).text == "身份证号见附件"
    assert extract_text("名单.csv", "\ufeff名称,电话\n".encode()).text == "名称,电话\n"


# Issue 15: an attachment whose text is not read is listed as unread for the reviewer (it used
# to come back as None, and a PDF was never read at all).
@pytest.mark.parametrize("name", ["通知.pdf", "公文.ofd", "照片.jpg", "旧文.doc", "材料.zip"])
def test_it_lists_an_attachment_it_cannot_read_as_unread(name: str) -> None:
    read = extract_text(name, PDF)
    assert read.text == "" and not read.complete and name in read.unreadable[0]


def test_it_says_when_an_attachment_cannot_be_read() -> None:
    with pytest.raises(AttachmentTextError, match="无法读取附件“坏.docx”的文字"):
        extract_text("坏.docx", b"PK\x03\x04broken")
    with pytest.raises(AttachmentTextError, match="坏.txt"):
        extract_text("坏.txt", b"\x00\x81\xff\x00")


def test_it_knows_extensions() -> None:
    assert extension_of("通知.PDF") == "pdf"
    assert extension_of("a.tar.gz") == "gz"
    assert extension_of("没有扩展名") == ""
    assert extension_of(".bashrc") == ""
    assert extension_of(r"C:\文件夹.d\通知") == ""


@given(
    st.binary(max_size=2048),
    st.sampled_from(["a.pdf", "a.docx", "a.zip", "a.txt", "a.exe", "a", "a.ofd"]),
)
def test_it_never_fails_on_arbitrary_bytes(content: bytes, name: str) -> None:
    result = check_upload(name, content)
    assert result.ok == (result.refusal is None)
    assert result.message
    assert detect_kind(content) in FileKind


@given(
    st.dictionaries(
        st.text(alphabet="abcdefgh/._", min_size=1, max_size=12),
        st.binary(max_size=200),
        max_size=8,
    )
)
def test_it_never_fails_on_arbitrary_archives(entries: dict[str, bytes]) -> None:
    result = check_upload("材料.zip", zip_bytes(entries))
    assert result.message


def test_it_tells_a_complete_pdf_jpeg_or_png_from_one_that_only_starts_like_it():
    assert is_complete(FileKind.PDF, PDF) and not is_complete(FileKind.PDF, PDF[:-7])
    assert is_complete(FileKind.PDF, PDF + b"\0" * 500)  # readers look for %%EOF in the last 1 KB
    jpeg = b"\xff\xd8\xff\xe0" + b"\0" * 40 + b"\xff\xd9"
    assert is_complete(FileKind.JPEG, jpeg + b"camera trailer") and not is_complete(FileKind.JPEG, jpeg[:-2])
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 40 + b"\0\0\0\0IEND\xaeB`\x82"
    assert is_complete(FileKind.PNG, png) and not is_complete(FileKind.PNG, png[:-12])
    assert is_complete(FileKind.TEXT, b"any")


# --- what an outside test found: ZIP entries judged by name alone -------------------------------


@pytest.mark.parametrize(
    ("entries", "refusal", "words"),
    [
        ({"setup.pdf": EXE}, Refusal.EXECUTABLE, "“setup.pdf”实际内容是可执行程序"),
        ({"材料/setup.exe.": EXE}, Refusal.BAD_NAME, "名称不安全"),
        ({"说明.txt ": b"hello"}, Refusal.BAD_NAME, "名称不安全"),
        ({"../../etc/cron.d/x.txt": b"hello"}, Refusal.BAD_NAME, "名称不安全"),
        ({"/etc/passwd.txt": b"hello"}, Refusal.BAD_NAME, "名称不安全"),
        ({"C:/Windows/x.txt": b"hello"}, Refusal.BAD_NAME, "名称不安全"),
        ({"..\\..\\x.txt": b"hello"}, Refusal.BAD_NAME, "名称不安全"),
        ({"宏.docm": DOCM}, Refusal.UNSUPPORTED, "（.docm）不在允许范围内"),
        ({"系统.iso": b"\0" * 64}, Refusal.UNSUPPORTED, "（.iso）不在允许范围内"),
        ({"通知.docx": DOCM}, Refusal.MISMATCH, "实际内容是含宏的 Office 文档"),
        ({"照片.jpg": PDF}, Refusal.MISMATCH, "实际内容是 PDF 文件"),
        ({"数据.xml": PDF}, Refusal.MISMATCH, "实际内容是 PDF 文件，不是纯文本"),
        ({"数据.xml": EXE}, Refusal.EXECUTABLE, "“数据.xml”实际内容是可执行程序"),
        ({"inner.zip": zip_bytes({"a.pdf": EXE})}, Refusal.EXECUTABLE, "“a.pdf”实际内容是可执行程序"),
        ({"inner.zip": EXE}, Refusal.EXECUTABLE, "“inner.zip”实际内容是可执行程序"),
    ],
)
def test_it_checks_each_file_in_a_zip_by_its_content_and_name(entries, refusal, words) -> None:
    result = check_upload("材料.zip", zip_bytes({"通知.pdf": PDF, **entries}))
    assert result.refusal is refusal, result.message
    assert words in result.message


def test_it_still_accepts_a_zip_of_ordinary_files_and_folders() -> None:
    entries = {"材料/": b"", "材料/通知.pdf": PDF, "材料/表.xlsx": XLSX, "说明.txt": "说明".encode()}
    assert check_upload("材料.zip", zip_bytes(entries)).ok


def test_it_refuses_an_upload_whose_name_ends_in_a_dot() -> None:
    assert check_upload("setup.exe.", EXE).refusal is Refusal.BAD_NAME
    assert check_upload("通知.pdf.", PDF).refusal is Refusal.BAD_NAME
