"""What the public may read of a message and its reply: the publication scan of records
(``rules.pii``, the same one that guards publishing) masks ID, phone, bank-card numbers and
e-mail addresses wherever they were typed, and the sender's (or commenter's) own name, phone and e-mail are
blanked out of both texts even where the scan would not recognise them (a name without a label,
a phone written with spaces)."""

from __future__ import annotations

import re
from typing import Protocol

from gongkai.rules.pii import mask_all

HIDDEN = "＊＊＊"


def _digits_pattern(value: str) -> re.Pattern[str] | None:
    digits = re.sub(r"\D", "", value)
    if len(digits) < 7:
        return None
    return re.compile(r"[\s\-—()（）]*".join(map(re.escape, digits)))


class Author(Protocol):
    """Who wrote a message or a consultation comment: their own details are never shown."""

    name: str
    phone: str
    email: str


def public_text(message: Author, text: str) -> str:
    """``text`` (a message, its reply or a comment) as the portal shows it."""
    shown = text
    for own in (message.name.strip(), message.email.strip()):
        if len(own) >= 2:
            shown = shown.replace(own, HIDDEN)
    pattern = _digits_pattern(message.phone)
    if pattern is not None:
        shown = pattern.sub(HIDDEN, shown)
    return mask_all(shown)
