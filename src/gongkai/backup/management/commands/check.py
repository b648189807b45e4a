"""Django's ``check``, which after a ``gongkai restore`` also compares every table's row count
and the audit chain's head with the restored archive's manifest (once: a match is noted, so that
later checks do not compare a living database with an old backup)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.commands import check

from gongkai.backup import archive


class Command(check.Command):
    help = "检查：Django 的系统检查；在 gongkai restore 之后还核对各表行数和审计日志末条记录与备份清单是否一致。"

    def handle(self, *app_labels: Any, **options: Any) -> None:
        super().handle(*app_labels, **options)
        manifest, problems = archive.restored_counts_problems()
        if manifest is None:
            return
        if problems:
            self.stderr.write(f"恢复核对失败（备份于 {manifest['created_at']}）：")
            for problem in problems:
                self.stderr.write(f"  {problem}")
            sys.exit(1)
        archive.mark_verified()
        self.stdout.write(f"恢复核对通过：{len(manifest['tables'])} 张表的行数与备份清单一致"
                          f"（备份于 {manifest['created_at']}）。")
