"""Real documents made at test time with the libraries that write them (python-docx, openpyxl,
fpdf2, pypdf), for the tests of the privacy scan of files."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from fpdf import FPDF
from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter

# fonts-noto-cjk (scripts/system-deps.sh installs it for the tests); face 2 is Simplified Chinese.
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def docx_with_stories(
    body: list[str],
    *,
    footer: str = "",
    header: str = "",
    first_page_header: str = "",
    even_page_footer: str = "",
    second_section_footer: str = "",
    table: list[list[str]] | None = None,
    text_box: str = "",
) -> bytes:
    """A Word document with text in the body and, when given, in the default header and footer,
    the first page's header, the even pages' footer, a second section's own footer and a text box
    (drawn as Word 2010 does: DrawingML, and VML as the fallback for older readers)."""
    document = Document()
    for paragraph in body:
        document.add_paragraph(paragraph)
    if text_box:
        document.add_paragraph()._p.append(parse_xml(_TEXT_BOX.format(text=text_box)))
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if first_page_header:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = first_page_header
    if even_page_footer:
        document.settings.odd_and_even_pages_header_footer = True
        section.even_page_footer.paragraphs[0].text = even_page_footer
    if second_section_footer:
        second = document.add_section()
        second.footer.is_linked_to_previous = False
        second.footer.paragraphs[0].text = second_section_footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><a:graphic><a:graphicData'
    ' uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>'
    '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t>'
    '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
)


def xlsx_with_sheets(
    sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None
) -> bytes:
    """A workbook with one sheet per entry; ``merges`` names each sheet's merged ranges ("A2:A3")."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cell_range in (merges or {}).get(title, []):
            sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_with_pages(*pages: str, cjk: bool = False) -> bytes:
    """A PDF with one page of text per argument (Helvetica, or Noto Sans CJK SC for Chinese)."""
    pdf = FPDF()
    if cjk:
        pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=2)
        pdf.set_font("cjk", size=12)
    else:
        pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page that is only a picture, as a scanner makes it."""
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(picture.getvalue()), x=10, y=10, w=100)
    return bytes(pdf.output())


def encrypted_pdf(content: bytes, password: str = "secret") -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(content)).pages:
        writer.add_page(page)
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def merged_pdf(*documents: bytes) -> bytes:
    writer = PdfWriter()
    for content in documents:
        for page in PdfReader(io.BytesIO(content)).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_zip_bomb(package: bytes, megabytes: int = 30) -> bytes:
    """``package`` (a .docx or .xlsx) with one more part of zeros that compresses a thousand
    times: a few KB on the wire, ``megabytes`` once expanded."""
    import io
    import zipfile

    buffer = io.BytesIO(package)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (megabytes * 1024 * 1024))
    return buffer.getvalue()
