"""Background work of the annual reports: the daily reminders before the deadline."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.reports.reminders import send_report_reminders


# 07:40 local time, after the plans' reminders. A second run the same day sends nothing.
@db_periodic_task(crontab(hour="7", minute="40"), retries=2, retry_delay=600)
def send_report_reminders_daily() -> int:
    return send_report_reminders()
