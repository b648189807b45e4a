"""The published annual reports on the portal (issue 16, item 4): every unit's report of a year,
and each published version as a web page in the template's layout (merged header cells, tables
that scroll sideways on a phone) with its charts. Only versions whose record the public may read
are shown; a corrected report names its corrections and keeps the earlier versions readable.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe

from gongkai.foi import dates
from gongkai.records.models import Record
from gongkai.reports.checkfile import tables_from_json
from gongkai.reports.models import ReportVersion
from gongkai.reports.services import REPORT_COLUMN
from gongkai.reports.views import FIRST_YEAR, drawn
from gongkai.rules.annualreport import FORMATS, ReportTemplate
from gongkai.rules.annualreport.charts import report_charts, svg
from gongkai.rules.annualreport.layout import application_grid, proactive_grid, review_grid


def _public_versions() -> QuerySet[ReportVersion]:
    return ReportVersion.objects.filter(Record.listed_q("record__")).select_related("report__unit", "record")


def index(request: HttpRequest) -> HttpResponse:
    """The latest year with a published report (last year when there is none yet)."""
    latest = _public_versions().order_by("-report__year").values_list("report__year", flat=True).first()
    return redirect("reports:public_year", latest or dates.today().year - 1)


def year_list(request: HttpRequest, year: int) -> HttpResponse:
    """Every unit's report on ``year``: the platform's (latest version of each, as a web page)
    and those published as plain records of the 政府信息公开年报 column."""
    if not FIRST_YEAR <= year <= dates.today().year:
        raise Http404
    latest: dict[int, ReportVersion] = {}
    for version in _public_versions().filter(report__year=year).order_by("number"):
        latest[version.report_id] = version
    version_records = set(ReportVersion.objects.filter(report__year=year).values_list("record_id", flat=True))
    others = (
        Record.objects.filter(Record.listed_q(), columns__name=REPORT_COLUMN, title__contains=f"{year}年政府信息公开工作年度报告")
        .exclude(pk__in=version_records).select_related("unit").distinct()
    )  # fmt: skip
    rows = [
        {"unit": v.report.unit, "title": v.title, "version": v.pk, "record": v.record, "number": v.number,
         "on": v.record.published_on}
        for v in latest.values()
    ] + [{"unit": r.unit, "title": r.title, "version": None, "record": r, "number": 0, "on": r.published_on} for r in others]
    rows.sort(key=lambda row: (row["unit"].sort_order, row["unit"].pk))
    years = list(range(dates.today().year - 1, max(FIRST_YEAR, dates.today().year - 6) - 1, -1))
    return render(request, "reports/public_year.html", {"year": year, "rows": rows, "years": years})


def version_page(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_object_or_404(ReportVersion.objects.select_related("report__unit", "record"), pk=pk)
    if not version.record.is_public:
        raise Http404
    tables = tables_from_json(version.tables, FORMATS[ReportTemplate.FORMAT_2021])
    siblings = list(_public_versions().filter(report=version.report).order_by("number"))
    newest = siblings[-1] if siblings else version
    charts = [
        {"title": chart.title, "svg": mark_safe(svg(chart, f"chart-{i}"))}  # escaped by ``svg``
        for i, chart in enumerate(report_charts(tables))
    ]
    attachment = version.record.attachments.order_by("pk").first()
    return render(request, "reports/public_report.html", {
        "version": version, "unit": version.report.unit, "year": version.report.year,
        "siblings": siblings, "newest": newest, "charts": charts, "attachment": attachment,
        "proactive": drawn(proactive_grid(tables.format, tables.proactive)),
        "applications": drawn(application_grid(tables.format, tables.applications)),
        "reviews": drawn(review_grid(tables.reviews)),
    })  # fmt: skip
