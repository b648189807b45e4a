"""Results: 得分率 and 重点领域得分率 over the 审定 scores, ranked within each class with ties
marked; the office's page and .xlsx, and nobody else's."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from gongkai.assessment import results
from tests.assessment.test_views import leaves_of, score_everything

pytestmark = pytest.mark.django_db


def test_units_of_a_class_rank_by_rate_with_ties_shared(a_round, participant_a, participant_b, clerk_a, clerk_b,
                                                          evaluator, second_evaluator, office_admin):
    score_everything(participant_a, clerk_a, evaluator, second_evaluator, office_admin)
    score_everything(participant_b, clerk_b, evaluator, second_evaluator, office_admin)
    (label, rows), = results.round_results(a_round)
    assert label == "市级重点领域部门"
    assert [(row.position, row.tied, row.rate_text) for row in rows] == [(1, True, "100.00%"), (1, True, "100.00%")]
    assert rows[0].result.points == Decimal(100) and rows[0].unapproved == 0


def test_unapproved_leaves_count_zero_and_are_reported(a_round, participant_a, participant_b, clerk_a, evaluator,
                                                        second_evaluator, office_admin):
    score_everything(participant_a, clerk_a, evaluator, second_evaluator, office_admin)
    (_, rows), = results.round_results(a_round)
    assert [row.result.unit for row in rows] == ["示范市财政局", "示范市教育局"]
    assert rows[1].rate_text == "0.00%" and rows[1].unapproved == len(leaves_of(participant_b))
    key_points = sum(leaf.points for leaf in leaves_of(participant_a) if leaf.key_area)
    assert rows[0].result.key_points == key_points and rows[0].key_rate_text == "100.00%"


def test_the_office_sees_and_exports_the_results(a_round, participant_a, clerk_a, evaluator, second_evaluator,
                                                 office_admin, login):
    score_everything(participant_a, clerk_a, evaluator, second_evaluator, office_admin)
    client = login(office_admin)
    page = client.get(reverse("assessment:results", args=[a_round.pk]))
    assert page.status_code == 200 and "100.00%" in page.content.decode()
    export = client.get(reverse("assessment:results_xlsx", args=[a_round.pk]))
    workbook = openpyxl.load_workbook(io.BytesIO(export.content))
    summary = list(workbook["得分汇总"].iter_rows(values_only=True))
    assert summary[0][:3] == ("类别", "排名", "单位") and summary[1][2] == "示范市财政局" and summary[1][3] == 100
    detail = list(workbook["评分明细"].iter_rows(values_only=True))
    assert len(detail) == 1 + 2 * len(leaves_of(participant_a))


def test_nobody_but_the_office_sees_the_results(a_round, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        client = login(user)
        assert client.get(reverse("assessment:results", args=[a_round.pk])).status_code == 403
        assert client.get(reverse("assessment:results_xlsx", args=[a_round.pk])).status_code == 403
