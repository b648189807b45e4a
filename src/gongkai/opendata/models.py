"""Open data (数据开放): data sets in a catalog, the versions of an uploaded table, and the
yearly opening plan (年度开放计划).

A data set is public from its first publication (``issued_on``) until it is withdrawn: the
public sees its ``published_version`` (an uploaded table) or the platform's own data, generated
when downloaded. A new version uploaded to a published data set waits for review beside the one
the public keeps seeing.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from gongkai.rules.opendata.vocabulary import FREQUENCIES, LICENCES, THEMES


class DatasetStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "待审核"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class Source(models.TextChoices):
    UPLOAD = "upload", "单位上传的表格"
    RECORDS_MONTHLY = "records_monthly", "平台数据：各单位每月主动公开的政府信息条数"
    FOI_STATISTICS = "foi_statistics", "平台数据：依申请公开办理统计（只有件数）"
    PLAN_PROGRESS = "plan_progress", "平台数据：分工方案各单位落实进度"


THEME_CHOICES = list(THEMES.items())
FREQUENCY_CHOICES = [(code, label) for code, (label, _) in FREQUENCIES.items()]
LICENCE_CHOICES = [(code, label) for code, (label, _) in LICENCES.items()]


class Dataset(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name="提供单位", on_delete=models.PROTECT, related_name="datasets")
    slug = models.SlugField("标识", max_length=80, unique=True, help_text="下载地址中的英文标识，发布后不变。")
    title = models.CharField("数据集名称", max_length=200)
    description = models.TextField("摘要", blank=True, default="")
    theme = models.CharField("主题分类", max_length=32, choices=THEME_CHOICES)
    frequency = models.CharField("更新频率", max_length=16, choices=FREQUENCY_CHOICES)
    licence = models.CharField("开放许可", max_length=16, choices=LICENCE_CHOICES, default="open")
    keywords = models.JSONField("关键词", default=list, blank=True)
    source = models.CharField("数据来源", max_length=32, choices=Source.choices, default=Source.UPLOAD)
    status = models.CharField("状态", max_length=16, choices=DatasetStatus.choices, default=DatasetStatus.DRAFT)
    review_comment = models.CharField("审核意见", max_length=500, blank=True, default="")
    submitted_by = models.ForeignKey(
        "orgs.User", verbose_name="提交人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pending_changes = models.JSONField(
        "待审核的说明修改", default=dict, blank=True,
        help_text="已发布的数据集修改说明后，经审核发布才生效；此前公众看到的仍是原来的说明。",
    )
    published_version = models.ForeignKey(
        "opendata.DatasetVersion", verbose_name="公开的版本", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    issued_on = models.DateField("首次发布日期", null=True, blank=True)
    modified_at = models.DateTimeField("最近更新时间", null=True, blank=True)
    withdrawn_reason = models.CharField("撤回原因", max_length=500, blank=True, default="")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    unit_field = "unit"

    class Meta:
        verbose_name = "数据集"
        verbose_name_plural = "数据集"
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["status", "theme"])]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    @property
    def is_public(self) -> bool:
        """Published once and not withdrawn (a withdrawn one sent for review again stays off
        until it is published again, which clears its reason)."""
        return self.issued_on is not None and self.status != DatasetStatus.WITHDRAWN and not self.withdrawn_reason

    @staticmethod
    def public_q() -> Q:
        return Q(issued_on__isnull=False) & ~Q(status=DatasetStatus.WITHDRAWN) & Q(withdrawn_reason="")

    @property
    def is_own_data(self) -> bool:
        return self.source != Source.UPLOAD

    @property
    def resource(self) -> str:
        """The resource's name in the download URLs: /data/<slug>/<resource>.csv."""
        return "data" if self.source == Source.UPLOAD else self.source.replace("_", "-")


class DatasetVersion(models.Model):
    """One uploaded table, validated whole before it was stored (``rules.opendata.sheet``)."""

    dataset = models.ForeignKey(Dataset, verbose_name="数据集", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本")
    file_name = models.CharField("文件名", max_length=200)
    header = models.JSONField("列名")
    rows = models.JSONField("数据行")
    row_count = models.PositiveIntegerField("行数")
    uploaded_by = models.ForeignKey(
        "orgs.User", verbose_name="上传人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "数据集版本"
        verbose_name_plural = "数据集版本"
        ordering = ["dataset", "-number"]
        constraints = [models.UniqueConstraint(fields=["dataset", "number"], name="opendata_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.dataset} 第 {self.number} 版"

    @property
    def owner_unit_id(self) -> int:
        return self.dataset.unit_id


class PlanEntry(models.Model):
    """One data set a unit plans to open in a year, by a date (年度开放计划)."""

    year = models.PositiveSmallIntegerField("年度")
    unit = models.ForeignKey("orgs.Unit", verbose_name="责任单位", on_delete=models.PROTECT, related_name="opening_plan")
    title = models.CharField("计划开放的数据集", max_length=200)
    theme = models.CharField("主题分类", max_length=32, choices=THEME_CHOICES)
    planned_on = models.DateField("计划开放日期")
    dataset = models.ForeignKey(
        Dataset, verbose_name="对应数据集", null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_entries"
    )
    note = models.CharField("备注", max_length=300, blank=True, default="")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "年度开放计划事项"
        verbose_name_plural = "年度开放计划"
        ordering = ["year", "planned_on", "pk"]
        indexes = [models.Index(fields=["year", "unit"])]

    def __str__(self) -> str:
        return f"{self.year}年 {self.title}"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id
