"""Time rules of records, computed at read time from stored dates and the working calendar.

- 《政府信息公开条例》第二十六条: 主动公开 information is published within 20 working days of the
  day it was formed or changed (the office may configure another number).
- Policy interpretation (DOMAIN.md 5; seed 000 item 22 “最迟不过3个工作日”): a 规章 or 行政规范性
  文件 needs a 解读 published with it, at the latest the configured working days after it.
Nothing here is stored: lateness is a function of the dates and today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from gongkai.calendars.service import working_calendar
from gongkai.records.models import (
    EDITABLE_STATUSES,
    NORMATIVE_KINDS,
    ON_RECORD_STATUSES,
    Disclosure,
    PublishingSettings,
    Record,
    RecordKind,
    RecordStatus,
)
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.lawdates import law_date_problem


def publication_due_on(record: Record, calendar: WorkingCalendar, workdays: int) -> date | None:
    """The last day to publish a 主动公开 record; None when the rule does not apply, also to a date
    outside the range of law dates (refused at entry; a row stored before that cannot be counted
    from, and must not take its page and the dashboards down)."""
    formed = record.formed_or_written_on
    if formed is None or record.disclosure != Disclosure.PROACTIVE:
        return None
    if law_date_problem("", formed, date.today()) is not None:
        return None
    return calendar.add_workdays(formed, workdays)


@dataclass(frozen=True)
class Lateness:
    record: Record
    due_on: date
    workdays_late: int  # working days after the due date (until publication, or until today)
    published: bool


def lateness(record: Record, today: date, calendar: WorkingCalendar, workdays: int) -> Lateness | None:
    due = publication_due_on(record, calendar, workdays)
    if due is None:
        return None
    if record.published_on is not None:
        if record.published_on <= due:
            return None
        return Lateness(record, due, calendar.workdays_between(due, record.published_on), True)
    if record.status in (*EDITABLE_STATUSES, RecordStatus.IN_REVIEW) and today > due:
        return Lateness(record, due, calendar.workdays_between(due, today), False)
    return None


def late_records(records: QuerySet[Record], today: date, since: date | None = None) -> list[Lateness]:
    """Records of ``records`` published late (since ``since``) or still unpublished past their due
    date, worst first."""
    settings = PublishingSettings.current()
    calendar = working_calendar()
    candidates = records.filter(disclosure=Disclosure.PROACTIVE).exclude(status=RecordStatus.WITHDRAWN)
    if since is not None:
        candidates = candidates.exclude(published_on__lt=since)
    found = []
    for record in candidates.select_related("unit").exclude(written_on__isnull=True, formed_on__isnull=True):
        late = lateness(record, today, calendar, settings.publication_workdays)
        if late is not None:
            found.append(late)
    return sorted(found, key=lambda late: (-late.workdays_late, late.record.pk))


@dataclass(frozen=True)
class InterpretationGap:
    policy: Record
    interpretation: Record | None
    delay_workdays: int | None  # None: no interpretation published yet

    @property
    def reason(self) -> str:
        if self.interpretation is None:
            return "尚无政策解读"
        return f"解读晚于政策 {self.delay_workdays} 个工作日发布"


def interpretation_delay(policy: Record, interpretation: Record, calendar: WorkingCalendar) -> int:
    """Working days from the policy's publication to the interpretation's (0: the same day)."""
    assert policy.published_on is not None and interpretation.published_on is not None
    return calendar.workdays_between(policy.published_on, interpretation.published_on)


def interpretation_gaps(policies: QuerySet[Record], allowed_workdays: int | None = None) -> list[InterpretationGap]:
    """Published 规章 and 行政规范性文件 without a published interpretation, or whose first one came
    more than ``allowed_workdays`` (default: the office's setting) working days after them."""
    allowed = PublishingSettings.current().interpretation_workdays if allowed_workdays is None else allowed_workdays
    calendar = working_calendar()
    published_interpretations = Record.objects.filter(
        kind=RecordKind.INTERPRETATION, status__in=ON_RECORD_STATUSES
    ).order_by("published_on", "pk")
    candidates = policies.filter(kind__in=NORMATIVE_KINDS, status__in=ON_RECORD_STATUSES).select_related("unit")
    gaps = []
    for policy in candidates.prefetch_related(Prefetch("interpretations", queryset=published_interpretations)):
        interpretations = list(policy.interpretations.all())
        if not interpretations:
            gaps.append(InterpretationGap(policy, None, None))
            continue
        first = interpretations[0]
        delay = interpretation_delay(policy, first, calendar)
        if delay > allowed:
            gaps.append(InterpretationGap(policy, first, delay))
    return gaps
