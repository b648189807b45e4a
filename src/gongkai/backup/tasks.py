"""The worker's nightly backup into ``GONGKAI_BACKUP_DIR``, then the retention (the newest archive
of each of the last 7 days and of each of the last 4 weeks, by default). A failed backup is a
failed job: the office sees it in the console (``gongkai.jobs``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.backup import archive


# 03:10 local time: the quietest hour, after the audit chain's verification (01:50).
@db_periodic_task(crontab(hour="3", minute="10"), retries=1, retry_delay=900)
def backup_nightly() -> str:
    result = archive.create_and_record()
    archive.prune()
    return str(result.path)
