"""The records' background work: the catalog import, with its progress for the htmx-polled
page, and the nightly refresh of 有效性 in the search index.

The import writes in one transaction, so its progress cannot be a database row that another
connection reads before the commit; it goes to huey's key-value store instead (the same SQLite
file or Redis that carries the queue), which every web process can read.
"""

from __future__ import annotations

import time
from typing import Any

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task

from gongkai.audit.context import Actor, reset_actor, set_actor
from gongkai.jobs.recovery import INTERRUPTED, on_restart, report_interrupted
from gongkai.orgs.models import User
from gongkai.records import services
from gongkai.records.importing import ImportFileError, import_catalog
from gongkai.records.models import CatalogImport, ImportStatus
from gongkai.records.searchdocs import refresh_validity


# 00:20 local time, just after the day changed: a 失效日期 passed yesterday, a 废止日期 or
# 生效日期 today, and the search filter says so before the first visitor of the day.
@db_periodic_task(crontab(hour="0", minute="20"), retries=1)
def refresh_validity_daily() -> int:
    return refresh_validity()


def progress_key(import_id: int) -> str:
    return f"records:catalogimport:{import_id}"


def read_progress(import_id: int) -> dict[str, Any] | None:
    value = HUEY.get(progress_key(import_id), peek=True)
    return value if isinstance(value, dict) else None


def _reporter(import_id: int) -> Any:
    def report(step: str, done: int, total: int) -> None:
        HUEY.put(progress_key(import_id), {"step": step, "done": done, "total": total})
    return report


@db_task(retries=0)
def run_import_approval(import_id: int, user_id: int) -> int:
    """整批审查通过 in the worker: a batch of many thousand records takes minutes."""
    job = CatalogImport.objects.get(pk=import_id)
    user = User.objects.get(pk=user_id)
    token = set_actor(Actor(user=user, label=str(user)))
    try:
        return services.approve_import(job, actor=user).published
    finally:
        reset_actor(token)


@db_task(retries=0)
def run_catalog_import(import_id: int) -> int:
    return run_import(import_id)


def run_import(import_id: int) -> int:
    job = CatalogImport.objects.select_related("unit", "created_by").get(pk=import_id)
    job.status, job.step = ImportStatus.RUNNING, "正在读取文件"
    job.save(update_fields=["status", "step"])
    token = set_actor(Actor(user=job.created_by, label=str(job.created_by or "系统")))
    started = time.perf_counter()
    try:
        with job.file.open("rb") as handle:
            content = handle.read()
        result = import_catalog(job.unit, job.original_name, content, job=job, progress=_reporter(job.pk))
    except ImportFileError as error:
        _finish(job, ImportStatus.FAILED, str(error), started)
        return 0
    except Exception:
        _finish(job, ImportStatus.FAILED, "导入时发生内部错误，已记录，未导入任何信息。", started)
        raise  # huey reports it as a JobFailure for the office
    finally:
        reset_actor(token)
    job.total_rows, job.created_count = result.total_rows, result.created
    job.error_count, job.errors = result.error_count, result.errors
    if result.ok:
        _finish(job, ImportStatus.DONE, f"已导入 {result.created} 条信息，均已提交保密审查", started)
    else:
        _finish(job, ImportStatus.REJECTED, f"{result.error_count} 行有错误，未导入任何信息", started)
    return result.created


def _finish(job: CatalogImport, status: str, step: str, started: float) -> None:
    job.status, job.step = status, step
    job.seconds = round(time.perf_counter() - started, 2)
    job.finished_at = timezone.now()
    job.save()
    HUEY.get(progress_key(job.pk))  # read once more without peek: removes the progress entry


@on_restart
def fail_interrupted_imports() -> int:
    """Imports the killed worker had begun: their rows were written in one transaction that never
    committed, so nothing was saved; the uploader sees 失败 and imports again."""
    interrupted = list(CatalogImport.objects.filter(status=ImportStatus.RUNNING))
    for job in interrupted:
        report_interrupted(job, f"{__name__}.run_catalog_import", status=ImportStatus.FAILED, step=INTERRUPTED,
                           finished_at=timezone.now())
    return len(interrupted)
