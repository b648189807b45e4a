"""``portal``: the public portal's pages under HTTP load, served by gunicorn exactly as ``gongkai
serve`` (``make run``) serves them, beside a bare Django view in the same run (issue 22, point 3).

The benchmark makes a temporary var directory with a fresh SQLite database (migrated) holding
``records`` published records (10,000 by default; bulk-inserted, every catalog field filled) in a
city government, a county government and eight departments, three columns each (one of them
nested), plus an interpretation and an attachment on the record measured. Then, for a fixed
``duration`` each, wrk (``--latency``, one thread, ``connections`` connections) drives:

- ``record``: a record page ``/xxgk/content/<pk>/``;
- ``list``: a catalog list page, a department's column ``/xxgk/units/<key>/<column>/``;
- ``home``: the home page;

``uncached`` against a server started with ``GONGKAI_PORTAL_CACHE_SECONDS=0`` (every request
rendered; only the catalog's counts are kept per content generation, ``pagecache.memo``), ``cached`` against one started with the default cache (warmed by a few requests
first). ``record.bare`` is the peer: ``/bench/bare/<pk>/``, a view that reads the same record with
one query and renders its title, metadata and body with a small template. Its URL exists only when
``GONGKAI_BENCH_BARE_VIEW`` is on, which the benchmark sets for the uncached server: the same
gunicorn, the same settings and middleware stack as the pages it is compared with.

Fields (CONTRACTS.md section 5): ``{"record": {"uncached": {"rps", "p50_ms", "p99_ms"}, "cached":
{…}, "bare": {…}}, "list": {…}, "home": {…}}`` (each measure also has ``requests`` and
``errors``, the answers that were not 2xx/3xx or did not arrive), plus ``records``, ``workers``,
``threads``, ``connections``, ``duration_s``, ``peak_rss_mb`` (the largest resident memory of a
gunicorn worker, read from /proc after each run), ``record_bare_ratio`` (uncached record page req/s
over the bare view's), ``build_s``, ``load_average`` (1 minute, before the runs), ``cpu_count``
and ``python``.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from gongkai.bench.common import free_port, machine, wait_healthy

# As ``gongkai serve`` starts the site (its defaults: 2 processes, gthread, 4 threads each).
from gongkai.console.management.commands.serve import THREADS, WORKERS, gunicorn_command

PAGES = ("record", "list", "home")
_UNITS = [("bench-city", "示范市人民政府", "city_gov"), ("bench-county", "示范市示范县人民政府", "county_gov")] + [
    (f"bench-dept-{n}", name, "department")
    for n, name in enumerate(["发展和改革局", "教育局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "卫生健康局"])
]
_KINDS = ["general", "general", "general", "normative", "policy", "general", "planning", "general", "general", "budget"]


def _build(records: int) -> dict[str, Any]:
    """``records`` published records, bulk-inserted; answers the paths to measure."""
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone

    from gongkai.orgs.models import Unit
    from gongkai.records.models import Attachment, Column, Record

    now = timezone.now()
    first = date(2016, 1, 1)
    with transaction.atomic():
        units = Unit.objects.bulk_create(
            Unit(key=key, name=name if kind != "department" else f"示范市{name}", kind=kind, sort_order=n)
            for n, (key, name, kind) in enumerate(_UNITS)
        )
        for unit in units[2:]:
            unit.parent = units[0]
        Unit.objects.bulk_update(units[2:], ["parent"])
        parents = Column.objects.bulk_create(Column(unit=unit, name="政策文件", sort_order=1) for unit in units)
        notices = Column.objects.bulk_create(Column(unit=unit, name="通知公告", sort_order=2) for unit in units)
        nested = Column.objects.bulk_create(
            Column(unit=unit, parent=parent, name="规范性文件", sort_order=3) for unit, parent in zip(units, parents, strict=True)
        )
        columns = {unit.pk: (parent, notice, child) for unit, parent, notice, child in zip(units, parents, notices, nested, strict=True)}
        through = Record.columns.through
        count = len(units)
        for start in range(0, records, 5000):
            batch = Record.objects.bulk_create([
                Record(
                    unit=units[n % count], kind=_KINDS[n % len(_KINDS)],
                    title=f"{units[n % count].name}关于做好第{n}项政务公开工作的通知",
                    summary="按照上级要求，结合本地实际，做好相关政府信息公开工作。" * 2,
                    publisher=units[n % count].name, doc_number=f"示{n % count}〔{2016 + n % 10}〕{n}号",
                    written_on=first + timedelta(days=n % 3650), formed_on=first + timedelta(days=n % 3650),
                    published_on=first + timedelta(days=n % 3650 + 2),
                    effective_on=first + timedelta(days=n % 3650 + 2),
                    expires_on=first + timedelta(days=n % 3650 + 3650) if n % 10 == 3 else None,
                    topic="综合政务", genre="通知", keywords="政务公开 信息公开", status="published",
                    index_number=f"BENCH-{n:07d}",
                    body="<p>各有关单位：</p>" + "<p>现就做好政务公开有关工作通知如下。请认真贯彻落实。</p>" * 20,
                    body_text="各有关单位：" + "现就做好政务公开有关工作通知如下。请认真贯彻落实。" * 20,
                    created_at=now, updated_at=now, published_at=now,
                )
                for n in range(start, min(records, start + 5000))
            ], batch_size=1000)
            through.objects.bulk_create(
                [through(record_id=record.pk, column_id=columns[record.unit_id][record.pk % 3].pk) for record in batch],
                batch_size=2000,
            )
        measured = Record.objects.filter(unit=units[4]).order_by("-published_on", "-pk")[records // 40]
        interpretation = Record.objects.create(
            unit=measured.unit, kind="interpretation", title=f"《{measured.title}》政策解读", publisher=measured.publisher,
            published_on=measured.published_on, status="published", index_number="BENCH-I-1",
            body="<p>一、出台背景</p><p>二、主要内容</p>", body_text="一、出台背景 二、主要内容", interprets=measured,
            published_at=now,
        )
        interpretation.columns.add(parents[4])
        stored = Path(settings.MEDIA_ROOT) / "records" / "bench" / "附件1.pdf"
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(b"%PDF-1.4\n%bench\n")
        Attachment.objects.create(record=measured, file="records/bench/附件1.pdf", name="附件1.pdf", size=16, kind="pdf")
    column = parents[4]
    return {"record": f"/xxgk/content/{measured.pk}/", "list": f"/xxgk/units/{units[4].key}/{column.pk}/",
            "home": "/", "bare": f"/bench/bare/{measured.pk}/"}


def _inner(records: int) -> dict[str, Any]:
    """In the child process: migrate the fresh database and build (see the module's docstring)."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    paths = _build(records)
    return {"paths": paths, "build_s": round(time.perf_counter() - started, 2)}


class Server:
    """gunicorn as ``gongkai serve`` starts it, on a free 127.0.0.1 port, in its own process group."""

    def __init__(self, root: Path, env: dict[str, str], name: str) -> None:
        self.root, self.env, self.port, self.log = root, env, free_port(), root / f"gunicorn-{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def launch(self) -> None:
        command = gunicorn_command(f"127.0.0.1:{self.port}", WORKERS)  # its access log goes to the log file
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=log, start_new_session=True)

    def wait_ready(self, timeout: float = 60.0) -> None:
        assert self.process is not None, "launch() first"
        wait_healthy(self.port, self.process, self.log, timeout)

    def get(self, path: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def worker_rss_mb(self) -> float:
        """The largest resident memory of the master's children (the app processes), from /proc."""
        if self.process is None:
            return 0.0
        largest = 0.0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            for pid in (task / "children").read_text().split():
                with contextlib.suppress(OSError):
                    status = Path(f"/proc/{pid}/status").read_text()
                    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
                    if found:
                        largest = max(largest, int(found.group(1)) / 1024)
        return round(largest, 1)

    def terminate(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)

    def stop(self) -> None:
        """After ``terminate``: wait, then SIGKILL the whole group if it is still there."""
        if self.process is None:
            return
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


@contextlib.contextmanager
def _serving(
    root: Path, envs: dict[str, dict[str, str]], build: list[str]
) -> Iterator[tuple[dict[str, Server], dict[str, Any]]]:
    """The servers started while the database is built (Django reads no table at start-up), ready
    once it is; the build (a child process, in the first environment) answers its JSON."""
    servers = {name: Server(root, env, name) for name, env in envs.items()}
    try:
        for server in servers.values():
            server.launch()
        built = subprocess.run(build, env=next(iter(envs.values())), capture_output=True, text=True, timeout=600, check=False)
        if built.returncode != 0:
            raise RuntimeError(f"portal 基准数据生成失败：\n{built.stderr[-4000:]}")
        for server in servers.values():
            server.wait_ready()
        yield servers, json.loads(built.stdout.strip().splitlines()[-1])
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.stop()


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return round(float(number) * _UNIT_MS[unit], 3)


def parse_wrk(output: str) -> dict[str, Any]:
    """req/s, p50 and p99 (ms), requests and errors from wrk's ``--latency`` report."""
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.MULTILINE))
    requests = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    if not (requests and rps and "50" in latency and "99" in latency):
        raise RuntimeError(f"无法解析 wrk 的输出：\n{output[-2000:]}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {"rps": round(float(rps.group(1)), 1), "p50_ms": _ms(latency["50"]), "p99_ms": _ms(latency["99"]),
            "requests": int(requests.group(1)), "errors": errors}


def _wrk(server: Server, path: str, duration: float, connections: int) -> dict[str, Any]:
    for _ in range(3):  # warm-up: templates, cache entries, connections
        if server.get(path) != 200:
            raise RuntimeError(f"{path} 未返回 200")
    seconds = max(1, round(duration))
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s",
               f"http://127.0.0.1:{server.port}{path}"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk 运行失败：{completed.stderr[-2000:]}")
    return parse_wrk(completed.stdout)


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run(records: int = 10_000, duration: float = 5.0, connections: int = 8) -> dict[str, Any]:
    """Build, serve and measure (see the module's docstring); the temporary directory goes at the end."""
    if not wrk_available():
        raise RuntimeError("未找到 wrk：请运行 scripts/system-deps.sh test（或 apt-get install wrk）")
    load_average = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="gongkai-portal-") as directory:
        root = Path(directory)
        env = {**os.environ, "GONGKAI_VAR_DIR": directory, "DJANGO_SETTINGS_MODULE": "gongkai.settings",
               "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost", "GONGKAI_DEBUG": "false",
               # given, so that the processes started together do not each make one in var/
               "GONGKAI_SECRET_KEY": secrets.token_urlsafe(50)}
        for name in ("GONGKAI_DATABASE_URL", "GONGKAI_REDIS_URL", "GONGKAI_PORTAL_CACHE_SECONDS", "GONGKAI_BENCH_BARE_VIEW"):
            env.pop(name, None)
        envs = {"uncached": {**env, "GONGKAI_PORTAL_CACHE_SECONDS": "0", "GONGKAI_BENCH_BARE_VIEW": "true"},
                "cached": env}
        build = [sys.executable, "-m", "gongkai.bench.portal", "--inner", "--records", str(records)]
        result: dict[str, Any] = {page: {} for page in PAGES}
        rss: list[float] = []
        with _serving(root, envs, build) as (servers, prepared):
            paths = prepared["paths"]
            for mode in ("uncached", "cached"):
                for page in PAGES:
                    result[page][mode] = _wrk(servers[mode], paths[page], duration, connections)
                    rss.append(servers[mode].worker_rss_mb())
                if mode == "uncached":
                    result["record"]["bare"] = _wrk(servers[mode], paths["bare"], duration, connections)
                    rss.append(servers[mode].worker_rss_mb())
    return {
        "benchmark": "portal", **result, "records": records, "workers": WORKERS, "threads": THREADS,
        "connections": connections, "duration_s": max(1, round(duration)), "peak_rss_mb": max(rss),
        "record_bare_ratio": round(result["record"]["uncached"]["rps"] / max(result["record"]["bare"]["rps"], 0.1), 2),
        "build_s": prepared["build_s"], "load_average": load_average, **machine(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench.portal", description="门户页面压力基准，输出 JSON。")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=5.0, help="每项测量的秒数")
    parser.add_argument("--connections", type=int, default=8, help="wrk 的并发连接数")
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    result = _inner(args.records) if args.inner else run(args.records, args.duration, args.connections)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
