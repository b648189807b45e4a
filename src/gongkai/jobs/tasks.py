"""The background-work mechanism every app uses: huey, SQLite by default, Redis when configured.

Apps declare their tasks with ``db_task``/``db_periodic_task`` from ``huey.contrib.djhuey`` and
give them ``retries``; when the last attempt fails, ``report_final_failure`` stores a
``JobFailure`` that the office sees in the console.
"""

from __future__ import annotations

import traceback
from typing import Any

from django.utils import timezone
from huey import crontab
from huey import signals as huey_signals
from huey.contrib.djhuey import HUEY, db_periodic_task

from gongkai.jobs.models import JobFailure, WorkerHeartbeat


@HUEY.signal(huey_signals.SIGNAL_ERROR)
def report_final_failure(signal: str, task: Any, exc: BaseException | None = None) -> None:
    if task.retries > 0:  # huey will try again; only the last failure is reported
        return
    JobFailure.objects.create(
        task_name=task.name,
        task_id=task.id,
        arguments=repr((task.args, task.kwargs))[:2000],
        error="".join(traceback.format_exception(exc))[-8000:] if exc else "未知错误",
        attempts=getattr(task, "default_retries", 0) + 1,
    )


@db_periodic_task(crontab(minute="*"))
def heartbeat() -> None:
    WorkerHeartbeat.objects.update_or_create(name="worker", defaults={"beat_at": timezone.now()})
