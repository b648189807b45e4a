"""The charts of a published report's web page, drawn on the server as inline SVG (no script, no
CDN): the requests received by applicant kind, how the requests closed in the year ended, and the
行政复议 and 行政诉讼 by result. The numbers are those of the tables beside them; each chart
carries its numbers as text too (readers without sight, printouts). Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from gongkai.rules.annualreport.checks import ReportTables, number
from gongkai.rules.annualreport.template import (
    APPLICANT_COLUMNS,
    APPLICATION_COLUMNS,
    GROUP_HEADINGS,
    REVIEW_GROUPS,
    REVIEW_RESULTS,
    TOTAL_COLUMN,
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def _n(value: object) -> float:
    found = number(value)  # type: ignore[arg-type]
    return 0 if found is None else found


def report_charts(tables: ReportTables) -> list[Chart]:
    """The three charts of a report; one with nothing to show is left out."""
    received = tables.applications.get("一") or [None] * len(APPLICATION_COLUMNS)
    by_kind = Chart(
        "本年新收申请（按申请人类型）",
        tuple(Bar(APPLICATION_COLUMNS[c], _n(received[c])) for c in range(APPLICANT_COLUMNS)),
    )
    outcomes: dict[str, float] = {}
    for row in tables.format.application_rows:
        if row.counts_outcome and row.key in tables.applications:
            group = row.group or row.key
            outcomes[group] = outcomes.get(group, 0) + _n(tables.applications[row.key][TOTAL_COLUMN])
    if "三(六)" in tables.applications and "三(六)1" not in tables.applications:
        outcomes["三(六)"] = _n(tables.applications["三(六)"][TOTAL_COLUMN])
    by_outcome = Chart(
        "本年度办理结果", tuple(Bar(_short(GROUP_HEADINGS.get(key, key)), value) for key, value in outcomes.items())
    )
    width = len(REVIEW_RESULTS)
    reviews = list(tables.reviews or [])
    by_case = Chart(
        "行政复议、行政诉讼（按结果）",
        tuple(
            Bar(f"{group.label}·{REVIEW_RESULTS[r]}", _n(reviews[g * width + r]) if reviews else 0)
            for g, group in enumerate(REVIEW_GROUPS)
            for r in range(width - 1)
        ),
    )
    return [chart for chart in (by_kind, by_outcome, by_case) if not chart.empty]


def _short(heading: str) -> str:
    """"（二）部分公开（区分处理的，只计这一情形，不计其他情形）" → "（二）部分公开"."""
    cut = heading.find("（", 1)
    return heading if cut < 0 else heading[:cut]


LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT = 230, 300, 26


def svg(chart: Chart, chart_id: str) -> str:
    """A horizontal bar chart: labels left, bars scaled to the largest value, each value printed."""
    largest = max(bar.value for bar in chart.bars) or 1
    height = ROW_HEIGHT * len(chart.bars) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 60
    described = "；".join(f"{bar.label} {_shown(bar.value)}" for bar in chart.bars)
    parts = [
        f'<svg class="report-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(chart.title)}：{escape(described)}</title>',
    ]
    for i, bar in enumerate(chart.bars):
        y = 4 + i * ROW_HEIGHT
        length = round(BAR_WIDTH * bar.value / largest, 1)
        parts += [
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 17}" text-anchor="end" font-size="13">{escape(bar.label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length}" height="{ROW_HEIGHT - 8}" fill="#1f5fa8"></rect>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 17}" font-size="13">{_shown(bar.value)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
