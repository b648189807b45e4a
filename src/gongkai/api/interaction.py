"""Public messages and consultations under /api/v1/: what the portal's 留言与答复 and 征求意见
pages show, as data. The rows start from the same public querysets as those pages
(``Message.public_q``, the shown comments) and pass through the same masking
(``interaction.privacy.public_text``), so the API never shows who wrote a message or a comment:
no name, phone, e-mail, tracking code or any other field of the sender."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema

from gongkai.api import serialize
from gongkai.api.public import MAX_ID, Paging, cursor_page
from gongkai.api.schemas import (
    ConsultationDetailOut,
    ConsultationPage,
    MessageOut,
    MessagePage,
    MessageStatisticsOut,
    answers,
)
from gongkai.foi import dates
from gongkai.interaction import statistics
from gongkai.interaction.models import (
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Decision,
    DraftKind,
    Kind,
    Message,
    Status,
)
from gongkai.interaction.privacy import public_text
from gongkai.interaction.public_consultations import shown_comment

router = Router(tags=["政民互动"])

MessageKindCode = StrEnum("MessageKindCode", {member.name: member.value for member in Kind})  # type: ignore[misc]


def _year(field: str, year: int | None) -> dict[str, date]:
    return {} if year is None else {f"{field}__gte": date(year, 1, 1), f"{field}__lte": date(year, 12, 31)}


# --- published messages ------------------------------------------------------------------------


class MessageFilters(Paging):
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="答复单位编号（见 /api/v1/units）")
    kind: MessageKindCode | None = Field(
        None, description="留言类型：consult 咨询、suggest 建议、complain 投诉、help 求助、other 其他")
    year: int | None = Field(None, ge=1949, le=2100, description="留言年份")


def message_out(message: Message) -> dict[str, Any]:
    """A published message as the portal shows it (``interaction/_public_message.html``)."""
    return {
        "id": message.pk, "kind": serialize.choice(Kind, message.kind),
        "subject": public_text(message, message.subject), "text": public_text(message, message.text),
        "reply": public_text(message, message.reply_text),
        "unit": serialize.unit_ref(message.replied_by) if message.replied_by else None,
        "received_on": message.received_on, "replied_on": message.replied_on,
        "url": serialize.reverse("interaction:public_detail", args=[message.pk]),
    }


def _published() -> Any:
    return Message.objects.filter(Message.public_q()).select_related("replied_by")


@router.get("/messages", response=answers(MessagePage), summary="公开的留言与答复（分页）", operation_id="list_messages")
def list_messages(request: HttpRequest, filters: Query[MessageFilters]) -> dict[str, Any]:
    """留言人同意公开且已答复的留言，与门户“留言与答复”相同；不含留言人的姓名、联系方式和查询码，
    留言和答复中的证件号、电话、电子邮箱已遮蔽。按答复日期从新到旧。"""
    rows = _published().filter(**_year("received_on", filters.year))
    if filters.unit is not None:
        rows = rows.filter(replied_by_id=filters.unit)
    if filters.kind is not None:
        rows = rows.filter(kind=filters.kind.value)
    page = cursor_page(rows, filters.cursor, filters.limit, "replied_on")
    return {"items": [message_out(message) for message in page.rows], "next_cursor": page.next_cursor}


class StatisticsParams(Schema):
    year: int | None = Field(None, ge=1949, le=2100, description="收到留言的年份；不填为本年（每次统计一年）")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="办理单位编号；不填为全部单位")


@router.get("/messages/statistics", response=answers(MessageStatisticsOut), summary="留言办理统计（只有件数）",
            operation_id="message_statistics")
def message_statistics(request: HttpRequest, params: Query[StatisticsParams]) -> dict[str, Any]:
    """一年内收到的全部留言（不论是否公开）按办理单位和月份的件数、按期和超期答复数、平均答复工作日数和评价，
    与工作台的留言统计同一口径；不含任何留言的内容和留言人的信息。"""
    # one year at a time: each message's clock is read from its events, so the cost grows with the rows
    rows = Message.objects.filter(**_year("received_on", params.year or dates.today().year))
    if params.unit is not None:
        rows = rows.filter(unit_id=params.unit)
    counts = dict(rows.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    table = statistics.monthly(statistics.with_events(rows), dates.today())
    answered = [days for row in table for days in row.reply_workdays]
    return {
        "total": sum(counts.values()),
        "by_status": [{"code": code, "label": label, "count": counts.get(code, 0)} for code, label in Status.choices],
        "mean_reply_workdays": round(sum(answered) / len(answered), 1) if answered else None,
        "rows": [{
            "unit": row.unit, "month": row.month, "received": row.received, "on_time": row.on_time, "late": row.late,
            "open": row.open, "over_three_months": row.vetoed, "mean_reply_workdays": row.mean_reply_workdays,
            "satisfied": row.ratings["satisfied"], "basically_satisfied": row.ratings["basically"],
            "unsatisfied": row.ratings["unsatisfied"],
        } for row in table],
    }


@router.get("/messages/{message_id}", response=answers(MessageOut), summary="一条公开的留言与答复",
            operation_id="get_message")
def get_message(request: HttpRequest, message_id: int = Path(..., ge=1, le=MAX_ID, description="留言编号")) -> dict[str, Any]:
    """未公开的留言（留言人未同意公开或尚未答复）与不存在的一样答复 404。"""
    message = _published().filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message_out(message)


# --- consultations -----------------------------------------------------------------------------


class ConsultationFilters(Paging):
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="征求意见单位编号")
    year: int | None = Field(None, ge=1949, le=2100, description="开始征求意见的年份")


DECISIONS = tuple(Decision)


def _consultations() -> Any:
    shown = Q(comments__status=CommentStatus.SHOWN)
    return Consultation.objects.select_related("unit", "final_record").annotate(
        received=Count("comments"), shown=Count("comments", filter=shown),
        **{f"decided_{d.value}": Count("comments", filter=shown & Q(comments__decision=d.value)) for d in DECISIONS},
    )


def _feedback_shown(consultation: Consultation) -> bool:
    """The 采纳情况 page's own condition: published, beside a final document the public may read."""
    final = consultation.final_record
    return consultation.status == ConsultationStatus.FEEDBACK_PUBLISHED and final is not None and final.is_public


def consultation_out(consultation: Any, today: date) -> dict[str, Any]:
    final = consultation.final_record
    return {
        "id": consultation.pk, "title": consultation.title, "unit": serialize.unit_ref(consultation.unit),
        "kind": serialize.choice(DraftKind, consultation.kind), "opens_on": consultation.opens_on,
        "closes_on": consultation.closes_on, "phase": consultation.phase(today),
        "comments_received": consultation.received, "comments_shown": consultation.shown,
        "feedback": {
            "published_on": consultation.feedback_published_on, "summary": consultation.feedback_summary,
            "final_record": {"id": final.pk, "title": final.title, "url": serialize.record_url(final.pk)},
            "counts": [{"code": d.value, "label": d.label, "count": getattr(consultation, f"decided_{d.value}")}
                       for d in DECISIONS],
        } if _feedback_shown(consultation) else None,
        "url": serialize.reverse("interaction:consultation", args=[consultation.pk]),
    }


@router.get("/consultations", response=answers(ConsultationPage), summary="征求意见（分页）",
            operation_id="list_consultations")
def list_consultations(request: HttpRequest, filters: Query[ConsultationFilters]) -> dict[str, Any]:
    """公开征求意见的草案及其期限、阶段和意见数；已公布的附采纳情况。与门户“征求意见”相同，按开始日期从新到旧。"""
    rows = _consultations().filter(**_year("opens_on", filters.year))
    if filters.unit is not None:
        rows = rows.filter(unit_id=filters.unit)
    page = cursor_page(rows, filters.cursor, filters.limit, "opens_on")
    today = dates.today()
    return {"items": [consultation_out(c, today) for c in page.rows], "next_cursor": page.next_cursor}


@router.get("/consultations/{consultation_id}", response=answers(ConsultationDetailOut),
            summary="一次征求意见，含征求意见稿、起草说明和展示的意见", operation_id="get_consultation")
def get_consultation(
    request: HttpRequest, consultation_id: int = Path(..., ge=1, le=MAX_ID, description="征求意见编号"),
) -> dict[str, Any]:
    """意见只含经审核展示的；意见人未同意公开内容的只有说明文字；不含意见人的姓名和联系方式。采纳情况公布后
    每条意见附采纳情况和理由。"""
    consultation = _consultations().filter(pk=consultation_id).first()
    if consultation is None:
        raise Http404
    decided = _feedback_shown(consultation)
    comments = [shown_comment(c) for c in consultation.comments.filter(Q(status=CommentStatus.SHOWN)).order_by("seq")]
    return {
        **consultation_out(consultation, dates.today()),
        "draft_text": consultation.draft_text, "explanation": consultation.explanation,
        "comments": [{
            "number": c.number, "section": c.section, "text": c.public_text,
            "decision": serialize.choice(Decision, c.decision) if decided and c.decision else None,
            "reason": c.public_reason if decided else "",
        } for c in comments],
    }
