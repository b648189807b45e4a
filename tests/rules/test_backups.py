"""Backup archives' names and retention: the newest of each of the last 7 days and 4 weeks."""

from __future__ import annotations

from datetime import datetime, timedelta

from gongkai.rules.backups import archive_name, made_at, to_delete


def test_an_archive_name_carries_its_local_time_and_nothing_else_is_an_archive():
    name = archive_name(datetime(2026, 12, 4, 3, 10, 5))
    assert name == "gongkai-backup-20261204-031005.tar.gz"
    assert made_at(name) == datetime(2026, 12, 4, 3, 10, 5)
    assert made_at("gongkai-backup-20261399-031005.tar.gz") is None
    assert made_at("notes.txt") is None


def test_it_keeps_seven_daily_and_four_weekly_archives():
    first = datetime(2026, 10, 1, 3, 10)  # a Thursday; one nightly archive for 60 days
    names = [archive_name(first + timedelta(days=day)) for day in range(60)]
    names.append(archive_name(first + timedelta(days=59, hours=9)))  # a second one on the last day
    names.append("README.txt")
    gone = to_delete(names, keep_daily=7, keep_weekly=4)
    kept = sorted(set(names) - set(gone) - {"README.txt"})
    assert "README.txt" not in gone and gone == sorted(gone)
    days = sorted({made_at(name).date() for name in kept})
    last = (first + timedelta(days=59)).date()  # Sunday 2026-11-29
    assert days[-7:] == [last - timedelta(days=n) for n in range(6, -1, -1)]
    # the 4 weeks: this week's newest (Sunday) and the Sundays of the 3 weeks before
    assert days[:-7] == [last - timedelta(weeks=weeks) for weeks in (3, 2, 1)]
    assert archive_name(first + timedelta(days=59)) in gone  # the day's older archive
    assert len(kept) == 10


def test_nothing_is_deleted_while_there_are_fewer_archives_than_kept():
    names = [archive_name(datetime(2026, 12, day, 3, 10)) for day in (1, 2, 3)]
    assert to_delete(names, keep_daily=7, keep_weekly=4) == []
