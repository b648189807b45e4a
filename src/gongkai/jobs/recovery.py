"""Jobs a killed worker left "running": on the next start they are reported failed.

A task that huey had taken off the queue is gone when its process is killed (kill -9, a lost
machine): nothing will finish it, and its job record would say 正在导入 for ever. Each app that
keeps a job record registers with :func:`on_restart` a function that marks its interrupted jobs
failed (their work was in one transaction, so nothing of it was saved) and returns how many;
``gongkai worker`` calls :func:`recover_interrupted` before it takes the first task. Each
interrupted job is also a ``JobFailure`` (the office's list of failed background work) and an
audit row. This assumes one worker process per site, as ``gongkai worker`` runs it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models, transaction

from gongkai.audit.log import record
from gongkai.jobs.models import JobFailure

INTERRUPTED = "后台进程中断（已重启），本次未保存任何内容，请重新提交。"
_recoveries: list[Callable[[], int]] = []


def on_restart(recover: Callable[[], int]) -> Callable[[], int]:
    _recoveries.append(recover)
    return recover


def recover_interrupted() -> int:
    """Run every registered recovery; the number of jobs reported failed."""
    return sum(recover() for recover in _recoveries)


def report_interrupted(job: models.Model, task_name: str, **changes: object) -> None:
    """Mark ``job`` failed with ``changes`` (its status and message fields), as a JobFailure and
    in the audit log, in one transaction."""
    with transaction.atomic():
        for name, value in changes.items():
            setattr(job, name, value)
        job.save(update_fields=list(changes))
        JobFailure.objects.create(task_name=task_name, task_id=f"{job._meta.label_lower}:{job.pk}",
                                  arguments=repr(job.pk), error=INTERRUPTED)
        record("job_interrupted", job, after={"task": task_name, **changes})
