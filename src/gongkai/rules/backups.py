"""The backup archives' names and their retention: the newest archive of each of the last N days
that have one, and the newest of each of the last M ISO weeks (7 daily and 4 weekly by default).

Only names this module gives (``gongkai-backup-YYYYMMDD-HHMMSS.tar.gz``) are ever considered: a
file someone else put in the backup directory is never deleted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Final

SUFFIX: Final = ".tar.gz"
_NAME = re.compile(r"^gongkai-backup-(\d{8}-\d{6})\.tar\.gz$")


def archive_name(at: datetime) -> str:
    """The name of an archive made at local time ``at``."""
    return f"gongkai-backup-{at:%Y%m%d-%H%M%S}{SUFFIX}"


def made_at(name: str) -> datetime | None:
    """When an archive of that name was made, or None for any other file."""
    found = _NAME.match(name)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def to_delete(names: Iterable[str], keep_daily: int, keep_weekly: int) -> list[str]:
    """The archives (among ``names``) that fall out of the retention, oldest first."""
    dated = sorted(((when, name) for name in names if (when := made_at(name)) is not None), reverse=True)
    keep: set[str] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    for when, name in dated:  # newest first: the first archive seen of a day or week is its newest
        day, week = when.date(), when.isocalendar()[:2]
        if day not in days and len(days) < keep_daily:
            keep.add(name)
        if week not in weeks and len(weeks) < keep_weekly:
            keep.add(name)
        days.add(day)
        weeks.add(week)
    return [name for _, name in reversed(dated) if name not in keep]
