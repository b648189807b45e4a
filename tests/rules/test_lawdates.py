"""The sane range of law dates: 1949-10-01 to the end of next year, refused with the field's name."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.lawdates import EARLIEST, EXPIRY_YEARS_AHEAD, latest, law_date_problem

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize("value", [date(1949, 10, 1), date(2000, 1, 1), TODAY, date(2027, 12, 31)])
def test_it_accepts_a_law_date_from_the_founding_to_the_end_of_next_year(value):
    assert law_date_problem("成文日期", value, TODAY) is None


@pytest.mark.parametrize("value", [date(9999, 12, 31), date(2028, 1, 1), date(1949, 9, 30), date(202, 5, 20)])
def test_it_refuses_an_impossible_law_date_naming_the_field(value):
    problem = law_date_problem("成文日期", value, TODAY)
    assert problem is not None
    assert problem.startswith(f"成文日期 {value.isoformat()}") and "1949-10-01" in problem and "2027-12-31" in problem


def test_it_moves_the_last_acceptable_date_with_the_year():
    assert latest(date(2026, 1, 1)) == latest(date(2026, 12, 31)) == date(2027, 12, 31)


def test_it_lets_an_expiry_lie_years_ahead_but_not_forever():
    assert law_date_problem("失效日期", date(2031, 3, 31), TODAY, EXPIRY_YEARS_AHEAD) is None
    assert law_date_problem("失效日期", date(2031, 3, 31), TODAY) is not None
    assert law_date_problem("失效日期", date(9999, 12, 31), TODAY, EXPIRY_YEARS_AHEAD) is not None


@given(st.dates(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_it_accepts_exactly_the_dates_inside_the_range(value, today):
    assert (law_date_problem("发布日期", value, today) is None) == (EARLIEST <= value <= latest(today))
