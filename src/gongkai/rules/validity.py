"""有效性 (validity) of a government information record, above all of a 规章 or 行政规范性文件:
the one rule that the record page, the list of documents in force, the annual report's 现行有效件数
and the search index (and so its filter) all read.

DOMAIN.md 3.3: a catalog entry carries 生效日期, 废止日期 and 有效性 ("有效"); 3.1: 公开时限 and the
lifecycle 制发、废止、现行有效 (PRODUCT.md 3). The rule, in order:

1. 废止 — a 废止日期 on or before the day: repealed from that day on.
2. 已修订 — replaced by a newer version (superseded) with no later 废止日期: a superseded document
   whose 废止日期 is still ahead stays in force until then (the new version takes effect that day).
3. 失效 — a 失效日期 before the day: a document is valid through its 失效日期.
4. 尚未生效 — a 生效日期 after the day.
5. Otherwise the dates say 有效, and a value the unit declared (a clean-up decision without a
   date: "失效", "废止"…) replaces it. A declaration never outweighs a date that has passed or
   is still to come: those are facts of record.

A document is *in force* (现行有效) on a day exactly when its validity that day is 有效.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final


class Validity(StrEnum):
    VALID = "valid"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    REPEALED = "repealed"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: Final[dict[Validity, str]] = {
    Validity.VALID: "有效",
    Validity.NOT_YET: "尚未生效",
    Validity.EXPIRED: "失效",
    Validity.REPEALED: "废止",
    Validity.SUPERSEDED: "已修订",
}
# No longer in force, for the list "已废止或失效".
ENDED: Final = frozenset({Validity.EXPIRED, Validity.REPEALED, Validity.SUPERSEDED})


@dataclass(frozen=True)
class ValidityFacts:
    """What validity is computed from: the dates of record and what the unit declared."""

    declared: Validity | None = None
    effective_on: date | None = None  # 生效日期
    expires_on: date | None = None  # 失效日期 (the last day in force)
    repealed_on: date | None = None  # 废止日期 (the first day no longer in force)
    superseded: bool = False  # replaced by a newer version


def validity_on(facts: ValidityFacts, day: date) -> Validity:
    """The record's 有效性 on ``day`` (see the module's rule)."""
    if facts.repealed_on is not None and facts.repealed_on <= day:
        return Validity.REPEALED
    if facts.superseded and facts.repealed_on is None:
        return Validity.SUPERSEDED
    if facts.expires_on is not None and facts.expires_on < day:
        return Validity.EXPIRED
    if facts.effective_on is not None and facts.effective_on > day:
        return Validity.NOT_YET
    return facts.declared or Validity.VALID


def in_force(facts: ValidityFacts, day: date) -> bool:
    """现行有效 on ``day``."""
    return validity_on(facts, day) is Validity.VALID


def declared_from(value: str) -> Validity | None:
    """A stored declaration ("" for none) as the rule reads it."""
    return Validity(value) if value else None
