"""Small template helpers of the records pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_count(counts: dict[Any, int] | None, key: Any) -> int:
    """``counts|get_count:unit.pk``: the count for ``key``, 0 when absent."""
    return (counts or {}).get(key, 0)
