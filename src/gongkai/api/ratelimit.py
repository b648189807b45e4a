"""Requests per minute per address and per token, for every worker process: a sliding-window
limit kept in the database, one statement per request.

Each client has one row with its requests in the current minute and in the minute before; one
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` (SQLite ≥ 3.35 and PostgreSQL alike) counts the
request, rolls the row over to a new minute and reads both counts back. The requests in the last
sixty seconds are estimated as this minute's plus the share of the previous minute's that falls
inside the last sixty seconds (the previous minute's requests taken as evenly spread). A refused
request counts too: a client that keeps calling past its limit stays refused until it waits as
long as Retry-After says.

The public forms' limits (``foi.throttle``: a few requests in ten minutes, every one kept) are
another tool for another scale: counting every API request as a row cost a third of a list page."""

from __future__ import annotations

import hashlib
import hmac
import math
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from gongkai.api.models import RateWindow

PRUNE_SHARE = 0.01  # one request in a hundred drops the rows of clients idle for two windows


@dataclass(frozen=True)
class Limit:
    scope: str
    hits: int
    seconds: int = 60


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds; 0 when allowed


def _key(client: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()[:32]


def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(RateWindow._meta.db_table)
    scope, key, slot, hits, previous = (quote(name) for name in ("scope", "key", "slot", "hits", "previous_hits"))
    return (
        f"INSERT INTO {table} ({scope}, {key}, {slot}, {hits}, {previous}) VALUES (%s, %s, %s, 1, 0) "
        f"ON CONFLICT ({scope}, {key}) DO UPDATE SET "
        f"{previous} = CASE WHEN {table}.{slot} = excluded.{slot} THEN {table}.{previous} "
        f"WHEN {table}.{slot} = excluded.{slot} - 1 THEN {table}.{hits} ELSE 0 END, "
        f"{hits} = CASE WHEN {table}.{slot} = excluded.{slot} THEN {table}.{hits} + 1 ELSE 1 END, "
        f"{slot} = excluded.{slot} "
        f"RETURNING {hits}, {previous}"
    )


def take(limit: Limit, client: str) -> Verdict:
    """Count one request of ``client`` and say whether ``limit`` allows it."""
    now = timezone.now().timestamp()
    slot, elapsed = divmod(now, limit.seconds)
    with connection.cursor() as cursor:
        if random.random() < PRUNE_SHARE:
            RateWindow.objects.filter(slot__lt=int(slot) - 1).delete()
        cursor.execute(_upsert_sql(), [limit.scope, _key(client), int(slot)])
        hits, previous = cursor.fetchone()
    return judge(limit, hits, previous, elapsed / limit.seconds)


def judge(limit: Limit, hits: int, previous: int, elapsed: float) -> Verdict:
    """``hits`` in this window (this request included), ``previous`` in the one before,
    ``elapsed``: the share of this window gone (0 ≤ elapsed < 1)."""
    if hits + previous * (1 - elapsed) <= limit.hits:
        return Verdict(True, 0)
    room = limit.hits - 1  # what the estimate must come down to for one more request
    if hits <= room and previous:
        # within this window, as the previous one's share slides out
        wait = (1 - elapsed) - (room - hits) / previous
    else:
        # in the next window, as this one's share slides out
        wait = (1 - elapsed) + (1 - room / hits if hits else 0)
    return Verdict(False, max(1, math.ceil(wait * limit.seconds)))
