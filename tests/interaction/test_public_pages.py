"""The public pages of messages: the form (acknowledged only after commit, rate-limited, hostile
input refused with a clear message), tracking and rating by code, and the published messages with
no personal data of their sender."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.interaction import services
from gongkai.interaction.models import Message, Rating, Status
from tests.interaction.conftest import (
    SENDER_EMAIL,
    SENDER_NAME,
    SENDER_PHONE,
    form_data,
    message_details,
)

pytestmark = pytest.mark.django_db

PERSONAL = (SENDER_NAME, SENDER_PHONE, SENDER_EMAIL)


@pytest.fixture(autouse=True)
def _limits_on(settings):
    settings.GONGKAI_FOI_RATE_LIMIT = True


def test_it_shows_the_form(client):
    response = client.get(reverse("interaction:leave"))
    assert response.status_code == 200
    assert "我要留言" in response.content.decode()


def test_it_shows_the_tracking_code_of_the_stored_message(client, unit_a, freeze):
    freeze(date(2026, 9, 30))
    response = client.post(reverse("interaction:leave"), form_data())
    message = Message.objects.get()
    page = response.content.decode()
    assert response.status_code == 200 and message.display_code in page
    assert "2026-10-13" in page  # the 5th working day, shown to the sender at once
    assert message.name == SENDER_NAME and message.may_publish


@pytest.mark.parametrize("changes, error", [
    ({"text": "<script>alert(1)</script>请回复"}, "不能包含网页代码"),
    ({"subject": "<a href='x'>标题</a>"}, "不能包含网页代码"),
    ({"text": "字" * 2001}, "留言内容不能超过2000字"),
    ({"phone": "123"}, "有效的联系电话"),
    ({"kind": "praise"}, "请选择留言类型"),
    ({"subject": ""}, "请填写标题"),
])
def test_it_refuses_hostile_or_oversized_input_with_a_clear_message(client, unit_a, changes, error):
    response = client.post(reverse("interaction:leave"), form_data(**changes))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Message.objects.exists()


def test_it_limits_messages_per_address(client, unit_a):
    for _ in range(5):
        assert client.post(reverse("interaction:leave"), form_data()).status_code == 200
    response = client.post(reverse("interaction:leave"), form_data())
    assert response.status_code == 429 and "过于频繁" in response.content.decode()
    assert Message.objects.count() == 5


def _replied(office_admin, clerk_a, unit_a, **changes):
    message = services.submit_message(message_details(**changes))
    message = services.route(message, unit_a, actor=office_admin)
    return services.reply(message, "您好，今年报名时间为7月1日至7月10日。", actor=clerk_a)


def test_it_shows_published_replies_without_the_senders_personal_data(
        client, office_admin, clerk_a, unit_a, freeze):
    freeze(date(2026, 9, 30))
    text = f"我是{SENDER_NAME}，电话 136 2233 4455，邮箱 {SENDER_EMAIL}，身份证 110105194912310029。想问报名时间。"
    message = _replied(office_admin, clerk_a, unit_a, text=text)
    hidden = _replied(office_admin, clerk_a, unit_a, subject="不公开的留言", may_publish=False)
    listing = client.get(reverse("interaction:public_list")).content.decode()
    detail = client.get(reverse("interaction:public_detail", args=[message.pk])).content.decode()
    for page in (listing, detail):
        assert "想问报名时间" in page and "7月1日至7月10日" in page
        for value in (*PERSONAL, "110105194912310029", "136 2233 4455"):
            assert value not in page
    assert "不公开的留言" not in listing
    assert client.get(reverse("interaction:public_detail", args=[hidden.pk])).status_code == 404


def test_it_hides_unanswered_messages_from_the_public(client, received):
    assert client.get(reverse("interaction:public_detail", args=[received.pk])).status_code == 404
    assert received.subject not in client.get(reverse("interaction:public_list")).content.decode()


def test_it_lets_the_code_holder_follow_and_rate_the_reply(client, office_admin, clerk_a, unit_a, freeze):
    freeze(date(2026, 9, 30))
    message = _replied(office_admin, clerk_a, unit_a)
    page = client.post(reverse("interaction:track"), {"code": message.display_code}).content.decode()
    assert "7月1日至7月10日" in page and "提交评价" in page
    for value in PERSONAL:
        assert value not in page
    response = client.post(reverse("interaction:rate"), {"code": message.tracking_code, "rating": Rating.SATISFIED})
    assert response.status_code == 200 and "感谢您的评价" in response.content.decode()
    assert Message.objects.get(pk=message.pk).rating == Rating.SATISFIED
    again = client.post(reverse("interaction:rate"), {"code": message.tracking_code, "rating": Rating.UNSATISFIED})
    assert again.status_code == 400 and "不能重复评价" in again.content.decode()


def test_it_reopens_on_an_unsatisfied_rating_from_the_tracking_page(client, office_admin, clerk_a, unit_a, freeze):
    freeze(date(2026, 9, 30))
    message = _replied(office_admin, clerk_a, unit_a)
    response = client.post(reverse("interaction:rate"), {"code": message.tracking_code, "rating": "unsatisfied"})
    assert "重新交办理单位办理" in response.content.decode()
    assert Message.objects.get(pk=message.pk).status == Status.PROCESSING


def test_it_answers_an_unknown_code_with_a_clear_message(client):
    response = client.post(reverse("interaction:track"), {"code": "0000-0000-0000"})
    assert response.status_code == 404 and "没有找到" in response.content.decode()
