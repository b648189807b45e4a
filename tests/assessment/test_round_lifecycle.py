"""A round from start to finish through the services: the office opens it on working days, a
unit self-assesses with a record as evidence, one evaluator collects, another re-checks, the
office approves and publishes; every step signed and audited, nothing overwritten."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from gongkai.assessment import access, services
from gongkai.assessment.models import Evidence, ScoreEntry
from gongkai.audit.models import AuditEntry
from gongkai.rules.assessment.scoring import Stage


def leaves_of(participant):
    system = participant.round.system.as_rules()
    return system.leaves(participant.category)


def self_assess_all(participant, clerk, score=None):
    for leaf in leaves_of(participant):
        services.enter_self_score(participant, leaf.code, score if score is not None else leaf.points, actor=clerk)
    services.submit_self_assessment(participant, actor=clerk)


def test_it_opens_a_round_with_each_unit_scored_as_its_class(a_round, unit_a):
    participant = a_round.participants.get(unit=unit_a)
    assert participant.category == "key_department"
    assert [leaf.code for leaf in leaves_of(participant)][-1] == "5.3.8"  # 5.3.9 is for the others
    assert AuditEntry.objects.filter(action="assessment_round_opened").exists()


def test_it_refuses_stage_dates_on_a_holiday(demo_system, unit_a, office_admin, stage_dates):
    opens_on, due = stage_dates
    due = {**due, Stage.SELF: date(2026, 10, 1)}
    with pytest.raises(ValidationError) as refused:
        services.open_round(system=demo_system, title="测试", kind="annual", period_start=opens_on,
                            period_end=opens_on, opens_on=date(2026, 9, 1), due=due, units=[unit_a],
                            actor=office_admin)
    assert any("2026-10-01 不是工作日" in message for message in refused.value.messages)


def test_it_refuses_a_unit_without_a_class(demo_system, office_unit, office_admin, stage_dates):
    opens_on, due = stage_dates
    with pytest.raises(ValidationError, match="没有考评类别"):
        services.open_round(system=demo_system, title="测试", kind="annual", period_start=opens_on,
                            period_end=opens_on, opens_on=opens_on, due=due, units=[office_unit], actor=office_admin)


def test_only_the_office_opens_a_round(demo_system, unit_a, clerk_a, stage_dates):
    opens_on, due = stage_dates
    with pytest.raises(PermissionDenied):
        services.open_round(system=demo_system, title="测试", kind="annual", period_start=opens_on,
                            period_end=opens_on, opens_on=opens_on, due=due, units=[unit_a], actor=clerk_a)


def test_a_round_from_start_to_finish(participant_a, clerk_a, evaluator, second_evaluator, office_admin,
                                      published_record):
    services.add_evidence(participant_a, "2.9", record=published_record, actor=clerk_a)
    services.enter_self_score(participant_a, "2.9", "2", "年报按时发布", actor=clerk_a)
    self_assess_all(participant_a, clerk_a)
    with pytest.raises(ValidationError, match="与自评分 2 不同，须填写理由"):
        services.enter_score(participant_a, "2.9", Stage.COLLECT, "1.5", actor=evaluator)
    for leaf in leaves_of(participant_a):
        note = "年报晚于1月31日发布" if leaf.code == "2.9" else ""
        score = Decimal("1.5") if leaf.code == "2.9" else leaf.points
        services.enter_score(participant_a, leaf.code, Stage.COLLECT, score, note, actor=evaluator)
    with pytest.raises(ValidationError, match="复核须由采集人以外的评估人进行"):
        services.enter_score(participant_a, "2.9", Stage.RECHECK, "1.5", actor=evaluator)
    for leaf in leaves_of(participant_a):
        score = Decimal("1.5") if leaf.code == "2.9" else leaf.points
        services.enter_score(participant_a, leaf.code, Stage.RECHECK, score, actor=second_evaluator)
        services.enter_score(participant_a, leaf.code, Stage.APPROVE, score, actor=office_admin)
    entries = services.leaf_entries(participant_a)["2.9"]
    assert [entries[stage].score for stage in Stage] == [Decimal(2), Decimal("1.5"), Decimal("1.5"), Decimal("1.5")]
    assert Evidence.objects.get(participant=participant_a).record == published_record
    assert AuditEntry.objects.filter(action="assessment_score_approve").count() == len(leaves_of(participant_a))


def test_it_publishes_only_when_every_leaf_is_approved(a_round, participant_a, office_admin):
    with pytest.raises(ValidationError) as refused:
        services.publish_round(a_round, actor=office_admin)
    assert "示范市财政局还有" in refused.value.messages[0]


def test_a_unit_sees_its_scores_only_once_the_round_is_published(a_round, participant_a, clerk_a, clerk_b,
                                                                 evaluator, office_admin):
    assert access.may_view(clerk_a, participant_a) and not access.may_see_scores(clerk_a, participant_a)
    assert not access.may_view(clerk_b, participant_a)
    a_round.status = "published"
    assert access.may_see_scores(clerk_a, participant_a) and not access.may_see_scores(clerk_b, participant_a)


def test_an_evaluator_sees_only_the_units_assigned_to_them(a_round, participant_a, evaluator, outsider_evaluator):
    assert access.may_evaluate(evaluator, participant_a) and access.may_view(evaluator, participant_a)
    assert not access.may_evaluate(outsider_evaluator, participant_a)
    assert not access.may_view(outsider_evaluator, participant_a)
    assert list(access.visible_participants(outsider_evaluator, a_round)) == []
    with pytest.raises(PermissionDenied):
        services.enter_score(participant_a, "1.1", Stage.COLLECT, "2", actor=outsider_evaluator)


def test_another_unit_cannot_self_assess_or_add_evidence(participant_a, clerk_b):
    with pytest.raises(PermissionDenied):
        services.enter_self_score(participant_a, "1.1", "2", actor=clerk_b)
    with pytest.raises(PermissionDenied):
        services.add_evidence(participant_a, "1.1", url="https://example.gov.cn/", actor=clerk_b)


def test_evidence_is_the_units_own_published_record(participant_b, clerk_b, published_record, make_draft):
    with pytest.raises(ValidationError, match="只能引用本单位已主动公开的政府信息"):
        services.add_evidence(participant_b, "1.1", record=published_record, actor=clerk_b)


def test_evidence_refuses_a_draft_record_and_a_bad_link(participant_a, clerk_a, make_draft):
    with pytest.raises(ValidationError, match="只能引用本单位已主动公开的政府信息"):
        services.add_evidence(participant_a, "1.1", record=make_draft(), actor=clerk_a)
    with pytest.raises(ValidationError, match="链接须以"):
        services.add_evidence(participant_a, "1.1", url="javascript:alert(1)", actor=clerk_a)


def test_evidence_files_are_checked_by_content(participant_a, clerk_a):
    with pytest.raises(ValidationError):
        services.add_evidence(participant_a, "1.1", file_name="说明.docx", content=b"MZ\x90\x00binary", actor=clerk_a)
    evidence = services.add_evidence(participant_a, "1.1", file_name="说明.txt",
                                     content="领导小组调整文件".encode(), actor=clerk_a)
    assert evidence.kind == "file" and evidence.file.read() == "领导小组调整文件".encode()


def test_a_leaf_of_another_class_is_refused(participant_a, clerk_a):
    with pytest.raises(ValidationError, match="指标 5.4.1 不适用于示范市财政局"):
        services.enter_self_score(participant_a, "5.4.1", "5", actor=clerk_a)


def test_submitting_needs_every_leaf_and_then_freezes_the_self_assessment(participant_a, clerk_a):
    with pytest.raises(ValidationError, match="项指标没有自评"):
        services.submit_self_assessment(participant_a, actor=clerk_a)
    self_assess_all(participant_a, clerk_a, score=0)
    with pytest.raises(ValidationError, match="自评已提交"):
        services.enter_self_score(participant_a, "1.1", "1", actor=clerk_a)


def test_evaluators_wait_for_the_self_assessment(participant_a, evaluator):
    with pytest.raises(ValidationError, match="尚未提交自评"):
        services.enter_score(participant_a, "1.1", Stage.COLLECT, "2", actor=evaluator)


def test_a_correction_is_a_new_entry_and_entries_are_never_updated(participant_a, clerk_a):
    services.enter_self_score(participant_a, "1.1", "2", actor=clerk_a)
    services.enter_self_score(participant_a, "1.1", "2.5", actor=clerk_a)
    assert ScoreEntry.objects.filter(participant=participant_a, code="1.1").count() == 2
    assert services.leaf_entries(participant_a)["1.1"][Stage.SELF].score == Decimal("2.5")
    entry = ScoreEntry.objects.filter(participant=participant_a).first()
    entry.score = Decimal(0)
    with pytest.raises(DatabaseError), transaction.atomic():  # the trigger: SQLite and PostgreSQL alike
        entry.save()


def test_only_the_office_approves(participant_a, clerk_a, evaluator, second_evaluator):
    self_assess_all(participant_a, clerk_a)
    services.enter_score(participant_a, "1.1", Stage.COLLECT, "2.5", actor=evaluator)
    services.enter_score(participant_a, "1.1", Stage.RECHECK, "2.5", actor=second_evaluator)
    with pytest.raises(PermissionDenied, match="审定由公开办进行"):
        services.enter_score(participant_a, "1.1", Stage.APPROVE, "2.5", actor=second_evaluator)


def test_it_refuses_a_bad_sheet_whole(office_admin):
    from gongkai.assessment.models import IndicatorSystem
    from gongkai.rules.assessment.sheet import HEADERS
    from tests.documents import xlsx_with_sheets

    content = xlsx_with_sheets({"表": [list(HEADERS), ["1", "组织", None, "1.1", "甲", -1] + [None] * 6]})
    with pytest.raises(ValidationError, match="第2行：编号 1.1 的分值 -1 为负数"):
        services.import_system(content, "测试", actor=office_admin)
    assert not IndicatorSystem.objects.exists()
