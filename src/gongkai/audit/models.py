"""The append-only audit log: who did what to which object, when, from where.

Rows are written by ``gongkai.audit.log.record`` inside the transaction of the change they
describe. Nothing edits or deletes them: the ORM refuses, the admin offers no way, and a database
trigger (see the migration) refuses UPDATE on both SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("审计日志只能追加，不能修改")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("审计日志只能追加，不能删除")


class AuditEntry(models.Model):
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
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
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("审计日志只能追加，不能删除")
