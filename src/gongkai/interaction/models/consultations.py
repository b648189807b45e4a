"""Consultations on drafts (公开征求意见) and the public's comments on them.

A consultation shows a unit's draft record (the document being drafted, not public itself) as it
was when the consultation opened, with its explanation (起草说明), from ``opens_on`` to the end
of ``closes_on``. Whether it takes comments today is derived from those dates; what is stored is
only what people decided: opened, feedback published. A comment's author's name and contact are
for the unit and the office; its text is public only once moderated in and if its author agreed.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.rules.interaction import consultations as rules


class DraftKind(models.TextChoices):
    NORMATIVE = rules.DraftKind.NORMATIVE.value, rules.DraftKind.NORMATIVE.label
    MAJOR_DECISION = rules.DraftKind.MAJOR_DECISION.value, rules.DraftKind.MAJOR_DECISION.label
    OTHER = rules.DraftKind.OTHER.value, rules.DraftKind.OTHER.label


class ConsultationStatus(models.TextChoices):
    OPEN = "open", "征求意见"  # before, during or after the period: the dates say which
    FEEDBACK_PUBLISHED = "feedback_published", "已公布采纳情况"


class Decision(models.TextChoices):
    ADOPTED = rules.Decision.ADOPTED.value, rules.Decision.ADOPTED.label
    PARTLY = rules.Decision.PARTLY.value, rules.Decision.PARTLY.label
    NOT_ADOPTED = rules.Decision.NOT_ADOPTED.value, rules.Decision.NOT_ADOPTED.label


class Consultation(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name="征求意见单位", on_delete=models.PROTECT,
                             related_name="consultations")
    draft = models.ForeignKey("records.Record", verbose_name="草案（政府信息草稿）", on_delete=models.PROTECT,
                              related_name="consultations")
    kind = models.CharField("草案类型", max_length=20, choices=DraftKind.choices, default=DraftKind.NORMATIVE)
    title = models.CharField("标题", max_length=300)
    draft_text = models.TextField("征求意见稿", help_text="开始征求意见时草案的正文文字。")
    explanation = models.TextField("起草说明")
    opens_on = models.DateField("开始日期")
    closes_on = models.DateField("截止日期")
    short_reason = models.TextField("缩短期限的理由", blank=True, default="")
    status = models.CharField("状态", max_length=20, choices=ConsultationStatus.choices,
                              default=ConsultationStatus.OPEN)
    final_record = models.ForeignKey(
        "records.Record", verbose_name="正式文件", null=True, blank=True, on_delete=models.PROTECT,
        related_name="consultation_feedback",
    )
    feedback_summary = models.TextField("采纳情况说明", blank=True, default="")
    feedback_published_on = models.DateField("采纳情况公布日期", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    unit_field = "unit"
    is_public = True  # the draft under consultation is published for comment by definition

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    @property
    def rule_kind(self) -> rules.DraftKind:
        return rules.DraftKind(self.kind)

    def takes_comments(self, today: date) -> bool:
        return self.status == ConsultationStatus.OPEN and rules.is_open(self.opens_on, self.closes_on, today)

    def closed(self, today: date) -> bool:
        """The period is over (the unit may write its feedback)."""
        return today > self.closes_on

    def phase(self, today: date) -> str:
        if self.status == ConsultationStatus.FEEDBACK_PUBLISHED:
            return "已公布采纳情况"
        if today < self.opens_on:
            return "尚未开始"
        return "正在征求意见" if today <= self.closes_on else "征求意见已结束"

    @property
    def sections(self) -> tuple[rules.Section, ...]:
        return rules.sections(self.draft_text)

    @property
    def period_days(self) -> int:
        return (self.closes_on - self.opens_on).days


class CommentStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    SHOWN = "shown", "已采用展示"
    REJECTED = "rejected", "未予展示"


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="comments")
    seq = models.PositiveIntegerField("序号", help_text="本次征求意见内的顺序号，从1起。")
    section = models.CharField("针对条款", max_length=20, blank=True, default="", help_text="空：针对全文。")
    text = models.TextField("意见内容")
    # personal data: the consulting unit and the office only
    name = models.CharField("姓名", max_length=50, blank=True, default="")
    phone = models.CharField("联系电话", max_length=30, blank=True, default="")
    email = models.EmailField("电子邮箱", blank=True, default="")
    text_public = models.BooleanField("同意公开意见内容", default=False)
    status = models.CharField("审核状态", max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    moderation_note = models.CharField("审核说明", max_length=200, blank=True, default="")
    decision = models.CharField("采纳情况", max_length=12, choices=Decision.choices, blank=True, default="")
    decision_group = models.CharField("意见归类", max_length=60, blank=True, default="",
                                      help_text="同类意见可归为一组，统一说明采纳情况。")
    decision_reason = models.TextField("理由", blank=True, default="")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    submission_token = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)

    unit_field = "consultation__unit"

    class Meta:
        verbose_name = "征求意见的意见"
        verbose_name_plural = "征求意见的意见"
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["consultation", "seq"], name="comment_seq_once")]

    def __str__(self) -> str:
        return f"{self.consultation_id}-{self.seq} {self.text[:20]}"

    @staticmethod
    def public_q() -> Q:
        return Q(status=CommentStatus.SHOWN)

    @property
    def is_public(self) -> bool:
        return self.status == CommentStatus.SHOWN

    @property
    def owner_unit_id(self) -> int:
        return self.consultation.unit_id

    @property
    def number(self) -> str:
        """What the public and the feedback call it: 意见N, numbered within its consultation."""
        return f"意见{self.seq}"
