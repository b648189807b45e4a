"""The one write path of the reports app: every change checked, audited, in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.audit.log import record
from gongkai.foi import dates
from gongkai.foi.models import Request
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import Action, ServiceActor, policy
from gongkai.records import services as records
from gongkai.records.models import Column
from gongkai.reports.checkfile import tables_from_json, tables_json
from gongkai.reports.counting import body_units, compute_tables, fee_summary
from gongkai.reports.docx import write_report_docx
from gongkai.reports.models import (
    AnnualReport,
    CaseKind,
    CaseResult,
    ProactiveFigure,
    ReportEvent,
    ReportState,
    ReportVersion,
    ReviewCase,
)
from gongkai.reports.overview import draft_overview, year_facts
from gongkai.reports.transitions import STEPS, Step, state_allows, user_may
from gongkai.rules.annualreport import FORMATS, ReportTables, ReportTemplate, check_report
from gongkai.rules.annualreport.figures import ENTERED_ROWS, FigureRow
from gongkai.rules.annualreport.template import Measure, report_title
from gongkai.rules.annualreport.versions import changed_cells


def _case_summary(case: ReviewCase) -> dict[str, object]:
    return {
        "kind": case.kind, "case_number": case.case_number, "filed_on": case.filed_on,
        "request": case.request_id, "result": case.result, "decided_on": case.decided_on,
        "only_as_review_body": case.only_as_review_body,
    }  # fmt: skip


def _require_change(actor: ServiceActor | None, unit: Unit) -> None:
    user = policy.require_actor(actor)
    if user is not None and not policy.may(user, Action.CHANGE, unit):
        raise PermissionDenied("只能登记本单位的行政复议、行政诉讼案件。")


@transaction.atomic
def register_case(
    unit: Unit, *, kind: CaseKind | str, body: str, filed_on: date, case_number: str = "",
    request: Request | None = None, only_as_review_body: bool = False, note: str = "",
    actor: ServiceActor | None,
) -> ReviewCase:
    """A 行政复议 or 行政诉讼 about a disclosure decision of ``unit``, as filed (尚未审结)."""
    _require_change(actor, unit)
    if kind not in CaseKind.values:
        raise ValidationError("请选择案件类型：行政复议、未经复议直接起诉或复议后起诉。")
    if not body.strip():
        raise ValidationError("请填写复议机关或受理法院。")
    if request is not None and request.unit_id != unit.pk:
        raise ValidationError("所涉申请不是本单位办理的申请。")
    user = policy.require_actor(actor)
    case = ReviewCase.objects.create(
        unit=unit, kind=kind, body=body.strip(), filed_on=filed_on, case_number=case_number.strip(),
        request=request, only_as_review_body=only_as_review_body, note=note.strip(), created_by=user,
    )  # fmt: skip
    record("review_case_registered", case, after=_case_summary(case))
    return case


@transaction.atomic
def record_case_result(
    case: ReviewCase, *, result: CaseResult | str, decided_on: date, actor: ServiceActor | None
) -> ReviewCase:
    """The 复议决定 or 判决: 维持, 纠正 or another result, and the day it was made."""
    case = ReviewCase.objects.select_for_update().get(pk=case.pk)
    _require_change(actor, case.unit)
    if result not in CaseResult.values:
        raise ValidationError("请选择审结结果：维持、纠正或其他结果。")
    if decided_on < case.filed_on:
        raise ValidationError("审结之日早于申请复议或起诉之日。")
    before = _case_summary(case)
    case.result, case.decided_on = str(result), decided_on
    case.save(update_fields=["result", "decided_on"])
    record("review_case_decided", case, before=before, after=_case_summary(case))
    return case


# --- the annual report's workflow (issue 16, item 3) --------------------------------------------


def _require_step(report: AnnualReport, step: Step, actor: User) -> None:
    if not state_allows(step, report):
        raise ValidationError(f"报告当前为“{report.get_state_display()}”，不能{STEP_LABELS[step]}。")
    if not user_may(actor, step, report):
        raise PermissionDenied(f"无权{STEP_LABELS[step]}。")


def _report_step(report: AnnualReport, step: Step, actor: User, note: str = "") -> None:
    """Take ``step``: the state after it, its event and its audit row (the caller's transaction)."""
    _require_step(report, step, actor)
    before = {"state": report.state}
    after_state = STEPS[step][1]
    if after_state is not None:
        report.state = after_state
    report.save()
    ReportEvent.objects.create(
        report=report, step=step.value, state=report.state, note=note, actor=actor,
        actor_label=str(actor)[:150],
    )  # fmt: skip
    record(f"annual_report_{step.value}", report, before=before, after={"state": report.state, "note": note})


STEP_LABELS = {
    Step.SAVE: "修改报告", Step.SUBMIT: "报送", Step.RETURN: "退回", Step.ACCEPT: "审核通过", Step.PUBLISH: "发布",
    Step.CORRECT: "更正",
}  # fmt: skip
REPORT_COLUMN = "政府信息公开年报"  # records.catalog's default column for the annual reports


@transaction.atomic
def open_report(unit: Unit, year: int, *, whole: bool = False, actor: User) -> AnnualReport:
    """The unit's report on ``year``, begun as a draft the first time."""
    if not policy.may(actor, Action.CHANGE, unit):
        raise PermissionDenied("只能编写本单位的年度报告。")
    report, created = AnnualReport.objects.get_or_create(unit=unit, year=year, whole=whole)
    if created:
        facts = year_facts(body_units(unit, whole=whole), year, dates.today())
        report.overview = draft_overview(compute_tables(unit, year, whole=whole), facts)
        report.save(update_fields=["overview"])
        ReportEvent.objects.create(report=report, step="open", state=report.state, actor=actor, actor_label=str(actor)[:150])
        record("annual_report_opened", report, after={"year": year, "whole": whole})
    return report


def _locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("unit").get(pk=report.pk)


@transaction.atomic
def save_texts(report: AnnualReport, *, overview: str, problems: str, actor: User) -> AnnualReport:
    """§一 总体情况 and §五 存在的主要问题及改进情况, as the unit writes them."""
    report = _locked(report)
    report.overview, report.problems = overview.strip(), problems.strip()
    _report_step(report, Step.SAVE, actor)
    return report


@transaction.atomic
def submit_report(report: AnnualReport, *, actor: User) -> AnnualReport:
    """报送: the tables computed now are what the office reviews. Refused while a hard rule of
    DOMAIN.md 2.6 fails (the violations are the message) or §一 or §五 is empty."""
    report = _locked(report)
    if not report.overview or not report.problems:
        raise ValidationError("请先填写“一、总体情况”和“五、存在的主要问题及改进情况”。")
    tables = compute_tables(report.unit, report.year, whole=report.whole)
    result = check_report(tables, last_year_tables(report.unit, report.year, whole=report.whole))
    if result.violations:
        raise ValidationError([f"{found.rule} {found.message}" for found in result.violations])
    report.tables = tables_json(tables, TABLES)
    report.other_matters = fee_summary(body_units(report.unit, whole=report.whole), report.year).text
    report.comment = ""
    _report_step(report, Step.SUBMIT, actor)
    return report


TABLES = frozenset({"proactive", "applications", "reviews"})


def last_year_tables(unit: Unit, year: int, *, whole: bool = False) -> ReportTables:
    """What this year's report is checked against across years (D3, D6, D7): last year's report
    as published (its latest version) when there is one, otherwise last year computed from the
    platform's data. A request registered late into last year therefore shows as a D3 violation
    until last year's report is corrected."""
    version = (
        ReportVersion.objects.filter(report__unit=unit, report__year=year - 1, report__whole=whole)
        .order_by("-number")
        .first()
    )
    if version is not None:
        return tables_from_json(version.tables, FORMATS[ReportTemplate.FORMAT_2021])
    return compute_tables(unit, year - 1, whole=whole)


@transaction.atomic
def return_report(report: AnnualReport, *, comment: str, actor: User) -> AnnualReport:
    """The office returns the report with what to change."""
    if not comment.strip():
        raise ValidationError("请写明退回修改的意见。")
    report = _locked(report)
    report.comment = comment.strip()
    _report_step(report, Step.RETURN, actor, note=report.comment)
    return report


@transaction.atomic
def accept_report(report: AnnualReport, *, actor: User) -> AnnualReport:
    report = _locked(report)
    _report_step(report, Step.ACCEPT, actor)
    return report


@transaction.atomic
def publish_report(report: AnnualReport, *, actor: User) -> AnnualReport:
    """发布 (第四十九条): the accepted report becomes a record of the unit's 政府信息公开年报 column,
    its .docx (the tables as submitted) attached, through the records' own review and publication
    (index number, privacy scan), and a frozen :class:`ReportVersion`. A correction is published
    as the next version, with its note and the cells it changed; the earlier stay as they were."""
    report = _locked(report)
    _require_step(report, Step.PUBLISH, actor)
    column = Column.objects.filter(unit=report.unit, name=REPORT_COLUMN, is_active=True).first()
    if column is None:
        raise ValidationError(f"{report.unit.name}的政府信息公开目录中没有“{REPORT_COLUMN}”栏目，请先在目录中添加。")
    earlier = report.latest_version()
    number = earlier.number + 1 if earlier else 1
    if earlier is not None and not report.change_note:
        raise ValidationError("更正后的报告须写明更正说明。")
    form = FORMATS[ReportTemplate.FORMAT_2021]
    tables = tables_from_json(report.tables, form)
    changes = changed_cells(tables_from_json(earlier.tables, form), tables) if earlier else []
    other = report.other_matters or fee_summary(body_units(report.unit, whole=report.whole), report.year).text
    title = report_title(report.unit.name, report.year) + (f"（更正版，第{number}版）" if earlier else "")
    content = write_report_docx(
        report.unit.name, report.year, tables, {"一": report.overview, "五": report.problems, "六": other}
    )
    body = f"{report.overview}\n{report.problems}\n{other}"
    if earlier is not None:
        listed = "；".join(change.as_text() for change in changes) or "表格数据未变"
        body = f"更正说明：{report.change_note}\n更正的数据：{listed}\n{body}"
    today = dates.today()
    record = records.create_record(report.unit, {
        "title": title, "body": body, "written_on": today,
        "genre": "报告", "topic": "综合政务/政务公开", "summary": title,
    }, columns=[column], actor=actor)  # fmt: skip
    records.add_attachment(record, f"{title}.docx", content, actor=actor)
    records.submit_record(record, actor=actor)
    report.record = records.publish_record(record, actor=actor)
    version = ReportVersion.objects.create(
        report=report, number=number, title=title, overview=report.overview, problems=report.problems,
        other_matters=other, tables=report.tables, change_note=report.change_note if earlier else "",
        changes=[{"cell": c.cell, "before": c.before, "after": c.after} for c in changes],
        record=report.record, published_by=actor,
    )  # fmt: skip
    _report_step(report, Step.PUBLISH, actor, note=f"第{version.number}版，索引号 {report.record.index_number or ''}")
    return report


NOTE_MAX = 2000


@transaction.atomic
def correct_report(report: AnnualReport, *, note: str, actor: User) -> AnnualReport:
    """更正 a published report: it becomes a draft again, to be submitted, accepted and published
    as the next version; ``note`` (what is corrected and why) is published with it. The published
    versions do not change."""
    if not note.strip():
        raise ValidationError("请写明更正说明：更正什么、为什么更正。")
    if len(note) > NOTE_MAX:
        raise ValidationError(f"更正说明不超过 {NOTE_MAX} 字。")
    report = _locked(report)
    report.change_note = note.strip()
    _report_step(report, Step.CORRECT, actor, note=report.change_note)
    return report


# --- the §二 figures the platform does not hold ------------------------------------------------------


@transaction.atomic
def enter_figures(unit: Unit, year: int, values: Mapping[str, Decimal | None], *, actor: User) -> None:
    """The unit's 行政许可、行政处罚、行政强制 decisions and 行政事业性收费 (万元) for ``year``; ``None``
    clears a figure. Refused once the unit's report has been submitted."""
    if not policy.may(actor, Action.CHANGE, unit):
        raise PermissionDenied("只能填报本单位的数据。")
    report = AnnualReport.objects.filter(unit=unit, year=year, whole=False).first()
    if report is not None and not report.editable:
        raise ValidationError(f"{year}年度报告{report.get_state_display()}，不能再修改填报数据。")
    form = FORMATS[ReportTemplate.FORMAT_2021]
    for row, value in values.items():
        if row not in ENTERED_ROWS:
            raise ValidationError(f"“{row}”不是需要填报的项目。")
        measure = form.proactive_table_of(row).columns[0].measure
        if value is not None and (value < 0 or (measure is Measure.COUNT and value != int(value))):
            raise ValidationError(f"{row}应为非负{'数' if measure is Measure.MONEY else '整数'}。")
    before = {f.row: f.value for f in ProactiveFigure.objects.filter(unit=unit, year=year)}
    for row, value in values.items():
        if value is None:
            ProactiveFigure.objects.filter(unit=unit, year=year, row=row).delete()
        else:
            ProactiveFigure.objects.update_or_create(
                unit=unit, year=year, row=row, defaults={"value": value, "entered_by": actor}
            )
    after = {row: value for row, value in values.items() if value is not None}
    record("annual_report_figures_entered", unit, before={"year": year, **before}, after={"year": year, **after})


@transaction.atomic
def import_figures(year: int, rows: Sequence[FigureRow], *, actor: User) -> int:
    """The figures of an uploaded sheet (``rules.annualreport.figures``), for ``year``: every unit
    named must exist, be within ``actor``'s reach and have its report still editable. Any problem
    refuses the whole sheet (the messages name each row); returns how many figures were saved."""
    units = {unit.name: unit for unit in Unit.objects.filter(name__in={row.unit for row in rows}, is_active=True)}
    frozen = set(
        AnnualReport.objects.filter(unit__in=units.values(), year=year, whole=False)
        .exclude(state__in=(ReportState.DRAFT, ReportState.RETURNED)).values_list("unit_id", flat=True)
    )  # fmt: skip
    problems = []
    for row in rows:
        unit = units.get(row.unit)
        if unit is None:
            problems.append(f"第 {row.line} 行：没有名为“{row.unit}”的单位。")
        elif not policy.may(actor, Action.CHANGE, unit):
            problems.append(f"第 {row.line} 行：无权填报{row.unit}的数据（只能填报本单位）。")
        elif unit.pk in frozen:
            problems.append(f"第 {row.line} 行：{row.unit}的{year}年度报告已报送，不能再修改填报数据。")
    if problems:
        raise ValidationError(problems)
    by_unit: dict[str, dict[str, Decimal | None]] = {}
    for row in rows:
        by_unit.setdefault(row.unit, {})[row.row] = row.value
    for name, values in by_unit.items():
        enter_figures(units[name], year, values, actor=actor)
    return len(rows)
