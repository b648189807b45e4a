"""The public portal's pages of records: the catalog by unit and column, the record page with its
metadata table, interpretations beside their policies, the normative documents in force and the
gazette. Only public records appear (``Record.public_q``); staff of the owning unit may preview
their own unpublished record."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any
from urllib.parse import quote

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from gongkai import tabular
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.policy import Action, policy
from gongkai.pagecache import memo, public_page
from gongkai.params import int_param
from gongkai.prepared import PreparedQuery, PreparedRows
from gongkai.records import catalog, exports, gazette, normative
from gongkai.records.models import Attachment, Column, Gazette, Record, RecordKind

PER_PAGE = 20
# What a list of records shows (records/_record_list.html); the body above all stays in the database.
LIST_FIELDS = ("title", "doc_number", "published_on", "unit", "unit__name")

# Links that later apps put on a public record's page, such as a consultation's 采纳情况 beside
# its final document: each provider, registered from its app's ``ready()``, answers (label, url)
# pairs for a record. Records imports none of those apps (layers point down only).
RecordLinks = Callable[[Record], list[tuple[str, str]]]
record_link_providers: list[RecordLinks] = []
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def public_records() -> QuerySet[Record]:
    """The records the public is offered in lists and feeds: current ones only (``listed_q``)."""
    return Record.objects.filter(Record.listed_q()).select_related("unit")


def _interpretations(record_id: int, fields: Sequence[str] = ()) -> QuerySet[Record]:
    rows = Record.objects.filter(interprets_id=record_id).order_by("published_on", "pk")
    return rows.only(*fields, "status", "disclosure", "audience") if fields else rows


def listed_interpretations(record_id: int, fields: Sequence[str] = ()) -> list[Record]:
    """The listed interpretations of record ``record_id``, oldest first. Found by the foreign key alone and
    told listed or not in Python: with the status condition in the query, SQLite's planner walks
    the status index over the whole catalog (138 ms a record page on 100,000 records).
    ``fields``: only these of each (the API's references; every field otherwise)."""
    return _listed(_interpretations(record_id, fields))


def _listed(interpretations: Iterable[Record]) -> list[Record]:
    return [interpretation for interpretation in interpretations if interpretation.is_listed]


# The record page's queries, compiled once (``gongkai.prepared``): building their SQL took longer
# than the rest of the page.
_RECORD = PreparedQuery(lambda pk: Record.objects.select_related("unit").filter(pk=pk))
_RECORD_INTERPRETATIONS = PreparedQuery(lambda pk: _interpretations(pk, ("title", "publisher", "published_on", "body")))
# a list: the breadcrumb's first column and the metadata table's all, from one query
_RECORD_COLUMNS = PreparedQuery(
    lambda pk: Column.objects.filter(records__pk=pk, is_active=True).select_related("parent__parent")
)
# what the list shows: an attachment's extracted text can be megabytes
_RECORD_ATTACHMENTS = PreparedQuery(
    lambda pk: Attachment.objects.filter(record_id=pk).only("record", "name", "size", "masked_count")
)


def _home_list(limit: int, **conditions: Any) -> PreparedQuery[Record]:
    return PreparedQuery(
        lambda: public_records().only(*LIST_FIELDS).filter(**conditions).order_by("-published_on", "-pk")[:limit], arity=0
    )


_HOME_LATEST = _home_list(10)
_HOME_POLICIES = _home_list(6, kind__in=[RecordKind.REGULATION, RecordKind.NORMATIVE, RecordKind.POLICY])
_HOME_INTERPRETATIONS = _home_list(6, kind=RecordKind.INTERPRETATION)
_LATEST_GAZETTE = PreparedQuery(lambda: Gazette.objects.filter(Gazette.public_q())[:1], arity=0)


def home_context() -> dict[str, Any]:
    """What the portal's home page shows of records (``gongkai.portal.views.home`` merges it)."""
    top_columns = memo("home-columns", lambda: [row["name"] for row in (
        Column.objects.filter(parent__isnull=True, is_active=True).values("name")
        .annotate(units=Count("unit", distinct=True), order=Count("pk")).order_by("-units", "name")[:16]
    )])
    gazette = _LATEST_GAZETTE()
    return {
        "latest_records": _HOME_LATEST(), "policy_records": _HOME_POLICIES(),
        "interpretation_records": _HOME_INTERPRETATIONS(), "catalog_columns": top_columns,
        "latest_gazette": gazette[0] if gazette else None,
    }


@public_page
def catalog_index(request: HttpRequest) -> HttpResponse:
    counts = memo("unit-counts", lambda: dict(
        public_records().values("unit_id").annotate(n=Count("pk")).values_list("unit_id", "n")
    ))
    units = list(Unit.objects.filter(is_active=True).order_by("sort_order", "pk"))
    governments = [unit for unit in units if unit.kind in (UnitKind.CITY_GOV, UnitKind.COUNTY_GOV)]
    groups = [
        (government, [unit for unit in units if unit.parent_id == government.pk and unit not in governments])
        for government in governments
    ]
    return render(request, "records/catalog_index.html", {"groups": groups, "counts": counts})


_UNIT = PreparedQuery(lambda key: Unit.objects.filter(key=key, is_active=True))
# the unit's whole tree in one query: a column page's column, what lies below it, and the side navigation
_UNIT_COLUMNS = PreparedQuery(lambda unit_pk: Column.objects.filter(unit_id=unit_pk).select_related("parent__parent"))


def _unit(unit_key: str) -> Unit:
    found = _UNIT(unit_key)
    if not found:
        raise Http404("没有找到该单位。")
    return found[0]


def _column_counts(unit: Unit) -> dict[int, int]:
    return memo("column-counts", lambda: dict(
        Record.columns.through.objects.filter(column__unit=unit, record__in=public_records().filter(unit=unit))
        .values("column_id").annotate(n=Count("record_id")).values_list("column_id", "n")
    ), unit.pk)


def _page(request: HttpRequest, rows: PreparedRows[Record], count: Callable[[], int], *memo_parts: Hashable) -> Page:
    """The page of ``rows`` the request asks for; the count of the whole list (a scan of the catalog)
    kept under ``memo_parts``, which must tell this list from every other."""
    paginator = Paginator(rows, PER_PAGE)  # type: ignore[arg-type]
    paginator.count = memo("list-count", count, *memo_parts)  # type: ignore[misc]
    return paginator.get_page(request.GET.get("page"))


def _csv(name: str, records: QuerySet[Record]) -> HttpResponseBase:
    """The list as CSV: every record the page lists, not only the page shown."""
    return tabular.csv_response(f"{name}.csv", exports.HEADER, exports.rows(records, timezone.localdate()))


def _unit_records(unit_pk: int) -> QuerySet[Record]:
    return public_records().filter(unit_id=unit_pk).order_by("-published_on", "-pk")


def _column_records(column_ids: Sequence[int]) -> QuerySet[Record]:
    through = Record.columns.through.objects.filter(column_id__in=column_ids).values("record_id")
    return public_records().filter(pk__in=through).order_by("-published_on", "-pk")


def _named_column_ids(name: str) -> list[int]:
    """The columns of that name in every unit, and the columns below them. Read apart from the
    records: nested in their query, PostgreSQL without fresh statistics (a catalog just loaded)
    joined the three column levels once per record and link, minutes for a name no column has."""
    columns = Column.objects.filter(Q(name=name) | Q(parent__name=name) | Q(parent__parent__name=name), is_active=True)
    return list(columns.values_list("pk", flat=True))


_UNIT_PAGE = PreparedQuery(lambda unit_pk: _unit_records(unit_pk).only(*LIST_FIELDS))
_COLUMN_PAGE = PreparedQuery(lambda column_ids: _column_records(column_ids).only(*LIST_FIELDS))


@public_page
def unit_catalog(request: HttpRequest, unit_key: str) -> HttpResponseBase:
    unit = _unit(unit_key)
    if request.GET.get("format") == "csv":
        return _csv(f"{unit.name}政府信息目录", _unit_records(unit.pk))
    page = _page(request, _UNIT_PAGE.rows(unit.pk), lambda: _unit_records(unit.pk).count(), "unit", unit.pk)
    active = [column for column in _UNIT_COLUMNS(unit.pk) if column.is_active]
    return render(request, "records/unit_catalog.html", {
        "unit": unit, "nodes": catalog.walk(active, _column_counts(unit)), "page": page,
    })


@public_page
def column_records(request: HttpRequest, unit_key: str, column_pk: int) -> HttpResponseBase:
    unit = _unit(unit_key)
    columns = _UNIT_COLUMNS(unit.pk)
    column = next((found for found in columns if found.pk == column_pk and found.is_active), None)
    if column is None:
        raise Http404("没有找到该栏目。")
    ids = catalog.descendant_ids(column, among=columns)
    if request.GET.get("format") == "csv":
        return _csv(f"{unit.name}{column.name}", _column_records(ids))
    page = _page(request, _COLUMN_PAGE.rows(ids), lambda: _column_records(ids).count(), "column", column.pk)
    active = [found for found in columns if found.is_active]
    return render(request, "records/column.html", {
        "unit": unit, "column": column, "page": page, "nodes": catalog.walk(active, _column_counts(unit)),
    })


@public_page
def column_by_name(request: HttpRequest, name: str) -> HttpResponse:
    """One column across every unit ("政策文件" of the city and all its departments)."""
    ids = _named_column_ids(name)
    page = _page(request, _COLUMN_PAGE.rows(ids), lambda: _column_records(ids).count(), "column-name", name)
    return render(request, "records/column_by_name.html", {"name": name, "page": page})


@public_page
def record_page(request: HttpRequest, pk: int) -> HttpResponse:
    # the policy it interprets and its successor are read only when it has them (few records do):
    # joined in, the query took longer to build than all the others of the page
    found = _RECORD(pk)
    if not found or not policy.may(request.user, Action.VIEW, found[0]):
        raise Http404("没有找到该信息。")
    record = found[0]
    return render(request, "records/record.html", {
        "record": record, "preview": not record.is_public, "validity": record.validity,
        "columns": _RECORD_COLUMNS(pk), "attachments": _RECORD_ATTACHMENTS(pk),
        "interpretations": _listed(_RECORD_INTERPRETATIONS(pk)),
        "policy": record.interprets if record.interprets and record.interprets.is_public else None,
        "successor": record.superseded_by if record.superseded_by and record.superseded_by.is_public else None,
        "related_links": [link for provider in record_link_providers for link in provider(record)]
        if record.is_public else [],
    })


def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """An attachment as the public gets it: after 去标识化, the masked text instead of the file."""
    attachment = get_object_or_404(Attachment.objects.select_related("record"), pk=attachment_pk, record_id=pk)
    if not policy.may(request.user, Action.VIEW, attachment.record):
        raise Http404("没有找到该附件。")
    if attachment.serves_masked_text:
        name = f"{attachment.name.rsplit('.', 1)[0]}（已去标识化文字版）.txt"
        response = HttpResponse(attachment.text.encode("utf-8"), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
        return response
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@public_page
def normative_list(request: HttpRequest) -> HttpResponseBase:
    state = request.GET.get("state", "in_force")
    if state not in normative.STATES:
        state = "in_force"
    unit = Unit.objects.filter(key=request.GET.get("unit", "")).first() if request.GET.get("unit") else None
    documents = normative.public_normative_documents(timezone.localdate(), state, unit)
    if request.GET.get("format") == "csv":
        return tabular.csv_response("规章和规范性文件.csv", exports.HEADER, exports.rows(documents, timezone.localdate()))
    # the list's order, kept: sorting every normative document by its date is most of the page's cost
    ids = memo("normative-ids", lambda: list(documents.values_list("pk", flat=True)), state, unit.pk if unit else None)
    page = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
    shown = documents.in_bulk(page.object_list)
    page.object_list = [shown[pk] for pk in page.object_list if pk in shown]
    issuers = Unit.objects.filter(pk__in=memo("normative-issuers", lambda: list(
        normative.normative_documents().filter(Record.public_q()).values_list("unit_id", flat=True).distinct()
    )))
    return render(request, "records/normative_list.html", {
        "page": page, "state": state, "unit": unit, "issuers": issuers, "today": timezone.localdate(),
    })


@public_page
def gazette_index(request: HttpRequest) -> HttpResponse:
    issues = Gazette.objects.filter(Gazette.public_q()).annotate(
        n=Count("entries", filter=Record.listed_q("entries__record__"))
    )
    years = sorted({issue.year for issue in issues}, reverse=True)
    year = int_param(request.GET, "year", low=2000, high=2100, default=years[0] if years else None, label="年份")
    return render(request, "records/gazette_index.html", {
        "years": years, "year": year, "issues": [issue for issue in issues if issue.year == year],
        "title": gazette.gazette_title(),
    })


def _public_issue(request: HttpRequest, pk: int) -> Gazette:
    issue = get_object_or_404(Gazette, pk=pk)
    if not issue.is_public and not policy.may_manage(request.user):
        raise Http404("没有找到该期公报。")
    return issue


@public_page
def gazette_issue(request: HttpRequest, pk: int) -> HttpResponse:
    issue = _public_issue(request, pk)
    return render(request, "records/gazette_issue.html", {"issue": issue, "documents": gazette.entries(issue)})


def gazette_docx(request: HttpRequest, pk: int) -> HttpResponse:
    issue = _public_issue(request, pk)
    response = HttpResponse(gazette.to_docx(issue), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'{issue.title}{issue.issue_label}.docx')}"
    return response
