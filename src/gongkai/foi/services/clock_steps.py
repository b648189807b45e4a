"""The steps that move the reply clock: 补正 (第三十条), 视为放弃, the one extension (第三十三条第二款),
consultations (第三十二条、第三十三条第三款), and the recomputation when the holiday table changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.log import record
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates, letters
from gongkai.foi.clock import clock_rules, refresh_due_on, request_clock
from gongkai.foi.models import (
    OPEN_STATUSES,
    EventKind,
    Letter,
    LetterKind,
    Request,
    RequestEvent,
    Status,
)
from gongkai.foi.services.common import (
    actor_label,
    add_event,
    audit_step,
    law_date,
    lock,
    require_step,
    save_clock,
    summary,
)
from gongkai.foi.services.issuing import issue_letter
from gongkai.foi.transitions import Step
from gongkai.orgs.models import User
from gongkai.orgs.policy import policy
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock import (
    ClockError,
    PauseKind,
    third_party_reply_due,
)
from gongkai.rules.foioutcomes import Outcome
from gongkai.rules.textcodec import without_control_characters

# --- 补正 (第三十条) -----------------------------------------------------------------------------


@transaction.atomic
def request_amendment(
    request: Request, *, what: str, reply_by: date | None = None, on: date | None = None, date_reason: str = "",
    late_reason: str = "", actor: User | None = None,
) -> Letter:
    """The one-time 补正 notice, with the applicant's deadline; issues the 补正告知书. 第三十条 allows
    it within 7 working days of receipt: later, only by the office's explicit decision
    (``late_reason``, an office admin), recorded and shown as late."""
    request = lock(request)
    require_step(Step.AMEND, request, actor)
    if not what.strip():
        raise ValidationError("请写明需要补正的内容。")
    day = law_date(on, request, "告知日期", reason=date_reason)
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
    before = summary(request)
    request.status = Status.AWAITING_AMENDMENT
    extra = {"late": True, "late_reason": late_reason.strip()} if late else {}
    add_event(request, EventKind.AMENDMENT_REQUESTED, day, actor, note=what.strip(), reply_by=reply_by, **extra)
    save_clock(request, calendar)
    audit_step("foi_amendment_requested", request, before, reply_by=reply_by, **extra)
    values = {"补正内容": what.strip(), "补正期限": letters.chinese_date(reply_by)}
    return issue_letter(request, LetterKind.AMENDMENT, on=day, actor=actor, values=values)


@transaction.atomic
def receive_amendment(
    request: Request, *, text: str, on: date | None = None, date_reason: str = "", actor: User | None = None,
    by_applicant: bool = False,
) -> Request:
    """The amended request arrived: the reply period restarts in full from this day."""
    request = lock(request)
    require_step(Step.AMENDED, request, None if by_applicant else actor)
    text = without_control_characters(text)
    if not text.strip():
        raise ValidationError("请填写补正的内容。")
    day = dates.today() if by_applicant else law_date(on, request, "收到补正之日", reason=date_reason)
    before = summary(request)
    request.description = f"{request.description}\n（补正 {day.isoformat()}）{text.strip()}"
    request.status = Status.PROCESSING
    note = ("申请人在线提交补正：" if by_applicant else "") + text.strip()
    add_event(request, EventKind.AMENDED, day, actor, note=note, by="申请人" if by_applicant else "")
    save_clock(request)
    audit_step("foi_amendment_received", request, before, by_applicant=by_applicant)
    return request


@transaction.atomic
def mark_abandoned(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> Request:
    """视为放弃: the applicant let the 补正 (第三十条) or payment (109号) deadline pass."""
    request = lock(request)
    require_step(Step.ABANDON, request, actor)
    day = law_date(on, request, reason=date_reason)
    clock = request_clock(request)
    if clock.abandon_on is None or day < clock.abandon_on:
        when = clock.abandon_on.isoformat() if clock.abandon_on else "—"
        raise ValidationError(f"期限尚未届满：{when} 起才能按视为放弃处理。")
    before = summary(request)
    request.status = Status.ABANDONED
    request.outcome = (clock.abandon_outcome or Outcome.OTHER_NOT_AMENDED).value
    add_event(request, EventKind.ABANDONED, day, actor, note=Outcome(request.outcome).label)
    save_clock(request)
    audit_step("foi_request_abandoned", request, before)
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
    request = lock(request)
    require_step(Step.EXTEND, request, actor)
    most = clock_rules().max_extension_workdays
    if not 1 <= workdays <= most:
        raise ValidationError(f"延长的期限应为1至{most}个工作日（第三十三条第二款）。")
    if not reason.strip():
        raise ValidationError("请写明延期的理由。")
    if request_clock(request).extension is not None:
        raise ValidationError("答复期限只能延长一次（第三十三条第二款），本申请已经延期。")
    if pending_extension(request) is not None:
        raise ValidationError("已有待审批的延期申请。")
    day = law_date(on, request, reason=date_reason)
    event = add_event(request, EventKind.EXTENSION_REQUESTED, day, actor, note=reason.strip(), workdays=workdays)
    audit_step("foi_extension_requested", request, None, workdays=workdays, reason=reason.strip())
    return event


@transaction.atomic
def approve_extension(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> Letter:
    """The office head (reviewer) agrees; the 延期答复告知书 tells the applicant."""
    request = lock(request)
    require_step(Step.DECIDE_EXTENSION, request, actor)
    asked = pending_extension(request)
    if asked is None:
        raise ValidationError("没有待审批的延期申请。")
    day = law_date(on, request, "批准日期", reason=date_reason)
    before = summary(request)
    old = request_clock(request)
    if old.normal_due_on is not None and day > old.normal_due_on:
        raise ValidationError(f"原答复期限 {old.normal_due_on.isoformat()} 已过，不能再延期。")
    workdays = int(asked.data["workdays"])
    approver = actor_label(actor) if actor is not None else "政府信息公开工作机构负责人"
    add_event(request, EventKind.EXTENSION_APPROVED, day, actor, note=asked.note,
           workdays=workdays, approved_by=approver)
    clock = save_clock(request)
    audit_step("foi_extension_approved", request, before, workdays=workdays, approved_by=approver)
    values = {
        "延期理由": asked.note, "延期工作日": str(workdays),
        "原答复期限": letters.chinese_date(clock.normal_due_on),
        "延长后答复期限": letters.chinese_date(clock.due_on),
    }
    return issue_letter(request, LetterKind.EXTENSION, on=day, actor=actor, values=values)


@transaction.atomic
def refuse_extension(request: Request, *, note: str = "", on: date | None = None, date_reason: str = "",
                     actor: User | None = None) -> RequestEvent:
    request = lock(request)
    require_step(Step.DECIDE_EXTENSION, request, actor)
    if pending_extension(request) is None:
        raise ValidationError("没有待审批的延期申请。")
    event = add_event(request, EventKind.EXTENSION_REFUSED, law_date(on, request, reason=date_reason), actor, note=note.strip())
    audit_step("foi_extension_refused", request, None, note=note.strip())
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
    request = lock(request)
    require_step(Step.CONSULT, request, actor)
    kind = PauseKind(kind)
    if kind not in (PauseKind.THIRD_PARTY, PauseKind.OTHER_AGENCY) or not party.strip():
        raise ValidationError("请选择征求意见的类型并填写第三方或其他机关的名称。")
    day = law_date(on, request, "发出征求意见之日", reason=date_reason)
    before = summary(request)
    calendar = working_calendar()
    event = add_event(request, EventKind.CONSULTATION_STARTED, day, actor, note=party.strip(),
                   pause=kind.value, party=party.strip())
    save_clock(request, calendar)
    audit_step("foi_consultation_started", request, before, party=party.strip(), kind=kind.value)
    if kind is PauseKind.THIRD_PARTY:
        values = {"申请人": party.strip(), "意见期限": letters.chinese_date(third_party_reply_due(day, calendar, clock_rules()))}
        issue_letter(request, LetterKind.CONSULTATION, on=day, actor=actor, values=values, addressee=party.strip())
    return event


@transaction.atomic
def end_consultation(
    request: Request, started: RequestEvent | int, *, result: str = "", on: date | None = None, date_reason: str = "",
    actor: User | None = None,
) -> RequestEvent:
    request = lock(request)
    require_step(Step.END_CONSULT, request, actor)
    started_id = started if isinstance(started, int) else started.pk
    opening = next((e for e in open_consultations(request) if e.pk == started_id), None)
    if opening is None:
        raise ValidationError("没有找到尚未结束的征求意见。")
    day = law_date(on, request, "收到意见之日", reason=date_reason)
    if day < opening.on:
        raise ValidationError("结束日期早于开始征求意见之日。")
    before = summary(request)
    event = add_event(request, EventKind.CONSULTATION_ENDED, day, actor, note=result.strip(),
                   started=opening.pk, party=opening.data.get("party", ""))
    save_clock(request)
    audit_step("foi_consultation_ended", request, before, party=opening.data.get("party", ""))
    return event




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
    add_event(request, EventKind.DUE_RECOMPUTED, dates.today(), None,
           note="节假日安排调整，答复期限重新计算", before=old, after=request.due_on)
    record("foi_due_recomputed", request, before={"due_on": old}, after={"due_on": request.due_on})
    return 1
