"""`python -m gongkai.bench annualreport` prints the JSON that CONTRACTS.md section 5 lists, with
query counts that do not grow with the number of requests, and leaves nothing behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CONTRACT = {
    "requests", "units", "unit_p50_ms", "unit_p95_ms", "rollup_p50_ms", "rollup_p95_ms",
    "unit_queries", "rollup_queries",
}


def _bench(tmp_path, requests: int) -> dict[str, object]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("GONGKAI_", "DJANGO_"))}
    environment["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.bench", "annualreport", "--units", "5", "--requests", str(requests), "--json"],
        capture_output=True, text=True, timeout=300, env=environment, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_the_annualreport_benchmark_reports_the_contract_fields_in_constant_queries(tmp_path):
    small, large = _bench(tmp_path, 200), _bench(tmp_path, 2000)
    assert small.keys() >= CONTRACT and (small["requests"], small["units"]) == (200, 5)
    assert (small["unit_queries"], small["rollup_queries"]) == (large["unit_queries"], large["rollup_queries"])
    assert large["unit_queries"] <= 4 and large["rollup_queries"] <= 5
    assert list(tmp_path.iterdir()) == []
