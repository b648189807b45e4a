"""Attachment checks before anything is saved, and the text of attachments for the privacy scan.

An attachment is judged by its content, not its name: the real type comes from its magic bytes
(PDF "%PDF-", OLE2 compound files D0 CF 11 E0 for .doc/.xls/.ppt and WPS .wps/.et, ZIP "PK\\3\\4"
for .docx/.xlsx/.pptx — told apart by the main part in ``[Content_Types].xml``, ECMA-376 Part 2 —
and OFD — an ``OFD.xml`` at the root, GB/T 33190-2016 —, JPEG FF D8 FF, PNG, RTF, plain text) and
must be one the name's extension allows. Executables (PE "MZ", ELF, Mach-O, "#!" scripts) are
refused whatever their name: an .exe renamed .pdf is refused as such.

ZIP-based files are checked for zip bombs without extracting anything, from the central directory
alone: the number of entries, the total uncompressed size, the compression ratio (per entry and
overall), entries that overlap (the "overlapping files" bomb), encryption, executables inside, and
archives inside archives (inspected ``max_nesting`` levels deep, deeper ones refused). The XML
parts of Office and OFD files must not declare a document type: a DTD is where entity bombs
("billion laughs") and external entities (XXE, reading the server's files) live, and no real
Office file has one (ECMA-376 Part 2 §8.1.4 [M1.18]: a DTD declaration is an error). The declared
sizes can be trusted as upper bounds because Python's ``zipfile`` never inflates an entry past its
declared size (it fails the CRC instead), and only ``zipfile`` reads these files here
(``extract_text``, python-docx, openpyxl).

Every refusal carries a Chinese message a clerk can act on, e.g. "附件“通知.pdf”的实际内容是可执行
程序，不是 PDF 文件，已拒绝上传". Django's upload handler calls :func:`check_upload_size` before
reading the file and :func:`check_upload` before saving it.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from gongkai.rules.filetext import (
    MAX_CHARS,
    UnreadableDocument,
    UnsupportedDocument,
    extension_of,
    read_document,
)
from gongkai.rules.textcodec import UndecodableText, decode_text

MiB: Final = 1024 * 1024


class FileKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    DOC = "doc"
    XLS = "xls"
    PPT = "ppt"
    OLE2 = "ole2"  # another compound file: .msi installers, .msg mails …
    OFD = "ofd"
    JPEG = "jpeg"
    PNG = "png"
    RTF = "rtf"
    ZIP = "zip"
    TEXT = "text"
    MACRO_OFFICE = "macro_office"  # .docm/.xlsm/.pptm content
    EXECUTABLE = "executable"
    UNKNOWN = "unknown"


KIND_LABELS: Final = {
    FileKind.PDF: "PDF 文件",
    FileKind.DOCX: "Word 文档（.docx）",
    FileKind.XLSX: "Excel 表格（.xlsx）",
    FileKind.PPTX: "PowerPoint 演示文稿（.pptx）",
    FileKind.DOC: "Word 97-2003 文档（.doc）",
    FileKind.XLS: "Excel 97-2003 表格（.xls）",
    FileKind.PPT: "PowerPoint 97-2003 演示文稿（.ppt）",
    FileKind.OLE2: "其他复合文档（如安装包）",
    FileKind.OFD: "OFD 版式文件",
    FileKind.JPEG: "JPEG 图片",
    FileKind.PNG: "PNG 图片",
    FileKind.RTF: "RTF 文档",
    FileKind.ZIP: "ZIP 压缩包",
    FileKind.TEXT: "纯文本",
    FileKind.MACRO_OFFICE: "含宏的 Office 文档",
    FileKind.EXECUTABLE: "可执行程序",
    FileKind.UNKNOWN: "无法识别的内容",
}

_ZIP_FAMILY: Final = frozenset(
    {FileKind.ZIP, FileKind.DOCX, FileKind.XLSX, FileKind.PPTX, FileKind.OFD}
)
# What each accepted extension may contain. A .zip may hold any ZIP-based file.
EXTENSIONS: Final[dict[str, frozenset[FileKind]]] = {
    "pdf": frozenset({FileKind.PDF}),
    "ofd": frozenset({FileKind.OFD}),
    "docx": frozenset({FileKind.DOCX}),
    "xlsx": frozenset({FileKind.XLSX}),
    "pptx": frozenset({FileKind.PPTX}),
    "doc": frozenset({FileKind.DOC, FileKind.RTF}),  # Word also saves RTF under .doc
    "wps": frozenset({FileKind.DOC}),  # WPS 文字
    "xls": frozenset({FileKind.XLS}),
    "et": frozenset({FileKind.XLS}),  # WPS 表格
    "ppt": frozenset({FileKind.PPT}),
    "rtf": frozenset({FileKind.RTF}),
    "jpg": frozenset({FileKind.JPEG}),
    "jpeg": frozenset({FileKind.JPEG}),
    "png": frozenset({FileKind.PNG}),
    "zip": _ZIP_FAMILY,
    "txt": frozenset({FileKind.TEXT}),
    "csv": frozenset({FileKind.TEXT}),
}
_EXECUTABLE_NAMES: Final = re.compile(
    r"\.(exe|com|bat|cmd|scr|pif|msi|dll|sys|cpl|js|jse|vbs|vbe|wsf|wsh|ps1|hta|jar|apk|lnk|sh|elf)$",
    re.IGNORECASE,
)
_ARCHIVE_NAMES: Final = re.compile(
    r"\.(zip|docx|xlsx|pptx|ofd|rar|7z|gz|tgz|tar|bz2|xz|cab|zst)$", re.IGNORECASE
)
_ZIP_NAMES: Final = re.compile(r"\.(zip|docx|xlsx|pptx|ofd)$", re.IGNORECASE)


class Refusal(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BAD_NAME = "bad_name"
    UNSUPPORTED = "unsupported"
    EXECUTABLE = "executable"
    MISMATCH = "mismatch"
    ARCHIVE_BOMB = "archive_bomb"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    XML_DTD = "xml_dtd"  # a part of an Office or OFD file declares a DTD: entities, XXE


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = 50 * MiB
    max_entries: int = 10_000  # an .xlsx of 10,000 sheets is not a real catalog
    max_total_uncompressed: int = 500 * MiB
    max_ratio: int = 100  # real Office XML compresses 5–20 times; bombs 1000 times and more
    ratio_floor: int = 1 * MiB  # entries smaller than this may compress as well as they like
    max_nesting: int = 1  # archives inside the upload are inspected; archives inside those refused


DEFAULT_LIMITS: Final = UploadLimits()


@dataclass(frozen=True)
class UploadCheck:
    """The verdict on one attachment. ``kind`` is the real type found in the content."""

    name: str
    kind: FileKind
    refusal: Refusal | None
    message: str

    @property
    def ok(self) -> bool:
        return self.refusal is None


def _size(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{max(1, round(n / 1024))} KB"


def _base_name(name: str) -> str:
    return re.split(r"[\\/]", name)[-1].strip()  # old browsers send "C:\\…\\通知.pdf"


# --- detection ---------------------------------------------------------------------------------

_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACHO: Final = (
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
)
_OOXML_MAIN: Final = (
    ("macroEnabled", FileKind.MACRO_OFFICE),
    ("wordprocessingml.document.main+xml", FileKind.DOCX),
    ("wordprocessingml.template.main+xml", FileKind.DOCX),
    ("spreadsheetml.sheet.main+xml", FileKind.XLSX),
    ("spreadsheetml.template.main+xml", FileKind.XLSX),
    ("presentationml.presentation.main+xml", FileKind.PPTX),
)


def detect_kind(content: bytes) -> FileKind:
    """The real type of ``content``, from its magic bytes (and, for ZIP, its entry names)."""
    head = content[:8]
    if head[:2] == b"MZ" or head[:4] == b"\x7fELF" or head[:4] in _MACHO or head[:2] == b"#!":
        return FileKind.EXECUTABLE
    if b"%PDF-" in content[:1024]:  # ISO 32000 allows bytes before the header; readers look 1 KB
        return FileKind.PDF
    if head == _OLE2:
        return _ole2_kind(content)
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip_kind(content)
    if head[:3] == b"\xff\xd8\xff":
        return FileKind.JPEG
    if head == b"\x89PNG\r\n\x1a\n":
        return FileKind.PNG
    if content.startswith(b"{\\rtf"):
        return FileKind.RTF
    return FileKind.TEXT if _is_text(content) else FileKind.UNKNOWN


def _ole2_kind(content: bytes) -> FileKind:
    """Word, Excel and PowerPoint name their main stream in the compound file's directory
    (UTF-16LE): "WordDocument", "Workbook" (or "Book", BIFF5), "PowerPoint Document"."""
    for stream, kind in (
        ("WordDocument", FileKind.DOC),
        ("Workbook", FileKind.XLS),
        ("Book", FileKind.XLS),
        ("PowerPoint Document", FileKind.PPT),
    ):
        if stream.encode("utf-16-le") in content:
            return kind
    return FileKind.OLE2


def _zip_kind(content: bytes) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return _archive_kind(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError):
        return FileKind.UNKNOWN


def _archive_kind(archive: zipfile.ZipFile) -> FileKind:
    names = set(archive.namelist())
    if "[Content_Types].xml" in names:
        info = archive.getinfo("[Content_Types].xml")
        if info.file_size > MiB or info.flag_bits & 0x1:
            return FileKind.ZIP
        types = archive.read(info).decode("utf-8", "replace")
        for marker, kind in _OOXML_MAIN:
            if marker in types:
                return kind
    if "OFD.xml" in names or "ofd.xml" in names:
        return FileKind.OFD
    return FileKind.ZIP


def is_complete(kind: FileKind, content: bytes) -> bool:
    """Whether a PDF, JPEG or PNG has its end, so that a truncated upload or a file that only
    starts like one is caught: a PDF ends with ``%%EOF`` (ISO 32000-1 §7.5.5; readers look in the
    last 1 KB), a JPEG has its EOI marker FF D9 after the start (ISO/IEC 10918-1 B.2.1; cameras may
    append data after it), a PNG ends with its IEND chunk (ISO/IEC 15948 §11.2.5). Other kinds:
    True."""
    if kind is FileKind.PDF:
        return b"%%EOF" in content[-1024:]
    if kind is FileKind.JPEG:
        return content.rfind(b"\xff\xd9") > 2
    if kind is FileKind.PNG:
        return b"IEND\xaeB`\x82" in content[-1024:]
    return True


def _is_text(content: bytes) -> bool:
    try:
        text = decode_text(content)
    except UndecodableText:
        return False
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\x1a")
    return controls == 0


# --- the checks --------------------------------------------------------------------------------


def _refuse(name: str, kind: FileKind, refusal: Refusal, message: str) -> UploadCheck:
    return UploadCheck(name=name, kind=kind, refusal=refusal, message=message)


def check_upload_size(name: str, size: int, limits: UploadLimits = DEFAULT_LIMITS) -> UploadCheck:
    """The checks that need only the size: call before reading the file."""
    shown = _base_name(name)
    if size == 0:
        return _refuse(
            shown, FileKind.UNKNOWN, Refusal.EMPTY, f"附件“{shown}”是空文件，请检查后重新选择"
        )
    if size > limits.max_bytes:
        return _refuse(
            shown,
            FileKind.UNKNOWN,
            Refusal.TOO_LARGE,
            f"附件“{shown}”大小为 {_size(size)}，超过上限 {_size(limits.max_bytes)}，"
            "请压缩或拆分后再上传",
        )
    return UploadCheck(shown, FileKind.UNKNOWN, None, "")


def check_upload(name: str, content: bytes, limits: UploadLimits = DEFAULT_LIMITS) -> UploadCheck:
    """Whether the attachment ``name`` with ``content`` may be saved, and why not."""
    shown = _base_name(name)
    sized = check_upload_size(name, len(content), limits)
    if not sized.ok:
        return sized
    if (
        not shown
        or len(shown) > 200
        or any(ord(ch) < 32 or ch in '<>:"|?*' for ch in shown)
        or shown.endswith(".")  # Windows drops it: "setup.exe." is saved as setup.exe
    ):
        return _refuse(
            shown,
            FileKind.UNKNOWN,
            Refusal.BAD_NAME,
            f"附件名“{shown}”含有不允许的字符或过长，请重命名后再上传",
        )
    kind = detect_kind(content)
    extension = extension_of(shown)
    if kind is FileKind.EXECUTABLE:
        expected = f"，不是{_spaced(_expected_label(extension))}" if extension in EXTENSIONS else ""
        return _refuse(
            shown,
            kind,
            Refusal.EXECUTABLE,
            f"附件“{shown}”的实际内容是可执行程序{expected}，已拒绝上传",
        )
    if _EXECUTABLE_NAMES.search(shown):
        return _refuse(
            shown, kind, Refusal.EXECUTABLE, f"附件“{shown}”是可执行程序或脚本，不允许作为附件上传"
        )
    if extension not in EXTENSIONS:
        return _refuse(
            shown,
            kind,
            Refusal.UNSUPPORTED,
            f"附件“{shown}”的格式{f'（.{extension}）' if extension else ''}不在允许范围内，"
            "请转换为 PDF、OFD、Word、Excel、PowerPoint、图片、纯文本或 ZIP 后再上传",
        )
    if kind not in EXTENSIONS[extension]:
        return _refuse(shown, kind, Refusal.MISMATCH, _mismatch_message(shown, kind, extension))
    if kind in _ZIP_FAMILY:
        problem = _archive_problem(shown, content, limits)
        if problem is not None:
            return _refuse(shown, kind, problem[0], problem[1])
    return UploadCheck(shown, kind, None, f"附件“{shown}”检查通过（{KIND_LABELS[kind]}）")


def check_import(name: str, content: bytes, limits: UploadLimits = DEFAULT_LIMITS) -> UploadCheck:
    """The guard of a file the office imports (a plan notice, the unit registry) before a reader
    opens it: no executable, and a ZIP-based file (.docx, .xlsx — whatever its name says) passes
    the same zip-bomb, encryption and DTD checks as an attachment. What the importer reads
    (.txt, .html, .doc) it judges itself."""
    shown = _base_name(name)
    sized = check_upload_size(name, len(content), limits)
    if not sized.ok:
        return sized
    kind = detect_kind(content)
    if kind is FileKind.EXECUTABLE:
        return _refuse(shown, kind, Refusal.EXECUTABLE, f"文件“{shown}”的实际内容是可执行程序，已拒绝导入")
    if kind in _ZIP_FAMILY or kind is FileKind.MACRO_OFFICE:
        problem = _archive_problem(shown, content, limits)
        if problem is not None:
            return _refuse(shown, kind, problem[0], problem[1].replace("附件", "文件", 1))
    return UploadCheck(shown, kind, None, f"文件“{shown}”检查通过（{KIND_LABELS[kind]}）")


def _spaced(label: str) -> str:
    """A space between Chinese and a Latin word, as Chinese typesetting has it: "是 PDF 文件"."""
    return f" {label}" if label[:1].isascii() else label


def _expected_label(extension: str) -> str:
    if extension == "zip":
        return KIND_LABELS[FileKind.ZIP]
    kinds = [kind for kind in FileKind if kind in EXTENSIONS[extension]]
    return "或".join(_spaced(KIND_LABELS[kind]) for kind in kinds).strip()


def _mismatch_message(shown: str, kind: FileKind, extension: str) -> str:
    message = (
        f"附件“{shown}”的实际内容是{_spaced(KIND_LABELS[kind])}，"
        f"不是{_spaced(_expected_label(extension))}，已拒绝上传"
    )
    right = [ext for ext, kinds in EXTENSIONS.items() if kinds == frozenset({kind})]
    if right:
        message += f"；如文件无误，请把扩展名改为 .{right[0]} 后再上传"
    elif kind is FileKind.MACRO_OFFICE:
        message += "；请另存为不含宏的文档后再上传"
    return message


# --- zip bombs ---------------------------------------------------------------------------------


@dataclass
class _Budget:
    """Uncompressed bytes and entries counted so far, across nested archives."""

    total: int = 0
    entries: int = 0


def _archive_problem(
    shown: str, content: bytes, limits: UploadLimits
) -> tuple[Refusal, str] | None:
    try:
        return _inspect_archive(shown, content, limits, depth=0, budget=_Budget())
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        OSError,
        EOFError,
        zlib.error,  # a damaged deflate stream, met when a part is read (the DTD check)
    ):
        return Refusal.CORRUPT, f"附件“{shown}”已损坏或不是完整的 ZIP 文件，无法检查，已拒绝上传"


def _inspect_archive(
    shown: str, content: bytes, limits: UploadLimits, depth: int, budget: _Budget
) -> tuple[Refusal, str] | None:
    bomb = f"附件“{shown}”疑似压缩炸弹"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        infos = archive.infolist()
        budget.entries += len(infos)
        budget.total += sum(info.file_size for info in infos)
        problem = _directory_problem(shown, bomb, infos, len(content), limits, budget)
        if problem is not None:
            return problem
        doctype_in = dtd_part(archive, infos) if _archive_kind(archive) is not FileKind.ZIP else None
        if doctype_in is not None:
            return Refusal.XML_DTD, (
                f"附件“{shown}”中的“{doctype_in}”含有文档类型声明（DOCTYPE），正常的 Office 文档不会有，"
                "可能是恶意构造的文件，已拒绝上传；如文件来源可靠，请用办公软件打开后另存再上传"
            )
        plain = _archive_kind(archive) is FileKind.ZIP
        for info in infos:
            if _unsafe_entry_name(info.filename):
                return Refusal.BAD_NAME, (
                    f"附件“{shown}”中的条目“{info.filename}”名称不安全（含 ../、绝对路径、盘符，"
                    "或以点、空格结尾），解压时可能写到别处或被当作其他文件，已拒绝上传"
                )
            if _EXECUTABLE_NAMES.search(info.filename):
                return (
                    Refusal.EXECUTABLE,
                    f"附件“{shown}”中含有可执行程序“{info.filename}”，已拒绝上传",
                )
            if info.is_dir():
                continue
            if plain:  # the files a person will open: judged by content, as an upload is
                problem = _entry_problem(shown, archive, info, limits)
                if problem is not None:
                    return problem
            if not _ARCHIVE_NAMES.search(info.filename):
                continue
            if depth + 1 > limits.max_nesting or not _ZIP_NAMES.search(info.filename):
                return Refusal.ARCHIVE_BOMB, (
                    f"附件“{shown}”中又含有压缩文件“{info.filename}”，无法逐层检查，"
                    "请解压后分别上传其中的文件"
                )
            if info.file_size > limits.max_bytes:
                return Refusal.ARCHIVE_BOMB, (
                    f"附件“{shown}”中的压缩文件“{info.filename}”解压后超过 {_size(limits.max_bytes)}，"
                    "请解压后分别上传其中的文件"
                )
            inner = _inspect_archive(shown, archive.read(info), limits, depth + 1, budget)
            if inner is not None:
                return inner
    return None


_DRIVE: Final = re.compile(r"^[A-Za-z]:")
# Data files that a ZIP of open data may hold besides the attachment types: text, by content.
_DATA_IN_ZIP: Final = {ext: frozenset({FileKind.TEXT}) for ext in ("xml", "json", "html", "htm", "md")}


def _unsafe_entry_name(name: str) -> bool:
    """An entry that an unzip tool would write outside the folder (``../``, ``/etc``, ``C:``) or
    that Windows would save under another name (a last part ending in a dot or a space:
    "setup.exe." becomes "setup.exe")."""
    parts = re.split(r"[\\/]", name)
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts:
        return True
    last = parts[-1] if parts[-1] else (parts[-2] if len(parts) > 1 else "")
    return last.endswith((".", " ")) or any(ord(char) < 32 for char in name)


def _entry_problem(
    shown: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: UploadLimits
) -> tuple[Refusal, str] | None:
    """A file inside a ZIP is held to the rules of an upload: an allowed extension (no .docm,
    .iso …) and content that is what the extension says (no program named setup.pdf)."""
    entry = info.filename
    extension = extension_of(entry)
    allowed = EXTENSIONS.get(extension) or _DATA_IN_ZIP.get(extension)
    if allowed is None:
        if _ARCHIVE_NAMES.search(entry):
            return None  # the nesting rules below say what to do with it
        return Refusal.UNSUPPORTED, (
            f"附件“{shown}”中的“{entry}”格式{f'（.{extension}）' if extension else ''}不在允许范围内，"
            "已拒绝上传；请只打包 PDF、OFD、Word、Excel、PowerPoint、图片或纯文本文件"
        )
    if info.file_size > limits.max_bytes:
        return Refusal.TOO_LARGE, (
            f"附件“{shown}”中的“{entry}”解压后超过 {_size(limits.max_bytes)}，请拆分后再上传"
        )
    kind = detect_kind(archive.read(info))
    if kind is FileKind.EXECUTABLE:
        return Refusal.EXECUTABLE, f"附件“{shown}”中的“{entry}”实际内容是可执行程序，已拒绝上传"
    if kind not in allowed:
        return Refusal.MISMATCH, (
            f"附件“{shown}”中的“{entry}”实际内容是{_spaced(KIND_LABELS[kind])}，"
            f"不是{_spaced(_expected_label(extension) if extension in EXTENSIONS else KIND_LABELS[FileKind.TEXT])}，"
            "已拒绝上传"
        )
    return None


def _directory_problem(
    shown: str,
    bomb: str,
    infos: list[zipfile.ZipInfo],
    size: int,
    limits: UploadLimits,
    budget: _Budget,
) -> tuple[Refusal, str] | None:
    """Bomb signs in the central directory alone, before anything is inflated."""
    if budget.entries > limits.max_entries:
        return (
            Refusal.ARCHIVE_BOMB,
            f"{bomb}：含 {budget.entries} 个条目，超过上限 {limits.max_entries}",
        )
    if budget.total > limits.max_total_uncompressed:
        return Refusal.ARCHIVE_BOMB, (
            f"{bomb}：解压后共 {_size(budget.total)}，超过上限 {_size(limits.max_total_uncompressed)}"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.ratio_floor and total > limits.max_ratio * size:
        return Refusal.ARCHIVE_BOMB, f"{bomb}：压缩比超过 {limits.max_ratio} 倍"
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        return Refusal.CORRUPT, f"附件“{shown}”含有重名的条目，可能被篡改，已拒绝上传"
    for info in infos:
        if info.flag_bits & 0x1:
            return Refusal.ENCRYPTED, f"附件“{shown}”已加密，无法检查内容，请去掉密码后再上传"
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            return (
                Refusal.ARCHIVE_BOMB,
                f"{bomb}：条目“{info.filename}”的压缩比超过 {limits.max_ratio} 倍",
            )
    if any(_overlapping(infos)):
        return Refusal.ARCHIVE_BOMB, f"{bomb}：条目的数据相互重叠"
    return None


_XML_PART: Final = re.compile(r"\.(xml|rels)$", re.IGNORECASE)
PROLOG_BYTES: Final = 8 * 1024  # a real part's prolog is its XML declaration: under 100 bytes
_PROLOG_ITEM: Final = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)


def dtd_part(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo] | None = None) -> str | None:
    """The name of the first XML part of an Office or OFD package that declares a DTD (see
    :func:`declares_dtd`), for readers to refuse the package before parsing it; None if none."""
    for info in archive.infolist() if infos is None else infos:
        if _XML_PART.search(info.filename) and not info.is_dir():
            with archive.open(info) as part:
                if declares_dtd(part.read(PROLOG_BYTES)):
                    return info.filename
    return None


def declares_dtd(head: bytes) -> bool:
    """Whether the XML document that starts with ``head`` (its first :data:`PROLOG_BYTES`)
    declares a document type, or any declaration, before its root element — or hides its root
    past ``head`` behind comments, which no real part does."""
    text = _xml_text(head)
    position = 0
    while (item := _PROLOG_ITEM.match(text, position)) is not None and item.end() > position:
        position = item.end()
    rest = text[position:]
    if rest.startswith("<!"):
        return True
    return rest[:1] != "<" and len(head) >= PROLOG_BYTES


def _xml_text(head: bytes) -> str:
    """XML 1.0 Appendix F: UTF-16 shows in its BOM or in "<" followed or preceded by a zero byte;
    anything else reads as UTF-8 (ASCII-compatible) for the markup that matters here."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", "ignore").lstrip("\ufeff")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", "ignore").lstrip("\ufeff")
    return head.decode("utf-8", "replace").lstrip("\ufeff")


def _overlapping(infos: list[zipfile.ZipInfo]) -> Iterator[bool]:
    """Entries whose compressed data runs into the next entry's local header (each header is at
    least 30 bytes, so this can only under-report)."""
    ordered = sorted(infos, key=lambda info: info.header_offset)
    for this, following in zip(ordered, ordered[1:], strict=False):
        yield this.header_offset + this.compress_size > following.header_offset


# --- text of attachments -----------------------------------------------------------------------


class AttachmentTextError(ValueError):
    """An attachment whose text cannot be read; ``str(error)`` is a Chinese message."""


@dataclass(frozen=True)
class AttachmentText:
    """The text of an attachment (``rules.filetext``) and what of it could not be read: a
    reviewer must look at those parts herself before the attachment goes public."""

    text: str
    unreadable: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.unreadable


def extract_text(name: str, content: bytes, *, max_chars: int = MAX_CHARS) -> AttachmentText:
    """The text of an attachment for the privacy scan and the search index: a .docx with its
    headers and footers, .xlsx cells, .txt/.csv, a PDF's pages (``rules.filetext``). Images, OFD
    and old Office files are not read: their whole content is listed as unread, as is a PDF
    without readable text (a scan). A damaged .docx/.xlsx or undecodable text is refused.
    Call after :func:`check_upload` accepted the file."""
    shown = _base_name(name)
    try:
        document = read_document(name, content, max_chars=max_chars)
    except UnsupportedDocument:
        return AttachmentText("", (f"附件“{shown}”的文字未能读取，请人工核对是否含个人信息",))
    except UnreadableDocument as error:
        if extension_of(name) == "pdf":  # a scanned or protected PDF is still a valid attachment
            return AttachmentText("", (f"附件“{shown}”：{error}",))
        if isinstance(error.__cause__, UndecodableText):
            raise AttachmentTextError(f"附件“{shown}”：{error}") from error
        raise AttachmentTextError(
            f"无法读取附件“{shown}”的文字，文件可能已损坏，请用办公软件打开另存后重新上传"
        ) from error
    unread = tuple(f"附件“{shown}”{where}" for where in document.unreadable)
    return AttachmentText(document.text, unread)
