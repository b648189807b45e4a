"""What the platform measures for a unit over a round's period: this module gathers the dates
from the other apps, ``rules.assessment.measures`` counts them (what counts is said there).

- 主动公开: the unit's 主动公开 records, due by ``records.deadlines.publication_due_on`` (the
  office's configured working days from 生成日期);
- 依申请公开: the unit's requests, with the due date their clock computed;
- 政策解读: the unit's 规章 and 行政规范性文件 and their first published interpretation, in working
  days (``records.deadlines.interpretation_delay``, the office's configured limit);
- 工作要点: the unit's reporting periods of published plans and its report of each;
- 年度报告: the unit's annual reports, due by ``reports.deadlines.unit_deadline``;
- 留言办理: the messages routed to the unit, judged by their own clock
  (``interaction.clock.message_clock``), the 3-month veto by ``rules.interaction``;
- 网站监测: each quarter of the period (up to ``as_of``) of each site the unit owns, as the
  quarter report scores it (``monitoring.quarterly.site_quarter``); quarters not monitored are
  left out.

Nothing is measured after the day it is asked (``as_of``: the platform's today, ``foi.dates``, or
the period's end when that is earlier).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch

from gongkai.assessment.models import Participant
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.foi.models import Request
from gongkai.interaction.clock import message_clock
from gongkai.interaction.models import Message, MessageEvent
from gongkai.plans.models import Period, PlanStatus, ProgressReport, ReportState
from gongkai.records.deadlines import interpretation_delay, publication_due_on
from gongkai.records.models import (
    NORMATIVE_KINDS,
    ON_RECORD_STATUSES,
    Disclosure,
    PublishingSettings,
    Record,
    RecordKind,
)
from gongkai.reports.deadlines import unit_deadline
from gongkai.reports.models import AnnualReport
from gongkai.rules import interaction as interaction_rules
from gongkai.rules.assessment import measures as rules
from gongkai.rules.assessment.measures import Measure, Measured
from gongkai.rules.calendar import WorkingCalendar


def measure(participant: Participant, which: Measure, today: date | None = None,
            calendar: WorkingCalendar | None = None) -> Measured:
    round_ = participant.round
    period = (round_.period_start, round_.period_end)
    as_of = min(today or dates.today(), round_.period_end)
    unit_id = participant.unit_id
    calendar = working_calendar() if calendar is None else calendar
    if which is Measure.RECORDS_ON_TIME:
        workdays = PublishingSettings.current().publication_workdays
        records = Record.objects.filter(unit_id=unit_id, disclosure=Disclosure.PROACTIVE, published_on__range=period)
        return rules.done_by(which, ((record.published_on, publication_due_on(record, calendar, workdays))
                                     for record in records), period)
    if which is Measure.FOI_ON_TIME:
        requests = Request.objects.filter(unit_id=unit_id, replied_on__range=period)
        return rules.done_by(which, requests.values_list("replied_on", "due_on"), period)
    if which is Measure.INTERPRETATIONS_ON_TIME:
        return _interpretations(unit_id, period, as_of, calendar)
    if which is Measure.PLAN_REPORTS_ACCEPTED:
        return _plan_reports(unit_id, period, as_of)
    if which is Measure.ANNUAL_REPORT_ON_TIME:
        return _annual_reports(participant, period, as_of, calendar)
    if which is Measure.SITE_SCORE:
        return _site_scores(unit_id, period, as_of)
    return _messages(unit_id, period, as_of, calendar)


def _interpretations(unit_id: int, period: rules.Period, as_of: date, calendar: WorkingCalendar) -> Measured:
    published = Record.objects.filter(kind=RecordKind.INTERPRETATION, status__in=ON_RECORD_STATUSES,
                                      published_on__isnull=False).order_by("published_on", "pk")
    policies = Record.objects.filter(
        unit_id=unit_id, kind__in=NORMATIVE_KINDS, status__in=ON_RECORD_STATUSES, published_on__range=period,
    ).prefetch_related(Prefetch("interpretations", queryset=published))
    rows = []
    for policy in policies:
        assert policy.published_on is not None
        first = next(iter(policy.interpretations.all()), None)
        rows.append((policy.published_on, interpretation_delay(policy, first, calendar) if first else None,
                     calendar.workdays_between(policy.published_on, as_of)))
    return rules.interpretations_on_time(rows, PublishingSettings.current().interpretation_workdays, period)


def _plan_reports(unit_id: int, period: rules.Period, as_of: date) -> Measured:
    periods = Period.objects.filter(
        item__plan__status=PlanStatus.PUBLISHED, item__assignments__unit_id=unit_id, due_on__range=period,
    ).distinct()
    reports = {report.period_id: report for report in ProgressReport.objects.filter(unit_id=unit_id, period__in=periods)}
    rows = []
    for row in periods:
        assert row.due_on is not None
        report = reports.get(row.pk)
        handed = report.submitted_at.date() if report and report.submitted_at else None
        rows.append((row.due_on, handed, bool(report and report.state == ReportState.ACCEPTED)))
    return rules.plan_reports_accepted(rows, period, as_of)


def _annual_reports(participant: Participant, period: rules.Period, as_of: date,
                    calendar: WorkingCalendar) -> Measured:
    """The reports on the years whose deadline may fall in the period (the year before each)."""
    unit = participant.unit
    published = {
        (report.year, report.whole): report.record.published_on if report.record else None
        for report in AnnualReport.objects.filter(unit=unit).select_related("record")
    }
    rows = []
    for year in range(period[0].year - 1, period[1].year):
        whole = any(whole for (held, whole) in published if held == year)
        due = unit_deadline(unit, year, whole=whole, calendar=calendar).due_on
        rows.append((due, published.get((year, whole))))
    return rules.annual_reports_on_time(rows, period, as_of)


def _messages(unit_id: int, period: rules.Period, as_of: date, calendar: WorkingCalendar) -> Measured:
    messages = Message.objects.filter(unit_id=unit_id, received_on__lte=period[1]).prefetch_related(
        Prefetch("events", queryset=MessageEvent.objects.order_by("id")))
    replies, vetoed = [], 0
    for message in messages:
        clock = message_clock(message, calendar, list(message.events.all()))
        replies.append((clock.first_replied_on, bool(clock.late)))
        if message.received_on >= period[0] and interaction_rules.over_three_months(
                message.rule_kind, message.received_on, clock.first_replied_on, as_of):
            vetoed += 1
    return rules.messages_on_time(replies, vetoed, period)


def _site_scores(unit_id: int, period: rules.Period, as_of: date) -> Measured:
    from gongkai.monitoring.models import Site
    from gongkai.monitoring.quarterly import site_quarter
    from gongkai.monitoring.services import current_system
    from gongkai.rules.monitoring.indicators import Verdict
    from gongkai.rules.monitoring.quarters import Quarter

    quarters, last = [], Quarter.of(min(period[1], as_of))
    quarter = Quarter.of(period[0])
    while quarter <= last:
        quarters.append(quarter)
        quarter = quarter.following
    sites = list(Site.objects.filter(owner_unit_id=unit_id).order_by("pk"))
    system = current_system() if sites else None
    rows = []
    for site in sites:
        for quarter in quarters:
            result = site_quarter(site, quarter, system).score
            if result is not None:
                rows.append((result.total, result.verdict is Verdict.PASS, bool(result.vetoes)))
    return rules.site_scores(rows)
