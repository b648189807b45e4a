"""``gongkai audit verify``: walk the audit log's hash chain and print OK with the count of rows,
or the first broken link (row id and what is wrong: changed, deleted or reordered), exit code 1."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import CommandParser

from gongkai.audit.chain import describe, verify
from gongkai.cmdbase import GongkaiCommand


class Command(GongkaiCommand):
    help = "审计日志：verify 校验哈希链，输出记录数或第一个断点（被修改、被删除、顺序被调换）。"
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self._called_from_command_line = False  # usage mistakes: one line and exit 2 (see foi.py)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        sub.add_parser("verify", help="校验哈希链；断链时退出码为 1")

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = verify()
        if verdict.ok:
            self.stdout.write(describe(verdict))
            return
        self.stdout.write(describe(verdict))
        self.stdout.flush()
        sys.exit(1)
