"""第三十一条: the day a request counts as received, per channel.

Pure Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.foiclock.limits import ClockError


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
