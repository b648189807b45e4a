"""The office dashboard of a plan in motion (督查统计): completion by unit and by section, overdue
counts, a chart per unit and a trend over the due dates, the slots in a chosen standing listed by
unit (overdue by default), and the same numbers as an .xlsx. Office only: anyone else gets 403.

The page runs a fixed number of queries whatever the plan's size (``plans.board``)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.orgs.policy import policy
from gongkai.plans import board, charts
from gongkai.plans.models import Plan, PlanStatus, Section
from gongkai.rules import board as rules
from gongkai.rules.progress import LABELS, Standing
from gongkai.rules.sheetcells import keep_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def published_plan(request: HttpRequest, pk: int) -> Plan:
    policy.require_manage(request.user, "督查统计仅限公开办管理员使用。")
    return get_object_or_404(Plan, pk=pk, status=PlanStatus.PUBLISHED)


class BoardFilters(forms.Form):
    plan = forms.TypedChoiceField(label="分工方案", coerce=int, required=False, empty_value=None)
    cutoff = forms.TypedChoiceField(
        label="统计截止日期", coerce=date.fromisoformat, required=False, empty_value=None,
        help_text="统计截止日期前（含当日）到期的各期报送。",
    )
    unit = forms.TypedChoiceField(label="单位", coerce=int, required=False, empty_value=None)
    section = forms.TypedChoiceField(label="分项", coerce=int, required=False, empty_value=None)
    standing = forms.ChoiceField(label="事项状态", required=False)

    def __init__(self, data: Any, *, plans: Sequence[Plan], cutoffs: Sequence[date],
                 units: Sequence[tuple[int, str]], sections: Sequence[tuple[int, str]]) -> None:
        super().__init__(data)
        self.fields["plan"].choices = [(plan.pk, f"{plan.year}年 {plan.title}") for plan in plans]
        self.fields["cutoff"].choices = [(day.isoformat(), rules.day_text(day)) for day in cutoffs]
        self.fields["unit"].choices = [("", "全部单位"), *units]
        self.fields["section"].choices = [("", "全部分项"), *sections]
        self.fields["standing"].choices = [(standing.value, LABELS[standing]) for standing in Standing]


@dataclass(frozen=True)
class Board:
    """The filters as chosen and the scope they give."""

    form: BoardFilters
    scope: board.Scope
    standing: Standing
    sections: list[Section]
    cutoffs: list[date]
    units: list[tuple[int, str]]


def _section_choices(sections: list[Section]) -> list[tuple[int, str]]:
    parents = board.section_parents(sections)
    choices = []
    for section in sections:
        depth, node = 0, section.parent_id
        while node is not None and depth < 10:
            depth, node = depth + 1, parents.get(node)
        title = section.title if len(section.title) <= 40 else section.title[:39] + "…"
        choices.append((section.pk, "　" * depth + title))
    return choices


def load_board(request: HttpRequest, plan: Plan) -> Board:
    """Read the filters from the query string. Missing ones take their defaults (this plan, the
    latest due date reached, overdue), so the form always shows what is counted; a value that
    does not fit is ignored and the form says why."""
    today = timezone.localdate()
    sections, cutoffs = board.sections(plan), board.due_dates(plan)
    default_cutoff = rules.default_cutoff(cutoffs, today)
    data = request.GET.copy()
    data.setdefault("plan", str(plan.pk))
    data.setdefault("cutoff", default_cutoff.isoformat() if default_cutoff else "")
    data.setdefault("standing", Standing.OVERDUE.value)
    units = board.plan_units(plan)
    form = BoardFilters(
        data, plans=list(Plan.objects.filter(status=PlanStatus.PUBLISHED)), cutoffs=cutoffs,
        units=units, sections=_section_choices(sections),
    )
    form.is_valid()
    chosen: dict[str, Any] = form.cleaned_data
    section_id = chosen.get("section")
    scope = board.Scope(
        plan=plan, cutoff=chosen.get("cutoff") or default_cutoff, today=today, unit_id=chosen.get("unit"),
        section_ids=rules.subtree(section_id, board.section_parents(sections)) if section_id else None,
    )
    standing = Standing(chosen.get("standing") or Standing.OVERDUE)
    return Board(form, scope, standing, sections, cutoffs, units)


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    plan = published_plan(request, pk)
    view = load_board(request, plan)
    other = view.form.cleaned_data.get("plan")
    if other and other != plan.pk:
        return redirect("plans:dashboard", pk=other)
    counted = board.counts(view.scope)
    units = board.by_unit(view.scope, view.units, counted)
    sections = board.by_section(view.scope, view.sections, counted)
    trend = board.trend(view.scope, counted)
    overall = rules.total(row.tally for row in units)
    listed = board.listing(view.scope, view.standing)
    listed_count = len(listed) if len(listed) < board.LIST_LIMIT else board.count_in_standing(
        view.scope, view.standing, overall
    )
    return render(request, "plans/dashboard.html", {
        "plan": plan, "form": view.form, "scope": view.scope, "standing": view.standing,
        "standing_label": LABELS[view.standing], "overall": overall, "units": units, "sections": sections,
        "trend": trend, "listed": [_listed(row, view.scope.today) for row in listed], "listed_count": listed_count,
        "list_limit": board.LIST_LIMIT, "unit_chart": _unit_chart(units), "trend_chart": _trend_chart(trend),
        "query": request.GET.urlencode(), "cutoff_label": rules.day_text(view.scope.cutoff) if view.scope.cutoff else "",
    })


def _listed(row: dict[str, Any], today: date) -> dict[str, Any]:
    due_on: date | None = row["due_on"]
    return {**row, "days_late": (today - due_on).days if due_on and due_on < today else 0}


def _unit_chart(units: list[board.Row]) -> str:
    bars = [
        charts.Bar(row.name, row.tally.completion, f"应报送 {row.tally.total}，已完成 {row.tally.done}，逾期 {row.tally.overdue}")
        for row in units
    ]
    return charts.bar_chart(
        "unit-completion", "各单位完成率",
        "每个单位一行：截至统计截止日期应报送的各期中，已报送且填报为“已完成”的比例。数据见“按单位”表格。",
        bars,
    )


def _trend_chart(trend: list[board.Row]) -> str:
    return charts.line_chart(
        "period-trend", "各报送期报送率和完成率",
        "横轴为各期截止日期，两条线分别为该期的报送率和完成率。数据见“各报送期”表格。",
        [f"{row.key.month}月{row.key.day}日" for row in trend],
        [charts.Series("报送率", [row.tally.handed_in_rate for row in trend]),
         charts.Series("完成率", [row.tally.completion for row in trend])],
    )


# -- .xlsx --------------------------------------------------------------------------------------

TALLY_COLUMNS = ["应报送", "已报送", "报送率(%)", "已完成", "完成率(%)", "已推进", "推进率(%)", "已验收", "逾期未报"]
OVERDUE_COLUMNS = ["单位", "职责", "序号", "工作任务", "具体要求", "截止日期", "状态", "逾期天数"]


def _tally_cells(value: rules.Tally) -> list[Any]:
    return [value.total, value.handed_in, value.handed_in_rate, value.done, value.completion,
            value.advanced, value.advanced_rate, value.accepted, value.overdue]


def to_xlsx(scope: board.Scope, sections: list[Section], units: list[tuple[int, str]] | None = None) -> bytes:
    """Three sheets: 按单位, 按分项, 逾期事项 (every overdue slot in scope, not just the page's)."""
    counted = board.counts(scope)
    book = Workbook()
    by_unit = book.active
    by_unit.title = "按单位"
    widths = [30, *[11] * len(TALLY_COLUMNS)]
    _sheet(by_unit, ["单位", *TALLY_COLUMNS],
           [[row.name, *_tally_cells(row.tally)] for row in board.by_unit(scope, units, counted)], widths)
    _sheet(book.create_sheet("按分项"), ["分项", *TALLY_COLUMNS],
           [[row.name, *_tally_cells(row.tally)] for row in board.by_section(scope, sections, counted)], widths)
    overdue = [
        [row["unit__name"], "牵头" if row["role"] == "lead" else "配合", row["item__number"], row["item__task"],
         row["item__text"], row["due_on"], LABELS[Standing.OVERDUE] + ("（已退回）" if row["report_state"] == "returned" else ""),
         (scope.today - row["due_on"]).days]
        for row in board.listing(scope, Standing.OVERDUE, limit=None)
    ]
    _sheet(book.create_sheet("逾期事项"), OVERDUE_COLUMNS, overdue, [24, 6, 6, 24, 60, 12, 16, 9])
    buffer = io.BytesIO()
    keep_text(book).save(buffer)
    return buffer.getvalue()


def _sheet(sheet: Any, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(65 + index)].width = width


@login_required
def dashboard_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    plan = published_plan(request, pk)
    view = load_board(request, plan)
    response = HttpResponse(to_xlsx(view.scope, view.sections, view.units), content_type=XLSX)
    cutoff = view.scope.cutoff.isoformat() if view.scope.cutoff else "全部"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'督查统计_{plan.year}_{cutoff}.xlsx')}"
    return response
