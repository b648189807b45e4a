"""The outcome and applicant vocabularies of annual-report table §三 (DOMAIN.md 1.5, 1.6, 2.4)."""

from __future__ import annotations

import pytest

from gongkai.rules.foioutcomes import (
    APPLICANT_CHOICES,
    OUTCOME_CHOICES,
    OUTCOMES,
    ApplicantKind,
    Outcome,
    OutcomeGroup,
    ReportTemplate,
    outcomes_in,
    report_row,
)


@pytest.mark.parametrize(
    ("group", "count"),
    [
        (OutcomeGroup.DISCLOSED, 1),
        (OutcomeGroup.PARTIAL, 1),
        (OutcomeGroup.WITHHELD, 8),
        (OutcomeGroup.UNAVAILABLE, 3),
        (OutcomeGroup.NOT_PROCESSED, 5),
        (OutcomeGroup.OTHER, 3),
    ],
)
def test_it_has_the_rows_of_the_annual_report(group, count):
    assert len(outcomes_in(group)) == count


def test_it_describes_every_outcome_once_in_report_order():
    assert list(OUTCOMES) == list(Outcome)
    rows = [info.row for info in OUTCOMES.values()]
    assert len(set(rows)) == len(rows) == 21
    assert rows[:3] == ["三（一）", "三（二）", "三（三）1"]
    assert rows[-1] == "三（六）3"


@pytest.mark.parametrize(
    ("outcome", "row", "item", "article"),
    [
        (Outcome.DISCLOSED, "三（一）", "", "第三十六条第（一）项、第（二）项"),
        (Outcome.PARTIAL, "三（二）", "", "第三十七条"),
        (Outcome.WITHHELD_STATE_SECRET, "三（三）1", "1.属于国家秘密", "第十四条"),
        (Outcome.WITHHELD_THIRD_PARTY, "三（三）4", "4.保护第三方合法权益", "第十五条、第三十二条"),
        (Outcome.WITHHELD_INTERNAL_AFFAIRS, "三（三）5", "5.属于三类内部事务信息", "第十六条第一款"),
        (Outcome.WITHHELD_ENFORCEMENT_FILE, "三（三）7", "7.属于行政执法案卷", "第十六条第二款"),
        (Outcome.WITHHELD_ADMINISTRATIVE_QUERY, "三（三）8", "8.属于行政查询事项", "第三十六条第（七）项"),
        (Outcome.UNAVAILABLE_STILL_UNCLEAR, "三（四）3", "3.补正后申请内容仍不明确", "第三十条"),
        (Outcome.NOT_PROCESSED_REPEATED, "三（五）2", "2.重复申请", "第三十六条第（六）项"),
        (Outcome.NOT_PROCESSED_EXCESSIVE, "三（五）4", "4.无正当理由大量反复申请", "第三十五条"),
        (Outcome.OTHER_NOT_AMENDED, "三（六）1",
         "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条"),
    ],
)
def test_it_ties_each_outcome_to_its_row_and_article(outcome, row, item, article):
    info = outcome.info
    assert (info.row, info.item, info.article) == (row, item, article)
    assert report_row(outcome) == row


def test_it_gives_short_chinese_labels():
    assert Outcome.DISCLOSED.label == "予以公开"
    assert Outcome.WITHHELD_STATE_SECRET.label == "不予公开：属于国家秘密"
    assert Outcome.NOT_PROCESSED_PUBLICATION.label == "不予处理：要求提供公开出版物"
    assert OutcomeGroup.PARTIAL.label.startswith("（二）部分公开")


def test_it_marks_the_recalled_rows_unverified():
    unverified = {outcome for outcome, info in OUTCOMES.items() if not info.verified}
    assert set(outcomes_in(OutcomeGroup.OTHER)) <= unverified
    assert Outcome.WITHHELD_STATE_SECRET not in unverified


def test_it_folds_other_handling_into_one_row_for_the_2019_format():
    for outcome in outcomes_in(OutcomeGroup.OTHER):
        assert report_row(outcome, ReportTemplate.TRIAL_2019) == "三（六）"
    assert report_row(Outcome.WITHHELD_STATE_SECRET, ReportTemplate.TRIAL_2019) == "三（三）1"


def test_it_offers_choices_for_forms():
    assert OUTCOME_CHOICES[0] == ("disclosed", "予以公开")
    assert len(OUTCOME_CHOICES) == len({code for code, _ in OUTCOME_CHOICES}) == 21


def test_it_lists_the_applicant_columns_in_report_order():
    assert [kind.label for kind in ApplicantKind] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
    ]
    assert not ApplicantKind.NATURAL_PERSON.is_organisation
    assert all(kind.is_organisation for kind in list(ApplicantKind)[1:])
    assert ApplicantKind.BUSINESS.column_label == "法人或其他组织 — 商业企业"
    assert APPLICANT_CHOICES[0] == ("natural_person", "自然人")
