"""§二, §三 and §四 of a reporting body's annual report, counted from the platform's own data (and,
for the §二 rows it does not hold, the figures each unit entered).

The counting rules (DOMAIN.md 2.4–2.6, 9.21), each with one home below, used both for the totals
and for the list of requests behind any cell:

- 一、本年新收: received (``received_on``, 条例第三十一条) in the year. A request whose receipt is
  not yet confirmed has no receipt day and is not counted.
- 二、上年结转: received before the year and not closed before it.
- 三、本年度办理结果: closed in the year, each request once, in the row of its one outcome (E2:
  区分处理 only under 部分公开, which the single ``outcome`` field guarantees). A request is closed
  on its reply day, or on the day it was deemed abandoned (视为放弃, 第三十条 / 109号), which the
  ``foi`` app records as an event: it lands in 三(六)1 or 三(六)2.
- 四、结转下年度: received by 31 December and not closed by then.

So 一 + 二 = 三(七) + 四 holds by construction (E1), and next year's 二 is this year's 四 (D3).

§四 counts the cases of ``ReviewCase`` filed in the year, and those filed earlier and decided in
the year (D7: a case 尚未审结 comes back with its result); a case is 尚未审结 if not decided by 31
December. A case where the unit is only the 复议机关 co-defendant is not counted (E3).

Each table is one query, whatever the number of requests: the database counts.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, DateField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from gongkai.foi.models import EventKind, Request, RequestEvent
from gongkai.orgs.models import Unit
from gongkai.records.normative import normative_counts
from gongkai.reports.models import CaseKind, CaseResult, ProactiveFigure, ReviewCase
from gongkai.rules.annualreport import FORMATS, ReportTables, ReportTemplate, Value, outcome_row
from gongkai.rules.annualreport.template import TOTAL_COLUMN, Measure
from gongkai.rules.foioutcomes import ApplicantKind, Outcome


@dataclass(frozen=True)
class Period:
    """The statistical year: 1 January to 31 December (DOMAIN.md 2.1)."""

    year: int

    @property
    def first(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last(self) -> date:
        return date(self.year, 12, 31)


def body_units(unit: Unit, *, whole: bool = False) -> list[int]:
    """The units a report covers: the unit alone, or (``whole``, a government's report) the unit
    and every unit under it. One query."""
    if not whole:
        return [unit.pk]
    children: dict[int | None, list[int]] = {}
    for pk, parent in Unit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    covered, frontier = [unit.pk], [unit.pk]
    while frontier:
        frontier = [child for pk in frontier for child in children.get(pk, [])]
        covered += frontier
    return covered


# --- the requests and the rules -----------------------------------------------------------------


def counted_requests(units: Collection[int]) -> QuerySet[Request]:
    """The units' requests with a receipt day, annotated with ``closed_on``: the reply day, else the
    day the request was deemed abandoned (its ABANDONED event)."""
    abandoned_on = (
        RequestEvent.objects.filter(request=OuterRef("pk"), kind=EventKind.ABANDONED)
        .order_by("-on")
        .values("on")[:1]
    )
    return Request.objects.filter(unit_id__in=units, received_on__isnull=False).annotate(
        closed_on=Coalesce("replied_on", Subquery(abandoned_on, output_field=DateField()))
    )


def received_in(period: Period) -> Q:
    return Q(received_on__gte=period.first, received_on__lte=period.last)


def carried_into(period: Period) -> Q:
    return Q(received_on__lt=period.first) & (Q(closed_on__isnull=True) | Q(closed_on__gte=period.first))


def closed_in(period: Period) -> Q:
    return Q(received_on__lte=period.last, closed_on__gte=period.first, closed_on__lte=period.last)


def open_at_end(period: Period) -> Q:
    return Q(received_on__lte=period.last) & (Q(closed_on__isnull=True) | Q(closed_on__gt=period.last))


_BY_ROW = {"一": received_in, "二": carried_into, "三(七)": closed_in, "四": open_at_end}
_KINDS = list(ApplicantKind)


def _outcome(code: str) -> Outcome:
    """A closed request always has an outcome; one without (data from before the rule) is 其他."""
    return Outcome(code) if code else Outcome.OTHER


def application_rows(
    units: Collection[int], year: int, version: ReportTemplate = ReportTemplate.FORMAT_2021
) -> dict[str, list[int]]:
    """§三, every row and column, from one grouped query."""
    period = Period(year)
    form = FORMATS[version]
    table = {key: [0] * (len(_KINDS) + 1) for key in form.application_keys}
    counts = (
        counted_requests(units)
        .filter(received_on__lte=period.last)
        .order_by()
        .values("applicant_kind", "outcome")
        .annotate(**{row: Count("pk", filter=rule(period)) for row, rule in _BY_ROW.items()})
    )
    for group in counts:
        column = _KINDS.index(ApplicantKind(group["applicant_kind"]))
        for row in _BY_ROW:
            table[row][column] += group[row]
        table[outcome_row(_outcome(group["outcome"]), version)][column] += group["三(七)"]
    for cells in table.values():
        cells[TOTAL_COLUMN] = sum(cells[:TOTAL_COLUMN])
    return table


def requests_in_cell(
    units: Collection[int], year: int, row: str, column: str = "总计",
    version: ReportTemplate = ReportTemplate.FORMAT_2021,
) -> QuerySet[Request]:
    """The requests a cell of §三 counts (``column`` an applicant kind's code, or "总计"), by the
    same rules as :func:`application_rows`: why a cell says 7."""
    period = Period(year)
    requests = counted_requests(units)
    if row in _BY_ROW:
        requests = requests.filter(_BY_ROW[row](period))
    else:
        outcomes = [o.value for o in Outcome if outcome_row(o, version) == row]
        if Outcome.OTHER.value in outcomes:
            outcomes.append("")
        requests = requests.filter(closed_in(period), outcome__in=outcomes)
    if column != "总计":
        requests = requests.filter(applicant_kind=ApplicantKind(column).value)
    return requests.order_by("received_on", "pk")


# --- §四 ----------------------------------------------------------------------------------------


def counted_cases(units: Collection[int], year: int) -> QuerySet[ReviewCase]:
    period = Period(year)
    filed = Q(filed_on__gte=period.first, filed_on__lte=period.last)
    decided_now = Q(filed_on__lt=period.first, decided_on__gte=period.first, decided_on__lte=period.last)
    return ReviewCase.objects.filter(unit_id__in=units, only_as_review_body=False).filter(filed | decided_now)


def review_cells(units: Collection[int], year: int) -> list[int]:
    """§四's fifteen numbers, from one grouped query."""
    last = Period(year).last
    decided = Q(decided_on__lte=last)
    results: dict[str, Any] = {
        result.value: Count("pk", filter=decided & Q(result=result)) for result in CaseResult
    }
    pending = Count("pk", filter=Q(decided_on__isnull=True) | Q(decided_on__gt=last))
    counts = {
        group["kind"]: group
        for group in counted_cases(units, year).order_by().values("kind").annotate(pending=pending, **results)
    }
    cells: list[int] = []
    for kind in CaseKind:
        group = counts.get(kind.value, {})
        numbers = [group.get(result.value, 0) for result in CaseResult] + [group.get("pending", 0)]
        cells += [*numbers, sum(numbers)]
    return cells


def cases_in_cell(units: Collection[int], year: int, index: int) -> QuerySet[ReviewCase]:
    """The cases one of §四's fifteen cells counts (``index`` 0–14, as :func:`review_cells` lays
    them out: per group 维持, 纠正, 其他, 尚未审结, 总计), by the same rules."""
    width = len(CaseResult) + 2
    kind, position = list(CaseKind)[index // width], index % width
    cases = counted_cases(units, year).filter(kind=kind)
    last = Period(year).last
    if position < len(CaseResult):
        cases = cases.filter(decided_on__lte=last, result=list(CaseResult)[position])
    elif position == len(CaseResult):
        cases = cases.filter(Q(decided_on__isnull=True) | Q(decided_on__gt=last))
    return cases.select_related("request").order_by("filed_on", "pk")


# --- §六: 信息处理费 (国办函〔2020〕109号) ----------------------------------------------------------


@dataclass(frozen=True)
class FeeSummary:
    notices: int  # 收费通知 served in the year
    notice_amount: int  # 元
    paid: int  # payments received in the year
    paid_amount: int  # 元

    @property
    def text(self) -> str:
        """The sentence of §六 (DOMAIN.md 2.2: the fees collected under 109号)."""
        if not self.notices and not self.paid:
            return "本年度未发出信息处理费收费通知，未收取信息处理费。"
        return (
            f"本年度依据《政府信息公开信息处理费管理办法》发出收费通知{self.notices}件，"
            f"金额{self.notice_amount}元；实际收取信息处理费{self.paid}件，金额{self.paid_amount}元。"
        )


def fee_summary(units: Collection[int], year: int) -> FeeSummary:
    """The fee notices and payments of the year, by their event days. One query."""
    period = Period(year)
    events = RequestEvent.objects.filter(
        request__unit_id__in=units, kind__in=(EventKind.FEE_NOTICE, EventKind.FEE_PAID),
        on__gte=period.first, on__lte=period.last,
    ).values_list("kind", "data")  # fmt: skip
    totals = {EventKind.FEE_NOTICE: [0, 0], EventKind.FEE_PAID: [0, 0]}
    for kind, data in events:
        totals[EventKind(kind)][0] += 1
        totals[EventKind(kind)][1] += int(data.get("amount", 0))
    return FeeSummary(*totals[EventKind.FEE_NOTICE], *totals[EventKind.FEE_PAID])


# --- §二 ----------------------------------------------------------------------------------------


def normative_scope(unit: Unit, *, whole: bool = False) -> list[int] | None:
    """The units whose normative documents a report counts; None: every unit (the government of
    the whole jurisdiction)."""
    return None if whole and unit.parent_id is None else body_units(unit, whole=whole)


def proactive_rows(unit: Unit, year: int, *, whole: bool = False) -> dict[str, dict[str, Value]]:
    """§二 第二十条第（一）项 from the 规章 and 行政规范性文件 on record (``records.normative``); the
    other rows (行政许可, 行政处罚, 行政强制, 收费金额) are not held by the platform and stay blank."""
    if whole and unit.parent_id is None:  # the government of the whole jurisdiction
        counted = [normative_counts(year)]
    elif whole:
        counted = [normative_counts(year, Unit(pk=pk)) for pk in body_units(unit, whole=True)]
    else:
        counted = [normative_counts(year, unit)]
    return {
        row.label: {
            "制发": sum(rows[i].issued for rows in counted),
            "废止": sum(rows[i].repealed for rows in counted),
            "现行有效": sum(rows[i].in_force for rows in counted),
        }
        for i, row in enumerate(counted[0])
    }


# The §二 rows the platform does not hold: each unit enters them (``ProactiveFigure``), by the
# form on the report page or in a sheet (``rules.annualreport.figures``).


def entered_rows(units: Collection[int], year: int) -> dict[str, dict[str, Value]]:
    """The entered figures of §二, added up over ``units``; a row nobody entered stays blank. One
    query."""
    form = FORMATS[ReportTemplate.FORMAT_2021]
    sums = ProactiveFigure.objects.filter(unit_id__in=units, year=year).order_by().values("row").annotate(total=Sum("value"))
    rows: dict[str, dict[str, Value]] = {}
    for group in sums:
        column = form.proactive_table_of(group["row"]).columns[0]
        total: Decimal = group["total"]
        rows[group["row"]] = {column.key: float(total) if column.measure is Measure.MONEY else int(total)}
    return rows


def compute_tables(
    unit: Unit, year: int, *, whole: bool = False,
    version: ReportTemplate = ReportTemplate.FORMAT_2021,
) -> ReportTables:
    """§二 (the normative documents), §三 and §四 of ``unit``'s report (``whole``: with every
    unit under it) for ``year``."""
    units = body_units(unit, whole=whole)
    proactive: dict[str, dict[str, Value]] = {}
    if version is ReportTemplate.FORMAT_2021:
        proactive = {**proactive_rows(unit, year, whole=whole), **entered_rows(units, year)}
    return ReportTables(
        format=FORMATS[version],
        proactive=proactive,
        applications=application_rows(units, year, version),
        reviews=review_cells(units, year),
    )
