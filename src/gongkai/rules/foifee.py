"""信息处理费: the fee of 《政府信息公开条例》第四十二条, computed per 国办函〔2020〕109号.

第四十二条: "行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显
超过合理范围的，行政机关可以收取信息处理费。" The 《政府信息公开信息处理费管理办法》 (国办函〔2020〕
109号) sets two standards, both 超额累进 (each unit is charged at the rate of the band it falls in):

- 按件 (第四条): per applicant and **calendar month**, over the cumulative number of 件 applied for;
  a multi-item request may be split into the smallest reasonable units ("一事一申请").
- 按量 (第五条): per request, over the pages supplied (纸质件、电子邮件、复制电子数据).

第三条: for each request the agency picks one standard, never both (不得同时按照两种标准重复计算).

Amounts are whole 元. This module is pure Python and must not import Django.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final


class FeeError(ValueError):
    """A fee question that has no answer (both standards at once, a negative count)."""


class FeeMethod(StrEnum):
    PER_ITEM = "per_item"  # 按件计收 (第四条)
    PER_PAGE = "per_page"  # 按量计收 (第五条)

    @property
    def label(self) -> str:
        return "按件计收" if self is FeeMethod.PER_ITEM else "按量计收"

    @property
    def unit(self) -> str:
        return "件" if self is FeeMethod.PER_ITEM else "页"


BASIS: Final = "国办函〔2020〕109号"

# 国办函〔2020〕109号 第四条 按件计收, per applicant per calendar month:
# （一）累计申请10件以下（含10件）的，不收费；
FREE_ITEMS_PER_MONTH: Final = 10
# （二）11—30件（含30件）的部分：100元/件；
FIRST_CHARGED_ITEMS_LAST: Final = 30
FIRST_CHARGED_ITEM_RATE: Final = 100
# （三）31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件
# (so 31–40 at 200, 41–50 at 300, …: the band values are derived from this sentence).
ITEM_BAND_SIZE: Final = 10
ITEM_BAND_STEP: Final = 100

# 国办函〔2020〕109号 第五条 按量计收, per request: (first page, last page or None, 元/页).
# （一）30页以下（含30页）的，不收费；（二）31—100页（含100页）的部分：10元/页；
# （三）101—200页（含200页）的部分：20元/页；（四）201页以上的部分：40元/页。
PAGE_BANDS: Final[tuple[tuple[int, int | None, int], ...]] = (
    (1, 30, 0),
    (31, 100, 10),
    (101, 200, 20),
    (201, None, 40),
)


@dataclass(frozen=True)
class FeeLine:
    """Units ``first``..``last`` (ordinal within the month or request) charged at one rate."""

    first: int
    last: int
    rate: int  # 元 per unit

    @property
    def units(self) -> int:
        return self.last - self.first + 1

    @property
    def amount(self) -> int:
        return self.units * self.rate

    def describe(self, unit: str) -> str:
        span = f"第{self.first}{unit}" if self.first == self.last else f"第{self.first}—{self.last}{unit}"
        if self.rate == 0:
            return f"{span}：不收费"
        return f"{span}：{self.units}{unit}×{self.rate}元/{unit}={self.amount}元"


@dataclass(frozen=True)
class Fee:
    """The fee of one request under one standard, with the band-by-band breakdown."""

    method: FeeMethod
    units: int  # 件 of this request, or pages supplied
    lines: tuple[FeeLine, ...]
    earlier_items: int = 0  # 按件: 件 the same applicant already applied for that month

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    def describe(self) -> list[str]:
        """The basis and computation, as the 收费通知 states them."""
        unit = self.method.unit
        if self.method is FeeMethod.PER_ITEM:
            head = (
                f"{self.method.label}（{BASIS}第四条）：本月此前已申请{self.earlier_items}件，"
                f"本申请{self.units}件"
            )
        else:
            head = f"{self.method.label}（{BASIS}第五条）：提供{self.units}页"
        return [head, *(line.describe(unit) for line in self.lines), f"合计：{self.total}元"]


def item_rate(ordinal: int) -> int:
    """元 for the ``ordinal``-th 件 (1-based) an applicant applies for in a calendar month."""
    return _item_band(ordinal)[0]


def page_rate(ordinal: int) -> int:
    """元 for the ``ordinal``-th page (1-based) supplied for one request."""
    return _page_band(ordinal)[0]


def _item_band(ordinal: int) -> tuple[int, int | None]:
    """(rate, last ordinal of the band) of the ``ordinal``-th 件 of a month."""
    if ordinal < 1:
        raise FeeError(f"件的序号应从1开始：{ordinal}")
    if ordinal <= FREE_ITEMS_PER_MONTH:
        return 0, FREE_ITEMS_PER_MONTH
    if ordinal <= FIRST_CHARGED_ITEMS_LAST:
        return FIRST_CHARGED_ITEM_RATE, FIRST_CHARGED_ITEMS_LAST
    bands_above = -(-(ordinal - FIRST_CHARGED_ITEMS_LAST) // ITEM_BAND_SIZE)  # ceil
    rate = FIRST_CHARGED_ITEM_RATE + bands_above * ITEM_BAND_STEP
    return rate, FIRST_CHARGED_ITEMS_LAST + bands_above * ITEM_BAND_SIZE


def _page_band(ordinal: int) -> tuple[int, int | None]:
    """(rate, last page of the band or None) of the ``ordinal``-th page of a request."""
    if ordinal < 1:
        raise FeeError(f"页的序号应从1开始：{ordinal}")
    for first, last, rate in PAGE_BANDS:
        if first <= ordinal and (last is None or ordinal <= last):
            return rate, last
    raise AssertionError("PAGE_BANDS covers every page")  # pragma: no cover


def per_item_fee(items: int, earlier_items: int = 0) -> Fee:
    """按件: the fee for ``items`` 件 following ``earlier_items`` of the same applicant and month."""
    if items < 1:
        raise FeeError(f"按件计收的件数至少为1：{items}")
    if earlier_items < 0:
        raise FeeError(f"本月此前已申请的件数不能为负数：{earlier_items}")
    first, last = earlier_items + 1, earlier_items + items
    return Fee(FeeMethod.PER_ITEM, items, _lines(first, last, _item_band), earlier_items)


def per_page_fee(pages: int) -> Fee:
    """按量: the fee for supplying ``pages`` pages for one request."""
    if pages < 0:
        raise FeeError(f"页数不能为负数：{pages}")
    return Fee(FeeMethod.PER_PAGE, pages, _lines(1, pages, _page_band))


def assess(
    method: FeeMethod,
    *,
    items: int | None = None,
    earlier_items: int = 0,
    pages: int | None = None,
) -> Fee:
    """The fee of one request under the one standard the agency chose (109号第三条)."""
    if method is FeeMethod.PER_ITEM:
        if pages is not None:
            raise FeeError(f"同一申请不得同时按件和按量计收（{BASIS}第三条）：按件计收时不应给出页数")
        if items is None:
            raise FeeError("按件计收须给出件数")
        return per_item_fee(items, earlier_items)
    if items is not None or earlier_items:
        raise FeeError(f"同一申请不得同时按件和按量计收（{BASIS}第三条）：按量计收时不应给出件数")
    if pages is None:
        raise FeeError("按量计收须给出页数")
    return per_page_fee(pages)


@dataclass(frozen=True)
class FeeRequest:
    """One request in an applicant's month, as the fee ledger sees it.

    Every request counts towards the applicant's monthly 件 ("累计申请…件", 第四条), whichever
    standard it is itself charged by; the month is that of the receipt date (收到申请之日).
    """

    key: str
    applicant: str
    received_on: date
    items: int = 1  # after "一事一申请" splitting
    method: FeeMethod = FeeMethod.PER_ITEM
    pages: int | None = None  # 按量 only


def assess_requests(requests: Iterable[FeeRequest]) -> dict[str, Fee]:
    """Each request's fee, counting 件 per applicant and calendar month in order of receipt.

    Requests received the same day keep the order given (the caller's registration order).
    """
    by_month: dict[tuple[str, int, int], list[FeeRequest]] = defaultdict(list)
    keys: set[str] = set()
    for request in requests:
        if request.key in keys:
            raise FeeError(f"申请编号重复：{request.key}")
        keys.add(request.key)
        month = (request.applicant, request.received_on.year, request.received_on.month)
        by_month[month].append(request)
    fees: dict[str, Fee] = {}
    for month_requests in by_month.values():
        fees.update(_assess_month(month_requests))
    return fees


def _assess_month(requests: list[FeeRequest]) -> Mapping[str, Fee]:
    fees: dict[str, Fee] = {}
    earlier = 0
    for request in sorted(requests, key=lambda r: r.received_on):  # stable: same day keeps order
        if request.items < 1:
            raise FeeError(f"{request.key}：件数至少为1（{request.items}）")
        if request.method is FeeMethod.PER_ITEM:
            fee = assess(request.method, items=request.items, earlier_items=earlier, pages=request.pages)
        else:
            fee = assess(request.method, pages=request.pages)
        fees[request.key] = fee
        earlier += request.items
    return fees


def _lines(
    first: int, last: int, band_of: Callable[[int], tuple[int, int | None]]
) -> tuple[FeeLine, ...]:
    """Units first..last split at the band limits (nothing when last < first)."""
    lines: list[FeeLine] = []
    ordinal = first
    while ordinal <= last:
        rate, band_last = band_of(ordinal)
        end = last if band_last is None else min(last, band_last)
        lines.append(FeeLine(ordinal, end, rate))
        ordinal = end + 1
    return tuple(lines)
