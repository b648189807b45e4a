"""The annual report in the console: a unit's (or the government's) tables computed from the
platform's data, each figure linked to the requests it counts, the rules checked, and the .docx.

A unit's report is seen by its own staff and the office; anyone else gets 404 (its drafts are
not told). The list behind a cell is scoped like the request queue.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from gongkai import tabular
from gongkai.calendars.service import working_calendar
from gongkai.cmdbase import MAX_FILE_BYTES
from gongkai.foi import dates
from gongkai.foi.models import Request
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import Action, policy
from gongkai.records.normative import NORMATIVE_COLUMNS, documents_in_cell
from gongkai.records.sheets import SheetError, xlsx_rows
from gongkai.reports import services
from gongkai.reports.checkfile import check_file, read_content, tables_json
from gongkai.reports.counting import (
    body_units,
    cases_in_cell,
    compute_tables,
    fee_summary,
    normative_scope,
    requests_in_cell,
)
from gongkai.reports.deadlines import unit_deadline
from gongkai.reports.docx import write_report_docx
from gongkai.reports.forms import (
    CaseForm,
    CaseResultForm,
    CheckUploadForm,
    FiguresForm,
    FiguresUploadForm,
    ReportTextsForm,
)
from gongkai.reports.models import (
    AnnualReport,
    ProactiveFigure,
    ReportState,
    ReportVersion,
    ReviewCase,
)
from gongkai.reports.transitions import steps_for
from gongkai.reports.xlsx import write_report_xlsx
from gongkai.rules.annualreport import (
    APPLICATION_COLUMNS,
    FORMAT_2021,
    REVIEW_COLUMNS,
    ReportTables,
    check_report,
)
from gongkai.rules.annualreport.figures import ENTERED_ROWS, parse_figures
from gongkai.rules.annualreport.figures import HEADER as FIGURE_HEADER
from gongkai.rules.annualreport.layout import (
    Grid,
    application_grid,
    printed_rows,
    proactive_grid,
    review_grid,
)
from gongkai.rules.annualreport.reading import ReadReport
from gongkai.rules.annualreport.template import report_title, review_cell_name
from gongkai.rules.filetext import UnreadableDocument
from gongkai.rules.foioutcomes import ApplicantKind
from gongkai.rules.sheetcells import keep_text

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMN_CODES = [kind.value for kind in ApplicantKind] + ["总计"]
FIRST_YEAR = 2019  # the 2019 《条例》 and its report format
NORMATIVE_ROWS = FORMAT_2021.proactive[0].rows  # 规章, 行政规范性文件: counted from the records
HANDED_IN = frozenset({ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.PUBLISHED})


def _unit_for(request: HttpRequest, unit_id: int) -> Unit:
    unit = get_object_or_404(Unit, pk=unit_id)
    user = request.user
    if not (policy.may_manage(user) or getattr(user, "unit_id", None) == unit.pk):
        raise Http404
    return unit


def _year(year: int) -> int:
    if not FIRST_YEAR <= year <= dates.today().year:
        raise Http404
    return year


INDEX_HEADER = ["单位", "年度", "状态", "发布期限", "逾期未报送"]


@login_required
def index(request: HttpRequest) -> HttpResponseBase:
    """The units whose reports the user may open; for last year, where each report stands, its
    deadline, and whether it is late (not yet submitted after the deadline)."""
    if policy.may_manage(request.user):
        units = Unit.objects.filter(is_active=True)
    else:
        units = Unit.objects.filter(pk=getattr(request.user, "unit_id", None))
    units = units.annotate(has_children=Exists(Unit.objects.filter(parent=OuterRef("pk"))))
    latest, today, calendar = dates.today().year - 1, dates.today(), working_calendar()
    reports = {r.unit_id: r for r in AnnualReport.objects.filter(year=latest, whole=False)}
    rows = []
    for unit in units:
        report = reports.get(unit.pk)
        deadline = unit_deadline(unit, latest, calendar=calendar)
        handed_in = report is not None and report.state in HANDED_IN
        rows.append({
            "unit": unit, "report": report, "due_on": deadline.due_on,
            "late": today > deadline.due_on and not handed_in,
        })  # fmt: skip
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # the table as shown, one unit a row
        return tabular.audited_export(fmt, f"{latest}年度报告进度", "年度报告", INDEX_HEADER, (
            [row["unit"].name, latest, row["report"].get_state_display() if row["report"] else "未开始",
             row["due_on"], "是" if row["late"] else "否"]
            for row in rows
        ), filters=request.GET)
    tally = {
        "late": sum(row["late"] for row in rows),
        "not_started": sum(row["report"] is None for row in rows),
        **{state.value: sum(bool(row["report"] and row["report"].state == state) for row in rows) for state in ReportState},
    }
    return render(request, "reports/index.html", {
        "rows": rows, "latest": latest, "tally": tally,
        "years": list(range(latest - 1, max(FIRST_YEAR, latest - 3) - 1, -1)),
    })  # fmt: skip


def _computed(request: HttpRequest, unit_id: int, year: int) -> tuple[Unit, bool, ReportTables]:
    """The unit (404 outside the user's reach), whether the units under it count, its tables."""
    unit, whole = _unit_for(request, unit_id), request.GET.get("whole") == "1"
    return unit, whole, compute_tables(unit, _year(year), whole=whole)


@login_required
def report(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit, whole, tables = _computed(request, unit_id, year)
    result = check_report(tables, services.last_year_tables(unit, year, whole=whole))
    suffix = "?whole=1" if whole else ""
    annual = AnnualReport.objects.filter(unit=unit, year=year, whole=whole).first()
    figures = sorted(
        ProactiveFigure.objects.filter(unit=unit, year=year).select_related("entered_by"),
        key=lambda figure: ENTERED_ROWS.index(figure.row),
    )
    live = tables_json(tables, frozenset({"proactive", "applications", "reviews"}))
    return render(request, "reports/report.html", {
        "unit": unit, "year": year, "whole": whole, "suffix": suffix, "annual": annual,
        "steps": {step.value for step in steps_for(request.user, annual)} if annual else set(),
        "may_open": annual is None and policy.may(request.user, Action.CHANGE, unit),
        "changed_since": bool(annual and annual.tables and annual.tables != live),
        "events": list(annual.events.all()) if annual else [],
        "versions": list(annual.versions.all()) if annual else [],
        "texts_form": ReportTextsForm(instance_values(annual)),
        "figures": figures, "figures_form": FiguresForm(initial=FiguresForm.initial_from({f.row: f.value for f in figures})),
        "may_enter": not whole and (annual is None or annual.editable) and policy.may(request.user, Action.CHANGE, unit),
        "title": report_title(unit.name, year), **_links(unit, year, tables, suffix),
        "result": result, "fees": fee_summary(body_units(unit, whole=whole), year),
        "d3": any(found.rule == "D3" for found in result.violations),
        "last_version": ReportVersion.objects.filter(report__unit=unit, report__year=year - 1, report__whole=whole)
        .order_by("-number").first(),
        "deadline": unit_deadline(unit, year, whole=whole),
    })  # fmt: skip


def drawn(grid: Grid, href: Callable[[int, int], str | None] | None = None) -> list[list[dict[str, Any]]]:
    """The grid as the templates draw it: spans, numbers, and for a figure ``href(row, column)``
    gives, the link to the list it counts."""
    rows: list[list[dict[str, Any]]] = []
    for cells in grid.drawn():
        row = []
        for cell in cells:
            shown: dict[str, Any] = {
                "text": cell.text, "rowspan": cell.rowspan, "colspan": cell.colspan,
                "number": _figure(cell.text),
            }  # fmt: skip
            if href and shown["number"] and cell.text != "0":
                shown["href"] = href(cell.row, cell.column)
            row.append(shown)
        rows.append(row)
    return rows


def _figure(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def _links(unit: Unit, year: int, tables: ReportTables, suffix: str) -> dict[str, Any]:
    """§二, §三 and §四 drawn with each figure linked to the list of documents, requests or cases it
    counts (issue 16: "every figure on the page links to what it counts")."""
    keys = [row.key for row in printed_rows(tables.format, tables.applications)]
    applications = application_grid(tables.format, tables.applications)
    width = len(applications.cells[0])
    cell_url = reverse("reports:cell", args=[unit.pk, year, "ROW", "COLUMN"])

    def request_href(row: int, column: int) -> str | None:
        number = column - (width - len(COLUMN_CODES))
        if row < 2 or number < 0:
            return None
        return cell_url.replace("ROW", quote(keys[row - 2])).replace("COLUMN", quote(COLUMN_CODES[number])) + suffix

    def case_href(row: int, column: int) -> str | None:
        return reverse("reports:case_cell", args=[unit.pk, year, column]) + suffix if row == 3 else None

    proactive = proactive_grid(tables.format, tables.proactive)
    normative = dict(zip(NORMATIVE_ROWS, range(len(NORMATIVE_ROWS)), strict=True))

    def document_href(row: int, column: int) -> str | None:
        label = proactive.cells[row][0]
        if label in normative and 1 <= column <= len(NORMATIVE_COLUMNS):
            return reverse("reports:normative_cell", args=[unit.pk, year, label, NORMATIVE_COLUMNS[column - 1]]) + suffix
        return "#figures" if label in ENTERED_ROWS else None

    return {
        "applications": drawn(applications, request_href),
        "reviews": drawn(review_grid(tables.reviews), case_href),
        "proactive": drawn(proactive, document_href),
    }


@login_required
def cell(request: HttpRequest, unit_id: int, year: int, row: str, column: str) -> HttpResponse:
    """The requests one figure of §三 counts."""
    unit, year = _unit_for(request, unit_id), _year(year)
    if column not in COLUMN_CODES or row not in (*FORMAT_2021.application_keys, "三(六)"):
        raise Http404
    whole = request.GET.get("whole") == "1"
    units = body_units(unit, whole=whole)
    counted = requests_in_cell(units, year, row, column)
    visible = policy.scope(request.user, Request.objects.all()).values("pk")
    requests = counted.filter(pk__in=visible).select_related("unit")
    label = APPLICATION_COLUMNS[COLUMN_CODES.index(column)]
    return render(request, "reports/cell.html", {
        "unit": unit, "year": year, "row": row, "column": label, "requests": requests,
        "back": reverse("reports:report", args=[unit.pk, year]) + ("?whole=1" if whole else ""),
    })  # fmt: skip


@login_required
def case_cell(request: HttpRequest, unit_id: int, year: int, index: int) -> HttpResponse:
    """The cases one figure of §四 counts."""
    unit, year = _unit_for(request, unit_id), _year(year)
    if not 0 <= index < REVIEW_COLUMNS:
        raise Http404
    whole = request.GET.get("whole") == "1"
    cases = cases_in_cell(body_units(unit, whole=whole), year, index).select_related("unit")
    return render(request, "reports/case_cell.html", {
        "unit": unit, "year": year, "label": review_cell_name(index), "cases": cases,
        "back": reverse("reports:report", args=[unit.pk, year]) + ("?whole=1" if whole else ""),
    })  # fmt: skip


@login_required
def normative_cell(request: HttpRequest, unit_id: int, year: int, row: str, column: str) -> HttpResponse:
    """The 规章 or 行政规范性文件 one figure of §二 counts."""
    unit, year = _unit_for(request, unit_id), _year(year)
    if row not in NORMATIVE_ROWS or column not in NORMATIVE_COLUMNS:
        raise Http404
    whole = request.GET.get("whole") == "1"
    documents = documents_in_cell(year, row, column, normative_scope(unit, whole=whole))
    return render(request, "reports/normative_cell.html", {
        "unit": unit, "year": year, "row": row, "column": column, "documents": documents,
        "back": reverse("reports:report", args=[unit.pk, year]) + ("?whole=1" if whole else ""),
    })  # fmt: skip


@login_required
def report_docx(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit, whole, tables = _computed(request, unit_id, year)
    fees = fee_summary(body_units(unit, whole=whole), year)
    annual = AnnualReport.objects.filter(unit=unit, year=year, whole=whole).first()
    texts = {"一": _overview(unit, year), "六": fees.text}
    if annual:
        texts.update({"一": f"{annual.overview}\n{texts['一']}".strip(), "五": annual.problems})
    content = write_report_docx(unit.name, year, tables, texts)
    return _download(content, DOCX, f"{report_title(unit.name, year)}.docx")


@login_required
def report_xlsx(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit, _, tables = _computed(request, unit_id, year)
    return _download(write_report_xlsx(unit.name, year, tables), XLSX, f"{report_title(unit.name, year)}.xlsx")


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Cache-Control"] = "no-store"
    return response


def _overview(unit: Unit, year: int) -> str:
    return (
        f"本报告中第三、四部分的统计数据，由政务公开工作平台根据{unit.name}{year}年1月1日至12月31日"
        f"登记的政府信息公开申请和行政复议、行政诉讼案件生成（统计截至 {dates.today().isoformat()}）。"
    )


# --- checking a report written outside the platform (the office) --------------------------------


@login_required
def check_upload(request: HttpRequest) -> HttpResponse:
    """The office checks a report a unit wrote outside the platform: the same reader and rules as
    ``gongkai report check``. Nothing is stored."""
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以检查上传的年度报告。")
    form = CheckUploadForm(request.POST or None, request.FILES or None)
    checked, error = None, ""
    if request.method == "POST" and form.is_valid():
        try:
            report = _uploaded(form.cleaned_data["file"])
            previous = form.cleaned_data["previous"]
            checked = check_file(report, _uploaded(previous) if previous else None)
        except UnreadableDocument as problem:
            error = str(problem)
    status = 400 if request.method == "POST" and (error or not form.is_valid()) else 200
    return render(request, "reports/check.html", {
        "form": form, "checked": checked and checked.output, "error": error,
    }, status=status)  # fmt: skip


def _uploaded(upload: UploadedFile) -> ReadReport:
    if upload.size is not None and upload.size > MAX_FILE_BYTES:
        raise UnreadableDocument(f"{upload.name}：文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    try:
        return read_content(upload.name or "", upload.read())
    except UnreadableDocument as problem:
        raise UnreadableDocument(f"{upload.name}：{problem}") from None


# --- §二's entered figures, from a sheet --------------------------------------------------------


@login_required
def figures_upload(request: HttpRequest) -> HttpResponse:
    """A sheet of §二's entered figures for many units at once (the office) or the user's own unit:
    refused whole, with each bad row and why, or saved whole."""
    latest = dates.today().year - 1
    form = FiguresUploadForm(request.POST or None, request.FILES or None, initial={"year": latest})
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        user = request.user
        assert isinstance(user, User)  # login_required
        upload, year = form.cleaned_data["file"], form.cleaned_data["year"]
        if not FIRST_YEAR <= year <= dates.today().year:
            problems = [f"报告年度应在 {FIRST_YEAR} 年至 {dates.today().year} 年之间。"]
        elif upload.size is not None and upload.size > MAX_FILE_BYTES:
            problems = [f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）。"]
        else:
            problems, saved = _import_figures(upload, year, user)
        if not problems:
            messages.success(request, f"已导入{year}年度填报数据 {saved} 项。")
            return redirect("reports:figures_upload")
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/figures_upload.html", {"form": form, "problems": problems}, status=status)


def _import_figures(upload: UploadedFile, year: int, user: User) -> tuple[list[str], int]:
    """The problems (none: saved) and how many figures were saved."""
    try:
        rows, problems = parse_figures(xlsx_rows(upload.read()))
    except SheetError:
        return ["不是有效的 Excel（.xlsx）文件，请用模板填写后上传。"], 0
    if problems or not rows:
        return problems or ["表格中没有填写任何数值。"], 0
    try:
        return [], services.import_figures(year, rows, actor=user)
    except ValidationError as problem:
        return list(problem.messages), 0


@login_required
def figures_template(request: HttpRequest) -> HttpResponse:
    """The sheet to fill in: a row per unit within the user's reach and per entered row."""
    if policy.may_manage(request.user):
        units = list(Unit.objects.filter(is_active=True).order_by("sort_order", "pk"))
    else:
        units = list(Unit.objects.filter(pk=getattr(request.user, "unit_id", None)))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "主动公开填报"
    sheet.append(list(FIGURE_HEADER))
    for unit in units:
        for row in ENTERED_ROWS:
            sheet.append([unit.name, row, None])
    for column, width in zip("ABC", [32, 16, 14], strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    return _download(buffer.getvalue(), XLSX, "主动公开情况填报表.xlsx")


# --- the register of 行政复议 and 行政诉讼 cases (§四) ---------------------------------------------


@login_required
def cases(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The unit's cases, newest first, with the form to register one and to record a result."""
    unit = _unit_for(request, unit_id)
    may_change = policy.may(request.user, Action.CHANGE, unit)
    form = CaseForm(request.POST or None, unit=unit)
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied("只能登记本单位的行政复议、行政诉讼案件。")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.register_case(
                    unit, kind=data["kind"], body=data["body"], filed_on=data["filed_on"],
                    case_number=data["case_number"], request=data["request_code"],
                    only_as_review_body=data["only_as_review_body"], note=data["note"],
                    actor=request.user,
                )  # fmt: skip
            except ValidationError as problem:
                form.add_error(None, problem)
            else:
                messages.success(request, "已登记案件。")
                return redirect("reports:cases", unit.pk)
    return render(request, "reports/cases.html", {
        "unit": unit, "form": form, "may_change": may_change, "result_form": CaseResultForm(),
        "cases": ReviewCase.objects.filter(unit=unit).select_related("request"),
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@login_required
@require_POST
def case_result(request: HttpRequest, unit_id: int, pk: int) -> HttpResponse:
    unit = _unit_for(request, unit_id)
    case = get_object_or_404(ReviewCase, pk=pk, unit=unit)
    form = CaseResultForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择审结结果并填写审结之日。")
        return redirect("reports:cases", unit.pk)
    try:
        services.record_case_result(
            case, result=form.cleaned_data["result"], decided_on=form.cleaned_data["decided_on"],
            actor=request.user,
        )  # fmt: skip
    except ValidationError as problem:
        messages.error(request, "；".join(problem.messages))
    else:
        messages.success(request, "已登记审结结果。")
    return redirect("reports:cases", unit.pk)


# --- the workflow: write, submit, return, accept ---------------------------------------------------


def instance_values(annual: AnnualReport | None) -> dict[str, str] | None:
    return {"overview": annual.overview, "problems": annual.problems} if annual else None


@login_required
@require_POST
def workflow(request: HttpRequest, unit_id: int, year: int, step: str) -> HttpResponse:
    """One step of the report's workflow, through ``reports.services``; back to the report page."""
    unit, year = _unit_for(request, unit_id), _year(year)
    whole = request.POST.get("whole") == "1"
    back = reverse("reports:report", args=[unit.pk, year]) + ("?whole=1" if whole else "")
    user = request.user
    assert isinstance(user, User)  # login_required
    try:
        if step == "figures":
            form = FiguresForm(request.POST)
            if not form.is_valid():
                raise ValidationError([str(error) for errors in form.errors.values() for error in errors])
            services.enter_figures(unit, year, form.values(), actor=user)
            messages.success(request, "已保存填报数据。")
            return redirect(back)
        if step == "open":
            services.open_report(unit, year, whole=whole, actor=user)
            messages.success(request, "已开始编写年度报告。")
            return redirect(back)
        annual = get_object_or_404(AnnualReport, unit=unit, year=year, whole=whole)
        _take(request, annual, step, user)
    except ValidationError as problem:
        messages.error(request, "；".join(problem.messages))
    return redirect(back)


def _take(request: HttpRequest, annual: AnnualReport, step: str, user: User) -> None:
    if step == "save":
        form = ReportTextsForm(request.POST)
        if not form.is_valid():
            raise ValidationError("请填写报告内容。")
        services.save_texts(annual, actor=user, **form.cleaned_data)
        messages.success(request, "已保存。")
    elif step == "submit":
        services.submit_report(annual, actor=user)
        messages.success(request, "已报送公开办。")
    elif step == "return":
        services.return_report(annual, comment=request.POST.get("comment", ""), actor=user)
        messages.success(request, "已退回修改。")
    elif step == "accept":
        services.accept_report(annual, actor=user)
        messages.success(request, "已审核通过。")
    elif step == "correct":
        services.correct_report(annual, note=request.POST.get("change_note", ""), actor=user)
        messages.success(request, "报告已转为编写中，修改后重新报送；发布时作为新版本，原版本保留。")
    elif step == "publish":
        published = services.publish_report(annual, actor=user)
        messages.success(request, f"已发布，索引号 {published.record.index_number if published.record else ''}。")
    else:
        raise Http404
