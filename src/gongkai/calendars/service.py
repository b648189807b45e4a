"""The working calendar as the apps use it: the pure rules over the office's holiday table.

Every deadline of the platform asks ``working_calendar()``; nothing counts days by itself.
Changes to the table go through the functions below, are audited, and send
``calendar_changed`` so that apps holding deadlines (requests, plans) recompute them.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.dispatch import Signal

from gongkai.audit.log import record
from gongkai.calendars.models import DayKind, Holiday, ScheduleYear
from gongkai.rules.calendar import DayKind as RuleDayKind
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.holiday_notice import HolidayNotice, notice_holiday_names, notice_overrides

# Sent (after commit) with ``years``: the set of years whose working days may have changed.
calendar_changed = Signal()


def working_calendar() -> WorkingCalendar:
    """The calendar with the table's overrides; one small query, so always current."""
    rows = list(Holiday.objects.values_list("day", "kind", "name"))
    overrides = {day: RuleDayKind(kind) for day, kind, _ in rows}
    names = {day: name for day, kind, name in rows if name and kind == DayKind.HOLIDAY}
    confirmed = frozenset(ScheduleYear.objects.values_list("year", flat=True))
    return WorkingCalendar(overrides=overrides, confirmed_years=confirmed, holiday_names=names)


def _announce(years: set[int]) -> None:
    transaction.on_commit(lambda: calendar_changed.send(sender=Holiday, years=frozenset(years)))


@transaction.atomic
def set_day(day: date, kind: DayKind | str, name: str = "", source: str = "") -> Holiday:
    existing = Holiday.objects.filter(day=day).first()
    before = {"kind": existing.kind, "name": existing.name} if existing else None
    holiday, _ = Holiday.objects.update_or_create(
        day=day, defaults={"kind": str(kind), "name": name, "source": source}
    )
    record("calendar_day_set", holiday, before=before, after={"kind": holiday.kind, "name": name})
    _announce({day.year})
    return holiday


@transaction.atomic
def remove_day(day: date) -> None:
    holiday = Holiday.objects.filter(day=day).first()
    if holiday is None:
        return
    record("calendar_day_removed", holiday, before={"kind": holiday.kind, "name": holiday.name})
    holiday.delete()
    _announce({day.year})


@transaction.atomic
def confirm_notice(notice: HolidayNotice, source: str, text: str = "") -> ScheduleYear:
    """Load a parsed State Council notice into the table and mark its year confirmed."""
    names = notice_holiday_names(notice)
    overrides = notice_overrides(notice)
    for day, kind in sorted(overrides.items()):
        Holiday.objects.update_or_create(
            day=day,
            defaults={"kind": kind.value, "name": names.get(day, "调休上班"), "source": source},
        )
    schedule, _ = ScheduleYear.objects.update_or_create(
        year=notice.year, defaults={"source": source, "notice_text": text}
    )
    record("calendar_year_confirmed", schedule, after={
        "year": notice.year,
        "holidays": [f"{h.name} {h.first}至{h.last}" for h in notice.holidays],
        "workdays": [str(d) for d in notice.makeup_workdays],
    })
    _announce({day.year for day in overrides} | {notice.year})
    return schedule

