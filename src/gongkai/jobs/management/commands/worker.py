from __future__ import annotations

from typing import Any

from django.core.management import call_command

from gongkai.cmdbase import GongkaiCommand
from gongkai.jobs.recovery import recover_interrupted


class Command(GongkaiCommand):
    help = "启动后台任务进程（提醒、网站抓取、导入、重建索引），与网站服务一起运行。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--workers", type=int, default=2, help="并行任务数（默认 2）")

    def handle(self, *args: Any, **options: Any) -> None:
        interrupted = recover_interrupted()  # jobs a killed worker left running: reported failed
        if interrupted:
            self.stderr.write(f"上次后台进程中断：{interrupted} 个任务已标记为失败，请通知提交人重新提交。")
        call_command("run_huey", workers=options["workers"], worker_type="thread")
