"""``gongkai monitor crawl URL [--max-pages N] [--timeout S] --json`` (CONTRACTS.md section 8).

Crawls one site from its home URL and prints its columns, broken links, undated pages and
findings. It touches no database unless ``--save`` is given (then the run and its findings are
stored for the registered site of that home URL). ``--state FILE`` keeps the crawl's progress in
FILE, so that a crawl stopped half way goes on where it stopped when run again with the same file.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from gongkai.cmdbase import GongkaiCommand
from gongkai.monitoring.analysis import analyse_state, contract_json
from gongkai.monitoring.crawler import Crawler, CrawlSettings, CrawlState, normalise_home
from gongkai.rules.monitoring.columns import Freshness


def _positive(kind: type, low: float, high: float, label: str) -> Any:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise CommandError(f"{label}“{text}”不是数字") from None
        if not low <= value <= high:
            raise CommandError(f"{label}应在 {low:g} 至 {high:g} 之间")
        return value
    return parse


class Command(GongkaiCommand):
    requires_system_checks: list[str] = []  # pure unless --save
    help = "网站监测：crawl 抓取一个网站，找出栏目不更新、空白栏目、链接不可用等问题（JSON 见 CONTRACTS.md §8）。"

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self._called_from_command_line = False
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        p = sub.add_parser("crawl", help="从首页抓取一个网站并检查")
        p.add_argument("url", help="网站首页地址，如 https://www.example.gov.cn/")
        p.add_argument("--max-pages", type=_positive(int, 1, 1_000_000, "页数"), default=1000, help="最多抓取的页面数（默认 1000）")
        p.add_argument("--max-depth", type=_positive(int, 0, 50, "层级"), default=8, help="离首页的最多链接层数（默认 8）")
        p.add_argument("--timeout", type=_positive(float, 0.05, 120, "超时"), default=15.0, help="每个页面的超时秒数（默认 15，检查指标的口径）")
        p.add_argument("--concurrency", type=_positive(int, 1, 32, "并发数"), default=4, help="同时请求数（默认 4）")
        p.add_argument("--rate", type=_positive(float, 0, 1000, "速率"), default=10.0, help="每秒最多请求数，0 为不限（默认 10）")
        p.add_argument("--exclude", action="append", default=[], help="不抓取的网址前缀，可多次给出，如 /search")
        p.add_argument("--no-outbound", action="store_true", help="不检查指向其他网站的链接")
        p.add_argument("--other-days", type=_positive(int, 1, 3650, "天数"), default=None, help="其他栏目应更新的间隔天数（默认不检查）")
        p.add_argument("--today", help="检查日（YYYY-MM-DD，默认今天）")
        p.add_argument("--state", help="保存抓取进度的文件：中断后用同一文件再次运行即从断点继续")
        p.add_argument("--save", action="store_true", help="把本次监测结果存入数据库（须先登记该网站）")
        p.add_argument("--json", action="store_true", help="输出 JSON（CONTRACTS.md §8）")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            home = normalise_home(options["url"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else date.today()
        except ValueError:
            raise CommandError(f"检查日“{options['today']}”无效，应为 YYYY-MM-DD") from None
        settings = CrawlSettings(
            max_pages=options["max_pages"], max_depth=options["max_depth"],
            concurrency=options["concurrency"], rate=options["rate"], timeout=options["timeout"],
            exclude=tuple(options["exclude"]), check_outbound=not options["no_outbound"],
        )
        freshness = Freshness(other_days=options["other_days"])
        with tempfile.TemporaryDirectory() as scratch:
            state_path = Path(options["state"]) if options["state"] else Path(scratch) / "crawl.sqlite"
            try:
                state = CrawlState(state_path, home, settings)
            except (ValueError, OSError) as error:
                raise CommandError(f"状态文件 {state_path}：{error}") from None
            try:
                Crawler(home, state, settings).run()
                if options["save"]:
                    from gongkai.monitoring.services import save_cli_crawl

                    save_cli_crawl(state, today, settings)
                analysis = analyse_state(state, today, freshness=freshness)
                answer = contract_json(state, analysis)
            finally:
                state.close()
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
            return
        self.stdout.write(_summary(answer))


def _summary(answer: dict[str, Any]) -> str:
    lines = [
        f"网站 {answer['site']}：抓取 {answer['pages']} 个页面，首页最近更新 {answer['home_last_date'] or '无日期'}",
        f"栏目 {len(answer['columns'])} 个，不可用链接 {len(answer['broken_links'])} 个，未注明发布时间的页面 {answer['undated_pages']} 个",
    ]
    for finding in answer["findings"]:
        mark = "【单项否决】" if finding["veto"] else ""
        lines.append(f"  {mark}{finding['indicator']}：{json.dumps(finding['evidence'], ensure_ascii=False)}")
    return "\n".join(lines)
