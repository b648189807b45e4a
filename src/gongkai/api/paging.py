"""Cursor paging with a stable order: every list is ordered by a key that ends in the primary
key, and the cursor is the last row's key, so a page never shifts when rows are added (offset
paging repeats or skips rows then, and slows down with the offset on large catalogs).

The cursor is opaque to callers (URL-safe base64 of a small JSON list); a cursor that does not
decode is a 400 with the code ``invalid_parameter``."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model, QuerySet

from gongkai.api.errors import error_body

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    next_cursor: str | None


def encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadCursor("cursor") from None
    if not isinstance(values, list):
        raise BadCursor("cursor")
    return values


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise BadCursor("cursor")
    return value


def _date(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadCursor("cursor") from None


def by_date_then_id(queryset: QuerySet[Any], field: str, cursor: str | None, limit: int) -> Page:
    """Newest first by a nullable date ``field`` (rows without one last), then by id. The rows
    are model objects or ``values()`` dicts with ``id``.

    The rows with a date and those without are read as two ranges, each a plain range of one
    index (``field <= day`` less the rows of ``day`` already shown; ``id < last``), not as one
    OR of the three, which SQLite answers by walking the index from the start: 20 ms half-way
    through 100,000 records instead of under 1."""
    dated = queryset.filter(**{f"{field}__isnull": False}).order_by(f"-{field}", "-pk")
    undated = queryset.filter(**{f"{field}__isnull": True}).order_by("-pk")
    if cursor:
        values = decode(cursor)
        if len(values) != 2:
            raise BadCursor("cursor")
        day, pk = _date(values[0]), _int(values[1])
        if day is None:
            dated, undated = dated.none(), undated.filter(pk__lt=pk)
        else:
            dated = dated.filter(**{f"{field}__lte": day}).exclude(**{field: day, "pk__gte": pk})
    rows = list(dated[: limit + 1])
    if len(rows) <= limit:
        rows += list(undated[: limit + 1 - len(rows)])
    if len(rows) <= limit:
        return Page(rows, None)
    last = rows[limit - 1]
    day, pk = (last[field], last["id"]) if isinstance(last, dict) else (getattr(last, field), last.pk)
    return Page(rows[:limit], encode([day.isoformat() if day else None, pk]))


def by_id(queryset: QuerySet[Any], cursor: str | None, limit: int) -> Page:
    """Oldest first by id: for lists without a date of their own (units, queues)."""
    ordered = queryset.order_by("pk")
    if cursor:
        values = decode(cursor)
        if len(values) != 1:
            raise BadCursor("cursor")
        ordered = ordered.filter(pk__gt=_int(values[0]))
    rows = list(ordered[: limit + 1])
    if len(rows) <= limit:
        return Page(rows, None)
    last: Model = rows[limit - 1]
    return Page(rows[:limit], encode([last.pk]))


BAD_CURSOR = error_body("invalid_parameter", "“cursor”不是本接口给出的翻页游标。")
