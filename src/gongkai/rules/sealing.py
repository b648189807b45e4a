"""Small secrets kept sealed at rest: 国密 SM4 (GB/T 32907-2016) in CBC mode, then HMAC-SHA-256
over the whole (encrypt-then-MAC), under keys derived from the site's secret key.

The TOTP secrets of staff (鉴别信息) are the case: the platform must read them back to check a
code, so they cannot be hashed like passwords, and a copy of the database or of a backup must not
hand them out (等保 2.0 第三级 数据保密性: 鉴别数据在存储过程中的保密性). A sealed value reads
``sm4$`` + base64(IV ‖ ciphertext ‖ tag). ``unseal`` tries each key it is given, so that a
rotated secret key (Django's ``SECRET_KEY_FALLBACKS``) still opens what the old one sealed, and
refuses a value changed by one bit or sealed under another key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from typing import Final

from gmssl.sm4 import SM4_DECRYPT, SM4_ENCRYPT, CryptSM4  # type: ignore[import-untyped]

PREFIX: Final = "sm4$"
_BLOCK: Final = 16
_TAG: Final = 32


class SealError(ValueError):
    """A sealed value that no given key opens: changed, cut, or sealed under another key."""


def _keys(site_key: str, purpose: str) -> tuple[bytes, bytes]:
    """The cipher key (16 bytes) and the MAC key for ``purpose``, derived from ``site_key``."""
    material = hmac.new(site_key.encode(), f"gongkai.sealing.{purpose}".encode(), hashlib.sha512).digest()
    return material[:_BLOCK], material[32:]


def _cipher(key: bytes, mode: int) -> CryptSM4:
    cipher = CryptSM4()
    cipher.set_key(key, mode)
    return cipher


def seal(plaintext: str, site_key: str, purpose: str) -> str:
    cipher_key, mac_key = _keys(site_key, purpose)
    iv = secrets.token_bytes(_BLOCK)
    body = iv + bytes(_cipher(cipher_key, SM4_ENCRYPT).crypt_cbc(iv, plaintext.encode()))  # PKCS#7 padded
    return PREFIX + base64.b64encode(body + hmac.new(mac_key, body, hashlib.sha256).digest()).decode()


def is_sealed(value: str) -> bool:
    return value.startswith(PREFIX)


def unseal(sealed: str, site_keys: Iterable[str], purpose: str) -> str:
    if not is_sealed(sealed):
        raise SealError("不是加密保存的值")
    try:
        raw = base64.b64decode(sealed[len(PREFIX):], validate=True)
    except ValueError:
        raise SealError("加密保存的值已损坏") from None
    body, tag = raw[:-_TAG], raw[-_TAG:]
    if len(body) < 2 * _BLOCK or len(body) % _BLOCK:
        raise SealError("加密保存的值已损坏")
    for site_key in site_keys:
        cipher_key, mac_key = _keys(site_key, purpose)
        if hmac.compare_digest(hmac.new(mac_key, body, hashlib.sha256).digest(), tag):
            plain = bytes(_cipher(cipher_key, SM4_DECRYPT).crypt_cbc(body[:_BLOCK], body[_BLOCK:]))
            return plain.decode()
    raise SealError("无法解开加密保存的值：它被改动过，或者是用另一个密钥加密的")
