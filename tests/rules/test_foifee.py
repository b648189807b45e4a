"""信息处理费 per 国办函〔2020〕109号 (DOMAIN.md 1.4): 按件 per applicant and month, 按量 per request."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.foifee import (
    Fee,
    FeeError,
    FeeLine,
    FeeMethod,
    FeeRequest,
    assess,
    assess_requests,
    item_rate,
    page_rate,
    per_item_fee,
    per_page_fee,
)

D = date.fromisoformat


# --- 按件 (第四条) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ordinal", "rate"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400),
     (100, 800), (101, 900)],
)
def test_it_charges_each_item_at_its_band(ordinal, rate):
    # ≤10 free; 11–30 at 100; from 31 one band per 10 件, each 100 more: 31–40 200, 41–50 300 …
    assert item_rate(ordinal) == rate


def test_it_charges_nothing_for_the_first_ten_items_of_a_month():
    fee = per_item_fee(10)
    assert fee.total == 0
    assert fee.describe() == [
        "按件计收（国办函〔2020〕109号第四条）：本月此前已申请0件，本申请10件",
        "第1—10件：不收费",
        "合计：0元",
    ]


def test_it_charges_progressively_across_bands():
    # 45 件 in one request, first of the month: 10×0 + 20×100 + 10×200 + 5×300 = 5500.
    fee = per_item_fee(45)
    assert fee.lines == (FeeLine(1, 10, 0), FeeLine(11, 30, 100), FeeLine(31, 40, 200), FeeLine(41, 45, 300))
    assert fee.total == 5500
    assert "第41—45件：5件×300元/件=1500元" in fee.describe()


def test_it_continues_from_the_applicants_earlier_items_that_month():
    # 件 9–12 of the month: 9, 10 free; 11, 12 at 100.
    fee = per_item_fee(4, earlier_items=8)
    assert fee.total == 200
    assert fee.describe()[0].endswith("本月此前已申请8件，本申请4件")
    assert per_item_fee(1, earlier_items=30).describe()[1] == "第31件：1件×200元/件=200元"


@given(
    earlier=st.integers(0, 300), first=st.integers(1, 200), second=st.integers(1, 200)
)
def test_it_adds_up_whichever_way_a_month_is_split(earlier, first, second):
    whole = per_item_fee(first + second, earlier)
    parts = per_item_fee(first, earlier).total + per_item_fee(second, earlier + first).total
    assert whole.total == parts


@given(earlier=st.integers(0, 500), items=st.integers(1, 500))
def test_it_matches_a_unit_by_unit_sum(earlier, items):
    fee = per_item_fee(items, earlier)
    assert fee.total == sum(item_rate(k) for k in range(earlier + 1, earlier + items + 1))
    assert sum(line.units for line in fee.lines) == items
    # Lines are contiguous and each has one rate.
    assert fee.lines[0].first == earlier + 1 and fee.lines[-1].last == earlier + items
    assert all(a.last + 1 == b.first for a, b in zip(fee.lines, fee.lines[1:], strict=False))


@given(ordinal=st.integers(1, 2000))
def test_it_never_lowers_the_rate_for_later_items(ordinal):
    assert item_rate(ordinal + 1) >= item_rate(ordinal)
    assert item_rate(ordinal) % 100 == 0


# --- 按量 (第五条) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "total"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),  # 70 × 10
        (101, 720),  # 700 + 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # 2700 + 40
        (250, 4700),  # 2700 + 50 × 40
    ],
)
def test_it_charges_pages_per_band(pages, total):
    assert per_page_fee(pages).total == total


def test_it_explains_a_page_fee():
    assert per_page_fee(120).describe() == [
        "按量计收（国办函〔2020〕109号第五条）：提供120页",
        "第1—30页：不收费",
        "第31—100页：70页×10元/页=700元",
        "第101—120页：20页×20元/页=400元",
        "合计：1100元",
    ]


@given(pages=st.integers(0, 3000))
def test_it_matches_a_page_by_page_sum(pages):
    fee = per_page_fee(pages)
    assert fee.total == sum(page_rate(k) for k in range(1, pages + 1))
    assert fee.method is FeeMethod.PER_PAGE and fee.units == pages


@given(pages=st.integers(1, 3000))
def test_it_charges_the_rate_of_the_band_a_page_falls_in(pages):
    expected = 0 if pages <= 30 else 10 if pages <= 100 else 20 if pages <= 200 else 40
    assert page_rate(pages) == expected
    assert per_page_fee(pages).total - per_page_fee(pages - 1).total == expected


# --- one standard per request (第三条) -----------------------------------------------------------


def test_it_assesses_by_the_chosen_standard():
    assert assess(FeeMethod.PER_ITEM, items=3, earlier_items=10).total == 300
    assert assess(FeeMethod.PER_PAGE, pages=31).total == 10


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": FeeMethod.PER_ITEM, "items": 3, "pages": 40},
        {"method": FeeMethod.PER_PAGE, "items": 3, "pages": 40},
        {"method": FeeMethod.PER_PAGE, "earlier_items": 12, "pages": 40},
    ],
)
def test_it_never_charges_by_both_standards(kwargs):
    with pytest.raises(FeeError, match="不得同时按件和按量计收"):
        assess(**kwargs)


@pytest.mark.parametrize(
    "call",
    [
        lambda: per_item_fee(0),
        lambda: per_item_fee(1, earlier_items=-1),
        lambda: per_page_fee(-1),
        lambda: item_rate(0),
        lambda: page_rate(0),
        lambda: assess(FeeMethod.PER_ITEM),
        lambda: assess(FeeMethod.PER_PAGE),
    ],
)
def test_it_refuses_counts_that_make_no_sense(call):
    with pytest.raises(FeeError):
        call()


# --- the monthly ledger --------------------------------------------------------------------------


def test_it_counts_items_per_applicant_and_calendar_month():
    fees = assess_requests(
        [
            FeeRequest("a1", "张三", D("2026-03-02"), items=8),
            FeeRequest("b1", "李四", D("2026-03-03"), items=12),  # another applicant: own count
            FeeRequest("a2", "张三", D("2026-03-20"), items=5),  # 件 9–13: 3 × 100
            FeeRequest("a3", "张三", D("2026-04-01"), items=5),  # a new month: free again
        ]
    )
    assert fees["a1"].total == 0
    assert fees["b1"].total == 200
    assert fees["a2"].total == 300 and fees["a2"].earlier_items == 8
    assert fees["a3"].total == 0 and fees["a3"].earlier_items == 0


def test_it_orders_a_month_by_receipt_date_then_by_registration():
    fees = assess_requests(
        [
            FeeRequest("late", "张三", D("2026-03-20"), items=1),
            FeeRequest("first", "张三", D("2026-03-02"), items=10),
            FeeRequest("second", "张三", D("2026-03-02"), items=1),
        ]
    )
    assert fees["first"].total == 0
    assert fees["second"].total == 100 and fees["second"].earlier_items == 10
    assert fees["late"].earlier_items == 11


def test_it_counts_a_page_charged_request_towards_the_monthly_items():
    fees = assess_requests(
        [
            FeeRequest("pages", "张三", D("2026-03-02"), items=10, method=FeeMethod.PER_PAGE, pages=40),
            FeeRequest("items", "张三", D("2026-03-03"), items=1),
        ]
    )
    assert fees["pages"].method is FeeMethod.PER_PAGE and fees["pages"].total == 100
    assert fees["items"].total == 100  # the 11th 件 of the month


def test_it_refuses_a_ledger_with_duplicate_keys_or_mixed_standards():
    with pytest.raises(FeeError, match="重复"):
        assess_requests([FeeRequest("x", "张三", D("2026-03-02")), FeeRequest("x", "张三", D("2026-03-03"))])
    with pytest.raises(FeeError, match="不得同时"):
        assess_requests([FeeRequest("x", "张三", D("2026-03-02"), pages=40)])
    with pytest.raises(FeeError, match="件数至少为1"):
        assess_requests([FeeRequest("x", "张三", D("2026-03-02"), items=0)])


requests_strategy = st.lists(
    st.tuples(
        st.sampled_from(["张三", "李四"]),
        st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 3, 31)),
        st.integers(1, 15),
    ),
    max_size=25,
)


@given(rows=requests_strategy)
def test_it_charges_a_month_as_if_it_were_one_request(rows):
    requests = [FeeRequest(str(i), who, day, items) for i, (who, day, items) in enumerate(rows)]
    fees = assess_requests(requests)
    assert set(fees) == {request.key for request in requests}
    months: dict[tuple[str, int], list[FeeRequest]] = {}
    for request in requests:
        months.setdefault((request.applicant, request.received_on.month), []).append(request)
    for month in months.values():
        items = sum(request.items for request in month)
        assert sum(fees[request.key].total for request in month) == per_item_fee(items).total


def test_it_returns_a_fee_object_with_its_method():
    fee = per_item_fee(1)
    assert isinstance(fee, Fee) and fee.method.label == "按件计收" and FeeMethod.PER_PAGE.unit == "页"
