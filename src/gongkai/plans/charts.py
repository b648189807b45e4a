"""Charts of the office dashboard as server-rendered inline SVG: no script, no style attribute (the
CSP allows neither), presentation attributes only. Each chart is an image with a title and a
description (``role="img"``), and the page shows the same numbers in a table beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 760
LABEL_WIDTH = 230
BAR_AREA = 440
ROW_HEIGHT = 22
INK = "#1f2933"
MUTED = "#6b7280"
GRID = "#d9dde3"
SERIES_COLOURS = ("#23324a", "#b3261e")  # dark blue, the site's red
BAR_OK = "#2f7d4f"
BAR_LOW = "#b3261e"


@dataclass(frozen=True)
class Bar:
    label: str
    percent: float  # 0..100
    note: str = ""  # shown in the bar's tooltip


@dataclass(frozen=True)
class Series:
    name: str
    percents: Sequence[float]


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12, fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}">'
        f"{escape(text)}</text>"
    )


def _frame(chart_id: str, title: str, description: str, height: int, body: list[str]) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
        + "".join(body) + "</svg>"
    )


def _short(label: str, limit: int = 17) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(chart_id: str, title: str, description: str, bars: Sequence[Bar], threshold: float = 60.0) -> SafeString:
    """Horizontal bars of a percentage, one row per label; bars under ``threshold`` in red."""
    height = 30 + ROW_HEIGHT * max(1, len(bars))
    body = [_axis_x(height)]
    for index, bar in enumerate(bars):
        y = 24 + index * ROW_HEIGHT
        width = BAR_AREA * max(0.0, min(100.0, bar.percent)) / 100
        colour = BAR_OK if bar.percent >= threshold else BAR_LOW
        tooltip = f"{bar.label}：{bar.percent:g}%{('，' + bar.note) if bar.note else ''}"
        body.append(
            f"<g><title>{escape(tooltip)}</title>"
            + _text(LABEL_WIDTH - 8, y + 14, _short(bar.label), anchor="end")
            + f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{ROW_HEIGHT - 7}" fill="{colour}"/>'
            + _text(LABEL_WIDTH + width + 6, y + 14, f"{bar.percent:g}%")
            + "</g>"
        )
    if not bars:
        body.append(_text(LABEL_WIDTH, 40, "没有数据", fill=MUTED))
    return _frame(chart_id, title, description, height, body)


def _axis_x(height: int) -> str:
    parts = []
    for percent in (0, 25, 50, 75, 100):
        x = LABEL_WIDTH + BAR_AREA * percent / 100
        parts.append(f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{height - 4}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(_text(x, 14, f"{percent}%", anchor="middle", size=11, fill=MUTED))
    return "".join(parts)


def line_chart(
    chart_id: str, title: str, description: str, labels: Sequence[str], series: Sequence[Series]
) -> SafeString:
    """Percentages over the due dates, one line per series, with a legend."""
    height, top, bottom, left, right = 280, 40, 230, 56, WIDTH - 24
    body = []
    for percent in (0, 25, 50, 75, 100):
        y = bottom - (bottom - top) * percent / 100
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 8, y + 4, f"{percent}%", anchor="end", size=11, fill=MUTED))
    step = (right - left) / max(1, len(labels) - 1) if len(labels) > 1 else 0
    xs = [left + step * index if len(labels) > 1 else (left + right) / 2 for index in range(len(labels))]
    for x, label in zip(xs, labels, strict=True):
        body.append(_text(x, bottom + 18, label, anchor="middle", size=11))
    for number, line in enumerate(series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        points = [(x, bottom - (bottom - top) * max(0.0, min(100.0, p)) / 100) for x, p in zip(xs, line.percents, strict=True)]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for (x, y), label, percent in zip(points, labels, line.percents, strict=True):
            body.append(
                f"<g><title>{escape(f'{label} {line.name}：{percent:g}%')}</title>"
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/></g>'
            )
        legend_x = left + number * 160
        body.append(f'<rect x="{legend_x}" y="10" width="14" height="14" fill="{colour}"/>')
        body.append(_text(legend_x + 20, 22, line.name))
    if not labels:
        body.append(_text(left + 20, 120, "没有数据", fill=MUTED))
    return _frame(chart_id, title, description, height, body)
