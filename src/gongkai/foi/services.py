"""The one write path of disclosure requests.

Each function takes one step of 《政府信息公开条例》 第二十九条 to 第四十二条: it checks that the
step is allowed now and to this person (``transitions``), appends the event, recomputes the clock
from all events (``clock.refresh_due_on``: ``rules.foiclock`` decides, nothing is incremented),
writes the audit row, and issues the letter the step calls for, all in one transaction. Views,
the admin, commands, jobs and the demo data call these functions and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.log import record
from gongkai.calendars.service import working_calendar
from gongkai.foi import codes, dates, letters
from gongkai.foi.clock import clock_rules, refresh_due_on, request_clock
from gongkai.foi.models import (
    OPEN_STATUSES,
    Channel,
    EventKind,
    Letter,
    LetterKind,
    LetterSeries,
    LetterTemplate,
    Request,
    RequestEvent,
    ServiceMethod,
    Status,
)
from gongkai.foi.transitions import Step, status_allows, user_may
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import SYSTEM, Action, policy
from gongkai.records.models import Audience, Record, RecordStatus
from gongkai.rules import foifee
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock import Channel as RuleChannel
from gongkai.rules.foiclock import (
    Clock,
    ClockError,
    PauseKind,
    receipt_date,
    third_party_reply_due,
)
from gongkai.rules.foioutcomes import Outcome, OutcomeGroup

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


def _lock(request: Request) -> Request:
    """The current row, locked for this transaction (PostgreSQL; SQLite serialises writers)."""
    return Request.objects.select_for_update().select_related("unit").get(pk=request.pk)


def _require(step: Step, request: Request, actor: User | None) -> None:
    if not user_may(actor, step, request):
        raise PermissionDenied(f"您没有权限对该申请{STEP_LABELS[step]}。")
    if not status_allows(step, request):
        raise ValidationError(f"申请当前为“{request.get_status_display()}”，不能{STEP_LABELS[step]}。")


def _law_date(on: date | None, request: Request | None = None, what: str = "日期", *, reason: str = "") -> date:
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


def _label(actor: User | None) -> str:
    return str(actor) if actor is not None else "系统"


def _event(request: Request, event_kind: EventKind, on: date, actor: User | None, note: str = "",
           *, by: str = "", **data: Any) -> RequestEvent:
    """Append one event; ``by`` names an actor without an account (the applicant)."""
    plain = {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}
    return RequestEvent.objects.create(
        request=request, kind=event_kind, on=on, actor=actor, actor_label=(by or _label(actor))[:150],
        note=note, data=plain,
    )


def _summary(request: Request) -> dict[str, Any]:
    return {
        "status": request.status, "unit": request.unit.name, "received_on": request.received_on,
        "due_on": request.due_on, "outcome": request.outcome, "replied_on": request.replied_on,
    }


def _save(request: Request, calendar: WorkingCalendar | None = None) -> Clock:
    """Recompute the clock from every event and save; impossible events undo the whole step."""
    try:
        clock = refresh_due_on(request, calendar)
    except ClockError as error:
        raise ValidationError(str(error)) from None
    request.save()
    return clock


def _audit(action: str, request: Request, before: Mapping[str, Any] | None, **extra: Any) -> None:
    record(action, request, before=before, after={**_summary(request), **extra})


# --- filing ------------------------------------------------------------------------------------


def _store_proof(id_proof: UploadedFile | None, code: str, extension: str) -> str:
    """Write the identity proof under the tracking code (never under the name the applicant gave);
    done before the transaction, so that no disk write happens while holding the write lock."""
    if id_proof is None:
        return ""
    field = Request._meta.get_field("id_proof")
    return default_storage.save(field.generate_filename(None, f"{code}.{extension or 'bin'}"), id_proof)


def _discard(name: str) -> None:
    if name:
        default_storage.delete(name)


def _new_request(details: Mapping[str, Any], *, code: str, proof_name: str, calendar: WorkingCalendar,
                 **fields: Any) -> Request:
    """Insert the request, its due date already computed (a new request's only event, its receipt,
    does not move the clock); a new code in the (astronomically rare) collision.

    An IntegrityError on the submission token is the same form sent twice: it goes to the caller.
    """
    values = {name: details[name] for name in APPLICANT_FIELDS if name in details}
    request = Request(tracking_code=code, submitted_at=timezone.now(), id_proof=proof_name, **values, **fields)
    try:
        refresh_due_on(request, calendar, events=[])
    except ClockError as error:
        raise ValidationError(str(error)) from None
    token = fields.get("submission_token")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                request.save()
            return request
        except IntegrityError:
            if token and Request.objects.filter(submission_token=token).exists():
                raise
            request.tracking_code = codes.new_code()
    raise RuntimeError("无法生成不重复的查询码")  # pragma: no cover


def submit_request(
    details: Mapping[str, Any], *, unit: Unit, id_proof: UploadedFile | None = None,
    token: str | None = None,
) -> Request:
    """The public form (在线申请): received the day it is submitted (第三十一条第（三）项: our form
    confirms at once by showing the tracking code). A repeated ``token`` (the same form sent
    twice, e.g. after a lost answer) returns the request already stored, never a second one.

    The caller shows the code only after this returns, i.e. after the commit."""
    if token and (existing := Request.objects.filter(submission_token=token).first()) is not None:
        return existing
    code, calendar = codes.new_code(), working_calendar()
    proof_name = _store_proof(id_proof, code, str(details.get("id_proof_ext") or ""))
    try:
        return _file_online(details, unit=unit, code=code, proof_name=proof_name, calendar=calendar, token=token)
    except IntegrityError:  # the same form, sent twice at the same moment: the first one won
        _discard(proof_name)
        return Request.objects.get(submission_token=token)
    except BaseException:
        _discard(proof_name)
        raise


@transaction.atomic
def _file_online(details: Mapping[str, Any], *, unit: Unit, code: str, proof_name: str,
                 calendar: WorkingCalendar, token: str | None) -> Request:
    today = dates.today()
    receipt = receipt_date(RuleChannel.ONLINE, arrived_on=today)
    request = _new_request(
        details, code=code, proof_name=proof_name, calendar=calendar, unit=unit, channel=Channel.ONLINE,
        arrived_on=today, received_on=receipt.received_on, status=Status.PROCESSING,
        submission_token=token or None,
    )
    _event(request, EventKind.SUBMITTED, today, None, note=receipt.describe(), by="申请人")
    _audit("foi_request_submitted", request, None, code=request.tracking_code, channel=request.channel)
    if request.email:
        from gongkai.foi import tasks

        request_id = request.pk
        transaction.on_commit(lambda: tasks.send_acknowledgement(request_id))
    return request


@transaction.atomic
def register_request(
    details: Mapping[str, Any], *, unit: Unit, channel: Channel | str, arrived_on: date,
    signed_on: date | None = None, confirmed_on: date | None = None,
    id_proof: UploadedFile | None = None, date_reason: str = "", actor: User | None = None,
) -> Request:
    """Staff register a request from another channel, with the receipt rule of 第三十一条."""
    if actor is not None and not policy.may(actor, Action.CHANGE, unit):
        raise PermissionDenied("只能为本单位登记申请。")
    channel = Channel(channel)
    _law_date(arrived_on, what="申请到达之日", reason=date_reason)
    for day, what in ((signed_on, "签收日期"), (confirmed_on, "确认日期")):
        if day is not None:
            _law_date(day, what=what, reason=date_reason)
    try:
        receipt = receipt_date(
            RuleChannel(channel.value), arrived_on=arrived_on, signed_on=signed_on, confirmed_on=confirmed_on,
        )
    except ClockError as error:
        raise ValidationError(str(error)) from None
    status = Status.PROCESSING if receipt.confirmed else Status.UNCONFIRMED
    code = codes.new_code()
    proof_name = _store_proof(id_proof, code, str(details.get("id_proof_ext") or ""))
    try:
        request = _new_request(
            details, code=code, proof_name=proof_name, calendar=working_calendar(), unit=unit,
            channel=channel, arrived_on=arrived_on, received_on=receipt.received_on, status=status,
            created_by=actor,
        )
    except BaseException:
        _discard(proof_name)
        raise
    _event(request, EventKind.REGISTERED, arrived_on, actor, note=receipt.describe(), channel=channel.value)
    _audit("foi_request_registered", request, None, code=request.tracking_code, channel=channel.value)
    return request


@transaction.atomic
def confirm_receipt(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> Request:
    """第三十一条: the day the office confirmed with the applicant (or signed for the letter)."""
    request = _lock(request)
    _require(Step.CONFIRM, request, actor)
    day = _law_date(on, request, "确认日期", reason=date_reason)
    before = _summary(request)
    receipt = receipt_date(
        RuleChannel(request.channel), arrived_on=request.arrived_on, confirmed_on=day,
        signed_on=day if request.channel == Channel.SIGNED_MAIL else None,
    )
    request.received_on, request.status = receipt.received_on, Status.PROCESSING
    _event(request, EventKind.RECEIPT_CONFIRMED, day, actor, note=receipt.describe())
    _save(request)
    _audit("foi_receipt_confirmed", request, before)
    return request


@transaction.atomic
def transfer_request(request: Request, unit: Unit, *, reason: str = "", actor: User | None = None) -> Request:
    """The office routes the request to the unit that holds the information."""
    request = _lock(request)
    _require(Step.TRANSFER, request, actor)
    if unit.pk == request.unit_id:
        raise ValidationError("申请已由该单位办理。")
    before = _summary(request)
    source = request.unit.name
    request.unit = unit
    _event(request, EventKind.TRANSFERRED, dates.today(), actor, note=reason, source=source, target=unit.name)
    _save(request)
    _audit("foi_request_transferred", request, before, reason=reason)
    return request


# --- 补正 (第三十条) -----------------------------------------------------------------------------


@transaction.atomic
def request_amendment(
    request: Request, *, what: str, reply_by: date | None = None, on: date | None = None, date_reason: str = "",
    late_reason: str = "", actor: User | None = None,
) -> Letter:
    """The one-time 补正 notice, with the applicant's deadline; issues the 补正告知书. 第三十条 allows
    it within 7 working days of receipt: later, only by the office's explicit decision
    (``late_reason``, an office admin), recorded and shown as late."""
    request = _lock(request)
    _require(Step.AMEND, request, actor)
    if not what.strip():
        raise ValidationError("请写明需要补正的内容。")
    day = _law_date(on, request, "告知日期", reason=date_reason)
    calendar = working_calendar()
    rules = clock_rules()
    started = request_clock(request, calendar).started_on
    notice_due = calendar.add_workdays(started, rules.amendment_notice_workdays) if started else None
    late = notice_due is not None and day > notice_due
    if late and not (late_reason.strip() and policy.may_manage(actor)):
        assert notice_due is not None
        raise ValidationError(
            f"补正应自收到申请之日起{rules.amendment_notice_workdays}个工作日内一次性告知（第三十条），"
            f"本申请的告知期限已于 {notice_due.isoformat()} 届满，不能再要求补正；"
            f"确需补正的，须由公开办管理员决定并写明理由。"
        )
    reply_by = reply_by or calendar.add_workdays(day, rules.amendment_workdays)
    if reply_by <= day:
        raise ValidationError("补正期限应晚于告知日期。")
    before = _summary(request)
    request.status = Status.AWAITING_AMENDMENT
    extra = {"late": True, "late_reason": late_reason.strip()} if late else {}
    _event(request, EventKind.AMENDMENT_REQUESTED, day, actor, note=what.strip(), reply_by=reply_by, **extra)
    _save(request, calendar)
    _audit("foi_amendment_requested", request, before, reply_by=reply_by, **extra)
    values = {"补正内容": what.strip(), "补正期限": letters.chinese_date(reply_by)}
    return _issue_letter(request, LetterKind.AMENDMENT, on=day, actor=actor, values=values)


@transaction.atomic
def receive_amendment(
    request: Request, *, text: str, on: date | None = None, date_reason: str = "", actor: User | None = None,
    by_applicant: bool = False,
) -> Request:
    """The amended request arrived: the reply period restarts in full from this day."""
    request = _lock(request)
    _require(Step.AMENDED, request, None if by_applicant else actor)
    if not text.strip():
        raise ValidationError("请填写补正的内容。")
    day = dates.today() if by_applicant else _law_date(on, request, "收到补正之日", reason=date_reason)
    before = _summary(request)
    request.description = f"{request.description}\n（补正 {day.isoformat()}）{text.strip()}"
    request.status = Status.PROCESSING
    note = ("申请人在线提交补正：" if by_applicant else "") + text.strip()
    _event(request, EventKind.AMENDED, day, actor, note=note, by="申请人" if by_applicant else "")
    _save(request)
    _audit("foi_amendment_received", request, before, by_applicant=by_applicant)
    return request


@transaction.atomic
def mark_abandoned(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> Request:
    """视为放弃: the applicant let the 补正 (第三十条) or payment (109号) deadline pass."""
    request = _lock(request)
    _require(Step.ABANDON, request, actor)
    day = _law_date(on, request, reason=date_reason)
    clock = request_clock(request)
    if clock.abandon_on is None or day < clock.abandon_on:
        when = clock.abandon_on.isoformat() if clock.abandon_on else "—"
        raise ValidationError(f"期限尚未届满：{when} 起才能按视为放弃处理。")
    before = _summary(request)
    request.status = Status.ABANDONED
    request.outcome = (clock.abandon_outcome or Outcome.OTHER_NOT_AMENDED).value
    _event(request, EventKind.ABANDONED, day, actor, note=Outcome(request.outcome).label)
    _save(request)
    _audit("foi_request_abandoned", request, before)
    return request


# --- 延期 (第三十三条第二款) ----------------------------------------------------------------------


def pending_extension(request: Request) -> RequestEvent | None:
    """The extension asked for and not yet decided, if any."""
    pending = None
    for event in request.events.filter(kind__in=[
        EventKind.EXTENSION_REQUESTED, EventKind.EXTENSION_APPROVED, EventKind.EXTENSION_REFUSED,
    ]).order_by("id"):
        pending = event if event.kind == EventKind.EXTENSION_REQUESTED else None
    return pending


@transaction.atomic
def request_extension(
    request: Request, *, workdays: int, reason: str, on: date | None = None, date_reason: str = "", actor: User | None = None,
) -> RequestEvent:
    request = _lock(request)
    _require(Step.EXTEND, request, actor)
    most = clock_rules().max_extension_workdays
    if not 1 <= workdays <= most:
        raise ValidationError(f"延长的期限应为1至{most}个工作日（第三十三条第二款）。")
    if not reason.strip():
        raise ValidationError("请写明延期的理由。")
    if request_clock(request).extension is not None:
        raise ValidationError("答复期限只能延长一次（第三十三条第二款），本申请已经延期。")
    if pending_extension(request) is not None:
        raise ValidationError("已有待审批的延期申请。")
    day = _law_date(on, request, reason=date_reason)
    event = _event(request, EventKind.EXTENSION_REQUESTED, day, actor, note=reason.strip(), workdays=workdays)
    _audit("foi_extension_requested", request, None, workdays=workdays, reason=reason.strip())
    return event


@transaction.atomic
def approve_extension(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> Letter:
    """The office head (reviewer) agrees; the 延期答复告知书 tells the applicant."""
    request = _lock(request)
    _require(Step.DECIDE_EXTENSION, request, actor)
    asked = pending_extension(request)
    if asked is None:
        raise ValidationError("没有待审批的延期申请。")
    day = _law_date(on, request, "批准日期", reason=date_reason)
    before = _summary(request)
    old = request_clock(request)
    if old.normal_due_on is not None and day > old.normal_due_on:
        raise ValidationError(f"原答复期限 {old.normal_due_on.isoformat()} 已过，不能再延期。")
    workdays = int(asked.data["workdays"])
    approver = _label(actor) if actor is not None else "政府信息公开工作机构负责人"
    _event(request, EventKind.EXTENSION_APPROVED, day, actor, note=asked.note,
           workdays=workdays, approved_by=approver)
    clock = _save(request)
    _audit("foi_extension_approved", request, before, workdays=workdays, approved_by=approver)
    values = {
        "延期理由": asked.note, "延期工作日": str(workdays),
        "原答复期限": letters.chinese_date(clock.normal_due_on),
        "延长后答复期限": letters.chinese_date(clock.due_on),
    }
    return _issue_letter(request, LetterKind.EXTENSION, on=day, actor=actor, values=values)


@transaction.atomic
def refuse_extension(request: Request, *, note: str = "", on: date | None = None, date_reason: str = "",
                     actor: User | None = None) -> RequestEvent:
    request = _lock(request)
    _require(Step.DECIDE_EXTENSION, request, actor)
    if pending_extension(request) is None:
        raise ValidationError("没有待审批的延期申请。")
    event = _event(request, EventKind.EXTENSION_REFUSED, _law_date(on, request, reason=date_reason), actor, note=note.strip())
    _audit("foi_extension_refused", request, None, note=note.strip())
    return event


# --- 征求意见 (第三十二条、第三十三条第三款) --------------------------------------------------------


def open_consultations(request: Request) -> list[RequestEvent]:
    events = list(request.events.filter(kind__in=[EventKind.CONSULTATION_STARTED, EventKind.CONSULTATION_ENDED]))
    ended = {int(event.data["started"]) for event in events if event.kind == EventKind.CONSULTATION_ENDED}
    return [e for e in events if e.kind == EventKind.CONSULTATION_STARTED and e.pk not in ended]


@transaction.atomic
def start_consultation(
    request: Request, *, party: str, kind: PauseKind | str = PauseKind.THIRD_PARTY,
    on: date | None = None, date_reason: str = "", actor: User | None = None,
) -> RequestEvent:
    """The clock stops from this day; a third party gets the 征求第三方意见书 (15 working days)."""
    request = _lock(request)
    _require(Step.CONSULT, request, actor)
    kind = PauseKind(kind)
    if kind not in (PauseKind.THIRD_PARTY, PauseKind.OTHER_AGENCY) or not party.strip():
        raise ValidationError("请选择征求意见的类型并填写第三方或其他机关的名称。")
    day = _law_date(on, request, "发出征求意见之日", reason=date_reason)
    before = _summary(request)
    calendar = working_calendar()
    event = _event(request, EventKind.CONSULTATION_STARTED, day, actor, note=party.strip(),
                   pause=kind.value, party=party.strip())
    _save(request, calendar)
    _audit("foi_consultation_started", request, before, party=party.strip(), kind=kind.value)
    if kind is PauseKind.THIRD_PARTY:
        values = {"申请人": party.strip(), "意见期限": letters.chinese_date(third_party_reply_due(day, calendar, clock_rules()))}
        _issue_letter(request, LetterKind.CONSULTATION, on=day, actor=actor, values=values, addressee=party.strip())
    return event


@transaction.atomic
def end_consultation(
    request: Request, started: RequestEvent | int, *, result: str = "", on: date | None = None, date_reason: str = "",
    actor: User | None = None,
) -> RequestEvent:
    request = _lock(request)
    _require(Step.END_CONSULT, request, actor)
    started_id = started if isinstance(started, int) else started.pk
    opening = next((e for e in open_consultations(request) if e.pk == started_id), None)
    if opening is None:
        raise ValidationError("没有找到尚未结束的征求意见。")
    day = _law_date(on, request, "收到意见之日", reason=date_reason)
    if day < opening.on:
        raise ValidationError("结束日期早于开始征求意见之日。")
    before = _summary(request)
    event = _event(request, EventKind.CONSULTATION_ENDED, day, actor, note=result.strip(),
                   started=opening.pk, party=opening.data.get("party", ""))
    _save(request)
    _audit("foi_consultation_ended", request, before, party=opening.data.get("party", ""))
    return event


# --- 信息处理费 (第四十二条, 国办函〔2020〕109号) -------------------------------------------------


def _same_applicant(request: Request) -> dict[str, str]:
    """Who "the same applicant" is for the monthly count of 件: the credit code or ID number,
    else the name with the phone number."""
    if request.organisation_code:
        return {"organisation_code": request.organisation_code}
    if request.id_number:
        return {"id_number": request.id_number}
    return {"applicant_name": request.applicant_name, "phone": request.phone}


def assess_fee(request: Request, method: foifee.FeeMethod, pages: int | None = None) -> foifee.Fee:
    """The fee of ``request`` after the same applicant's earlier requests of its calendar month
    (国办函〔2020〕109号第四条: 按件, counted per applicant and calendar month)."""
    received = request.received_on
    if received is None:
        raise ValidationError("收到申请之日尚未确认，不能计算信息处理费。")
    month = Request.objects.filter(
        received_on__year=received.year, received_on__month=received.month, **_same_applicant(request),
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
    request = _lock(request)
    _require(Step.FEE, request, actor)
    if request.events.filter(kind=EventKind.FEE_NOTICE).exists():
        raise ValidationError("本申请已送达过收费通知。")
    fee = assess_fee(request, foifee.FeeMethod(method), pages)
    if fee.total == 0:
        raise ValidationError("按国办函〔2020〕109号的标准，本申请不收费：" + "；".join(fee.describe()))
    day = _law_date(on, request, "收费通知送达之日", reason=date_reason)
    before = _summary(request)
    request.status, request.fee_amount = Status.AWAITING_FEE, fee.total
    event = _event(request, EventKind.FEE_NOTICE, day, actor, note="；".join(fee.describe()),
                   method=fee.method.value, amount=fee.total)
    _save(request)
    _audit("foi_fee_notice", request, before, amount=fee.total, method=fee.method.value)
    return event


@transaction.atomic
def record_payment(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> RequestEvent:
    request = _lock(request)
    _require(Step.PAID, request, actor)
    day = _law_date(on, request, "缴费日期", reason=date_reason)
    before = _summary(request)
    request.status = Status.PROCESSING
    event = _event(request, EventKind.FEE_PAID, day, actor, amount=request.fee_amount)
    _save(request)
    _audit("foi_fee_paid", request, before, amount=request.fee_amount)
    return event


# --- 答复 (第三十六条) ---------------------------------------------------------------------------


@transaction.atomic
def reply(
    request: Request, *, outcome: Outcome | str, text: str, on: date | None = None, date_reason: str = "",
    actor: User | None = None, published_index_number: str = "",
) -> Letter:
    """The reply: exactly one outcome of the annual report's table, and the 答复书; where the
    information is already published (第三十六条第（一）项), the reply points to that record."""
    request = _lock(request)
    _require(Step.REPLY, request, actor)
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise ValidationError("请选择一个办理结果。") from None
    if outcome in ABANDON_OUTCOMES:
        raise ValidationError("“视为放弃”由系统在期限届满后登记，不能作为答复结果。")
    if not text.strip():
        raise ValidationError("请填写答复内容。")
    if open_consultations(request):
        raise ValidationError("还有尚未结束的征求意见，请先登记收到意见或结束征求。")
    day = _law_date(on, request, "答复日期", reason=date_reason)
    if request.received_on is not None and day < request.received_on:
        raise ValidationError("答复日期早于收到申请之日。")
    published = _published_record(published_index_number)
    before = _summary(request)
    request.outcome, request.replied_on, request.status = outcome.value, day, Status.REPLIED
    request.published_record = published
    if published is not None:
        text = (
            f"{text.strip()}\n该信息已主动公开：《{published.title}》（索引号：{published.index_number}），"
            f"可在本机关门户网站“政府信息公开”栏目查阅，网址：{reverse('records:record', args=[published.pk])}。"
        )
    _event(request, EventKind.REPLIED, day, actor, note=outcome.label, outcome=outcome.value)
    _save(request)
    _audit("foi_request_replied", request, before)
    values = {
        "答复结果": outcome.label, "法律依据": letters.article_text(outcome.info.article),
        "答复内容": text.strip(),
    }
    return _issue_letter(request, LetterKind.REPLY, on=day, actor=actor, values=values)


def _published_record(index_number: str) -> Record | None:
    if not index_number.strip():
        return None
    # 第三十六条第（一）项 points the applicant to the record: the public must be able to open it.
    record = Record.objects.filter(
        Record.public_q(), index_number=index_number.strip(), status=RecordStatus.PUBLISHED,
    ).exclude(audience=Audience.APPLICANT).first()
    if record is None:
        raise ValidationError(f"没有找到索引号为“{index_number.strip()}”、公众可以查阅的已公开信息，请核对。")
    return record


def outcome_group(request: Request) -> OutcomeGroup | None:
    return Outcome(request.outcome).info.group if request.outcome else None


# --- letters -----------------------------------------------------------------------------------


def default_prefix(unit: Unit) -> str:
    """"肇庆市财政局" → "肇财依复": the city's first character and the department's."""
    name = unit.name.replace("人民政府", "")
    for marker in ("市", "县", "区"):
        head, sep, tail = name.partition(marker)
        if sep and head and tail:
            return f"{head[0]}{tail[0]}依复"
    return f"{name[:2]}依复"


def _series(unit: Unit, year: int) -> LetterSeries:
    """This year's series of ``unit``, locked; created with last year's 机关代字 if new."""
    series = LetterSeries.objects.select_for_update().filter(unit=unit, year=year).first()
    if series is not None:
        return series
    previous = LetterSeries.objects.filter(unit=unit).order_by("-year").first()
    prefix = previous.prefix if previous else default_prefix(unit)
    try:
        with transaction.atomic():
            return LetterSeries.objects.create(unit=unit, year=year, prefix=prefix)
    except IntegrityError:  # another transaction created it first (PostgreSQL)
        return LetterSeries.objects.select_for_update().get(unit=unit, year=year)


def allocate_number(unit: Unit, year: int) -> tuple[LetterSeries, int]:
    """The next number of the unit's series: a locked increment, never reused."""
    series = _series(unit, year)
    LetterSeries.objects.filter(pk=series.pk).update(last_serial=F("last_serial") + 1)
    series.refresh_from_db(fields=["last_serial"])
    return series, series.last_serial


def _letter_values(request: Request, number: str, issued_on: date) -> dict[str, str]:
    return {
        "申请人": request.applicant_name, "单位名称": request.unit.name, "文号": number,
        "查询码": request.display_code, "收到日期": letters.chinese_date(request.received_on),
        "申请内容": request.description.strip(), "成文日期": letters.chinese_date(issued_on),
    }


@transaction.atomic
def generate_letter(
    request: Request, kind: LetterKind | str, *, on: date | None = None, date_reason: str = "", actor: User | None = None,
    values: Mapping[str, str] | None = None, addressee: str | None = None,
) -> Letter:
    """Number a letter in the unit's series and render it from the office's template (the steps
    issue theirs themselves; this is for a letter made again, e.g. after the template changed)."""
    if actor is not None and not user_may(actor, Step.SERVE, request):
        raise PermissionDenied("您没有权限为该申请制发文书。")
    day = _law_date(on, request, "成文日期", reason=date_reason)
    return _issue_letter(request, kind, on=day, actor=actor, values=values, addressee=addressee)


def _issue_letter(
    request: Request, kind: LetterKind | str, *, on: date, actor: User | None,
    values: Mapping[str, str] | None = None, addressee: str | None = None,
) -> Letter:
    """The letter of a step, dated the step's law date (already checked by the step)."""
    request = _lock(request)
    kind = LetterKind(kind)
    day = on
    series, serial = allocate_number(request.unit, day.year)
    number = series.number(serial)
    template = letters.template_for(kind)
    filled = {**_letter_values(request, number, day), **(values or {})}
    content = letters.render_docx(
        letters.fill(template.title, filled), number, letters.fill(template.body, filled),
        request.unit.name, day,
    )
    letter = Letter.objects.create(
        request=request, kind=kind, series=series, serial=serial, number=number,
        addressee=(addressee or request.applicant_name)[:100], issued_on=day, content=content,
        created_by=actor,
    )
    _event(request, EventKind.LETTER_ISSUED, day, actor, note=f"{kind.label} {number}",
           kind=kind.value, letter=letter.pk, number=number)
    _save(request)  # an extension notice is the applicant's notification (第三十三条第二款)
    record("foi_letter_issued", letter, after={"kind": kind.value, "number": number, "request": request.tracking_code})
    return letter


@transaction.atomic
def record_service(
    letter: Letter, *, method: ServiceMethod | str, served_on: date, signed_on: date | None = None, date_reason: str = "",
    actor: User | None = None,
) -> Letter:
    """送达: how the letter reached its addressee and the day they signed for it."""
    request = _lock(letter.request)
    _require(Step.SERVE, request, actor)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    try:
        method = ServiceMethod(method)
    except ValueError:
        raise ValidationError("请选择送达方式。") from None
    _law_date(served_on, request, "送达日期", reason=date_reason)
    if served_on < letter.issued_on:
        raise ValidationError("送达日期早于文书的成文日期。")
    if signed_on is not None and (signed_on < served_on or signed_on > dates.today()):
        raise ValidationError("签收日期应在送达日期之后、今天之前。")
    before = {"service_method": letter.service_method, "served_on": letter.served_on, "signed_on": letter.signed_on}
    letter.service_method, letter.served_on, letter.signed_on = method.value, served_on, signed_on
    letter.save(update_fields=["service_method", "served_on", "signed_on"])
    _event(request, EventKind.LETTER_SERVED, served_on, actor, note=f"{letter.number}：{method.label}",
           letter=letter.pk, method=method.value, signed_on=signed_on)
    _save(request)  # a consultation letter's service starts the party's days; a reply's decides lateness
    record("foi_letter_served", letter, before=before, after={
        "service_method": method.value, "served_on": served_on, "signed_on": signed_on,
    })
    return letter


def _require_office(actor: User | None) -> None:
    policy.require_manage(actor or SYSTEM, "只有公开办管理员可以修改文书模板和文号。")


@transaction.atomic
def save_letter_template(kind: LetterKind | str, *, title: str, body: str, actor: User | None = None) -> LetterTemplate:
    _require_office(actor)
    unknown = letters.unknown_placeholders(title + body)
    if unknown:
        names = "、".join("{" + name + "}" for name in unknown)
        raise ValidationError(f"模板中有无法识别的占位符：{names}。")
    if not title.strip() or not body.strip():
        raise ValidationError("标题和正文都不能为空。")
    kind = LetterKind(kind)
    current = letters.template_for(kind)
    before = {"title": current.title, "body": current.body}
    template, _ = LetterTemplate.objects.update_or_create(
        kind=kind, defaults={"title": title.strip(), "body": body.strip(), "updated_by": actor},
    )
    record("foi_letter_template_saved", template, before=before, after={"title": template.title, "body": template.body})
    return template


@transaction.atomic
def reset_letter_template(kind: LetterKind | str, *, actor: User | None = None) -> None:
    _require_office(actor)
    template = LetterTemplate.objects.filter(kind=kind).first()
    if template is not None:
        record("foi_letter_template_reset", template, before={"title": template.title, "body": template.body})
        template.delete()


@transaction.atomic
def set_letter_prefix(unit: Unit, prefix: str, *, year: int | None = None, actor: User | None = None) -> LetterSeries:
    """The 机关代字 of the unit's series from this year on (numbers already given stay)."""
    _require_office(actor)
    prefix = prefix.strip()
    if not prefix or any(char in prefix for char in "〔〕[]（）()号"):
        raise ValidationError("机关代字不能为空，也不含括号、年份或“号”，如“肇财依复”。")
    series = _series(unit, year or dates.today().year)
    before = {"prefix": series.prefix}
    series.prefix = prefix
    series.save(update_fields=["prefix"])
    record("foi_letter_prefix_set", series, before=before, after={"prefix": prefix})
    return series


# --- the holiday table changed --------------------------------------------------------------------


def recompute_due_dates(years: Iterable[int] | None = None) -> int:
    """Recompute the due date of the open requests whose period may cross ``years`` (all when
    None); each change is audited and noted in the request's history. Returns how many changed."""
    calendar = working_calendar()
    changed = 0
    open_requests = Request.objects.filter(status__in=OPEN_STATUSES, received_on__isnull=False)
    years = sorted(years or ())
    if years:  # a period that ended before the first changed year cannot move
        open_requests = open_requests.filter(received_on__year__lte=years[-1]).exclude(
            due_on__lt=date(years[0], 1, 1),
        )
    for pk in open_requests.values_list("pk", flat=True):
        with transaction.atomic():
            changed += _recompute_one(pk, calendar)
    return changed


def _recompute_one(pk: int, calendar: WorkingCalendar) -> int:
    request = Request.objects.select_for_update().select_related("unit").get(pk=pk)
    old = request.due_on
    try:
        refresh_due_on(request, calendar)
    except ClockError:
        return 0  # events that no longer compute are shown on the request page, not guessed at
    if request.due_on == old:
        return 0
    request.save(update_fields=["due_on"])
    _event(request, EventKind.DUE_RECOMPUTED, dates.today(), None,
           note="节假日安排调整，答复期限重新计算", before=old, after=request.due_on)
    record("foi_due_recomputed", request, before={"due_on": old}, after={"due_on": request.due_on})
    return 1
