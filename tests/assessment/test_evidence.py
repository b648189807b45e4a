"""Evidence besides records, links and files: a unit's own progress reports on plan items,
handed in (submitted or accepted); the evaluators read them on the sheet."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.assessment import services
from gongkai.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def evidence_url(participant, code):
    return reverse("assessment:evidence_add", args=[participant.round_id, participant.pk, code])


def sheet_url(participant):
    return reverse("assessment:sheet", args=[participant.round_id, participant.pk])


def test_a_unit_cites_its_handed_in_progress_report(participant_a, clerk_a, evaluator, handed_in_report, login):
    client = login(clerk_a)
    page = client.get(sheet_url(participant_a)).content.decode()
    assert "或进展报告" in page and "推进中 · 待验收" in page
    response = client.post(evidence_url(participant_a, "1.2"), {"plan_report": handed_in_report.pk}, follow=True)
    assert "已为指标 1.2 添加佐证材料" in response.content.decode(), [m.message for m in response.context["messages"]]
    evidence = participant_a.evidence.get()
    assert evidence.kind == "plan_report" and evidence.plan_report == handed_in_report
    assert AuditEntry.objects.filter(action="assessment_evidence_added").exists()
    seen = login(evaluator).get(sheet_url(participant_a)).content.decode()
    assert "部门预算已公开到款级科目。" in seen and "进展报告" in seen
    assert reverse("plans:report_detail", args=[handed_in_report.pk]) not in seen  # the plans page is not theirs
    assert reverse("plans:report_detail", args=[handed_in_report.pk]) in login(clerk_a).get(sheet_url(participant_a)).content.decode()


def test_a_draft_or_another_units_report_is_not_evidence(participant_a, participant_b, clerk_a, clerk_b,
                                                         handed_in_report, login):
    from gongkai.plans.models import ReportState

    response = login(clerk_b).post(evidence_url(participant_b, "1.2"), {"plan_report": handed_in_report.pk}, follow=True)
    assert "佐证材料填写有误" in response.content.decode() and not participant_b.evidence.exists()
    handed_in_report.state = ReportState.DRAFT
    handed_in_report.save(update_fields=["state"])
    with pytest.raises(ValidationError, match="已报送的工作要点进展报告"):
        services.add_evidence(participant_a, "1.2", plan_report=handed_in_report, actor=clerk_a)
