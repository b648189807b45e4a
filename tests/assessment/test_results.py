"""Results: 得分率 and 重点领域得分率 over the 审定 scores, ranked within each class with ties
marked; the office's page and .xlsx, and nobody else's."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
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
                                                 office_admin, login, settings):
    score_everything(participant_a, clerk_a, evaluator, second_evaluator, office_admin)
    client = login(office_admin)
    settings.GONGKAI_ASSESSMENT_WEIGHT = Decimal(5)
    page = client.get(reverse("assessment:results", args=[a_round.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "100.00%" in html
    # 财政局 100%, 教育局 0% (unscored): the mean 50% is worth 2.5 of the 5 points
    assert "全体参评单位平均得分率 50.00%，折合政府绩效考核 2.5 分（政务公开权重 5%）" in html
    export = client.get(reverse("assessment:results_xlsx", args=[a_round.pk]))
    workbook = openpyxl.load_workbook(io.BytesIO(export.content))
    summary = list(workbook["得分汇总"].iter_rows(values_only=True))
    assert summary[0][:3] == ("类别", "排名", "单位") and summary[1][2] == "示范市财政局" and summary[1][3] == 100
    assert summary[0][-2:] == ("绩效考核折算分", "并列名次决定理由") and summary[1][-2] == 5
    detail = list(workbook["评分明细"].iter_rows(values_only=True))
    assert len(detail) == 1 + 2 * len(leaves_of(participant_a))
    document = docx.Document(io.BytesIO(client.get(reverse("assessment:results_docx", args=[a_round.pk])).content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "2026年度政务公开考评得分与排名" in text and "折合政府绩效考核 2.5 分（政务公开权重 5%）" in text
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0][:2] == ["排名", "单位"] and rows[1][:3] == ["1", "示范市财政局", "100"] and rows[1][-1] == "5"


def test_nobody_but_the_office_sees_the_results(a_round, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        client = login(user)
        assert client.get(reverse("assessment:results", args=[a_round.pk])).status_code == 403
        assert client.get(reverse("assessment:results_xlsx", args=[a_round.pk])).status_code == 403
        assert client.get(reverse("assessment:results_docx", args=[a_round.pk])).status_code == 403


def test_the_office_runs_seed_001s_awards_on_a_published_round(a_round, participant_a, participant_b, clerk_a,
                                                               clerk_b, evaluator, second_evaluator, office_admin,
                                                               login):
    from gongkai.assessment import services

    score_everything(participant_a, clerk_a, evaluator, second_evaluator, office_admin)
    score_everything(participant_b, clerk_b, evaluator, second_evaluator, office_admin)
    client = login(office_admin)
    early = client.get(reverse("assessment:awards", args=[a_round.pk])).content.decode()
    assert "考评结果公布后才能评定表彰" in early
    services.publish_round(a_round, actor=office_admin)
    html = client.get(reverse("assessment:awards", args=[a_round.pk])).content.decode()
    # both at 100%: both named (10 重点 places), but first and second place carry 5 and 4.8 points
    assert "示范市财政局、示范市教育局" in html or "示范市教育局、示范市财政局" in html
    assert "请公开办决定先后" in html and "市级重点领域部门第1名" in html
    draft = client.get(reverse("assessment:awards_docx", args=[a_round.pk]))
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(draft.content)).paragraphs)
    assert "政务公开示范点建设先进单位的通知（草稿）" in text and "根据2026年度政务公开考评评估结果" in text and "示范市教育局、示范市财政局等2个单位" in text
    assert "示范市教育局、示范市财政局得分率相同，名次先后待确定。" in text
    cells = [cell.text for table in docx.Document(io.BytesIO(draft.content)).tables for cell in table._cells]
    assert "5" in cells and "4.8" in cells


def test_a_town_is_credited_to_its_county_or_district(city, db):
    from gongkai.assessment.awarding import county_kind
    from gongkai.orgs.models import Unit, UnitKind

    def gov(name):
        return Unit(name=name, kind=UnitKind.COUNTY_GOV, parent=city)

    assert county_kind(gov("金寨县人民政府")) == "县" and county_kind(gov("四会市人民政府")) == "县"
    assert county_kind(gov("江门市新会区人民政府")) == "区" and county_kind(gov("示范市财政局")) is None


def test_nobody_but_the_office_runs_the_awards(a_round, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        assert login(user).get(reverse("assessment:awards", args=[a_round.pk])).status_code == 403
        assert login(user).get(reverse("assessment:awards_docx", args=[a_round.pk])).status_code == 403


def test_a_published_towns_points_go_to_its_county(demo_system, city, office_admin, evaluator, second_evaluator,
                                                   stage_dates):
    from gongkai.assessment import awarding, services
    from gongkai.orgs.models import Unit, UnitKind
    from tests.conftest import make_user

    county = Unit.objects.create(key="jz", name="金寨县人民政府", kind=UnitKind.COUNTY_GOV, parent=city)
    town = Unit.objects.create(key="qs", name="青山乡人民政府", kind=UnitKind.TOWNSHIP, parent=county,
                               category="township")
    opens_on, due = stage_dates
    round_ = services.open_round(system=demo_system, title="示范点评估", kind="demonstration", period_start=opens_on,
                                 period_end=opens_on, opens_on=opens_on, due=due, units=[town],
                                 evaluators=[evaluator, second_evaluator], actor=office_admin)
    score_everything(round_.participants.get(), make_user("clerk_qs", town, "clerk"), evaluator, second_evaluator,
                     office_admin)
    services.publish_round(round_, actor=office_admin)
    outcome = awarding.round_awards(round_)
    assert outcome.awarded == ["青山乡人民政府"] and outcome.bonus == {"金寨县人民政府": Decimal("2.5")}
