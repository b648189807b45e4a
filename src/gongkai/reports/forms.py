from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from gongkai.foi import codes
from gongkai.foi.models import Request
from gongkai.orgs.models import Unit
from gongkai.reports.models import CaseKind, CaseResult
from gongkai.rules.annualreport.figures import MOST

REPORT_FILE_HELP = "Word（.docx）、有文字层的 PDF、网页（.html）、文本（.txt）或 Excel（.xlsx），2021 年格式或 2019 年试行格式。"


class CheckUploadForm(forms.Form):
    file = forms.FileField(label="年度报告文件", help_text=REPORT_FILE_HELP)
    previous = forms.FileField(
        label="上一年度的报告（可选）", required=False, help_text="用于核对上年结转（D3）和跨年提示（D6、D7）。"
    )


class CaseForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=CaseKind.choices)
    case_number = forms.CharField(label="案号", max_length=80, required=False)
    body = forms.CharField(label="复议机关或受理法院", max_length=100)
    filed_on = forms.DateField(label="申请复议或起诉之日", widget=forms.DateInput(attrs={"type": "date"}))
    request_code = forms.CharField(
        label="涉及的申请查询码（可选）", max_length=20, required=False,
        help_text="填写后，案件与该申请关联。",
    )
    only_as_review_body = forms.BooleanField(
        label="本机关仅作为复议机关共同被告（不计入本机关年度报告）", required=False
    )
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_request_code(self) -> Request | None:
        typed = self.cleaned_data["request_code"]
        if not typed.strip():
            return None
        code = codes.normalize(typed)
        found = Request.objects.filter(unit=self.unit, tracking_code=code).first() if code else None
        if found is None:
            raise forms.ValidationError("本单位没有这个查询码的申请，请核对。")
        return found


class CaseResultForm(forms.Form):
    result = forms.ChoiceField(label="审结结果", choices=CaseResult.choices)
    decided_on = forms.DateField(label="审结之日", widget=forms.DateInput(attrs={"type": "date"}))


class ReportTextsForm(forms.Form):
    overview = forms.CharField(
        label="一、总体情况", widget=forms.Textarea(attrs={"rows": 8}), max_length=20000,
        help_text="主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况（国办公开办函〔2021〕30号）。",
    )
    problems = forms.CharField(
        label="五、存在的主要问题及改进情况", widget=forms.Textarea(attrs={"rows": 6}), max_length=20000
    )



class FiguresForm(forms.Form):
    """§二's rows that the platform does not hold; left blank, a row is printed blank."""

    # Bounded below what the stored number holds (14 digits, 4 after the point): no government
    # decides a billion cases a year, and a larger figure is a typing error, not a 500.
    permits = forms.IntegerField(label="行政许可（本年处理决定数量）", min_value=0, max_value=MOST, required=False)
    penalties = forms.IntegerField(label="行政处罚（本年处理决定数量）", min_value=0, max_value=MOST, required=False)
    enforcement = forms.IntegerField(label="行政强制（本年处理决定数量）", min_value=0, max_value=MOST, required=False)
    fees = forms.DecimalField(
        label="行政事业性收费（本年收费金额，单位：万元）", min_value=0, max_digits=14, decimal_places=4, required=False
    )

    ROWS = {"permits": "行政许可", "penalties": "行政处罚", "enforcement": "行政强制", "fees": "行政事业性收费"}

    def values(self) -> dict[str, Decimal | None]:
        return {
            row: None if self.cleaned_data[name] is None else Decimal(self.cleaned_data[name])
            for name, row in self.ROWS.items()
        }

    @classmethod
    def initial_from(cls, figures: dict[str, Decimal]) -> dict[str, Decimal]:
        return {name: figures[row] for name, row in cls.ROWS.items() if row in figures}


class FiguresUploadForm(forms.Form):
    year = forms.IntegerField(label="报告年度", min_value=2019, max_value=2100)
    file = forms.FileField(
        label="填报表（.xlsx）",
        help_text="三列：单位名称、信息内容（行政许可、行政处罚、行政强制、行政事业性收费）、数值（收费以万元为单位）。数值空白的行不导入。",
    )
