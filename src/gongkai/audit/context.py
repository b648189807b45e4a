"""Who is acting and from which address, for the audit rows written during one request."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings

from gongkai.rules import clientip


@dataclass(frozen=True)
class Actor:
    user: Any | None  # an orgs.User, or None for the public and for system jobs
    ip_address: str | None = None
    label: str = ""


SYSTEM = Actor(user=None, label="系统")
_current: ContextVar[Actor | None] = ContextVar("gongkai_audit_actor", default=None)


def current_actor() -> Actor:
    return _current.get() or SYSTEM


def set_actor(actor: Actor | None) -> Any:
    return _current.set(actor)


def reset_actor(token: Any) -> None:
    _current.reset(token)


def client_ip(request: Any) -> str | None:
    """The one answer to "which address is this request from", for the audit log, the login
    lockout and the public pages' rate limits alike: forwarding headers count only when the
    connection comes from a proxy in ``GONGKAI_TRUSTED_PROXIES`` (see ``rules.clientip``)."""
    meta = request.META
    return clientip.client_address(
        meta.get("REMOTE_ADDR"),
        meta.get("HTTP_X_FORWARDED_FOR"),
        meta.get("HTTP_X_REAL_IP"),
        _proxies(tuple(getattr(settings, "GONGKAI_TRUSTED_PROXIES", ()))),
    )


@lru_cache(maxsize=8)
def _proxies(items: tuple[str, ...]) -> tuple[clientip.Network, ...]:
    return clientip.parse_networks(items)
