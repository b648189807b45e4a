"""The console pages of messages, by role, both ways: the office sees and routes every message; a
unit sees only those routed to it, with their sender's contact; another unit, an evaluator and the
public never see them (404), even once the message is published on the portal."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.interaction import services
from gongkai.interaction.models import Message, Status
from tests.interaction.conftest import SENDER_EMAIL, SENDER_NAME, SENDER_PHONE, form_data

pytestmark = pytest.mark.django_db


def test_it_shows_the_office_every_message_with_its_sender(login, office_admin, received):
    client = login(office_admin)
    queue = client.get(reverse("interaction:queue")).content.decode()
    assert received.display_code in queue and "待分办" in queue
    page = client.get(reverse("interaction:detail", args=[received.pk])).content.decode()
    assert SENDER_PHONE in page and "分办" in page


def test_it_shows_a_unit_only_its_own_messages(login, clerk_a, clerk_b, routed):
    own = login(clerk_a).get(reverse("interaction:detail", args=[routed.pk]))
    assert own.status_code == 200 and SENDER_PHONE in own.content.decode()
    other = login(clerk_b)
    assert routed.display_code not in other.get(reverse("interaction:queue")).content.decode()
    assert other.get(reverse("interaction:detail", args=[routed.pk])).status_code == 404


def test_it_never_shows_another_unit_the_sender_of_a_published_message(login, clerk_a, clerk_b, routed):
    services.reply(routed, "已安排维修。", actor=clerk_a)
    assert Message.objects.get(pk=routed.pk).is_public
    other = login(clerk_b)
    assert other.get(reverse("interaction:detail", args=[routed.pk])).status_code == 404
    queue = other.get(reverse("interaction:queue")).content.decode()
    for value in (SENDER_NAME, SENDER_PHONE, SENDER_EMAIL, routed.display_code):
        assert value not in queue


def test_it_keeps_evaluators_and_the_public_out(login, evaluator, client, routed):
    assert login(evaluator).get(reverse("interaction:detail", args=[routed.pk])).status_code == 404
    client.logout()
    response = client.get(reverse("interaction:queue"))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_it_unrouted_messages_wait_for_the_office_only(login, clerk_a, received):
    assert login(clerk_a).get(reverse("interaction:detail", args=[received.pk])).status_code == 404


def test_it_routes_from_the_message_page(login, office_admin, received, unit_a):
    client = login(office_admin)
    response = client.post(reverse("interaction:act", args=[received.pk, "route"]), {"unit": unit_a.pk})
    assert response.status_code == 302
    message = Message.objects.get(pk=received.pk)
    assert message.unit == unit_a and message.status == Status.PROCESSING


def test_it_refuses_another_units_step_without_telling_the_message_exists(login, clerk_b, routed, unit_b):
    response = login(clerk_b).post(reverse("interaction:act", args=[routed.pk, "reply"]), {"text": "抢答"})
    assert response.status_code == 404
    assert Message.objects.get(pk=routed.pk).status == Status.PROCESSING


def test_it_lets_the_unit_reply_and_send_on_from_the_page(login, clerk_a, routed, unit_b, freeze):
    client = login(clerk_a)
    page = client.get(reverse("interaction:detail", args=[routed.pk])).content.decode()
    assert "转办" in page and "退回公开办" in page and "答复" in page
    empty = client.post(reverse("interaction:act", args=[routed.pk, "transfer"]), {"unit": unit_b.pk}, follow=True)
    assert "请填写转办理由" in empty.content.decode()
    moved = client.post(reverse("interaction:act", args=[routed.pk, "transfer"]),
                        {"unit": unit_b.pk, "reason": "属教育局职责"})
    assert moved.status_code == 302 and moved["Location"] == reverse("interaction:queue")
    assert Message.objects.get(pk=routed.pk).unit == unit_b
    assert client.get(reverse("interaction:detail", args=[routed.pk])).status_code == 404


def test_it_lets_staff_register_a_hotline_message(login, office_admin, unit_a, freeze):
    freeze(date(2026, 10, 9))
    client = login(office_admin)
    assert client.get(reverse("interaction:register")).status_code == 200
    data = form_data(channel="hotline", received_on="2026-09-30", unit=unit_a.pk)
    response = client.post(reverse("interaction:register"), data)
    message = Message.objects.get()
    assert response.status_code == 302 and message.channel == "hotline" and message.unit == unit_a


def test_it_keeps_evaluators_from_registering(login, evaluator):
    assert login(evaluator).get(reverse("interaction:register")).status_code == 404
