"""The background-work mechanism: a task runs; a failing task is retried, then reported."""

from __future__ import annotations

import pytest
from huey.contrib.djhuey import HUEY, task

from gongkai.jobs.models import JobFailure, WorkerHeartbeat
from gongkai.jobs.tasks import heartbeat

pytestmark = pytest.mark.django_db
calls: list[str] = []


# A plain task: db_task would close the test's connection (and its transaction) around the call,
# as it should in the worker between tasks.
@task(retries=2)
def flaky(label: str, failures: int) -> str:
    calls.append(label)
    if calls.count(label) <= failures:
        raise ConnectionError(f"邮件服务器暂时不可用（第 {calls.count(label)} 次）")
    return f"sent {label}"


@pytest.fixture
def queue(settings):
    """The real SQLite queue of the app, emptied, worked by hand as the consumer would."""
    HUEY.flush()
    calls.clear()
    yield HUEY
    HUEY.flush()


def work(queue) -> None:
    while (task := queue.dequeue()) is not None:
        queue.execute(task)


def test_it_runs_a_task_from_the_queue(queue):
    result = flaky("reminder-1", failures=0)
    assert calls == []  # queued, not run in the request
    work(queue)
    assert result.get() == "sent reminder-1"


def test_it_retries_a_failing_task_until_it_succeeds(queue):
    result = flaky("reminder-2", failures=2)
    work(queue)
    assert calls == ["reminder-2"] * 3
    assert result.get() == "sent reminder-2"
    assert not JobFailure.objects.exists()


def test_it_reports_a_task_that_fails_every_attempt(queue):
    flaky("reminder-3", failures=99)
    work(queue)
    assert calls == ["reminder-3"] * 3  # the first try and two retries
    failure = JobFailure.objects.get()
    assert failure.task_name.endswith("flaky")
    assert failure.attempts == 3
    assert "邮件服务器暂时不可用" in failure.error
    assert "reminder-3" in failure.arguments


def test_it_records_the_workers_heartbeat():
    heartbeat.call_local()
    assert WorkerHeartbeat.objects.get(name="worker").beat_at is not None


def test_it_uses_sqlite_storage_by_default():
    assert type(HUEY).__name__ == "SqliteHuey"


def test_it_moves_the_queue_to_redis_when_configured(tmp_path):
    import os
    import subprocess
    import sys

    probe = (
        "import django; django.setup(); from huey.contrib.djhuey import HUEY; "
        "print(type(HUEY).__name__, HUEY.storage.conn.connection_pool.connection_kwargs['port'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings", "GONGKAI_VAR_DIR": str(tmp_path),
           "GONGKAI_REDIS_URL": "redis://127.0.0.1:6390/0"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.split() == ["RedisHuey", "6390"], result.stderr
