"""Seed 001 三(四)2, in the product: the bonus points of a published round's awards flow into the
next annual round, once the office has decided any tie; audited, and counted in that round's
rates and tables."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.assessment import awarding, results, services
from gongkai.audit.models import AuditEntry
from tests.assessment.test_views import score_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def awarded(a_round, participant_a, participant_b, clerk_a, clerk_b, evaluator, second_evaluator, office_admin):
    """The 2026 round scored in full for both departments (a tie at 100%) and published."""
    score_everything(participant_a, clerk_a, evaluator, second_evaluator, office_admin)
    score_everything(participant_b, clerk_b, evaluator, second_evaluator, office_admin)
    return services.publish_round(a_round, actor=office_admin)


@pytest.fixture
def next_round(demo_system, unit_a, unit_b, evaluator, second_evaluator, office_admin, stage_dates):
    opens_on, due = stage_dates
    return services.open_round(
        system=demo_system, title="2027年度政务公开考评", kind="annual", period_start=opens_on, period_end=opens_on,
        opens_on=opens_on, due=due, units=[unit_a, unit_b], evaluators=[evaluator, second_evaluator],
        actor=office_admin,
    )


def decide(client, round_, order, reason="按重点领域工作完成情况，经公开办会议决定"):
    """The office records its decision on a tie in the results page."""
    return client.post(reverse("assessment:tie_decide", args=[round_.pk]), {
        "group": "、".join(sorted(order)), "reason": reason,
        **{f"place_{place}": name for place, name in enumerate(order, 1)},
    }, follow=True)


def test_the_bonus_waits_for_the_tie_and_then_counts_in_the_next_annual_round(awarded, next_round, office_admin,
                                                                               unit_a, unit_b, login):
    # 三(四)2: "市级部门…按照得分高低进行排序，第一名加5.0分，…依次递减0.2分"
    bonus = awarding.round_awards(awarded).bonus
    assert sorted(bonus.values()) == [Decimal("4.8"), Decimal("5.0")]
    client = login(office_admin)
    url = reverse("assessment:bonus", args=[awarded.pk])
    page = client.get(reverse("assessment:awards", args=[awarded.pk])).content.decode()
    assert "计入年度考评" in page and "2027年度政务公开考评" in page
    refused = client.post(url, {"target": next_round.pk}, follow=True).content.decode()
    assert "请先决定其先后" in refused
    assert not next_round.participants.exclude(bonus=0).exists()
    decide(client, awarded, [unit_a.name, unit_b.name])  # 财政局 before 教育局, against the name order
    bonus = awarding.round_awards(awarded).bonus
    assert (bonus[unit_a.name], bonus[unit_b.name]) == (Decimal("5.0"), Decimal("4.8"))
    response = client.post(url, {"target": next_round.pk}, follow=True)
    assert "表彰加分已计入“2027年度政务公开考评”" in response.content.decode()
    credited = {p.unit.name: p.bonus for p in next_round.participants.select_related("unit")}
    assert credited == bonus
    next_round.refresh_from_db()
    assert next_round.bonus_from == awarded
    entry = AuditEntry.objects.get(action="assessment_bonus_applied")
    assert entry.after["source"] == "2026年度政务公开考评" and len(entry.after["bonus"]) == 2
    (_, rows), = results.round_results(next_round)  # nothing approved yet: the rate is the bonus alone
    assert [(row.result.unit, row.rate_text) for row in rows] == [
        (name, f"{points:.2f}%") for name, points in sorted(bonus.items(), key=lambda item: -item[1])
    ]
    assert "+ 加分 5" in client.get(reverse("assessment:results", args=[next_round.pk])).content.decode()


def test_the_bonus_goes_only_to_another_open_annual_round(awarded, next_round, office_admin):
    from django.core.exceptions import ValidationError

    bonus = awarding.round_awards(awarded).bonus
    with pytest.raises(ValidationError, match="另一轮进行中的年度考评"):
        services.apply_bonus(awarded, awarded, bonus, [], actor=office_admin)
    next_round.kind = "demonstration"
    next_round.save(update_fields=["kind"])
    with pytest.raises(ValidationError, match="另一轮进行中的年度考评"):
        services.apply_bonus(awarded, next_round, bonus, [], actor=office_admin)


def test_only_the_office_applies_the_bonus(awarded, next_round, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        response = login(user).post(reverse("assessment:bonus", args=[awarded.pk]),
                                    {"target": next_round.pk})
        assert response.status_code == 403
    assert not next_round.participants.exclude(bonus=0).exists()


def test_the_office_issues_the_notice_as_a_draft_record_once_the_tie_is_decided(awarded, office_admin, unit_a, unit_b,
                                                                                  login):
    from docx import Document

    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import Record

    apply_default_columns(office_admin.unit)
    client = login(office_admin)
    url = reverse("assessment:awards_record", args=[awarded.pk])
    refused = client.post(url, follow=True).content.decode()
    assert "请先决定其先后" in refused and not Record.objects.exists()
    decide(client, awarded, [unit_b.name, unit_a.name])
    response = client.post(url)
    record = Record.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("records:console_detail", args=[record.pk])
    assert (record.unit, record.status, record.title) == (office_admin.unit, "draft", "关于表彰政务公开示范点建设先进单位的通知")
    assert list(record.columns.values_list("name", flat=True)) == ["通知公告"]
    attachment = record.attachments.get()
    text = "\n".join(p.text for p in Document(attachment.file.open("rb")).paragraphs)
    assert "（草稿）" not in text and "待确定" not in text and "示范市财政局" in text
    assert AuditEntry.objects.filter(action="assessment_awards_issued").exists()


def test_only_the_office_issues_the_notice(awarded, clerk_a, evaluator, login):
    from gongkai.records.models import Record

    for user in (clerk_a, evaluator):
        assert login(user).post(reverse("assessment:awards_record", args=[awarded.pk]),
                                {}).status_code == 403
    assert not Record.objects.exists()


def test_a_tie_is_shown_as_such_until_the_office_records_its_order_and_reason(awarded, office_admin, clerk_a, unit_a,
                                                                              unit_b, login):
    """Issue 17: "Ties are reported for the office to decide, never broken silently": 并列 in the
    ranking, the page and the exports until decided; the decision (order and reason) audited,
    then followed in the ranking and its exports; a later decision prevails, the earlier kept."""
    from io import BytesIO

    from docx import Document
    from openpyxl import load_workbook

    from gongkai.assessment.models import TieDecision

    client = login(office_admin)
    page = reverse("assessment:results", args=[awarded.pk])
    html = client.get(page).content.decode()
    assert html.count("1（并列）") == 2 and "决定并列单位的先后" in html
    (_, rows), = results.round_results(awarded)
    assert [(row.position, row.tied) for row in rows] == [(1, True), (1, True)]
    assert login(clerk_a).post(reverse("assessment:tie_decide", args=[awarded.pk]), {}).status_code == 403
    client = login(office_admin)
    refused = decide(client, awarded, [unit_a.name, unit_b.name], reason=" ").content.decode()
    assert "并列名次的决定未记录" in refused and not TieDecision.objects.exists()
    refused = decide(client, awarded, [unit_a.name, unit_a.name]).content.decode()
    assert "每个名次请选择不同的单位" in refused and not TieDecision.objects.exists()
    decide(client, awarded, [unit_a.name, unit_b.name], reason="财政局重点领域得分更高")
    html = client.get(page).content.decode()
    assert "1（并列，公开办已决定先后）" in html and "2（并列，公开办已决定先后）" in html
    assert "财政局重点领域得分更高" in html and "1（并列）" not in html
    (_, rows), = results.round_results(awarded)
    assert [(row.result.unit, row.position, row.tied) for row in rows] == [(unit_a.name, 1, False),
                                                                          (unit_b.name, 2, False)]
    sheet = load_workbook(BytesIO(results.results_xlsx(awarded)))["得分汇总"]
    assert [(row[1], row[2], row[-1]) for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        (1, unit_a.name, "财政局重点领域得分更高"), (2, unit_b.name, "财政局重点领域得分更高")]
    text = "\n".join(p.text for p in Document(BytesIO(results.results_docx(awarded))).paragraphs)
    assert "并列名次的决定" in text and "财政局重点领域得分更高" in text
    decide(client, awarded, [unit_b.name, unit_a.name], reason="复议后改定")
    (_, rows), = results.round_results(awarded)
    assert [row.result.unit for row in rows] == [unit_b.name, unit_a.name]
    assert TieDecision.objects.count() == 2
    entries = AuditEntry.objects.filter(action="assessment_tie_decided").order_by("id")
    assert [entry.after["reason"] for entry in entries] == ["财政局重点领域得分更高", "复议后改定"]
    assert entries.last().before == {"orders": [[unit_a.name, unit_b.name]]}
