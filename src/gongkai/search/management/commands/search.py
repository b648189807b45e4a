from __future__ import annotations

import sys
import time
from typing import Any

from gongkai.cmdbase import GongkaiCommand
from gongkai.search import api
from gongkai.search.models import SearchEntry


class Command(GongkaiCommand):
    help = "全文检索：reindex 重建索引（可在网站运行时进行），query 在命令行检索。"

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="子命令")
        rebuild = sub.add_parser("reindex", help="从各应用已发布的信息重建检索索引")
        rebuild.add_argument("--batch", type=int, default=2000, help="每批条数（每批一个事务）")
        rebuild.add_argument("--force", action="store_true", help="内容未变的条目也重写（分词规则改变之后）")
        ask = sub.add_parser("query", help="检索并列出前 20 条")
        ask.add_argument("text")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "query":
            results = api.search(options["text"])
            if results.query.message:
                self.stderr.write(results.query.message)
            more = "超过 " if results.capped else ""
            self.stdout.write(f"共 {more}{results.total} 条")
            for hit in results.hits:
                self.stdout.write(f"{hit.published_on}  {hit.title}  {hit.url}")
            return
        self._reindex(options["batch"], options["force"])

    def _reindex(self, batch: int, force: bool) -> None:
        expected = max(SearchEntry.objects.count(), 1)
        started = time.monotonic()

        def progress(done: int) -> None:
            share = min(done / expected, 1.0)
            bar = "#" * int(share * 30)
            sys.stdout.write(f"\r重建索引 [{bar:<30}] {done} 条，{time.monotonic() - started:.0f} 秒")
            sys.stdout.flush()

        total = api.reindex(batch=batch, progress=progress, force=force)
        sys.stdout.write("\n")
        self.stdout.write(f"索引重建完成：{total} 条，用时 {time.monotonic() - started:.1f} 秒。")
