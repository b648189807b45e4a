"""Staff endpoints under /api/v1/staff/, for a per-user token (created and revoked in the
console). Each list goes through the same permission policy as the console's pages
(``orgs.policy.scope``): a unit's token sees its own unit's drafts, requests and assignments and
never another unit's; the office's sees all."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router
from ninja.security import HttpBearer

from gongkai.api import paging, serialize
from gongkai.api.public import Paging, cursor_page, plan_out
from gongkai.api.schemas import (
    AssignmentPage,
    DraftPage,
    MeOut,
    RequestPage,
    StaffMessagePage,
    answers,
)
from gongkai.api.tokens import authenticate
from gongkai.foi.models import ApplicantKind, Channel, Request, Status
from gongkai.interaction.models import Channel as MessageChannel
from gongkai.interaction.models import Kind as MessageKind
from gongkai.interaction.models import Message
from gongkai.interaction.models import Status as MessageStatus
from gongkai.orgs.models import Role, User
from gongkai.orgs.policy import Action, policy
from gongkai.plans.models import Assignment, AssignmentRole
from gongkai.records.models import EDITABLE_STATUSES, Record, RecordKind, RecordStatus


class TokenAuth(HttpBearer):
    openapi_description = "工作人员在工作台“接口令牌”中创建的令牌：Authorization: Bearer gk_…"

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return authenticate(token)


router = Router(tags=["工作人员"], auth=TokenAuth())
UNPUBLISHED = (*EDITABLE_STATUSES, RecordStatus.IN_REVIEW)


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def _page(rows: Any, params: Paging) -> paging.Page:
    return cursor_page(rows, params.cursor, params.limit)


@router.get("/me", response=answers(MeOut), summary="令牌所属的用户", operation_id="staff_me")
def me(request: HttpRequest) -> dict[str, Any]:
    user = _user(request)
    return {
        "username": user.username, "name": str(user), "unit": serialize.unit_ref(user.unit) if user.unit else None,
        "roles": [serialize.choice(Role, code) for code in sorted(user.role_set)],
    }


@router.get("/drafts", response=answers(DraftPage), summary="本单位未发布的信息（草稿、待审查、退回）", operation_id="staff_drafts")
def drafts(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    rows = policy.scope(_user(request), Record.objects.filter(status__in=UNPUBLISHED).select_related("unit"))
    page = _page(rows, params)
    return {"items": [{
        "id": r.pk, "title": r.title, "kind": serialize.choice(RecordKind, r.kind),
        "status": serialize.choice(RecordStatus, r.status), "unit": serialize.unit_ref(r.unit),
        "doc_number": r.doc_number, "written_on": r.written_on, "review_comment": r.review_comment,
        "updated_at": r.updated_at,
    } for r in page.rows], "next_cursor": page.next_cursor}


class RequestFilters(Paging):
    status: str | None = Field(None, max_length=30, description="办理状态代码，如 processing")


@router.get("/requests", response=answers(RequestPage), summary="本单位的依申请公开申请", operation_id="staff_requests")
def requests(request: HttpRequest, params: Query[RequestFilters]) -> dict[str, Any]:
    rows = policy.scope(_user(request), Request.objects.select_related("unit"))
    if params.status:
        rows = rows.filter(status=params.status)
    page = _page(rows, params)
    return {"items": [{
        "id": r.pk, "unit": serialize.unit_ref(r.unit), "channel": serialize.choice(Channel, r.channel),
        "applicant_kind": serialize.choice(ApplicantKind, r.applicant_kind), "applicant_name": r.applicant_name,
        "description": r.description, "received_on": r.received_on, "due_on": r.due_on,
        "status": serialize.choice(Status, r.status), "outcome": r.outcome, "replied_on": r.replied_on,
    } for r in page.rows], "next_cursor": page.next_cursor}


@router.get("/assignments", response=answers(AssignmentPage), summary="本单位的分工任务", operation_id="staff_assignments")
def assignments(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    rows = policy.scope(_user(request), Assignment.objects.select_related("plan__issuer_unit", "item", "unit"))
    page = _page(rows, params)
    return {"items": [{
        "id": a.pk, "plan": plan_out(a.plan), "item_id": a.item_id, "item_number": a.item.number,
        "item_text": a.item.text, "unit": serialize.unit_ref(a.unit), "role": serialize.choice(AssignmentRole, a.role),
        "is_coordinator": a.is_coordinator,
    } for a in page.rows], "next_cursor": page.next_cursor}


MessageStatusCode = StrEnum("MessageStatusCode", {m.name: m.value for m in MessageStatus})  # type: ignore[misc]


class MessageFilters(Paging):
    status: MessageStatusCode | None = Field(  # type: ignore[valid-type]
        None, description="办理状态：unrouted 待分办、processing 办理中、in_review 答复待审核、replied 已答复")


@router.get("/messages", response=answers(StaffMessagePage), summary="本单位的留言办理队列", operation_id="staff_messages")
def messages(request: HttpRequest, params: Query[MessageFilters]) -> dict[str, Any]:
    """与工作台“留言办理”同一范围（``Action.VIEW_IDENTITY``）：单位的办理人员和审核人只见分办给本单位的留言，
    公开办见全部。与工作台的导出一样不含留言人的姓名和联系方式。"""
    rows = policy.scope(_user(request), Message.objects.select_related("unit"), Action.VIEW_IDENTITY)
    if params.status is not None:
        rows = rows.filter(status=params.status.value)
    page = _page(rows, params)
    return {"items": [{
        "id": m.pk, "code": m.display_code, "unit": serialize.unit_ref(m.unit) if m.unit else None,
        "kind": serialize.choice(MessageKind, m.kind), "channel": serialize.choice(MessageChannel, m.channel),
        "subject": m.subject, "received_on": m.received_on, "due_on": m.due_on,
        "status": serialize.choice(MessageStatus, m.status), "replied_on": m.replied_on,
    } for m in page.rows], "next_cursor": page.next_cursor}
