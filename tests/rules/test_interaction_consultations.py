"""The comment period of a consultation against its kind's minimum, the sections of a draft and
the feedback decisions (rules.interaction.consultations)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.rules.interaction.consultations import (
    DEFAULT_MIN_DAYS,
    ConsultationError,
    Decision,
    DraftKind,
    check_period,
    decision_problem,
    is_open,
    parse_min_days,
    sections,
    tally,
)


def test_it_counts_calendar_days_without_the_opening_day():
    # opened 10-01, closing at the end of 10-31: 10-02 … 10-31 is 30 days, the minimum.
    check = check_period(DraftKind.NORMATIVE, date(2026, 10, 1), date(2026, 10, 31))
    assert (check.days, check.minimum, check.shortened) == (30, 30, False)


def test_it_refuses_a_shorter_period_without_a_reason():
    with pytest.raises(ConsultationError, match="不少于30日（本次 29 日）：缩短期限须说明理由"):
        check_period(DraftKind.MAJOR_DECISION, date(2026, 10, 1), date(2026, 10, 30))


def test_it_accepts_a_shorter_period_with_its_reason():
    check = check_period(DraftKind.NORMATIVE, date(2026, 10, 1), date(2026, 10, 11), "汛期临近，情况紧急")
    assert check.shortened and check.days == 10 and "已说明理由" in check.text


@pytest.mark.parametrize("closes_on", [date(2026, 10, 1), date(2026, 9, 30), date(2027, 10, 2)])
def test_it_refuses_an_empty_or_endless_period(closes_on):
    with pytest.raises(ConsultationError):
        check_period(DraftKind.OTHER, date(2026, 10, 1), closes_on, "理由")


def test_it_reads_the_jurisdictions_minimums():
    minimums = parse_min_days("normative=45,其他=10")
    assert minimums[DraftKind.NORMATIVE] == 45 and minimums[DraftKind.OTHER] == 10
    assert minimums[DraftKind.MAJOR_DECISION] == DEFAULT_MIN_DAYS[DraftKind.MAJOR_DECISION] == 30
    for bad in ("normative=0", "normative=abc", "draft=30", "other=400"):
        with pytest.raises(ConsultationError):
            parse_min_days(bad)


def test_it_takes_comments_through_the_closing_day():
    assert is_open(date(2026, 10, 1), date(2026, 10, 31), date(2026, 10, 31))
    assert not is_open(date(2026, 10, 1), date(2026, 10, 31), date(2026, 11, 1))
    assert not is_open(date(2026, 10, 1), date(2026, 10, 31), date(2026, 9, 30))


def test_it_cuts_a_draft_at_its_articles():
    text = "示范市养犬管理办法（征求意见稿）\n第一条 为了规范养犬行为，制定本办法。\n第二条 本办法适用于市区。\n适用范围另行公布。\n第十二条 本办法自公布之日起施行。"
    found = sections(text)
    assert [s.key for s in found] == ["第一条", "第二条", "第十二条"]
    assert found[1].text == "第二条 本办法适用于市区。\n适用范围另行公布。"
    assert sections("没有条款的通知正文。") == ()
    assert [s.key for s in sections("一、总体要求\n内容\n二、主要任务\n内容")] == ["一、", "二、"]


def test_it_wants_a_reason_unless_adopted():
    assert decision_problem(Decision.ADOPTED, "") == ""
    assert decision_problem(Decision.PARTLY, " ") == "“部分采纳”须说明理由"
    assert decision_problem("not_adopted", "与上位法不符") == ""
    assert tally([Decision.ADOPTED, Decision.NOT_ADOPTED, Decision.ADOPTED])[Decision.ADOPTED] == 2
