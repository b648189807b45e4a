"""The console's home shows the office what falls due today across messages, consultations and
incidents; a unit's staff see their own only."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_lists_messages_due_today_and_late_for_the_office(routed, office_admin, clerk_b, login, freeze):
    freeze(date(2026, 10, 13))
    home = login(office_admin).get(reverse("console:home")).content.decode()
    assert "今日到期留言" in home and routed.display_code in home
    freeze(date(2026, 10, 14))
    home = login(office_admin).get(reverse("console:home")).content.decode()
    assert "超期留言" in home and routed.display_code in home
    other = login(clerk_b).get(reverse("console:home")).content.decode()
    assert routed.display_code not in other and "今天没有到期或超期的事项" in other


def test_it_lists_consultations_closing_today_and_awaiting_their_feedback(consultation, office_admin, clerk_a,
                                                                          login, freeze):
    freeze(date(2026, 10, 31))
    home = login(office_admin).get(reverse("console:home")).content.decode()
    assert "今日截止征求意见" in home and consultation.title in home
    freeze(date(2026, 11, 2))
    home = login(clerk_a).get(reverse("console:home")).content.decode()
    assert "待公布采纳情况" in home and consultation.title in home


def test_it_lists_unrouted_messages_to_the_office(received, office_admin, login):
    home = login(office_admin).get(reverse("console:home")).content.decode()
    assert "待分办留言 1 件" in home
