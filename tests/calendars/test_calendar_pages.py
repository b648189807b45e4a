from __future__ import annotations

import pytest

from gongkai.calendars.models import Holiday, ScheduleYear
from tests.calendars.test_calendar_command import NOTICE_2027

pytestmark = pytest.mark.django_db


def test_it_shows_the_years_holidays_and_make_up_days(login, clerk_a):
    text = login(clerk_a).get("/console/calendar/", {"year": 2026}).content.decode()
    assert "国庆" in text and "10月10日" in text and "已确认" in text


def test_it_flags_an_unconfirmed_year(login, office_admin):
    text = login(office_admin).get("/console/calendar/", {"year": 2027}).content.decode()
    assert "尚未确认" in text


def test_it_imports_a_pasted_notice_after_confirmation(login, office_admin):
    client = login(office_admin)
    preview = client.post("/console/calendar/notice/", {"text": NOTICE_2027})
    assert preview.status_code == 200
    assert "国庆节" in preview.content.decode() and not Holiday.objects.exists()
    response = client.post("/console/calendar/notice/", {"text": NOTICE_2027, "confirm": "yes"})
    assert response.status_code == 302
    assert ScheduleYear.objects.get(year=2027)
    assert Holiday.objects.get(day="2027-10-09").kind == "workday"


def test_it_explains_an_unreadable_notice(login, office_admin):
    response = login(office_admin).post("/console/calendar/notice/", {"text": "今天天气很好。"})
    assert response.status_code == 200
    assert 'class="notice error"' in response.content.decode()
    assert not ScheduleYear.objects.exists()


def test_it_keeps_calendar_edits_for_the_office(login, clerk_a):
    client = login(clerk_a)
    assert client.post("/console/calendar/day/", {"day": "2026-10-12", "kind": "holiday"}).status_code == 403
    assert client.get("/console/calendar/notice/").status_code == 403
    assert not Holiday.objects.exists()


def test_it_refuses_an_impossible_date_with_a_message(login, office_admin):
    response = login(office_admin).post(
        "/console/calendar/day/", {"day": "2026-02-30", "kind": "holiday"}, follow=True
    )
    assert "请输入有效日期" in response.content.decode()
    assert not Holiday.objects.exists()
