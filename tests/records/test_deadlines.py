"""Time rules at read time: the 20 working days of 条例 第二十六条 and the interpretation delay in
working days, both across the 2025 National Day break (10/1–10/8, with 9/28 and 10/11 worked)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.calendars.service import working_calendar
from gongkai.records import deadlines
from gongkai.records.models import PublishingSettings, Record, RecordKind

pytestmark = pytest.mark.django_db


def _dated(record, **dates):
    Record.objects.filter(pk=record.pk).update(**dates)
    record.refresh_from_db()
    return record


def test_it_counts_twenty_working_days_across_the_national_day_break(make_draft):
    record = make_draft(formed_on=date(2025, 9, 26))
    due = deadlines.publication_due_on(record, working_calendar(), 20)
    assert due == date(2025, 10, 30)  # 34 calendar days: 9/28 and 10/11 count, 10/1–10/8 do not


def test_it_lists_late_and_overdue_records(make_draft, publish):
    on_time = _dated(publish(make_draft(title="按时公开")), formed_on=date(2025, 9, 26), published_on=date(2025, 10, 30))
    late = _dated(publish(make_draft(title="迟发布")), formed_on=date(2025, 9, 26), published_on=date(2025, 11, 3))
    pending = make_draft(title="至今未发布", formed_on=date(2025, 9, 26))
    found = {item.record.pk: item for item in deadlines.late_records(Record.objects.all(), date(2025, 11, 5))}
    assert on_time.pk not in found
    assert found[late.pk].published and found[late.pk].workdays_late == 2  # 10/31, 11/3
    assert not found[pending.pk].published and found[pending.pk].workdays_late == 4


def test_it_shows_the_late_list_on_the_dashboard(make_draft, publish, login, office_admin, clerk_b):
    from django.utils import timezone

    record = publish(make_draft(title="迟发布的预算公告"))  # published today ...
    _dated(record, formed_on=date(timezone.localdate().year - 1, 12, 1))  # ... formed months ago
    page = login(office_admin).get("/console/records/dashboard/").content.decode()
    assert "迟发布的预算公告" in page
    assert "迟发布的预算公告" not in login(clerk_b).get("/console/records/dashboard/").content.decode()


def _policy_with_interpretation(make_draft, publish, policy_on, interpretation_on):
    policy = _dated(publish(make_draft(title="示范市财政专项资金管理办法", kind=RecordKind.NORMATIVE,
                                       columns=("政策文件/规范性文件",))), published_on=policy_on)
    interpretation = publish(make_draft(title="《示范市财政专项资金管理办法》政策解读", kind=RecordKind.INTERPRETATION,
                                        interprets=policy, columns=("政策解读",)))
    return policy, _dated(interpretation, published_on=interpretation_on)


def test_it_counts_the_interpretation_delay_in_working_days_across_a_holiday(make_draft, publish):
    policy, interpretation = _policy_with_interpretation(make_draft, publish, date(2025, 9, 30), date(2025, 10, 10))
    assert deadlines.interpretation_delay(policy, interpretation, working_calendar()) == 2  # 10 calendar days
    assert deadlines.interpretation_gaps(Record.objects.all()) == []
    Record.objects.filter(pk=interpretation.pk).update(published_on=date(2025, 10, 13))
    gaps = deadlines.interpretation_gaps(Record.objects.all())
    assert [(gap.policy.pk, gap.delay_workdays) for gap in gaps] == [(policy.pk, 4)]
    assert "4 个工作日" in gaps[0].reason


def test_it_honours_the_configured_number_of_days(make_draft, publish):
    _policy_with_interpretation(make_draft, publish, date(2025, 9, 30), date(2025, 10, 13))
    PublishingSettings.objects.create(pk=1, interpretation_workdays=5)
    assert deadlines.interpretation_gaps(Record.objects.all()) == []


def test_it_lists_a_policy_without_interpretation(make_draft, publish, login, office_admin):
    from django.utils import timezone

    policy = publish(make_draft(title="示范市政府非税收入管理办法", kind=RecordKind.NORMATIVE,
                                columns=("政策文件/规范性文件",)))
    gaps = deadlines.interpretation_gaps(Record.objects.all())
    assert [gap.policy.pk for gap in gaps] == [policy.pk] and gaps[0].reason == "尚无政策解读"
    assert policy.published_on == timezone.localdate()
    page = login(office_admin).get("/console/records/dashboard/").content.decode()
    assert "示范市政府非税收入管理办法" in page and "尚无政策解读" in page
