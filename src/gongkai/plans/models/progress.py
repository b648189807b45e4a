"""Plans in motion: each published item assigned to its units, reported on period by period with
evidence, consolidated by the lead unit, accepted by the office (seed 000 item 20, seed 004 item
67), with reminders before each due date."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from gongkai.plans.models.plans import Item, Plan


class AssignmentRole(models.TextChoices):
    LEAD = "lead", "牵头"
    COOPERATING = "cooperating", "配合"


class Assignment(models.Model):
    """One unit's share of one item, fixed when the plan was published: a unit added to the
    registry later is not silently added to last year's plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField("职责", max_length=20, choices=AssignmentRole.choices)
    is_coordinator = models.BooleanField(
        "汇总报送", default=False, help_text="排在首位的牵头单位汇总配合单位的进展，报送本事项的汇总报告。"
    )
    order = models.PositiveIntegerField(default=0)

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "任务分工"
        verbose_name_plural = "任务分工"
        ordering = ["item__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["item", "unit"], name="assignment_unique"),
            models.UniqueConstraint(fields=["item"], condition=Q(is_coordinator=True), name="assignment_one_coordinator"),
        ]
        indexes = [models.Index(fields=["plan", "unit"], name="assignment_plan_unit")]

    def __str__(self) -> str:
        return f"{self.item} · {self.unit}"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id


class Period(models.Model):
    """One reporting period of an item, ending on its due date (rules.schedule). An event item
    has a period without a date until the office records its trigger; an item without any
    deadline has one undated period, so that its units still have somewhere to report."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="periods")
    seq = models.PositiveSmallIntegerField("期次", default=1)
    due_on = models.DateField("报送截止日期", null=True, blank=True, db_index=True)
    on_holiday = models.BooleanField("截止日为节假日", default=False)

    class Meta:
        verbose_name = "报送期"
        verbose_name_plural = "报送期"
        ordering = ["item__order", "seq"]
        constraints = [models.UniqueConstraint(fields=["item", "seq"], name="period_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.due_on is None:
            return "待触发" if self.item.recurrence == "event" else "不定期"
        return f"{self.due_on.year}年{self.due_on.month}月{self.due_on.day}日前"


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", "未启动"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"
    DELAYED = "delayed", "无法按期完成"


class ReportState(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待验收"
    ACCEPTED = "accepted", "已验收"
    RETURNED = "returned", "已退回"


class ProgressReport(models.Model):
    """A unit's report for one period of one assignment; the coordinating lead unit's report is
    the item's consolidated report (``consolidated``)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+")  # = assignment.unit
    status = models.CharField("推进状态", max_length=20, choices=ProgressStatus.choices)
    reason = models.TextField("不能按期完成的原因", blank=True, default="")
    text = models.TextField("进展情况", blank=True, default="")
    problems = models.TextField("存在问题", blank=True, default="")
    next_steps = models.TextField("下一步工作措施", blank=True, default="")
    consolidated = models.BooleanField("汇总报告", default=False)
    state = models.CharField("验收状态", max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    review_comment = models.TextField("验收意见", blank=True, default="")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField("验收时间", null=True, blank=True)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"
        ordering = ["period__due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "period"], name="report_one_per_period"),
            models.CheckConstraint(
                condition=~Q(status="delayed") | ~Q(reason=""), name="report_delay_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.period}"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    @property
    def is_editable(self) -> bool:
        return self.state in (ReportState.DRAFT, ReportState.RETURNED)


class EvidenceKind(models.TextChoices):
    RECORD = "record", "本平台发布的信息"
    URL = "url", "外部链接"
    FILE = "file", "上传文件"


class Evidence(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField("类型", max_length=20, choices=EvidenceKind.choices)
    record = models.ForeignKey(
        "records.Record", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    url = models.URLField("链接", max_length=500, blank=True, default="")
    file = models.FileField("文件", upload_to="plan-evidence/%Y/%m/", blank=True)
    name = models.CharField("名称", max_length=255, blank=True, default="")
    size = models.PositiveIntegerField("大小", default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="record", record__isnull=False)
                    | Q(kind="url") & ~Q(url="")
                    | Q(kind="file") & ~Q(file="")
                ),
                name="evidence_kind_has_target",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ReminderLog(models.Model):
    """A reminder sent for one period of one assignment, ``days_before`` working days ahead; the
    unique constraint is what makes a second run of the job send nothing."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField("提前工作日")
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.JSONField("接收人", default=list, blank=True)
    unmailed = models.JSONField(
        "未发出的邮件", default=list, blank=True,
        help_text="邮件服务器拒收或出错的收件地址；每次提醒任务运行时重发，发出后清除。",
    )

    class Meta:
        verbose_name = "提醒记录"
        verbose_name_plural = "提醒记录"
        constraints = [
            models.UniqueConstraint(fields=["assignment", "period", "days_before"], name="reminder_once")
        ]
