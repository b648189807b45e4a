"""Decoding the text files that clerks upload: UTF-8 (with or without BOM), UTF-16, GB18030."""

from __future__ import annotations


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
