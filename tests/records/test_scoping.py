"""A unit's people never see another unit's drafts: 404 in the console, on the portal preview and
in the admin, both ways; the office sees everything."""

from __future__ import annotations

import pytest

from gongkai.records import services
from gongkai.records.models import Record

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_b(clerk_b, columns_b):
    return services.create_record(
        clerk_b.unit, {"title": "示范市教育局招生工作方案（草稿）", "body": "内部草稿"},
        columns=[columns_b["通知公告"]], actor=clerk_b,
    )


def _urls(record):
    return [
        f"/console/records/{record.pk}/", f"/console/records/{record.pk}/edit/",
        f"/xxgk/content/{record.pk}/", f"/admin/records/record/{record.pk}/change/",
    ]


def test_it_hides_another_units_draft_from_a_clerk(login, clerk_a, draft_b):
    client = login(clerk_a)
    for url in _urls(draft_b):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "招生工作方案" not in response.content.decode(), url
    assert "招生工作方案" not in client.get("/console/records/").content.decode()
    assert "招生工作方案" not in client.get("/admin/records/record/").content.decode()


def test_it_hides_it_the_other_way_round(login, clerk_b, reviewer_b, make_draft):
    draft_a = make_draft(title="示范市财政局内部预算草稿")
    for user in (clerk_b, reviewer_b):
        client = login(user)
        for url in _urls(draft_a):
            assert client.get(url).status_code == 404, (user, url)


def test_it_refuses_steps_on_another_units_draft(login, clerk_a, reviewer_a, draft_b):
    assert login(clerk_a).post(f"/console/records/{draft_b.pk}/steps/submit/").status_code == 404
    assert login(reviewer_a).post(f"/console/records/{draft_b.pk}/steps/publish/").status_code == 404
    draft_b.refresh_from_db()
    assert draft_b.status == "draft"


def test_it_shows_the_own_units_draft_and_the_office_everything(login, clerk_b, office_admin, draft_b):
    assert login(clerk_b).get(f"/console/records/{draft_b.pk}/").status_code == 200
    assert login(clerk_b).get(f"/xxgk/content/{draft_b.pk}/").status_code == 200  # preview
    for url in _urls(draft_b):
        assert login(office_admin).get(url).status_code == 200, url


def test_it_keeps_the_public_away_from_drafts(client, draft_b):
    assert client.get(f"/xxgk/content/{draft_b.pk}/").status_code == 404
    assert client.get(f"/console/records/{draft_b.pk}/").status_code == 302  # to the login page
    assert not Record.objects.filter(Record.public_q()).exists()
