"""Website monitoring in the staff console: the sites ranked for a quarter, one site's report
(page, .xlsx, .docx) with its findings and columns, and the office's and inspectors' actions.
A unit's people see their own unit's sites only (another unit's site is a 404); the office and
evaluators (who inspect) see every site."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.monitoring import quarterly, services
from gongkai.monitoring.forms import ColumnClassForm, FindingForm, SiteForm, SystemForm
from gongkai.monitoring.models import Site, SiteColumn
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import policy
from gongkai.params import BadParameter, int_param
from gongkai.rules.monitoring.columns import ColumnClass
from gongkai.rules.monitoring.quarters import Quarter
from gongkai.rules.monitoring.sheet import write_sheet

COLUMNS_PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def visible_sites(user: object) -> QuerySet[Site]:
    sites = Site.objects.select_related("owner_unit")
    if services.may_inspect(user):  # type: ignore[arg-type]
        return sites
    return policy.scope(user, sites)  # type: ignore[arg-type]


def _quarter(request: HttpRequest) -> Quarter:
    raw = request.GET.get("quarter", "").strip()
    if not raw:
        return Quarter.of(timezone.localdate())
    try:
        return Quarter.parse(raw)
    except ValueError as error:
        raise BadParameter(str(error)) from None


def _site(request: HttpRequest, pk: int) -> Site:
    site = get_object_or_404(visible_sites(request.user), pk=pk)
    return site


def _require_office(request: HttpRequest) -> None:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以管理网站监测。")


def _listed(request: HttpRequest) -> tuple[QuerySet[Site], Unit | None]:
    """The visible sites, or one unit's (``?unit=ID``: the unit's quarter report)."""
    sites = visible_sites(request.user)
    unit_id = int_param(request.GET, "unit", label="单位")
    if unit_id is None:
        return sites, None
    unit = Unit.objects.filter(pk=unit_id).first()
    return sites.filter(owner_unit_id=unit_id), unit


@login_required
def site_list(request: HttpRequest) -> HttpResponse:
    quarter = _quarter(request)
    if policy.may_manage(request.user):
        services.ensure_portal_site()
    sites, unit = _listed(request)
    rows = quarterly.ranking(sites, quarter)
    return render(request, "monitoring/site_list.html", {
        "quarter": quarter, "rows": rows, "table": zip(rows, quarterly.ranking_rows(rows), strict=True),
        "may_manage": policy.may_manage(request.user), "previous": quarter.previous, "following": quarter.following,
        "unit": unit, "unit_query": f"&unit={unit.pk}" if unit else "",
    })


@login_required
def ranking_export(request: HttpRequest) -> HttpResponse:
    quarter = _quarter(request)
    rows = quarterly.ranking(_listed(request)[0], quarter)
    return _download(quarterly.ranking_xlsx(rows, quarter), XLSX, f"monitoring-{quarter}.xlsx")


@login_required
def ranking_csv(request: HttpRequest) -> HttpResponseBase:
    """The same ranking as the .xlsx, as CSV (the sites the user may see, one a row)."""
    quarter = _quarter(request)
    rows = quarterly.ranking(_listed(request)[0], quarter)
    return tabular.csv_response(f"monitoring-{quarter}.csv", quarterly.RANKING_HEAD, quarterly.ranking_rows(rows))


@login_required
def site_register(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = SiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            site = services.register_site(data.pop("name"), data.pop("home_url"), data.pop("owner_unit"),
                                          actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "网站已登记，下次定时监测时开始抓取。")
            return redirect("monitoring:site", pk=site.pk)
    return render(request, "monitoring/site_form.html", {"form": form})


@login_required
def site_detail(request: HttpRequest, pk: int) -> HttpResponse:
    site = _site(request, pk)
    quarter = _quarter(request)
    report = quarterly.site_quarter(site, quarter)
    points = report.points_by_key
    findings = [(finding, quarterly.describe(finding), points.get(finding.key)) for finding in report.findings]
    may_inspect = services.may_inspect(request.user)  # type: ignore[arg-type]
    return render(request, "monitoring/site_detail.html", {
        "site": site, "quarter": quarter, "quarter_text": str(quarter), "report": report, "findings": findings,
        "columns": Paginator(site.columns.all(), COLUMNS_PER_PAGE).get_page(request.GET.get("page")),
        "runs": site.runs.all()[:10],
        "may_manage": policy.may_manage(request.user), "may_inspect": may_inspect,
        "finding_form": FindingForm(initial={"checked_on": timezone.localdate()}) if may_inspect else None,
        "class_choices": ColumnClassForm.base_fields["column_class"].choices,  # type: ignore[attr-defined]
    })


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def site_report_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    report = quarterly.site_quarter(_site(request, pk), _quarter(request))
    return _download(quarterly.site_xlsx(report), XLSX, f"site{pk}-{report.quarter}.xlsx")


@login_required
def site_report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = quarterly.site_quarter(_site(request, pk), _quarter(request))
    return _download(quarterly.site_docx(report), DOCX, f"site{pk}-{report.quarter}.docx")


@login_required
@require_POST
def finding_add(request: HttpRequest, pk: int) -> HttpResponse:
    site = _site(request, pk)
    if not services.may_inspect(request.user):  # type: ignore[arg-type]
        raise PermissionDenied("只有公开办管理员或评估人可以录入检查发现。")
    form = FindingForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("monitoring:site", pk=site.pk)
    data = form.cleaned_data
    try:
        services.add_inspector_finding(site, data["indicator"], data["checked_on"], data["note"], actor=request.user,  # type: ignore[arg-type]
                                       points=data["points"], evidence_url=data["evidence_url"] or "")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "检查发现已录入，并已通知主办单位。")
    return redirect("monitoring:site", pk=site.pk)


@login_required
@require_POST
def crawl_now(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    site = _site(request, pk)
    from gongkai.monitoring.tasks import crawl_site

    crawl_site(site.pk)
    messages.success(request, "已安排抓取，完成后结果显示在本页。")
    return redirect("monitoring:site", pk=site.pk)


@login_required
@require_POST
def column_class(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    column = get_object_or_404(SiteColumn.objects.select_related("site"), pk=pk)
    form = ColumnClassForm(request.POST)
    if not form.is_valid():
        raise Http404("栏目类别无效。")
    services.set_column_class(column, ColumnClass(form.cleaned_data["column_class"]), actor=request.user)  # type: ignore[arg-type]
    messages.success(request, f"“{column.name}”的类别已改为{column.get_column_class_display()}。")
    return redirect("monitoring:site", pk=column.site_id)


@login_required
def system_page(request: HttpRequest) -> HttpResponse:
    """The check indicator system in use; the office loads a province's own from .xlsx."""
    form = SystemForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        _require_office(request)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.load_system(upload.read(), form.cleaned_data["name"] or upload.name.rsplit(".", 1)[0],
                                     actor=request.user)  # type: ignore[arg-type]
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, "指标体系已导入，此后的监测报告按它计分。")
                return redirect("monitoring:system")
    return render(request, "monitoring/system.html", {
        "system": services.current_system(), "form": form, "may_manage": policy.may_manage(request.user),
    })


@login_required
def system_sheet(request: HttpRequest) -> HttpResponse:
    return _download(write_sheet(services.current_system()), XLSX, "monitoring-indicators.xlsx")


@login_required
@require_POST
def system_national(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    services.use_national_system(actor=request.user)  # type: ignore[arg-type]
    messages.success(request, "已改回国家 2019 年检查指标。")
    return redirect("monitoring:system")
