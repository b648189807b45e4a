"""`python -m gongkai.bench monitor` prints the fields CONTRACTS.md section 5 lists, having
crawled its generated site whole, with the planted findings."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_the_monitor_benchmark_reports_the_contract_fields(tmp_path) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("GONGKAI_", "DJANGO_"))}
    environment["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.bench", "monitor", "--pages", "400", "--json"],
        capture_output=True, text=True, timeout=300, env=environment, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout)
    assert answer.keys() >= {"pages", "pages_per_s", "peak_rss_mb", "findings"}
    assert 300 <= answer["pages"] <= 400 and answer["pages_per_s"] > 0 and answer["peak_rss_mb"] > 0
    # two stale 工作动态 columns and a blank one (the broken links depend on the size)
    assert answer["findings"] >= 3
    assert not list(tmp_path.iterdir())  # the crawl's state went with its scratch directory
