"""``foiload``: the public request form under concurrent load, against a real gunicorn server.

The benchmark makes a temporary directory with a fresh SQLite database (migrated, one unit),
starts gunicorn on a free 127.0.0.1 port with the rate limit switched off (``GONGKAI_FOI_RATE_LIMIT=0``
in the server's environment only), and fires ``requests`` form submissions from ``concurrency``
threads over ``http.client`` (multipart, with a small PNG as the identity proof, CSRF as a browser
does it). A submission is *acknowledged* when the server answered 200 with a tracking code; the
service commits before the page is rendered, so an acknowledged code must be stored. Each
submission carries its own idempotency token, so a client that lost the answer (a dropped
connection) sends the same form again and gets the same code, never a second request.

Afterwards it reads the database directly and reports the CONTRACTS.md fields: ``requests,
concurrency, acknowledged, stored, lost`` (acknowledged codes not stored), ``duplicated`` (stored
rows beyond one per submission, or codes given twice), ``server_errors`` (5xx answers),
``throughput_rps`` (acknowledged per second of load) and ``p99_ms`` (per submission, retries
included), with the machine. The same helpers drive ``tests/foi/test_crash_safety.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import re
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.bench.common import free_port, machine, wait_healthy

# A 1×1 PNG: the identity proof of every submission (the form checks the real type).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_CODE = re.compile(r'data-tracking-code="([0-9A-Z]{12})"')
SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from gongkai.orgs.models import Unit
unit, _ = Unit.objects.get_or_create(key="foiload", defaults={"name": "基准测试市财政局", "kind": "department"})
print(unit.pk)
"""


STORED_TABLES = ("foi_request", "interaction_message")


@dataclass
class Site:
    """A temporary installation: its directory, database, environment and the unit to apply to."""

    root: Path
    env: dict[str, str]
    unit_id: int
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def database(self) -> Path:
        return self.root / "foiload.sqlite3"

    def start(self, workers: int = 4, threads: int = 4, timeout: float = 30.0) -> None:
        command = [
            sys.executable, "-m", "gunicorn", "gongkai.wsgi", "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
            "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
        ]
        log = open(self.root / "gunicorn.log", "ab")  # noqa: SIM115  kept open for the server
        self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=log, start_new_session=True)
        log.close()
        wait_healthy(self.port, self.process, self.root / "gunicorn.log", timeout)

    def kill(self) -> None:
        """SIGKILL to the whole server (master and workers): a crash, not a shutdown."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None

    def stored(self, table: str = "foi_request") -> list[tuple[str, str | None]]:
        """(tracking code, submission token) of every stored request (or message: ``table``), read
        from the file itself."""
        if table not in STORED_TABLES:
            raise ValueError(table)
        with contextlib.closing(sqlite3.connect(self.database, timeout=30)) as connection:
            return list(connection.execute(f"SELECT tracking_code, submission_token FROM {table}"))  # noqa: S608


def prepare(root: Path) -> Site:
    """A fresh database in ``root``: migrated, with one unit to apply to."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gongkai.settings",
        "GONGKAI_VAR_DIR": str(root),
        "GONGKAI_DATABASE_URL": f"sqlite:///{root / 'foiload.sqlite3'}",
        "GONGKAI_FOI_RATE_LIMIT": "0",  # the benchmark's server only
        "GONGKAI_DEBUG": "false",
        "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "GONGKAI_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    env.pop("GONGKAI_REDIS_URL", None)
    done = subprocess.run([sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"准备数据库失败：{done.stderr[-2000:]}")
    return Site(root=root, env=env, unit_id=int(done.stdout.strip().splitlines()[-1]))


def _id_number(serial: int) -> str:
    from gongkai.rules.pii import id_check_character

    first17 = f"44120219900101{serial % 1000:03d}"
    return first17 + id_check_character(first17)


def _multipart(fields: dict[str, str], boundary: str) -> bytes:
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="id_proof"; filename="id.png"\r\n'
        "Content-Type: image/png\r\n\r\n".encode() + PNG + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts)


class Applicant:
    """One client thread's browser: a keep-alive connection, the CSRF and session cookies (the
    form's submission token counts only in the session that opened the form) and form token."""

    FORM = "/foi/"

    def __init__(self, port: int, unit_id: int) -> None:
        self.port, self.unit_id = port, unit_id
        self.connection: http.client.HTTPConnection | None = None
        self.cookie = self.csrf = self.session = ""

    def _connect(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self.connection

    def drop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    def open_form(self) -> None:
        connection = self._connect()
        connection.request("GET", self.FORM)
        response = connection.getresponse()
        page = response.read().decode()
        cookies = response.headers.get_all("Set-Cookie") or []
        token = next((c.split(";")[0] for c in cookies if c.startswith("csrftoken=")), "")
        session = next((c.split(";")[0] for c in cookies if c.startswith("sessionid=")), "")
        match = _CSRF_FIELD.search(page)
        if response.status != 200 or not token or not session or match is None:
            raise http.client.HTTPException(f"表单页面异常：HTTP {response.status}")
        self.cookie, self.csrf, self.session = f"{token}; {session}", match.group(1), session.split("=", 1)[1]

    def submit(self, token: str, serial: int) -> tuple[int, str | None]:
        """POST one application; (HTTP status, tracking code if acknowledged)."""
        if not self.csrf:
            self.open_form()
        boundary = secrets.token_hex(12)
        body = _multipart({
            "csrfmiddlewaretoken": self.csrf, "submission_token": token, "unit": str(self.unit_id),
            "applicant_kind": "natural_person", "person_name": f"测试申请人{serial}",
            "id_type": "resident_id", "id_number": _id_number(serial), "phone": "13800138000",
            "description": f"压力测试：2025年部门预算公开情况（第{serial}件）",
            "form_wanted": "electronic", "delivery": "online",
        }, boundary)
        connection = self._connect()
        connection.request("POST", "/foi/", body=body, headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": self.cookie,
            "Connection": "close",  # each citizen submits once: no connection pinned to one worker
        })
        response = connection.getresponse()
        page = response.read().decode(errors="replace")
        self.drop()
        match = _CODE.search(page) if response.status == 200 else None
        return response.status, match.group(1) if match else None


@dataclass
class Outcome:
    """What the clients saw: per token the code acknowledged, the latencies, the errors."""

    acknowledged: dict[str, str] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)  # the session each token was sent from
    latencies_ms: list[float] = field(default_factory=list)
    server_errors: int = 0
    client_errors: int = 0
    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def submit_until_acknowledged(applicant: Any, token: str, serial: int, outcome: Outcome,
                              deadline: float) -> None:
    """Send one application, again with the same token after a dropped connection, until answered."""
    started = time.perf_counter()
    while time.monotonic() < deadline:
        try:
            status, code = applicant.submit(token, serial)
        except (OSError, http.client.HTTPException):
            if applicant.session:
                outcome.sessions.setdefault(token, applicant.session)
            applicant.drop()
            with outcome.lock:
                outcome.retries += 1
            time.sleep(0.05)
            continue
        with outcome.lock:
            outcome.sessions.setdefault(token, applicant.session)
            if code is not None:
                outcome.acknowledged[token] = code
                outcome.latencies_ms.append((time.perf_counter() - started) * 1000)
            elif status >= 500:
                outcome.server_errors += 1
            else:
                outcome.client_errors += 1
        return


def fire(site: Site, tokens: list[str], concurrency: int, outcome: Outcome, deadline: float,
         client: type[Applicant] = Applicant) -> list[threading.Thread]:
    """Start ``concurrency`` threads that submit ``tokens`` between them (each thread one
    ``client``, a browser of the form under load); returns the threads."""
    pending: Iterator[tuple[int, str]] = iter(list(enumerate(tokens)))
    take = threading.Lock()

    def work() -> None:
        applicant = client(site.port, site.unit_id)
        while True:
            with take:
                item = next(pending, None)
            if item is None:
                break
            submit_until_acknowledged(applicant, item[1], item[0], outcome, deadline)
        applicant.drop()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    return threads


def load_with_crash(site: Site, tokens: list[str], clients: int, kill_after: int, seconds: float = 45,
                    client: type[Applicant] = Applicant) -> tuple[Outcome, int]:
    """Load the started ``site``, kill the whole server with SIGKILL once ``kill_after``
    submissions are acknowledged, start it again on the same database and let the clients finish
    (resending, with the same token, what lost its answer). Returns the outcome and how many were
    acknowledged before the restart (the crash safety tests)."""
    outcome = Outcome()
    deadline = time.monotonic() + seconds
    try:
        threads = fire(site, tokens, clients, outcome, deadline, client)
        while len(outcome.acknowledged) < kill_after and time.monotonic() < deadline:
            time.sleep(0.01)
        site.kill()  # mid-load: requests are in flight in the workers
        before_restart = len(outcome.acknowledged)
        time.sleep(0.3)
        site.start(workers=2, threads=4)
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        site.stop()
    return outcome, before_restart


def verdict(site: Site, tokens: list[str], outcome: Outcome, table: str = "foi_request") -> dict[str, int | bool]:
    """Compare what was acknowledged with what the database holds. The database keeps each
    token bound to the session that sent it (``foi.forms.bind_token``), computed here the same way."""
    from gongkai.foi.forms import bind_token

    secret = site.env.get("GONGKAI_SECRET_KEY", "").strip() or (site.root / "secret_key").read_text(encoding="ascii").strip()
    bound = {token: bind_token(secret, session, token) for token, session in outcome.sessions.items()}
    rows = site.stored(table)
    codes = [code for code, _ in rows]
    stored_tokens = [token for _, token in rows if token]
    by_token = dict((token, code) for code, token in rows if token)
    lost = sum(1 for token, code in outcome.acknowledged.items() if by_token.get(bound.get(token, "")) != code)
    duplicated = (len(stored_tokens) - len(set(stored_tokens))) + (len(codes) - len(set(codes)))
    return {
        "acknowledged": len(outcome.acknowledged), "stored": len(rows), "lost": lost,
        "duplicated": duplicated, "unique_codes": len(set(codes)) == len(codes),
        "unknown_rows": len(set(stored_tokens) - {bound[token] for token in tokens if token in bound}),
    }


def _percentile(samples: list[float], fraction: float) -> float:
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * fraction))], 1)


def run(concurrency: int = 50, requests: int = 1000, workers: int | None = None,
        threads: int = 4, *, name: str = "foiload", client: type[Applicant] = Applicant,
        table: str = "foi_request") -> dict[str, Any]:
    """Load ``client``'s form with ``requests`` submissions; ``name``, ``client`` and ``table``
    make the same run for another public form (``messageload``)."""
    workers = workers or max(2, min(8, (os.cpu_count() or 2) * 2))
    with tempfile.TemporaryDirectory(prefix=f"gongkai-{name}-") as directory:
        site = prepare(Path(directory))
        site.start(workers=workers, threads=threads)
        try:
            tokens = [secrets.token_hex(16) for _ in range(requests)]
            outcome = Outcome()
            started = time.perf_counter()
            for thread in fire(site, tokens, concurrency, outcome, deadline=time.monotonic() + 600, client=client):
                thread.join()
            seconds = time.perf_counter() - started
        finally:
            site.stop()
        result = verdict(site, tokens, outcome, table)
    return {
        "benchmark": name, **machine(), "requests": requests, "concurrency": concurrency,
        "workers": workers, "threads": threads, **result, "server_errors": outcome.server_errors,
        "client_errors": outcome.client_errors, "retries": outcome.retries,
        "seconds": round(seconds, 2), "throughput_rps": round(result["acknowledged"] / seconds, 1),
        "p50_ms": _percentile(outcome.latencies_ms, 0.50), "p99_ms": _percentile(outcome.latencies_ms, 0.99),
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--concurrency", type=int, default=50, help="并发客户端线程数（默认 50）")
    parser.add_argument("--requests", type=int, default=1000, help="提交的申请总数（默认 1000）")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn 工作进程数（默认 CPU 数×2，2 至 8）")
    parser.add_argument("--threads", type=int, default=4, help="每个工作进程的线程数（默认 4）")


def from_args(args: argparse.Namespace) -> dict[str, Any]:
    return run(concurrency=args.concurrency, requests=args.requests, workers=args.workers, threads=args.threads)
