"""kill -9 at the worst moment: the real worker (``gongkai worker``) and the real ``gongkai search
reindex`` are killed while their transaction is open, then started again on the same database.

The worst moment is reached deterministically through a pause point (``gongkai.pause``): the
process run with ``GONGKAI_PAUSE_AT`` writes its pid to a file there and waits to be killed. The
database is the test database itself: on PostgreSQL the processes connect to it; on SQLite (an
in-memory test database) it is copied to a file for them and copied back afterwards, both with
SQLite's online backup.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from gongkai.bench.common import free_port
from tests.records.test_import import _csv, _row

pytestmark = pytest.mark.django_db(transaction=True)
WAIT_S = 30


class Installation:
    """The test database and a var/ directory, shared with real processes of the platform."""

    def __init__(self, root: Path, settings) -> None:
        self.root = root
        self.sqlite = connection.vendor == "sqlite"
        db = connection.settings_dict
        self.file = root / "gongkai.sqlite3"
        url = (f"sqlite:///{self.file}" if self.sqlite else
               f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}")
        self.env = {**os.environ, "GONGKAI_VAR_DIR": str(root), "GONGKAI_DATABASE_URL": url,
                    "GONGKAI_SECRET_KEY": settings.SECRET_KEY, "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
                    "GONGKAI_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
        self.env.pop("GONGKAI_REDIS_URL", None)
        self.env.pop("GONGKAI_PAUSE_AT", None)
        settings.MEDIA_ROOT = root / "media"

    def hand_over(self) -> None:
        """The processes see what the test wrote."""
        if self.sqlite:
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()

    def take_back(self) -> None:
        """The test sees what the processes wrote (and what a kill left)."""
        if self.sqlite:
            source = sqlite3.connect(self.file)
            connection.ensure_connection()
            source.backup(connection.connection)
            source.close()

    def start(self, *command: str, pause_at: str = "") -> tuple[subprocess.Popen[bytes], Path]:
        marker = self.root / f"paused-{pause_at or 'none'}"
        marker.unlink(missing_ok=True)
        env = {**self.env, "GONGKAI_PAUSE_AT": pause_at, "GONGKAI_PAUSE_FILE": str(marker)}
        log = open(self.root / "process.log", "ab")  # noqa: SIM115  closed with the process
        process = subprocess.Popen([sys.executable, "-m", "gongkai.cli", *command], env=env,
                                   stdout=log, stderr=log, start_new_session=True)
        return process, marker

    def run(self, *command: str) -> str:
        done = subprocess.run([sys.executable, "-m", "gongkai.cli", *command], env=self.env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    def kill_when_paused(self, process: subprocess.Popen[bytes], marker: Path) -> None:
        deadline = time.monotonic() + WAIT_S
        while not marker.exists():
            assert process.poll() is None, (self.root / "process.log").read_text(errors="replace")
            assert time.monotonic() < deadline, "the process never reached its pause point"
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)  # the whole process group, as a lost machine would
        process.wait(timeout=10)

    def log(self) -> str:
        return (self.root / "process.log").read_text(errors="replace")


@pytest.fixture
def catalog_columns(unit_a):
    """The unit's catalog columns, which an import files its rows under."""
    from gongkai.records.catalog import apply_default_columns

    apply_default_columns(unit_a)


@pytest.fixture
def site(tmp_path, settings):
    return Installation(tmp_path, settings)


def test_a_worker_killed_in_a_catalog_import_saves_nothing_and_reports_it_failed(site, unit_a, clerk_a, catalog_columns):
    from django.core.files.base import ContentFile

    from gongkai.audit.models import AuditEntry
    from gongkai.jobs.models import JobFailure
    from gongkai.records.models import CatalogImport, ImportStatus, Record

    job = CatalogImport.objects.create(unit=unit_a, original_name="旧目录.csv", created_by=clerk_a,
                                       file=ContentFile(_csv([_row(n) for n in range(1, 41)]), name="旧目录.csv"))
    site.hand_over()
    site.run("shell", "-c", f"from gongkai.records.tasks import run_catalog_import; run_catalog_import({job.pk})")
    worker, marker = site.start("worker", "--workers", "1", pause_at="catalog_import_written")
    site.kill_when_paused(worker, marker)  # every row written, the transaction not committed

    site.take_back()
    job.refresh_from_db()
    assert job.status == ImportStatus.RUNNING  # what the killed worker left
    assert not Record.objects.exists()
    assert not AuditEntry.objects.filter(action="catalog_imported").exists()

    worker, _ = site.start("worker", "--workers", "1")  # the restart
    deadline = time.monotonic() + WAIT_S
    while "上次后台进程中断" not in site.log():
        assert time.monotonic() < deadline and worker.poll() is None, site.log()
        time.sleep(0.1)
    os.killpg(worker.pid, signal.SIGTERM)
    worker.wait(timeout=15)

    site.take_back()
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "后台进程中断" in job.step and "未保存任何内容" in job.step
    assert not Record.objects.exists()  # nothing half-saved, then or after the restart
    failure = JobFailure.objects.get()  # the office's list of failed background work
    assert failure.task_name.endswith("run_catalog_import")
    assert AuditEntry.objects.filter(action="job_interrupted", object_id=str(job.pk)).exists()


def test_a_reindex_killed_between_batches_leaves_the_index_true_and_a_rerun_completes_it(site, unit_a, clerk_a, catalog_columns):
    from django.db import transaction

    from gongkai.records.importing import import_catalog
    from gongkai.records.models import Audience, Disclosure, Record, RecordStatus
    from gongkai.search import api
    from gongkai.search.models import SearchEntry

    titles = [f"示范市财政局关于第{n}批专项资金分配结果的公示" for n in range(1, 9)]
    import_catalog(unit_a, "旧目录.csv", _csv([_row(n) for n in range(1, 9)]))
    Record.objects.update(status=RecordStatus.PUBLISHED, disclosure=Disclosure.PROACTIVE, audience=Audience.PUBLIC)
    Record.objects.filter(title=titles[-1]).update(audience=Audience.APPLICANT)  # not public: never indexed
    with transaction.atomic():
        api.remove_documents(list(SearchEntry.objects.values_list("key", flat=True)))  # a stale index
    listed = {record.search_key for record in Record.objects.filter(Record.listed_q())}
    site.hand_over()

    reindex, marker = site.start("search", "reindex", "--batch", "2", pause_at="reindex_batch")
    site.kill_when_paused(reindex, marker)  # one batch committed, the others not written
    site.take_back()
    indexed = set(SearchEntry.objects.values_list("key", flat=True))
    assert len(indexed) == 2 and indexed <= listed  # what is indexed is published, whole
    for entry in SearchEntry.objects.all():
        assert api.search(entry.title).total >= 1  # its full-text rows came with it

    site.run("search", "reindex", "--batch", "2")  # the rerun after the restart
    site.take_back()
    assert set(SearchEntry.objects.values_list("key", flat=True)) == listed
    for record in Record.objects.filter(Record.listed_q()):
        assert any(hit.title == record.title for hit in api.search(record.title).hits)



def _post(port: int, path: str, session: str, timeout: float, body: bytes = b"cadence=semiannual",
          content_type: str = "application/x-www-form-urlencoded") -> int:
    token = "k" * 32  # the CSRF secret, sent as cookie and header alike
    server = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    server.request("POST", path, body=body, headers={
        "Cookie": f"sessionid={session}; csrftoken={token}", "X-CSRFToken": token,
        "Content-Type": content_type, "Referer": f"http://127.0.0.1:{port}/",
    })
    return server.getresponse().status


def _serve(site: Installation, port: int, pause_at: str = "") -> tuple[subprocess.Popen[bytes], Path]:
    """The site as production runs it: gunicorn (``gongkai serve`` starts the same)."""
    marker = site.root / f"paused-{pause_at or 'none'}"
    env = {**site.env, "GONGKAI_PAUSE_AT": pause_at, "GONGKAI_PAUSE_FILE": str(marker),
           "GONGKAI_ALLOWED_HOSTS": "127.0.0.1", "GONGKAI_DEBUG": "false", "GONGKAI_TWO_FACTOR_REQUIRED": "none"}
    log = open(site.root / "process.log", "ab")  # noqa: SIM115  closed with the process
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "gongkai.wsgi:application", "--bind",
                                f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120"],
                               env=env, stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + WAIT_S
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, marker
        assert time.monotonic() < deadline and process.poll() is None, site.log()
        time.sleep(0.1)


def test_a_server_killed_in_a_plan_publication_leaves_the_draft_and_the_office_publishes_again(
    site, city, unit_a, unit_b, office_admin, client,
):
    from gongkai.audit.models import AuditEntry
    from gongkai.orgs.models import Unit, UnitKind
    from gongkai.orgs.policy import SYSTEM
    from gongkai.plans import services
    from gongkai.plans.models import Assignment, Plan, PlanStatus
    from tests.plans.conftest import SMALL_PLAN

    Unit.objects.create(key="police", name="示范市公安局", kind=UnitKind.DEPARTMENT, parent=city, sort_order=3)
    plan = services.create_plan(SMALL_PLAN, issuer_unit=city, source_name="small.txt", actor=SYSTEM)
    client.force_login(office_admin)
    session = client.cookies["sessionid"].value
    site.hand_over()

    port = free_port()
    server, marker = _serve(site, port, pause_at="plan_publish_assigned")
    answer: list[object] = []
    request = threading.Thread(target=lambda: answer.append(_try(_post, port, f"/console/plans/{plan.pk}/publish/", session, WAIT_S)))
    request.start()
    site.kill_when_paused(server, marker)  # the items assigned to their units, not committed
    request.join(timeout=WAIT_S)
    assert answer and isinstance(answer[0], Exception)  # the office saw the connection drop

    site.take_back()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.published_at is None
    assert not Assignment.objects.exists()
    assert not AuditEntry.objects.filter(action="plan_published").exists()

    server, _ = _serve(site, port)  # the restart; the office presses 发布 again
    try:
        assert _post(port, f"/console/plans/{plan.pk}/publish/", session, WAIT_S) == 302
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    site.take_back()
    plan = Plan.objects.get(pk=plan.pk)
    assert plan.status == PlanStatus.PUBLISHED
    assert Assignment.objects.filter(item__plan=plan).exists()
    assert AuditEntry.objects.filter(action="plan_published").count() == 1


def _try(call, *args):
    try:
        return call(*args)
    except Exception as error:  # noqa: BLE001  the connection the kill cut
        return error


def test_a_server_killed_in_an_upload_keeps_no_request_and_no_orphan_identity_proof(site, unit_a):
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    from gongkai.foi.models import Request
    from tests.foi.conftest import form_data, upload

    body = encode_multipart(BOUNDARY, {**form_data(unit_a), "id_proof": upload()})
    site.hand_over()
    port = free_port()
    server, marker = _serve(site, port, pause_at="upload_received")
    answer: list[object] = []
    sending = threading.Thread(target=lambda: answer.append(
        _try(_post, port, "/foi/", "", WAIT_S, body, MULTIPART_CONTENT)))
    sending.start()
    site.kill_when_paused(server, marker)  # the proof written to disk, its request not committed
    sending.join(timeout=WAIT_S)
    proofs = site.root / "media" / "foi" / "id-proof"
    assert [path for path in proofs.rglob("*") if path.is_file()]  # the worst moment was reached

    site.take_back()
    assert not Request.objects.exists()  # no request half-saved
    out = site.run("shell", "-c", "from datetime import timedelta; from gongkai.foi.services.filing import "
                   "sweep_orphan_proofs; print('swept', sweep_orphan_proofs(timedelta(0)))")
    assert "swept 1" in out  # the hourly sweep removes the applicant's orphaned personal data
    assert not [path for path in proofs.rglob("*") if path.is_file()]

    server, _ = _serve(site, port)  # after the restart the applicant sends the form again
    try:
        assert _post(port, "/foi/", "", WAIT_S, body, MULTIPART_CONTENT) == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    site.take_back()
    stored = Request.objects.get()
    assert (site.root / "media" / stored.id_proof.name).is_file()
