"""The public resources of /api/v1/: what the portal shows, as data. Every query starts from the
same public querysets as the portal's pages (``Record.listed_q``, ``Plan.public_q``, the FOI
statistics' counts), so the API never shows what the pages do not."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema

from gongkai.api import paging, serialize
from gongkai.api.schemas import (
    FoiStatisticsOut,
    InterpretationPage,
    PlanDetailOut,
    PlanPage,
    ProgressPageDetailOut,
    ProgressPageList,
    RecordDetailOut,
    RecordPage,
    SearchOut,
    UnitOut,
    UnitPage,
    answers,
)
from gongkai.foi.public import public_counts
from gongkai.orgs.models import Unit
from gongkai.plans.disclosures import published_disclosures
from gongkai.plans.models import Plan, ProgressDisclosure, ProgressStatus, Recurrence, Section
from gongkai.plans.models import UnitRole as PlanUnitRole
from gongkai.records import catalog
from gongkai.records.models import NORMATIVE_KINDS, Attachment, Column, Record, RecordKind
from gongkai.records.public import listed_interpretations, public_records
from gongkai.records.validityfilter import validity_q
from gongkai.rules.validity import Validity
from gongkai.search.api import search as run_search
from gongkai.search.backends import Filters, Order

router = Router(tags=["公开数据"])
MAX_ID = 2**31 - 1  # ids in filters: far beyond any real table, within every engine's integer


# The codes a caller may filter by: the values of the rule's and the model's own vocabularies.
ValidityCode = StrEnum("ValidityCode", {member.name: member.value for member in Validity})  # type: ignore[misc]
KindCode = StrEnum("KindCode", {member.name: member.value for member in RecordKind})  # type: ignore[misc]


class Paging(Schema):
    cursor: str | None = Field(None, max_length=200, description="上一页答复中的 next_cursor；不填为第一页")
    limit: int = Field(paging.DEFAULT_LIMIT, ge=1, le=paging.MAX_LIMIT, description="每页条数，1 至 100，默认 20")


class RecordFilters(Paging):
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="发布单位编号（见 /api/v1/units）")
    column: int | None = Field(None, ge=1, le=MAX_ID, description="栏目编号：该栏目及其下级栏目中的信息")
    topic: str | None = Field(None, max_length=100, description="主题分类，完全一致")
    year: int | None = Field(None, ge=1949, le=2100, description="发布年份")
    validity: ValidityCode | None = Field(
        None, description="有效性（按今天计算）：valid 有效、not_yet 尚未生效、expired 失效、repealed 废止、superseded 已修订"
    )
    kind: KindCode | None = Field(
        None, description="信息类别：general 一般信息、regulation 规章、normative 行政规范性文件、policy 其他政策文件、interpretation 政策解读"
    )
    updated_since: datetime | None = Field(
        None, description="只要此时刻（含）以后修改过的信息，如 2026-11-01T00:00:00+08:00；用于增量同步"
    )


def _records(filters: RecordFilters, base: Any) -> Any:
    records = base
    if filters.unit is not None:
        records = records.filter(unit_id=filters.unit)
    if filters.column is not None:
        column = Column.objects.filter(pk=filters.column, is_active=True).first()
        ids = catalog.descendant_ids(column) if column else []
        records = records.filter(pk__in=Record.columns.through.objects.filter(column_id__in=ids).values("record_id"))
    if filters.topic:
        records = records.filter(topic=filters.topic)
    if filters.year is not None:
        records = records.filter(published_on__gte=date(filters.year, 1, 1), published_on__lte=date(filters.year, 12, 31))
    if filters.validity is not None:
        records = records.filter(validity_q(Validity(filters.validity.value), timezone.localdate()))
    if filters.kind is not None:
        records = records.filter(kind=filters.kind.value)
    if filters.updated_since is not None:
        since = filters.updated_since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        records = records.filter(updated_at__gte=since)
    return records


def _record_page(filters: RecordFilters, base: Any, response: HttpResponse) -> dict[str, Any]:
    try:
        page = paging.by_date_then_id(_records(filters, base), "published_on", filters.cursor, filters.limit)
    except paging.BadCursor:
        raise BadCursorError from None
    today, url = timezone.localdate(), serialize.record_urls()
    pointers = serialize.public_pointers(page.rows)
    columns = serialize.column_refs([row["id"] for row in page.rows])
    serialize.last_modified(response, [row["updated_at"] for row in page.rows])
    return {
        "items": [serialize.record_out(row, today, columns.get(row["id"], []), pointers, url) for row in page.rows],
        "next_cursor": page.next_cursor,
    }


class BadCursorError(Exception):
    pass


def cursor_page(rows: Any, cursor: str | None, limit: int, field: str | None = None) -> paging.Page:
    """A page of ``rows``: by id, or newest first by the date ``field``; a cursor this API did
    not give is the 400 of ``BadCursorError``."""
    try:
        if field is None:
            return paging.by_id(rows, cursor, limit)
        return paging.by_date_then_id(rows, field, cursor, limit)
    except paging.BadCursor:
        raise BadCursorError from None


# The lists' rows, prepared once per process: choosing 26 columns for values() is a third of the
# ORM's work on a page. Querysets are lazy and every use below clones them (``.all()``, filters),
# so these are never evaluated or cached themselves.
LISTED_ROWS = serialize.for_list(public_records())
NORMATIVE_ROWS = serialize.for_list(Record.objects.filter(Record.public_q(), kind__in=NORMATIVE_KINDS))
INTERPRETATION_ROWS = serialize.for_list(public_records().filter(kind=RecordKind.INTERPRETATION))
RECORD_ROWS = Record.objects.filter(Record.public_q()).values(*serialize.ROW_FIELDS, "body", "body_text")


@router.get("/records", response=answers(RecordPage), summary="政府信息目录（分页）", operation_id="list_records")
def list_records(request: HttpRequest, response: HttpResponse, filters: Query[RecordFilters]) -> HttpResponse:
    """主动公开、面向社会、现行公开的政府信息，附全部目录字段。按发布日期从新到旧，用游标翻页。"""
    return serialize.json_answer(RecordPage, _record_page(filters, LISTED_ROWS.all(), response), response)


@router.get("/records/{record_id}", response=answers(RecordDetailOut), summary="一条政府信息", operation_id="get_record")
def get_record(request: HttpRequest, response: HttpResponse, record_id: int = Path(..., ge=1, le=MAX_ID, description="信息编号")) -> HttpResponse:
    """一条政府信息的全部目录字段、正文、附件和解读。已被新版本替代的信息仍可打开（superseded 为 true）。"""
    row = RECORD_ROWS.filter(pk=record_id).first()
    if row is None:
        raise Http404
    pointers = serialize.public_pointers([row])
    policy = Record.objects.only("title").filter(pk=row["interprets_id"]).first() if row["interprets_id"] in pointers else None
    serialize.last_modified(response, [row["updated_at"]])
    return serialize.json_answer(RecordDetailOut, {
        **serialize.record_out(row, timezone.localdate(), serialize.column_refs([record_id]).get(record_id, []), pointers),
        "body": row["body"], "body_text": row["body_text"],
        "attachments": [
            {"name": name, "size": size, "url": serialize.reverse("records:attachment", args=[record_id, pk])}
            for pk, name, size in Attachment.objects.filter(record_id=record_id).values_list("pk", "name", "size")
        ],
        "interpretations": [_ref(r) for r in listed_interpretations(record_id, fields=("title",))],
        "interprets": _ref(policy) if policy else None,
    }, response)


def _ref(record: Record) -> dict[str, Any]:
    return {"id": record.pk, "title": record.title, "url": serialize.record_url(record.pk)}


@router.get("/normative-documents", response=answers(RecordPage), summary="规章和行政规范性文件（分页）", operation_id="list_normative_documents")
def list_normative(request: HttpRequest, response: HttpResponse, filters: Query[RecordFilters]) -> HttpResponse:
    """规章和行政规范性文件，含已废止、失效和已修订的（与门户“规范性文件”栏目相同）；用 validity=valid 只取现行有效的。"""
    return serialize.json_answer(RecordPage, _record_page(filters, NORMATIVE_ROWS.all(), response), response)


@router.get("/interpretations", response=answers(InterpretationPage), summary="政策解读及其所解读的政策（分页）", operation_id="list_interpretations")
def list_interpretations(request: HttpRequest, response: HttpResponse, filters: Query[RecordFilters]) -> HttpResponse:
    """政策解读，每条附所解读的政策文件（policy）。"""
    page = _record_page(filters, INTERPRETATION_ROWS.all(), response)
    policies = {
        r.pk: _ref(r) for r in Record.objects.filter(pk__in=[item["interprets_id"] for item in page["items"] if item["interprets_id"]])
    }
    for item in page["items"]:
        item["policy"] = policies.get(item["interprets_id"])
    return serialize.json_answer(InterpretationPage, page, response)


@router.get("/units", response=answers(UnitPage), summary="单位名录（分页）", operation_id="list_units")
def list_units(request: HttpRequest, paging_params: Query[Paging]) -> dict[str, Any]:
    """启用的单位，按编号排列。"""
    try:
        page = paging.by_id(Unit.objects.filter(is_active=True), paging_params.cursor, paging_params.limit)
    except paging.BadCursor:
        raise BadCursorError from None
    return {"items": [serialize.unit_out(unit) for unit in page.rows], "next_cursor": page.next_cursor}


@router.get("/units/{unit_id}", response=answers(UnitOut), summary="一个单位", operation_id="get_unit")
def get_unit(request: HttpRequest, unit_id: int = Path(..., ge=1, le=MAX_ID, description="单位编号")) -> dict[str, Any]:
    return serialize.unit_out(get_object_or_404(Unit, pk=unit_id, is_active=True))


# --- plans ---------------------------------------------------------------------------------


def plan_out(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk, "title": plan.title, "issuer": plan.issuer,
        "issuer_unit": serialize.unit_ref(plan.issuer_unit) if plan.issuer_unit else None,
        "doc_number": plan.doc_number, "issued_on": plan.issued_on, "year": plan.year,
        "published_at": plan.published_at, "url": serialize.reverse("plans:public_detail", args=[plan.pk]),
    }


class PlanFilters(Paging):
    year: int | None = Field(None, ge=1949, le=2100, description="方案年度")


@router.get("/plans", response=answers(PlanPage), summary="已发布的分工方案（分页）", operation_id="list_plans")
def list_plans(request: HttpRequest, filters: Query[PlanFilters]) -> dict[str, Any]:
    plans = Plan.objects.filter(Plan.public_q()).select_related("issuer_unit")
    if filters.year is not None:
        plans = plans.filter(year=filters.year)
    try:
        page = paging.by_id(plans, filters.cursor, filters.limit)
    except paging.BadCursor:
        raise BadCursorError from None
    return {"items": [plan_out(plan) for plan in page.rows], "next_cursor": page.next_cursor}


@router.get("/plans/{plan_id}", response=answers(PlanDetailOut), summary="一个已发布的分工方案，含事项和责任单位", operation_id="get_plan")
def get_plan(request: HttpRequest, plan_id: int = Path(..., ge=1, le=MAX_ID, description="方案编号")) -> dict[str, Any]:
    plan = Plan.objects.filter(Plan.public_q(), pk=plan_id).select_related("issuer_unit").first()
    if plan is None:
        raise Http404
    sections = {s.pk: s for s in Section.objects.filter(plan=plan)}

    def trail(section_id: int | None) -> list[str]:
        titles: list[str] = []
        while section_id is not None and section_id in sections and len(titles) < 10:
            titles.insert(0, sections[section_id].title)
            section_id = sections[section_id].parent_id
        return titles

    items = plan.items.order_by("order", "pk").prefetch_related("item_units__unit")
    return {**plan_out(plan), "items": [{
        "id": item.pk, "number": item.number, "section": trail(item.section_id), "task": item.task, "text": item.text,
        "lead_phrases": list(item.lead_phrases), "unit_phrases": list(item.unit_phrases),
        "deadline_raw": item.deadline_raw, "deadline_date": item.deadline_date,
        "recurrence": serialize.choice(Recurrence, item.recurrence) if item.recurrence else None,
        "units": [
            {"unit": serialize.unit_ref(link.unit), "role": serialize.choice(PlanUnitRole, link.role), "phrase": link.phrase}
            for link in item.item_units.all()
        ],
    } for item in items]}


# --- the plans' half-yearly progress pages (published ones only, as on the portal) -------------


def _public_plan(plan_id: int) -> Plan:
    plan = Plan.objects.filter(Plan.public_q(), pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def progress_out(disclosure: ProgressDisclosure) -> dict[str, Any]:
    return {
        "id": disclosure.pk, "plan_id": disclosure.plan_id, "year": disclosure.year, "half": disclosure.half,
        "label": disclosure.half_label, "published_at": disclosure.published_at,
        "url": serialize.reverse("plans:public_progress", args=[disclosure.plan_id, disclosure.pk]),
    }


def _progress_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as the page shows it (``plans.disclosures`` builds them: the public part of the
    accepted reports, never a comment or a person)."""
    status = entry.get("status") or ""
    return {
        "item_id": entry["item_id"], "number": entry.get("number", ""), "section": entry.get("section", ""),
        "text": entry.get("text", ""), "units": list(entry.get("units", [])),
        "status": serialize.choice(ProgressStatus, status) if status in ProgressStatus.values else None,
        "status_label": entry.get("status_label", ""), "as_of": entry.get("as_of") or None,
        **{name: entry.get(name, "") for name in ("progress", "problems", "next_steps")},
    }


@router.get("/plans/{plan_id}/progress", response=answers(ProgressPageList),
            summary="一个方案已公开的半年进展情况", operation_id="list_plan_progress")
def list_plan_progress(request: HttpRequest, response: HttpResponse,
                       plan_id: int = Path(..., ge=1, le=MAX_ID, description="方案编号")) -> dict[str, Any]:
    """与门户方案页“进展和完成情况”相同：只有公开办已公开的半年。"""
    pages = list(published_disclosures(_public_plan(plan_id)))
    serialize.last_modified(response, [page.published_at for page in pages])
    return {"items": [progress_out(page) for page in pages]}


@router.get("/plans/{plan_id}/progress/{progress_id}", response=answers(ProgressPageDetailOut),
            summary="一个半年的进展和完成情况", operation_id="get_plan_progress")
def get_plan_progress(
    request: HttpRequest, response: HttpResponse,
    plan_id: int = Path(..., ge=1, le=MAX_ID, description="方案编号"),
    progress_id: int = Path(..., ge=1, le=MAX_ID, description="进展情况编号"),
) -> dict[str, Any]:
    """门户进展情况页面的内容：总体情况和每个事项的推进状态、进展情况、存在问题和下一步工作措施。"""
    disclosure = published_disclosures(_public_plan(plan_id)).filter(pk=progress_id).first()
    if disclosure is None:
        raise Http404
    serialize.last_modified(response, [disclosure.published_at])
    return {**progress_out(disclosure), "summary": disclosure.summary,
            "entries": [_progress_entry(entry) for entry in disclosure.entries]}


# --- disclosure requests: counts only --------------------------------------------------------


@router.get("/foi/statistics", response=answers(FoiStatisticsOut), summary="依申请公开统计（只有件数）", operation_id="foi_statistics")
def foi_statistics(request: HttpRequest) -> dict[str, Any]:
    """按年份、办理状态和办理结果类别的件数；不含任何申请人的信息。"""
    counts = public_counts()
    return {
        "total": counts.total,
        "by_year": [{"year": year, "count": total} for year, total in counts.by_year],
        "by_status": [{"code": code, "label": label, "count": total} for code, label, total in counts.by_status],
        "by_outcome": [{"code": code, "label": label, "count": total} for code, label, total in counts.by_outcome],
    }


# --- search --------------------------------------------------------------------------------


class SearchOrder(StrEnum):
    DEFAULT = Order.DEFAULT.value
    RELEVANCE = Order.RELEVANCE.value
    NEWEST = Order.NEWEST.value


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="检索词；多个词以空格分隔，同时包含；加引号为完整短语")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="发布单位编号")
    column: int | None = Field(None, ge=1, le=MAX_ID, description="栏目编号")
    year: int | None = Field(None, ge=1949, le=2100, description="发布年份")
    topic: str | None = Field(None, max_length=100, description="主题分类")
    validity: ValidityCode | None = Field(None, description="有效性代码，同 /records 的 validity")
    order: SearchOrder = Field(SearchOrder.DEFAULT, description="排序：default 综合、relevance 相关度、newest 发布时间")
    page: int = Field(1, ge=1, le=500, description="页码（检索结果按页码翻页，最多 500 页）")
    per_page: int = Field(20, ge=1, le=50, description="每页条数，1 至 50")


@router.get("/search", response=answers(SearchOut), summary="全文检索（与门户检索同一引擎）", operation_id="search")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    filters = Filters(
        unit_id=params.unit, column_id=params.column, year=params.year, topic=params.topic or "",
        validity=Validity(params.validity.value).label if params.validity else "",
    )
    found = run_search(params.q, filters, Order(params.order.value), page=params.page, per_page=params.per_page)
    return {
        "total": found.total, "capped": found.capped, "page": found.page, "pages": found.pages,
        "ranked_by": found.ranked_by,
        "items": [{
            "title": hit.title, "url": hit.url, "published_on": hit.published_on,
            "snippet": "".join(text for text, _ in hit.snippet), "unit_id": hit.unit_id,
            "doc_number": hit.doc_number, "index_number": hit.index_number, "topic": hit.topic, "validity": hit.validity,
        } for hit in found.hits],
    }

