"""The yearly opening plan against what opened: each entry's standing (``rules.opendata.openplan``,
by the project calendar with its 调休) and each unit's tally, for the office's view of who is
late and its .xlsx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from gongkai.calendars.service import working_calendar
from gongkai.opendata.models import DatasetStatus, PlanEntry
from gongkai.orgs.models import User
from gongkai.orgs.policy import policy
from gongkai.rules.opendata import openplan
from gongkai.rules.opendata.openplan import Standing


@dataclass(frozen=True)
class EntryRow:
    entry: PlanEntry
    due_on: date
    opened_on: date | None
    standing: Standing

    @property
    def label(self) -> str:
        return openplan.LABELS[self.standing]


@dataclass(frozen=True)
class UnitRow:
    unit_id: int
    name: str
    tally: openplan.Tally


def visible_entries(user: User | AnonymousUser, year: int) -> QuerySet[PlanEntry]:
    return policy.scope(user, PlanEntry.objects.filter(year=year)).select_related("unit", "dataset")


def opened_on(entry: PlanEntry) -> date | None:
    dataset = entry.dataset
    if dataset is None or dataset.status == DatasetStatus.WITHDRAWN:
        return None
    return dataset.issued_on


def entry_rows(entries: QuerySet[PlanEntry], today: date) -> list[EntryRow]:
    calendar = working_calendar()
    rows = []
    for entry in entries.order_by("unit__sort_order", "unit_id", "planned_on", "pk"):
        opened = opened_on(entry)
        rows.append(EntryRow(entry, openplan.due_on(entry.planned_on, calendar), opened,
                             openplan.standing(entry.planned_on, opened, today, calendar)))
    return rows


def unit_rows(rows: list[EntryRow]) -> list[UnitRow]:
    """One row per unit, the late ones first (most late entries first), then by registry order."""
    grouped: dict[int, list[EntryRow]] = {}
    for row in rows:
        grouped.setdefault(row.entry.unit_id, []).append(row)
    units = [
        UnitRow(unit_id, found[0].entry.unit.name, openplan.tally(row.standing for row in found))
        for unit_id, found in grouped.items()
    ]
    return sorted(units, key=lambda unit: -unit.tally.late)


HEADER = ["责任单位", "计划开放的数据集", "主题分类", "计划开放日期", "到期日（遇休息日顺延）", "对应数据集", "开放日期", "状态", "备注"]


def export_rows(rows: list[EntryRow]) -> list[list[Any]]:
    return [[
        row.entry.unit.name, row.entry.title, row.entry.get_theme_display(), row.entry.planned_on, row.due_on,
        row.entry.dataset.title if row.entry.dataset else "", row.opened_on, row.label, row.entry.note,
    ] for row in rows]
