"""``{% unread_notice_count as count %}`` for the console header: one COUNT query, on the pages
that show it only (a context processor would run on every portal page too)."""

from __future__ import annotations

from typing import Any

from django import template

from gongkai.orgs.models import User
from gongkai.orgs.notices import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notice_count(context: dict[str, Any]) -> int:
    user = context.get("user")
    return unread_count(user) if isinstance(user, User) and user.is_active else 0
