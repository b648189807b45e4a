"""A finished crawl as the findings and the contract's JSON (CONTRACTS.md section 8)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from gongkai.monitoring.crawler import CrawlState
from gongkai.rules.monitoring.columns import Freshness
from gongkai.rules.monitoring.findings import ColumnSpec, CrawlAnalysis, Probe, analyse


def analyse_state(
    state: CrawlState, today: date, *, freshness: Freshness | None = None,
    specs: Sequence[ColumnSpec] = (), probes: Sequence[Probe] = (),
) -> CrawlAnalysis:
    return analyse(state.summaries(), state.broken_links(), today, freshness=freshness,
                   specs=specs, probes=probes)


def contract_json(state: CrawlState, analysis: CrawlAnalysis) -> dict[str, Any]:
    """``{"site", "pages", "home_last_date", "columns", "broken_links", "undated_pages",
    "findings"}`` exactly as CONTRACTS.md section 8 has it."""
    return {
        "site": state.home,
        "pages": state.pages_count(),
        "home_last_date": analysis.home_last_date.isoformat() if analysis.home_last_date else None,
        "columns": [column.as_contract() for column in analysis.columns],
        "broken_links": [link.as_contract() for link in state.broken_links()],
        "undated_pages": len(analysis.undated_pages),
        "findings": [finding.as_contract() for finding in analysis.findings],
    }
