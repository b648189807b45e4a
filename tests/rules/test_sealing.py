"""Secrets sealed at rest with SM4-CBC and HMAC-SHA-256 (gongkai.rules.sealing)."""

from __future__ import annotations

import base64

import pytest
from gmssl.sm4 import SM4_ENCRYPT, CryptSM4

from gongkai.rules.sealing import SealError, is_sealed, seal, unseal

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_the_cipher_is_sm4_as_gb_t_32907_gives_its_example():
    # GB/T 32907-2016 附录A 示例1: key = plaintext = 0123456789abcdeffedcba9876543210
    block = bytes.fromhex("0123456789abcdeffedcba9876543210")
    cipher = CryptSM4()
    cipher.set_key(block, SM4_ENCRYPT)
    assert bytes(cipher.crypt_ecb(block))[:16].hex() == "681edf34d206965e86b3e94f536e4246"


def test_a_sealed_secret_opens_with_its_key_and_says_nothing_of_the_secret():
    sealed = seal(SECRET, "site-key-1", "totp")
    assert is_sealed(sealed) and SECRET not in sealed and SECRET.encode() not in base64.b64decode(sealed[4:])
    assert unseal(sealed, ["site-key-1"], "totp") == SECRET
    assert seal(SECRET, "site-key-1", "totp") != sealed  # a fresh IV each time


def test_a_rotated_key_still_opens_what_the_old_one_sealed():
    sealed = seal(SECRET, "old-key", "totp")
    assert unseal(sealed, ["new-key", "old-key"], "totp") == SECRET


@pytest.mark.parametrize("change", ["other key", "other purpose", "one bit", "cut", "not base64", "plain"])
def test_a_changed_cut_or_foreign_value_is_refused(change):
    sealed = seal(SECRET, "site-key-1", "totp")
    raw = bytearray(base64.b64decode(sealed[4:]))
    keys, purpose = ["site-key-1"], "totp"
    if change == "other key":
        keys = ["site-key-2"]
    elif change == "other purpose":
        purpose = "backup"
    elif change == "one bit":
        raw[20] ^= 1
        sealed = "sm4$" + base64.b64encode(bytes(raw)).decode()
    elif change == "cut":
        sealed = "sm4$" + base64.b64encode(bytes(raw[:40])).decode()
    elif change == "not base64":
        sealed = "sm4$这不是密文"
    else:
        sealed = SECRET
    with pytest.raises(SealError):
        unseal(sealed, keys, purpose)
