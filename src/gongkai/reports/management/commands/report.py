"""``gongkai report check FILE [--previous FILE] [--json]`` (CONTRACTS.md §6): read a published
政府信息公开工作年度报告 and check its cells against each other (DOMAIN.md 2.6).

Exit 0: every rule holds; 1: at least one violation; 2: the file is unreadable or holds none of
the report's tables (one line on stderr). No database.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from gongkai.cmdbase import GongkaiCommand
from gongkai.reports.checkfile import check_file, read_file, summary
from gongkai.rules.filetext import UnreadableDocument


class Command(GongkaiCommand):
    requires_system_checks: list[str] = []  # pure: no models, no database
    help = (
        "年度报告：check 检查一份政府信息公开工作年度报告（.docx/.pdf/.html/.txt/.xlsx，2021 年格式"
        "或 2019 年试行格式）的表格数据勾稽关系，指出不一致的单元格和算式。"
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self._called_from_command_line = False  # usage mistakes: one line and exit 2
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        text = "检查一份年度报告；退出码 0 一致，1 有不一致，2 文件无法读取或没有报告表格"
        check = sub.add_parser("check", help=text, description=text)
        check.add_argument("file", help="年度报告文件：.docx、.pdf（有文字层）、.html、.txt 或 .xlsx")
        check.add_argument(
            "--previous", metavar="FILE", help="上一年度的报告，用于核对上年结转（D3）等跨年规则"
        )
        check.add_argument("--json", action="store_true", help="输出 JSON（CONTRACTS.md §6）")

    def handle(self, *args: Any, **options: Any) -> None:
        file = options["file"]
        report = _read(file)
        previous = _read(options["previous"]) if options["previous"] else None
        checked = check_file(report, previous)
        if options["json"]:
            self.stdout.write(json.dumps(checked.output, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(file, checked.output))
        if not checked.clean:
            sys.exit(1)


def _read(file: str) -> Any:
    try:
        return read_file(Path(file))
    except UnreadableDocument as error:
        raise CommandError(f"{file}：{error}") from None
