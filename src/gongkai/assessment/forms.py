"""Forms of the assessment pages; every write goes through ``gongkai.assessment.services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.assessment.models import IndicatorSystem, Round, RoundKind, RoundStatus
from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import Role, Unit, User
from gongkai.params import IdMultipleChoiceField
from gongkai.plans.models import ProgressReport, ReportState
from gongkai.records.models import Record
from gongkai.rules.assessment.rounds import default_stage_dates
from gongkai.rules.assessment.scoring import Stage

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SystemImportForm(forms.Form):
    name = forms.CharField(label="体系名称", max_length=200, required=False,
                           help_text="留空时使用文件名。")
    file = forms.FileField(label="指标体系（.xlsx）")


def evaluator_choices() -> QuerySet[User]:
    return User.objects.filter(is_active=True, roles__role=Role.EVALUATOR).distinct().order_by("full_name", "username")


class RoundForm(forms.Form):
    system = forms.ModelChoiceField(label="指标体系", queryset=IndicatorSystem.objects.all())
    title = forms.CharField(label="名称", max_length=200)
    kind = forms.ChoiceField(label="类型", choices=RoundKind.choices)
    period_start = forms.DateField(label="考评期间起", widget=DATE)
    period_end = forms.DateField(label="考评期间止", widget=DATE)
    opens_on = forms.DateField(label="开始日期", widget=DATE)
    self_due = forms.DateField(label="自评截止（工作日）", widget=DATE)
    collect_due = forms.DateField(label="采集截止（工作日）", widget=DATE)
    recheck_due = forms.DateField(label="复核截止（工作日）", widget=DATE)
    approve_due = forms.DateField(label="审定截止（工作日）", widget=DATE)
    units = IdMultipleChoiceField(
        label="参评单位", widget=forms.CheckboxSelectMultiple,
        queryset=Unit.objects.filter(is_active=True).exclude(category=""),
        help_text="只列出已设置考评类别的单位；每个单位按其类别适用的指标评分。",
    )
    evaluators = IdMultipleChoiceField(
        label="评估人", widget=forms.CheckboxSelectMultiple, required=False, queryset=evaluator_choices(),
        help_text="分配给全部参评单位；发起后可在各单位的“评估人”中调整。评估人（含第三方）只能看到并评分分配给他们的单位。",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            today = timezone.localdate()
            due = default_stage_dates(today, working_calendar())
            self.initial.update({
                "period_start": today.replace(month=1, day=1), "period_end": today.replace(month=12, day=31),
                "opens_on": today, "self_due": due[Stage.SELF], "collect_due": due[Stage.COLLECT],
                "recheck_due": due[Stage.RECHECK], "approve_due": due[Stage.APPROVE],
            })

    def due(self) -> dict[Stage, Any]:
        data = self.cleaned_data
        return {Stage.SELF: data["self_due"], Stage.COLLECT: data["collect_due"],
                Stage.RECHECK: data["recheck_due"], Stage.APPROVE: data["approve_due"]}


class TieDecisionForm(forms.Form):
    """The office's order of one group of tied units (第1位 … 第n位) and the reason."""

    group = forms.CharField(widget=forms.HiddenInput, max_length=4000)
    reason = forms.CharField(label="理由", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="如按重点领域得分率、按公开办会议决定等。")

    def __init__(self, *args: Any, names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names = names
        self.initial.setdefault("group", "、".join(names))
        choices = [(name, name) for name in names]
        for place, name in enumerate(names, 1):
            self.fields[f"place_{place}"] = forms.ChoiceField(label=f"第 {place} 位", choices=choices, initial=name)
        self.order_fields(["group", *[f"place_{place}" for place in range(1, len(names) + 1)], "reason"])

    def order(self) -> list[str]:
        return [self.cleaned_data[f"place_{place}"] for place in range(1, len(self.names) + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and len(set(self.order())) != len(self.names):
            raise forms.ValidationError("每个名次请选择不同的单位。")
        return data


class BonusForm(forms.Form):
    """Where the bonus points of a round's awards go: another annual round still open."""

    target = forms.ModelChoiceField(label="计入的年度考评", queryset=Round.objects.none(),
                                    empty_label=None)

    def __init__(self, *args: Any, source: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Round.objects.filter(kind=RoundKind.ANNUAL, status=RoundStatus.OPEN).exclude(pk=source.pk)


class EvaluatorsForm(forms.Form):
    evaluators = IdMultipleChoiceField(
        label="评估人", widget=forms.CheckboxSelectMultiple, required=False, queryset=evaluator_choices(),
        help_text="采集和复核须由不同的评估人进行；第三方评估人只能看到分配给他们的单位。",
    )


def own_published_records(unit: Unit) -> QuerySet[Record]:
    """What a unit may cite as evidence: its own records the public can read."""
    return Record.objects.filter(Record.public_q(), unit=unit).order_by("-published_on", "-pk")


def own_plan_reports(unit: Unit, round_: Round) -> QuerySet[ProgressReport]:
    """The unit's progress reports on plan items handed in during the round's period (submitted
    or accepted: a draft is not evidence yet)."""
    return ProgressReport.objects.filter(
        unit=unit, state__in=(ReportState.SUBMITTED, ReportState.ACCEPTED),
        submitted_at__date__range=(round_.period_start, round_.period_end),
    ).select_related("assignment__item__plan", "period").order_by("-submitted_at", "-pk")


def plan_report_label(report: ProgressReport) -> str:
    item = report.assignment.item
    return (f"{item.plan.title[:40]} 第{item.number or item.order}项 · {report.period.label} · "
            f"{report.get_status_display()} · {report.get_state_display()}")


class PlanReportChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return plan_report_label(obj)


class EvidenceForm(forms.Form):
    record = forms.ModelChoiceField(label="本单位已公开的信息", queryset=Record.objects.none(), required=False)
    plan_report = PlanReportChoice(label="本单位的进展报告", queryset=ProgressReport.objects.none(), required=False)
    url = forms.URLField(label="链接", required=False, max_length=500, assume_scheme="https")
    file = forms.FileField(label="文件", required=False)
    title = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args: Any, unit: Unit, round_: Round, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        record, report = self.fields["record"], self.fields["plan_report"]
        assert isinstance(record, forms.ModelChoiceField) and isinstance(report, forms.ModelChoiceField)
        record.queryset = own_published_records(unit)
        report.queryset = own_plan_reports(unit, round_)
