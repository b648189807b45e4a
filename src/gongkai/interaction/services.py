"""Every write of a public message: filed online or registered by staff, routed by the rule or by
the office, sent on or back by a unit, replied (through the unit's reviewer when its rule says
so), rated by its sender. Each is one transaction with its event and its audit row (STYLE.md
habit 2); a refused step leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.audit.log import record
from gongkai.calendars.service import working_calendar
from gongkai.foi import codes, dates
from gongkai.interaction.clock import refresh_due_on
from gongkai.interaction.models import (
    OPEN_STATUSES,
    Channel,
    EventKind,
    Message,
    MessageEvent,
    Rating,
    ReplyRule,
    RoutingKeyword,
    Status,
)
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import Action, ServiceActor, policy
from gongkai.orgs.registry import build_registry
from gongkai.rules import interaction as rules

SENDER_FIELDS = ("kind", "subject", "text", "name", "phone", "email", "may_publish")


# --- helpers -----------------------------------------------------------------------------------


def _lock(message: Message) -> Message:
    return Message.objects.select_for_update(of=("self",)).select_related("unit").get(pk=message.pk)


def _label(user: User | None, by: str = "") -> str:
    return (by or (str(user) if user is not None else "系统"))[:150]


def _event(message: Message, kind: EventKind, user: User | None, note: str = "", *, by: str = "",
           on: date | None = None, **data: Any) -> MessageEvent:
    return MessageEvent.objects.create(
        message=message, kind=kind, on=on or dates.today(), actor=user, actor_label=_label(user, by),
        note=note, data=data,
    )


def _summary(message: Message) -> dict[str, Any]:
    return {
        "status": message.status, "unit": message.unit.name if message.unit else "",
        "due_on": message.due_on, "replied_on": message.replied_on, "rating": message.rating,
    }


def _save_clock(message: Message) -> None:
    try:
        refresh_due_on(message)
    except rules.MessageError as error:
        raise ValidationError(str(error)) from None
    message.save()


def _audit(action: str, message: Message, before: Mapping[str, Any] | None, **extra: Any) -> None:
    record(action, message, before=before, after={**_summary(message), **extra})


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _require_status(message: Message, statuses: tuple[Status, ...], what: str) -> None:
    if message.status not in statuses:
        raise ValidationError(f"留言当前为“{message.get_status_display()}”，不能{what}。")


def _reason(text: str, what: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(f"请填写{what}。")
    return cleaned


# --- filing --------------------------------------------------------------------------------------


def submit_message(details: Mapping[str, Any], *, token: str | None = None) -> Message:
    """The public form. A repeated ``token`` (the same form sent twice) returns the message already
    stored; the caller shows the tracking code only after this returns, i.e. after the commit."""
    if token and (existing := Message.objects.filter(submission_token=token).first()) is not None:
        return existing
    try:
        return _file(details, channel=Channel.ONLINE, received_on=dates.today(), user=None, token=token)
    except IntegrityError:  # the same form at the same moment: the first one won
        if token:
            return Message.objects.get(submission_token=token)
        raise


def register_message(details: Mapping[str, Any], *, channel: Channel | str, received_on: date,
                     unit: Unit | None = None, actor: ServiceActor | None) -> Message:
    """Staff enter a 12345 hand-off, a telephone message or a letter on the same path: the office
    for any unit (or for the rule to route), a unit's clerk for their own unit."""
    user = policy.require_actor(actor)
    if user is not None and not policy.may_manage(user):
        _require(unit is not None and policy.may(user, Action.CHANGE, unit), "只能为本单位登记留言。")
    if received_on > dates.today():
        raise ValidationError(f"收到日期 {received_on.isoformat()} 晚于今天，不能预先登记。")
    return _file(details, channel=Channel(channel), received_on=received_on, user=user, unit=unit)


def _file(details: Mapping[str, Any], *, channel: Channel, received_on: date, user: User | None,
          token: str | None = None, unit: Unit | None = None) -> Message:
    values = {name: details[name] for name in SENDER_FIELDS if name in details}
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return _insert(values, channel, received_on, user, token, unit)
        except IntegrityError:
            if token and Message.objects.filter(submission_token=token).exists():
                raise
    raise RuntimeError("无法生成不重复的查询码")  # pragma: no cover


def _insert(values: Mapping[str, Any], channel: Channel, received_on: date, user: User | None,
            token: str | None, unit: Unit | None) -> Message:
    message = Message.objects.create(
        tracking_code=codes.new_code(), channel=channel, received_at=timezone.now(), received_on=received_on,
        submission_token=token or None, created_by=user, **values,
    )
    online = channel == Channel.ONLINE
    _event(message, EventKind.SUBMITTED if online else EventKind.REGISTERED, user,
           by="留言人" if online else "", on=received_on, channel=channel.value)
    if unit is not None:
        message.unit, message.status, message.routing_note = unit, Status.PROCESSING, "登记时指定"
        _event(message, EventKind.ROUTED, user, on=received_on, target=unit.name)
    else:
        _route_by_rule(message)
    _save_clock(message)
    _audit("message_submitted" if online else "message_registered", message, None,
           code=message.tracking_code, channel=channel.value)
    return message


def _route_by_rule(message: Message) -> None:
    """The rule's routing (``rules.interaction.routing``), when it names one unit; else the message
    waits in the office for routing by hand, with the reason."""
    registry = build_registry()
    roots = [unit.key for unit in registry.units if unit.parent is None]
    keywords = [rules.KeywordRule(keyword, key)
                for keyword, key in RoutingKeyword.objects.values_list("keyword", "unit__key")]
    routing = rules.route_message(
        f"{message.subject}\n{message.text}", registry, keywords, within=roots[0] if len(roots) == 1 else None,
    )
    message.routing_note = routing.reason[:200]
    if routing.unit_key is None:
        return
    message.unit = Unit.objects.get(key=routing.unit_key)
    message.status = Status.PROCESSING
    _event(message, EventKind.AUTO_ROUTED, None, routing.reason, on=message.received_on, target=message.unit.name)


# --- routing and transfers -----------------------------------------------------------------------


@transaction.atomic
def route(message: Message, unit: Unit, *, actor: ServiceActor | None, restart: bool = False,
          note: str = "") -> Message:
    """The office routes (or re-routes) the message. The clock keeps running unless the office
    decides here that it restarts for the new unit (DOMAIN.md section 5)."""
    user = policy.require_manage(actor, "只有公开办可以分办留言。")
    message = _lock(message)
    _require_status(message, (Status.UNROUTED, Status.PROCESSING), "分办")
    if message.unit_id == unit.pk:
        raise ValidationError(f"留言已由{unit.name}办理。")
    before = _summary(message)
    message.unit, message.status, message.routing_note = unit, Status.PROCESSING, "公开办分办"
    _event(message, EventKind.ROUTED, user, note.strip(), target=unit.name, restart=restart)
    _save_clock(message)
    _audit("message_routed", message, before, restart=restart, note=note.strip())
    return message


@transaction.atomic
def transfer(message: Message, unit: Unit, *, actor: ServiceActor | None, reason: str) -> Message:
    """A unit sends the message on to the unit that should answer it; the clock keeps running."""
    user = policy.require_actor(actor)
    message = _lock(message)
    _require(user is None or policy.may(user, Action.CHANGE, message), "只能转办本单位的留言。")
    _require_status(message, (Status.PROCESSING,), "转办")
    if message.unit_id == unit.pk:
        raise ValidationError("不能转办给本单位。")
    reason = _reason(reason, "转办理由")
    before = _summary(message)
    source = message.unit.name if message.unit else ""
    message.unit = unit
    _event(message, EventKind.TRANSFERRED, user, reason, source=source, target=unit.name)
    _save_clock(message)
    _audit("message_transferred", message, before, reason=reason)
    return message


@transaction.atomic
def send_back(message: Message, *, actor: ServiceActor | None, reason: str) -> Message:
    """A unit returns a message that is not its own to the office, which routes it again."""
    user = policy.require_actor(actor)
    message = _lock(message)
    _require(user is None or policy.may(user, Action.CHANGE, message), "只能退回本单位的留言。")
    _require_status(message, (Status.PROCESSING,), "退回")
    reason = _reason(reason, "退回理由")
    before = _summary(message)
    source = message.unit.name if message.unit else ""
    message.unit, message.status, message.routing_note = None, Status.UNROUTED, f"{source}退回：{reason}"[:200]
    _event(message, EventKind.SENT_BACK, user, reason, source=source)
    _save_clock(message)
    _audit("message_sent_back", message, before, reason=reason)
    return message


# --- replies ---------------------------------------------------------------------------------------


def review_required(unit: Unit) -> bool:
    rule = ReplyRule.objects.filter(unit=unit).first()
    return rule is not None and rule.review_required


@transaction.atomic
def reply(message: Message, text: str, *, actor: ServiceActor | None) -> Message:
    """The unit's clerk answers: sent at once, or to the unit's reviewer when its rule says so."""
    user = policy.require_actor(actor)
    message = _lock(message)
    _require(user is None or policy.may(user, Action.CHANGE, message), "只能答复本单位的留言。")
    _require_status(message, (Status.PROCESSING,), "答复")
    assert message.unit is not None  # PROCESSING messages always have a unit
    before = _summary(message)
    message.reply_text = _reason(text, "答复内容")
    if review_required(message.unit):
        message.status = Status.IN_REVIEW
        _event(message, EventKind.REPLY_SUBMITTED, user)
        message.save()
        _audit("message_reply_submitted", message, before)
        return message
    return _send_reply(message, user, before)


def _send_reply(message: Message, user: User | None, before: Mapping[str, Any]) -> Message:
    message.status, message.replied_on, message.replied_by = Status.REPLIED, dates.today(), message.unit
    message.rating = ""
    _event(message, EventKind.REPLIED, user)
    _save_clock(message)
    _audit("message_replied", message, before)
    return message


@transaction.atomic
def approve_reply(message: Message, *, actor: ServiceActor | None) -> Message:
    user = policy.require_actor(actor)
    message = _lock(message)
    _require(user is None or policy.may(user, Action.REVIEW, message), "只有本单位的审核人可以审核答复。")
    _require_status(message, (Status.IN_REVIEW,), "审核答复")
    return _send_reply(message, user, _summary(message))


@transaction.atomic
def return_reply(message: Message, *, actor: ServiceActor | None, reason: str) -> Message:
    user = policy.require_actor(actor)
    message = _lock(message)
    _require(user is None or policy.may(user, Action.REVIEW, message), "只有本单位的审核人可以退回答复。")
    _require_status(message, (Status.IN_REVIEW,), "退回答复")
    reason = _reason(reason, "退回意见")
    before = _summary(message)
    message.status = Status.PROCESSING
    _event(message, EventKind.REPLY_RETURNED, user, reason)
    message.save()
    _audit("message_reply_returned", message, before, reason=reason)
    return message


# --- the sender's rating ---------------------------------------------------------------------------


@transaction.atomic
def rate(message: Message, rating: Rating | str) -> Message:
    """The sender rates the reply (whoever holds the tracking code); 不满意 reopens the message
    once, with a new reply period from today."""
    message = _lock(message)
    rating = Rating(rating)
    _require_status(message, (Status.REPLIED,), "评价")
    if message.rating:
        raise ValidationError("已对本次答复作出评价，不能重复评价。")
    before = _summary(message)
    message.rating = rating
    _event(message, EventKind.RATED, None, by="留言人", rating=rating.value)
    reopened = rating == Rating.UNSATISFIED and not message.events.filter(kind=EventKind.REOPENED).exists()
    if reopened:
        message.status, message.replied_on = Status.PROCESSING, None
        _event(message, EventKind.REOPENED, None, "留言人对答复不满意", by="留言人")
    _save_clock(message)
    _audit("message_rated", message, before, reopened=reopened)
    return message


# --- the office's configuration --------------------------------------------------------------------


@transaction.atomic
def set_review_rule(unit: Unit, required: bool, *, actor: ServiceActor | None) -> ReplyRule:
    policy.require_manage(actor, "只有公开办可以设置答复审核规则。")
    rule, _ = ReplyRule.objects.select_for_update().get_or_create(unit=unit, defaults={"review_required": required})
    before = {"review_required": rule.review_required}
    rule.review_required = required
    rule.save()
    record("message_review_rule_set", rule, before=before, after={"review_required": required})
    return rule


@transaction.atomic
def add_keyword(keyword: str, unit: Unit, *, actor: ServiceActor | None) -> RoutingKeyword:
    policy.require_manage(actor, "只有公开办可以设置分办关键词。")
    cleaned = _reason(keyword, "关键词")
    if RoutingKeyword.objects.filter(keyword=cleaned).exists():
        raise ValidationError(f"关键词“{cleaned}”已设置。")
    row = RoutingKeyword.objects.create(keyword=cleaned, unit=unit)
    record("message_keyword_added", row, after={"keyword": cleaned, "unit": unit.name})
    return row


# --- the holiday table changed --------------------------------------------------------------------


def recompute_due_dates(years: Iterable[int] | None = None) -> int:
    """Recompute the due date of the open messages whose period may cross ``years`` (all when
    None), one transaction each; each change is audited. Returns how many changed."""
    calendar = working_calendar()
    changed = 0
    open_messages = Message.objects.filter(status__in=OPEN_STATUSES)
    chosen = sorted(years or ())
    if chosen:  # a period that ended before the first changed year cannot move
        open_messages = open_messages.filter(received_on__year__lte=chosen[-1]).exclude(
            due_on__lt=date(chosen[0], 1, 1),
        )
    for pk in open_messages.values_list("pk", flat=True):
        with transaction.atomic():
            message = Message.objects.select_for_update(of=("self",)).get(pk=pk)
            before = _summary(message)
            try:
                refresh_due_on(message, calendar)
            except rules.MessageError:
                continue  # events that no longer compute are shown on the message page, not guessed at
            if message.due_on != before["due_on"]:
                message.save(update_fields=["due_on"])
                _audit("message_due_recomputed", message, before, reason="放假安排调整")
                changed += 1
    return changed
