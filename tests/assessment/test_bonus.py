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


def test_the_bonus_waits_for_the_tie_and_then_counts_in_the_next_annual_round(awarded, next_round, office_admin,
                                                                               login):
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
    response = client.post(url, {"target": next_round.pk, "ties_decided": "on"}, follow=True)
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
        services.apply_bonus(awarded, awarded, bonus, [], ties_decided=True, actor=office_admin)
    next_round.kind = "demonstration"
    next_round.save(update_fields=["kind"])
    with pytest.raises(ValidationError, match="另一轮进行中的年度考评"):
        services.apply_bonus(awarded, next_round, bonus, [], ties_decided=True, actor=office_admin)


def test_only_the_office_applies_the_bonus(awarded, next_round, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        response = login(user).post(reverse("assessment:bonus", args=[awarded.pk]),
                                    {"target": next_round.pk, "ties_decided": "on"})
        assert response.status_code == 403
    assert not next_round.participants.exclude(bonus=0).exists()


def test_the_office_issues_the_notice_as_a_draft_record_once_the_tie_is_decided(awarded, office_admin, login):
    from docx import Document

    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import Record

    apply_default_columns(office_admin.unit)
    client = login(office_admin)
    url = reverse("assessment:awards_record", args=[awarded.pk])
    refused = client.post(url, follow=True).content.decode()
    assert "请先决定其先后" in refused and not Record.objects.exists()
    response = client.post(url, {"issue-ties_decided": "on"})
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
                                {"issue-ties_decided": "on"}).status_code == 403
    assert not Record.objects.exists()
