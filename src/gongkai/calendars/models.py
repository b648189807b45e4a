"""The holiday table: the official schedule as data the office edits.

``Holiday`` rows override the maintained package (chinesecalendar); a ``ScheduleYear`` row says
that the office confirmed a year's schedule (usually by pasting the State Council's notice), so
that a year the package does not know yet is no longer reported as unconfirmed.
"""

from __future__ import annotations

from django.db import models

from gongkai.rules.calendar import DayKind as RuleDayKind


class DayKind(models.TextChoices):
    HOLIDAY = RuleDayKind.HOLIDAY.value, "放假（休息日）"
    WORKDAY = RuleDayKind.WORKDAY.value, "调休上班（工作日）"


class Holiday(models.Model):
    day = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=DayKind.choices)
    name = models.CharField("名称", max_length=50, blank=True, default="", help_text="如：国庆节")
    source = models.CharField("依据", max_length=200, blank=True, default="")
    changed_at = models.DateTimeField("修改时间", auto_now=True)

    is_public = True  # the holiday schedule is public; editing it is the office's

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()


class ScheduleYear(models.Model):
    year = models.PositiveIntegerField("年份", unique=True)
    source = models.CharField("依据", max_length=200, help_text="如：国务院办公厅关于2027年部分节假日安排的通知")
    notice_text = models.TextField("通知原文", blank=True, default="")
    confirmed_at = models.DateTimeField("确认时间", auto_now_add=True)

    is_public = True

    class Meta:
        verbose_name = "已确认年度"
        verbose_name_plural = "已确认年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year} 年：{self.source}"
