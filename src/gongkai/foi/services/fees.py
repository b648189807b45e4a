"""The information-processing fee (第四十二条, 国办函〔2020〕109号): assessed per applicant and
calendar month, its notice served (the clock pauses), its payment recorded.
"""


from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.foi.models import (
    EventKind,
    Request,
    RequestEvent,
    Status,
)
from gongkai.foi.services.common import (
    add_event,
    audit_step,
    law_date,
    lock,
    require_step,
    save_clock,
    summary,
)
from gongkai.foi.transitions import Step
from gongkai.orgs.models import User
from gongkai.rules import foifee

# --- 信息处理费 (第四十二条, 国办函〔2020〕109号) -------------------------------------------------


def assess_fee(request: Request, method: foifee.FeeMethod, pages: int | None = None) -> foifee.Fee:
    """The fee of ``request`` after the same applicant's earlier requests of its calendar month
    (国办函〔2020〕109号第四条: 按件, counted per applicant and calendar month)."""
    received = request.received_on
    if received is None:
        raise ValidationError("收到申请之日尚未确认，不能计算信息处理费。")
    month = Request.objects.filter(
        received_on__year=received.year, received_on__month=received.month, **request.applicant_identity,
    ).order_by("received_on", "id")
    entries = []
    for other in month:
        mine = other.pk == request.pk
        entries.append(foifee.FeeRequest(
            key=str(other.pk), applicant="same", received_on=other.received_on, items=other.items,
            method=method if mine else foifee.FeeMethod.PER_ITEM,
            pages=pages if mine and method is foifee.FeeMethod.PER_PAGE else None,
        ))
    try:
        return foifee.assess_requests(entries)[str(request.pk)]
    except foifee.FeeError as error:
        raise ValidationError(str(error)) from None


@transaction.atomic
def issue_fee_notice(
    request: Request, *, method: foifee.FeeMethod | str, pages: int | None = None,
    on: date | None = None, date_reason: str = "", actor: User | None = None,
) -> RequestEvent:
    """The 收费通知 was served: the clock pauses until payment (⚠️ 109号, DOMAIN.md 1.4)."""
    request = lock(request)
    require_step(Step.FEE, request, actor)
    if request.events.filter(kind=EventKind.FEE_NOTICE).exists():
        raise ValidationError("本申请已送达过收费通知。")
    fee = assess_fee(request, foifee.FeeMethod(method), pages)
    if fee.total == 0:
        raise ValidationError("按国办函〔2020〕109号的标准，本申请不收费：" + "；".join(fee.describe()))
    day = law_date(on, request, "收费通知送达之日", reason=date_reason)
    before = summary(request)
    request.status, request.fee_amount = Status.AWAITING_FEE, fee.total
    event = add_event(request, EventKind.FEE_NOTICE, day, actor, note="；".join(fee.describe()),
                   method=fee.method.value, amount=fee.total)
    save_clock(request)
    audit_step("foi_fee_notice", request, before, amount=fee.total, method=fee.method.value)
    return event


@transaction.atomic
def record_payment(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> RequestEvent:
    request = lock(request)
    require_step(Step.PAID, request, actor)
    day = law_date(on, request, "缴费日期", reason=date_reason)
    before = summary(request)
    request.status = Status.PROCESSING
    event = add_event(request, EventKind.FEE_PAID, day, actor, amount=request.fee_amount)
    save_clock(request)
    audit_step("foi_fee_paid", request, before, amount=request.fee_amount)
    return event
