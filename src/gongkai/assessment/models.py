"""Assessment (考评): indicator systems, rounds, the units in a round, their signed score entries
and their evidence. The rules (what adds up, which stage counts, who may depart from whom) are
in ``gongkai.rules.assessment``; these rows hold what the people entered, never overwritten."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from gongkai.orgs.models import Unit, UnitCategory, User
from gongkai.records.models import Record
from gongkai.rules.assessment import indicators as rules
from gongkai.rules.assessment.measures import MEASURE_LABELS
from gongkai.rules.assessment.scoring import STAGE_LABELS, Stage


class OfficeData:
    """The office's own rows: held by no unit, never public (``gongkai.orgs.policy``)."""

    is_public = False

    @property
    def owner_unit_id(self) -> None:
        return None


class IndicatorSystem(OfficeData, models.Model):
    """A system as the office imported it; a round keeps using the rows it was opened on."""

    name = models.CharField("名称", max_length=200)
    note = models.TextField("说明", blank=True, default="", help_text="如分值的设定依据。")
    source_name = models.CharField("来源文件", max_length=255, blank=True, default="")
    created_at = models.DateTimeField("导入时间", default=timezone.now)

    unit_field = None  # the office's own configuration

    class Meta:
        verbose_name = "考评指标体系"
        verbose_name_plural = "考评指标体系"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def as_rules(self) -> rules.IndicatorSystem:
        return rules.IndicatorSystem(self.name, tuple(row.as_rule() for row in self.indicators.all()), self.note)


class Indicator(models.Model):
    system = models.ForeignKey(IndicatorSystem, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField("编号", max_length=20)
    name = models.CharField("指标", max_length=300)
    points = models.DecimalField("分值", max_digits=6, decimal_places=2, null=True, blank=True)
    guide = models.TextField("评分标准", blank=True, default="")
    classes = models.JSONField("适用类别", default=list)
    key_area = models.BooleanField("重点领域", default=False)
    measure = models.CharField("平台测量", max_length=32, blank=True, default="",
                               choices=[(measure.value, label) for measure, label in MEASURE_LABELS.items()])
    order = models.PositiveIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "考评指标"
        verbose_name_plural = "考评指标"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["system", "code"], name="indicator_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def as_rule(self) -> rules.Indicator:
        return rules.Indicator(
            self.code, self.name, self.points, self.guide,
            frozenset(rules.UnitCategory(value) for value in self.classes), self.key_area, measure=self.measure,
        )


class RoundKind(models.TextChoices):
    ANNUAL = "annual", "年度考评"
    QUARTERLY = "quarterly", "季度测评"
    DEMONSTRATION = "demonstration", "示范点评估"


class RoundStatus(models.TextChoices):
    OPEN = "open", "进行中"
    PUBLISHED = "published", "已公布结果"


class Round(OfficeData, models.Model):
    """One assessment the office runs on a system, with the last day of each stage."""

    system = models.ForeignKey(IndicatorSystem, verbose_name="指标体系", on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=20, choices=RoundKind.choices)
    period_start = models.DateField("考评期间起")
    period_end = models.DateField("考评期间止")
    opens_on = models.DateField("开始日期")
    self_due = models.DateField("自评截止")
    collect_due = models.DateField("采集截止")
    recheck_due = models.DateField("复核截止")
    approve_due = models.DateField("审定截止")
    status = models.CharField("状态", max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    published_at = models.DateTimeField("公布时间", null=True, blank=True)
    bonus_from = models.ForeignKey(
        "self", verbose_name="加分来源", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="其表彰结果的加分计入本轮（示范点通知三(四)2）。",
    )
    created_at = models.DateTimeField("创建时间", default=timezone.now)

    unit_field = "participants__unit"

    class Meta:
        verbose_name = "考评轮次"
        verbose_name_plural = "考评轮次"
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == RoundStatus.PUBLISHED

    def due(self) -> dict[Stage, object]:
        return {Stage.SELF: self.self_due, Stage.COLLECT: self.collect_due,
                Stage.RECHECK: self.recheck_due, Stage.APPROVE: self.approve_due}

    def stage_dates(self) -> list[tuple[str, object]]:
        return [(STAGE_LABELS[stage], day) for stage, day in self.due().items()]

    def tie_orders(self) -> list[list[str]]:
        """The office's tie decisions, oldest first (a later one prevails): each an order of names."""
        return [list(decision.order) for decision in self.tie_decisions.all()]

    def tie_reasons(self) -> dict[str, str]:
        """Each decided unit's reason, from the latest decision naming it."""
        return {name: decision.reason for decision in self.tie_decisions.all() for name in decision.order}


class Participant(models.Model):
    """A unit in a round, with the class it is scored as (fixed when the round opened)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    category = models.CharField("考评类别", max_length=32, choices=UnitCategory.choices)
    evaluators = models.ManyToManyField(User, verbose_name="评估人", blank=True, related_name="+")
    submitted_at = models.DateTimeField("自评提交时间", null=True, blank=True)
    bonus = models.DecimalField("表彰加分", max_digits=6, decimal_places=2, default=0)

    is_public = False

    class Meta:
        verbose_name = "参评单位"
        verbose_name_plural = "参评单位"
        ordering = ["round", "category", "unit__sort_order", "unit_id"]
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="participant_unique")]

    def __str__(self) -> str:
        return f"{self.round} · {self.unit}"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id


class ParticipantData:
    """Rows of one unit's sheet: held by that unit, never public."""

    unit_field = "participant__unit"
    is_public = False
    participant: Participant

    @property
    def owner_unit_id(self) -> int:
        return self.participant.unit_id


class ScoreEntry(ParticipantData, models.Model):
    """One signed score of one leaf at one stage. Append-only: a correction within a stage is a
    new row, the latest of its stage counting; the earlier rows stay as they were signed."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="entries")
    code = models.CharField("指标编号", max_length=20)
    stage = models.CharField("阶段", max_length=20, choices=[(stage.value, label) for stage, label in STAGE_LABELS.items()])
    score = models.DecimalField("得分", max_digits=6, decimal_places=2)
    note = models.TextField("说明或理由", blank=True, default="")
    signed_by = models.ForeignKey(User, verbose_name="签名", null=True, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "评分记录"
        verbose_name_plural = "评分记录"
        ordering = ["participant", "code", "signed_at", "id"]
        indexes = [models.Index(fields=["participant", "code", "stage"], name="score_entry_leaf_stage")]

    def __str__(self) -> str:
        return f"{self.code} {self.get_stage_display()} {self.score}"


class EvidenceKind(models.TextChoices):
    RECORD = "record", "本单位已公开的信息"
    URL = "url", "链接"
    FILE = "file", "文件"
    PLAN_REPORT = "plan_report", "本单位的工作要点进展报告"


class Evidence(ParticipantData, models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="evidence")
    code = models.CharField("指标编号", max_length=20)
    kind = models.CharField("类型", max_length=20, choices=EvidenceKind.choices)
    record = models.ForeignKey(Record, verbose_name="政府信息", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    url = models.URLField("链接", max_length=500, blank=True, default="")
    file = models.FileField("文件", upload_to="assessment/%Y/%m/", blank=True)
    plan_report = models.ForeignKey("plans.ProgressReport", verbose_name="进展报告", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    title = models.CharField("说明", max_length=200)
    added_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["participant", "code", "added_at", "id"]

    def __str__(self) -> str:
        return self.title


class TieDecision(OfficeData, models.Model):
    """The office's decision on units of a round with equal rates (并列): their order and why.
    Append-only: a later decision naming the same units replaces the earlier one in the results,
    the earlier stays as it was recorded (both audited)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="tie_decisions")
    order = models.JSONField("先后顺序", default=list, help_text="单位名称，排在前的名次在前。")
    reason = models.TextField("理由")
    decided_by = models.ForeignKey(User, verbose_name="决定人", null=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField("时间", default=timezone.now)

    unit_field = None  # the office's own decision on a round

    class Meta:
        verbose_name = "并列名次决定"
        verbose_name_plural = "并列名次决定"
        ordering = ["round", "decided_at", "id"]

    def __str__(self) -> str:
        return "、".join(self.order)
