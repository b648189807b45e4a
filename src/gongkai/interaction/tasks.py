"""Background work of interaction: the daily reminders and escalations of public messages."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.interaction.reminders import send_message_reminders


# 07:40 local time, before the offices open; a retry sends only what is still unsent.
@db_periodic_task(crontab(hour="7", minute="40"), retries=2, retry_delay=600)
def send_message_reminders_daily() -> int:
    return send_message_reminders()
