"""The assessment pages, each both ways: who may see and do what, and who gets a 404 or 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.assessment.models import IndicatorSystem, Round, ScoreEntry
from gongkai.rules.assessment.scoring import Stage
from gongkai.rules.assessment.seed001 import seed001_system
from gongkai.rules.assessment.sheet import HEADERS, write_system
from tests.documents import xlsx_with_sheets

pytestmark = pytest.mark.django_db


def sheet_url(participant):
    return reverse("assessment:sheet", args=[participant.round_id, participant.pk])


def leaf_url(name, participant, code):
    return reverse(f"assessment:{name}", args=[participant.round_id, participant.pk, code])


def scores_url(participant):
    return reverse("assessment:sheet_scores", args=[participant.round_id, participant.pk])


def leaves_of(participant):
    return participant.round.system.as_rules().leaves(participant.category)


def score_everything(participant, clerk, collector, checker, office):
    from gongkai.assessment import services

    for leaf in leaves_of(participant):
        services.enter_self_score(participant, leaf.code, leaf.points, actor=clerk)
    services.submit_self_assessment(participant, actor=clerk)
    for leaf in leaves_of(participant):
        for actor, stage in ((collector, Stage.COLLECT), (checker, Stage.RECHECK), (office, Stage.APPROVE)):
            services.enter_score(participant, leaf.code, stage, leaf.points, actor=actor)


def test_the_round_list_shows_each_user_their_rounds(a_round, office_admin, clerk_a, outsider_evaluator, login):
    assert a_round.title in login(office_admin).get(reverse("assessment:rounds")).content.decode()
    assert a_round.title in login(clerk_a).get(reverse("assessment:rounds")).content.decode()
    assert a_round.title not in login(outsider_evaluator).get(reverse("assessment:rounds")).content.decode()


def test_the_list_needs_a_login(client):
    assert client.get(reverse("assessment:rounds")).status_code == 302


def test_the_office_imports_a_system_from_xlsx(office_admin, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(office_admin)
    upload = SimpleUploadedFile("示范点指标.xlsx", write_system(seed001_system()))
    response = client.post(reverse("assessment:systems"), {"name": "", "file": upload})
    assert response.status_code == 302
    system = IndicatorSystem.objects.get()
    assert system.name == "示范点指标" and system.indicators.count() == len(seed001_system().indicators)
    export = client.get(reverse("assessment:system_export", args=[system.pk]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_bad_sheet_is_refused_whole_with_each_row(office_admin, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = [list(HEADERS),
            ["1", "组织", None, "1.1", "甲", -1] + [None] * 6,
            [None, None, None, "3.1", "无上级", 2] + [None] * 6,
            [None, None, None, "1.1", "重复", 2] + [None] * 6]
    upload = SimpleUploadedFile("坏表.xlsx", xlsx_with_sheets({"表": rows}))
    response = login(office_admin).post(reverse("assessment:systems"), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200 and not IndicatorSystem.objects.exists()
    for message in ("第2行：编号 1.1 的分值 -1 为负数", "第3行：编号 3.1 缺少上级指标 3", "第4行：编号 1.1 重复"):
        assert message in html


def test_only_the_office_manages_systems_and_opens_rounds(clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        client = login(user)
        assert client.get(reverse("assessment:systems")).status_code == 403
        assert client.post(reverse("assessment:system_demo")).status_code == 403
        assert client.get(reverse("assessment:round_open")).status_code == 403
    assert not IndicatorSystem.objects.exists()


def test_the_office_opens_a_round_in_the_browser(demo_system, unit_a, unit_b, evaluator, office_admin, login,
                                                 stage_dates):
    client = login(office_admin)
    page = client.get(reverse("assessment:round_open"))
    assert page.status_code == 200 and "示范市财政局" in page.content.decode()
    opens_on, due = stage_dates
    form = {"system": demo_system.pk, "title": "2026年度考评", "kind": "annual", "period_start": "2026-01-01",
            "period_end": "2026-12-31", "opens_on": opens_on.isoformat(),
            "self_due": due[Stage.SELF].isoformat(), "collect_due": due[Stage.COLLECT].isoformat(),
            "recheck_due": due[Stage.RECHECK].isoformat(), "approve_due": due[Stage.APPROVE].isoformat(),
            "units": [unit_a.pk, unit_b.pk], "evaluators": [evaluator.pk]}
    response = client.post(reverse("assessment:round_open"), form)
    round_ = Round.objects.get()
    assert response.status_code == 302 and round_.participants.count() == 2
    holiday = client.post(reverse("assessment:round_open"), {**form, "self_due": "2026-10-01"})
    assert "2026-10-01 不是工作日" in holiday.content.decode() and Round.objects.count() == 1


def test_progress_by_unit_for_the_office_and_only_the_own_row_for_a_unit(a_round, participant_a, office_admin,
                                                                          clerk_a, login):
    html = login(office_admin).get(reverse("assessment:round", args=[a_round.pk])).content.decode()
    assert "示范市财政局" in html and "示范市教育局" in html and "公布结果" in html
    html = login(clerk_a).get(reverse("assessment:round", args=[a_round.pk])).content.decode()
    assert "示范市财政局" in html and "示范市教育局" not in html and "公布结果" not in html


def test_a_round_without_the_users_unit_is_not_found(a_round, outsider_evaluator, login, city):
    from tests.conftest import make_user

    stranger = make_user("clerk_c", city, "clerk")
    for user in (outsider_evaluator, stranger):
        assert login(user).get(reverse("assessment:round", args=[a_round.pk])).status_code == 404


def test_a_unit_fills_its_own_sheet_and_not_anothers(participant_a, participant_b, clerk_a, login):
    client = login(clerk_a)
    page = client.get(sheet_url(participant_a))
    assert page.status_code == 200 and "保存自评" in page.content.decode()
    response = client.post(scores_url(participant_a), {"stage": "self", "score-1.1": "2.5", "note-1.1": "已调整领导组"})
    assert response.status_code == 302
    assert ScoreEntry.objects.get(participant=participant_a).score == 2.5
    client.post(scores_url(participant_a), {"stage": "self", "score-1.1": "2.50", "note-1.1": "已调整领导组"})
    assert ScoreEntry.objects.count() == 1  # the same score again is no new entry
    assert 'value="2.5"' in client.get(sheet_url(participant_a)).content.decode()
    assert client.get(sheet_url(participant_b)).status_code == 404
    assert client.post(scores_url(participant_b), {"stage": "self", "score-1.1": "2"}).status_code == 404
    assert not ScoreEntry.objects.filter(participant=participant_b).exists()


def test_a_bad_self_score_refuses_the_sheet_and_keeps_what_was_typed(participant_a, clerk_a, login):
    response = login(clerk_a).post(scores_url(participant_a), {"stage": "self", "score-1.1": "9", "score-1.2": "1",
                                                               "note-1.2": "已公开"})
    html = response.content.decode()
    assert response.status_code == 200 and "指标 1.1：得分须在 0 至 2.5 分之间" in html
    assert 'value="9"' in html and 'value="已公开"' in html
    assert not ScoreEntry.objects.exists()


def test_a_unit_adds_its_published_record_as_evidence(participant_a, clerk_a, published_record, login):
    client = login(clerk_a)
    response = client.post(leaf_url("evidence_add", participant_a, "2.1"), {"record": published_record.pk}, follow=True)
    assert published_record.title in response.content.decode()
    assert participant_a.evidence.get().record == published_record


def test_an_evidence_file_is_for_those_who_see_the_sheet(participant_a, clerk_a, clerk_b, evaluator,
                                                           outsider_evaluator, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(clerk_a).post(leaf_url("evidence_add", participant_a, "1.1"),
                        {"file": SimpleUploadedFile("领导小组.txt", "调整领导小组的通知".encode())})
    evidence = participant_a.evidence.get()
    url = reverse("assessment:evidence_file", args=[participant_a.round_id, participant_a.pk, evidence.pk])
    assert url in login(clerk_a).get(sheet_url(participant_a)).content.decode()
    response = login(evaluator).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == "调整领导小组的通知".encode()
    for user in (clerk_b, outsider_evaluator):
        assert login(user).get(url).status_code == 404


def test_an_evaluator_scores_only_assigned_units(participant_a, clerk_a, evaluator, outsider_evaluator, login):
    from gongkai.assessment import services

    for leaf in leaves_of(participant_a):
        services.enter_self_score(participant_a, leaf.code, leaf.points, actor=clerk_a)
    services.submit_self_assessment(participant_a, actor=clerk_a)
    client = login(evaluator)
    assert "签名保存" in client.get(sheet_url(participant_a)).content.decode()
    client.post(scores_url(participant_a), {"stage": "collect", "score-1.1": "2.5"})
    assert ScoreEntry.objects.filter(stage="collect").count() == 1
    assert client.post(scores_url(participant_a), {"stage": "approve", "score-1.1": "2.5"}).status_code == 403
    outsider = login(outsider_evaluator)
    assert outsider.get(sheet_url(participant_a)).status_code == 404
    assert outsider.post(scores_url(participant_a), {"stage": "collect", "score-1.2": "2"}).status_code == 404
    assert ScoreEntry.objects.filter(stage="collect").count() == 1


def test_only_the_office_publishes(a_round, clerk_a, evaluator, login):
    for user in (clerk_a, evaluator):
        assert login(user).post(reverse("assessment:round_publish", args=[a_round.pk])).status_code == 403
    a_round.refresh_from_db()
    assert a_round.status == "open"


def test_a_round_from_start_to_finish_in_the_browser(participant_a, participant_b, clerk_a, clerk_b, evaluator,
                                                     second_evaluator, office_admin, published_record, login):
    unit = login(clerk_a)
    unit.post(leaf_url("evidence_add", participant_a, "2.9"), {"record": published_record.pk})
    unit.post(scores_url(participant_a), {"stage": "self", **{f"score-{leaf.code}": str(leaf.points)
                                                               for leaf in leaves_of(participant_a)}})
    unit.post(reverse("assessment:self_submit", args=[participant_a.round_id, participant_a.pk]))
    participant_a.refresh_from_db()
    assert participant_a.submitted_at is not None
    for user, stage in ((evaluator, "collect"), (second_evaluator, "recheck"), (office_admin, "approve")):
        client = login(user)
        form = {"stage": stage, **{f"score-{leaf.code}": str(leaf.points) for leaf in leaves_of(participant_a)}}
        if stage == "collect":
            form.update({"score-2.9": "1", "note-2.9": "年报逾期发布"})
        else:  # the page offers the stage before it: agreeing is saving
            assert f'name="stage" value="{stage}"' in client.get(sheet_url(participant_a)).content.decode()
            form["score-2.9"] = "1"
        client.post(scores_url(participant_a), form)
    assert ScoreEntry.objects.filter(participant=participant_a, stage="approve").count() == len(leaves_of(participant_a))
    before = login(clerk_a).get(sheet_url(participant_a)).content.decode()
    assert "年报逾期发布" not in before and "评估得分在考评结果公布后显示" in before
    assert login(clerk_b).get(sheet_url(participant_a)).status_code == 404
    publish_url = reverse("assessment:round_publish", args=[participant_a.round_id])
    refused = login(office_admin).post(publish_url, follow=True).content.decode()
    assert "示范市教育局还有" in refused  # publishing waits for every unit
    score_everything(participant_b, clerk_b, evaluator, second_evaluator, office_admin)
    login(office_admin).post(publish_url)
    assert Round.objects.get().status == "published"
    after = login(clerk_a).get(sheet_url(participant_a)).content.decode()
    assert "年报逾期发布" in after and published_record.title in after
    assert login(clerk_b).get(sheet_url(participant_a)).status_code == 404


def test_a_sheet_takes_a_few_queries_whatever_its_number_of_leaves(participant_a, clerk_a, evaluator, login,
                                                                    django_assert_max_num_queries):
    for user in (clerk_a, evaluator):
        client = login(user)
        with django_assert_max_num_queries(26):  # one query per measure, not per leaf (7 measures)
            assert client.get(sheet_url(participant_a)).status_code == 200


def test_scoring_before_the_unit_hands_in_is_refused_once_for_the_whole_sheet(participant_a, evaluator, login):
    form = {"stage": "collect", **{f"score-{leaf.code}": str(leaf.points) for leaf in leaves_of(participant_a)}}
    html = login(evaluator).post(scores_url(participant_a), form).content.decode()
    assert html.count("尚未提交自评") == 1 and not ScoreEntry.objects.exists()
