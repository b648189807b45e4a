"""``gongkai interaction due --kind KIND --at YYYY-MM-DDTHH:MM [--json]`` (CONTRACTS.md section 9).

The answer comes from :func:`gongkai.rules.interaction.due_items`, over the same working calendar
as ``gongkai calendar`` and the jurisdiction's limits, like the message and incident pages.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError

from gongkai.calendars import service
from gongkai.cmdbase import GongkaiCommand
from gongkai.interaction.clock import message_limits
from gongkai.rules.calendar import CalendarError, WorkingCalendar
from gongkai.rules.interaction import MessageError, due_answer, known_kinds


def _moment(value: str) -> datetime:
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise CommandError(f"时间“{value}”无效，应为 YYYY-MM-DDTHH:MM，如 2026-09-30T22:00") from None


class Command(GongkaiCommand):
    help = "政民互动期限：due 计算留言答复期限（工作日）或舆情回应时限（自然小时）。"

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self._called_from_command_line = False  # usage mistakes: one line on stderr, exit 2
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        p = sub.add_parser("due", help="答复或回应期限")
        p.add_argument("--kind", required=True, help=f"类型：{known_kinds()}")
        p.add_argument("--at", required=True, help="收到留言或获知舆情的时间，如 2026-09-30T22:00")
        p.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        at = _moment(options["at"])
        try:
            answer = due_answer(options["kind"], at, self._calendar(), message_limits())
        except (MessageError, CalendarError) as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False))
            return
        for item in answer["due"]:  # type: ignore[attr-defined]
            self.stdout.write(f"{item['what']}\t{item['due']}")

    def _calendar(self) -> WorkingCalendar:
        try:
            return service.working_calendar()
        except DatabaseError:  # not migrated yet: the built-in official schedule answers
            self.stderr.write("注意：数据库尚未初始化（gongkai migrate），只使用内置的官方节假日数据。")
            return WorkingCalendar()
