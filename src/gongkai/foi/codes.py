"""Tracking codes (查询码): 11 random characters and one check character.

The alphabet is Crockford's base 32 (no I, L, O, U), so a code read over the phone or copied by hand
survives: input is upper-cased, I and L read as 1, O as 0, and spaces and dashes are ignored. The
11 random characters carry 55 bits from ``secrets``: with lookups rate-limited per address, a code
cannot be guessed. The check character (weighted sum mod 32) catches a mistyped or swapped
character before any database lookup (a position-weighted sum mod 31).
"""

from __future__ import annotations

import secrets
from typing import Final

ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_CHARS: Final = 11
LENGTH: Final = RANDOM_CHARS + 1
_VALUES: Final = {char: index for index, char in enumerate(ALPHABET)}
_READ_AS: Final = str.maketrans({"I": "1", "L": "1", "O": "0"})


def check_character(body: str) -> str:
    """Position-weighted sum mod 31 (a prime, so every weight 1..11 is invertible): catches every
    adjacent swap and every single substitution but 0↔Z, whose values differ by 31."""
    total = sum((position + 1) * _VALUES[char] for position, char in enumerate(body))
    return ALPHABET[total % 31]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_CHARS))
    return body + check_character(body)


def normalize(text: str) -> str | None:
    """The stored form of a code as typed, or None when it cannot be a code."""
    code = "".join(text.split()).replace("-", "").upper().translate(_READ_AS)
    if len(code) != LENGTH or any(char not in _VALUES for char in code):
        return None
    if check_character(code[:-1]) != code[-1]:
        return None
    return code


def format_code(code: str) -> str:
    """"ABCD-EFGH-JKMN": easier to read out and to copy."""
    return "-".join(code[index:index + 4] for index in range(0, len(code), 4))
