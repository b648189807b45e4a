"""Public messages (留言、信箱): the message, the append-only rows of what happened to it, the
office's routing keywords and each unit's rule on reviewing replies.

A message stores what its sender wrote and the dates that carry the clock: ``received_on`` and
``replied_on``. Its ``due_on`` is only a cache for sorting, written from the events by
``gongkai.interaction.clock``; what time decides (due soon, overdue, escalated) is derived at read
time. The sender's name, phone and e-mail are for the office and the unit the message is routed
to: never for the public, another unit or an evaluator.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.foi.models import AppendOnlyError
from gongkai.foi.models.requests import EventQuerySet
from gongkai.rules import interaction as rules


class Kind(models.TextChoices):
    CONSULT = rules.MessageKind.CONSULT.value, rules.MessageKind.CONSULT.label
    SUGGEST = rules.MessageKind.SUGGEST.value, rules.MessageKind.SUGGEST.label
    COMPLAIN = rules.MessageKind.COMPLAIN.value, rules.MessageKind.COMPLAIN.label
    HELP = rules.MessageKind.HELP.value, rules.MessageKind.HELP.label
    OTHER = rules.MessageKind.OTHER.value, rules.MessageKind.OTHER.label


class Channel(models.TextChoices):
    ONLINE = "online", "网上留言"
    HOTLINE = "hotline", "12345热线转办"
    PHONE = "phone", "电话留言"
    LETTER = "letter", "来信"


class Status(models.TextChoices):
    """Where the handling stands; changed only by the services, one event per change."""

    UNROUTED = "unrouted", "待分办"
    PROCESSING = "processing", "办理中"
    IN_REVIEW = "in_review", "答复待审核"
    REPLIED = "replied", "已答复"


OPEN_STATUSES = (Status.UNROUTED, Status.PROCESSING, Status.IN_REVIEW)


class Rating(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


class Message(models.Model):
    tracking_code = models.CharField("查询码", max_length=12, unique=True)
    kind = models.CharField("留言类型", max_length=12, choices=Kind.choices)
    channel = models.CharField("渠道", max_length=12, choices=Channel.choices, default=Channel.ONLINE)
    subject = models.CharField("标题", max_length=100)
    text = models.TextField("留言内容")
    # personal data: the routed unit and the office only
    name = models.CharField("姓名", max_length=50)
    phone = models.CharField("联系电话", max_length=30, blank=True, default="")
    email = models.EmailField("电子邮箱", blank=True, default="")
    may_publish = models.BooleanField("同意公开留言和答复", default=False)

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="办理单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="messages", help_text="空：在公开办待分办。",
    )
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.UNROUTED)
    routing_note = models.CharField("分办依据", max_length=200, blank=True, default="")
    received_at = models.DateTimeField("收到时间")
    received_on = models.DateField("收到之日")
    due_on = models.DateField("答复期限", null=True, blank=True, db_index=True)
    reply_text = models.TextField("答复内容", blank=True, default="")
    replied_on = models.DateField("答复日期", null=True, blank=True)
    replied_by = models.ForeignKey(
        "orgs.Unit", verbose_name="答复单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    rating = models.CharField("评价", max_length=12, choices=Rating.choices, blank=True, default="")
    submission_token = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    unit_field = "unit"

    class Meta:
        verbose_name = "留言"
        verbose_name_plural = "留言"
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"]), models.Index(fields=["status", "may_publish"])]

    def __str__(self) -> str:
        return f"{self.display_code} {self.subject[:30]}"

    @classmethod
    def public_q(cls) -> Q:
        """Shown on the portal: the sender agreed, and the reply has been sent."""
        return Q(may_publish=True, status=Status.REPLIED)

    @property
    def is_public(self) -> bool:
        return self.may_publish and self.status == Status.REPLIED

    @property
    def owner_unit_id(self) -> int | None:
        return self.unit_id

    @property
    def display_code(self) -> str:
        from gongkai.foi.codes import format_code

        return format_code(self.tracking_code)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def rule_kind(self) -> rules.MessageKind:
        return rules.MessageKind(self.kind)


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", "网上留言"
    REGISTERED = "registered", "登记留言"
    AUTO_ROUTED = "auto_routed", "自动分办"
    ROUTED = "routed", "分办"
    TRANSFERRED = "transferred", "转办"
    SENT_BACK = "sent_back", "退回公开办"
    REPLY_SUBMITTED = "reply_submitted", "提交答复待审核"
    REPLY_RETURNED = "reply_returned", "退回答复修改"
    REPLIED = "replied", "答复"
    RATED = "rated", "评价"
    REOPENED = "reopened", "不满意，重新办理"


# Events that hand the message to another place: the clock keeps running unless ``restart``.
HANDOVER_KINDS = frozenset({EventKind.AUTO_ROUTED, EventKind.ROUTED, EventKind.TRANSFERRED, EventKind.SENT_BACK})
# What the sender sees on the tracking page (never who handled it inside a unit, nor why it moved).
PUBLIC_EVENT_KINDS = frozenset({
    EventKind.SUBMITTED, EventKind.REGISTERED, EventKind.AUTO_ROUTED, EventKind.ROUTED,
    EventKind.TRANSFERRED, EventKind.REPLIED, EventKind.RATED, EventKind.REOPENED,
})


class MessageEvent(models.Model):
    """One transition; append-only like a request's events (the same refusal, ``AppendOnlyError``)."""

    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=20, choices=EventKind.choices)
    on = models.DateField("日期")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_label = models.CharField("经办人名称", max_length=150, blank=True, default="")
    note = models.TextField("说明", blank=True, default="")
    data = models.JSONField("数据", default=dict, blank=True)

    objects = EventQuerySet.as_manager()  # refuses update() and delete()

    unit_field = "message__unit"
    is_public = False

    class Meta:
        verbose_name = "留言办理记录"
        verbose_name_plural = "留言办理记录"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def owner_unit_id(self) -> int | None:
        return self.message.unit_id

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("办理记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("办理记录只能追加，不能删除")


class RoutingKeyword(models.Model):
    """The office's rule "a message mentioning 学位 goes to 教育局" (``rules.interaction.routing``)."""

    keyword = models.CharField("关键词", max_length=30, unique=True)
    unit = models.ForeignKey("orgs.Unit", verbose_name="分办单位", on_delete=models.CASCADE, related_name="+")

    unit_field = None
    is_public = False
    owner_unit_id = None

    class Meta:
        verbose_name = "分办关键词"
        verbose_name_plural = "分办关键词"
        ordering = ["keyword"]

    def __str__(self) -> str:
        return f"{self.keyword} → {self.unit}"


class ReplyRule(models.Model):
    """A unit's own rule: its replies go to its reviewer (审核人) before they are sent."""

    unit = models.OneToOneField("orgs.Unit", verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    review_required = models.BooleanField("答复须经审核", default=True)

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "留言答复审核规则"
        verbose_name_plural = "留言答复审核规则"

    def __str__(self) -> str:
        return f"{self.unit}：{'须审核' if self.review_required else '无须审核'}"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id


class ReminderKind(models.TextChoices):
    REMIND = "remind", "到期提醒"
    ESCALATE = "escalate", "超期上报公开办"


class MessageReminder(models.Model):
    """A reminder or escalation sent for one reply period of a message (one row per reminder day of
the period, ``rules.interaction.reminder_days``): the unique row is inserted
    before anything is sent, so a second run of the job (or a racing worker) sends nothing twice."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("类型", max_length=12, choices=ReminderKind.choices)
    due_on = models.DateField("所针对的答复期限")
    day = models.DateField("提醒日", help_text="规则确定的提醒日或上报日；错过的较早提醒不再补发。")
    sent_on = models.DateField("发送日期")
    recipients = models.PositiveIntegerField("接收人数", default=0)

    unit_field = "message__unit"
    is_public = False

    class Meta:
        verbose_name = "留言提醒记录"
        verbose_name_plural = "留言提醒记录"
        constraints = [
            models.UniqueConstraint(fields=["message", "kind", "due_on", "day"], name="message_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} {self.get_kind_display()} {self.due_on:%Y-%m-%d}"

    @property
    def owner_unit_id(self) -> int | None:
        return self.message.unit_id
