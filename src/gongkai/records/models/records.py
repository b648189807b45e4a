"""A government information record (政府信息), its attachments and the events of its workflow."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone

from gongkai.rules import validity


class RecordKind(models.TextChoices):
    GENERAL = "general", "一般信息"
    REGULATION = "regulation", "规章"
    NORMATIVE = "normative", "行政规范性文件"
    POLICY = "policy", "其他政策文件"
    INTERPRETATION = "interpretation", "政策解读"


# 规章 and 行政规范性文件 are the 第二十条第（一）项 documents of the annual report and the ones
# whose 解读 is required (DOMAIN.md 9.27); the gazette carries them.
NORMATIVE_KINDS = (RecordKind.REGULATION, RecordKind.NORMATIVE)
POLICY_KINDS = (RecordKind.REGULATION, RecordKind.NORMATIVE, RecordKind.POLICY)


class RecordStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "待保密审查"
    RETURNED = "returned", "退回修改"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"
    SUPERSEDED = "superseded", "已被替代"


EDITABLE_STATUSES = (RecordStatus.DRAFT, RecordStatus.RETURNED)
# Published, or replaced by a newer version but still on record (the old text stays readable).
ON_RECORD_STATUSES = (RecordStatus.PUBLISHED, RecordStatus.SUPERSEDED)


class Disclosure(models.TextChoices):
    """公开属性 (DOMAIN.md 3.3): the 公开属性源头认定 is made when the record is drafted."""

    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class Audience(models.TextChoices):
    PUBLIC = "public", "面向社会"
    APPLICANT = "applicant", "面向申请人"


class Validity(models.TextChoices):
    """The choices of ``declared_validity``: the values and labels of ``rules.validity``."""

    VALID = validity.Validity.VALID.value, validity.Validity.VALID.label
    NOT_YET = validity.Validity.NOT_YET.value, validity.Validity.NOT_YET.label
    EXPIRED = validity.Validity.EXPIRED.value, validity.Validity.EXPIRED.label
    REPEALED = validity.Validity.REPEALED.value, validity.Validity.REPEALED.label
    SUPERSEDED = validity.Validity.SUPERSEDED.value, validity.Validity.SUPERSEDED.label


class Record(models.Model):
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="发布单位", on_delete=models.PROTECT, related_name="records"
    )
    kind = models.CharField("信息类别", max_length=20, choices=RecordKind.choices, default=RecordKind.GENERAL)
    title = models.CharField("名称", max_length=300)
    summary = models.TextField("内容概述", blank=True, default="")
    publisher = models.CharField("发布机构", max_length=100)
    doc_number = models.CharField("文号", max_length=100, blank=True, default="")
    written_on = models.DateField("成文日期", null=True, blank=True)
    formed_on = models.DateField(
        "形成或变更日期", null=True, blank=True,
        help_text="《政府信息公开条例》第二十六条的 20 个工作日从此日起算；不填则按成文日期。",
    )
    published_on = models.DateField("发布日期", null=True, blank=True)
    effective_on = models.DateField("生效日期", null=True, blank=True)
    expires_on = models.DateField("失效日期", null=True, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    declared_validity = models.CharField(
        "有效性（指定）", max_length=20, choices=Validity.choices, blank=True, default="",
        help_text="留空则按生效、失效、废止日期自动判断。",
    )
    topic = models.CharField("主题分类", max_length=100, blank=True, default="")
    genre = models.CharField("体裁", max_length=50, blank=True, default="")
    keywords = models.CharField("主题词", max_length=200, blank=True, default="")
    columns = models.ManyToManyField("records.Column", verbose_name="所属栏目", related_name="records", blank=True)
    disclosure = models.CharField("公开方式", max_length=20, choices=Disclosure.choices, default=Disclosure.PROACTIVE)
    disclosure_reason = models.TextField("不主动公开的理由", blank=True, default="")
    audience = models.CharField("公开范围", max_length=20, choices=Audience.choices, default=Audience.PUBLIC)
    body = models.TextField("正文", blank=True, default="")
    body_text = models.TextField("正文文字", blank=True, default="")
    interprets = models.ForeignKey(
        "self", verbose_name="所解读的政策", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="interpretations",
    )
    status = models.CharField("状态", max_length=20, choices=RecordStatus.choices, default=RecordStatus.DRAFT)
    index_number = models.CharField("索引号", max_length=64, unique=True, null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self", verbose_name="替代为", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="supersedes", db_index=False,
    )
    review_comment = models.TextField("审查意见", blank=True, default="")
    # A correction (更正) of a published record waits here for 保密审查: the public keeps the
    # published fields until a reviewer approves it (``services.approve_correction``).
    revision = models.JSONField(
        "待审查的更正", null=True, blank=True, encoder=DjangoJSONEncoder,
        help_text="更正后的目录信息和正文，审查通过前不公开。",
    )
    revision_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="更正提交人", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", db_index=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    updated_at = models.DateTimeField("修改时间", default=timezone.now)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    # Rarely looked up by these: no index, so that a 100,000-row import writes fewer B-trees.
    source_import = models.ForeignKey(
        "records.CatalogImport", null=True, blank=True, on_delete=models.SET_NULL, related_name="records",
        db_index=False,
    )

    unit_field = "unit"

    class Meta:
        verbose_name = "政府信息"
        verbose_name_plural = "政府信息"
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["unit", "status", "published_on"], name="record_unit_status_pub"),
            models.Index(fields=["status", "published_on"], name="record_status_pub"),
            # with the date: the home page's newest interpretations and policies of one kind (SQLite
            # walked every published record by date to find the few interpretations, 15 ms)
            models.Index(fields=["kind", "status", "published_on"], name="record_kind_status_pub"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    # Two degrees of public. A record the public may *open* (its page and files): on record,
    # 主动公开 and 面向社会 — a 面向申请人 record (公开范围, DOMAIN.md 3.1) is never on a public
    # page. A record the public is *offered* (catalog lists, feeds, sitemap, search, gazette):
    # the same, but current — a withdrawn or superseded record leaves every list the moment it
    # changes; a superseded one stays readable at its address, marked as replaced.
    @property
    def is_public(self) -> bool:
        return (
            self.status in ON_RECORD_STATUSES and self.disclosure == Disclosure.PROACTIVE
            and self.audience == Audience.PUBLIC
        )

    @staticmethod
    def public_q() -> Q:
        return Q(status__in=ON_RECORD_STATUSES, disclosure=Disclosure.PROACTIVE, audience=Audience.PUBLIC)

    @property
    def is_listed(self) -> bool:
        return self.is_public and self.status == RecordStatus.PUBLISHED

    @staticmethod
    def listed_q(through: str = "") -> Q:
        """``through``: the lookup from another model, e.g. ``"entries__record__"``."""
        return Q(**{
            f"{through}status": RecordStatus.PUBLISHED, f"{through}disclosure": Disclosure.PROACTIVE,
            f"{through}audience": Audience.PUBLIC,
        })

    @property
    def search_key(self) -> str:
        return f"records.record:{self.pk}"

    @property
    def is_normative(self) -> bool:
        return self.kind in NORMATIVE_KINDS

    @property
    def is_policy(self) -> bool:
        return self.kind in POLICY_KINDS

    @property
    def validity_facts(self) -> validity.ValidityFacts:
        return validity.ValidityFacts(
            declared=validity.declared_from(self.declared_validity), effective_on=self.effective_on,
            expires_on=self.expires_on, repealed_on=self.repealed_on,
            superseded=self.status == RecordStatus.SUPERSEDED,
        )

    def validity_on(self, today: date) -> Validity:
        """有效性 on ``today``, derived at read time by the one rule (``rules.validity``)."""
        return Validity(validity.validity_on(self.validity_facts, today).value)

    @property
    def validity(self) -> Validity:
        return self.validity_on(timezone.localdate())

    @property
    def formed_or_written_on(self) -> date | None:
        return self.formed_on or self.written_on


class EventKind(models.TextChoices):
    CREATED = "created", "起草"
    IMPORTED = "imported", "目录导入（提交保密审查）"
    FLAGGED = "flagged", "整批审查时发现疑似个人信息，留待逐条审查"
    EDITED = "edited", "修改"
    ATTACHED = "attached", "上传附件"
    DETACHED = "detached", "删除附件"
    SUBMITTED = "submitted", "提交保密审查"
    MASKED = "masked", "去标识化"
    RETURNED = "returned", "退回修改"
    PUBLISHED = "published", "审查通过并发布"
    CORRECTION_PROPOSED = "correction_proposed", "提交更正（待保密审查）"
    CORRECTION_RETURNED = "correction_returned", "退回更正"
    CORRECTED = "corrected", "更正审查通过"
    WITHDRAWN = "withdrawn", "撤回"
    SUPERSEDED = "superseded", "被新版本替代"
    REPEALED = "repealed", "废止"


class RecordEvent(models.Model):
    """One step in a record's life, append-only: who did what, when, with which comment."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("操作", max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField("操作人", max_length=150, blank=True, default="")
    at = models.DateTimeField("时间", default=timezone.now)
    comment = models.TextField("意见", blank=True, default="")
    data = models.JSONField("详情", default=dict, blank=True, encoder=DjangoJSONEncoder)

    unit_field = "record__unit"
    is_public = False

    class Meta:
        verbose_name = "信息操作记录"
        verbose_name_plural = "信息操作记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.record_id}"

    @property
    def owner_unit_id(self) -> int:
        return self.record.unit_id


class Attachment(models.Model):
    """A file of a record, checked by content before it was saved. Its text (``.docx``, ``.xlsx``,
    ``.txt``) is scanned for personal data; once the reviewer masked something in it, the public
    gets the masked text instead of the original file."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("文件", upload_to="records/%Y/%m/")
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveBigIntegerField("大小", default=0)
    kind = models.CharField("实际类型", max_length=20, blank=True, default="")
    text = models.TextField("文字内容", blank=True, default="")
    text_read = models.BooleanField("已读取文字", default=False)
    masked_count = models.PositiveIntegerField("去标识化处数", default=0)
    sort_order = models.PositiveIntegerField("排序", default=0)
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    unit_field = "record__unit"

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def owner_unit_id(self) -> int:
        return self.record.unit_id

    @property
    def is_public(self) -> bool:
        return self.record.is_public

    @staticmethod
    def public_q() -> Q:
        return Q(
            record__status__in=ON_RECORD_STATUSES, record__disclosure=Disclosure.PROACTIVE,
            record__audience=Audience.PUBLIC,
        )

    @property
    def serves_masked_text(self) -> bool:
        return self.masked_count > 0
