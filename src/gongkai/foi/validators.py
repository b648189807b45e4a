"""Checks of what an applicant typed and uploaded, each with a message an applicant can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.rules import pii

# The ID and phone rules are the privacy scan's (rules.pii): one home for GB 11643-1999 and for
# what a phone number looks like.
_POSTCODE: Final = re.compile(r"^\d{6}$")

ID_PROOF_MAX_BYTES: Final = 10 * 1024 * 1024
ID_PROOF_TYPES: Final = "PDF、JPEG 或 PNG"


def resident_id_problem(value: str, today: date) -> str | None:
    """Why ``value`` is not a valid 居民身份证号码, or None when it is."""
    return pii.resident_id_problem(value, today)


def normalize_phone(value: str) -> str:
    return re.sub(r"[\s()（）]", "", value).replace("—", "-")


def phone_problem(value: str) -> str | None:
    if pii.phone_number_kind(normalize_phone(value)) is not None:
        return None
    return "请填写有效的联系电话：11位手机号码，或带区号的固定电话（如 0758-2222001）。"


def postcode_problem(value: str) -> str | None:
    return None if _POSTCODE.match(value.strip()) else "邮政编码应为6位数字。"


@dataclass(frozen=True)
class UploadVerdict:
    ok: bool
    message: str = ""
    extension: str = ""


def sniff_kind(head: bytes) -> str | None:
    """The real type from the first bytes: "pdf", "jpg", "png", or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return None


def _looks_executable(head: bytes) -> bool:
    return head.startswith((b"MZ", b"\x7fELF", b"#!", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe"))


def check_id_proof(name: str, size: int, head: bytes) -> UploadVerdict:
    """The identity proof: at most 10 MB, and really a PDF, JPEG or PNG whatever its name says."""
    shown = name[-60:]
    if size == 0:
        return UploadVerdict(False, f"“{shown}”是空文件，请重新选择。")
    if size > ID_PROOF_MAX_BYTES:
        megabytes = size / (1024 * 1024)
        return UploadVerdict(False, f"“{shown}”大小为 {megabytes:.1f} MB，超过 10 MB 的上限，请压缩或拍照后重新上传。")
    kind = sniff_kind(head)
    if kind is None:
        what = "可执行程序" if _looks_executable(head) else "无法识别的内容"
        return UploadVerdict(
            False, f"“{shown}”的实际内容是{what}，不是 {ID_PROOF_TYPES} 文件，已拒绝上传。"
        )
    return UploadVerdict(True, extension=kind)
