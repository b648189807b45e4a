"""The platform's own data as tables, regenerated from the database each time a resource is
downloaded or previewed, so a download is never older than the database (and nothing needs a
job to refresh it). Every table is counts only: no requester, no draft, nothing the portal does
not show already.

- 各单位每月主动公开的政府信息条数: the listed records by unit and month of publication;
- 依申请公开办理统计: the counts of the public statistics page (by year, status, outcome group);
- 分工方案落实进度: each published plan's slots due by today, by unit (the office's board).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.db.models import Count
from django.db.models.functions import TruncMonth

from gongkai.foi.public import public_counts
from gongkai.opendata.models import Source
from gongkai.plans import board
from gongkai.plans.models import Plan
from gongkai.records.models import Record

Rows = Iterator[Sequence[Any]]


def _records_monthly(today: date) -> tuple[list[str], Rows]:
    counted = (
        Record.objects.filter(Record.listed_q(), published_on__isnull=False)
        .annotate(month=TruncMonth("published_on")).values("unit__name", "unit__sort_order", "unit_id", "month")
        .annotate(total=Count("pk")).order_by("month", "unit__sort_order", "unit_id")
    )
    rows = ((row["month"].strftime("%Y-%m"), row["unit__name"], row["total"]) for row in counted)
    return ["月份", "单位", "主动公开信息条数"], rows


def _foi_statistics(today: date) -> tuple[list[str], Rows]:
    counts = public_counts()
    rows: list[Sequence[Any]] = [("按年份", f"{year}年", total) for year, total in counts.by_year]
    rows += [("按办理状态", label, total) for _, label, total in counts.by_status]
    rows += [("按办理结果", label, total) for _, label, total in counts.by_outcome]
    return ["分类", "项目", "件数"], iter(rows)


def _plan_progress(today: date) -> tuple[list[str], Rows]:
    def rows() -> Rows:
        for plan in Plan.objects.filter(Plan.public_q()).order_by("-year", "pk"):
            scope = board.Scope(plan=plan, cutoff=today, today=today)
            for row in board.by_unit(scope):
                tally = row.tally
                yield (plan.title, row.name, tally.total, tally.handed_in, tally.accepted, tally.done, tally.overdue,
                       tally.completion)

    return ["分工方案", "单位", "应报送", "已报送", "已验收", "已完成", "逾期未报", "完成率（%）"], rows()


GENERATORS = {
    Source.RECORDS_MONTHLY: _records_monthly,
    Source.FOI_STATISTICS: _foi_statistics,
    Source.PLAN_PROGRESS: _plan_progress,
}


def table(source: str, today: date) -> tuple[list[str], Rows]:
    return GENERATORS[Source(source)](today)
