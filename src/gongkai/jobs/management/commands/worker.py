from __future__ import annotations

from typing import Any

from django.core.management import call_command

from gongkai.cmdbase import GongkaiCommand


class Command(GongkaiCommand):
    help = "启动后台任务进程（提醒、网站抓取、导入、重建索引），与网站服务一起运行。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--workers", type=int, default=2, help="并行任务数（默认 2）")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("run_huey", workers=options["workers"], worker_type="thread")
