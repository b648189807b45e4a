"""Who is acting and from which address, for the audit rows written during one request."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


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
    # Behind the reverse proxy of a real deployment REMOTE_ADDR is the proxy; the proxy is
    # configured to overwrite X-Real-IP, which is therefore trusted over X-Forwarded-For.
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR") or None
