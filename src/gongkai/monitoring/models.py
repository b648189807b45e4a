"""Website monitoring (网站监测): the sites the office watches, their columns and classes, each
crawl with its findings, the findings inspectors enter, and the availability probes.

The rules (what is stale, what is a veto, what a finding costs) are in
``gongkai.rules.monitoring``; the crawler in :mod:`gongkai.monitoring.crawler`. A site belongs to
its owner unit: that unit's people see its findings, no other unit's do (``unit_field``).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from gongkai.orgs.models import Unit, User
from gongkai.rules.monitoring.columns import COLUMN_CLASS_LABELS, ColumnClass

COLUMN_CLASS_CHOICES = [(value.value, label) for value, label in COLUMN_CLASS_LABELS.items()]


class Site(models.Model):
    name = models.CharField("网站名称", max_length=100)
    home_url = models.URLField("首页地址", max_length=300, unique=True)
    owner_unit = models.ForeignKey(Unit, verbose_name="主办单位", on_delete=models.PROTECT, related_name="monitored_sites")
    is_portal = models.BooleanField("本平台门户", default=False, help_text="栏目及其类别由政府信息公开目录自动生成。")
    has_services = models.BooleanField("有对外服务功能", default=True,
                                       help_text="无对外服务的部门网站不检查服务实用情况，其余得分按 4/3 折算。")
    exclude = models.TextField("不抓取的地址前缀", blank=True, default="", help_text="每行一个，如 /search")
    max_pages = models.PositiveIntegerField("最多页面数", default=2000, validators=[MinValueValidator(1), MaxValueValidator(100_000)])
    max_depth = models.PositiveSmallIntegerField("最多层级", default=8, validators=[MinValueValidator(0), MaxValueValidator(50)])
    concurrency = models.PositiveSmallIntegerField("并发数", default=4, validators=[MinValueValidator(1), MaxValueValidator(32)])
    rate = models.DecimalField("每秒请求数", max_digits=6, decimal_places=1, default=Decimal("10"),
                               validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1000))],
                               help_text="0 为不限（仅用于本单位自己的网站）。")
    timeout = models.DecimalField("超时秒数", max_digits=5, decimal_places=2, default=Decimal("15"),
                                  validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal(120))])
    other_days = models.PositiveIntegerField("其他栏目更新周期（天）", null=True, blank=True,
                                             validators=[MinValueValidator(1), MaxValueValidator(3650)],
                                             help_text="留空则其他栏目不检查更新。")
    is_active = models.BooleanField("监测中", default=True)
    created_at = models.DateTimeField("登记时间", default=timezone.now)

    unit_field = "owner_unit"
    is_public = False

    class Meta:
        verbose_name = "监测网站"
        verbose_name_plural = "监测网站"
        ordering = ["-is_portal", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def exclusions(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.exclude.splitlines() if line.strip())


class SiteColumn(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="columns")
    url = models.URLField("栏目地址", max_length=500)
    name = models.CharField("栏目名称", max_length=200)
    column_class = models.CharField("栏目类别", max_length=10, choices=COLUMN_CLASS_CHOICES, default=ColumnClass.OTHER.value)
    catalog_column = models.ForeignKey("records.Column", verbose_name="目录栏目", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    class_set_by_office = models.BooleanField("类别由公开办指定", default=False)

    unit_field = "site__owner_unit"
    is_public = False

    class Meta:
        verbose_name = "监测栏目"
        verbose_name_plural = "监测栏目"
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["site", "url"], name="site_column_url_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_unit_id(self) -> int:
        return self.site.owner_unit_id


class RunStatus(models.TextChoices):
    RUNNING = "running", "抓取中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class CrawlRun(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="runs")
    checked_on = models.DateField("检查日")
    started_at = models.DateTimeField("开始时间", default=timezone.now)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    status = models.CharField("状态", max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    state_file = models.CharField("进度文件", max_length=300, blank=True, default="")
    pages = models.PositiveIntegerField("页面数", default=0)
    result = models.JSONField("抓取结果", default=dict, blank=True)
    error = models.TextField("错误", blank=True, default="")

    unit_field = "site__owner_unit"
    is_public = False

    class Meta:
        verbose_name = "监测抓取"
        verbose_name_plural = "监测抓取"
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"{self.site} {self.checked_on}"

    @property
    def owner_unit_id(self) -> int:
        return self.site.owner_unit_id


class FindingSource(models.TextChoices):
    CRAWL = "crawl", "抓取"
    PROBE = "probe", "可用性监测"
    INSPECTOR = "inspector", "人工检查"
    PLATFORM = "platform", "平台数据"


# Findings an inspector enters (the crawler cannot see them), with whether each is a veto.
INSPECTOR_INDICATORS = {
    "严重错误": True, "服务不实用": True, "互动回应差": True,
    "政务咨询": False, "调查征集": False, "互动访谈": False,
    "办事指南": False, "附件下载": False, "在线系统": False,
    "解读回应": False, "办事服务": False, "互动交流": False, "功能与检索": False,
}
BONUS_INDICATORS = frozenset({"解读回应", "办事服务", "互动交流", "功能与检索"})


class Finding(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="findings")
    run = models.ForeignKey(CrawlRun, on_delete=models.CASCADE, null=True, blank=True, related_name="findings")
    source = models.CharField("来源", max_length=10, choices=FindingSource.choices)
    checked_on = models.DateField("发现日期")
    indicator = models.CharField("指标", max_length=30)
    veto = models.BooleanField("单项否决", default=False)
    key = models.CharField("标识", max_length=600)
    evidence = models.JSONField("证据", default=dict, blank=True)
    points = models.DecimalField("分值", max_digits=5, decimal_places=2, null=True, blank=True)
    note = models.TextField("说明", blank=True, default="")
    evidence_url = models.URLField("证据地址", max_length=500, blank=True, default="")
    entered_by = models.ForeignKey(User, verbose_name="检查人员", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("记录时间", default=timezone.now)

    unit_field = "site__owner_unit"
    is_public = False

    class Meta:
        verbose_name = "监测发现"
        verbose_name_plural = "监测发现"
        ordering = ["-checked_on", "indicator", "key", "id"]
        indexes = [models.Index(fields=["site", "checked_on"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.key}"

    @property
    def owner_unit_id(self) -> int:
        return self.site.owner_unit_id


class Probe(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="probes")
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    ok = models.BooleanField("可访问")
    status = models.PositiveSmallIntegerField("状态码", null=True, blank=True)
    error = models.CharField("错误", max_length=40, blank=True, default="")
    elapsed_ms = models.PositiveIntegerField("耗时（毫秒）", default=0)

    unit_field = "site__owner_unit"
    is_public = False

    class Meta:
        verbose_name = "可用性探测"
        verbose_name_plural = "可用性探测"
        ordering = ["-at"]


class CheckSystemSheet(models.Model):
    """A province's own check indicator system, as the .xlsx the office loaded
    (``rules.monitoring.sheet``); the newest active one scores every site, none the national 2019."""

    name = models.CharField("名称", max_length=200)
    content = models.BinaryField("表格")
    is_active = models.BooleanField("使用中", default=True)
    loaded_at = models.DateTimeField("导入时间", default=timezone.now)
    loaded_by = models.ForeignKey(User, verbose_name="导入人", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    unit_field = None  # the office's own configuration
    is_public = False

    class Meta:
        verbose_name = "网站检查指标体系"
        verbose_name_plural = "网站检查指标体系"
        ordering = ["-loaded_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_unit_id(self) -> None:
        return None
