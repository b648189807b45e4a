"""``record``: the one way an audit row is written, inside the caller's transaction."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Mapping
from typing import Any

from django.db import models, transaction

from gongkai.audit.context import Actor, current_actor
from gongkai.audit.models import AuditEntry


def record(
    action: str,
    obj: models.Model | None = None,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    actor: Actor | None = None,
    unit_id: int | None = None,
    object_type: str = "",
    object_repr: str = "",
) -> AuditEntry:
    """Append one audit row. Must run inside the transaction of the change it describes."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside transaction.atomic() with its change")
    actor = actor or current_actor()
    user = actor.user
    return AuditEntry.objects.create(
        actor=user,
        actor_label=(actor.label or str(user or ""))[:150],
        action=action,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=(object_repr or (str(obj) if obj is not None else ""))[:200],
        unit_id=unit_id if unit_id is not None else getattr(obj, "owner_unit_id", None),
        before=_jsonable(before),
        after=_jsonable(after),
        ip_address=actor.ip_address,
    )


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of ``obj`` as a JSON-ready summary for ``before``/``after``."""
    return {name: getattr(obj, name) for name in fields}


def _jsonable(values: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {key: _plain(value) for key, value in values.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime | decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return value
