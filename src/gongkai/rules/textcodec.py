"""Decoding the text files that clerks upload (UTF-8 with or without BOM, UTF-16, GB18030), and
keeping typed text to the characters a document can hold."""

from __future__ import annotations

import re
from typing import Final

# XML 1.0 §2.2 Char: no C0 control character but tab, line feed and carriage return, and not the
# non-characters U+FFFE and U+FFFF. A .docx is XML, so python-docx (lxml) refuses the others.
_NOT_XML_CHARS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def without_control_characters(text: str) -> str:
    """``text`` without the invisible control characters that no letter (.docx) can hold; tabs and
    line breaks stay. What a copy from an old system or a form filled by a script may carry."""
    return _NOT_XML_CHARS.sub("", text)


class UndecodableText(ValueError):
    """The bytes are not text in any encoding that Chinese government files arrive in."""


def decode_text(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in raw:  # NUL bytes mean binary (or BOM-less UTF-16), never GB18030
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UndecodableText("无法识别文件编码，请保存为 UTF-8 或 GB18030 编码的文本")
