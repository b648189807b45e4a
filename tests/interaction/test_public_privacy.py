"""No public page of messages or consultations carries a citizen's phone number, ID number or
e-mail: the fixtures' own, typed into their forms and into the texts themselves, are searched
for in the HTML of every public page that shows them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.interaction import consultations, services
from tests.interaction.conftest import (
    COMMENTER_EMAIL,
    COMMENTER_ID,
    COMMENTER_NAME,
    COMMENTER_PHONE,
    SENDER_EMAIL,
    SENDER_NAME,
    SENDER_PHONE,
    comment_details,
    message_details,
)

pytestmark = pytest.mark.django_db

SENDER_ID = "440102198001010038"
PERSONAL = (SENDER_PHONE, SENDER_EMAIL, SENDER_ID, SENDER_NAME,
            COMMENTER_PHONE, COMMENTER_EMAIL, COMMENTER_ID, COMMENTER_NAME)


def test_it_keeps_citizens_personal_data_off_every_public_page(
        client, consultation, final_record, office_admin, unit_a, clerk_a, freeze):
    text = f"我是{SENDER_NAME}，身份证{SENDER_ID}，电话 {SENDER_PHONE[:3]} {SENDER_PHONE[3:7]} {SENDER_PHONE[7:]}，邮箱{SENDER_EMAIL}。"
    message = services.submit_message(message_details(text=text))
    message = services.route(message, unit_a, actor=office_admin)
    services.reply(message, f"{SENDER_NAME}您好，已回复至{SENDER_EMAIL}。", actor=clerk_a)
    public_comment = consultations.submit_comment(consultation, comment_details(
        text=f"建议放宽。联系我：{COMMENTER_PHONE}，{COMMENTER_EMAIL}，{COMMENTER_ID}，{COMMENTER_NAME}"))
    private_comment = consultations.submit_comment(consultation, comment_details(section="", text_public=False))
    consultations.moderate(public_comment, True, actor=clerk_a)
    consultations.moderate(private_comment, True, actor=clerk_a)
    freeze(date(2026, 11, 20))
    consultations.decide([public_comment, private_comment], "not_adopted", f"已电话联系{COMMENTER_NAME}说明。",
                         actor=clerk_a)
    consultations.publish_feedback(consultation, final_record, "共收到意见2条。", actor=clerk_a)

    pages = {
        "messages": client.get(reverse("interaction:public_list")),
        "message": client.get(reverse("interaction:public_detail", args=[message.pk])),
        "track": client.post(reverse("interaction:track"), {"code": message.tracking_code}),
        "consultations": client.get(reverse("interaction:consultations")),
        "consultation": client.get(reverse("interaction:consultation", args=[consultation.pk])),
        "feedback": client.get(reverse("interaction:consultation_feedback", args=[consultation.pk])),
        "final record": client.get(reverse("records:record", args=[final_record.pk])),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        for value in PERSONAL:
            assert value not in html, (name, value)
    assert "建议放宽" in pages["consultation"].content.decode()  # the comment is there, masked
