"""Per-address limits of the public pages, counted in the database so that they hold across all
the web server's worker processes.

- ``submit``: 5 requests filed per address in 10 minutes (an office rarely sees more than a few a
  day from one person; a script filing hundreds is refused with HTTP 429).
- ``track``: 30 tracking-code lookups per address in 10 minutes, so that codes cannot be guessed.

A use is taken (:func:`take`) before the request is handled, checked and counted in one
transaction that holds a lock for that address: ten filings sent at the same moment from one
address get five accepted, never eight (an outside test of the demo found the check and the
count apart). PostgreSQL: a transaction-level advisory lock on the address's key; SQLite: every
transaction begins IMMEDIATE (``config.sqlite_database``), so writers queue already. A request
that comes to nothing (a form with errors) gives its use back (:func:`give_back`).

The benchmark, and only it, switches the limits off with ``GONGKAI_FOI_RATE_LIMIT=0`` in the
environment of the server it starts.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Final

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from gongkai.config import env_bool
from gongkai.foi.models import RateLimitHit


@dataclass(frozen=True)
class Limit:
    scope: str
    hits: int
    seconds: int

    @property
    def minutes(self) -> int:
        return self.seconds // 60


SUBMIT: Final = Limit("submit", 5, 600)
TRACK: Final = Limit("track", 30, 600)


def enabled() -> bool:
    configured = getattr(settings, "GONGKAI_FOI_RATE_LIMIT", None)
    if configured is not None:
        return bool(configured)
    return env_bool("GONGKAI_FOI_RATE_LIMIT", True)


def _key(address: str | None) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), (address or "unknown").encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def exceeded(limit: Limit, address: str | None) -> bool:
    """Whether ``address`` already used up ``limit`` in the current window."""
    if not enabled():
        return False
    since = timezone.now() - timedelta(seconds=limit.seconds)
    used = RateLimitHit.objects.filter(scope=limit.scope, key=_key(address), at__gte=since).count()
    return used >= limit.hits


def count(limit: Limit, address: str | None, prune: bool = True) -> None:
    """One more use; rows older than the window (of every address) are dropped on the way, so the
    table only ever holds the last window's hits. A caller counting every request of an API may
    prune only now and then (``prune=False`` otherwise): the count reads the window alone anyway."""
    if not enabled():
        return
    now = timezone.now()
    with transaction.atomic():
        if prune:
            RateLimitHit.objects.filter(scope=limit.scope, at__lt=now - timedelta(seconds=limit.seconds)).delete()
        RateLimitHit.objects.create(scope=limit.scope, key=_key(address), at=now)


def retry_after(limit: Limit, address: str | None) -> int:
    """Seconds until the oldest use in the window leaves it, when a slot frees (at least 1): the
    Retry-After of a refused request."""
    now = timezone.now()
    oldest = (
        RateLimitHit.objects.filter(scope=limit.scope, key=_key(address), at__gte=now - timedelta(seconds=limit.seconds))
        .order_by("at").values_list("at", flat=True).first()
    )
    if oldest is None:
        return 1
    return max(1, math.ceil((oldest + timedelta(seconds=limit.seconds) - now).total_seconds()))


def take(limit: Limit, address: str | None) -> bool:
    """Count one use if the limit allows it; False (and nothing counted) when it is used up.
    Atomic: of concurrent callers from one address, exactly the allowed number get True."""
    if not enabled():
        return True
    with transaction.atomic():
        _lock(limit, address)
        if exceeded(limit, address):
            return False
        count(limit, address)
    return True


def give_back(limit: Limit, address: str | None) -> None:
    """Undo one :func:`take` whose request came to nothing (a form sent back with errors)."""
    if not enabled():
        return
    latest = (
        RateLimitHit.objects.filter(scope=limit.scope, key=_key(address))
        .order_by("-at", "-pk").values_list("pk", flat=True).first()
    )
    if latest is not None:
        RateLimitHit.objects.filter(pk=latest).delete()


def _lock(limit: Limit, address: str | None) -> None:
    """Hold, until the transaction ends, the lock of this limit and address."""
    if connection.vendor == "postgresql":
        digest = hashlib.sha256(f"{limit.scope}:{_key(address)}".encode()).digest()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest[:8], "big", signed=True)])
