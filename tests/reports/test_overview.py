"""The draft of §一 counts what the platform knows of the unit's year: records published by
column and how many late, interpretations and the policies left without a timely one, the plan's
tasks the unit reported done."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.plans import progress
from gongkai.plans.models import Assignment, Period, ProgressReport
from gongkai.records.models import Record, RecordKind
from gongkai.reports.overview import YearFacts, year_facts
from tests.interaction import conftest as interaction_fixtures
from tests.plans import conftest as plans_fixtures
from tests.records import conftest as records_fixtures

pytestmark = pytest.mark.django_db

columns_a, make_draft, publish = records_fixtures.columns_a, records_fixtures.make_draft, records_fixtures.publish
unit_c, small_plan = plans_fixtures.unit_c, plans_fixtures.small_plan
received, routed = interaction_fixtures.received, interaction_fixtures.routed


def _published(record, on):
    Record.objects.filter(pk=record.pk).update(published_on=on)


def test_it_counts_the_years_records_interpretations_and_tasks(make_draft, publish, small_plan, unit_a, clerk_a):
    _published(publish(make_draft(title="关于预算公开的通知")), date(2026, 3, 4))
    _published(publish(make_draft(title="晚发布的通知")), date(2026, 5, 20))  # written 3 March: late
    _published(publish(make_draft(title="两个栏目的通知", columns=("通知公告", "工作动态"), written_on=date(2026, 5, 28))), date(2026, 6, 1))
    policy = publish(make_draft(title="示范市资金管理办法", kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",),
                               written_on=date(2026, 6, 26)))
    _published(policy, date(2026, 7, 1))  # no interpretation
    _published(publish(make_draft(title="去年的通知")), date(2025, 12, 1))  # another year
    assignment = Assignment.objects.get(item__number="1", unit=unit_a)
    done = progress.save_report(assignment, Period.objects.get(item__number="1", due_on=date(2026, 3, 31)),
                                {"status": "done", "text": "已完成"}, actor=clerk_a, submit=True)  # fmt: skip
    ProgressReport.objects.filter(pk=done.pk).update(submitted_at=done.submitted_at.replace(year=2026))

    facts = year_facts([unit_a.pk], 2026, date(2027, 1, 10))
    assert facts == YearFacts(
        published=4, by_column=[("通知公告", 3), ("工作动态", 1), ("规范性文件", 1)], late=1,
        interpretations=0, late_interpretations=1, plan_items_done=1,
    )  # fmt: skip


def test_the_draft_says_it_in_sentences():
    from gongkai.reports.overview import draft_overview
    from gongkai.rules.annualreport import FORMAT_2021, ReportTables

    rows = {key: [0] * 7 for key in FORMAT_2021.application_keys}
    rows["一"][6] = rows["三(七)"][6] = 2
    tables = ReportTables(FORMAT_2021, {"行政规范性文件": {"制发": 1, "废止": 0, "现行有效": 4}}, rows, [0] * 15)
    facts = YearFacts(published=12, by_column=[("通知公告", 8), ("工作动态", 4)], late=2, interpretations=3,
                      late_interpretations=1, plan_items_done=5)  # fmt: skip
    assert draft_overview(tables, facts).split("\n") == [
        "主动公开方面，本年度主动公开政府信息12条，其中“通知公告”8条，“工作动态”4条；超过规定时限发布2条；"
        "制发行政规范性文件1件，废止0件，现行有效4件。",
        "政策解读方面，本年度发布政策解读3篇；有1件规章、行政规范性文件的解读未按时发布或尚未发布。",
        "依申请公开方面，本年度新收政府信息公开申请2件，上年结转0件，办结2件，结转下年度继续办理0件；"
        "因政府信息公开被申请行政复议0件，被提起行政诉讼0件。",
        "重点工作方面，本年度完成政务公开工作任务5项。",
    ]


def test_the_draft_counts_the_messages_routed_to_the_unit(routed, unit_a, unit_b, freeze):
    """The 咨询 received on 2026-09-30 and routed to unit A, never answered: on 2027-01-10 it is
    open and more than 3 months old (the national veto); unit B received none."""
    from gongkai.reports.overview import draft_overview
    from gongkai.rules.annualreport import FORMAT_2021, ReportTables

    freeze(date(2027, 1, 10))
    facts = year_facts([unit_a.pk], 2026, date(2027, 1, 10))
    assert facts.messages is not None
    assert (facts.messages.received, facts.messages.on_time, facts.messages.open, facts.messages.vetoed) == (1, 0, 1, 1)
    assert year_facts([unit_b.pk], 2026, date(2027, 1, 10)).messages is None
    tables = ReportTables(FORMAT_2021, {}, {key: [0] * 7 for key in FORMAT_2021.application_keys}, [0] * 15)
    assert draft_overview(tables, facts).split("\n")[-1] == (
        "政民互动方面，本年度收到网民留言1件，按时答复0件，逾期答复0件，尚未答复1件；超过3个月未答复的政务咨询1件。"
    )
