"""What the office makes of the reports: supervision bulletins (督查通报) naming the items not
advanced, and the half-yearly public progress page of a plan (seed 000 item 20)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from gongkai.plans.models.plans import Plan


class BulletinStatus(models.TextChoices):
    DRAFT = "draft", "编辑中"
    ISSUED = "issued", "已印发"


class Bulletin(models.Model):
    """A 督查通报 for the periods of a plan due by ``cutoff``. ``content`` is the office's edited
    text (overall progress, the ranking and one entry per item not advanced); ``document`` is the
    .docx as issued, generated or uploaded after editing in Word."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="bulletins")
    cutoff = models.DateField("统计截止日期")
    title = models.CharField("标题", max_length=200)
    doc_number = models.CharField("文号", max_length=100, blank=True, default="")
    content = models.JSONField("内容", default=dict)
    status = models.CharField("状态", max_length=20, choices=BulletinStatus.choices, default=BulletinStatus.DRAFT)
    document = models.FileField("通报文件", upload_to="bulletins/%Y/", blank=True)
    record = models.ForeignKey(
        "records.Record", verbose_name="公开为政府信息", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField("印发时间", null=True, blank=True)

    unit_field = None  # the office's own work
    is_public = False

    class Meta:
        verbose_name = "督查通报"
        verbose_name_plural = "督查通报"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_unit_id(self) -> None:
        return None


class ProgressDisclosureStatus(models.TextChoices):
    DRAFT = "draft", "待审核"
    PUBLISHED = "published", "已公开"


class ProgressDisclosure(models.Model):
    """每半年向社会公开进展和完成情况以及存在问题和下一步工作措施: generated from the accepted
    reports, reviewed and edited by the office, then published with the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="disclosures")
    year = models.PositiveIntegerField("年度")
    half = models.PositiveSmallIntegerField("半年", choices=[(1, "上半年"), (2, "下半年")])
    summary = models.TextField("总体情况", blank=True, default="")
    entries = models.JSONField("事项", default=list)
    status = models.CharField(
        "状态", max_length=20, choices=ProgressDisclosureStatus.choices, default=ProgressDisclosureStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField("公开时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    unit_field = None

    class Meta:
        verbose_name = "进展情况公开"
        verbose_name_plural = "进展情况公开"
        ordering = ["-year", "-half"]
        constraints = [models.UniqueConstraint(fields=["plan", "year", "half"], name="disclosure_one_per_half")]

    def __str__(self) -> str:
        return f"{self.plan} {self.half_label}"

    @property
    def half_label(self) -> str:
        return f"{self.year}年{'上' if self.half == 1 else '下'}半年"

    @property
    def owner_unit_id(self) -> None:
        return None

    @property
    def is_public(self) -> bool:
        return self.status == ProgressDisclosureStatus.PUBLISHED

    @staticmethod
    def public_q() -> Q:
        return Q(status=ProgressDisclosureStatus.PUBLISHED)
