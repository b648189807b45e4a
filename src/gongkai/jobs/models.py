"""What the background worker leaves for people to see: final failures and its heartbeat."""

from __future__ import annotations

from django.db import models


class JobFailure(models.Model):
    """A task that failed on its last attempt: reported to the office, never silently lost."""

    task_name = models.CharField("任务", max_length=200)
    task_id = models.CharField("任务编号", max_length=64, db_index=True)
    arguments = models.TextField("参数", blank=True, default="")
    error = models.TextField("错误")
    attempts = models.PositiveIntegerField("尝试次数", default=1)
    failed_at = models.DateTimeField("失败时间", auto_now_add=True, db_index=True)
    resolved = models.BooleanField("已处理", default=False)

    unit_field = None  # the office's own data: no unit sees it
    is_public = False

    class Meta:
        verbose_name = "失败的后台任务"
        verbose_name_plural = "失败的后台任务"
        ordering = ["-failed_at"]

    def __str__(self) -> str:
        return f"{self.task_name} {self.failed_at:%Y-%m-%d %H:%M}"


class WorkerHeartbeat(models.Model):
    """One row, touched every minute by a periodic task: shows that the worker is alive."""

    name = models.CharField(max_length=50, unique=True, default="worker")
    beat_at = models.DateTimeField()

    class Meta:
        verbose_name = "后台进程心跳"
        verbose_name_plural = "后台进程心跳"
