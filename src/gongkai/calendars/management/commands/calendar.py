from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.db import DatabaseError

from gongkai.calendars import service
from gongkai.cmdbase import GongkaiCommand
from gongkai.rules.calendar import WorkingCalendar
from gongkai.rules.holiday_notice import HolidayNoticeError, parse_holiday_notice
from gongkai.rules.textcodec import UndecodableText, decode_text


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”无效，应为 YYYY-MM-DD，如 2026-09-28") from None


class Command(GongkaiCommand):
    help = "工作日计算（含调休）：is-workday 判断工作日，add 加 N 个工作日，between 计算间隔，import-notice 导入国务院放假通知。"

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        p = sub.add_parser("is-workday", help="某天是否为工作日：输出 true 或 false")
        p.add_argument("day")
        p = sub.add_parser("add", help="某天之后的第 N 个工作日（当天不计入）")
        p.add_argument("day")
        p.add_argument("n", type=int)
        p = sub.add_parser("between", help="第一个日期之后到第二个日期（含）之间的工作日数")
        p.add_argument("start")
        p.add_argument("end")
        p = sub.add_parser("import-notice", help="从国务院办公厅放假通知原文中识别某年安排，--confirm 时写入")
        p.add_argument("file", help="通知原文的文本文件（UTF-8 或 GB18030）")
        p.add_argument("--year", type=int, default=None)
        p.add_argument("--source", default="")
        p.add_argument("--confirm", action="store_true", help="确认写入工作日历")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import-notice":
            self._import_notice(options)
            return
        calendar = self._calendar()
        if action == "is-workday":
            day = _date(options["day"])
            self._warn(calendar.unconfirmed_years(day, day))
            self.stdout.write("true" if calendar.is_workday(day) else "false")
        elif action == "add":
            start, n = _date(options["day"]), options["n"]
            if n < 0:
                raise CommandError(f"工作日数“{n}”无效，应为 0 或正整数")
            result = calendar.add_workdays(start, n)
            self._warn(calendar.unconfirmed_years(start, result))
            self.stdout.write(result.isoformat())
        elif action == "between":
            start, end = _date(options["start"]), _date(options["end"])
            self._warn(calendar.unconfirmed_years(start, end))
            self.stdout.write(str(calendar.workdays_between(start, end)))

    def _calendar(self) -> WorkingCalendar:
        try:
            return service.working_calendar()
        except DatabaseError:  # not migrated yet: the official schedule still answers
            self.stderr.write("注意：数据库尚未初始化（gongkai migrate），只使用内置的官方节假日数据。")
            return WorkingCalendar()

    def _warn(self, years: list[int]) -> None:
        for year in years:
            self.stderr.write(f"注意：{year} 年的节假日安排尚未确认，已按周一至周五计算，结果为暂定。")

    def _import_notice(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}：无法读取（{error.strerror}）") from None
        try:
            text = decode_text(raw)
        except UndecodableText as error:
            raise CommandError(f"{path}：{error}") from None
        try:
            notice = parse_holiday_notice(text, options["year"])
        except HolidayNoticeError as error:
            raise CommandError(f"{path}：{error}") from None
        for span in notice.holidays:
            self.stdout.write(f"{span.name}：{span.first} 至 {span.last}（{span.days} 天）")
        workdays = "、".join(day.isoformat() for day in notice.makeup_workdays) or "无"
        self.stdout.write(f"调休上班：{workdays}")
        for warning in notice.warnings:
            self.stderr.write(f"注意：{warning}")
        if options["confirm"]:
            source = options["source"] or f"国务院办公厅关于{notice.year}年部分节假日安排的通知"
            service.confirm_notice(notice, source, text)
            self.stdout.write(f"{notice.year} 年节假日安排已写入工作日历。")
        else:
            self.stdout.write("（未写入：核对无误后加 --confirm 写入）")

