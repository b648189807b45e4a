"""Forms of the monitoring pages; every write goes through ``gongkai.monitoring.services``."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from gongkai.monitoring.models import COLUMN_CLASS_CHOICES, INSPECTOR_INDICATORS, Site
from gongkai.orgs.models import Unit
from gongkai.params import LawDateField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SiteForm(forms.ModelForm):
    home_url = forms.URLField(label="首页地址", max_length=300, assume_scheme="https")
    owner_unit = forms.ModelChoiceField(label="主办单位", queryset=Unit.objects.filter(is_active=True))

    class Meta:
        model = Site
        fields = ["name", "home_url", "owner_unit", "has_services", "exclude", "max_pages", "max_depth",
                  "concurrency", "rate", "timeout", "other_days"]
        widgets = {"exclude": forms.Textarea(attrs={"rows": 3})}


class ColumnClassForm(forms.Form):
    column_class = forms.ChoiceField(label="栏目类别", choices=COLUMN_CLASS_CHOICES)


class FindingForm(forms.Form):
    indicator = forms.ChoiceField(
        label="检查指标",
        choices=[(name, f"{name}（单项否决）" if veto else name) for name, veto in INSPECTOR_INDICATORS.items()],
    )
    checked_on = LawDateField(label="发现日期", widget=DATE)
    points = forms.DecimalField(label="扣分/加分", required=False, min_value=Decimal("0.01"), max_value=Decimal(30),
                                max_digits=5, decimal_places=2, help_text="单项否决不填分值。")
    note = forms.CharField(label="问题与证据", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    evidence_url = forms.URLField(label="证据页面地址", max_length=500, required=False, assume_scheme="https")


class SystemForm(forms.Form):
    name = forms.CharField(label="体系名称", max_length=200, required=False, help_text="留空时使用文件名。")
    file = forms.FileField(label="检查指标（.xlsx）", help_text="格式同“下载模板”：部分、编号、指标、一级指标、分值、扣分依据、条件、每项分值、服务类、评分标准。")
