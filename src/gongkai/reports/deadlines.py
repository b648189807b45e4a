"""The jurisdiction's annual-report deadline for a unit (settings ``GONGKAI_ANNUAL_REPORT_DEADLINES``
over ``rules.annualreport.deadlines``), with the calendar's warning for a rest day."""

from __future__ import annotations

from django.conf import settings

from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import Unit, UnitKind
from gongkai.rules.annualreport.deadlines import (
    DeadlineNotice,
    ReportingBody,
    deadline_notice,
    parse_deadlines,
    report_deadline,
)
from gongkai.rules.calendar import WorkingCalendar

# The 本级人民政府 reports, published by their 主管部门 (第四十九条); every other unit reports as a
# department.
GOVERNMENT_KINDS = frozenset({UnitKind.CITY_GOV, UnitKind.COUNTY_GOV})


def reporting_body(unit: Unit, *, whole: bool = False) -> ReportingBody:
    if whole or unit.kind in GOVERNMENT_KINDS:
        return ReportingBody.GOVERNMENT
    return ReportingBody.DEPARTMENT


def unit_deadline(
    unit: Unit, year: int, *, whole: bool = False, calendar: WorkingCalendar | None = None
) -> DeadlineNotice:
    deadlines = parse_deadlines(getattr(settings, "GONGKAI_ANNUAL_REPORT_DEADLINES", ""))
    due_on = report_deadline(reporting_body(unit, whole=whole), year, deadlines)
    return deadline_notice(due_on, calendar or working_calendar())
