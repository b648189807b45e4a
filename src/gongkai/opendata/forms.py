"""Forms of the open-data pages; every write goes through ``gongkai.opendata.services``."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.opendata.models import (
    FREQUENCY_CHOICES,
    LICENCE_CHOICES,
    THEME_CHOICES,
    Dataset,
    Source,
)
from gongkai.orgs.models import Unit
from gongkai.params import LawDateField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DatasetForm(forms.Form):
    unit = forms.ModelChoiceField(label="提供单位", queryset=Unit.objects.filter(is_active=True))
    title = forms.CharField(label="数据集名称", max_length=200)
    description = forms.CharField(label="摘要", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    theme = forms.ChoiceField(label="主题分类", choices=THEME_CHOICES)
    frequency = forms.ChoiceField(label="更新频率", choices=FREQUENCY_CHOICES)
    licence = forms.ChoiceField(label="开放许可", choices=LICENCE_CHOICES)
    keywords = forms.CharField(label="关键词", max_length=300, required=False, help_text="用逗号或顿号分隔，最多 10 个。")
    source = forms.ChoiceField(
        label="数据来源", choices=Source.choices,
        help_text="平台数据在每次下载或预览时从数据库重新生成；单位上传的表格以审核发布的版本为准。",
    )

    def __init__(self, *args: Any, fixed_unit: Unit | None = None, source_fixed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if fixed_unit is not None:
            del self.fields["unit"]  # a clerk's data sets are their own unit's
        if source_fixed:
            del self.fields["source"]  # a published data set's source names its download URL
        self.fixed_unit = fixed_unit

    @classmethod
    def of(cls, dataset: Dataset) -> dict[str, Any]:
        """The description as the clerk last wrote it (with the changes waiting for review)."""
        shown = {"title": dataset.title, "description": dataset.description, "theme": dataset.theme,
                 "frequency": dataset.frequency, "licence": dataset.licence, "source": dataset.source,
                 "keywords": dataset.keywords, **dataset.pending_changes}
        return {**shown, "keywords": "、".join(shown["keywords"])}


class UploadForm(forms.Form):
    file = forms.FileField(label="数据表格（.xlsx 或 .csv）",
                           help_text="第 1 行为列名，不能为空、不能重名；每行列数与表头一致。.csv 可为 UTF-8 或 GB18030 编码。")


class CommentForm(forms.Form):
    comment = forms.CharField(label="意见", max_length=500, required=False)


class PlanEntryForm(forms.Form):
    unit = forms.ModelChoiceField(label="责任单位", queryset=Unit.objects.filter(is_active=True))
    title = forms.CharField(label="计划开放的数据集", max_length=200)
    theme = forms.ChoiceField(label="主题分类", choices=THEME_CHOICES)
    planned_on = LawDateField(label="计划开放日期", widget=DATE)
    dataset = forms.ModelChoiceField(label="对应数据集", queryset=Dataset.objects.none(), required=False,
                                     help_text="已建的数据集；发布后即计为已开放。")
    note = forms.CharField(label="备注", max_length=300, required=False)

    def __init__(self, *args: Any, fixed_unit: Unit | None = None, datasets: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if fixed_unit is not None:
            del self.fields["unit"]
        self.fixed_unit = fixed_unit
        if datasets is not None:
            self.fields["dataset"].queryset = datasets  # type: ignore[attr-defined]
