"""Filing a request: online (第二十九条), registered by staff from another channel with the receipt
rule of 第三十一条, its receipt confirmed, and its transfer to the unit that holds the information.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.audit.log import record
from gongkai.calendars.service import working_calendar
from gongkai.foi import codes, dates
from gongkai.foi.clock import refresh_due_on
from gongkai.foi.models import (
    Channel,
    EventKind,
    Request,
    Status,
)
from gongkai.foi.services.common import (
    APPLICANT_FIELDS,
    add_event,
    audit_step,
    law_date,
    lock,
    require_step,
    save_clock,
    summary,
)
from gongkai.foi.transitions import Step
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import Action, policy
from gongkai.pause import pause_point
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock import Channel as RuleChannel
from gongkai.rules.foiclock import (
    ClockError,
    receipt_date,
)
from gongkai.rules.textcodec import without_control_characters

# --- filing ------------------------------------------------------------------------------------


def _store_proof(id_proof: UploadedFile | None, code: str, extension: str) -> str:
    """Write the identity proof under the tracking code (never under the name the applicant gave);
    done before the transaction, so that no disk write happens while holding the write lock."""
    if id_proof is None:
        return ""
    field = Request._meta.get_field("id_proof")
    return default_storage.save(field.generate_filename(None, f"{code}.{extension or 'bin'}"), id_proof)


PROOF_DIRECTORY = "foi/id-proof"


def sweep_orphan_proofs(older_than: timedelta = timedelta(hours=1)) -> int:
    """Delete identity proofs no request holds, written more than ``older_than`` ago: a server
    killed between writing the proof and committing its request (``submit_request``) leaves one,
    and it is an applicant's personal data that nobody would ever see or delete. Walks the storage
    through Django's storage API (a shared directory or an object store alike); one audit row
    names what was deleted. Returns how many."""
    held = set(Request.objects.exclude(id_proof="").values_list("id_proof", flat=True))
    before = timezone.now() - older_than
    removed = [name for name in _stored(PROOF_DIRECTORY)
               if name not in held and default_storage.get_modified_time(name) <= before]
    for name in removed:
        default_storage.delete(name)
    if removed:
        with transaction.atomic():
            record("orphan_proofs_swept", object_type="foi.id_proof", object_repr=f"{len(removed)} 个",
                   after={"files": removed})
    return len(removed)


def _stored(directory: str) -> list[str]:
    """Every file under ``directory`` in the default storage, by name."""
    if not default_storage.exists(directory):
        return []
    folders, files = default_storage.listdir(directory)
    return [f"{directory}/{name}" for name in files] + [
        name for folder in folders for name in _stored(f"{directory}/{folder}")
    ]


def _discard(name: str) -> None:
    if name:
        default_storage.delete(name)


def _new_request(details: Mapping[str, Any], *, code: str, proof_name: str, calendar: WorkingCalendar,
                 **fields: Any) -> Request:
    """Insert the request, its due date already computed (a new request's only event, its receipt,
    does not move the clock); a new code in the (astronomically rare) collision.

    An IntegrityError on the submission token is the same form sent twice: it goes to the caller.
    """
    # What no letter can hold (and PostgreSQL cannot store: NUL) never reaches the record, whoever
    # calls: the forms drop it too.
    values = {
        name: without_control_characters(value) if isinstance(value, str) else value
        for name, value in ((name, details[name]) for name in APPLICANT_FIELDS if name in details)
    }
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
    pause_point("upload_received")
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
    add_event(request, EventKind.SUBMITTED, today, None, note=receipt.describe(), by="申请人")
    audit_step("foi_request_submitted", request, None, code=request.tracking_code, channel=request.channel)
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
    law_date(arrived_on, what="申请到达之日", reason=date_reason)
    for day, what in ((signed_on, "签收日期"), (confirmed_on, "确认日期")):
        if day is not None:
            law_date(day, what=what, reason=date_reason)
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
    add_event(request, EventKind.REGISTERED, arrived_on, actor, note=receipt.describe(), channel=channel.value)
    audit_step("foi_request_registered", request, None, code=request.tracking_code, channel=channel.value)
    return request


@transaction.atomic
def confirm_receipt(request: Request, *, on: date | None = None, date_reason: str = "", actor: User | None = None) -> Request:
    """第三十一条: the day the office confirmed with the applicant (or signed for the letter)."""
    request = lock(request)
    require_step(Step.CONFIRM, request, actor)
    day = law_date(on, request, "确认日期", reason=date_reason)
    before = summary(request)
    receipt = receipt_date(
        RuleChannel(request.channel), arrived_on=request.arrived_on, confirmed_on=day,
        signed_on=day if request.channel == Channel.SIGNED_MAIL else None,
    )
    request.received_on, request.status = receipt.received_on, Status.PROCESSING
    add_event(request, EventKind.RECEIPT_CONFIRMED, day, actor, note=receipt.describe())
    save_clock(request)
    audit_step("foi_receipt_confirmed", request, before)
    return request


@transaction.atomic
def transfer_request(request: Request, unit: Unit, *, reason: str = "", actor: User | None = None) -> Request:
    """The office routes the request to the unit that holds the information."""
    request = lock(request)
    require_step(Step.TRANSFER, request, actor)
    if unit.pk == request.unit_id:
        raise ValidationError("申请已由该单位办理。")
    before = summary(request)
    source = request.unit.name
    request.unit = unit
    add_event(request, EventKind.TRANSFERRED, dates.today(), actor, note=reason, source=source, target=unit.name)
    save_clock(request)
    audit_step("foi_request_transferred", request, before, reason=reason)
    return request
