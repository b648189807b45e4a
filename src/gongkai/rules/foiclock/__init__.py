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

One module per stage (limits, receipt, events, counting, validation, state); pure Python, no Django.
"""

from __future__ import annotations

from gongkai.rules.foiclock.counting import (
    AmendmentCheck,
    Clock,
    Stage,
    compute_clock,
)
from gongkai.rules.foiclock.events import (
    PAUSE_LABELS,
    Amendment,
    Extension,
    FeeNotice,
    Pause,
    PauseKind,
    RequestEvents,
    pause_limit,
    third_party_reply_due,
)
from gongkai.rules.foiclock.limits import (
    AMENDMENT_NOTICE_WORKDAYS,
    DEFAULT_AMENDMENT_WORKDAYS,
    FEE_PAYMENT_WORKDAYS,
    MAX_EXTENSION_WORKDAYS,
    OTHER_AGENCY_WORKDAYS,
    REPLY_WORKDAYS,
    STATUTORY_LIMITS,
    THIRD_PARTY_WORKDAYS,
    ClockError,
    ClockRules,
)
from gongkai.rules.foiclock.receipt import (
    CHANNEL_LABELS,
    Channel,
    Receipt,
    receipt_date,
)
from gongkai.rules.foiclock.state import (
    DUE_SOON_WORKDAYS,
    SERIOUSLY_OVERDUE_WORKDAYS,
    STATE_LABELS,
    ClockState,
    clock_state,
    workdays_left,
)
from gongkai.rules.foiclock.validation import (
    validate_events,
)

__all__ = [
    "AMENDMENT_NOTICE_WORKDAYS",
    "Amendment",
    "AmendmentCheck",
    "CHANNEL_LABELS",
    "Channel",
    "Clock",
    "ClockError",
    "ClockRules",
    "ClockState",
    "DEFAULT_AMENDMENT_WORKDAYS",
    "DUE_SOON_WORKDAYS",
    "Extension",
    "FEE_PAYMENT_WORKDAYS",
    "FeeNotice",
    "MAX_EXTENSION_WORKDAYS",
    "OTHER_AGENCY_WORKDAYS",
    "PAUSE_LABELS",
    "Pause",
    "PauseKind",
    "REPLY_WORKDAYS",
    "Receipt",
    "RequestEvents",
    "SERIOUSLY_OVERDUE_WORKDAYS",
    "STATE_LABELS",
    "STATUTORY_LIMITS",
    "Stage",
    "THIRD_PARTY_WORKDAYS",
    "clock_state",
    "compute_clock",
    "pause_limit",
    "receipt_date",
    "third_party_reply_due",
    "validate_events",
    "workdays_left",
]
