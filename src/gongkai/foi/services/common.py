"""What every step of a disclosure request shares: the lock, the permission and status check,
the law date, the event, the clock's recomputation and the audit row (see the package's docstring).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.log import record
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.foi.clock import refresh_due_on
from gongkai.foi.models import (
    EventKind,
    Request,
    RequestEvent,
)
from gongkai.foi.transitions import Step, status_allows, user_may
from gongkai.orgs.models import User
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock import (
    Clock,
    ClockError,
)
from gongkai.rules.foioutcomes import Outcome
from gongkai.rules.textcodec import without_control_characters

# What the applicant typed (第二十九条); the forms clean it, the services store it.
APPLICANT_FIELDS = (
    "applicant_kind", "applicant_name", "organisation_code", "legal_representative", "id_type",
    "id_number", "contact_person", "phone", "email", "address", "postcode", "description",
    "form_wanted", "delivery", "items",
)
STEP_LABELS = {
    Step.CONFIRM: "确认收到申请", Step.TRANSFER: "转办", Step.AMEND: "告知补正", Step.AMENDED: "登记补正",
    Step.ABANDON: "按视为放弃处理", Step.EXTEND: "申请延期", Step.DECIDE_EXTENSION: "审批延期",
    Step.CONSULT: "征求意见", Step.END_CONSULT: "结束征求意见", Step.FEE: "送达收费通知",
    Step.PAID: "登记缴费", Step.REPLY: "答复", Step.SERVE: "登记送达",
}
# A law date this many working days back or more is a late registration (补录): it needs a reason.
BACKDATE_WORKDAYS = 3
LAW_DATES_FROM = date(2008, 5, 1)  # the first 条例 took effect: no request is older
# Outcomes that only an abandonment gives (第三十条, 109号), never a reply.
ABANDON_OUTCOMES = frozenset({Outcome.OTHER_NOT_AMENDED, Outcome.OTHER_FEE_UNPAID})




# --- helpers -----------------------------------------------------------------------------------


def lock(request: Request) -> Request:
    """The current row, locked for this transaction (PostgreSQL; SQLite serialises writers)."""
    return Request.objects.select_for_update().select_related("unit").get(pk=request.pk)


def require_step(step: Step, request: Request, actor: User | None) -> None:
    if not user_may(actor, step, request):
        raise PermissionDenied(f"您没有权限对该申请{STEP_LABELS[step]}。")
    if not status_allows(step, request):
        raise ValidationError(f"申请当前为“{request.get_status_display()}”，不能{STEP_LABELS[step]}。")


def law_date(on: date | None, request: Request | None = None, what: str = "日期", *, reason: str = "") -> date:
    """The date a step carries in law: today by default, never in the future nor before arrival.
    A date more than ``BACKDATE_WORKDAYS`` working days back is registered late: it needs the
    reason, which goes into the audit log with the date."""
    today = dates.today()
    day = on or today
    if day > today:
        raise ValidationError(f"{what} {day.isoformat()} 晚于今天，不能预先登记。")
    if day < LAW_DATES_FROM:
        raise ValidationError(f"{what} {day.isoformat()} 早于 {LAW_DATES_FROM.isoformat()}，请核对。")
    if request is not None and day < request.arrived_on:
        raise ValidationError(f"{what} {day.isoformat()} 早于申请到达之日 {request.arrived_on.isoformat()}。")
    if working_calendar().workdays_between(day, today) > BACKDATE_WORKDAYS:
        if not reason.strip():
            raise ValidationError(
                f"{what} {day.isoformat()} 早于今天{BACKDATE_WORKDAYS}个工作日以上，属于补录，请填写补录理由。"
            )
        record("foi_date_backdated", request, object_type="foi.request", object_repr=what if request is None else "",
               after={"what": what, "date": day, "registered_on": today, "reason": reason.strip()})
    return day


def actor_label(actor: User | None) -> str:
    return str(actor) if actor is not None else "系统"


def add_event(request: Request, event_kind: EventKind, on: date, actor: User | None, note: str = "",
           *, by: str = "", **data: Any) -> RequestEvent:
    """Append one event; ``by`` names an actor without an account (the applicant)."""
    plain = {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}
    note = without_control_characters(note)
    return RequestEvent.objects.create(
        request=request, kind=event_kind, on=on, actor=actor, actor_label=(by or actor_label(actor))[:150],
        note=note, data=plain,
    )


def summary(request: Request) -> dict[str, Any]:
    return {
        "status": request.status, "unit": request.unit.name, "received_on": request.received_on,
        "due_on": request.due_on, "outcome": request.outcome, "replied_on": request.replied_on,
    }


def save_clock(request: Request, calendar: WorkingCalendar | None = None) -> Clock:
    """Recompute the clock from every event and save; impossible events undo the whole step."""
    try:
        clock = refresh_due_on(request, calendar)
    except ClockError as error:
        raise ValidationError(str(error)) from None
    request.save()
    return clock


def audit_step(action: str, request: Request, before: Mapping[str, Any] | None, **extra: Any) -> None:
    record(action, request, before=before, after={**summary(request), **extra})
