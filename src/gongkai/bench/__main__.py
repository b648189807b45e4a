from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections.abc import Callable
from typing import Any

# Left out of ``all`` (over a minute each): run them by name.
SLOW = {"portal"}


def _benchmarks() -> dict[str, Callable[..., dict[str, Any]]]:
    from gongkai.bench import (
        annualreport,
        api,
        calendar,
        catalogimport,
        foiload,
        messageload,
        monitor,
        planboard,
        planparse,
        portal,
        search,
    )

    return {
        "calendar": calendar.run, "planparse": planparse.run, "search": search.run,
        "foiload": foiload.run, "catalogimport": catalogimport.run, "planboard": planboard.run,
        "annualreport": annualreport.run, "messageload": messageload.run, "api": api.run, "monitor": monitor.run,
        "portal": portal.run,
    }


def main(argv: list[str] | None = None) -> int:
    benchmarks = _benchmarks()
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench", description="性能基准测试，输出 JSON。")
    parser.add_argument("name", choices=[*benchmarks, "all"], help="基准名称，all 表示全部（使用默认规模，不含 portal）")
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    parser.add_argument("--records", type=int, help="search：文档数")
    parser.add_argument("--rows", type=int, help="catalogimport：行数")
    parser.add_argument("--concurrency", type=int, help="foiload、messageload、monitor：并发数")
    parser.add_argument("--requests", type=int, help="foiload、messageload：提交数；annualreport：申请件数")
    parser.add_argument("--units", type=int, help="planboard、annualreport：单位数")
    parser.add_argument("--items", type=int, help="planboard：事项数")
    parser.add_argument("--periods", type=int, help="planboard：每项报送期数")
    parser.add_argument("--pages", type=int, help="monitor：生成网站的页面数")
    parser.add_argument("--duration", type=float, help="portal：每项测量的秒数")
    parser.add_argument("--connections", type=int, help="portal：wrk 的并发连接数")
    parser.add_argument("--database-url", help="search：使用的数据库（默认临时 SQLite）")
    parser.add_argument("--pg-scheme", choices=["rum", "grams"], help="search：PostgreSQL 的索引方案（默认按迁移：有 rum 扩展即 rum）")
    parser.add_argument("--reuse", action="store_true", default=None,
                        help="search：数据库已有同一语料时不再构建，只测查询（百万级多次测量）")
    parser.add_argument("--build-only", action="store_true", default=None,
                        help="search：只构建索引并报告构建时间和索引大小，不测查询")
    args = parser.parse_args(argv)
    names = [name for name in benchmarks if name not in SLOW] if args.name == "all" else [args.name]
    for name in names:
        run = benchmarks[name]
        accepted = inspect.signature(run).parameters
        options = {key: value for key, value in vars(args).items() if key in accepted and value is not None}
        print(json.dumps(run(**options), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
