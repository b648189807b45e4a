"""What interaction does when another app says something changed."""

from __future__ import annotations

from typing import Any


def on_calendar_changed(sender: Any, years: frozenset[int] = frozenset(), **kwargs: Any) -> None:
    """The holiday table changed (sent after commit): open messages get their due dates again."""
    from gongkai.interaction.services import recompute_due_dates

    recompute_due_dates(years or None)
