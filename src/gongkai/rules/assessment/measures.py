"""Scores the platform measures itself: a leaf bound to a measure shows the evaluator the value
the platform computed for the round's period and the points it suggests; the evaluator decides.

The suggestion is proportional: the leaf's points times the share done on time, to the cent
(half up). A period with nothing to measure suggests nothing (None), never full points. A 咨询
left more than 3 months without a reply (the national veto, 国办秘函〔2019〕19号) suggests 0.

What counts, per measure (the Django layer gathers the dates, these functions count):

- 主动公开 (《条例》第二十六条): records published in the period that have a due date; on time
  when published by it.
- 依申请公开 (《条例》第三十三条): requests replied in the period; on time when replied by the
  due date their clock computed.
- 政策解读 (seed 000 item 22, “最迟不过3个工作日”): 规章 and 行政规范性文件 published in the period;
  on time when the first interpretation came within the allowed working days. One still without
  an interpretation counts only once its allowed days have passed.
- 工作要点 (plans): the unit's reporting periods due in the period, up to the day measured; met
  when the report was handed in by the due date and accepted (验收).
- 年度报告 (《条例》第五十条): the reports whose deadline falls in the period, up to the day
  measured; met when published by the deadline.
- 留言办理: messages first answered in the period; on time when not late by their clock; the
  咨询 received in the period still unanswered (or answered) after 3 months are the veto.
- 网站监测 (issue 19, 国办秘函〔2019〕19号): the quarters of the period, up to the day measured,
  in which each of the unit's sites was monitored; the suggestion is the leaf's points times the
  mean quarter score out of 100 (a score with 加分 above 100 counts as 100), a quarter 合格 when
  its verdict is; any quarter with a 单项否决 suggests 0, as the veto makes the site 不合格.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Final


class Measure(StrEnum):
    RECORDS_ON_TIME = "records_on_time"  # 《条例》第二十六条: 20 个工作日内公开
    FOI_ON_TIME = "foi_on_time"  # 《条例》第三十三条: 依申请公开按期答复
    INTERPRETATIONS_ON_TIME = "interpretations_on_time"  # 政策解读最迟不超过 3 个工作日
    PLAN_REPORTS_ACCEPTED = "plan_reports_accepted"  # 工作要点任务按期报送并通过验收
    ANNUAL_REPORT_ON_TIME = "annual_report_on_time"  # 《条例》第五十条: 年度报告按期发布
    MESSAGES_ON_TIME = "messages_on_time"  # 留言按期答复，咨询不超过 3 个月未答复
    SITE_SCORE = "site_score"  # 政府网站季度监测得分（国办秘函〔2019〕19号）


MEASURE_LABELS: Final = {
    Measure.RECORDS_ON_TIME: "主动公开信息在形成之日起规定工作日内公开",
    Measure.FOI_ON_TIME: "依申请公开在法定期限内答复",
    Measure.INTERPRETATIONS_ON_TIME: "规章和行政规范性文件在规定工作日内发布解读",
    Measure.PLAN_REPORTS_ACCEPTED: "工作要点任务按期报送进展并通过验收",
    Measure.ANNUAL_REPORT_ON_TIME: "政府信息公开工作年度报告按期发布",
    Measure.MESSAGES_ON_TIME: "公众留言在规定期限内答复",
    Measure.SITE_SCORE: "政府网站季度监测得分",
}
NOUNS: Final = {Measure.PLAN_REPORTS_ACCEPTED: "期", Measure.ANNUAL_REPORT_ON_TIME: "份"}
HUNDRED: Final = Decimal(100)
MEASURE_BY_LABEL: Final = {label: measure for measure, label in MEASURE_LABELS.items()}


@dataclass(frozen=True)
class Measured:
    measure: Measure
    met: int  # done on time
    total: int  # done in the period
    vetoed: int = 0  # 咨询 over 3 months without a reply (messages); quarters vetoed (sites)
    score: Decimal | None = None  # the mean quarter score out of 100 (sites only)

    @property
    def share(self) -> Decimal | None:
        if not self.total:
            return None
        if self.score is not None:
            return min(self.score, HUNDRED) / HUNDRED
        return Decimal(self.met) / Decimal(self.total)

    def describe(self) -> str:
        if self.measure is Measure.SITE_SCORE:
            return self._describe_sites()
        veto = f"；超过3个月未答复的咨询 {self.vetoed} 件（单项否决）" if self.vetoed else ""
        if not self.total:
            return f"{MEASURE_LABELS[self.measure]}：考评期间内没有可计算的事项{veto}"
        noun = NOUNS.get(self.measure, "件")
        percent = (Decimal(100) * self.met / self.total).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return f"{MEASURE_LABELS[self.measure]}：{self.total} {noun}中按时 {self.met} {noun}（{percent}%）{veto}"

    def _describe_sites(self) -> str:
        label = MEASURE_LABELS[self.measure]
        if not self.total:
            return f"{label}：考评期间内本单位网站没有监测结果"
        mean = "" if self.score is None else f"，平均 {self.score.quantize(Decimal('0.01'), ROUND_HALF_UP)} 分"
        veto = f"；单项否决 {self.vetoed} 个季度（不合格）" if self.vetoed else ""
        return f"{label}：监测 {self.total} 个网站季度，合格 {self.met} 个{mean}{veto}"


def suggested_points(points: Decimal, measured: Measured) -> Decimal | None:
    if measured.vetoed:
        return Decimal(0)
    share = measured.share
    if share is None:
        return None
    return (points * share).quantize(Decimal("0.01"), ROUND_HALF_UP)


Period = tuple[date, date]


def _within(day: date | None, period: Period) -> bool:
    return day is not None and period[0] <= day <= period[1]


def done_by(measure: Measure, items: Iterable[tuple[date | None, date | None]], period: Period) -> Measured:
    """Records or requests as (done on, due on): those done in ``period`` with a due date, on
    time when done by it (主动公开 and 依申请公开)."""
    counted = [done <= due for done, due in items if done is not None and due is not None and _within(done, period)]
    return Measured(measure, sum(counted), len(counted))


def interpretations_on_time(policies: Iterable[tuple[date, int | None, int]], allowed: int,
                            period: Period) -> Measured:
    """Policies as (published on, working days until its first interpretation or None, working
    days elapsed since it up to the day measured): those published in ``period``; on time within
    ``allowed`` days; one without an interpretation counts once its ``allowed`` days have passed."""
    counted = [delay is not None and delay <= allowed
               for published, delay, elapsed in policies
               if _within(published, period) and (delay is not None or elapsed > allowed)]
    return Measured(Measure.INTERPRETATIONS_ON_TIME, sum(counted), len(counted))


def plan_reports_accepted(periods: Iterable[tuple[date, date | None, bool]], period: Period, as_of: date) -> Measured:
    """Reporting periods as (due on, handed in on or None, accepted): those due in ``period`` by
    ``as_of``; met when handed in by the due date and accepted."""
    counted = [handed is not None and handed <= due and accepted
               for due, handed, accepted in periods if _within(due, period) and due <= as_of]
    return Measured(Measure.PLAN_REPORTS_ACCEPTED, sum(counted), len(counted))


def annual_reports_on_time(reports: Iterable[tuple[date, date | None]], period: Period, as_of: date) -> Measured:
    """Annual reports as (deadline, published on or None): those whose deadline is in ``period``
    by ``as_of``; met when published by the deadline."""
    counted = [published is not None and published <= due
               for due, published in reports if _within(due, period) and due <= as_of]
    return Measured(Measure.ANNUAL_REPORT_ON_TIME, sum(counted), len(counted))


def messages_on_time(replies: Iterable[tuple[date | None, bool]], vetoed: int, period: Period) -> Measured:
    """Messages as (first answered on or None, late): those answered in ``period``, on time when
    not late; ``vetoed`` is the number of 咨询 over 3 months without a reply."""
    counted = [not late for answered, late in replies if _within(answered, period)]
    return Measured(Measure.MESSAGES_ON_TIME, sum(counted), len(counted), vetoed)


def site_scores(quarters: Iterable[tuple[Decimal | None, bool, bool]]) -> Measured:
    """Monitored site quarters as (total score or None when vetoed, 合格, vetoed): the mean of the
    scores (a vetoed quarter counting 0), how many passed, how many were vetoed."""
    rows = list(quarters)
    totals = [Decimal(0) if vetoed or total is None else total for total, _, vetoed in rows]
    mean = sum(totals, Decimal(0)) / len(totals) if totals else None
    return Measured(Measure.SITE_SCORE, sum(1 for _, passed, _ in rows if passed), len(rows),
                    sum(1 for *_, vetoed in rows if vetoed), score=mean)
