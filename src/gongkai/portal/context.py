from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

FONT_SIZES = {"small": "小", "medium": "中", "large": "大"}


def site(request: HttpRequest) -> dict[str, Any]:
    """The portal's identity for every page, and the visitor's remembered font size."""
    font_size = request.COOKIES.get("font_size", "medium")
    return {
        "site": settings.GONGKAI_SITE,
        "font_size": font_size if font_size in FONT_SIZES else "medium",
        "font_sizes": FONT_SIZES,
    }
