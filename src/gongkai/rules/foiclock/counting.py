"""Counting the reply period from the events: the due date and the steps that explain it, in
Chinese, day by day (第三十条, 第三十三条).

Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.calendar import WEEKDAY_NAMES, WorkingCalendar
from gongkai.rules.foiclock.events import (
    Amendment,
    Extension,
    Pause,
    PauseKind,
    RequestEvents,
    pause_limit,
)
from gongkai.rules.foiclock.limits import ClockRules
from gongkai.rules.foiclock.validation import validate_events
from gongkai.rules.foioutcomes import Outcome


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
    validate_events(events, rules)
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
