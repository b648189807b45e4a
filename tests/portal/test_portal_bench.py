"""``python -m gongkai.bench portal`` in a tiny mode (200 records, one second a measure): it builds,
serves with gunicorn as ``gongkai serve`` does, drives every page with wrk, cached and uncached,
and the bare peer in the same run, and prints the JSON of CONTRACTS.md section 5."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gongkai.bench.portal import parse_wrk, wrk_available


@pytest.mark.skipif(not wrk_available(), reason="未安装 wrk（scripts/system-deps.sh test 会安装）")
# the benchmark makes its own SQLite installation: the SQLite run of the suite has it
@pytest.mark.skipif(os.environ.get("GONGKAI_DATABASE_URL", "").startswith("postgres"),
                    reason="基准使用自己的临时 SQLite，不随 PostgreSQL 测试轮重复运行")
def test_the_tiny_benchmark_prints_every_page_cached_uncached_and_the_bare_peer():
    completed = subprocess.run(
        [sys.executable, "-m", "gongkai.bench", "portal", "--json", "--records", "200", "--duration", "1"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    modes = {"record": {"uncached", "cached", "bare"}, "list": {"uncached", "cached"}, "home": {"uncached", "cached"}}
    for page, expected in modes.items():
        assert set(result[page]) == expected, page
        for mode, measure in result[page].items():
            assert {"rps", "p50_ms", "p99_ms"} <= set(measure), (page, mode)
            assert measure["rps"] > 0 and 0 < measure["p50_ms"] <= measure["p99_ms"], (page, mode)
            assert measure["errors"] == 0 and measure["requests"] > 0, (page, mode)
    assert result["records"] == 200 and result["workers"] == 2 and result["threads"] == 2
    assert 0 < result["peak_rss_mb"] < 2048
    assert result["record_bare_ratio"] > 0 and result["cpu_count"] and result["python"]


def test_it_reads_wrk_s_latency_report_in_every_unit_and_counts_failed_answers():
    report = """Running 1s test @ http://127.0.0.1:8000/
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.01ms    2.00ms  40.00ms   90.00%
  Latency Distribution
     50%  850.00us
     75%    5.00ms
     90%    8.00ms
     99%    1.20s
  1234 requests in 1.00s, 9.00MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:   1234.50
Transfer/sec:      9.00MB
"""
    assert parse_wrk(report) == {"rps": 1234.5, "p50_ms": 0.85, "p99_ms": 1200.0, "requests": 1234, "errors": 7}
