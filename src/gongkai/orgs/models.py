"""Units, their aliases and group phrases, people and their roles.

The pure rules of unit phrases (normalising, splitting, resolving a phrase to units) live in
``gongkai.rules.units``; these models hold the registry that those rules read.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from gongkai.rules import units as unit_rules


class UnitKind(models.TextChoices):
    """What a unit is (its place in the government)."""

    CITY_GOV = unit_rules.UnitKind.CITY_GOV.value, "市政府"
    DEPARTMENT = unit_rules.UnitKind.DEPARTMENT.value, "部门"
    COUNTY_GOV = unit_rules.UnitKind.COUNTY_GOV.value, "县区政府"
    COMMITTEE = unit_rules.UnitKind.COMMITTEE.value, "管委会"
    TOWNSHIP = unit_rules.UnitKind.TOWNSHIP.value, "乡镇"
    SUBDISTRICT = unit_rules.UnitKind.SUBDISTRICT.value, "街道"
    INSTITUTION = unit_rules.UnitKind.INSTITUTION.value, "事业单位"
    VERTICAL = unit_rules.UnitKind.VERTICAL.value, "垂直管理单位"
    PARTY = unit_rules.UnitKind.PARTY.value, "党委工作机关"


class UnitCategory(models.TextChoices):
    """The evaluation classes of the 示范点 notice (seed 001)."""

    COUNTY_GOV = unit_rules.UnitCategory.COUNTY_GOV.value, "县区政府"
    COMMITTEE = unit_rules.UnitCategory.COMMITTEE.value, "管委"
    KEY_DEPARTMENT = unit_rules.UnitCategory.KEY_DEPARTMENT.value, "市级重点领域部门"
    OTHER_DEPARTMENT = unit_rules.UnitCategory.OTHER_DEPARTMENT.value, "市级非重点领域部门"
    TOWNSHIP = unit_rules.UnitCategory.TOWNSHIP.value, "乡镇"
    SUBDISTRICT = unit_rules.UnitCategory.SUBDISTRICT.value, "街道"
    PUBLIC_SERVICE_INSTITUTION = (
        unit_rules.UnitCategory.PUBLIC_SERVICE_INSTITUTION.value,
        "承担公共服务的事业单位",
    )


class Unit(models.Model):
    key = models.SlugField("标识", max_length=64, unique=True)
    name = models.CharField("单位名称", max_length=100, unique=True)
    kind = models.CharField("单位类型", max_length=20, choices=UnitKind.choices)
    category = models.CharField(
        "考评类别", max_length=32, choices=UnitCategory.choices, blank=True, default=""
    )
    org_code = models.CharField(
        "机构代码",
        max_length=32,
        blank=True,
        default="",
        help_text="统一社会信用代码或组织机构代码，生成索引号时使用。",
    )
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    tags = models.JSONField(
        "标签", default=list, blank=True, help_text="如 law_enforcement（行政执法主体），供统称规则使用。"
    )
    sort_order = models.PositiveIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)
    liaison = models.ForeignKey(
        "orgs.User", verbose_name="政务公开联络员", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="接收任务提醒；未指定时发给本单位全部经办人。",
    )

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_code"], condition=~Q(org_code=""), name="unit_org_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    # A unit's own record is public (its name and place); what it owns is scoped by policy.
    is_public = True

    @property
    def owner_unit_id(self) -> int:
        return self.pk


class UnitAlias(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField("别名", max_length=100, unique=True)

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"
        ordering = ["alias"]

    def __str__(self) -> str:
        return f"{self.alias} → {self.unit.name}"


class GroupPhrase(models.Model):
    """A phrase such as "各县(市、区)政府" that expands by rule, never by a fixed member list."""

    phrase = models.CharField("统称", max_length=100, unique=True)
    aliases = models.JSONField("其他写法", default=list, blank=True)
    rule = models.JSONField(
        "展开规则",
        default=dict,
        help_text="按单位类型（kinds）、考评类别（categories）、标签（tags）和范围（scope："
        "issuer 发文政府、city 市、county 县区、unit 指定单位 scope_unit）展开，"
        "由 gongkai.rules.units 解释。",
    )

    class Meta:
        verbose_name = "单位统称"
        verbose_name_plural = "单位统称"
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", "公开办管理员"
    CLERK = "clerk", "单位经办人"
    REVIEWER = "reviewer", "审核人"
    EVALUATOR = "evaluator", "评估人"


class User(AbstractUser):
    full_name = models.CharField("姓名", max_length=50, blank=True, default="")
    unit = models.ForeignKey(
        Unit, verbose_name="所在单位", null=True, blank=True, on_delete=models.PROTECT,
        related_name="users",
    )
    phone = models.CharField("联系电话", max_length=30, blank=True, default="")

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    @cached_property
    def role_set(self) -> frozenset[str]:
        return frozenset(self.roles.values_list("role", flat=True))

    def has_role(self, role: Role | str) -> bool:
        return self.is_active and str(role) in self.role_set

    @property
    def is_office_admin(self) -> bool:
        return self.has_role(Role.OFFICE_ADMIN)

    @property
    def role_labels(self) -> list[str]:
        return [Role(code).label for code in sorted(self.role_set)]

    # Users are personal data of their unit: never public.
    is_public = False

    @property
    def owner_unit_id(self) -> int | None:
        return self.unit_id

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self.__dict__.pop("role_set", None)
        super().refresh_from_db(*args, **kwargs)


class UserRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("角色", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = "角色"
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="user_role_unique")]

    def __str__(self) -> str:
        return Role(self.role).label


class LoginAttempt(models.Model):
    """One login try, kept to lock an account after repeated failures."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    # "password", or "second_factor" for a code typed after a correct password
    stage = models.CharField(max_length=20, default="password")
    attempted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "登录尝试"
        verbose_name_plural = "登录尝试"
        ordering = ["-attempted_at"]


class Notice(models.Model):
    """An in-app notice to one user (a reminder of a due report, a returned report …)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notices")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", blank=True, default="")
    url = models.CharField("链接", max_length=300, blank=True, default="")
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    unit_field = "user__unit"
    is_public = False

    class Meta:
        verbose_name = "站内通知"
        verbose_name_plural = "站内通知"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notice_user_unread")]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_unit_id(self) -> int | None:
        return self.user.unit_id


class TOTPDevice(models.Model):
    """A staff user's authenticator app (TOTP, RFC 6238): the shared secret, saved only once the
    user has typed a code from it, and the last time step used, so that no code is accepted twice.
    The secret is kept sealed (SM4, ``gongkai.rules.sealing``; see ``twofactor``)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField("密钥（加密保存）", max_length=200)
    confirmed_at = models.DateTimeField("启用时间")
    last_step = models.BigIntegerField("最近使用的时间步", default=0)

    unit_field = "user__unit"
    is_public = False

    class Meta:
        verbose_name = "动态口令设备"
        verbose_name_plural = "动态口令设备"

    def __str__(self) -> str:
        return f"{self.user} 的动态口令"

    @property
    def owner_unit_id(self) -> int | None:
        return self.user.unit_id


class RecoveryCode(models.Model):
    """A single-use code for when the phone is lost, kept only as a password hash."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=200)
    used_at = models.DateTimeField(null=True, blank=True)

    unit_field = "user__unit"
    is_public = False

    class Meta:
        verbose_name = "恢复码"
        verbose_name_plural = "恢复码"

    @property
    def owner_unit_id(self) -> int | None:
        return self.user.unit_id
