"""The append-only audit log: who did what to which object, when, from where.

Rows are written by ``gongkai.audit.log.record`` inside the transaction of the change they
describe. Nothing edits or deletes them: the ORM refuses, the admin offers no way, and database
triggers (see the migrations) refuse UPDATE and DELETE on both SQLite and PostgreSQL.

Each row carries the hash of the previous row's hash and its own content (``rules.auditchain``),
appended one writer at a time (``gongkai.audit.chain``), so that a row removed or changed by
someone with rights on the database itself is found by ``gongkai audit verify``.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.rules import auditchain


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("审计日志只能追加，不能修改")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("审计日志只能追加，不能删除")

    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("审计日志逐条追加（每条都接在上一条的哈希之后）")


class AuditEntry(models.Model):
    # Set before the row is hashed (``auto_now_add`` would set it after): see ``save``.
    created_at = models.DateTimeField("时间", default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_label = models.CharField("操作人名称", max_length=150, blank=True, default="")
    action = models.CharField("操作", max_length=64, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, db_index=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True, default="", db_index=True)
    object_repr = models.CharField("对象", max_length=200, blank=True, default="")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="所属单位", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    before = models.JSONField("变更前", null=True, blank=True)
    after = models.JSONField("变更后", null=True, blank=True)
    ip_address = models.GenericIPAddressField("来源地址", null=True, blank=True)
    chain_algorithm = models.CharField("哈希算法", max_length=8, editable=False, default="")
    prev_hash = models.CharField("上一环哈希", max_length=64, editable=False, default="")
    row_hash = models.CharField("本环哈希", max_length=64, editable=False, default="", db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计日志"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("审计日志只能追加，不能修改")
        from gongkai.audit.chain import append

        append(self, lambda: super(AuditEntry, self).save(*args, **kwargs))

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("审计日志只能追加，不能删除")

    def chain_content(self) -> dict[str, Any]:
        return chain_content(self)


def chain_content(entry: Any) -> dict[str, Any]:
    """What a row's hash covers: everything it says, not its id or its own hashes (also for the
    migration that chained the rows written before the chain existed)."""
    return {
        "created_at": entry.created_at, "actor_id": entry.actor_id, "actor_label": entry.actor_label,
        "action": entry.action, "object_type": entry.object_type, "object_id": entry.object_id,
        "object_repr": entry.object_repr, "unit_id": entry.unit_id, "before": entry.before,
        "after": entry.after, "ip_address": auditchain.address(entry.ip_address),
    }
