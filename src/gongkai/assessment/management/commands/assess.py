"""``gongkai assess awards FILE.json [--json]`` (CONTRACTS.md §7): seed 001's awards computed from
a list of units (``gongkai.rules.awards``). Pure: no database. Exit 0 with the result; 2 with one
line on stderr when the file cannot be read or a unit cannot be placed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from gongkai.cmdbase import GongkaiCommand
from gongkai.rules.awards import AwardInputError, AwardResult, candidate_from_json, compute_awards


class Command(GongkaiCommand):
    requires_system_checks: list[str] = []  # pure: no models, no database
    help = "考评：awards 按示范点通知（六政务公开办〔2017〕2号）三(四) 计算表彰名单与加分。"

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self._called_from_command_line = False  # usage mistakes: one line and exit 2
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        text = "从单位得分率列表（JSON）计算表彰名单、加分和并列情况"
        awards = sub.add_parser("awards", help=text, description=text)
        awards.add_argument("file", help='JSON 列表，每项 {"unit", "cls", "parent", "parent_kind", "rate", "key_rate"}')
        awards.add_argument("--json", action="store_true", help="输出 JSON（CONTRACTS.md §7）")

    def handle(self, *args: Any, **options: Any) -> None:
        file = options["file"]
        try:
            items = json.loads(Path(file).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{file}：文件不存在") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{file}：无法读取为 UTF-8 JSON（{error}）") from None
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise CommandError(f"{file}：应为单位对象的 JSON 列表")
        try:
            result = compute_awards([candidate_from_json(item) for item in items])
        except AwardInputError as error:
            raise CommandError(f"{file}：{error}") from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_contract(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(result))


def _summary(result: AwardResult) -> str:
    """For the office at a terminal: who won and why each unit did or did not."""
    lines = [f"表彰 {len(result.awarded)} 个单位：{'、'.join(result.awarded) or '无'}"]
    lines += [f"  加分  {name}  {points}" for name, points in sorted(result.bonus.items())]
    lines += [f"  并列（请公开办决定先后）：{'、'.join(names)}" for names in result.ties]
    lines += [f"  {unit}：{reason}" for unit, reason in sorted(result.reasons.items())]
    return "\n".join(lines)
