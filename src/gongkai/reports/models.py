"""The register of 行政复议 and 行政诉讼 cases about disclosure, counted in the annual report's §四.

A case stores what happened and when (filed, decided, the result); whether it is 尚未审结 in a
report is derived from the report's year (STYLE.md habit 4), never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class UnitOwned(models.Model):
    """A unit's own, non-public data: the permission policy scopes it by ``unit``."""

    unit_field = "unit"
    is_public = False

    class Meta:
        abstract = True

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id  # type: ignore[attr-defined,no-any-return]


class CaseKind(models.TextChoices):
    """The three groups of §四 (DOMAIN.md 2.5), in the template's order."""

    REVIEW = "review", "行政复议"
    DIRECT_SUIT = "direct_suit", "行政诉讼（未经复议直接起诉）"
    SUIT_AFTER_REVIEW = "suit_after_review", "行政诉讼（复议后起诉）"


class CaseResult(models.TextChoices):
    """The decided results; a case without one is 尚未审结."""

    UPHELD = "upheld", "维持"
    CORRECTED = "corrected", "纠正"
    OTHER = "other", "其他结果"


class ReviewCase(UnitOwned):
    """One 行政复议 or 行政诉讼 about a disclosure decision of ``unit``."""

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="被申请人或被告机关", on_delete=models.PROTECT,
        related_name="review_cases",
    )
    kind = models.CharField("类型", max_length=20, choices=CaseKind.choices)
    case_number = models.CharField("案号", max_length=80, blank=True, default="")
    body = models.CharField("复议机关或受理法院", max_length=100)
    filed_on = models.DateField("申请复议或起诉之日")
    request = models.ForeignKey(
        "foi.Request", verbose_name="涉及的政府信息公开申请", null=True, blank=True,
        on_delete=models.PROTECT, related_name="review_cases",
    )
    result = models.CharField("结果", max_length=20, choices=CaseResult.choices, blank=True, default="")
    decided_on = models.DateField("审结之日", null=True, blank=True)
    # 国办公开办函〔2016〕201号 (DOMAIN.md 2.5 E3): where the 复议机关 is only a co-defendant, the
    # original agency counts the suit; the review body does not.
    only_as_review_body = models.BooleanField(
        "本机关仅作为复议机关共同被告", default=False,
        help_text="复议机关作共同被告的案件，只由原行政行为机关统计，本机关不计入年度报告。",
    )
    note = models.TextField("说明", blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = "行政复议、行政诉讼案件"
        verbose_name_plural = "行政复议、行政诉讼案件"
        ordering = ["-filed_on", "-id"]
        indexes = [models.Index(fields=["unit", "filed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(result="") & models.Q(decided_on__isnull=True))
                | (~models.Q(result="") & models.Q(decided_on__isnull=False)),
                name="review_case_result_with_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.filed_on}"



class ReportState(models.TextChoices):
    """Where a unit's report stands (issue 16, item 3); changed only by ``reports.services``."""

    DRAFT = "draft", "编写中"
    SUBMITTED = "submitted", "已报送公开办"
    RETURNED = "returned", "已退回修改"
    ACCEPTED = "accepted", "已审核通过"
    PUBLISHED = "published", "已发布"


class AnnualReport(UnitOwned):
    """A unit's report on one year: the prose it writes (§一, §五) and, from submission on, the
    tables as submitted (``tables``, CONTRACTS.md §6 shape), so that what the office reviews does
    not move when a late request is registered."""

    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="annual_reports")
    year = models.PositiveSmallIntegerField("报告年度")
    whole = models.BooleanField("含下属单位", default=False, help_text="本级人民政府的报告，统计本单位及其下属单位。")
    state = models.CharField("状态", max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    overview = models.TextField("一、总体情况", blank=True, default="")
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True, default="")
    tables = models.JSONField("报送时的表格数据", default=dict, blank=True)
    comment = models.TextField("公开办意见", blank=True, default="")
    other_matters = models.TextField(
        "六、其他需要报告的事项", blank=True, default="", help_text="报送时根据信息处理费收费情况生成。"
    )
    change_note = models.TextField(
        "更正说明", blank=True, default="", help_text="发布后更正报告时填写：更正了什么、为什么更正。"
    )
    record = models.ForeignKey(
        "records.Record", verbose_name="发布的政府信息", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text="发布后，报告作为一条政府信息进入本单位“政府信息公开年报”栏目。",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = "政府信息公开工作年度报告"
        ordering = ["-year", "unit__sort_order", "unit_id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "whole"], name="annual_report_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年度报告"

    @property
    def editable(self) -> bool:
        return self.state in (ReportState.DRAFT, ReportState.RETURNED)

    def latest_version(self) -> ReportVersion | None:
        return self.versions.order_by("-number").first()


class ReportEvent(models.Model):
    """One step of a report's workflow, append-only (STYLE.md habit 3)."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="events")
    step = models.CharField("事项", max_length=20)
    state = models.CharField("之后的状态", max_length=20, choices=ReportState.choices)
    note = models.TextField("说明", blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_label = models.CharField("经办人名称", max_length=150, blank=True, default="")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度报告办理记录"
        verbose_name_plural = "年度报告办理记录"
        ordering = ["id"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("办理记录只能追加，不能修改")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ReportVersion(models.Model):
    """One published version of a report, frozen (issue 16, item 4): what the public read. A
    correction is published as the next version, with its note and the cells it changed; the
    earlier versions stay readable. Append-only."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField("版本")
    title = models.CharField("标题", max_length=200)
    overview = models.TextField("一、总体情况")
    problems = models.TextField("五、存在的主要问题及改进情况")
    other_matters = models.TextField("六、其他需要报告的事项", blank=True, default="")
    tables = models.JSONField("表格数据")
    change_note = models.TextField("更正说明", blank=True, default="")
    changes = models.JSONField("更正的数据", default=list, blank=True)
    record = models.ForeignKey("records.Record", verbose_name="发布的政府信息", on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField("发布时间", auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = "年度报告发布版本"
        verbose_name_plural = "年度报告发布版本"
        ordering = ["report_id", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_once")]

    def __str__(self) -> str:
        return f"{self.title}（第{self.number}版）"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("已发布的年度报告不能修改，更正请发布新版本")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ProactiveFigure(UnitOwned):
    """A figure of §二 the platform does not hold (行政许可、行政处罚、行政强制 decisions, 行政事业性
    收费 in 万元), entered by the unit for a year, with who entered it."""

    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("报告年度")
    row = models.CharField("信息内容", max_length=20)
    value = models.DecimalField("数值", max_digits=14, decimal_places=4)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    entered_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        verbose_name = "主动公开情况填报数据"
        verbose_name_plural = "主动公开情况填报数据"
        constraints = [models.UniqueConstraint(fields=["unit", "year", "row"], name="proactive_figure_once")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year} {self.row}: {self.value}"


class ReportReminder(models.Model):
    """A reminder sent to a unit whose report on ``year`` was not yet handed in, ``days_before``
    working days before its deadline; the unique constraint makes a second run send nothing."""

    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("报告年度")
    days_before = models.PositiveSmallIntegerField("提前工作日")
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)
    recipients = models.JSONField("接收人", default=list, blank=True)

    class Meta:
        verbose_name = "年度报告提醒记录"
        verbose_name_plural = "年度报告提醒记录"
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "days_before"], name="annual_report_reminder_once")
        ]
