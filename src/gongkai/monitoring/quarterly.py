"""A site's quarter: the findings that count, the score, and the change since the last quarter;
the office's table of all sites ranked; the same as .xlsx and .docx."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q

from gongkai.monitoring.models import CrawlRun, Finding, RunStatus, Site
from gongkai.monitoring.services import INTERPRETATION_MISSING, current_system
from gongkai.rules.monitoring import findings as rules
from gongkai.rules.monitoring.indicators import CheckSystem, Score, Verdict, score
from gongkai.rules.monitoring.quarters import Quarter
from gongkai.rules.sheetcells import keep_text


@dataclass
class SiteQuarter:
    site: Site
    quarter: Quarter
    run: CrawlRun | None
    findings: list[Finding] = field(default_factory=list)
    score: Score | None = None
    previous_total: Decimal | None = None
    previous_verdict: str | None = None
    new_keys: set[str] = field(default_factory=set)
    fixed: list[str] = field(default_factory=list)

    @property
    def monitored(self) -> bool:
        return self.score is not None

    @property
    def change(self) -> Decimal | None:
        if self.score is None or self.score.total is None or self.previous_total is None:
            return None
        return self.score.total - self.previous_total

    @property
    def points_by_key(self) -> dict[str, Decimal]:
        if self.score is None:
            return {}
        points: dict[str, Decimal] = {}
        for line in (*self.score.lines, *self.score.bonus_lines):
            points[line.finding_key] = points.get(line.finding_key, Decimal(0)) + line.points
        return points


def _quarter_findings(site: Site, quarter: Quarter) -> tuple[CrawlRun | None, list[Finding]]:
    run = (site.runs.filter(status=RunStatus.DONE, checked_on__range=(quarter.first_day, quarter.last_day))
           .order_by("-checked_on", "-id").first())
    entered = Q(run__isnull=True, checked_on__range=(quarter.first_day, quarter.last_day))
    rows = Finding.objects.filter(site=site).filter(Q(run=run) | entered if run else entered)
    return run, list(rows.order_by("-veto", "indicator", "key"))


def as_rules(rows: Iterable[Finding]) -> list[rules.Finding]:
    return [rules.Finding(row.indicator, row.veto, row.evidence, key=row.key, points=row.points) for row in rows]


def site_quarter(site: Site, quarter: Quarter, system: CheckSystem | None = None) -> SiteQuarter:
    system = system or current_system()
    run, rows = _quarter_findings(site, quarter)
    result = SiteQuarter(site, quarter, run, rows)
    if run is not None or rows:
        result.score = score(as_rules(rows), system, has_services=site.has_services)
    before_run, before_rows = _quarter_findings(site, quarter.previous)
    if before_run is not None or before_rows:
        before = score(as_rules(before_rows), system, has_services=site.has_services)
        result.previous_total, result.previous_verdict = before.total, before.verdict.value
        before_keys = {row.key for row in before_rows}
        now_keys = {row.key for row in rows}
        result.new_keys = now_keys - before_keys
        result.fixed = sorted(before_keys - now_keys)
    return result


def ranking(sites: Iterable[Site], quarter: Quarter) -> list[SiteQuarter]:
    """Passing sites by score, then those failing on points, then vetoed ones, then unmonitored."""
    system = current_system()
    rows = [site_quarter(site, quarter, system) for site in sites]

    def order(row: SiteQuarter) -> tuple[int, Decimal, str]:
        if row.score is None:
            return (3, Decimal(0), row.site.name)
        if row.score.vetoes:
            return (2, Decimal(0), row.site.name)
        total = row.score.total or Decimal(0)
        return (0 if row.score.verdict is Verdict.PASS else 1, -total, row.site.name)

    return sorted(rows, key=order)


def describe(finding: Finding) -> str:
    """One line a clerk can act on."""
    evidence = finding.evidence or {}
    if finding.source == "inspector":
        return finding.note
    if finding.indicator == rules.BROKEN_LINK:
        what = f"状态码 {evidence.get('status')}" if evidence.get("status") else f"错误 {evidence.get('error')}"
        return f"{evidence.get('link')}（{what}），所在页面 {evidence.get('page')}"
    if finding.indicator in (rules.COLUMN_STALE, rules.COLUMN_BLANK) and "column" in evidence:
        last = evidence.get("last_date") or ("未注明发布时间" if evidence.get("undated") else "无")
        return f"{evidence.get('title')}（{evidence.get('class')}）{evidence.get('column')}，最近更新 {last}"
    if finding.indicator == rules.COLUMN_STALE:
        return "；".join(evidence.get("reasons", []))
    if finding.indicator == rules.HOME_STALE:
        return f"首页最近更新 {evidence.get('last_date') or '无日期'}"
    if finding.indicator == rules.UNDATED:
        return f"{evidence.get('page')} 未注明发布时间"
    if finding.indicator == INTERPRETATION_MISSING:
        return (f"{evidence.get('unit')}《{evidence.get('policy')}》{evidence.get('published_on')} 发布，"
                f"超过 {evidence.get('allowed_workdays')} 个工作日仍无政策解读")
    if finding.indicator == rules.UNAVAILABLE:
        return f"{evidence.get('probes')} 次监测中 {evidence.get('failed')} 次无法访问（{evidence.get('share')}）"
    return str(evidence)


def _rows(report: SiteQuarter) -> list[list[str]]:
    points = report.points_by_key
    return [
        [finding.indicator, "是" if finding.veto else "", describe(finding), str(points.get(finding.key, "")),
         "新发现" if finding.key in report.new_keys else "", finding.checked_on.isoformat()]
        for finding in report.findings
    ]


HEAD = ["指标", "单项否决", "问题与证据", "扣分/加分", "较上季度", "发现日期"]


def _summary(report: SiteQuarter) -> list[tuple[str, str]]:
    result = report.score
    total = "未监测" if result is None else (result.verdict.value + (f"（{'、'.join(result.vetoes)}）" if result.vetoes else ""))
    return [
        ("网站", f"{report.site.name} {report.site.home_url}"),
        ("主办单位", report.site.owner_unit.name),
        ("季度", report.quarter.label),
        ("结论", total),
        ("扣分指标得分", "" if result is None or result.deduct_score is None else str(result.deduct_score)),
        ("加分", "" if result is None else str(result.bonus)),
        ("总分", "" if result is None or result.total is None else str(result.total)),
        ("上季度总分", "" if report.previous_total is None else str(report.previous_total)),
        ("已整改（上季度有、本季度无）", str(len(report.fixed))),
    ]


def _xlsx(title: str, rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    keep_text(book).save(output)
    return output.getvalue()


def site_xlsx(report: SiteQuarter) -> bytes:
    summary: list[list[Any]] = [[label, value] for label, value in _summary(report)]
    return _xlsx("监测报告", [*summary, [], HEAD, *_rows(report)])


def site_docx(report: SiteQuarter) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "宋体"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.add_heading(f"{report.site.name}{report.quarter.label}网站监测报告", level=1)
    for label, value in _summary(report):
        document.add_paragraph(f"{label}：{value}")
    document.add_heading("需整改的问题", level=2)
    table = document.add_table(rows=1, cols=len(HEAD))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEAD, strict=True):
        cell.text = text
    for row in _rows(report):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if report.fixed:
        document.add_heading("上季度问题已整改", level=2)
        for key in report.fixed:
            document.add_paragraph(key, style="List Bullet")
    document.add_paragraph("")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


RANKING_HEAD = ["名次", "网站", "主办单位", "结论", "总分", "上季度", "变化", "发现数"]


def ranking_rows(rows: list[SiteQuarter]) -> list[list[str]]:
    table = []
    for place, row in enumerate(rows, start=1):
        result = row.score
        verdict = "未监测" if result is None else result.verdict.value + ("（单项否决）" if result.vetoes else "")
        table.append([
            str(place), row.site.name, row.site.owner_unit.name, verdict,
            "" if result is None or result.total is None else str(result.total),
            "" if row.previous_total is None else str(row.previous_total),
            "" if row.change is None else f"{row.change:+}", str(len(row.findings)),
        ])
    return table


def ranking_xlsx(rows: list[SiteQuarter], quarter: Quarter) -> bytes:
    return _xlsx("网站排名", [[f"{quarter.label}政府网站监测排名"], RANKING_HEAD, *ranking_rows(rows)])
