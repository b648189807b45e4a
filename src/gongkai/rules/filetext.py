"""The text of a document, part by part, for the privacy scan and the search index.

A clerk's document hides personal data where nobody reads twice: the header and footer of a Word
file (each section's, the first page's and the even pages'), its tables, the cells of a workbook,
the ``href="tel:…"`` and ``mailto:`` of a web page, the pages of a PDF. :func:`read_document`
reads all of them into :class:`DocumentText`: its :attr:`~DocumentText.text` is what the scan
(``rules.pii.scan``) reads — the same string whether a clerk checks a file with
``gongkai privacy scan`` or the reviewer checks an attachment before publishing — and
:meth:`~DocumentText.where` names the place of any offset in it ("第1节页脚", "表格1第2行",
"工作表“名单” C3", "第2页").

Nothing is passed silently: what could not be read (a PDF page without text, a scanned PDF, an
encrypted one, text cut at the size limit) is listed in :attr:`~DocumentText.unreadable`, in
words for the person who must check it; a file that cannot be read at all raises
:class:`UnreadableDocument` with a Chinese message.

Supported: .txt/.csv (UTF-8, UTF-16, GB18030 through ``rules.textcodec``), .docx (python-docx),
.xlsx (openpyxl), .html/.htm, .pdf (pypdf). Pure Python, no Django.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Final
from urllib.parse import unquote

from gongkai.rules.textcodec import UndecodableText, decode_text

MAX_CHARS: Final = 2_000_000
SUPPORTED: Final = ("txt", "csv", "docx", "xlsx", "html", "htm", "pdf")
DAMAGED: Final = "文件可能已损坏，请用办公软件打开另存后重试"


class UnreadableDocument(ValueError):
    """Nothing of the file could be read; ``str(error)`` is a Chinese message."""


class UnsupportedDocument(UnreadableDocument):
    """A type whose text is not read here (images, OFD, old Office formats)."""


@dataclass(frozen=True)
class TextPart:
    """One place of a document; ``marks`` name finer places from an offset on (ascending)."""

    where: str
    text: str
    marks: tuple[tuple[int, str], ...] = ()

    def where_at(self, offset: int) -> str:
        i = bisect.bisect_right([start for start, _ in self.marks], offset)
        return self.marks[i - 1][1] if i else self.where


@dataclass(frozen=True)
class DocumentText:
    parts: tuple[TextPart, ...]
    unreadable: tuple[str, ...] = ()
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        offset = 0
        for part in self.parts:
            self._starts.append(offset)
            offset += len(part.text) + 1

    @property
    def text(self) -> str:
        """The parts, one after another, a line break between two."""
        return "\n".join(part.text for part in self.parts)

    def where(self, offset: int) -> str:
        """The place of the character at ``offset`` of :attr:`text`."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.parts[i].where_at(offset - self._starts[i]) if i >= 0 else ""


def extension_of(name: str) -> str:
    """ "通知.PDF" → "pdf"; "" when the name has none (old browsers send "C:\\…\\通知.pdf")."""
    base = re.split(r"[\\/]", name)[-1].strip()
    return base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


def read_document(name: str, content: bytes, *, max_chars: int = MAX_CHARS) -> DocumentText:
    """The text of ``content`` (a file called ``name``), by the type its extension names."""
    extension = extension_of(name)
    readers = {
        "txt": _plain, "csv": _plain, "docx": _docx, "xlsx": _xlsx,
        "html": _html, "htm": _html, "pdf": _pdf,
    }  # fmt: skip
    if extension not in readers:
        shown = f"（.{extension}）" if extension else ""
        raise UnsupportedDocument(
            f"不能读取此类文件{shown}的文字；支持 .txt、.csv、.docx、.xlsx、.html、.pdf"
        )
    if not content:
        raise UnreadableDocument("文件为空")
    if extension in ("docx", "xlsx"):
        from gongkai.rules.uploads import package_refusal  # uploads reads files through this module

        refusal = package_refusal(name, content)
        if refusal is not None:  # a zip bomb is refused before python-docx or openpyxl inflates it
            raise UnreadableDocument(refusal)
    try:
        parts, unreadable = readers[extension](content, max_chars)
    except UnreadableDocument:
        raise
    except UndecodableText as error:
        raise UnreadableDocument(str(error)) from error
    except Exception as error:  # python-docx, openpyxl and pypdf raise many types on a bad file
        raise UnreadableDocument(DAMAGED) from error
    return _within(parts, unreadable, max_chars)


def _within(parts: list[TextPart], unreadable: list[str], max_chars: int) -> DocumentText:
    kept: list[TextPart] = []
    length = 0
    for part in parts:
        if length + len(part.text) > max_chars:
            room = max(0, max_chars - length)
            kept.append(TextPart(part.where, part.text[:room], part.marks))
            unreadable.append(f"{part.where}起的文字超过 {max_chars} 字，其余部分未检查")
            break
        kept.append(part)
        length += len(part.text) + 1
    return DocumentText(tuple(kept), tuple(unreadable))


Read = tuple[list[TextPart], list[str]]


# --- text --------------------------------------------------------------------------------------


def _lines(where: str, text: str, label: str = "第{}行") -> TextPart:
    marks, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        marks.append((offset, f"{where}{label.format(number)}" if where else label.format(number)))
        offset += len(line) + 1
    return TextPart(where or "正文", text, tuple(marks))


def _plain(content: bytes, max_chars: int) -> Read:
    return [_lines("", decode_text(content).replace("\r\n", "\n"))], []


# --- Word --------------------------------------------------------------------------------------


def _docx(content: bytes, max_chars: int) -> Read:
    from docx import Document

    document = Document(io.BytesIO(content))
    parts = [_blocks("正文", document), _text_boxes("正文文本框", document.element.body)]
    several = len(document.sections) > 1
    for number, section in enumerate(document.sections, start=1):
        prefix = f"第{number}节" if several else ""
        for attribute, label in (
            ("header", "页眉"), ("first_page_header", "首页页眉"), ("even_page_header", "偶数页页眉"),
            ("footer", "页脚"), ("first_page_footer", "首页页脚"), ("even_page_footer", "偶数页页脚"),
        ):  # fmt: skip
            story = getattr(section, attribute)
            if not story.is_linked_to_previous:  # a linked one is the previous section's, read there
                parts.append(_blocks(prefix + label, story))
                parts.append(_text_boxes(prefix + label + "文本框", story._element))
    return [part for part in parts if part.text.strip()], []


def _blocks(where: str, container: Any) -> TextPart:
    """Paragraphs and tables in order: a table one row a line, its cells apart by tabs (so that a
    cue such as “联系电话” in one cell is read with the number in the next)."""
    from docx.table import Table

    lines: list[str] = []
    marks: list[tuple[int, str]] = []
    offset = paragraphs = tables = 0
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            rows = list(table_lines(block))
            for number, row in enumerate(rows, start=1):
                marks.append((offset, f"{where}表格{tables}第{number}行"))
                lines.append(row)
                offset += len(row) + 1
        else:
            paragraphs += 1
            marks.append((offset, f"{where}第{paragraphs}段"))
            lines.append(block.text)
            offset += len(block.text) + 1
    return TextPart(where, "\n".join(lines), tuple(marks))


def _text_boxes(where: str, element: Any) -> TextPart:
    """The paragraphs of the text boxes and shapes in ``element`` (a red-headed 文件头, a stamp's
    caption, a contact box): python-docx's paragraphs do not reach into them. A box drawn both as
    DrawingML and, for old Word, as VML (``mc:Fallback``) is read once."""
    from docx.oxml.ns import qn

    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    lines: list[str] = []
    marks: list[tuple[int, str]] = []
    offset = 0
    for box in element.iter(qn("w:txbxContent")):
        if any(ancestor.tag == fallback for ancestor in box.iterancestors()):
            continue
        for paragraph in box.iter(qn("w:p")):
            text = "".join(node.text or "" for node in paragraph.iter(qn("w:t")))
            marks.append((offset, f"{where}第{len(marks) + 1}段"))
            lines.append(text)
            offset += len(text) + 1
    return TextPart(where, "\n".join(lines), tuple(marks))


def table_lines(table: Any) -> Iterator[str]:
    """The rows of a python-docx table, a merged cell once (it is listed once per grid column)."""
    for row in table.rows:
        cells: list[str] = []
        previous: object = None
        for cell in row.cells:
            if cell._tc is not previous:
                cells.append(cell.text)
            previous = cell._tc
        yield "\t".join(cells)


# --- Excel -------------------------------------------------------------------------------------


def _xlsx(content: bytes, max_chars: int) -> Read:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    parts: list[TextPart] = []
    length = 0
    try:
        for sheet in workbook.worksheets:
            parts.append(_sheet(str(sheet.title), sheet, max_chars - length))
            length += len(parts[-1].text) + 1
            if length > max_chars:
                break  # _within says what was left unread
    finally:
        workbook.close()
    return parts, []


def _sheet(title: str, sheet: Any, room: int) -> TextPart:
    """The sheet's title on the first line, then its rows, one a line, cells apart by tabs; rows
    stop once ``room`` characters are passed (a huge workbook is not read to its end)."""
    where = f"工作表“{title}”"
    lines, marks = [title], [(0, where)]
    offset = len(title) + 1
    for row in sheet.iter_rows():
        if offset > room:
            break
        values: list[str] = []
        for cell in row:
            if cell.value is None or str(cell.value) == "":
                continue
            if values:
                offset += 1
            marks.append((offset, f"{where} {cell.coordinate}"))
            values.append(str(cell.value))
            offset += len(values[-1])
        if values:
            lines.append("\t".join(values))
            offset += 1
    return TextPart(where, "\n".join(lines), tuple(marks))


# --- web pages ---------------------------------------------------------------------------------


class _Attributes(HTMLParser):
    """Every attribute value of the page (``href="tel:…"``, ``mailto:``, ``title``, ``alt``…)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and value.strip():
                self.found.append((f"<{tag} {name}> 属性", unquote(value)))


def attribute_values(page: str) -> list[tuple[str, str]]:
    """(where, value) of every attribute of ``page``, percent-escapes undone
    (``mailto:zhang%40163.com``)."""
    parser = _Attributes()
    parser.feed(page)
    parser.close()
    return parser.found


def _html(content: bytes, max_chars: int) -> Read:
    from gongkai.rules.richtext import html_to_text  # richtext imports the scan, which is fine

    page = decode_text(content)
    parts = [TextPart("正文", html_to_text(page))]
    parts += [TextPart(where, value) for where, value in attribute_values(page)]
    return parts, []


# --- PDF ---------------------------------------------------------------------------------------


def _pdf(content: bytes, max_chars: int) -> Read:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("PDF 文件已加密，无法读取文字，请人工核对或去掉密码后重试")
        pages = list(reader.pages)
    except PdfReadError as error:
        raise UnreadableDocument(f"无法读取 PDF 文件（{DAMAGED}）") from error
    if not pages:
        raise UnreadableDocument(f"PDF 文件中没有页面（{DAMAGED}）")
    parts: list[TextPart] = []
    unreadable: list[str] = []
    for number, page in enumerate(pages, start=1):
        where = f"第{number}页"
        try:
            text = page.extract_text().replace("\x00", "")
        except Exception:  # one damaged page: the others are still read
            unreadable.append(f"{where}：无法读取文字，请人工核对")
            continue
        if text.strip():
            parts.append(TextPart(where, text))
        elif _has_images(page):
            unreadable.append(f"{where}：没有可读取的文字（可能是扫描图片），请人工核对")
    if not parts and unreadable:
        raise UnreadableDocument(
            "PDF 文件没有可读取的文字（可能是扫描件），请人工核对：" + "；".join(unreadable)
        )
    return parts, unreadable


def _has_images(page: Any) -> bool:
    """Whether a page without text draws something (a scan is an image); a blank page does not."""
    try:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        return bool(resources.get("/XObject"))
    except Exception:
        return True  # cannot tell: a person looks
