"""Reminders before each due date (issue #7, 提醒): N working days ahead on the official schedule,
to the unit's liaison or else its clerks, as a notice and an e-mail, never twice. Fixed clock:
every run passes ``today``."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.config import env_workdays
from gongkai.orgs.models import Notice
from gongkai.plans import reminders
from gongkai.plans.models import (
    Assignment,
    AssignmentRole,
    Item,
    Period,
    Plan,
    PlanStatus,
    ProgressReport,
    ReminderLog,
    ReportState,
)
from gongkai.plans.reminders import send_due_reminders
from tests.conftest import make_user

D = date.fromisoformat
DUE = D("2026-10-12")  # Monday after 国庆 2026 (10-01..10-07 off, Saturday 10-10 调休上班)
FIVE_BEFORE = D("2026-09-29")  # 09-30, 10-08, 10-09, 10-10, 10-12: five working days
ONE_BEFORE = D("2026-10-10")  # the 调休 Saturday


@pytest.fixture
def plan(unit_a, unit_b):
    """A published 2026 plan: item 3 led by 财政局 with 教育局 cooperating, due 10-12."""
    plan = Plan.objects.create(title="示范市2026年政务公开工作要点分工方案", year=2026, status=PlanStatus.PUBLISHED)
    item = Item.objects.create(plan=plan, order=3, number="3", task="推进预决算公开", text="公开部门预决算。")
    Period.objects.create(item=item, seq=1, due_on=DUE)
    Assignment.objects.create(plan=plan, item=item, unit=unit_a, role=AssignmentRole.LEAD, is_coordinator=True)
    Assignment.objects.create(plan=plan, item=item, unit=unit_b, role=AssignmentRole.COOPERATING, order=1)
    return plan


@pytest.fixture
def clerks(clerk_a, clerk_b):
    clerk_a.email, clerk_b.email = "li@czj.example.gov.cn", "zhao@jyj.example.gov.cn"
    clerk_a.save()
    clerk_b.save()
    return clerk_a, clerk_b


def _assignment(unit):
    return Assignment.objects.get(unit=unit)


def test_it_reminds_five_working_days_before_across_national_day(plan, clerks):
    assert send_due_reminders(today=D("2026-09-28")) == 0  # six working days before: not yet
    assert send_due_reminders(today=FIVE_BEFORE) == 2  # one per unit
    assert sorted(message.to[0] for message in mail.outbox) == sorted(clerk.email for clerk in clerks)
    subject = mail.outbox[0].subject
    assert subject == "【政务公开任务提醒】2026年分工方案第3项任务还有5个工作日到期"
    assert Notice.objects.filter(title=subject).count() == 2
    assert set(ReminderLog.objects.values_list("days_before", flat=True)) == {5}


def test_it_sends_nothing_new_on_a_second_run(plan, clerks):
    send_due_reminders(today=FIVE_BEFORE)
    mails, notices, logs = len(mail.outbox), Notice.objects.count(), ReminderLog.objects.count()
    assert send_due_reminders(today=FIVE_BEFORE) == 0
    assert send_due_reminders(today=D("2026-10-08")) == 0  # still only the 5-day one has fired
    assert (len(mail.outbox), Notice.objects.count(), ReminderLog.objects.count()) == (mails, notices, logs)


def test_it_sends_the_one_day_reminder_on_the_makeup_saturday(plan, clerks):
    send_due_reminders(today=FIVE_BEFORE)
    mail.outbox.clear()
    assert send_due_reminders(today=D("2026-10-09")) == 0
    assert send_due_reminders(today=ONE_BEFORE) == 2
    assert all(message.subject.endswith("还有1个工作日到期") for message in mail.outbox)
    assert send_due_reminders(today=DUE) == 0


def test_it_sends_only_the_nearest_when_the_worker_missed_the_first(plan, clerks):
    assert send_due_reminders(today=ONE_BEFORE) == 2
    assert len(mail.outbox) == 2  # one mail each, not two
    assert all("还有1个工作日到期" in message.subject for message in mail.outbox)
    logs = ReminderLog.objects.filter(assignment=_assignment(clerks[0].unit))
    assert {(log.days_before, bool(log.recipients)) for log in logs} == {(5, False), (1, True)}
    assert send_due_reminders(today=DUE) == 0


def test_it_sends_nothing_once_the_due_date_has_passed(plan, clerks):
    assert send_due_reminders(today=D("2026-10-13")) == 0
    assert mail.outbox == [] and not ReminderLog.objects.exists()


@pytest.mark.parametrize("state", [ReportState.SUBMITTED, ReportState.ACCEPTED])
def test_it_stops_reminding_a_unit_that_handed_in_its_report(plan, clerks, state):
    clerk_a, clerk_b = clerks
    assignment = _assignment(clerk_a.unit)
    ProgressReport.objects.create(
        assignment=assignment, period=Period.objects.get(), unit=clerk_a.unit, status="in_progress", state=state
    )
    assert send_due_reminders(today=FIVE_BEFORE) == 1
    assert [message.to for message in mail.outbox] == [[clerk_b.email]]
    assert not Notice.objects.filter(user=clerk_a).exists()


@pytest.mark.parametrize("state", [ReportState.DRAFT, ReportState.RETURNED])
def test_it_still_reminds_a_unit_whose_report_is_not_handed_in(plan, clerks, state):
    clerk_a = clerks[0]
    ProgressReport.objects.create(
        assignment=_assignment(clerk_a.unit), period=Period.objects.get(), unit=clerk_a.unit,
        status="in_progress", state=state,
    )  # fmt: skip
    assert send_due_reminders(today=FIVE_BEFORE) == 2
    assert Notice.objects.filter(user=clerk_a).exists()


def test_it_tells_the_liaison_only_when_the_unit_has_one(plan, clerks, unit_a, reviewer_a):
    clerk_a = clerks[0]
    liaison = make_user("liaison_a", unit_a, "clerk", full_name="财政局联络员", email="lly@czj.example.gov.cn")
    unit_a.liaison = liaison
    unit_a.save()
    send_due_reminders(today=FIVE_BEFORE)
    assert Notice.objects.filter(user=liaison).count() == 1
    assert not Notice.objects.filter(user__in=[clerk_a, reviewer_a]).exists()
    assert liaison.email in [message.to[0] for message in mail.outbox]
    assert clerk_a.email not in [message.to[0] for message in mail.outbox]


def test_it_falls_back_to_every_active_clerk_without_a_liaison(plan, clerks, unit_b):
    clerk_b = clerks[1]
    second = make_user("clerk_b2", unit_b, "clerk", email="qian@jyj.example.gov.cn")
    make_user("clerk_b3", unit_b, "clerk", email="gone@jyj.example.gov.cn", is_active=False)
    make_user("reviewer_b", unit_b, "reviewer", email="shen@jyj.example.gov.cn")
    no_mail = make_user("clerk_b4", unit_b, "clerk")  # a notice, but no address for an e-mail
    send_due_reminders(today=FIVE_BEFORE)
    told = set(Notice.objects.filter(user__unit=unit_b).values_list("user__username", flat=True))
    assert told == {clerk_b.username, second.username, no_mail.username}
    assert {message.to[0] for message in mail.outbox} >= {clerk_b.email, second.email}
    assert "gone@jyj.example.gov.cn" not in {message.to[0] for message in mail.outbox}
    log = ReminderLog.objects.get(assignment__unit=unit_b)
    assert sorted(log.recipients) == sorted([clerk_b.username, second.username, no_mail.username])


def test_it_falls_back_to_the_clerks_when_the_liaison_left_the_unit(plan, clerks, unit_a, unit_b):
    moved = make_user("moved", unit_b, "clerk")
    unit_a.liaison = moved  # set while in 财政局, then moved to 教育局
    unit_a.save()
    send_due_reminders(today=FIVE_BEFORE)
    assert Notice.objects.filter(user=clerks[0]).count() == 1


def test_it_waits_for_someone_to_tell_when_a_unit_has_nobody(plan, clerks, clerk_b):
    clerk_a = clerks[0]
    clerk_a.is_active = False
    clerk_a.save()
    assert send_due_reminders(today=FIVE_BEFORE) == 1  # 教育局 only
    assert not ReminderLog.objects.filter(assignment__unit=clerk_a.unit).exists()
    clerk_a.is_active = True
    clerk_a.save()
    assert send_due_reminders(today=D("2026-09-30")) == 1  # 财政局 now has its clerk back


def test_it_reminds_nobody_of_an_unpublished_plan(plan, clerks):
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    assert send_due_reminders(today=FIVE_BEFORE) == 0
    assert mail.outbox == [] and not Notice.objects.exists()


def test_it_skips_periods_without_a_due_date(plan, clerks):
    Period.objects.update(due_on=None)
    assert send_due_reminders(today=FIVE_BEFORE) == 0


def test_it_links_to_the_units_assignment_page(plan, clerks, settings):
    settings.GONGKAI_SITE_URL = "https://gk.example.gov.cn/"
    send_due_reminders(today=FIVE_BEFORE)
    path = reverse("plans:assignment", args=[_assignment(clerks[0].unit).pk])
    notice = Notice.objects.get(user=clerks[0])
    assert notice.url == path
    body = next(message.body for message in mail.outbox if message.to == [clerks[0].email])
    assert f"报送地址：https://gk.example.gov.cn{path}" in body
    assert "截止日期：2026年10月12日（周一）" in body
    assert "职责：牵头单位（负责汇总报送）" in body
    assert "示范市财政局：" in body
    assert "事项：第3项 公开部门预决算。" in body


def test_it_never_sends_what_a_racing_worker_already_logged(plan, clerks, monkeypatch):
    send_due_reminders(today=FIVE_BEFORE)
    mail.outbox.clear()
    # A second worker read the logs before the first one committed: it sees nothing logged.
    monkeypatch.setattr(reminders, "_logged_offsets", lambda periods: reminders.defaultdict(set))
    assert send_due_reminders(today=FIVE_BEFORE) == 0
    assert mail.outbox == []
    assert Notice.objects.count() == 2


def test_it_audits_one_summary_row_per_run_that_sent_something(plan, clerks):
    send_due_reminders(today=FIVE_BEFORE)
    send_due_reminders(today=FIVE_BEFORE)
    entry = AuditEntry.objects.get(action="plan_reminders_sent")
    assert entry.after["reminders"] == 2 and entry.after["emails"] == 2
    assert entry.after["date"] == "2026-09-29"


def test_it_reads_the_offsets_from_the_settings(plan, clerks, settings):
    settings.GONGKAI_PLAN_REMINDER_WORKDAYS = (3,)
    assert send_due_reminders(today=D("2026-09-30")) == 0  # four working days left
    assert send_due_reminders(today=D("2026-10-08")) == 2  # 10-09, 10-10, 10-12
    assert all("还有3个工作日到期" in message.subject for message in mail.outbox)


def test_it_refuses_a_bad_offsets_setting(settings, db):
    settings.GONGKAI_PLAN_REMINDER_WORKDAYS = ("5", 1)
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_PLAN_REMINDER_WORKDAYS"):
        send_due_reminders(today=FIVE_BEFORE)


@pytest.mark.parametrize(
    ("value", "expected"), [("5,1", (5, 1)), (" 1, 5 ,5", (5, 1)), ("10", (10,))]
)
def test_it_parses_the_offsets_from_the_environment(value, expected):
    assert env_workdays("GONGKAI_PLAN_REMINDER_WORKDAYS", (5, 1), {"GONGKAI_PLAN_REMINDER_WORKDAYS": value}) == expected
    assert env_workdays("GONGKAI_PLAN_REMINDER_WORKDAYS", (1, 5), {}) == (5, 1)


@pytest.mark.parametrize("value", ["", "5,", "five", "0", "-1", "5;1", "61", "５"])
def test_it_refuses_bad_offsets_in_the_environment(value):
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_PLAN_REMINDER_WORKDAYS"):
        env_workdays("GONGKAI_PLAN_REMINDER_WORKDAYS", (5, 1), {"GONGKAI_PLAN_REMINDER_WORKDAYS": value})


def test_it_uses_a_fixed_number_of_queries_however_many_units(plan, clerks, city, django_assert_max_num_queries):
    from gongkai.orgs.models import Unit, UnitKind

    item = Item.objects.get()
    for n in range(30):
        unit = Unit.objects.create(key=f"bureau-{n}", name=f"示范市第{n}局", kind=UnitKind.DEPARTMENT, parent=city)
        make_user(f"clerk-{n}", unit, "clerk", email=f"c{n}@example.gov.cn")
        Assignment.objects.create(plan=plan, item=item, unit=unit, role=AssignmentRole.COOPERATING, order=n + 2)
    # the calendar, the candidates, the logs, the recipients, one insert of logs and one of notices,
    # and the one audit row with its link to the chain (the last hash; on PostgreSQL the append lock)
    with django_assert_max_num_queries(17):
        assert send_due_reminders(today=FIVE_BEFORE) == 32
    assert len(mail.outbox) == 32


def test_the_worker_task_sends_todays_reminders(plan, clerks, immediate_jobs, monkeypatch):
    from django.utils import timezone

    from gongkai.plans.tasks import send_reminders_daily

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: FIVE_BEFORE)
    assert send_reminders_daily.call_local() == 2
    assert len(mail.outbox) == 2


def test_the_command_sends_and_says_how_many(plan, clerks, capsys):
    call_command("plan", "remind", "--today", "2026-09-29")
    assert capsys.readouterr().out.strip() == "2026-09-29：已发送 2 条任务提醒。"
    call_command("plan", "remind", "--today", "2026-09-29")
    assert capsys.readouterr().out.strip() == "2026-09-29：已发送 0 条任务提醒。"


@pytest.mark.parametrize("value", ["2026-9-29", "20260929", "2026-02-30", "明天"])
def test_the_command_refuses_a_bad_date(db, capsys, value):
    with pytest.raises(SystemExit) as exit_info:
        call_command("plan", "remind", "--today", value)
    assert exit_info.value.code == 2
    assert "应为 YYYY-MM-DD" in capsys.readouterr().err


def test_it_reminds_the_units_of_seed_000_before_its_year_end_deadlines(plan_000, clerk_zq):
    # 2016-12-31 is a Saturday: five working days back from it are 12-30, 29, 28, 27 and 26.
    assert send_due_reminders(today=D("2016-12-22")) == 0
    sent = send_due_reminders(today=D("2016-12-23"))
    assert sent > 0  # only 财政局 has a clerk: the other units wait for someone to tell
    assert Notice.objects.filter(user=clerk_zq).count() == sent
    assert {log.assignment.unit_id for log in ReminderLog.objects.select_related("assignment")} == {clerk_zq.unit_id}
    assert send_due_reminders(today=D("2016-12-23")) == 0


class RefusingBackend(LocmemBackend):
    """A mail server that refuses the addresses in ``REFUSED`` (an SMTP error for each)."""

    REFUSED: set[str] = set()

    def send_messages(self, messages):
        import smtplib

        for message in messages:
            if set(message.to) & self.REFUSED:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"mailbox unavailable")})
        return super().send_messages(messages)


def test_a_refused_e_mail_does_not_drop_the_others_and_is_sent_again(plan, clerks, settings):
    from gongkai.jobs.models import JobFailure

    settings.EMAIL_BACKEND = "tests.plans.test_reminders.RefusingBackend"
    RefusingBackend.REFUSED = {clerks[0].email}
    assert send_due_reminders(FIVE_BEFORE) == 2
    assert [message.to for message in mail.outbox] == [[clerks[1].email]]  # the other one left
    log = ReminderLog.objects.exclude(unmailed=[]).get()
    assert log.unmailed == [clerks[0].email]
    assert clerks[0].email in JobFailure.objects.get(task_id="plan-reminders").error  # the office sees it
    RefusingBackend.REFUSED = set()
    send_due_reminders(FIVE_BEFORE)  # the next run sends what was refused, and only that
    assert [message.to for message in mail.outbox] == [[clerks[1].email], [clerks[0].email]]
    assert not ReminderLog.objects.exclude(unmailed=[]).exists()
