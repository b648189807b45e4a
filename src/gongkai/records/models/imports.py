"""One uploaded catalog (.xlsx/.csv of records with their metadata), imported by the worker."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "正在导入"
    DONE = "done", "已完成"
    REJECTED = "rejected", "有错误，未导入"
    FAILED = "failed", "失败"


class CatalogImport(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    file = models.FileField("文件", upload_to="record-imports/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    status = models.CharField("状态", max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    step = models.CharField("进度", max_length=200, blank=True, default="")
    total_rows = models.PositiveIntegerField("行数", default=0)
    created_count = models.PositiveIntegerField("导入条数", default=0)
    error_count = models.PositiveIntegerField("错误数", default=0)
    errors = models.JSONField("错误", default=list, blank=True)
    seconds = models.FloatField("用时（秒）", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "目录导入"
        verbose_name_plural = "目录导入"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    @property
    def is_active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
