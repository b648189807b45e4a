"""A disclosure request (政府信息公开申请) and the append-only rows of what happened to it.

The request stores what the applicant wrote (《政府信息公开条例》第二十九条) and the dates that
carry law: ``received_on`` (第三十一条) and ``replied_on``. Its ``due_on`` is only a cache for
sorting, written by ``gongkai.foi.clock.refresh_due_on`` from the events; what time decides
(due soon, overdue) is derived at read time.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from gongkai.rules import foiclock
from gongkai.rules.foioutcomes import OUTCOME_CHOICES, Outcome
from gongkai.rules.foioutcomes import ApplicantKind as RuleApplicant


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove a request event."""


class Channel(models.TextChoices):
    """How the request reached the agency (values of ``rules.foiclock.Channel``)."""

    ONLINE = foiclock.Channel.ONLINE.value, foiclock.Channel.ONLINE.label
    IN_PERSON = foiclock.Channel.IN_PERSON.value, foiclock.Channel.IN_PERSON.label
    SIGNED_MAIL = foiclock.Channel.SIGNED_MAIL.value, foiclock.Channel.SIGNED_MAIL.label
    PLAIN_LETTER = foiclock.Channel.PLAIN_LETTER.value, foiclock.Channel.PLAIN_LETTER.label
    FAX = foiclock.Channel.FAX.value, foiclock.Channel.FAX.label
    EMAIL = foiclock.Channel.EMAIL.value, foiclock.Channel.EMAIL.label


class ApplicantKind(models.TextChoices):
    """The columns of the annual report's table §三 (values of ``rules.foioutcomes.ApplicantKind``)."""

    NATURAL_PERSON = RuleApplicant.NATURAL_PERSON.value, RuleApplicant.NATURAL_PERSON.column_label
    BUSINESS = RuleApplicant.BUSINESS.value, RuleApplicant.BUSINESS.column_label
    RESEARCH = RuleApplicant.RESEARCH.value, RuleApplicant.RESEARCH.column_label
    PUBLIC_INTEREST = RuleApplicant.PUBLIC_INTEREST.value, RuleApplicant.PUBLIC_INTEREST.column_label
    LEGAL_SERVICE = RuleApplicant.LEGAL_SERVICE.value, RuleApplicant.LEGAL_SERVICE.column_label
    OTHER_ORGANISATION = (
        RuleApplicant.OTHER_ORGANISATION.value, RuleApplicant.OTHER_ORGANISATION.column_label
    )


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    FOREIGN_PR = "foreign_pr", "外国人永久居留身份证"
    OTHER = "other", "其他有效身份证件"


class FormWanted(models.TextChoices):
    """第二十九条第（三）项: the form of the information wanted."""

    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子"


class Delivery(models.TextChoices):
    """第二十九条第（三）项: how the applicant wants to obtain it (获取信息的方式、途径)."""

    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    FAX = "fax", "传真"
    ONLINE = "online", "网上查询下载"


class Status(models.TextChoices):
    """Where the handling stands; changed only by the services, one event per change."""

    UNCONFIRMED = "unconfirmed", "待确认收到"
    PROCESSING = "processing", "办理中"
    AWAITING_AMENDMENT = "awaiting_amendment", "待补正"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    REPLIED = "replied", "已答复"
    ABANDONED = "abandoned", "视为放弃"


OPEN_STATUSES = (Status.UNCONFIRMED, Status.PROCESSING, Status.AWAITING_AMENDMENT, Status.AWAITING_FEE)
CLOSED_STATUSES = (Status.REPLIED, Status.ABANDONED)


class Request(models.Model):
    tracking_code = models.CharField("查询码", max_length=12, unique=True)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="办理机关", on_delete=models.PROTECT, related_name="foi_requests"
    )
    channel = models.CharField("申请渠道", max_length=20, choices=Channel.choices)
    applicant_kind = models.CharField("申请人类型", max_length=32, choices=ApplicantKind.choices)
    # 第二十九条第（一）项: 申请人的姓名或者名称、身份证明、联系方式
    applicant_name = models.CharField("姓名或名称", max_length=100)
    organisation_code = models.CharField("统一社会信用代码", max_length=18, blank=True, default="")
    legal_representative = models.CharField("法定代表人或负责人", max_length=50, blank=True, default="")
    id_type = models.CharField("身份证件类型", max_length=20, choices=IdType.choices, blank=True, default="")
    id_number = models.CharField("身份证件号码", max_length=40, blank=True, default="")
    contact_person = models.CharField("联系人", max_length=50, blank=True, default="")
    phone = models.CharField("联系电话", max_length=30, blank=True, default="")
    email = models.EmailField("电子邮箱", blank=True, default="")
    address = models.CharField("通信地址", max_length=200, blank=True, default="")
    postcode = models.CharField("邮政编码", max_length=6, blank=True, default="")
    # 第二十九条第（二）项: 名称、文号或者便于行政机关查询的其他特征性描述
    description = models.TextField("所需信息的名称、文号或特征性描述")
    # 第二十九条第（三）项: 形式要求，包括获取信息的方式、途径
    form_wanted = models.CharField("信息的载体形式", max_length=20, choices=FormWanted.choices)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=Delivery.choices)
    id_proof = models.FileField("身份证明材料", upload_to="foi/id-proof/%Y/%m/", blank=True)
    items = models.PositiveSmallIntegerField(
        "件数", default=1, help_text="“一事一申请”拆分后的件数，用于按件计收和统计。"
    )

    submitted_at = models.DateTimeField("提交或登记时间")
    arrived_on = models.DateField("申请到达之日")
    received_on = models.DateField(
        "收到申请之日", null=True, blank=True,
        help_text="第三十一条；平常信函无法与申请人取得联系时暂为空，答复期限尚未起算。",
    )
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PROCESSING)
    due_on = models.DateField("答复期限", null=True, blank=True, db_index=True)
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES, blank=True, default="")
    replied_on = models.DateField("答复日期", null=True, blank=True)
    published_record = models.ForeignKey(
        "records.Record", verbose_name="已主动公开的信息", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="答复所指向的已公开政府信息（条例第三十六条第（一）项）。",
    )
    fee_amount = models.PositiveIntegerField("信息处理费（元）", default=0)
    submission_token = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    unit_field = "unit"
    is_public = False  # personal data: its unit and the office only

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return f"{self.display_code} {self.description[:30]}"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    @property
    def display_code(self) -> str:
        from gongkai.foi.codes import format_code

        return format_code(self.tracking_code)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def applicant_identity(self) -> dict[str, str]:
        """Who "the same applicant" is (the monthly count of 件 of 109号, the proposals of
        第四十四条): the credit code or ID number, else the name with the phone number."""
        if self.organisation_code:
            return {"organisation_code": self.organisation_code}
        if self.id_number:
            return {"id_number": self.id_number}
        return {"applicant_name": self.applicant_name, "phone": self.phone}

    @property
    def is_organisation(self) -> bool:
        return self.applicant_kind != ApplicantKind.NATURAL_PERSON

    @property
    def outcome_info(self) -> Any:
        return Outcome(self.outcome).info if self.outcome else None


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", "网上提交申请"
    REGISTERED = "registered", "登记申请"
    RECEIPT_CONFIRMED = "receipt_confirmed", "确认收到申请"
    TRANSFERRED = "transferred", "转办"
    AMENDMENT_REQUESTED = "amendment_requested", "告知补正"
    AMENDED = "amended", "收到补正"
    ABANDONED = "abandoned", "视为放弃"
    EXTENSION_REQUESTED = "extension_requested", "申请延期"
    EXTENSION_APPROVED = "extension_approved", "批准延期"
    EXTENSION_REFUSED = "extension_refused", "不同意延期"
    CONSULTATION_STARTED = "consultation_started", "开始征求意见"
    CONSULTATION_ENDED = "consultation_ended", "结束征求意见"
    FEE_NOTICE = "fee_notice", "送达收费通知"
    FEE_PAID = "fee_paid", "缴纳信息处理费"
    REPLIED = "replied", "答复"
    LETTER_ISSUED = "letter_issued", "制发文书"
    LETTER_SERVED = "letter_served", "送达文书"
    DUE_RECOMPUTED = "due_recomputed", "重新计算答复期限"


# What the applicant sees on the tracking page; internal steps (the extension request before the
# office head decides, the letters to a third party) stay inside.
PUBLIC_EVENT_KINDS = frozenset({
    EventKind.SUBMITTED, EventKind.REGISTERED, EventKind.RECEIPT_CONFIRMED, EventKind.TRANSFERRED,
    EventKind.AMENDMENT_REQUESTED, EventKind.AMENDED, EventKind.ABANDONED,
    EventKind.EXTENSION_APPROVED, EventKind.CONSULTATION_STARTED, EventKind.CONSULTATION_ENDED,
    EventKind.FEE_NOTICE, EventKind.FEE_PAID, EventKind.REPLIED, EventKind.DUE_RECOMPUTED,
})


class EventQuerySet(models.QuerySet["RequestEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("办理记录只能追加，不能修改")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("办理记录只能追加，不能删除")


class RequestEvent(models.Model):
    """One transition, with the date that carries law (``on``) and who recorded it.

    Append-only, like the audit log: the ORM refuses to change or delete a row, a request that has
    events cannot be deleted either (PROTECT: a cascade would bypass the refusal), no admin page
    offers it, and a database trigger (migration 0003) refuses UPDATE on SQLite and PostgreSQL."""

    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=30, choices=EventKind.choices)
    on = models.DateField("日期")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="经办人", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    actor_label = models.CharField("经办人名称", max_length=150, blank=True, default="")
    note = models.TextField("说明", blank=True, default="")
    data = models.JSONField("数据", default=dict, blank=True)

    objects = EventQuerySet.as_manager()

    unit_field = "request__unit"
    is_public = False

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def owner_unit_id(self) -> int:
        return self.request.unit_id

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("办理记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("办理记录只能追加，不能删除")
