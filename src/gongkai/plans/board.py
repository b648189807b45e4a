"""The office's view of a plan in motion: counts by unit, by section and by due date, the slots in
one standing, and the slots not advanced for the supervision bulletin.

A *slot* is one assignment × one period of its item. Every function here runs a fixed number of
queries whatever the number of items: the counts are ``GROUP BY`` queries, one over the slots
(assignments joined to their item's periods) and one over the handed-in reports, put together by
``rules.board.tallies``; what time decides (overdue) is computed from ``today`` in the query,
with the definitions of ``rules.progress``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from gongkai.orgs.models import Unit
from gongkai.plans.models import Assignment, Period, Plan, ProgressReport, ReportState, Section
from gongkai.rules import board as rules
from gongkai.rules.progress import HANDED_IN, NOT_ADVANCED, Standing

LIST_LIMIT = 200  # slots shown on the page; the .xlsx has them all


@dataclass(frozen=True)
class Scope:
    """What the office is looking at: the slots of ``plan`` due by ``cutoff``, optionally of one
    unit and of some sections, seen on ``today``."""

    plan: Plan
    cutoff: date | None
    today: date
    unit_id: int | None = None
    section_ids: frozenset[int] | None = None

    def past_due(self, field: str = "due_on") -> Q:
        """``rules.progress.is_past_due`` as a filter over the due date ``field``."""
        past = Q(**{f"{field}__lt": self.today})
        given_on = self.plan.given_on
        return past & Q(**{f"{field}__gte": given_on}) if given_on is not None else past


@dataclass(frozen=True)
class Row:
    """One line of a table: a unit, a section or a due date, with its tally."""

    key: Any
    name: str
    tally: rules.Tally


# -- the two counting queries -----------------------------------------------------------------


def _slots(scope: Scope, *, undated: bool = False) -> QuerySet[Assignment]:
    """Assignment × period rows in scope, with the period as ``period_id`` and ``due_on``."""
    slots = Assignment.objects.filter(plan=scope.plan).alias(
        period_id=F("item__periods__id"), due_on=F("item__periods__due_on")
    )
    if undated:
        slots = slots.filter(due_on__isnull=True)
    else:
        slots = slots.filter(due_on__lte=scope.cutoff) if scope.cutoff else slots.none()
    if scope.unit_id is not None:
        slots = slots.filter(unit_id=scope.unit_id)
    if scope.section_ids is not None:
        slots = slots.filter(item__section_id__in=scope.section_ids)
    return slots


def _handed_in(scope: Scope) -> QuerySet[ProgressReport]:
    """The handed-in reports of the slots in scope (one report per slot at most)."""
    if scope.cutoff is None:
        return ProgressReport.objects.none()
    reports = ProgressReport.objects.filter(
        assignment__plan=scope.plan, period__due_on__lte=scope.cutoff, state__in=HANDED_IN
    )
    if scope.unit_id is not None:
        reports = reports.filter(unit_id=scope.unit_id)
    if scope.section_ids is not None:
        reports = reports.filter(period__item__section_id__in=scope.section_ids)
    return reports


# One row per (unit, section, due date): few enough to fold three ways in Python, and one scan
# of the slots and one of the reports instead of three each.
CELL_SLOTS = ("unit_id", "item__section_id", "due_on")
CELL_REPORTS = ("unit_id", "period__item__section_id", "period__due_on")
Cell = tuple[int, int | None, date]


def _slot_counts(scope: Scope) -> dict[Cell, rules.SlotCount]:
    rows = _slots(scope).annotate(due_on=F("due_on")).values(*CELL_SLOTS).annotate(
        n=Count("pk"), past=Count("pk", filter=scope.past_due())
    ).order_by()
    return {(row["unit_id"], row["item__section_id"], row["due_on"]): rules.SlotCount(row["n"], row["past"])
            for row in rows}


def _report_counts(scope: Scope) -> dict[Cell, rules.ReportCount]:
    rows = _handed_in(scope).values(*CELL_REPORTS).annotate(
        n=Count("pk"),
        accepted=Count("pk", filter=Q(state=ReportState.ACCEPTED)),
        done=Count("pk", filter=Q(status="done")),
        advanced=Count("pk", filter=~Q(status__in=NOT_ADVANCED)),
        past=Count("pk", filter=scope.past_due("period__due_on")),
    ).order_by()
    return {
        (row["unit_id"], row["period__item__section_id"], row["period__due_on"]):
            rules.ReportCount(row["n"], row["accepted"], row["done"], row["advanced"], row["past"])
        for row in rows
    }


@dataclass(frozen=True)
class Counts:
    """The tallies of a scope by unit, by section (as stored, not rolled up) and by due date."""

    by_unit: dict[int, rules.Tally]
    by_section: dict[int | None, rules.Tally]
    by_due_date: dict[date, rules.Tally]


def counts(scope: Scope) -> Counts:
    """Two queries, whatever the number of items."""
    cells = rules.tallies(_slot_counts(scope), _report_counts(scope))
    return Counts(rules.fold(cells, 0), rules.fold(cells, 1), rules.fold(cells, 2))


# -- the tables of the dashboard --------------------------------------------------------------


def by_unit(scope: Scope, units: Sequence[tuple[int, str]] | None = None, counted: Counts | None = None) -> list[Row]:
    """Every unit with slots in scope, in registry order; ``units`` are the plan's units
    (``plan_units``) and ``counted`` the scope's ``counts`` when the caller already has them."""
    tallied = (counted or counts(scope)).by_unit
    if units is None:
        units = Unit.objects.filter(pk__in=list(tallied)).order_by("sort_order", "pk").values_list("pk", "name")
    return [Row(pk, name, tallied[pk]) for pk, name in units if pk in tallied]


def plan_units(plan: Plan) -> list[tuple[int, str]]:
    """The units the plan assigns work to, in registry order (the unit filter's choices)."""
    assigned = Assignment.objects.filter(plan=plan).values("unit_id")
    return list(Unit.objects.filter(pk__in=assigned).order_by("sort_order", "pk").values_list("pk", "name"))


def sections(plan: Plan) -> list[Section]:
    return list(plan.sections.order_by("order", "pk"))


def section_parents(all_sections: Iterable[Section]) -> dict[int, int | None]:
    return {section.pk: section.parent_id for section in all_sections}


def by_section(scope: Scope, all_sections: list[Section], counted: Counts | None = None) -> list[Row]:
    """Tallies per outermost section (items outside any section as 未分项), in document order."""
    tallied = rules.roll_up((counted or counts(scope)).by_section, section_parents(all_sections))
    rows = [Row(s.pk, s.title, tallied[s.pk]) for s in all_sections if s.pk in tallied]
    if None in tallied:
        rows.append(Row(None, "未分项", tallied[None]))
    return rows


def trend(scope: Scope, counted: Counts | None = None) -> list[Row]:
    """Tallies per due date up to the cutoff: how each reporting round went."""
    tallied = (counted or counts(scope)).by_due_date
    return [Row(day, rules.day_text(day), tallied[day]) for day in sorted(tallied)]


def due_dates(plan: Plan) -> list[date]:
    """The plan's distinct due dates: the cutoffs the office may choose."""
    days = Period.objects.filter(item__plan=plan, due_on__isnull=False).values_list("due_on", flat=True)
    return sorted(set(days.distinct().order_by()))


# -- the slots in one standing ----------------------------------------------------------------


NO_REPORT = ""  # ``report_state`` of a slot without any report


def standing_q(standing: Standing, scope: Scope) -> Q:
    """``rules.progress.standing`` as a filter over ``due_on`` and ``report_state`` (``NO_REPORT``
    when nothing was written): a slot matches exactly the standing the pure function gives it.
    Each condition names ``report_state`` once, so SQLite runs its subquery once per slot."""
    past = scope.past_due()
    not_past = Q(due_on__isnull=True) | ~past
    unsent = [NO_REPORT, ReportState.DRAFT]
    return {
        Standing.ACCEPTED: Q(report_state=ReportState.ACCEPTED),
        Standing.SUBMITTED: Q(report_state=ReportState.SUBMITTED),
        Standing.OVERDUE: past & Q(report_state__in=[*unsent, ReportState.RETURNED]),
        Standing.RETURNED: not_past & Q(report_state=ReportState.RETURNED),
        Standing.DUE: Q(due_on__isnull=False) & ~past & Q(report_state__in=unsent),
        Standing.UNDATED: Q(due_on__isnull=True) & Q(report_state__in=unsent),
    }[standing]


def _report_state() -> Coalesce:
    """The state of the slot's report (one per assignment and period), or ``NO_REPORT``."""
    state = ProgressReport.objects.filter(assignment=OuterRef("pk"), period=OuterRef("period_id"))
    return Coalesce(Subquery(state.order_by().values("state")[:1]), Value(NO_REPORT))


# The keys of a listed slot (``in_standing`` and ``shortfall_slots`` give the same shape).
LISTED = [
    "unit_id", "unit__name", "item_id", "item__number", "item__task", "item__text",
    "period_id", "due_on", "report_state",
]


def in_standing(scope: Scope, standing: Standing) -> QuerySet[Assignment]:
    """The slots in scope that stand at ``standing`` today, by unit then item (values rows)."""
    slots = _slots(scope, undated=standing is Standing.UNDATED)
    return (
        slots.alias(report_state=_report_state())
        .filter(standing_q(standing, scope))
        .annotate(due_on=F("due_on"), period_id=F("period_id"), report_state=F("report_state"))
        .values(*LISTED, "role", assignment_id=F("pk"))
        .order_by("unit__sort_order", "unit_id", "item__order", "due_on")
    )


def count_in_standing(scope: Scope, standing: Standing, overall: rules.Tally) -> int:
    """How many slots stand at ``standing``: from the scope's tally where it says (no query)."""
    known = {
        Standing.OVERDUE: overall.overdue, Standing.ACCEPTED: overall.accepted,
        Standing.SUBMITTED: overall.handed_in - overall.accepted,
    }
    return known[standing] if standing in known else in_standing(scope, standing).count()


def listing(scope: Scope, standing: Standing, limit: int | None = LIST_LIMIT) -> list[dict[str, Any]]:
    rows = in_standing(scope, standing)
    return list(rows[:limit] if limit is not None else rows)


# -- the bulletin -----------------------------------------------------------------------------


def shortfall_slots(scope: Scope) -> list[dict[str, Any]]:
    """The slots in scope not advanced (``rules.board.shortfall``): overdue, or handed in as
    未启动 or 无法按期完成; two queries, rows shaped as ``in_standing``'s."""
    overdue = [{**row, "report_status": None, "reason": ""} for row in in_standing(scope, Standing.OVERDUE)]
    stalled = _handed_in(scope).filter(status__in=NOT_ADVANCED).values(
        "unit_id", "unit__name", "period_id", "reason", "assignment_id",
        role=F("assignment__role"), item_id=F("assignment__item_id"),
        item__number=F("assignment__item__number"), item__task=F("assignment__item__task"),
        item__text=F("assignment__item__text"), due_on=F("period__due_on"),
        report_state=F("state"), report_status=F("status"),
    )
    return overdue + list(stalled)
