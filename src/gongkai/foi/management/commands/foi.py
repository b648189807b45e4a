"""``gongkai foi due``: the reply due date of a disclosure request (CONTRACTS.md §3).

The answer comes from :func:`gongkai.rules.foiclock.compute_clock`, the same function the request
pages use, over the same working calendar as ``gongkai calendar``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DatabaseError

from gongkai.calendars import service
from gongkai.cmdbase import GongkaiCommand
from gongkai.rules.calendar import CalendarError, WorkingCalendar
from gongkai.rules.foiclock import (
    MAX_EXTENSION_WORKDAYS,
    Amendment,
    ClockError,
    Extension,
    Pause,
    PauseKind,
    RequestEvents,
    compute_clock,
)

# The contract asks what the due date is *when* an extension of N was approved (第三十三条第二款):
# the approval is a premise of the question, given by the office head.
ASSUMED_APPROVER = "政府信息公开工作机构负责人"


def _date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{what}“{value}”无效，应为 YYYY-MM-DD，如 2026-09-28") from None


def _pause(value: str) -> Pause:
    parts = value.split(":")
    if len(parts) != 2 or not all(parts):
        raise CommandError(f"暂停期间“{value}”格式无效，应为 FROM:TO，如 2026-10-12:2026-10-20")
    first, last = _date(parts[0], "暂停开始日期"), _date(parts[1], "暂停结束日期")
    if first > last:
        raise CommandError(f"暂停期间“{value}”无效：开始日期晚于结束日期")
    return Pause(PauseKind.OTHER, first, last)


class Command(GongkaiCommand):
    help = "依申请公开答复期限：due 计算答复期限（收到申请次日起第20个工作日，含补正、延期、暂停）。"

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # Usage mistakes (no --received, an unknown option) end like any other bad input: one line
        # on stderr and exit 2 (CONTRACTS.md), not argparse's usage block. Django's parser raises
        # CommandError instead of printing usage when it is not "called from the command line";
        # --help still prints the full help.
        self._called_from_command_line = False
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        p = sub.add_parser("due", help="答复期限：输出日期，--explain 时逐行说明计算过程")
        p.add_argument("--received", required=True, help="收到申请之日，如 2026-09-28")
        p.add_argument("--amended", default=None, help="收到补正后申请之日（期限重新起算）")
        p.add_argument(
            "--extension", default="0", metavar="N",
            help=f"经批准延长的工作日数（0 至 {MAX_EXTENSION_WORKDAYS}）",
        )
        p.add_argument(
            "--pause", action="append", default=[], metavar="FROM:TO",
            help="不计入期限的期间（含首尾两日），如征求第三方意见；可重复",
        )
        p.add_argument("--explain", action="store_true", help="逐行输出计算过程")

    def handle(self, *args: Any, **options: Any) -> None:
        events = self._events(options)
        calendar = self._calendar()
        try:
            clock = compute_clock(events, calendar)
        except (ClockError, CalendarError) as error:
            raise CommandError(str(error)) from None
        assert clock.due_on is not None  # only closed pauses here: the clock always runs
        for year in clock.unconfirmed_years:
            self.stderr.write(f"注意：{year} 年的节假日安排尚未确认，已按周一至周五计算，结果为暂定。")
        self.stdout.write(clock.due_on.isoformat())
        if options["explain"]:
            for step in clock.steps:
                self.stdout.write(step)

    def _events(self, options: dict[str, Any]) -> RequestEvents:
        received = _date(options["received"], "收到申请日期")
        amendments: tuple[Amendment, ...] = ()
        if options["amended"] is not None:
            amended = _date(options["amended"], "收到补正日期")
            if amended < received:
                raise CommandError(f"收到补正日期 {amended} 早于收到申请日期 {received}")
            amendments = (Amendment(amended_on=amended),)
        extensions: tuple[Extension, ...] = ()
        workdays = self._extension(options["extension"])
        if workdays:
            extensions = (Extension(workdays, approved_by=ASSUMED_APPROVER),)
        pauses = tuple(_pause(value) for value in options["pause"])
        return RequestEvents(received, amendments=amendments, pauses=pauses, extensions=extensions)

    def _extension(self, value: object) -> int:
        try:
            workdays = int(str(value))
        except ValueError:
            raise CommandError(f"延期工作日数“{value}”无效，应为 0 至 {MAX_EXTENSION_WORKDAYS} 的整数") from None
        if workdays < 0:
            raise CommandError(f"延期工作日数“{workdays}”无效：不能为负数")
        if workdays > MAX_EXTENSION_WORKDAYS:
            raise CommandError(
                f"延期工作日数“{workdays}”无效：延长的期限最长不得超过{MAX_EXTENSION_WORKDAYS}个工作日"
                "（《政府信息公开条例》第三十三条）"
            )
        return workdays

    def _calendar(self) -> WorkingCalendar:
        try:
            return service.working_calendar()
        except DatabaseError:  # not migrated yet: the official schedule still answers
            self.stderr.write("注意：数据库尚未初始化（gongkai migrate），只使用内置的官方节假日数据。")
            return WorkingCalendar()
