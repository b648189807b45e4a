"""Absolute addresses for what leaves the site: letters (.docx) and e-mails are read away from the
browser, where a path such as ``/foi/track/`` leads nowhere. Every such link goes through here."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` ("/foi/track/") on the platform's address (``GONGKAI_SITE_URL``, which settings
    require in production)."""
    return f"{settings.GONGKAI_SITE_URL.rstrip('/')}{path}"
