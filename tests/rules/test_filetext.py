"""Reading every place of a document that can hide personal data (issue 15): Word headers and
footers and tables, workbook cells, link targets of a web page, the pages of a PDF; and saying
what could not be read instead of passing it silently."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.rules.filetext import (
    DocumentText,
    UnreadableDocument,
    UnsupportedDocument,
    read_document,
)
from gongkai.rules.pii import PiiKind, ScanOptions, id_check_character, scan
from tests.documents import (
    CJK_FONT,
    docx_with_stories,
    encrypted_pdf,
    merged_pdf,
    pdf_with_pages,
    scanned_pdf,
    xlsx_with_sheets,
)

OPTIONS = ScanOptions(today=date(2026, 6, 1))
ID = "44010419900101123" + id_check_character("44010419900101123")


def findings(document: DocumentText) -> list[tuple[PiiKind, str, str]]:
    text = document.text
    return [(hit.kind, hit.matched, document.where(hit.start)) for hit in scan(text, OPTIONS)]


# --- Word ---------------------------------------------------------------------------------------


def test_it_reads_an_id_number_that_is_only_in_the_footer_of_a_word_document() -> None:
    content = docx_with_stories(["关于公开征集意见的通知"], footer=f"联系人身份证：{ID}")
    document = read_document("通知.docx", content)
    assert findings(document) == [(PiiKind.ID_CARD, ID, "页脚第1段")]


def test_it_reads_first_page_and_even_page_headers_and_each_sections_own_footer() -> None:
    content = docx_with_stories(
        ["正文没有个人信息"],
        header="肇庆市财政局",
        first_page_header="经办人手机 13800138000",
        even_page_footer="邮箱 zhangsan@163.com",
        second_section_footer="经办人固定电话 0758-2260871",
        table=[["姓名", "手机"], ["李四", "13912345678"]],
    )
    found = findings(read_document("通知.docx", content))
    assert found == [
        (PiiKind.MOBILE, "13912345678", "正文表格1第2行"),
        (PiiKind.MOBILE, "13800138000", "第1节首页页眉第1段"),
        (PiiKind.EMAIL, "zhangsan@163.com", "第1节偶数页页脚第1段"),
        (PiiKind.LANDLINE, "0758-2260871", "第2节页脚第1段"),
    ]


def test_it_reads_a_linked_footer_once() -> None:
    content = docx_with_stories(["正文"], footer=f"身份证{ID}")
    assert [kind for kind, _, _ in findings(read_document("a.docx", content))] == [PiiKind.ID_CARD]


def test_it_says_a_damaged_word_document_cannot_be_read() -> None:
    with pytest.raises(UnreadableDocument, match="已损坏"):
        read_document("坏.docx", b"PK\x03\x04broken")


# --- Excel --------------------------------------------------------------------------------------


def test_it_names_the_cell_of_a_workbook_that_holds_personal_data() -> None:
    content = xlsx_with_sheets(
        {"说明": [["本表为申请人名单"]], "名单": [["姓名", "身份证号"], ["王五", ID], ["赵六", "11010119900101012X"]]}
    )
    assert findings(read_document("名单.xlsx", content)) == [
        (PiiKind.ID_CARD, ID, "工作表“名单” B2"),
        (PiiKind.ID_CARD, "11010119900101012X", "工作表“名单” B3"),
    ]


# --- web pages ----------------------------------------------------------------------------------


def test_it_reads_tel_and_mailto_links_inside_attributes() -> None:
    page = (
        '<html><body><p>请与<a href="tel:138-0013-8000">经办人</a>联系，'
        '或<a href="mailto:zhang%40163.com" title="王五 13912345678">发送邮件</a>。</p></body></html>'
    )
    found = findings(read_document("页面.html", page.encode()))
    assert found == [
        (PiiKind.MOBILE, "138-0013-8000", "<a href> 属性"),
        (PiiKind.EMAIL, "zhang@163.com", "<a href> 属性"),
        (PiiKind.MOBILE, "13912345678", "<a title> 属性"),
    ]
    assert "经办人" in read_document("页面.html", page.encode()).text


# --- PDF ----------------------------------------------------------------------------------------


def test_it_reads_the_text_of_each_page_of_a_pdf() -> None:
    content = pdf_with_pages("Notice of disclosure", f"Applicant ID {ID}, phone 138 0013 8000")
    document = read_document("答复.pdf", content)
    assert document.unreadable == ()
    assert findings(document) == [
        (PiiKind.ID_CARD, ID, "第2页"),
        (PiiKind.MOBILE, "138 0013 8000", "第2页"),
    ]


@pytest.mark.skipif(not CJK_FONT.exists(), reason="needs fonts-noto-cjk (scripts/system-deps.sh)")
def test_it_reads_chinese_text_of_a_pdf() -> None:
    content = pdf_with_pages(f"申请人身份证号码：{ID}，联系电话：0758-2260871。", cjk=True)
    found = findings(read_document("答复.pdf", content))
    assert [(kind, matched) for kind, matched, _ in found] == [
        (PiiKind.ID_CARD, ID),
        (PiiKind.LANDLINE, "0758-2260871"),
    ]


def test_it_lists_a_scanned_page_as_unread_for_a_person_to_check() -> None:
    content = merged_pdf(pdf_with_pages(f"ID {ID}"), scanned_pdf(), pdf_with_pages(""))
    document = read_document("材料.pdf", content)
    assert [kind for kind, _, _ in findings(document)] == [PiiKind.ID_CARD]
    assert len(document.unreadable) == 1  # page 3 is blank: nothing to read, nothing to check
    assert document.unreadable[0].startswith("第2页") and "扫描" in document.unreadable[0]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (scanned_pdf(), "扫描件"),
        (encrypted_pdf(pdf_with_pages(f"ID {ID}")), "加密"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n", "PDF"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, "PDF"),
    ],
)
def test_it_says_a_pdf_it_cannot_read_is_unreadable(content: bytes, fragment: str) -> None:
    with pytest.raises(UnreadableDocument, match=fragment):
        read_document("材料.pdf", content)


# --- text and the rest --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_it_reads_text_files_in_any_supported_encoding(encoding: str) -> None:
    content = "关于政府信息公开申请的答复\r\n申请人手机：13800138000\r\n".encode(encoding)
    assert findings(read_document("答复.txt", content)) == [
        (PiiKind.MOBILE, "13800138000", "第2行")
    ]


def test_it_refuses_types_whose_text_it_does_not_read() -> None:
    for name in ("照片.jpg", "公文.ofd", "旧文.doc", "无扩展名"):
        with pytest.raises(UnsupportedDocument, match="支持"):
            read_document(name, b"\xff\xd8\xff\xe0")
    with pytest.raises(UnreadableDocument, match="为空"):
        read_document("空.txt", b"")
    with pytest.raises(UnreadableDocument, match="编码"):
        read_document("坏.txt", b"\x00\x81\xff\x00")


def test_it_says_what_it_left_unread_past_the_size_limit() -> None:
    content = ("甲" * 50 + "\n").encode() * 10 + f"身份证{ID}\n".encode()
    document = read_document("长.txt", content, max_chars=300)
    assert len(document.text) == 300 and ID not in document.text
    assert document.unreadable == ("正文起的文字超过 300 字，其余部分未检查",)


def test_it_reads_a_text_box_once_though_word_draws_it_twice() -> None:
    content = docx_with_stories(["关于公开征集意见的通知"], text_box=f"联系人身份证：{ID}")
    document = read_document("通知.docx", content)
    assert findings(document) == [(PiiKind.ID_CARD, ID, "正文文本框第1段")]
