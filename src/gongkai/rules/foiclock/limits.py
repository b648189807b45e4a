"""The periods of the reply clock: the 条例's, and the bounds within which a jurisdiction sets its own
(``ClockRules``).

Pure Python: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


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
