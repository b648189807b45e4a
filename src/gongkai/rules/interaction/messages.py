"""The reply clock of a public message (留言、信箱), its read-time state and the 3-month veto.

The rules (DOMAIN.md section 5):

- No national document sets a general "reply within N working days": it is a per-jurisdiction
  setting (:class:`MessageLimits`). Our defaults: 5 working days for 咨询, 10 for the other kinds
  (杭州市长信箱 ≈ 10; common local values are 5–15).
- Counting is the working-day counting of the whole platform (民法典第二百零一条): the day of
  receipt is not counted, so the reply is due on the Nth working day *after* the day of receipt,
  whatever the hour it arrived.
- The clock keeps running through transfers (a unit sending the message on or back): the public
  waits the same however often the message changes hands. Only the office may decide that a
  transfer restarts it, and then the new period counts from the day of that transfer.
- An unsatisfied rating reopens the message once: a new period of the same length counts from the
  day it was reopened.
- 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号) 单项否决: a 政务咨询类 message left more than
  3 months without a reply, looked for in the year before the check (:func:`over_three_months`).

Pure Python: no Django.
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.calendar import CalendarError, WorkingCalendar


class MessageError(ValueError):
    """Limits or events that cannot describe a real message; the text says why, in Chinese."""


class MessageKind(StrEnum):
    CONSULT = "consult"  # 咨询 (政务咨询类: the one the 3-month veto looks at)
    SUGGEST = "suggest"  # 建议
    COMPLAIN = "complain"  # 投诉
    HELP = "help"  # 求助
    OTHER = "other"  # 其他

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS: Final = MappingProxyType({
    MessageKind.CONSULT: "咨询",
    MessageKind.SUGGEST: "建议",
    MessageKind.COMPLAIN: "投诉",
    MessageKind.HELP: "求助",
    MessageKind.OTHER: "其他",
})


def kind_from_text(text: str) -> MessageKind:
    """A kind from its value (``consult``) or its label (``咨询``)."""
    cleaned = text.strip()
    for kind in MessageKind:
        if cleaned in (kind.value, kind.label):
            return kind
    allowed = "、".join(KIND_LABELS.values())
    raise MessageError(f"留言类型应为{allowed}之一，而不是“{text}”")


# --- the jurisdiction's limits -----------------------------------------------------------------

CONSULT_WORKDAYS: Final = 5
OTHER_WORKDAYS: Final = 10
REMIND_BEFORE: Final = (2,)  # a reminder two working days before the due date
ESCALATE_AFTER: Final = 1  # the office is told on the first working day after the due date
MAX_WORKDAYS: Final = 60  # no jurisdiction promises a reply later than three months


@dataclass(frozen=True)
class MessageLimits:
    """Reply periods in working days per kind, with the reminder and escalation days."""

    consult: int = CONSULT_WORKDAYS
    suggest: int = OTHER_WORKDAYS
    complain: int = OTHER_WORKDAYS
    help: int = OTHER_WORKDAYS
    other: int = OTHER_WORKDAYS
    remind_before: tuple[int, ...] = REMIND_BEFORE
    escalate_after: int = ESCALATE_AFTER

    def __post_init__(self) -> None:
        for kind in MessageKind:
            _check_workdays(f"{kind.label}答复期限", getattr(self, kind.value), 1)
        for days in self.remind_before:
            _check_workdays("提前提醒", days, 1)
        reminders = tuple(sorted(set(self.remind_before), reverse=True))
        object.__setattr__(self, "remind_before", reminders)
        _check_workdays("超期上报", self.escalate_after, 1)

    def workdays(self, kind: MessageKind) -> int:
        value: int = getattr(self, MessageKind(kind).value)
        return value


def _check_workdays(what: str, value: object, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_WORKDAYS:
        raise MessageError(f"{what}应为 {low} 至 {MAX_WORKDAYS} 个工作日：{value!r}")


_LIMIT_NAMES: Final = frozenset(item.name for item in fields(MessageLimits))


def parse_limits(text: str) -> MessageLimits:
    """``咨询=5,投诉=15,remind_before=3+1`` (kinds by label or value) → the limits; unnamed ones
    keep their defaults. Raises :class:`MessageError` with the reason."""
    values: dict[str, object] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        name, _, raw = pair.partition("=")
        name, raw = name.strip(), raw.strip()
        key = name if name in _LIMIT_NAMES else _kind_key(name)
        numbers = raw.split("+")
        if not all(part.isascii() and part.isdigit() for part in numbers):
            raise MessageError(f"期限设置应为“名称=工作日数”，以逗号分隔，而不是“{pair}”")
        values[key] = tuple(int(part) for part in numbers) if key == "remind_before" else int(raw)
    return MessageLimits(**values)  # type: ignore[arg-type]


def _kind_key(name: str) -> str:
    try:
        return kind_from_text(name).value
    except MessageError:
        raise MessageError(f"未知的期限设置“{name}”：应为留言类型（咨询、建议…）、remind_before 或 escalate_after") from None


# --- the clock -----------------------------------------------------------------------------------


class EventKind(StrEnum):
    TRANSFERRED = "transferred"  # sent on or back; ``restart`` only by the office's decision
    REPLIED = "replied"
    REOPENED = "reopened"  # an unsatisfied rating: once


@dataclass(frozen=True)
class ClockEvent:
    kind: EventKind
    on: date
    restart: bool = False  # TRANSFERRED only: the office decided the period restarts


@dataclass(frozen=True)
class Round:
    """One reply period: from ``started_on`` (not counted) to ``due_on``, answered or not."""

    started_on: date
    due_on: date
    replied_on: date | None
    why: str  # 收到留言 / 转办重新计算 / 不满意重新办理

    @property
    def late(self) -> bool:
        return self.replied_on is not None and self.replied_on > self.due_on


@dataclass(frozen=True)
class MessageClock:
    kind: MessageKind
    received_on: date
    workdays: int
    rounds: tuple[Round, ...]
    steps: tuple[str, ...] = field(default=())

    @property
    def current(self) -> Round:
        return self.rounds[-1]

    @property
    def due_on(self) -> date:
        return self.current.due_on

    @property
    def replied_on(self) -> date | None:
        return self.current.replied_on

    @property
    def first_replied_on(self) -> date | None:
        return self.rounds[0].replied_on

    @property
    def is_open(self) -> bool:
        return self.current.replied_on is None

    @property
    def late(self) -> bool:
        """Any period answered after its due date (the unit's statistics count it late)."""
        return any(item.late for item in self.rounds)

    @property
    def reopened(self) -> bool:
        return any(item.why == REOPEN_WHY for item in self.rounds)


RECEIVED_WHY: Final = "收到留言"
RESTART_WHY: Final = "转办后经公开办决定重新计算"
REOPEN_WHY: Final = "评价不满意，重新办理"


def message_clock(
    kind: MessageKind, received_on: date, events: Sequence[ClockEvent],
    calendar: WorkingCalendar, limits: MessageLimits | None = None,
) -> MessageClock:
    """The reply clock from the receipt day and the events in the order they happened."""
    limits = limits or MessageLimits()
    workdays = limits.workdays(kind)
    rounds = [_round(calendar, received_on, workdays, RECEIVED_WHY)]
    steps = [_step(RECEIVED_WHY, received_on, rounds[0].due_on, kind, workdays)]
    last = received_on
    for event in events:
        if event.on < last:
            raise MessageError(f"办理记录的日期 {event.on.isoformat()} 早于前一项 {last.isoformat()}")
        last, current = event.on, rounds[-1]
        if event.kind is EventKind.REPLIED:
            if current.replied_on is not None:
                raise MessageError("留言已答复，不能再次答复（不满意的评价会先重新打开留言）")
            rounds[-1] = Round(current.started_on, current.due_on, event.on, current.why)
            steps.append(f"{event.on.isoformat()} 答复" + ("（逾期）" if rounds[-1].late else "（按期）"))
        elif event.kind is EventKind.TRANSFERRED:
            if current.replied_on is not None:
                raise MessageError("留言已答复，不能再转办")
            if event.restart:
                rounds[-1] = _round(calendar, event.on, workdays, RESTART_WHY)
                steps.append(_step(RESTART_WHY, event.on, rounds[-1].due_on, kind, workdays))
            else:
                steps.append(f"{event.on.isoformat()} 转办，答复期限连续计算，仍为 {current.due_on.isoformat()}")
        else:
            if current.replied_on is None:
                raise MessageError("留言尚未答复，不能因评价重新打开")
            if any(item.why == REOPEN_WHY for item in rounds):
                raise MessageError("不满意的评价只能重新打开留言一次")
            rounds.append(_round(calendar, event.on, workdays, REOPEN_WHY))
            steps.append(_step(REOPEN_WHY, event.on, rounds[-1].due_on, kind, workdays))
    return MessageClock(kind, received_on, workdays, tuple(rounds), tuple(steps))


def _round(calendar: WorkingCalendar, start: date, workdays: int, why: str) -> Round:
    try:
        return Round(start, calendar.add_workdays(start, workdays), None, why)
    except CalendarError as error:
        raise MessageError(str(error)) from None


def _step(why: str, start: date, due: date, kind: MessageKind, workdays: int) -> str:
    return (f"{start.isoformat()} {why}：{kind.label}类留言 {workdays} 个工作日内答复，"
            f"当日不计入，答复期限 {due.isoformat()}")


# --- what today makes of it (STYLE.md habit 4) -------------------------------------------------


class MessageState(StrEnum):
    RUNNING = "running"
    DUE_SOON = "due_soon"  # on or after the first reminder day
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"  # past the due date, not yet escalated
    ESCALATED = "escalated"  # past the escalation day: the office follows it
    REPLIED = "replied"
    REPLIED_LATE = "replied_late"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS: Final = MappingProxyType({
    MessageState.RUNNING: "办理中",
    MessageState.DUE_SOON: "即将到期",
    MessageState.DUE_TODAY: "今日到期",
    MessageState.OVERDUE: "已超期",
    MessageState.ESCALATED: "超期已上报",
    MessageState.REPLIED: "已答复",
    MessageState.REPLIED_LATE: "逾期答复",
})


@dataclass(frozen=True)
class Reading:
    state: MessageState
    due_on: date
    reminder_days: tuple[date, ...]  # the days the unit is reminded, earliest first
    escalate_on: date
    workdays_left: int  # working days after today up to the due date; 0 once due or past

    @property
    def label(self) -> str:
        return self.state.label


def reminder_days(clock: MessageClock, calendar: WorkingCalendar, limits: MessageLimits) -> tuple[date, ...]:
    """The reminder days of the current period, earliest first; a reminder that would fall on or
    before the day the period started is dropped (the period is shorter than the reminder)."""
    start, due = clock.current.started_on, clock.due_on
    days = {calendar.sub_workdays(due, before) for before in limits.remind_before}
    return tuple(sorted(day for day in days if day > start))


def escalation_day(clock: MessageClock, calendar: WorkingCalendar, limits: MessageLimits) -> date:
    return calendar.add_workdays(clock.due_on, limits.escalate_after)


def read_clock(
    clock: MessageClock, today: date, calendar: WorkingCalendar, limits: MessageLimits | None = None,
) -> Reading:
    limits = limits or MessageLimits()
    reminders = reminder_days(clock, calendar, limits)
    escalate_on = escalation_day(clock, calendar, limits)
    left = calendar.workdays_between(today, clock.due_on)
    if not clock.is_open:
        state = MessageState.REPLIED_LATE if clock.late else MessageState.REPLIED
    elif today >= escalate_on:
        state = MessageState.ESCALATED
    elif today > clock.due_on:
        state = MessageState.OVERDUE
    elif today == clock.due_on:
        state = MessageState.DUE_TODAY
    elif reminders and today >= reminders[0]:
        state = MessageState.DUE_SOON
    else:
        state = MessageState.RUNNING
    return Reading(state, clock.due_on, reminders, escalate_on, left)


# --- the 3-month veto (国办秘函〔2019〕19号) -------------------------------------------------------

VETO_MONTHS: Final = 3
VETO_WINDOW_MONTHS: Final = 12


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), the month's last day where it is shorter:
    11-30 + 3 months = 02-28 (02-29 in a leap year)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = month_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def veto_deadline(received_on: date) -> date:
    """The last day a reply keeps a 政务咨询 message clear of the veto."""
    return add_months(received_on, VETO_MONTHS)


def over_three_months(kind: MessageKind, received_on: date, replied_on: date | None, as_of: date) -> bool:
    """Whether a 咨询 message went more than 3 months without a reply, as seen on ``as_of``: still
    unanswered after its veto deadline, or answered only after it (the reply came too late, and
    the check of the year finds it so)."""
    if kind is not MessageKind.CONSULT:
        return False
    answered_by = replied_on if replied_on is not None and replied_on <= as_of else as_of
    return answered_by > veto_deadline(received_on)


def veto_window(as_of: date) -> tuple[date, date]:
    """The messages a check on ``as_of`` looks at: received after the first day, up to ``as_of``."""
    return add_months(as_of, -VETO_WINDOW_MONTHS), as_of


def vetoed(messages: Iterable[tuple[MessageKind, date, date | None]], as_of: date) -> int:
    """How many (kind, received_on, replied_on) in the window went over 3 months (0 keeps the site
    clear of the veto)."""
    first, last = veto_window(as_of)
    return sum(
        1 for kind, received_on, replied_on in messages
        if first < received_on <= last and over_three_months(kind, received_on, replied_on, as_of)
    )


def limits_from_mapping(values: Mapping[str, object]) -> MessageLimits:
    """Limits from settings (a mapping of field names); unknown names refused with their list."""
    unknown = set(values) - _LIMIT_NAMES
    if unknown:
        raise MessageError(f"未知的期限设置 {sorted(unknown)}")
    return MessageLimits(**values)  # type: ignore[arg-type]
