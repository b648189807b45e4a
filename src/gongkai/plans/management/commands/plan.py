"""``gongkai plan parse|schedule FILE [--year Y] --json`` (CONTRACTS.md sections 1 and 4) and
``gongkai plan remind [--today YYYY-MM-DD]``.

``parse`` and ``schedule`` read a notice file and print its plan, or its items' reporting due
dates, as JSON; they touch no database: the parse and the schedule are pure rules
(rules.planparse, rules.schedule). ``remind`` sends the reminders due today, as the worker does
each morning (plans.reminders), and says how many went out.
"""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from gongkai.cmdbase import GongkaiCommand
from gongkai.params import parse_int
from gongkai.rules.planparse import Plan, ReadError, parse_file, to_json
from gongkai.rules.schedule import CADENCES, STANDARD_CADENCE, schedule_plan, schedule_to_json

_MIN_YEAR, _MAX_YEAR = 1990, 2100


def _year(value: str) -> int:
    try:
        return parse_int(value, _MIN_YEAR, _MAX_YEAR, "年度")
    except ValueError:
        raise CommandError(f"年度“{value}”无效，应为四位年份，如 2019") from None


def _date(value: str) -> date:
    """A day written YYYY-MM-DD, strictly (Python would also take 20260929)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        with contextlib.suppress(ValueError):  # 2026-02-30
            return date.fromisoformat(value)
    raise CommandError(f"日期“{value}”无效，应为 YYYY-MM-DD，如 2026-09-29")


class Command(GongkaiCommand):
    requires_system_checks: list[str] = []  # parse/schedule are pure: no models to check
    help = (
        "读取工作要点或分工方案（.txt/.docx/.doc/.xlsx/.html），parse 输出任务分工 JSON，"
        "schedule 输出各条目的报送时间（不读写数据库）；remind 发送到期前的任务提醒。"
    )

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        for name, text in (
            ("parse", "解析通知，输出标题、文号、年度和各条任务（牵头单位、责任单位、完成时限）"),
            (
                "schedule",
                "解析通知，输出各条任务的报送截止日期（按月、季度、半年、年度或具体日期）",
            ),
        ):
            command = sub.add_parser(name, help=text, description=text)
            command.add_argument("file", help="通知文件：.txt、.docx、.doc、.xlsx 或 .html")
            command.add_argument(
                "--year", default=None, help="计划年度；不填时从标题或落款日期识别"
            )
            command.add_argument(
                "--json", action="store_true", help="输出 JSON（默认也输出 JSON 之外的摘要）"
            )
            if name == "schedule":
                command.add_argument(
                    "--default-cadence", choices=list(CADENCES), default=STANDARD_CADENCE,
                    help="没有完成时限的条目按什么周期报送：semiannual 每半年（默认）、quarterly "
                    "每季度、yearly 每年、none 不设报送期",
                )  # fmt: skip
        text = "向尚未报送的单位发送截止日期前的任务提醒（站内通知和电子邮件），已发送的不会重复发送"
        remind = sub.add_parser("remind", help=text, description=text)
        remind.add_argument("--today", default=None, help="按哪一天计算，YYYY-MM-DD；默认今天")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "remind":
            self._remind(options["today"])
            return
        path = Path(options["file"])
        year = _year(options["year"]) if options["year"] is not None else None
        try:
            plan = parse_file(path, year)
        except ReadError as error:
            raise CommandError(f"{path}：{error}") from None
        if options["action"] == "schedule":
            output = schedule_to_json(schedule_plan(plan, cadence=options["default_cadence"]))
        else:
            output = to_json(plan)
        if options["json"]:
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(plan, output))


    def _remind(self, today_text: str | None) -> None:
        from django.utils import timezone

        from gongkai.plans.reminders import send_due_reminders

        today = _date(today_text) if today_text is not None else timezone.localdate()
        sent = send_due_reminders(today)
        self.stdout.write(f"{today.isoformat()}：已发送 {sent} 条任务提醒。")


def _summary(plan: Plan, output: dict[str, Any]) -> str:
    """A short reading for a person at a terminal (the JSON is for scripts)."""
    lines = [
        f"标题：{plan.title or '（未识别）'}",
        f"发文机关：{plan.issuer or '（未识别）'}  文号：{plan.doc_number or '（无）'}",
        f"成文日期：{plan.issued_on or '（未识别）'}  年度：{plan.year or '（未识别）'}",
        f"类型：{plan.kind.value}  条目：{len(plan.items)}",
    ]
    for item in output["items"]:
        due = "、".join(item.get("due", [])) or (item["deadline"]["raw"] or "")
        units = "、".join(item.get("units", []))
        lines.append(f"  {item['number']:>6}  {item['text'][:30]}  {units[:30]}  {due}")
    lines += [f"注意：{warning}" for warning in plan.warnings]
    return "\n".join(lines)
