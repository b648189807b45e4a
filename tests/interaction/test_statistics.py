"""Statistics per unit and month: on time, late, open, the 3-month veto of 政务咨询, ratings;
counts only, each unit its own."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from gongkai.interaction import services, statistics
from gongkai.interaction.models import Message, Rating
from tests.interaction.conftest import SENDER_NAME, SENDER_PHONE, message_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def month_of_messages(freeze, office_admin, clerk_a, unit_a, unit_b):
    """Four 咨询 messages received on 2026-09-30 (due 10-13): one answered on time and rated 满意,
    one answered late, two never answered (one at each unit)."""
    freeze(date(2026, 9, 30))
    made = [services.route(services.submit_message(message_details()), unit, actor=office_admin)
            for unit in (unit_a, unit_a, unit_a, unit_b)]
    freeze(date(2026, 10, 13))
    services.rate(services.reply(made[0], "按期答复", actor=clerk_a), Rating.SATISFIED)
    freeze(date(2026, 10, 14))
    services.reply(made[1], "逾期答复", actor=clerk_a)
    return made


def rows_by_unit(as_of: date) -> dict[str, statistics.Row]:
    return {row.unit: row for row in statistics.monthly(statistics.with_events(Message.objects.all()), as_of)}


def test_it_counts_on_time_late_and_open_replies_per_unit_and_month(month_of_messages):
    finance = rows_by_unit(date(2026, 10, 20))["示范市财政局"]
    assert (finance.month, finance.received, finance.on_time, finance.late, finance.open) == ("2026-09", 3, 1, 1, 1)
    assert finance.ratings[Rating.SATISFIED] == 1 and finance.satisfied_share == "100%"


def test_it_counts_the_veto_only_after_three_months_without_a_reply(month_of_messages):
    # Received 2026-09-30: the veto deadline is 12-30 (three months on; December has 31 days).
    assert rows_by_unit(date(2026, 12, 30))["示范市财政局"].vetoed == 0
    later = rows_by_unit(date(2026, 12, 31))
    assert later["示范市财政局"].vetoed == 1 and later["示范市教育局"].vetoed == 1


def test_it_shows_a_unit_only_its_own_counts(login, clerk_a, month_of_messages):
    page = login(clerk_a).get(reverse("interaction:statistics")).content.decode()
    assert "示范市财政局" in page and "示范市教育局" not in page
    assert SENDER_NAME not in page and SENDER_PHONE not in page


def test_it_shows_the_office_every_unit(login, office_admin, month_of_messages):
    page = login(office_admin).get(reverse("interaction:statistics")).content.decode()
    assert "示范市财政局" in page and "示范市教育局" in page


def test_it_keeps_the_statistics_page_for_staff(client):
    assert client.get(reverse("interaction:statistics")).status_code == 302


def test_it_gives_monitoring_the_number_of_consultations_over_three_months(month_of_messages):
    # received 2026-09-30: the veto deadline is 2026-12-30; two are still unanswered.
    assert statistics.veto_count(date(2026, 12, 30)) == 0
    assert statistics.veto_count(date(2026, 12, 31)) == 2
    assert statistics.veto_count(date(2027, 10, 1)) == 0  # out of the year the check looks at
