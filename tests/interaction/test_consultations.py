"""Consultations on drafts: a unit opens one on its own draft with a checked period, the public
comments (rate-limited, moderated before showing, text public only with the author's consent, by
article), the unit writes the 采纳情况 after the period and publishes it beside the final
document, which links to it; exports of the comments as real .xlsx and .docx."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from gongkai.audit.models import AuditEntry
from gongkai.interaction import consultations as services
from gongkai.interaction.models import Comment, CommentStatus, Consultation, ConsultationStatus
from tests.interaction.conftest import (
    COMMENTER_EMAIL,
    COMMENTER_ID,
    COMMENTER_NAME,
    COMMENTER_PHONE,
    comment_details,
)

pytestmark = pytest.mark.django_db

PERSONAL = (COMMENTER_NAME, COMMENTER_PHONE, COMMENTER_EMAIL, COMMENTER_ID)


def _comment_form(**changes):
    data = {key: value for key, value in comment_details().items() if key != "text_public"}
    data["text_public"] = "on"
    data.update(changes)
    return data


def test_it_opens_a_consultation_on_the_units_draft_with_a_checked_period(consultation, draft):
    assert consultation.draft_text == draft.body_text
    assert (consultation.opens_on, consultation.closes_on, consultation.period_days) == (
        date(2026, 10, 1), date(2026, 10, 31), 30)
    assert [s.key for s in consultation.sections] == ["第一条", "第二条", "第三条"]
    assert AuditEntry.objects.filter(action="consultation_opened", object_id=str(consultation.pk)).exists()


def test_it_refuses_a_short_period_without_a_reason_and_keeps_the_reason_given(freeze, draft, clerk_a, client):
    freeze(date(2026, 10, 1))
    with pytest.raises(ValidationError, match="缩短期限须说明理由"):
        services.open_consultation(draft, kind="normative", closes_on=date(2026, 10, 15), explanation="说明",
                                   actor=clerk_a)
    assert not Consultation.objects.exists()
    short = services.open_consultation(draft, kind="normative", closes_on=date(2026, 10, 15), explanation="说明",
                                       short_reason="汛期临近，情况紧急", actor=clerk_a)
    page = client.get(reverse("interaction:consultation", args=[short.pk])).content.decode()
    assert "期限短于30日的理由" in page and "汛期临近，情况紧急" in page


def test_it_lets_no_other_unit_open_a_consultation_on_a_draft(freeze, draft, clerk_b):
    freeze(date(2026, 10, 1))
    with pytest.raises(PermissionDenied):
        services.open_consultation(draft, kind="normative", closes_on=date(2026, 10, 31), explanation="说明",
                                   actor=clerk_b)


def test_it_opens_one_from_the_console_form(freeze, draft, clerk_a, login):
    freeze(date(2026, 10, 1))
    client = login(clerk_a)
    response = client.post(reverse("interaction:consultation_open"), {
        "draft": draft.pk, "kind": "normative", "explanation": "起草说明", "closes_on": "2026-10-20",
    })
    assert response.status_code == 400 and "缩短期限须说明理由" in response.content.decode()
    response = client.post(reverse("interaction:consultation_open"), {
        "draft": draft.pk, "kind": "normative", "explanation": "起草说明", "closes_on": "2026-10-31",
    })
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and response.url == reverse("interaction:consultation_console",
                                                                    args=[consultation.pk])


def test_it_shows_a_comment_only_once_moderated_in(consultation, client, clerk_a):
    response = client.post(reverse("interaction:consultation_comment", args=[consultation.pk]), _comment_form())
    assert response.status_code == 200 and "意见已提交" in response.content.decode()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.section == "第三条"
    page = client.get(reverse("interaction:consultation", args=[consultation.pk])).content.decode()
    assert "犬链长度放宽" not in page
    services.moderate(comment, True, actor=clerk_a)
    page = client.get(reverse("interaction:consultation", args=[consultation.pk])).content.decode()
    assert "建议犬链长度放宽到2米" in page
    for value in PERSONAL:
        assert value not in page


def test_it_keeps_the_text_of_a_comment_private_without_consent(consultation, clerk_a, client):
    comment = services.submit_comment(consultation, comment_details(text="不愿公开的意见内容", text_public=False))
    services.moderate(comment, True, actor=clerk_a)
    page = client.get(reverse("interaction:consultation", args=[consultation.pk])).content.decode()
    assert "不愿公开的意见内容" not in page and "意见人未同意公开意见内容" in page


def test_it_keeps_a_moderated_out_comment_off_the_page_with_the_reason_recorded(consultation, clerk_a, client):
    comment = services.submit_comment(consultation, comment_details(text="无关的广告内容"))
    with pytest.raises(ValidationError, match="须说明理由"):
        services.moderate(comment, False, actor=clerk_a)
    services.moderate(comment, False, note="与征求意见稿无关", actor=clerk_a)
    page = client.get(reverse("interaction:consultation", args=[consultation.pk])).content.decode()
    assert "无关的广告内容" not in page
    assert AuditEntry.objects.filter(action="consultation_comment_moderated").exists()


def test_it_lets_no_other_unit_moderate_or_see_the_comments(consultation, clerk_b, login):
    comment = services.submit_comment(consultation, comment_details())
    with pytest.raises(PermissionDenied):
        services.moderate(comment, True, actor=clerk_b)
    client = login(clerk_b)
    assert client.get(reverse("interaction:consultation_console", args=[consultation.pk])).status_code == 404
    assert client.get(reverse("interaction:consultation_export", args=[consultation.pk, "xlsx"])).status_code == 404
    assert client.post(reverse("interaction:consultation_moderate", args=[consultation.pk, comment.pk]),
                       {"show": "1"}).status_code == 404
    assert Comment.objects.get().status == CommentStatus.PENDING


@pytest.mark.parametrize("changes, error", [
    ({"text": "<script>alert(1)</script>"}, "不能包含网页代码"),
    ({"text": "字" * 3001}, "意见内容不能超过3000字"),
    ({"section": "第九十九条"}, "请从列表中选择条款"),
    ({"text": ""}, "请填写意见内容"),
])
def test_it_refuses_hostile_or_oversized_comments_with_a_clear_message(consultation, client, changes, error):
    response = client.post(reverse("interaction:consultation_comment", args=[consultation.pk]),
                           _comment_form(**changes))
    assert response.status_code == 400 and error in response.content.decode()
    assert not Comment.objects.exists()


def test_it_limits_comments_per_address(consultation, client, settings):
    settings.GONGKAI_FOI_RATE_LIMIT = True
    url = reverse("interaction:consultation_comment", args=[consultation.pk])
    for _ in range(5):
        assert client.post(url, _comment_form()).status_code == 200
    response = client.post(url, _comment_form())
    assert response.status_code == 429 and "过于频繁" in response.content.decode()
    assert Comment.objects.count() == 5


def test_it_stores_the_same_form_sent_twice_once(consultation, client):
    form = _comment_form(submission_token="a" * 32)
    client.post(reverse("interaction:consultation_comment", args=[consultation.pk]), form)
    client.post(reverse("interaction:consultation_comment", args=[consultation.pk]), form)
    assert Comment.objects.count() == 1


def test_it_takes_no_comment_after_the_period(consultation, freeze):
    freeze(date(2026, 11, 1))
    with pytest.raises(ValidationError, match="不在意见征集期内"):
        services.submit_comment(consultation, comment_details())


def _closed_with_two_comments(consultation, clerk_a, freeze):
    shown = services.submit_comment(consultation, comment_details())
    other = services.submit_comment(consultation, comment_details(section="", text="建议增加文明养犬宣传。"))
    services.moderate(shown, True, actor=clerk_a)
    services.moderate(other, True, actor=clerk_a)
    freeze(date(2026, 11, 20))
    return shown, other


def test_it_publishes_the_feedback_beside_the_final_document(consultation, clerk_a, freeze, final_record, client):
    shown, other = _closed_with_two_comments(consultation, clerk_a, freeze)
    services.decide([shown], "partly", "犬链长度参照上位法，调整为不超过1.8米。", actor=clerk_a)
    with pytest.raises(ValidationError, match="还有 1 条意见未说明采纳情况"):
        services.publish_feedback(consultation, final_record, "共收到意见2条。", actor=clerk_a)
    services.decide([other], "adopted", "", group="宣传教育", actor=clerk_a)
    services.publish_feedback(consultation, final_record, "共收到意见2条，采纳1条，部分采纳1条。", actor=clerk_a)

    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.FEEDBACK_PUBLISHED and consultation.final_record == final_record
    feedback = client.get(reverse("interaction:consultation_feedback", args=[consultation.pk])).content.decode()
    assert "部分采纳" in feedback and "调整为不超过1.8米" in feedback and "宣传教育" in feedback
    assert reverse("records:record", args=[final_record.pk]) in feedback
    record_page = client.get(reverse("records:record", args=[final_record.pk])).content.decode()
    assert reverse("interaction:consultation_feedback", args=[consultation.pk]) in record_page
    assert "意见采纳情况" in record_page
    for value in PERSONAL:
        assert value not in feedback


def test_it_publishes_no_feedback_before_the_period_ends(consultation, clerk_a, final_record):
    with pytest.raises(ValidationError, match="期满后才能公布采纳情况"):
        services.publish_feedback(consultation, final_record, "说明", actor=clerk_a)


def test_it_wants_a_reason_for_comments_not_adopted(consultation, clerk_a, freeze):
    shown, _ = _closed_with_two_comments(consultation, clerk_a, freeze)
    with pytest.raises(ValidationError, match="“未采纳”须说明理由"):
        services.decide([shown], "not_adopted", "", actor=clerk_a)


def test_it_exports_the_comments_as_xlsx_and_docx(consultation, clerk_a, login):
    services.submit_comment(consultation, comment_details())
    client = login(clerk_a)
    response = client.get(reverse("interaction:consultation_export", args=[consultation.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == ("编号", "提交时间", "针对条款", "意见内容")
    assert rows[2][2] == "第三条" and "犬链长度" in rows[2][3] and rows[2][9] == COMMENTER_NAME
    response = client.get(reverse("interaction:consultation_export", args=[consultation.pk, "docx"]))
    document = Document(io.BytesIO(response.content))
    assert "意见汇总" in document.paragraphs[0].text
    assert "犬链长度" in document.tables[0].rows[1].cells[3].text


def test_it_numbers_comments_within_their_consultation(consultation, draft, clerk_a):
    other = services.open_consultation(draft, kind="other", closes_on=date(2026, 10, 20), explanation="说明",
                                       actor=clerk_a)
    first = services.submit_comment(consultation, comment_details())
    second = services.submit_comment(consultation, comment_details(section=""))
    elsewhere = services.submit_comment(other, comment_details(section=""))
    assert (first.number, second.number, elsewhere.number) == ("意见1", "意见2", "意见1")


def test_it_uses_the_jurisdictions_minimum_and_stops_on_a_bad_setting(freeze, draft, clerk_a, settings):
    from django.core.exceptions import ImproperlyConfigured

    from gongkai.config import env_consultation_days

    freeze(date(2026, 10, 1))
    settings.GONGKAI_CONSULTATION_MIN_DAYS = "normative=45"
    with pytest.raises(ValidationError, match="不少于45日"):
        services.open_consultation(draft, kind="normative", closes_on=date(2026, 10, 31), explanation="说明",
                                   actor=clerk_a)
    assert env_consultation_days("DAYS", {"DAYS": "other=10"}) == "other=10"
    with pytest.raises(ImproperlyConfigured, match="DAYS"):
        env_consultation_days("DAYS", {"DAYS": "normative=0"})


def test_a_comment_typed_as_a_formula_exports_as_text(consultation, clerk_a, login):
    services.submit_comment(consultation, comment_details(text="=HYPERLINK(\"http://evil.example\",\"详见\")"))
    response = login(clerk_a).get(reverse("interaction:consultation_export", args=[consultation.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    [cell] = [cell for row in sheet.iter_rows() for cell in row if "HYPERLINK" in str(cell.value)]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
