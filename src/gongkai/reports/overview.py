"""The first draft of §一 总体情况 (issue 16, item 2): what the platform knows of the unit's year,
in sentences the unit then rewrites. Every number is counted from the records, the requests and
the plans' progress reports, by the rules those apps use for their own pages:

- 主动公开: records published in the year (主动公开, on record), by column (a record in two
  columns counts in each, the total once); published late (第二十六条, ``records.deadlines``);
- 政策解读: interpretations published in the year, and how many came later than the office's
  allowed working days after their policy (or are still missing);
- 依申请公开: §三's numbers; 复议、诉讼: §四's;
- 重点工作: tasks of published plans the unit reported done (进展报告 "已完成", not returned) in the
  year;
- 政民互动: public messages received in the year and routed to the unit, judged by each message's
  own clock as the message statistics judge them (on time, late, open, 咨询 over 3 months).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from gongkai.interaction import statistics as message_statistics
from gongkai.interaction.models import Message
from gongkai.plans.models import PlanStatus, ProgressReport, ProgressStatus
from gongkai.plans.models import ReportState as ProgressState
from gongkai.records import deadlines
from gongkai.records.models import ON_RECORD_STATUSES, Disclosure, Record, RecordKind
from gongkai.rules.annualreport import ReportTables
from gongkai.rules.annualreport.template import TOTAL_COLUMN

TOP_COLUMNS = 5  # the columns the draft names, most published first


@dataclass(frozen=True)
class YearFacts:
    published: int
    by_column: list[tuple[str, int]]
    late: int
    interpretations: int
    late_interpretations: int
    plan_items_done: int
    messages: message_statistics.Row | None = None  # None: no message was routed to the unit


def year_facts(units: Collection[int], year: int, today: date) -> YearFacts:
    first, last = date(year, 1, 1), date(year, 12, 31)
    published = Record.objects.filter(
        unit_id__in=units, status__in=ON_RECORD_STATUSES, disclosure=Disclosure.PROACTIVE,
        published_on__gte=first, published_on__lte=last,
    )  # fmt: skip
    by_column = (
        published.order_by().values("columns__name").annotate(n=Count("pk", distinct=True)).order_by("-n", "columns__name")
    )
    late = [
        found for found in deadlines.late_records(published, today, since=first)
        if found.published and found.record.published_on and found.record.published_on <= last
    ]  # fmt: skip
    gaps = deadlines.interpretation_gaps(published)
    done = (
        ProgressReport.objects.filter(
            unit_id__in=units, status=ProgressStatus.DONE, submitted_at__year=year,
            assignment__item__plan__status=PlanStatus.PUBLISHED,
        )
        .exclude(state__in=(ProgressState.DRAFT, ProgressState.RETURNED))
        .values("assignment__item").distinct().count()
    )  # fmt: skip
    received = Message.objects.filter(
        unit_id__in=units, received_at__date__gte=first, received_at__date__lte=last
    )
    return YearFacts(
        published=published.count(),
        by_column=[(row["columns__name"], row["n"]) for row in by_column if row["columns__name"]][:TOP_COLUMNS],
        late=len(late),
        interpretations=published.filter(kind=RecordKind.INTERPRETATION).count(),
        late_interpretations=len(gaps),
        plan_items_done=done,
        messages=message_statistics.total(message_statistics.with_events(received), today),
    )


def draft_overview(tables: ReportTables, facts: YearFacts) -> str:
    """§一 as a first draft: 主动公开, 政策解读, 依申请公开, 复议诉讼, 重点工作."""
    rows, total = tables.applications, TOTAL_COLUMN
    reviews = list(tables.reviews or [0] * 15)
    normative = tables.proactive.get("行政规范性文件", {})
    columns = "，".join(f"“{name}”{n}条" for name, n in facts.by_column)
    proactive = f"主动公开方面，本年度主动公开政府信息{facts.published}条"
    proactive += f"，其中{columns}" if columns else ""
    proactive += f"；超过规定时限发布{facts.late}条" if facts.late else "，均在规定时限内发布"
    proactive += (
        f"；制发行政规范性文件{normative.get('制发', 0)}件，废止{normative.get('废止', 0)}件，"
        f"现行有效{normative.get('现行有效', 0)}件。"
    )
    interpretation = f"政策解读方面，本年度发布政策解读{facts.interpretations}篇"
    interpretation += (
        f"；有{facts.late_interpretations}件规章、行政规范性文件的解读未按时发布或尚未发布。"
        if facts.late_interpretations else "。"
    )  # fmt: skip
    requests = (
        f"依申请公开方面，本年度新收政府信息公开申请{rows['一'][total]}件，上年结转{rows['二'][total]}件，"
        f"办结{rows['三(七)'][total]}件，结转下年度继续办理{rows['四'][total]}件；"
        f"因政府信息公开被申请行政复议{reviews[4]}件，被提起行政诉讼{reviews[9] + reviews[14]}件。"
    )
    plans = f"重点工作方面，本年度完成政务公开工作任务{facts.plan_items_done}项。"
    return "\n".join((proactive, interpretation, requests, plans, *_interaction(facts.messages)))


def _interaction(row: message_statistics.Row | None) -> list[str]:
    if row is None:
        return []
    sentence = (
        f"政民互动方面，本年度收到网民留言{row.received}件，按时答复{row.on_time}件，"
        f"逾期答复{row.late}件，尚未答复{row.open}件"
    )
    sentence += f"；超过3个月未答复的政务咨询{row.vetoed}件。" if row.vetoed else "。"
    return [sentence]
