"""The processes of the cluster test: PostgreSQL (or the one scripts/test.sh started), Redis, two
gunicorn app servers and two huey workers, each in its own process group, each wait bounded.

``Cluster.stop`` ends every process it started (SIGTERM, then SIGKILL after a few seconds) and
removes its directory; the test's fixture calls it in a finalizer, so a failing or timed-out test
leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.bench.common import free_port, wait_healthy

PORT_WAIT = 30.0  # seconds a process has to open its port
STOP_GRACE = 5.0  # seconds between SIGTERM and SIGKILL


def wait_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = PORT_WAIT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"进程已退出（{process.args!r}）：{_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"端口 {port} 在 {timeout:.0f} 秒内未就绪：{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-2000:] if log.exists() else ""


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as scripts/test.sh does, use the postgres account then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


@dataclass
class Cluster:
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="gongkai-cluster-")))
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    app_ports: list[int] = field(default_factory=list)
    admin_url: str = ""  # the server's maintenance database, to drop ours at the end
    database: str = ""
    own_postgres: Path | None = None  # the data directory of a server this test started

    # -- starting --------------------------------------------------------------------------

    def spawn(self, name: str, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = self.root / f"{name}.log"
        with log.open("ab") as handle:  # the child keeps its own descriptor
            process = subprocess.Popen(command, env=env or self.env, stdout=handle, stderr=subprocess.STDOUT,
                                       start_new_session=True, cwd=self.root)
        self.processes.append(process)
        return process

    def start_postgres(self, url: str | None) -> str:
        """A fresh database on the given server, or on a server started here; its URL."""
        if not url:
            binaries = postgres_bin()
            if binaries is None:
                raise LookupError("未找到 PostgreSQL 服务器程序（apt-get install postgresql）")
            data = self.root / "pg"
            data.mkdir()
            if os.geteuid() == 0:
                shutil.chown(self.root, "postgres")
                shutil.chown(data, "postgres")
            port = free_port()
            subprocess.run(_as_postgres([str(binaries / "initdb"), "-D", str(data / "data"), "-U", "gongkai",
                                         "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                           check=True, capture_output=True, timeout=60)
            subprocess.run(_as_postgres([
                str(binaries / "pg_ctl"), "-D", str(data / "data"), "-l", str(data / "server.log"), "-w", "-t", "30",
                "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off -c full_page_writes=off",
                "start"]), check=True, capture_output=True, timeout=40)
            self.own_postgres = data
            url = f"postgres://gongkai@127.0.0.1:{port}/postgres"
        import psycopg

        base, _, _ = url.rpartition("/")
        self.admin_url, self.database = f"{base}/postgres", f"gongkai_cluster_{secrets.token_hex(4)}"
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        return f"{base}/{self.database}"

    def start_redis(self) -> str:
        port = free_port()
        process = self.spawn("redis", ["redis-server", "--bind", "127.0.0.1", "--port", str(port),
                                       "--dir", str(self.root), "--save", "", "--appendonly", "no"])
        wait_port(port, process, self.root / "redis.log")
        return f"redis://127.0.0.1:{port}/0"

    def start_app_server(self, index: int) -> int:
        port = free_port()
        process = self.spawn(f"app{index}", [
            sys.executable, "-m", "gunicorn", "gongkai.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", "2", "--worker-class", "gthread", "--threads", "4", "--timeout", "60",
            "--graceful-timeout", "3", "--log-level", "warning"])
        wait_healthy(port, process, self.root / f"app{index}.log", PORT_WAIT)
        self.app_ports.append(port)
        return port

    def start_worker(self, index: int) -> None:
        self.spawn(f"worker{index}", [sys.executable, "-m", "gongkai.cli", "worker", "--workers", "2"],
                   env={**self.env, "GONGKAI_LOG_LEVEL": "INFO"})

    def run(self, code: str, timeout: float = 120) -> str:
        """Python code in a process with the cluster's settings (django set up); its stdout."""
        done = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + code], env=self.env,
                              capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"集群命令失败：{done.stderr[-3000:]}")
        return done.stdout

    def logs(self) -> str:
        return "\n".join(f"--- {log.name}\n{_tail(log)}" for log in sorted(self.root.glob("*.log")))

    # -- stopping --------------------------------------------------------------------------

    def stop(self) -> None:
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5)
            # a worker's children (gunicorn's workers) share its group: make sure none is left
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()
        if self.database and not self.own_postgres:
            with contextlib.suppress(Exception):
                import psycopg

                with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        if self.own_postgres is not None:
            binaries = postgres_bin()
            with contextlib.suppress(Exception):
                subprocess.run(_as_postgres([str(binaries / "pg_ctl"), "-D", str(self.own_postgres / "data"),
                                             "-m", "immediate", "-w", "-t", "20", "stop"]),
                               capture_output=True, timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)
