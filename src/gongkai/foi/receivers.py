"""Reactions to other apps' signals."""

from __future__ import annotations

from typing import Any


def on_calendar_changed(sender: Any, years: frozenset[int] = frozenset(), **kwargs: Any) -> None:
    """The holiday table changed (sent after commit): open requests get their due dates again."""
    from gongkai.foi.services import recompute_due_dates

    recompute_due_dates(years or None)
