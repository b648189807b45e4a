"""Per-address limits of the public pages, counted in the database so that they hold across all
the web server's worker processes.

- ``submit``: 5 requests filed per address in 10 minutes (an office rarely sees more than a few a
  day from one person; a script filing hundreds is refused with HTTP 429).
- ``track``: 30 tracking-code lookups per address in 10 minutes, so that codes cannot be guessed.

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
from django.db import transaction
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
    """Count one use if the limit allows it; False (and nothing counted) when it is used up."""
    if exceeded(limit, address):
        return False
    count(limit, address)
    return True
