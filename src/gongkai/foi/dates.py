""""Today" for the clock, in Asia/Shanghai.

Tests that walk a request through weeks of law dates (the browser test) freeze it with the setting
``GONGKAI_FOI_TODAY = "2026-09-28"``; nothing else sets it, so in production it is always the
real local date.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


def today() -> date:
    frozen = getattr(settings, "GONGKAI_FOI_TODAY", None)
    if not frozen:
        return timezone.localdate()
    try:
        return date.fromisoformat(str(frozen))
    except ValueError:
        raise ImproperlyConfigured(f"GONGKAI_FOI_TODAY: 应为 YYYY-MM-DD，而不是 {frozen!r}") from None
