"""Published annual reports and published assessment results under /api/v1/: what the office has
made public, never a report still in the workflow nor a round whose results are not published.

- Annual reports: each published version (``ReportVersion``) whose record the public may read, as
  the portal's report page (``reports.public``), with the tables as frozen on publication in the
  shape of the national template (CONTRACTS.md §6) and the report's file.
- Assessment: the rounds the office has published, with each class's units ranked by 得分率 as
  the office's results table computes them (``assessment.results.round_results``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Path, Query, Router

from gongkai.api import serialize
from gongkai.api.public import MAX_ID, Paging, cursor_page
from gongkai.api.schemas import (
    AssessmentRoundDetailOut,
    AssessmentRoundPage,
    ReportVersionDetailOut,
    ReportVersionPage,
    answers,
)
from gongkai.assessment.models import Round, RoundKind, RoundStatus
from gongkai.assessment.results import percent, round_results
from gongkai.records.models import Attachment, Record
from gongkai.reports.models import ReportVersion

router = Router(tags=["年度报告和考评结果"])


# --- annual reports ------------------------------------------------------------------------------


class ReportFilters(Paging):
    year: int | None = Field(None, ge=1949, le=2100, description="报告年度")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="报告单位编号")
    latest: bool = Field(False, description="true 时每份报告只给最新的发布版本（更正后的版本）")


def _versions() -> Any:
    return ReportVersion.objects.filter(Record.listed_q("record__")).select_related("report__unit", "record").prefetch_related(
        Prefetch("record__attachments", queryset=Attachment.objects.order_by("pk"), to_attr="files"))


def version_out(version: ReportVersion) -> dict[str, Any]:
    files = getattr(version.record, "files", [])
    return {
        "id": version.pk, "year": version.report.year, "unit": serialize.unit_ref(version.report.unit),
        "version": version.number, "title": version.title, "published_on": version.record.published_on,
        "change_note": version.change_note,
        "url": serialize.reverse("reports:public_version", args=[version.pk]),
        "file_url": serialize.reverse("records:attachment", args=[version.record_id, files[0].pk]) if files else None,
    }


@router.get("/annual-reports", response=answers(ReportVersionPage), summary="已发布的政府信息公开工作年度报告（分页）",
            operation_id="list_annual_reports")
def list_annual_reports(request: HttpRequest, response: HttpResponse, filters: Query[ReportFilters]) -> dict[str, Any]:
    """平台上发布的年度报告的各个版本（与门户“政府信息公开工作年度报告”相同）；更正的报告依次为第2、3……版，
    较早的版本仍可读取。"""
    rows = _versions()
    if filters.year is not None:
        rows = rows.filter(report__year=filters.year)
    if filters.unit is not None:
        rows = rows.filter(report__unit_id=filters.unit)
    if filters.latest:
        newer = ReportVersion.objects.filter(Record.listed_q("record__"), report_id=OuterRef("report_id"),
                                             number__gt=OuterRef("number"))
        rows = rows.exclude(Exists(newer))
    page = cursor_page(rows, filters.cursor, filters.limit)
    serialize.last_modified(response, [version.published_at for version in page.rows])
    return {"items": [version_out(version) for version in page.rows], "next_cursor": page.next_cursor}


@router.get("/annual-reports/{version_id}", response=answers(ReportVersionDetailOut),
            summary="一份已发布的年度报告，含按国家模板的表格数据", operation_id="get_annual_report")
def get_annual_report(
    request: HttpRequest, response: HttpResponse,
    version_id: int = Path(..., ge=1, le=MAX_ID, description="发布版本编号"),
) -> dict[str, Any]:
    """报告的文字部分（一、五、六）和第二、三、四部分的表格，数值与发布时相同，不随之后登记的申请变化。"""
    version = _versions().filter(pk=version_id).first()
    if version is None:
        raise Http404
    tables = version.tables or {}
    serialize.last_modified(response, [version.published_at])
    return {
        **version_out(version), "overview": version.overview, "problems": version.problems,
        "other_matters": version.other_matters,
        "tables": {"proactive": tables.get("proactive"), "applications": tables.get("applications"),
                   "reviews": tables.get("reviews")},
        "changes": [{"cell": str(change.get("cell", "")), "before": str(change.get("before", "")),
                     "after": str(change.get("after", ""))} for change in version.changes or []],
    }


# --- assessment results --------------------------------------------------------------------------


def round_out(round_: Round) -> dict[str, Any]:
    return {
        "id": round_.pk, "title": round_.title, "kind": serialize.choice(RoundKind, round_.kind),
        "period_start": round_.period_start, "period_end": round_.period_end, "published_at": round_.published_at,
    }


def _published_rounds() -> Any:
    return Round.objects.filter(status=RoundStatus.PUBLISHED, published_at__isnull=False)


def _rate(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.0001")))


@router.get("/assessment/rounds", response=answers(AssessmentRoundPage), summary="已公布结果的考评轮次（分页）",
            operation_id="list_assessment_rounds")
def list_assessment_rounds(request: HttpRequest, response: HttpResponse, filters: Query[Paging]) -> dict[str, Any]:
    """只有公开办已公布结果的轮次；进行中的轮次及其评分不提供。"""
    page = cursor_page(_published_rounds(), filters.cursor, filters.limit)
    serialize.last_modified(response, [round_.published_at for round_ in page.rows])
    return {"items": [round_out(round_) for round_ in page.rows], "next_cursor": page.next_cursor}


@router.get("/assessment/rounds/{round_id}", response=answers(AssessmentRoundDetailOut),
            summary="一轮考评的结果：各单位得分率、重点领域得分率和类别内名次", operation_id="get_assessment_round")
def get_assessment_round(
    request: HttpRequest, response: HttpResponse,
    round_id: int = Path(..., ge=1, le=MAX_ID, description="考评轮次编号"),
) -> dict[str, Any]:
    """与公开办的结果表同一计算：得分率按审定得分和表彰加分，同一类别内排名，得分率相同的并列（公开办决定先后的
    按其决定）。不含逐项评分、评估人和说明。"""
    round_ = _published_rounds().filter(pk=round_id).first()
    if round_ is None:
        raise Http404
    serialize.last_modified(response, [round_.published_at])
    return {**round_out(round_), "classes": [{
        "category": label,
        "results": [{
            "unit": serialize.unit_ref(row.participant.unit), "position": row.position, "tied": row.tied,
            "score": float(row.result.score), "bonus": float(row.result.bonus), "points": float(row.result.points),
            "rate": _rate(row.result.rate), "rate_text": percent(row.result.rate),
            "key_rate": None if row.result.key_rate is None else _rate(row.result.key_rate),
            "key_rate_text": row.key_rate_text,
        } for row in rows],
    } for label, rows in round_results(round_)]}
