from __future__ import annotations

import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import CommandError

from gongkai.cmdbase import GongkaiCommand

WORKERS = 2
# Two threads a process: a request waiting on the database or a slow client does not hold the
# whole process, and the GIL is not fought over by four. The portal benchmark, three runs each on
# this 2-core machine (medians, req/s uncached record / list / home): 4 threads 375 / 165 / 153,
# 2 threads 449 / 373 / 372, 1 thread 439 / 413 / 397 (docs/performance.md).
THREADS = 2


def gunicorn_command(bind: str, workers: int = WORKERS) -> list[str]:
    """The web server as ``gongkai serve`` (``make run``) starts it; the portal benchmark too."""
    return [
        sys.executable, "-m", "gunicorn", "gongkai.wsgi:application",
        "--bind", bind, "--workers", str(workers), "--threads", str(THREADS),
        "--worker-class", "gthread", "--access-logfile", "-", "--graceful-timeout", "10",
    ]


class Command(GongkaiCommand):
    help = "启动网站服务（gunicorn）和后台任务进程，Ctrl+C 同时停止两者。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
        parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
        parser.add_argument("--workers", type=int, default=WORKERS, help=f"网站进程数（默认 {WORKERS}）")
        parser.add_argument("--no-worker", action="store_true", help="不启动后台任务进程")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 < options["port"] < 65536:
            raise CommandError(f"端口“{options['port']}”无效")
        bind = f"{options['host']}:{options['port']}"
        children: list[subprocess.Popen[bytes]] = []
        if not options["no_worker"]:
            children.append(subprocess.Popen([sys.executable, "-m", "gongkai.cli", "worker"]))
        children.append(subprocess.Popen(gunicorn_command(bind, options["workers"])))
        self.stdout.write(f"政务公开平台已启动：http://{bind}/  （Ctrl+C 停止）")

        def stop(signum: int, frame: Any) -> None:
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            # When either process ends, stop the other: a site without its worker would
            # silently stop sending reminders.
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            stop(signal.SIGTERM, None)
            for child in children:
                child.wait(timeout=15)
