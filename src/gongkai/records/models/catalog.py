"""The basic catalog (主动公开基本目录) of each unit, the 索引号 counters and the office's settings."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from gongkai.rules.indexno import IndexFormat, PeriodForm, PrefixForm


class Column(models.Model):
    """One column (栏目, the 组配分类 of a record) in a unit's catalog tree."""

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="columns"
    )
    parent = models.ForeignKey(
        "self", verbose_name="上级栏目", null=True, blank=True, on_delete=models.CASCADE,
        related_name="children",
    )
    name = models.CharField("栏目名称", max_length=50)
    description = models.CharField("说明", max_length=200, blank=True, default="")
    sort_order = models.PositiveIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    # The catalog's structure is public; what is in it is scoped record by record.
    is_public = True
    unit_field = "unit"

    class Meta:
        verbose_name = "目录栏目"
        verbose_name_plural = "目录栏目"
        ordering = ["unit_id", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "parent", "name"], name="column_unique_name_under_parent"
            ),
            models.UniqueConstraint(
                fields=["unit", "name"], condition=Q(parent__isnull=True),
                name="column_unique_top_level_name",
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id

    @property
    def path(self) -> str:
        """"政策文件 / 规范性文件": the names from the top of the tree."""
        names = [self.name]
        node = self.parent
        while node is not None:
            names.append(node.name)
            node = node.parent
        return " / ".join(reversed(names))


class IndexCounter(models.Model):
    """The last serial handed out for one 索引号 counter ("前段码/期间", see
    ``rules.indexno.sequence_key``). Locked with SELECT … FOR UPDATE while a number is drawn, so
    that two publications never share a serial; the unique 索引号 on ``Record`` is the last guard."""

    key = models.CharField("计数器", max_length=64, unique=True)
    last_serial = models.PositiveIntegerField("已发放至", default=0)

    unit_field = None
    is_public = False

    class Meta:
        verbose_name = "索引号计数器"
        verbose_name_plural = "索引号计数器"

    def __str__(self) -> str:
        return f"{self.key}-{self.last_serial:05d}"

    @property
    def owner_unit_id(self) -> None:
        return None


class PublishingSettings(models.Model):
    """The office's settings for publishing (one row; configuration is data)."""

    index_period = models.CharField(
        "索引号期间", max_length=20, default=PeriodForm.YEAR.value,
        choices=[(PeriodForm.YEAR.value, "按年（2026-00001）"), (PeriodForm.YEAR_MONTH.value, "按年月（202605-00001）")],
    )
    index_prefix = models.CharField(
        "索引号前段码", max_length=20, default=PrefixForm.ORG_CODE.value,
        choices=[(PrefixForm.ORG_CODE.value, "9 位组织机构代码"), (PrefixForm.CREDIT_CODE.value, "18 位统一社会信用代码")],
    )
    publication_workdays = models.PositiveIntegerField(
        "主动公开时限（工作日）", default=20,
        help_text="《政府信息公开条例》第二十六条：自信息形成或者变更之日起 20 个工作日内公开。",
    )
    interpretation_workdays = models.PositiveIntegerField(
        "政策解读时限（工作日）", default=3,
        help_text="政策解读原则上与文件同步公开，最迟不超过该工作日数。",
    )

    unit_field = None
    is_public = False

    class Meta:
        verbose_name = "发布设置"
        verbose_name_plural = "发布设置"

    def __str__(self) -> str:
        return "发布设置"

    @property
    def owner_unit_id(self) -> None:
        return None

    @classmethod
    def current(cls) -> PublishingSettings:
        """The stored settings, or the defaults (unsaved) before the office changed any."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def index_format(self) -> IndexFormat:
        return IndexFormat(period=PeriodForm(self.index_period), prefix=PrefixForm(self.index_prefix))
