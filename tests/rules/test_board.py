"""The arithmetic of the office dashboard and the supervision bulletin. Pure rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.board import (
    DELAYED,
    NOT_STARTED,
    OVERDUE,
    REQUIREMENT_TAIL,
    ReportCount,
    Shortfalls,
    Slot,
    SlotCount,
    Tally,
    default_cutoff,
    facts_text,
    fold,
    rank,
    requirement_text,
    roll_up,
    shortfall,
    subtree,
    tallies,
    top_section,
    total,
)
from gongkai.rules.progress import is_advanced, is_overdue

TODAY = date(2026, 10, 15)
PAST, FUTURE = date(2026, 9, 30), date(2026, 12, 31)
STATES = [None, "draft", "submitted", "accepted", "returned"]
STATUSES = [None, "not_started", "in_progress", "done", "delayed"]


def test_it_joins_slot_and_report_counts():
    value = tallies({1: SlotCount(total=4, past_due=3)}, {1: ReportCount(2, 1, 1, 1, handed_in_past_due=2)})[1]
    assert value == Tally(total=4, handed_in=2, accepted=1, done=1, advanced=1, overdue=1)
    assert (value.completion, value.handed_in_rate, value.advanced_rate, value.not_advanced) == (25.0, 50.0, 25.0, 3)


def test_a_unit_without_reports_is_all_overdue():
    assert tallies({7: SlotCount(3, 3)}, {})[7] == Tally(total=3, overdue=3)


def test_nothing_due_is_zero_percent_not_an_error():
    assert Tally().completion == 0.0 and total([]) == Tally()


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=6))
def test_totals_add_up(pairs):
    values = [Tally(total=a + b, done=a, overdue=b) for a, b in pairs]
    summed = total(values)
    assert summed.total == sum(a + b for a, b in pairs) and summed.done == sum(a for a, _ in pairs)


def test_it_ranks_by_share_advanced_then_fewer_overdue_and_shares_ties():
    values = {
        "a": Tally(total=4, advanced=2, overdue=1),
        "b": Tally(total=2, advanced=1, overdue=1),  # same score as a
        "c": Tally(total=4, advanced=4),
        "d": Tally(total=4, advanced=2, overdue=2),
        "e": Tally(),  # nothing due: not ranked
    }
    names = {"a": "甲", "b": "乙", "c": "丙", "d": "丁", "e": "戊"}
    ranked = rank(values, names)
    assert [(r.rank, r.key) for r in ranked] == [(1, "c"), (2, "a"), (2, "b"), (4, "d")]
    assert ranked[0].name == "丙"


def test_it_rolls_sections_up_to_the_outermost():
    parents = {1: None, 2: 1, 3: 2, 4: None}
    assert top_section(3, parents) == 1 and top_section(4, parents) == 4 and top_section(None, parents) is None
    rolled = roll_up({3: Tally(total=1), 2: Tally(total=2), 4: Tally(total=5), None: Tally(total=1)}, parents)
    assert rolled == {1: Tally(total=3), 4: Tally(total=5), None: Tally(total=1)}
    assert subtree(2, parents) == {2, 3} and subtree(1, parents) == {1, 2, 3}


def test_a_cycle_in_the_section_tree_does_not_hang():
    assert top_section(1, {1: 2, 2: 1}) in (1, 2)
    assert subtree(1, {1: 2, 2: 1}) == {1, 2}


def test_the_default_cutoff_is_the_latest_due_date_reached():
    days = [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]
    assert default_cutoff(days, TODAY) == date(2026, 9, 30)
    assert default_cutoff(days, date(2026, 1, 1)) == date(2026, 3, 31)
    assert default_cutoff([], TODAY) is None


@pytest.mark.parametrize("due_on", [PAST, TODAY, FUTURE])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("status", STATUSES)
def test_a_shortfall_is_overdue_or_handed_in_without_moving(due_on, state, status):
    kind = shortfall(Slot(due_on, state, status), TODAY)
    if is_overdue(due_on, state, TODAY):
        assert kind == OVERDUE
    elif state in ("submitted", "accepted") and not is_advanced(state, status):
        assert kind == status and kind in (NOT_STARTED, DELAYED)
    else:
        assert kind is None  # advancing, or still in time


def test_it_drafts_the_facts_and_the_requirement():
    slots = [
        Slot(date(2026, 6, 30), "returned", "in_progress"),
        Slot(date(2026, 3, 31)),
        Slot(date(2026, 9, 30), "submitted", "delayed", "资金未到位"),
        Slot(date(2026, 9, 30), "accepted", "in_progress"),
    ]
    found = Shortfalls.of(slots, TODAY)
    assert found.kinds == [OVERDUE, DELAYED]
    facts = facts_text(found, date(2026, 9, 30))
    assert facts.startswith("截至2026年9月30日，2026年3月31日、2026年6月30日到期的进展情况逾期未报送（报告被退回后未重新报送）")
    assert "无法按期完成”，原因为：资金未到位" in facts and facts.endswith("。")
    requirement = requirement_text(found)
    assert requirement.startswith("请立即补报") and requirement.endswith(REQUIREMENT_TAIL)


def test_an_item_moving_on_time_has_no_entry():
    found = Shortfalls.of([Slot(TODAY + timedelta(days=3)), Slot(PAST, "accepted", "done")], TODAY)
    assert not found and facts_text(found, PAST) == "" and requirement_text(found) == ""


def test_it_folds_cells_by_one_part_of_their_key():
    cells = {(1, 10, "a"): Tally(total=2, done=1), (1, 11, "b"): Tally(total=3, overdue=1), (2, 10, "a"): Tally(total=1)}
    assert fold(cells, 0) == {1: Tally(total=5, done=1, overdue=1), 2: Tally(total=1)}
    assert fold(cells, 1) == {10: Tally(total=3, done=1), 11: Tally(total=3, overdue=1)}
    assert fold(cells, 2) == {"a": Tally(total=3, done=1), "b": Tally(total=3, overdue=1)}
