"""Parsing work-plan notices: the seeds one by one, and a 1 MB synthetic notice.

For each seed notice (the copy packaged for the demo, or ``GONGKAI_SEEDS_DIR``), the median time of reading and
parsing it (``parse_file``: decoding, metadata, tables or prose, units, deadlines), with the
parser's caches cleared before each run so that no run profits from the one before. Then a
synthetic 分工方案 of about 1 MB in the pipe-flattened layout of seed 000 (merged cells, line-wrapped
cells, mixed deadlines), as an office that pastes a whole year's table would upload.
Goal (issue 3): under 200 ms per seed.

Then how right it is on real notices of other governments (planscore: item recall, precision and F1,
unit and deadline accuracy on the corpus and on its held-out part). Goal (issue 13): F1, units and
deadlines at least 0.95 on the held-out part.
"""

from __future__ import annotations

import os
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from gongkai.bench import planscore
from gongkai.bench.common import machine, p50, p95, timed_ms
from gongkai.console.seeds import SEEDS
from gongkai.rules.planparse import clear_caches, parse_file, parse_text

RUNS = 20
LARGE_RUNS = 3
LARGE_BYTES = 1_000_000

_UNITS = (
    "市财政局,各县(市、区)政府,高新区管委会",
    "市发展改革局、市信息中心",
    "市府办公室牵头，市直各部门负责",
    "市住房城乡 建设局",
    "市人力资源社会保障局,各县(市、区)政府",
)
_DEADLINES = (
    "2016年12月底前完成",
    "全年工作",
    "2016 年 6 月底前完成",
    "每季度",
    "2017年第1季度完成",
)


def seeds_dir() -> Path:
    configured = os.environ.get("GONGKAI_SEEDS_DIR")
    if configured:
        return Path(configured)
    return SEEDS


def synthetic_notice(target_bytes: int = LARGE_BYTES) -> str:
    """A 分工方案 flattened like seed 000, grown to about ``target_bytes`` of UTF-8."""
    lines = [
        "示范市人民政府办公室关于印发示范市2016年政务公开工作要点分工方案的通知",
        "示范市人民政府办公室",
        "2016年6月22日",
        *(f"{header} |" for header in ("序号", "工作任务", "具体要求", "牵头落实单位", "完成时限")),
    ]
    size, task = sum(len(line.encode()) for line in lines), 0
    while size < target_bytes:
        task += 1
        block = _task_lines(task)
        lines += block
        size += sum(len(line.encode()) + 1 for line in block)
    return "\n".join(lines) + "\n"


def _task_lines(task: int) -> list[str]:
    lines = [f"{task} |", f"推进第{task}项重点领域 信息公开 |"]
    for requirement in range(1, 5):
        lines.append(
            f"{requirement}.围绕第{task}项任务做好信息公开工作,及时公开政策文件、执行情况和"
            f"工作成效,加强政策解读和回应关切,方便公众查询和监督。 |"
        )
        if requirement % 2:
            lines.append(f"{_UNITS[(task + requirement) % len(_UNITS)]} |")
            lines.append(f"{_DEADLINES[(task * requirement) % len(_DEADLINES)]} |")
            lines.append("||")
        else:
            lines.append("||||")
    return lines


def _cold_parse(path: Path) -> None:
    """One parse as the first of its kind: nothing cached from the run before."""
    clear_caches()
    parse_file(path)


def run(runs: int = RUNS) -> dict[str, Any]:
    per_seed: dict[str, float] = {}
    per_seed_p95: dict[str, float] = {}
    items: dict[str, int] = {}
    for path in sorted(seeds_dir().glob("*.txt")):
        items[path.name] = len(parse_file(path).items)  # also warms the imports and caches
        samples = timed_ms(partial(_cold_parse, path), runs)
        per_seed[path.name], per_seed_p95[path.name] = p50(samples), p95(samples)
    notice = synthetic_notice()
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as work:
        large = Path(work) / "large.txt"
        large.write_text(notice, encoding="utf-8")
        large_items = len(parse_text(notice).items)
        large_samples = timed_ms(partial(_cold_parse, large), LARGE_RUNS)
    return {
        "benchmark": "planparse",
        **machine(),
        "runs": runs,
        "per_seed_ms": per_seed,
        "per_seed_p95_ms": per_seed_p95,
        "per_seed_items": items,
        "max_seed_ms": max(per_seed.values(), default=None),
        "large_bytes": len(notice.encode()),
        "large_items": large_items,
        "large_ms": p50(large_samples),
        **planscore.run(),
    }
