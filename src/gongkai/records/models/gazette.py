"""The government gazette (政府公报): a monthly issue compiled by the office from the month's
规章 and 行政规范性文件."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class GazetteStatus(models.TextChoices):
    DRAFT = "draft", "编辑中"
    PUBLISHED = "published", "已出版"


class Gazette(models.Model):
    title = models.CharField("公报名称", max_length=100)
    year = models.PositiveIntegerField("年份")
    month = models.PositiveSmallIntegerField("月份")
    status = models.CharField("状态", max_length=20, choices=GazetteStatus.choices, default=GazetteStatus.DRAFT)
    published_on = models.DateField("出版日期", null=True, blank=True)
    records = models.ManyToManyField("records.Record", through="GazetteEntry", related_name="gazettes")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    unit_field = None  # the office's own work

    class Meta:
        verbose_name = "政府公报"
        verbose_name_plural = "政府公报"
        ordering = ["-year", "-month"]
        constraints = [models.UniqueConstraint(fields=["year", "month"], name="gazette_one_issue_a_month")]

    def __str__(self) -> str:
        return f"{self.title} {self.issue_label}"

    @property
    def issue_label(self) -> str:
        return f"{self.year}年第{self.month}期"

    @property
    def owner_unit_id(self) -> None:
        return None

    @property
    def is_public(self) -> bool:
        return self.status == GazetteStatus.PUBLISHED

    @staticmethod
    def public_q() -> Q:
        return Q(status=GazetteStatus.PUBLISHED)


class GazetteEntry(models.Model):
    gazette = models.ForeignKey(Gazette, on_delete=models.CASCADE, related_name="entries")
    record = models.ForeignKey("records.Record", on_delete=models.PROTECT, related_name="gazette_entries")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "公报篇目"
        verbose_name_plural = "公报篇目"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["gazette", "record"], name="gazette_entry_unique")]
