"""Background work of plans: parsing an uploaded notice (a 1 MB notice never freezes a page) and
the daily reminders before each due date."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models.fields.files import FieldFile
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from gongkai.audit.context import Actor, reset_actor, set_actor
from gongkai.jobs.recovery import INTERRUPTED, on_restart, report_interrupted
from gongkai.orgs.policy import SYSTEM
from gongkai.plans import parsing, services
from gongkai.plans.models import ImportStatus, PlanImport
from gongkai.plans.reminders import send_due_reminders


@db_task(retries=0)
def parse_import(import_id: int) -> int | None:
    return run_import(import_id)


def run_import(import_id: int) -> int | None:
    """Parse, then create the draft plan; a bad file ends as FAILED with the reader's message."""
    job = PlanImport.objects.select_related("issuer_unit", "created_by").get(pk=import_id)
    _step(job, ImportStatus.PARSING, "正在读取和解析文件")
    try:
        with local_file(job.file) as path:
            data = parsing.parse_path(path, job.original_name, job.year)
    except parsing.ParseFailure as failure:
        _step(job, ImportStatus.FAILED, "", error=str(failure))
        return None
    except Exception:
        _step(job, ImportStatus.FAILED, "", error="解析时发生内部错误，已记录，请联系公开办技术支持。")
        raise  # huey reports it as a JobFailure for the office
    _step(job, ImportStatus.PARSING, f"已识别 {len(data.get('items') or [])} 项任务，正在匹配责任单位")
    uploader = job.created_by
    token = set_actor(Actor(user=uploader, label=str(uploader or "系统")))
    try:
        return _create(job, data)
    finally:
        reset_actor(token)


@contextmanager
def local_file(stored: FieldFile) -> Iterator[str]:
    """An upload as a file on this machine, for the readers that need a path (LibreOffice): its
    own path on a directory storage, else a temporary copy read through the storage API (an
    S3-compatible store has no path; any worker of the pool may run the job)."""
    try:
        path: str | None = stored.path
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    with tempfile.NamedTemporaryFile(suffix=Path(stored.name or "").suffix) as copy:
        with stored.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        yield copy.name


def _create(job: PlanImport, data: dict[str, Any]) -> int:
    with transaction.atomic():
        plan = services.create_plan(
            data, issuer_unit=job.issuer_unit, source_name=job.original_name, year=job.year,
            actor=job.created_by or SYSTEM,
        )
        job.plan = plan
        job.status, job.step = ImportStatus.DONE, "完成"
        job.save(update_fields=["plan", "status", "step"])
    return plan.pk


def _step(job: PlanImport, status: str, step: str, error: str = "") -> None:
    job.status, job.step, job.error = status, step, error
    job.save(update_fields=["status", "step", "error"])


# 07:30 local time, before the offices open. A retry after a failure sends only what is still unsent.
@db_periodic_task(crontab(hour="7", minute="30"), retries=2, retry_delay=600)
def send_reminders_daily() -> int:
    return send_due_reminders()


@on_restart
def fail_interrupted_imports() -> int:
    """Notices the killed worker was parsing: the draft plan is created in one transaction, so
    none was half made; the office sees 失败 and uploads again."""
    interrupted = list(PlanImport.objects.filter(status=ImportStatus.PARSING))
    for job in interrupted:
        report_interrupted(job, f"{__name__}.parse_import", status=ImportStatus.FAILED, step="", error=INTERRUPTED)
    return len(interrupted)
