from __future__ import annotations

import argparse
import json
import sys

from gongkai.bench import calendar, planparse

BENCHMARKS = {"calendar": calendar.run, "planparse": planparse.run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench", description="性能基准测试，输出 JSON。")
    parser.add_argument("name", choices=[*BENCHMARKS, "all"], help="基准名称，all 表示全部")
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    args = parser.parse_args(argv)
    names = list(BENCHMARKS) if args.name == "all" else [args.name]
    for name in names:
        print(json.dumps(BENCHMARKS[name](), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
