"""The letters of a request (补正告知书, 延期答复告知书, 征求第三方意见书, 答复书), their templates
and the unit's own 文号 series they are numbered in."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.foi.models.requests import Request


class LetterKind(models.TextChoices):
    AMENDMENT = "amendment", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    CONSULTATION = "consultation", "征求第三方意见书"
    REPLY = "reply", "答复书"


# Letters addressed to the applicant (shown on the tracking page); the 征求意见书 goes to the third party.
TO_APPLICANT = frozenset({LetterKind.AMENDMENT, LetterKind.EXTENSION, LetterKind.REPLY})


class ServiceMethod(models.TextChoices):
    """国办公开办函〔2016〕235号: 直接送达, 委托送达, 邮寄送达 (邮政企业 only, no 到付)."""

    DIRECT = "direct", "直接送达"
    POST = "post", "邮政企业邮寄送达"
    DELEGATED = "delegated", "委托其他行政机关代为送达"
    EMAIL = "email", "电子邮件送达"
    ONLINE = "online", "网上查询下载"


class LetterSeries(models.Model):
    """One unit's 文号 series for a year: "肇财依复〔2026〕" and the last number given."""

    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    prefix = models.CharField("机关代字", max_length=40, help_text="如“肇财依复”，文号为 肇财依复〔2026〕3号。")
    last_serial = models.PositiveIntegerField("已用到的顺序号", default=0)

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "文号序列"
        verbose_name_plural = "文号序列"
        ordering = ["unit", "-year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="foi_series_unit_year")]

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕"

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    def number(self, serial: int) -> str:
        # GB/T 9704-2012 7.2.5: 机关代字 + 〔年份〕 + 顺序号（不编虚位，不加“第”）+ 号
        return f"{self.prefix}〔{self.year}〕{serial}号"


class Letter(models.Model):
    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField("文书", max_length=20, choices=LetterKind.choices)
    series = models.ForeignKey(LetterSeries, on_delete=models.PROTECT, related_name="letters")
    serial = models.PositiveIntegerField("顺序号")
    number = models.CharField("文号", max_length=100, unique=True)
    addressee = models.CharField("收件人", max_length=100)
    issued_on = models.DateField("成文日期")
    content = models.BinaryField("文书（.docx）")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    service_method = models.CharField("送达方式", max_length=20, choices=ServiceMethod.choices, blank=True, default="")
    served_on = models.DateField("送达日期", null=True, blank=True)
    signed_on = models.DateField("签收日期", null=True, blank=True)

    unit_field = "request__unit"
    is_public = False

    class Meta:
        verbose_name = "文书"
        verbose_name_plural = "文书"
        ordering = ["issued_on", "id"]
        constraints = [models.UniqueConstraint(fields=["series", "serial"], name="foi_letter_serial")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def owner_unit_id(self) -> int:
        return self.request.unit_id

    @property
    def to_applicant(self) -> bool:
        return self.kind in TO_APPLICANT

    @property
    def filename(self) -> str:
        return f"{self.get_kind_display()}-{self.number}.docx"


class LetterTemplate(models.Model):
    """The office's wording of one kind of letter; placeholders such as {申请人} are filled in."""

    kind = models.CharField("文书", max_length=20, choices=LetterKind.choices, unique=True)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文", help_text="每行一段；可用的占位符见下方说明。")
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    unit_field = None  # the office's configuration
    is_public = False
    owner_unit_id = None

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.title
