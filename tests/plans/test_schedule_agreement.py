"""One schedule rule (issue 14): the periods the platform gives an imported plan's items are the
due dates `gongkai plan schedule` prints for the same notice, item for item, on all four
plan-shaped seeds (195 items), with the same default cadence."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.calendars.service import working_calendar
from gongkai.plans import progress, services
from gongkai.rules.planparse import parse_file, to_json
from gongkai.rules.schedule import schedule_plan
from tests.seeds import seed_path

pytestmark = pytest.mark.django_db


def _platform_and_command(prefix, issuer, admin_zq, cadence="semiannual"):
    parsed = parse_file(seed_path(prefix))
    plan = services.create_plan(to_json(parsed), issuer_unit=issuer, actor=admin_zq)
    plan.default_cadence = cadence
    calendar = working_calendar()
    platform = {
        item.number: [period.due_on for period in progress._periods(item, plan, calendar)]
        for item in plan.items.order_by("order")
    }
    command = {item.number: list(item.due) for item in schedule_plan(parsed, cadence=cadence).items}
    return platform, command


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_the_platform_and_the_command_give_every_item_the_same_due_dates(
    prefix, zhaoqing, admin_zq
):
    platform, command = _platform_and_command(prefix, zhaoqing, admin_zq)
    assert platform.keys() == command.keys()
    for number, due in command.items():
        # an event without its own date waits undated for the office to record its trigger
        assert platform[number] == (due or [None]), number
    undated = [number for number, due in command.items() if not due]
    assert all(platform[number] == [None] for number in undated)


def test_seed_000_items_are_due_when_a_clerk_reads_them(zhaoqing, admin_zq):
    platform, command = _platform_and_command("000", zhaoqing, admin_zq)
    # 21.1: an event ("按预算法规时限完成") that also names its date is due on that date everywhere
    assert platform["21.1"] == command["21.1"] == [date(2016, 12, 31)]
    # 17: two milestones, two due dates (March is before the plan was issued: flagged, not overdue)
    assert platform["17"] == [date(2016, 3, 31), date(2016, 11, 30)]
    # 20.4: "2016年12月前完成" is before December
    assert platform["20.4"] == [date(2016, 11, 30)]
    # 10.1: an event without a date of its own waits for its trigger
    assert platform["10.1"] == [None]


def test_items_without_a_deadline_follow_the_plans_cadence(zhaoqing, admin_zq):
    halves, _ = _platform_and_command("002", zhaoqing, admin_zq)
    assert all(due == [date(2019, 6, 30), date(2019, 12, 31)] for due in halves.values())
    none, command = _platform_and_command("002", zhaoqing, admin_zq, cadence="none")
    assert all(due == [None] for due in none.values()) and not any(command.values())


def test_a_cadence_written_in_the_text_is_proposed_and_the_office_confirms_it(
    zhaoqing, admin_zq, login
):
    plan = services.create_plan(
        to_json(parse_file(seed_path("000"))), issuer_unit=zhaoqing, actor=admin_zq
    )
    item = plan.items.get(number="2.7")  # "每季度公示旅游投诉情况。", deadline 全年工作
    assert progress.proposed_recurrence(item) == "quarterly"
    assert progress.proposed_recurrence(plan.items.get(number="1.1")) is None  # a dated item
    client = login(admin_zq)
    assert "按每季度报送</button>" in client.get(f"/console/plans/{plan.pk}/").content.decode()
    client.post(f"/console/plans/{plan.pk}/items/{item.pk}/recurrence/")
    item.refresh_from_db()
    assert item.recurrence == "quarterly"
    periods = progress._periods(item, plan, working_calendar())
    assert [period.due_on for period in periods] == [
        date(2016, 6, 30), date(2016, 9, 30), date(2016, 12, 31)
    ]  # fmt: skip


def test_the_review_flags_a_due_date_before_the_notice_was_issued(zhaoqing, admin_zq):
    plan = services.create_plan(
        to_json(parse_file(seed_path("000"))), issuer_unit=zhaoqing, actor=admin_zq
    )
    exams = progress.schedule_rule(plan.items.get(number="17"), plan)  # 中考3月 高考11月
    assert exams == "分2个节点；有报送日期早于成文日期（2016-06-22），请核对"
    assert progress.schedule_rule(plan.items.get(number="20.4"), plan) == "按完成时限"


def test_seed_000_item_10_1_is_due_after_each_of_its_two_triggers(plan_000, admin_zq):
    """10.1 "收到…后及时转发": an event with the plan's ten working days. Triggered on Wednesday
    2016-09-28: 09-29, 09-30, then the National Day holiday (10-01 to 10-07) with Saturday 10-08
    and Sunday 10-09 worked (调休), 10-10 … 10-14, and the tenth is Monday 10-17. Triggered again
    on Wednesday 11-02: 11-03 … 11-16 is ten working days, a second period; the first keeps its date."""
    item = plan_000.items.get(number="10.1")
    assert plan_000.event_workdays == 10
    progress.record_trigger(item, date(2016, 9, 28), actor=admin_zq)
    progress.record_trigger(item, date(2016, 11, 2), actor=admin_zq)
    assert [period.due_on for period in item.periods.order_by("seq")] == [date(2016, 10, 17), date(2016, 11, 16)]
