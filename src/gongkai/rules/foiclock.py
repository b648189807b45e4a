"""The reply clock of a disclosure request (依申请公开的答复期限), with its explanation.

One pure function, :func:`compute_clock`, turns a request's recorded events into its due date and
the steps that justify it, in Chinese, for the request page, the letters and ``gongkai foi due``
(CONTRACTS.md §3). What time decides ("due soon", "overdue", 视为放弃) is not stored: it is read
from the clock and ``today`` by :func:`clock_state` (STYLE.md habit 4).

The rules, from the 2019 《政府信息公开条例》 (DOMAIN.md 1.3):

- 第三十一条: the receipt day depends on the channel (:func:`receipt_date`); a plain letter whose
  sender cannot be reached has no receipt day yet, and the clock has not started.
- 第三十三条第二款: reply within 20 working days of receipt. Counting starts the next day (民法典
  第二百零一条, DOMAIN.md 7.3), so the due date is the 20th working day *after* the receipt day.
- 第三十条: a 补正 notice is due within 7 working days of receipt; the reply period restarts in full
  from the day the amended request is received; if the applicant lets the deadline of the notice pass,
  the request is deemed abandoned (视为放弃).
- 第三十三条第二款: one extension of at most 20 working days, with the consent of the head of the
  disclosure office (政府信息公开工作机构负责人) and notice to the applicant.
- 第三十三条第三款 and 第三十二条: the time taken to consult a third party or another agency is not
  counted. A pause runs FROM..TO inclusive: no working day inside it counts. It lasts at most the
  consulted party's own limit: 15 working days from the day the third party received the
  征求意见书 (第三十二条; the day it was sent when its service is not recorded), likewise for another
  agency (``ClockRules.other_agency_workdays``). A party that has not answered by then no longer
  stops the clock: the request can become overdue.
- 第三十条 again: the reply period restarts in full when the amended request arrives, so an
  extension approved before that no longer applies; each period has at most one extension, and no
  due date is ever later than ``reply_workdays`` + ``max_extension_workdays`` (20 + 20) working
  days after the period's start plus the excluded working days.
- 国办公开办函〔2016〕235号: whether the reply was in time is judged on the day it was served on the
  applicant (签收, else 送达), not on the date written on it.
- 国办函〔2020〕109号: the time from the fee notice to payment is treated as a pause (⚠️ UNVERIFIED,
  DOMAIN.md 1.4, hence ``ClockRules.fee_window_pauses``); unpaid after 20 working days → 视为放弃.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.calendar import WEEKDAY_NAMES, WorkingCalendar
from gongkai.rules.foioutcomes import Outcome


class ClockError(ValueError):
    """Events that cannot describe a real request (a second extension, a pause ending before it starts)."""


# --- thresholds and statutory periods -----------------------------------------------------------

REPLY_WORKDAYS: Final = 20  # 第三十三条第二款: 20个工作日内予以答复
AMENDMENT_NOTICE_WORKDAYS: Final = 7  # 第三十条: 自收到申请之日起7个工作日内一次性告知
MAX_EXTENSION_WORKDAYS: Final = 20  # 第三十三条第二款: 延长的期限最长不得超过20个工作日
THIRD_PARTY_WORKDAYS: Final = 15  # 第三十二条: 第三方自收到征求意见书之日起15个工作日内提出意见
# Another agency consulted (第三十三条第三款); 15 by analogy with 第三十四条 (⚠️ UNVERIFIED, DOMAIN.md 1.3).
OTHER_AGENCY_WORKDAYS: Final = 15
# 第三十条 only asks for a "合理的补正期限"; the office's default when a notice names no date.
DEFAULT_AMENDMENT_WORKDAYS: Final = 15
# Sichuan's implementing notice of 109号: pay within 20 working days of receiving the 收费通知.
FEE_PAYMENT_WORKDAYS: Final = 20

# Read-time states (STYLE.md habit 4). "Due soon" leaves a working week to finish the reply.
DUE_SOON_WORKDAYS: Final = 5
# "Seriously overdue": more than 20 working days late, i.e. later than even the longest lawful
# extension would have allowed. This is our choice; no rule defines it.
SERIOUSLY_OVERDUE_WORKDAYS: Final = 20


@dataclass(frozen=True)
class ClockRules:
    """The periods the clock uses. The defaults are the national rules; a jurisdiction may set
    its own (``GONGKAI_FOI_CLOCK`` in the settings), shorter than the 条例's where it promises
    faster replies, never longer: :data:`STATUTORY_LIMITS` bounds each one."""

    reply_workdays: int = REPLY_WORKDAYS
    amendment_notice_workdays: int = AMENDMENT_NOTICE_WORKDAYS
    amendment_workdays: int = DEFAULT_AMENDMENT_WORKDAYS
    max_extension_workdays: int = MAX_EXTENSION_WORKDAYS
    third_party_workdays: int = THIRD_PARTY_WORKDAYS
    other_agency_workdays: int = OTHER_AGENCY_WORKDAYS
    fee_window_pauses: bool = True
    fee_payment_workdays: int = FEE_PAYMENT_WORKDAYS

    def __post_init__(self) -> None:
        for name, (low, high, basis) in STATUTORY_LIMITS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ClockError(f"期限设置 {name} 应为 {low} 至 {high} 个工作日（{basis}）：{value!r}")


# What a jurisdiction may set: (lowest, highest, why). The highest is the 条例's own period.
STATUTORY_LIMITS: Final = MappingProxyType({
    "reply_workdays": (1, REPLY_WORKDAYS, "第三十三条第二款：20个工作日内答复"),
    "amendment_notice_workdays": (1, AMENDMENT_NOTICE_WORKDAYS, "第三十条：7个工作日内一次性告知"),
    "amendment_workdays": (1, 60, "第三十条：合理的补正期限"),
    "max_extension_workdays": (0, MAX_EXTENSION_WORKDAYS, "第三十三条第二款：延长最长不得超过20个工作日"),
    "third_party_workdays": (1, THIRD_PARTY_WORKDAYS, "第三十二条：第三方15个工作日内提出意见"),
    "other_agency_workdays": (1, OTHER_AGENCY_WORKDAYS, "第三十三条第三款：征求其他机关意见"),
    "fee_payment_workdays": (1, 60, "国办函〔2020〕109号：缴费期限"),
})


# --- 第三十一条: the receipt day per channel ------------------------------------------------------


class Channel(StrEnum):
    """How a request reached the agency."""

    IN_PERSON = "in_person"  # 当面提交
    SIGNED_MAIL = "signed_mail"  # 邮寄，需签收（挂号信、EMS）
    PLAIN_LETTER = "plain_letter"  # 平常信函等无需签收的邮寄
    FAX = "fax"  # 政府信息公开工作机构的传真
    EMAIL = "email"  # 电子邮件
    ONLINE = "online"  # 在线申请（互联网渠道）

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS: Final = MappingProxyType({
    Channel.IN_PERSON: "当面提交",
    Channel.SIGNED_MAIL: "邮寄（需签收）",
    Channel.PLAIN_LETTER: "平常信函",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.ONLINE: "在线申请",
})


@dataclass(frozen=True)
class Receipt:
    """The 收到申请之日 of 第三十一条, or why there is none yet."""

    channel: Channel
    received_on: date | None  # None: not yet confirmed, the clock has not started
    rule: str

    @property
    def confirmed(self) -> bool:
        return self.received_on is not None

    def describe(self) -> str:
        if self.received_on is None:
            return f"{self.channel.label}：{self.rule}"
        return f"{self.channel.label}：{self.rule}，收到申请之日为 {self.received_on.isoformat()}"


def receipt_date(
    channel: Channel,
    *,
    arrived_on: date,
    signed_on: date | None = None,
    confirmed_on: date | None = None,
) -> Receipt:
    """The receipt day of 第三十一条 for a request that physically arrived on ``arrived_on``.

    ``signed_on`` is the day the agency signed for registered mail (defaults to the arrival);
    ``confirmed_on`` the day the office and the applicant confirmed the request. Our own online
    form confirms at submission (it shows the tracking code), so ONLINE defaults to the arrival.
    """
    for name, value in (("签收日期", signed_on), ("确认日期", confirmed_on)):
        if value is not None and value < arrived_on:
            raise ClockError(f"{name} {value.isoformat()} 早于申请到达之日 {arrived_on.isoformat()}")
    if channel is Channel.IN_PERSON:  # 第三十一条第（一）项
        return Receipt(channel, arrived_on, "以提交之日为收到申请之日（第三十一条第（一）项）")
    if channel is Channel.SIGNED_MAIL:  # 第三十一条第（二）项
        rule = "以行政机关签收之日为收到申请之日（第三十一条第（二）项）"
        return Receipt(channel, signed_on or arrived_on, rule)
    if channel is Channel.PLAIN_LETTER:
        # 第三十一条第（二）项: confirm with the applicant on the day it arrives; 国办公开办函〔2015〕
        # 207号: if the applicant cannot be reached, the clock starts when contact is restored.
        if confirmed_on is None:
            return Receipt(channel, None, "尚未与申请人确认（无法取得联系），暂不起算答复期限，"
                           "自联系上申请人并确认之日起算（第三十一条第（二）项）")
        return Receipt(channel, confirmed_on, "以与申请人确认之日为收到申请之日（第三十一条第（二）项）")
    # 第三十一条第（三）项: internet channels and the office's fax count from 双方确认之日.
    if channel is Channel.ONLINE and confirmed_on is None:
        confirmed_on = arrived_on
    if confirmed_on is None:
        return Receipt(channel, None, "尚未与申请人双方确认，暂不起算答复期限（第三十一条第（三）项）")
    return Receipt(channel, confirmed_on, "以双方确认之日为收到申请之日（第三十一条第（三）项）")


def third_party_reply_due(served_on: date, calendar: WorkingCalendar,
                          rules: ClockRules | None = None) -> date:
    """第三十二条: the third party answers within 15 working days of receiving the 征求意见书."""
    return calendar.add_workdays(served_on, (rules or ClockRules()).third_party_workdays)


# --- the events of a request -----------------------------------------------------------------


class PauseKind(StrEnum):
    """Time that 第三十三条第三款 (or the office's fee rule) keeps out of the reply period."""

    THIRD_PARTY = "third_party"  # 征求第三方意见 (第三十二条)
    OTHER_AGENCY = "other_agency"  # 征求其他机关意见 (第三十三条第三款)
    FEE_NOTICE = "fee_notice"  # 收费通知送达至缴费 (国办函〔2020〕109号, ⚠️ UNVERIFIED)
    OTHER = "other"  # other excluded time, e.g. ``gongkai foi due --pause``

    @property
    def label(self) -> str:
        return PAUSE_LABELS[self]


PAUSE_LABELS: Final = MappingProxyType({
    PauseKind.THIRD_PARTY: "征求第三方意见（第三十二条）",
    PauseKind.OTHER_AGENCY: "征求其他机关意见",
    PauseKind.FEE_NOTICE: "收费通知送达至缴费（国办函〔2020〕109号）",
    PauseKind.OTHER: "",  # the period speaks for itself: "暂停计算 FROM至TO（含）：其间…"
})


@dataclass(frozen=True)
class Pause:
    """Days ``first``..``last`` (inclusive) in which no working day counts; ``last`` None: ongoing.
    A consultation lasts at most its party's limit counted from ``served_on``, the day the party
    received the letter (``first`` when not recorded): see :func:`pause_limit`.

    Only days after the period's start matter: a pause over before the receipt (or before an
    amended request restarted the period) excludes nothing.
    """

    kind: PauseKind
    first: date
    last: date | None = None
    served_on: date | None = None


def pause_limit(pause: Pause, calendar: WorkingCalendar, rules: ClockRules) -> date | None:
    """The last day ``pause`` can keep out of the reply period: the consulted party's own limit
    counted from the day it received the letter, the fee notice's payment period; None (no
    limit) for other excluded time, whose end is always recorded."""
    workdays = {
        PauseKind.THIRD_PARTY: rules.third_party_workdays,
        PauseKind.OTHER_AGENCY: rules.other_agency_workdays,
        PauseKind.FEE_NOTICE: rules.fee_payment_workdays,
    }.get(pause.kind)
    return None if workdays is None else calendar.add_workdays(pause.served_on or pause.first, workdays)


@dataclass(frozen=True)
class Amendment:
    """One 补正 (第三十条): the notice and, once it arrives, the amended request."""

    notice_sent_on: date | None = None  # the 补正告知书 went out (None: not recorded)
    reply_by: date | None = None  # the deadline the notice gave; None: ``ClockRules`` default
    amended_on: date | None = None  # 收到补正的申请之日 (第三十一条 applies to it too)


@dataclass(frozen=True)
class Extension:
    """The one extension of 第三十三条第二款."""

    workdays: int
    approved_by: str  # the 政府信息公开工作机构负责人 who agreed
    approved_on: date | None = None
    notified_on: date | None = None  # 告知申请人之日


@dataclass(frozen=True)
class FeeNotice:
    """A 收费通知 (第四十二条, 国办函〔2020〕109号) and its payment."""

    served_on: date  # the applicant received the notice
    paid_on: date | None = None


@dataclass(frozen=True)
class RequestEvents:
    """What happened to a request, as recorded; the clock's only input besides the calendar."""

    received_on: date | None  # 第三十一条; None while not confirmed
    amendments: tuple[Amendment, ...] = ()
    pauses: tuple[Pause, ...] = ()
    extensions: tuple[Extension, ...] = ()  # at most one is lawful; more is an error
    fee_notice: FeeNotice | None = None
    replied_on: date | None = None  # the date written on the reply (答复书成文日期)
    served_on: date | None = None  # the day the reply reached the applicant (签收, else 送达)


# --- the result ------------------------------------------------------------------------------


class Stage(StrEnum):
    """Where the events alone put the request (``today`` plays no part)."""

    NOT_STARTED = "not_started"  # receipt not confirmed (第三十一条)
    AWAITING_AMENDMENT = "awaiting_amendment"  # 补正 asked for, not received
    PAUSED = "paused"  # an exclusion is running, the due date waits for its end
    RUNNING = "running"
    REPLIED = "replied"


@dataclass(frozen=True)
class AmendmentCheck:
    """A 补正 checked against 第三十条: was the notice in time, what deadline did it give."""

    started_on: date  # the receipt (or previous amendment) the notice answers
    notice_due_on: date  # the 7th working day after ``started_on``
    notice_sent_on: date | None
    reply_by: date | None  # the applicant's deadline; None: no notice recorded, amendment arrived
    amended_on: date | None

    @property
    def notice_late(self) -> bool:
        return self.notice_sent_on is not None and self.notice_sent_on > self.notice_due_on

    @property
    def amended_late(self) -> bool:
        if self.amended_on is None or self.reply_by is None:
            return False
        return self.amended_on > self.reply_by


@dataclass(frozen=True)
class Clock:
    """A request's reply clock: the due date (when one exists) and the steps that give it."""

    stage: Stage
    received_on: date | None
    started_on: date | None  # the day the running period counts from (receipt or last 补正)
    normal_due_on: date | None  # the 20th counted working day
    due_on: date | None  # with the extension; None while not started, awaiting 补正 or paused
    extension: Extension | None
    amendments: tuple[AmendmentCheck, ...]
    excluded_workdays: int  # working days kept out of the period by pauses
    counted_workdays: int  # working days counted so far (all of them once a due date exists)
    abandon_on: date | None  # 视为放弃 from this day unless the awaited 补正/fee arrives first
    abandon_outcome: Outcome | None  # the report row such an abandonment counts in
    replied_on: date | None
    unconfirmed_years: tuple[int, ...]
    steps: tuple[str, ...] = field(default=())
    served_on: date | None = None  # the reply's service, on which lateness is judged
    paused_until: date | None = None  # a consultation still open stops the clock until this day

    @property
    def provisional(self) -> bool:
        """True when a year's holiday schedule was not yet published: the date may still move."""
        return bool(self.unconfirmed_years)

    def describe(self) -> list[str]:
        return list(self.steps)


# --- computing the clock ---------------------------------------------------------------------


def compute_clock(
    events: RequestEvents, calendar: WorkingCalendar, rules: ClockRules | None = None
) -> Clock:
    """The due date of a request and its explanation, from its events alone."""
    rules = rules or ClockRules()
    _validate(events, rules)
    return _Builder(events, calendar, rules).build()


@dataclass(frozen=True)
class _Bounded:
    """A pause with the last day it excludes: its recorded end or its limit, whichever is first
    (None: open, without a limit)."""

    pause: Pause
    last: date | None
    limit: date | None
    still_open: bool  # no end recorded: it runs to its limit at most

    @property
    def overran(self) -> bool:
        """The party answered after its limit: the days past it count."""
        return self.limit is not None and self.pause.last is not None and self.pause.last > self.limit


@dataclass
class _Interval:
    """Merged pauses: ``first``..``last`` inclusive (None: still running) and what they were."""

    first: date
    last: date | None
    pauses: list[_Bounded]

    @property
    def still_open(self) -> bool:
        return any(bounded.still_open for bounded in self.pauses)


@dataclass(frozen=True)
class _Count:
    """The result of counting n working days after a start, skipping pauses."""

    reached: date | None  # the n-th counted day; None when a running pause stopped the count
    counted: int
    excluded: int


class _Builder:
    """Walks the events in order, collecting the steps and the clock's values; used once."""

    def __init__(self, events: RequestEvents, calendar: WorkingCalendar, rules: ClockRules) -> None:
        self.events, self.calendar, self.rules = events, calendar, rules
        self.steps: list[str] = []
        self.touched: list[date] = []  # every date computed, for the "provisional" check
        self.started_on: date | None = None
        self.normal_due_on: date | None = None
        self.due_on: date | None = None
        self.checks: tuple[AmendmentCheck, ...] = ()
        self.counted = self.excluded = 0
        self.abandon_on: date | None = None
        self.abandon_outcome: Outcome | None = None
        self.extension: Extension | None = None
        self.paused_until: date | None = None  # the end of a consultation still open

    def build(self) -> Clock:
        received = self.events.received_on
        if received is None:  # 第三十一条: no receipt day, no clock
            self.steps.append("收到申请之日尚未确认（第三十一条），答复期限暂不起算")
            return self._finish(Stage.NOT_STARTED)
        start, awaiting = self._amendments(received)
        self.started_on = start
        if awaiting is not None:
            return self._awaiting_amendment(awaiting)
        intervals = _merge(self._pauses(), after=start)
        opening = f"收到 {received.isoformat()}（当天不计入）"
        if self.checks:
            opening = f"收到补正后的申请 {start.isoformat()}（当天不计入，重新起算）"
        base = self._count(start, self.rules.reply_workdays, intervals, opening, "第")
        self._fee_steps()
        if base.reached is None:
            return self._finish(Stage.PAUSED)
        self.normal_due_on = self.due_on = base.reached
        extension = self._current_extension(start)
        if extension is not None:
            extended = self._extend(base.reached, extension, intervals)
            self.due_on = extended.reached
            if extended.reached is None:
                return self._finish(Stage.PAUSED)
        return self._finish(Stage.PAUSED if self.paused_until is not None else Stage.RUNNING)

    def _current_extension(self, start: date) -> Extension | None:
        """The extension of the running period; one approved before a 补正 restarted the period
        lapsed with it (第三十条: the period is counted afresh from the amended request)."""
        current = None
        for extension in self.events.extensions:
            if self.checks and extension.approved_on is not None and extension.approved_on < start:
                self.steps.append(
                    f"{extension.approved_on.isoformat()} 批准的延期在补正前作出，答复期限自收到补正后的申请"
                    f"重新计算，该延期不再适用（第三十条）"
                )
            else:
                current = extension
        self.extension = current
        return current

    def _finish(self, stage: Stage) -> Clock:
        replied, received, served = self.events.replied_on, self.events.received_on, self.events.served_on
        years: list[int] = []
        if received is not None:
            if replied is not None:
                self.steps.append(self._reply_step(replied, served))
                stage = Stage.REPLIED
            years = self.calendar.unconfirmed_years(received, max([received, *self.touched]))
            self.steps += [f"{year}年放假安排尚未确认，按周一至周五计算，结果为暂定" for year in years]
        return Clock(
            stage=stage, received_on=received, started_on=self.started_on,
            normal_due_on=self.normal_due_on, due_on=self.due_on,
            extension=self.extension if self.normal_due_on else None,
            amendments=self.checks, excluded_workdays=self.excluded,
            counted_workdays=self.counted, abandon_on=self.abandon_on,
            abandon_outcome=self.abandon_outcome, replied_on=replied,
            unconfirmed_years=tuple(years), steps=tuple(self.steps),
            served_on=served if replied is not None else None, paused_until=self.paused_until,
        )

    def _reply_step(self, replied: date, served: date | None) -> str:
        """国办公开办函〔2016〕235号: the reply is in time when it is served by the due date."""
        if served is None:
            return f"{replied.isoformat()} 作出答复，尚未登记送达；是否按期以送达之日为准"
        late = self.due_on is not None and served > self.due_on
        return (f"{replied.isoformat()} 作出答复，{served.isoformat()} 送达申请人"
                + ("，晚于答复期限" if late else "，在答复期限内"))

    # -- 补正 (第三十条) --

    def _amendments(self, received: date) -> tuple[date, AmendmentCheck | None]:
        """Restart the period at each amended request; return the start and the notice still
        awaiting its amendment (if any)."""
        start, checks = received, []
        for amendment in self.events.amendments:
            check = self._check_amendment(start, amendment)
            checks.append(check)
            self.checks = tuple(checks)
            if check.amended_on is None:
                return start, check
            # 第三十条: "答复期限自行政机关收到补正的申请之日起计算"
            late = "（晚于补正期限，已接受）" if check.amended_late else ""
            self.steps.append(
                f"收到补正后的申请 {check.amended_on.isoformat()}{late}，"
                f"答复期限自该日起重新计算（第三十条）"
            )
            start = check.amended_on
        return start, None

    def _check_amendment(self, start: date, amendment: Amendment) -> AmendmentCheck:
        # 第三十条: "自收到申请之日起7个工作日内一次性告知申请人作出补正"
        notice_due = self.calendar.add_workdays(start, self.rules.amendment_notice_workdays)
        sent, reply_by = amendment.notice_sent_on, amendment.reply_by
        basis = "告知书载明"
        if reply_by is None and (sent is not None or amendment.amended_on is None):
            # No date in the notice: the office's default period, from the notice (or, when its
            # date was not recorded, from the receipt it answers).
            reply_by = self.calendar.add_workdays(sent or start, self.rules.amendment_workdays)
            basis = f"按告知后{self.rules.amendment_workdays}个工作日计"
        self.touched.append(notice_due)
        check = AmendmentCheck(start, notice_due, sent, reply_by, amendment.amended_on)
        line = (f"补正告知：应于 {start.isoformat()} 后第{self.rules.amendment_notice_workdays}"
                f"个工作日 {notice_due.isoformat()} 前一次性告知（第三十条）")
        if sent is not None:
            line += f"，{sent.isoformat()} 已告知" + ("，已超过告知期限" if check.notice_late else "")
        if reply_by is not None:
            self.touched.append(reply_by)
            line += f"；补正期限 {reply_by.isoformat()}（{basis}）"
        self.steps.append(line)
        return check

    def _awaiting_amendment(self, awaiting: AmendmentCheck) -> Clock:
        # 第三十条: "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请"
        assert awaiting.reply_by is not None  # always set while an amendment is awaited
        self.abandon_on = awaiting.reply_by + timedelta(days=1)
        self.abandon_outcome = Outcome.OTHER_NOT_AMENDED
        self.steps.append(
            f"尚未收到补正；{awaiting.reply_by.isoformat()} 前未补正的，视为放弃申请（第三十条），"
            f"自 {self.abandon_on.isoformat()} 起不再处理"
        )
        return self._finish(Stage.AWAITING_AMENDMENT)

    # -- pauses, the fee window, the extension --

    def _pauses(self) -> list[_Bounded]:
        """Every pause with the last day it can exclude (its limit, for a consultation)."""
        pauses = list(self.events.pauses)
        fee = self.events.fee_notice
        if fee is not None and self.rules.fee_window_pauses:
            pauses.append(Pause(PauseKind.FEE_NOTICE, fee.served_on, fee.paid_on))
        bounded = []
        for pause in pauses:
            limit = pause_limit(pause, self.calendar, self.rules)
            if limit is not None:
                self.touched.append(limit)
            last = pause.last if limit is None or (pause.last is not None and pause.last <= limit) else limit
            bounded.append(_Bounded(pause, last, limit, pause.last is None))
        return bounded

    def _fee_steps(self) -> None:
        """The payment deadline of a fee notice; the abandonment day while it is unpaid."""
        fee = self.events.fee_notice
        if fee is None:
            return
        pay_by = self.calendar.add_workdays(fee.served_on, self.rules.fee_payment_workdays)
        self.touched.append(pay_by)
        line = (f"收费通知 {fee.served_on.isoformat()} 送达，应于 {pay_by.isoformat()} 前缴费"
                f"（送达次日起{self.rules.fee_payment_workdays}个工作日）")
        if fee.paid_on is not None:
            late = "（逾期，已接受）" if fee.paid_on > pay_by else ""
            self.steps.append(f"{line}；{fee.paid_on.isoformat()} 已缴费{late}")
            return
        self.abandon_on = pay_by + timedelta(days=1)
        self.abandon_outcome = Outcome.OTHER_FEE_UNPAID
        self.steps.append(
            f"{line}；逾期未缴纳的，视为放弃申请，自 {self.abandon_on.isoformat()} 起不再处理"
        )

    def _extend(self, normal_due: date, extension: Extension, intervals: list[_Interval]) -> _Count:
        # 第三十三条第二款: "经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日"
        approved = f"经{extension.approved_by}同意"
        if extension.approved_on is not None:
            approved += f"（{extension.approved_on.isoformat()}"
            # The extension must be decided while the period runs; a late one is shown, not hidden.
            approved += "，晚于原答复期限）" if extension.approved_on > normal_due else "）"
        notified = ""
        if extension.notified_on is not None:
            notified = f"，{extension.notified_on.isoformat()} 已告知申请人"
        self.steps.append(f"延期：{approved}延长答复期限{extension.workdays}个工作日"
                          f"（第三十三条第二款）{notified}")
        opening = f"原答复期限 {normal_due.isoformat()}（当天不计入）"
        return self._count(normal_due, extension.workdays, intervals, opening, "延长的第")

    # -- counting --

    def _count(self, start: date, n: int, intervals: list[_Interval], opening: str,
               ordinal: str) -> _Count:
        """The n-th working day after ``start`` that no pause covers, one step per stretch."""
        cursor, counted, excluded = start, 0, 0
        for interval in intervals:
            if interval.last is not None and interval.last <= cursor:
                continue
            before = interval.first - timedelta(days=1)
            available = self.calendar.workdays_between(cursor, before)
            if n - counted <= available:
                break
            if available:
                reached = self.calendar.add_workdays(cursor, available)
                self._stretch(opening, cursor, reached, f"至 {reached.isoformat()} 已计"
                              f"{counted + available}个工作日")
            counted += available
            if interval.last is None:
                self._open_pause(interval, counted, n)
                return self._counted(_Count(None, counted, excluded))
            skipped = self.calendar.workdays_between(max(cursor, before), interval.last)
            excluded += skipped
            self._pause_step(interval, skipped)
            if interval.still_open:
                self.paused_until = interval.last
            cursor = interval.last
            opening = f"恢复计算：暂停至 {cursor.isoformat()}（当天不计入）"
        reached = self.calendar.add_workdays(cursor, n - counted)
        self._stretch(opening, cursor, reached, f"{ordinal}{n}个工作日 {reached.isoformat()}")
        return self._counted(_Count(reached, n, excluded))

    def _counted(self, count: _Count) -> _Count:
        self.counted += count.counted
        self.excluded += count.excluded
        return count

    def _stretch(self, opening: str, start: date, end: date, result: str) -> None:
        """One counted stretch: "收到 … → 第20个工作日 …，其中跳过…；…调休上班，计为工作日"."""
        self.touched.append(end)
        details = [span.describe() for span in self.calendar.holiday_spans(start, end)]
        details += [
            f"{day:%m-%d}（{WEEKDAY_NAMES[day.weekday()]}）调休上班，计为工作日"
            for day in _dates_after(start, end)
            if day.weekday() >= 5 and self.calendar.is_workday(day)
        ]
        line = f"{opening}→ {result}"
        if details:
            line += "，其中" + "；".join(details)
        self.steps.append(line)

    def _pause_step(self, interval: _Interval, skipped: int) -> None:
        assert interval.last is not None
        self.touched.append(interval.last)
        line = (f"暂停计算 {interval.first.isoformat()}至{interval.last.isoformat()}（含）："
                f"{_pause_labels(interval, '，')}其间{skipped}个工作日不计入答复期限{_pause_basis(interval)}")
        for bounded in interval.pauses:
            assert bounded.limit is not None or not bounded.still_open
            party = _PARTY_LIMITS.get(bounded.pause.kind, "")
            if bounded.still_open and bounded.limit is not None:
                line += (f"；尚未收到意见，{party}至 {bounded.limit.isoformat()} 届满，"
                         f"逾期未提出意见的，自次日起恢复计算")
            elif bounded.overran and bounded.limit is not None and bounded.pause.last is not None:
                line += (f"；{bounded.pause.last.isoformat()} 收到意见，晚于{party}届满之日 "
                         f"{bounded.limit.isoformat()}，其后的时间计入答复期限")
        self.steps.append(line)

    def _open_pause(self, interval: _Interval, counted: int, n: int) -> None:
        self.steps.append(
            f"自 {interval.first.isoformat()} 起暂停计算：{_pause_labels(interval, '，')}尚未结束；"
            f"已计{counted}个工作日，尚余{n - counted}个，答复期限待恢复计算后确定{_pause_basis(interval)}"
        )


# Whose limit ends a consultation, in the words of the steps.
_PARTY_LIMITS: Final = MappingProxyType({
    PauseKind.THIRD_PARTY: "第三方提出意见的期限（自收到征求意见书之日起，第三十二条）",
    PauseKind.OTHER_AGENCY: "其他机关提出意见的期限",
    PauseKind.FEE_NOTICE: "缴费期限",
})


def _pause_labels(interval: _Interval, end: str) -> str:
    """What the pauses were, "征求第三方意见（第三十二条）、征求其他机关意见" + ``end``, or ""."""
    labels = "、".join(dict.fromkeys(b.pause.kind.label for b in interval.pauses if b.pause.kind.label))
    return labels + end if labels else ""


def _pause_basis(interval: _Interval) -> str:
    """第三十三条第三款 covers consultations only; the fee window cites 109号 in its label."""
    consulting = {PauseKind.THIRD_PARTY, PauseKind.OTHER_AGENCY}
    if any(bounded.pause.kind in consulting for bounded in interval.pauses):
        return "（第三十三条第三款）"
    return ""


def _merge(pauses: Sequence[_Bounded], after: date) -> list[_Interval]:
    """Overlapping or touching pauses as one interval each, sorted; those over by ``after`` dropped."""
    intervals: list[_Interval] = []
    for bounded in sorted(pauses, key=lambda b: b.pause.first):
        first, end = bounded.pause.first, bounded.last
        if end is not None and end <= after:
            continue  # over before the period (re)started: it excludes nothing
        last = intervals[-1] if intervals else None
        if last is not None and (last.last is None or first <= last.last + timedelta(days=1)):
            if last.last is not None and (end is None or end > last.last):
                last.last = end
            last.pauses.append(bounded)
        else:
            intervals.append(_Interval(first, end, [bounded]))
    return intervals


def _dates_after(start: date, end: date) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(1, (end - start).days + 1)]


# --- validation ------------------------------------------------------------------------------


def _validate(events: RequestEvents, rules: ClockRules) -> None:
    received = events.received_on
    if received is None:
        if events.amendments or events.pauses or events.extensions or events.fee_notice:
            raise ClockError("收到申请之日尚未确认，不能记录补正、暂停、延期或收费")
        return
    start = next((a.amended_on for a in reversed(events.amendments) if a.amended_on is not None), received)
    _validate_extensions(events.extensions, received, start, rules)
    for pause in events.pauses:
        if pause.last is not None and pause.last < pause.first:
            raise ClockError(f"暂停的开始日 {pause.first.isoformat()} 晚于结束日 {pause.last.isoformat()}")
        if pause.served_on is not None and pause.served_on < pause.first:
            raise ClockError(f"征求意见书送达日 {pause.served_on.isoformat()} 早于发出之日 {pause.first.isoformat()}")
    _validate_amendments(events.amendments, received)
    fee = events.fee_notice
    if fee is not None:
        if fee.served_on < received:
            raise ClockError(f"收费通知送达日 {fee.served_on.isoformat()} 早于收到申请之日 {received.isoformat()}")
        if fee.paid_on is not None and fee.paid_on < fee.served_on:
            raise ClockError(f"缴费日 {fee.paid_on.isoformat()} 早于收费通知送达日 {fee.served_on.isoformat()}")
    if events.replied_on is not None and events.replied_on < received:
        raise ClockError(f"答复日 {events.replied_on.isoformat()} 早于收到申请之日 {received.isoformat()}")
    if events.served_on is not None and (events.replied_on is None or events.served_on < events.replied_on):
        raise ClockError("答复书的送达日应在答复日之后")


def _validate_extensions(
    extensions: Sequence[Extension], received: date, start: date, rules: ClockRules
) -> None:
    # 第三十三条第二款: one extension per reply period, at most 20 working days, with the office
    # head's consent; one approved before a 补正 restarted the period lapsed with it.
    current = [e for e in extensions if start == received or e.approved_on is None or e.approved_on >= start]
    if len(current) > 1:
        raise ClockError("答复期限只能延长一次（第三十三条第二款）")
    for extension in extensions:
        if not 1 <= extension.workdays <= rules.max_extension_workdays:
            raise ClockError(
                f"延长的期限应为1至{rules.max_extension_workdays}个工作日（第三十三条第二款）："
                f"{extension.workdays}"
            )
        if not extension.approved_by.strip():
            raise ClockError("延期须经政府信息公开工作机构负责人同意（第三十三条第二款），未记录批准人")
        if extension.approved_on is not None and extension.approved_on < received:
            raise ClockError(f"延期批准日 {extension.approved_on.isoformat()} 早于收到申请之日")


def _validate_amendments(amendments: Sequence[Amendment], received: date) -> None:
    start = received
    for index, amendment in enumerate(amendments):
        if index and amendments[index - 1].amended_on is None:
            raise ClockError("上一次补正尚未收到，不能再次告知补正")
        sent, amended = amendment.notice_sent_on, amendment.amended_on
        if sent is not None and sent < start:
            raise ClockError(f"补正告知日 {sent.isoformat()} 早于收到申请之日 {start.isoformat()}")
        if amended is not None and amended < (sent or start):
            raise ClockError(
                f"收到补正之日 {amended.isoformat()} 早于{'补正告知日' if sent else '收到申请之日'} "
                f"{(sent or start).isoformat()}"
            )
        if amendment.reply_by is not None and amendment.reply_by < (sent or start):
            raise ClockError(f"补正期限 {amendment.reply_by.isoformat()} 早于补正告知日")
        start = amended or start


# --- read-time states (STYLE.md habit 4) -----------------------------------------------------


class ClockState(StrEnum):
    NOT_STARTED = "not_started"
    AWAITING_AMENDMENT = "awaiting_amendment"
    ABANDONED = "abandoned"
    PAUSED = "paused"
    RUNNING = "running"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    SERIOUSLY_OVERDUE = "seriously_overdue"
    AWAITING_SERVICE = "awaiting_service"
    REPLIED = "replied"
    REPLIED_LATE = "replied_late"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS: Final = MappingProxyType({
    ClockState.NOT_STARTED: "未起算",
    ClockState.AWAITING_AMENDMENT: "待补正",
    ClockState.ABANDONED: "视为放弃",
    ClockState.PAUSED: "暂停计算",
    ClockState.RUNNING: "办理中",
    ClockState.DUE_SOON: "即将到期",
    ClockState.DUE_TODAY: "今日到期",
    ClockState.OVERDUE: "已超期",
    ClockState.SERIOUSLY_OVERDUE: "严重超期",
    ClockState.AWAITING_SERVICE: "已答复待送达",
    ClockState.REPLIED: "已答复",
    ClockState.REPLIED_LATE: "逾期答复",
})


def clock_state(
    clock: Clock,
    today: date,
    calendar: WorkingCalendar,
    *,
    due_soon_workdays: int = DUE_SOON_WORKDAYS,
    seriously_overdue_workdays: int = SERIOUSLY_OVERDUE_WORKDAYS,
) -> ClockState:
    """The state of a request on ``today``: due soon = the due date is at most
    ``due_soon_workdays`` working days ahead; seriously overdue = more than
    ``seriously_overdue_workdays`` working days past it."""
    if clock.stage is Stage.REPLIED:
        # Judged on the day of service (国办公开办函〔2016〕235号): unserved past the due date is late.
        served = clock.served_on
        late = clock.due_on is not None and (served or today) > clock.due_on
        if late:
            return ClockState.REPLIED_LATE
        return ClockState.REPLIED if served is not None else ClockState.AWAITING_SERVICE
    if clock.abandon_on is not None and today >= clock.abandon_on:
        return ClockState.ABANDONED
    if clock.stage is Stage.NOT_STARTED:
        return ClockState.NOT_STARTED
    if clock.stage is Stage.AWAITING_AMENDMENT:
        return ClockState.AWAITING_AMENDMENT
    due = clock.due_on
    if due is None or (clock.stage is Stage.PAUSED and (clock.paused_until is None or today <= clock.paused_until)):
        return ClockState.PAUSED
    if today == due:
        return ClockState.DUE_TODAY
    if today < due:
        soon = calendar.workdays_between(today, due) <= due_soon_workdays
        return ClockState.DUE_SOON if soon else ClockState.RUNNING
    days_late = calendar.workdays_between(due, today)
    serious = days_late > seriously_overdue_workdays
    return ClockState.SERIOUSLY_OVERDUE if serious else ClockState.OVERDUE

def workdays_left(clock: Clock, today: date, calendar: WorkingCalendar) -> int | None:
    """Working days from ``today`` to the due date: positive ahead, 0 on it, negative when late
    (-k: k working days late). None when there is no due date."""
    if clock.due_on is None:
        return None
    if today <= clock.due_on:
        return calendar.workdays_between(today, clock.due_on)
    return -calendar.workdays_between(clock.due_on, today)
