"""Files into Documents: .txt, .docx, .doc, .xlsx, .html (and .rtf/.xls through LibreOffice).

What each keeps:

- **.txt**: one paragraph a line, tabs kept (a flattened table's layout); UTF-8, GB18030 and
  UTF-16 (with or without BOM) are recognised.
- **.docx**: paragraphs and real tables in document order (python-docx). A vertically merged cell
  continues the one above: it is read as an empty cell marked ``merged``; a horizontally merged
  cell is read once, the grid columns it spans as empty cells.
- **.doc** (and .rtf, .xls): converted by headless LibreOffice (STACK.md: catdoc garbles Chinese
  tables), with a time limit, in a profile of its own so that conversions can run side by side.
- **.xlsx**: every sheet a table (openpyxl); merged ranges as in .docx.
- **.html**: a saved government page: scripts, styles, menus and footers dropped, data tables
  kept as tables (rowspan and colspan as merged cells), layout tables read as text.

A file that is empty, a PDF, a picture, binary, larger than 20 MB or in no known encoding raises
:class:`ReadError` with one line in Chinese saying what is wrong.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from gongkai.rules.planparse.model import Block, Cell, Document, Paragraph, Table
from gongkai.rules.planparse.normalize import without_toneless_pinyin
from gongkai.rules.textcodec import UndecodableText, decode_text
from gongkai.rules.uploads import UploadLimits, dtd_part, package_refusal

MAX_BYTES: Final = 20 * 1024 * 1024
CONVERT_TIMEOUT_S: Final = 120


class ReadError(ValueError):
    """A file that cannot be read as a notice; the message (Chinese) says why."""


def read_text(text: str, source: str = "") -> Document:
    """A notice given as text: one paragraph a line; a page's markup pasted as it was copied
    ("<p class=\"ql-block\">…</p>", a 美篇 or an editor's source) is read as the page it is."""
    if len(_BLOCK_TAGS.findall(text[:20000])) >= 2:
        return read_html(text, source)
    return Document(tuple(Paragraph(line) for line in without_toneless_pinyin(text).splitlines()), source)


# A block element holding text; empty ones are a spam page's junk between lines of plain text.
_BLOCK_TAGS: Final = re.compile(r"<(p|div|li|td|h[1-6]|section)\b[^>]*>[^<]*[^<\s][^<]*</\1>", re.IGNORECASE)


def read_file(path: str | Path) -> Document:
    path = Path(path)
    try:
        if path.is_dir():
            raise ReadError("是一个目录，不是文件")
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("文件不存在") from None
    except OSError as error:
        raise ReadError(f"无法读取文件：{error.strerror}") from None
    _check_size(size)
    return read_bytes(path.read_bytes(), path.name)


def _check_size(size: int) -> None:
    if size == 0:
        raise ReadError("文件为空")
    if size > MAX_BYTES:
        raise ReadError(f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 20 MB")


_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PICTURES: Final = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")


def read_bytes(raw: bytes, name: str = "") -> Document:
    """A notice from the bytes of a file; ``name`` (with its extension) helps tell the kind."""
    _check_size(len(raw))
    suffix = Path(name).suffix.lower()
    if raw.startswith(b"%PDF"):
        raise ReadError("是 PDF 文件，暂不支持：请提供 .docx、.doc、.xlsx、.html 或 .txt 文件")
    if raw.startswith(_PICTURES):
        raise ReadError("是图片文件，不是文字：请提供 .docx、.doc、.xlsx、.html 或 .txt 文件")
    if raw.startswith(b"PK\x03\x04"):
        return _read_zip(raw, name)
    if raw.startswith(_OLE):
        return _read_office(raw, name, ".xls" if suffix in (".xls", ".et") else ".doc")
    if raw.lstrip().startswith(b"{\\rtf"):
        return _read_office(raw, name, ".rtf")
    text = _decode(raw)
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or _looks_like_html(text):
        return read_html(text, name)
    return read_text(text, name)


def _decode(raw: bytes) -> str:
    try:
        text = decode_text(raw)
    except UndecodableText:
        text = _bomless_utf16(raw)
    controls = sum(1 for char in text[:20000] if ord(char) < 32 and char not in "\t\n\r\f\v")
    if controls > max(3, len(text[:20000]) // 100):
        raise ReadError("是二进制文件，不是文本：请提供 .docx、.doc、.xlsx、.html 或 .txt 文件")
    return text


def _bomless_utf16(raw: bytes) -> str:
    """UTF-16 saved without a byte-order mark: the byte order whose text reads as text."""
    if len(raw) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _readable(text):
                return text
    raise ReadError("无法识别文件编码（不是 UTF-8、GB18030 或 UTF-16 文本），可能是二进制文件")


def _readable(text: str) -> bool:
    sample = text[:5000]
    usual = sum(
        1
        for char in sample
        if char in "\t\n\r "
        or 0x20 < ord(char) < 0x7F
        or 0x3000 <= ord(char) <= 0x9FFF
        or 0xFF00 <= ord(char) <= 0xFFEF
        or 0x2010 <= ord(char) <= 0x201F
    )
    return bool(sample) and usual >= 0.95 * len(sample)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


# --- .docx -------------------------------------------------------------------------------------


def _read_zip(raw: bytes, name: str) -> Document:
    refusal = package_refusal(name or "通知", raw, UploadLimits(max_bytes=MAX_BYTES))
    if refusal is not None:  # a zip bomb is refused from its directory, before anything is inflated
        raise ReadError(refusal)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise ReadError("文件已损坏（不是完整的 .docx 或 .xlsx）") from None
    if "word/document.xml" in names:
        return read_docx(raw, name)
    if "xl/workbook.xml" in names:
        return read_xlsx(raw, name)
    raise ReadError("是压缩文件，不是 .docx 或 .xlsx 文件")


def _refuse_dtd(raw: bytes) -> None:
    """A part that declares a DTD (entity bombs, external entities) is refused before any parser
    sees it: no real Office file has one (ECMA-376 Part 2 §8.1.4 [M1.18])."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            part = dtd_part(archive)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
        return  # not a readable package: the reader says so
    if part is not None:
        raise ReadError(f"文件中的“{part}”含有文档类型声明（DOCTYPE），可能是恶意构造的文件，请用办公软件打开后另存再上传")


def read_docx(raw: bytes, name: str = "") -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _refuse_dtd(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, EOFError, zlib.error, zipfile.BadZipFile):
        raise ReadError("不是有效的 .docx 文件") from None  # lxml's XMLSyntaxError is a SyntaxError
    try:  # a main part of another kind (a worksheet named word/document.xml) has no body
        return Document(tuple(_docx_blocks(document.element.body)), name)
    except (AttributeError, ValueError, TypeError, KeyError):
        raise ReadError("不是有效的 .docx 文件（文档结构已损坏）") from None


def _docx_blocks(container: Any) -> Iterator[Block]:
    from docx.oxml.ns import qn

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(_docx_text(child))
        elif child.tag == qn("w:tbl"):
            yield _docx_table(child)
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _docx_blocks(child)


def _docx_text(paragraph: Any) -> str:
    from docx.text.paragraph import Paragraph as DocxParagraph

    return str(DocxParagraph(paragraph, None).text)  # type: ignore[arg-type]  # no story part needed for text


def _docx_table(table: Any) -> Table:
    """Rows of grid cells: a vMerge continuation is an empty ``merged`` cell."""
    from docx.oxml.ns import qn

    rows = []
    for row in table.iter(qn("w:tr")):
        if row.getparent() is not table:
            continue  # a row of a table nested in a cell: its text is in that cell
        cells: list[Cell] = []
        for cell in row.tc_lst:
            if cell.vMerge == "continue":
                cells.append(Cell("", merged=True))
            else:
                text = "\n".join(_docx_text(p) for p in cell.iter(qn("w:p")))
                cells.append(Cell(text.strip()))
            cells += [Cell("")] * (cell.grid_span - 1)
        rows.append(tuple(cells))
    return Table(tuple(rows))


# --- .xlsx -------------------------------------------------------------------------------------


def read_xlsx(raw: bytes, name: str = "") -> Document:
    import openpyxl  # type: ignore[import-untyped]

    _refuse_dtd(raw)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except (KeyError, ValueError, OSError, SyntaxError, EOFError, zlib.error, zipfile.BadZipFile):  # ParseError is a SyntaxError
        raise ReadError("不是有效的 .xlsx 文件") from None
    tables = [_sheet_table(sheet) for sheet in workbook.worksheets]
    return Document(tuple(table for table in tables if len(table.rows) >= 2), name)


def _sheet_table(sheet: Any) -> Table:
    merged: dict[tuple[int, int], bool] = {}  # (row, column) → continues the row above
    for cell_range in sheet.merged_cells.ranges:
        for row in range(cell_range.min_row, cell_range.max_row + 1):
            for column in range(cell_range.min_col, cell_range.max_col + 1):
                if (row, column) != (cell_range.min_row, cell_range.min_col):
                    merged[(row, column)] = row > cell_range.min_row
    rows = []
    for row_index, values in enumerate(sheet.iter_rows(values_only=True), 1):
        cells = tuple(
            Cell("", merged=merged[(row_index, column)])
            if (row_index, column) in merged
            else Cell(_cell_text(value))
            for column, value in enumerate(values, 1)
        )
        rows.append(cells)
    while rows and not any(cell.text for cell in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell.text), default=0)
    return Table(tuple(row[:width] for row in rows))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- .doc, .rtf, .xls: through LibreOffice -------------------------------------------------------


def _read_office(raw: bytes, name: str, suffix: str) -> Document:
    target = "xlsx" if suffix == ".xls" else "docx"
    converted = convert_with_libreoffice(raw, suffix, target)
    return read_xlsx(converted, name) if target == "xlsx" else read_docx(converted, name)


def convert_with_libreoffice(raw: bytes, suffix: str, target: str) -> bytes:
    """The file converted by headless LibreOffice (soffice), e.g. .doc → docx."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError(f"读取 {suffix} 文件需要 LibreOffice（soffice），本机未安装")
    with tempfile.TemporaryDirectory(prefix="gongkai-convert-") as work:
        source = Path(work) / f"notice{suffix}"
        source.write_bytes(raw)
        profile = (Path(work) / "lo_profile").as_uri()
        command = [
            soffice, "--headless", "--norestore", "--convert-to", target,
            "--outdir", str(Path(work) / "out"), f"-env:UserInstallation={profile}", str(source),
        ]  # fmt: skip
        _run(command, suffix)
        result = Path(work) / "out" / f"notice.{target}"
        if not result.exists():
            raise ReadError(f"LibreOffice 无法转换此 {suffix} 文件（文件可能已损坏）")
        return result.read_bytes()


def _run(command: list[str], suffix: str) -> None:
    """Run soffice in a session of its own, so that a time-out ends soffice.bin too."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ReadError(f"转换 {suffix} 文件超时（{CONVERT_TIMEOUT_S} 秒）") from None


# --- .html -------------------------------------------------------------------------------------

_SKIPPED: Final = frozenset(
    [
        "script",
        "style",
        "noscript",
        "iframe",
        "nav",
        "footer",
        "form",
        "select",
        "button",
        "input",
        "textarea",
        "svg",
        "object",
        "embed",
        "template",
        "head",
        "map",
        "audio",
        "video",
        "canvas",
    ]
)
_BLOCKS: Final = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "center",
        "tr",
        "td",
        "th",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "main",
        "aside",
        "address",
        "hr",
        "figure",
        "figcaption",
        "header",
    ]
)
_MENU: Final = re.compile(r"nav|menu|footer|breadcrumb|crumb|share|toolbar|copyright|sidebar", re.I)
_SPACES: Final = re.compile(r"[ \t\r\n\f]+")


def read_html(text: str, name: str = "") -> Document:
    """A saved web page: its paragraphs and data tables, without menus and scripts."""
    import lxml.html  # type: ignore[import-untyped]
    from lxml.etree import ParserError  # type: ignore[import-untyped]

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (ParserError, ValueError):
        raise ReadError("不是有效的 HTML 页面") from None
    reader = _HtmlReader()
    reader.visit(root)
    reader.flush()
    return Document(tuple(reader.blocks), name)


class _HtmlReader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        self.blocks += [Paragraph(line.strip()) for line in text.split("\n") if line.strip()]

    def visit(self, element: Any) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag == "br":
            self.buffer.append("\n")
            return
        if tag == "table" and _is_data_table(element):
            self.flush()
            self.blocks.append(_html_table(element))
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        self.buffer.append(_SPACES.sub(" ", element.text or "") if tag else "")
        for child in element:
            if _visible(child):
                self.visit(child)
            self.buffer.append(_SPACES.sub(" ", child.tail or ""))
        if block:
            self.flush()


def _visible(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False  # a comment or processing instruction
    if element.tag.lower() in _SKIPPED:
        return False
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    if _MENU.search(marks) and not element.xpath(".//table"):
        return len(element.text_content()) > 500
    return True


def _is_data_table(table: Any) -> bool:
    """A table of data, not one that lays out the page: no table inside, 2+ rows of 2+ cells."""
    if table.xpath(".//table"):
        return False
    rows = _html_rows(table)
    return len(rows) >= 2 and max(len(row.xpath("./td|./th")) for row in rows) >= 2


def _html_rows(table: Any) -> list[Any]:
    return list(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"))


def _html_table(table: Any) -> Table:
    """Rows of grid cells; rowspan continues a cell into the rows below (``merged``)."""
    spans: dict[int, int] = {}  # grid column → rows it still covers
    rows = []
    for row in _html_rows(table):
        cells: list[Cell] = []
        for cell in row.xpath("./td|./th"):
            cells += _spanned(spans, len(cells))
            text = _cell_html_text(cell)
            width, height = _span(cell.get("colspan")), _span(cell.get("rowspan"))
            for offset in range(width):
                cells.append(Cell(text if offset == 0 else ""))
                if height > 1:
                    spans[len(cells) - 1] = height - 1
        while spans and max(spans) >= len(cells):
            cells += _spanned(spans, len(cells)) or [Cell("")]
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _spanned(spans: dict[int, int], column: int) -> list[Cell]:
    """Merged cells at ``column`` and after, while a rowspan from above covers them."""
    cells: list[Cell] = []
    while spans.get(column + len(cells), 0) > 0:
        position = column + len(cells)
        spans[position] -= 1
        if not spans[position]:
            del spans[position]
        cells.append(Cell("", merged=True))
    return cells


def _span(value: str | None) -> int:
    return max(1, min(int(value), 100)) if value and value.strip().isdigit() else 1


def _cell_html_text(cell: Any) -> str:
    reader = _HtmlReader()
    reader.visit(cell)
    reader.flush()
    return "\n".join(block.text for block in reader.blocks if isinstance(block, Paragraph))
