"""What happened to a request, as recorded: the clock's only input besides the calendar; and the
limit of each pause (第三十二条: the third party's 15 working days).

Pure Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.foiclock.limits import ClockRules


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
