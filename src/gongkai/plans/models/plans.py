"""Task-division plans (分工方案): a notice imported into sections and items, each item with its
lead and responsible units and its deadline, reviewed by the office, then published."""

from __future__ import annotations

from datetime import date
from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "待审核"
    PUBLISHED = "published", "已发布"


class Recurrence(models.TextChoices):
    ONGOING = "ongoing", "持续推进"
    MONTHLY = "monthly", "每月"
    QUARTERLY = "quarterly", "每季度"
    SEMIANNUAL = "semiannual", "每半年"
    YEARLY = "yearly", "每年"
    EVENT = "event", "事件触发"


# When the units' implementation-plan deadline starts counting ("本方案公布后N个工作日内").
IMPLEMENTATION_STARTS: Final = [("issued", "自通知成文日期"), ("published", "自在本平台发布之日")]


class Plan(models.Model):
    title = models.CharField("标题", max_length=300)
    issuer = models.CharField("发文机关", max_length=100, blank=True, default="")
    issuer_unit = models.ForeignKey(
        "orgs.Unit", verbose_name="发文政府", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text="“市”“区”等单位表述相对于这一级政府解析。",
    )
    doc_number = models.CharField("文号", max_length=100, blank=True, default="")
    issued_on = models.DateField("成文日期", null=True, blank=True)
    year = models.PositiveIntegerField(
        "年度", null=True, blank=True,
        help_text="通知没有写明年度时由公开办在审核时填写，不按当前日期推测；发布前必须填写。",
    )
    source_name = models.CharField("来源文件", max_length=255, blank=True, default="")
    status = models.CharField("状态", max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    warnings = models.JSONField("解析提示", default=list, blank=True)
    unread = models.JSONField(
        "未导入的原文", default=list, blank=True,
        help_text="原文中既不是任务也不是网页附属内容的行：[{line, text}]，审核页显示在任务之间。",
    )
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    implementation_workdays = models.PositiveSmallIntegerField(
        "实施方案期限（工作日）", null=True, blank=True, default=20,
        help_text="各单位在方案公布后多少个工作日内公开本单位实施方案（肇庆 2016 为 20，荆门 2017 为 30）；"
        "留空表示不要求。",
    )
    implementation_column = models.CharField(
        "实施方案所在栏目", max_length=50, blank=True, default="年度计划与总结",
        help_text="单位在这一栏目发布的信息视为其实施方案。",
    )
    event_workdays = models.PositiveSmallIntegerField(
        "事件类事项办理期限（工作日）", default=10,
        help_text="“适时”“视情”等事件类事项，自公开办登记触发之日起多少个工作日内报送。",
    )
    implementation_from = models.CharField(
        "实施方案期限起算", max_length=20, default="issued", choices=IMPLEMENTATION_STARTS,
        help_text="“本方案公布后N个工作日内”从通知的成文日期算起；公开办也可改为从本平台发布之日算起。",
    )
    default_cadence = models.CharField(
        "无时限事项的报送周期", max_length=20, default="semiannual",
        choices=[("semiannual", "每半年"), ("quarterly", "每季度"), ("yearly", "每年"), ("none", "不设报送期")],
        help_text="原文没有写完成时限的事项按此周期报送进展（与 gongkai plan schedule --default-cadence 一致）。",
    )

    unit_field = None  # the office's own work until published

    @property
    def given_on(self) -> date | None:
        """The day the plan gave its units their work: the notice's issue date, else the day it
        was published here. A due date before it is never overdue (rules.progress)."""
        if self.issued_on is not None:
            return self.issued_on
        return timezone.localdate(self.published_at) if self.published_at else None

    @property
    def cadence_choices(self) -> list[tuple[str, str]]:
        return list(self._meta.get_field("default_cadence").choices or [])

    class Meta:
        verbose_name = "工作任务分工方案"
        verbose_name_plural = "工作任务分工方案"
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == PlanStatus.PUBLISHED

    @staticmethod
    def public_q() -> Q:
        return Q(status=PlanStatus.PUBLISHED)

    @property
    def owner_unit_id(self) -> None:
        return None


class Section(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    title = models.TextField("标题")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "分项"
        verbose_name_plural = "分项"
        ordering = ["order"]

    def __str__(self) -> str:
        return self.title[:60]


class Item(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    order = models.PositiveIntegerField(default=0)
    number = models.CharField("序号", max_length=20, blank=True, default="")
    task = models.TextField("工作任务", blank=True, default="")
    text = models.TextField("具体要求")
    lead_phrases = models.JSONField("牵头单位（原文）", default=list, blank=True)
    unit_phrases = models.JSONField("责任单位（原文）", default=list, blank=True)
    deadline_raw = models.CharField("完成时限（原文）", max_length=200, blank=True, default="")
    deadline_date = models.DateField("完成日期", null=True, blank=True)
    recurrence = models.CharField("周期", max_length=20, choices=Recurrence.choices, blank=True, default="")
    deadline_inherited = models.BooleanField("时限沿用上一行", default=False)
    milestones = models.JSONField("其他节点", default=list, blank=True)
    notes = models.JSONField("备注", default=list, blank=True, help_text="原表中未作解析的列，如“责任领导：…”。")
    source_line = models.PositiveIntegerField("原文行号", default=0)
    unresolved = models.JSONField("未识别的单位表述", default=list, blank=True)
    triggered_on = models.DateField("触发日期", null=True, blank=True, help_text="事件类事项由公开办登记。")
    units = models.ManyToManyField("orgs.Unit", through="ItemUnit", related_name="plan_items")

    class Meta:
        verbose_name = "任务事项"
        verbose_name_plural = "任务事项"
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:40]}"


class UnitRole(models.TextChoices):
    LEAD = "lead", "牵头"
    RESPONSIBLE = "responsible", "负责"


class ItemUnit(models.Model):
    """A unit an item names, expanded from its phrase when the plan was imported or corrected:
    a unit added to the registry later is not silently added to last year's plan."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="item_units")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="item_units")
    role = models.CharField("职责", max_length=20, choices=UnitRole.choices)
    phrase = models.CharField("原文表述", max_length=200, blank=True, default="")

    class Meta:
        verbose_name = "责任单位"
        verbose_name_plural = "责任单位"
        constraints = [models.UniqueConstraint(fields=["item", "unit"], name="item_unit_unique")]


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    PARSING = "parsing", "正在解析"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


class PlanImport(models.Model):
    """One uploaded notice, parsed by the background worker so the page never freezes."""

    file = models.FileField("文件", upload_to="plan-imports/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    issuer_unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    step = models.CharField("进度", max_length=100, blank=True, default="")
    error = models.TextField("错误", blank=True, default="")
    plan = models.OneToOneField(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="source_import")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    unit_field = None
    is_public = False

    class Meta:
        verbose_name = "通知导入"
        verbose_name_plural = "通知导入"
        ordering = ["-created_at"]
