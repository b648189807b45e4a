"""Checks of what an applicant typed and uploaded, each with a message an applicant can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.rules import pii
from gongkai.rules.uploads import (
    KIND_LABELS,
    FileKind,
    Refusal,
    UploadLimits,
    check_upload,
    extension_of,
    is_complete,
)

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


# The real types an identity proof may have, and the extension it is stored under.
_PROOF_KINDS: Final = {FileKind.PDF: "pdf", FileKind.JPEG: "jpg", FileKind.PNG: "png"}
_PROOF_EXTENSIONS: Final = frozenset({"pdf", "jpg", "jpeg", "png"})
_PROOF_LIMITS: Final = UploadLimits(max_bytes=ID_PROOF_MAX_BYTES)


def check_id_proof_size(name: str, size: int) -> UploadVerdict:
    """What the size alone tells, before the file is read: at most 10 MB, and not empty."""
    shown = name[-60:]
    if size == 0:
        return UploadVerdict(False, f"“{shown}”是空文件，请重新选择。")
    if size > ID_PROOF_MAX_BYTES:
        megabytes = size / (1024 * 1024)
        return UploadVerdict(False, f"“{shown}”大小为 {megabytes:.1f} MB，超过 10 MB 的上限，请压缩或拍照后重新上传。")
    return UploadVerdict(True)


def check_id_proof(name: str, content: bytes) -> UploadVerdict:
    """The identity proof, judged by its whole content through the checks every attachment passes
    (``rules.uploads.check_upload``): really a PDF, JPEG or PNG whatever its name says, and complete.

    A photo named .jpg that is really a PNG is accepted (it is stored under its real type); any
    other refusal of the shared checks stands."""
    sized = check_id_proof_size(name, len(content))
    if not sized.ok:
        return sized
    shown = name[-60:]
    verdict = check_upload(name, content, _PROOF_LIMITS)
    if verdict.kind not in _PROOF_KINDS:
        what = {FileKind.EXECUTABLE: "可执行程序", FileKind.UNKNOWN: "无法识别的内容"}.get(
            verdict.kind, KIND_LABELS[verdict.kind])
        return UploadVerdict(False, f"“{shown}”的实际内容是{what}，不是 {ID_PROOF_TYPES} 文件，已拒绝上传。")
    misnamed_photo = verdict.refusal is Refusal.MISMATCH and extension_of(name) in _PROOF_EXTENSIONS
    if not verdict.ok and not misnamed_photo:
        return UploadVerdict(False, verdict.message)
    if not is_complete(verdict.kind, content):
        return UploadVerdict(
            False, f"“{shown}”的内容不完整（文件末尾缺失），可能上传中断或文件已损坏，请重新选择。"
        )
    return UploadVerdict(True, extension=_PROOF_KINDS[verdict.kind])
