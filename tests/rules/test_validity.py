"""有效性: the one rule (DOMAIN.md 3.3), exhaustively over the order of its facts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.rules.validity import (
    LABELS,
    Validity,
    ValidityFacts,
    declared_from,
    in_force,
    validity_on,
)

DAY = date(2026, 5, 20)
YESTERDAY, TOMORROW = DAY - timedelta(days=1), DAY + timedelta(days=1)


def test_it_is_valid_without_any_fact():
    assert validity_on(ValidityFacts(), DAY) is Validity.VALID and in_force(ValidityFacts(), DAY)


def test_it_repeals_from_the_repeal_date_on():
    facts = ValidityFacts(repealed_on=DAY)
    assert validity_on(facts, YESTERDAY) is Validity.VALID
    assert validity_on(facts, DAY) is Validity.REPEALED


def test_it_keeps_a_document_valid_through_its_expiry_date():
    facts = ValidityFacts(expires_on=DAY)
    assert validity_on(facts, DAY) is Validity.VALID
    assert validity_on(facts, TOMORROW) is Validity.EXPIRED


def test_it_is_not_yet_valid_before_its_start_date():
    facts = ValidityFacts(effective_on=TOMORROW)
    assert validity_on(facts, DAY) is Validity.NOT_YET and not in_force(facts, DAY)
    assert validity_on(facts, TOMORROW) is Validity.VALID


def test_it_marks_a_superseded_document_without_a_later_repeal():
    assert validity_on(ValidityFacts(superseded=True), DAY) is Validity.SUPERSEDED


def test_it_keeps_a_superseded_document_in_force_until_its_successor_takes_effect():
    facts = ValidityFacts(superseded=True, repealed_on=TOMORROW)
    assert validity_on(facts, DAY) is Validity.VALID
    assert validity_on(facts, TOMORROW) is Validity.REPEALED


def test_it_lets_a_declaration_replace_only_what_the_dates_call_valid():
    # A unit declares 失效 after a clean-up without a date: the declaration decides.
    assert validity_on(ValidityFacts(declared=Validity.EXPIRED), DAY) is Validity.EXPIRED
    # A declared 有效 never outweighs a 废止日期 that has passed, nor a 生效日期 still to come.
    assert validity_on(ValidityFacts(declared=Validity.VALID, repealed_on=YESTERDAY), DAY) is Validity.REPEALED
    assert validity_on(ValidityFacts(declared=Validity.VALID, effective_on=TOMORROW), DAY) is Validity.NOT_YET


def test_it_reads_a_stored_declaration():
    assert declared_from("") is None and declared_from("repealed") is Validity.REPEALED


def test_it_labels_every_value_once():
    assert set(LABELS) == set(Validity) and len(set(LABELS.values())) == len(Validity)


optional_day = st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))


@settings(deadline=None)  # the machine is shared: timing says nothing about the rule
@given(
    declared=st.one_of(st.none(), st.sampled_from(Validity)), effective_on=optional_day, expires_on=optional_day,
    repealed_on=optional_day, superseded=st.booleans(), day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
)
def test_it_is_in_force_exactly_when_no_fact_says_otherwise(declared, effective_on, expires_on, repealed_on, superseded, day):
    facts = ValidityFacts(declared, effective_on, expires_on, repealed_on, superseded)
    expected = (
        (repealed_on is None or repealed_on > day)
        and not (superseded and repealed_on is None)
        and (expires_on is None or expires_on >= day)
        and (effective_on is None or effective_on <= day)
        and declared in (None, Validity.VALID)
    )
    assert in_force(facts, day) is expected
