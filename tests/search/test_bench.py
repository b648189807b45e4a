"""`python -m gongkai.bench search` prints the JSON that CONTRACTS.md section 5 lists, with every
query of the fixed set measured, exact recall, and nothing left behind in the temporary directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

CONTRACT = {
    "records", "backend", "queries", "p50_ms", "p95_ms", "raw_engine_p50_ms", "raw_engine_p95_ms",
    "exact_bm25_p50_ms", "exact_bm25_p95_ms", "relevance_p95_ms", "relevance_overlap_at20",
    "naive_like_p50_ms", "recall", "build_s", "index_bytes", "peak_rss_mb",
}


def test_the_search_benchmark_reports_the_contract_fields_and_cleans_up(tmp_path):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("GONGKAI_", "DJANGO_"))}
    environment["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.bench", "search", "--records", "400", "--json"],
        capture_output=True, text=True, timeout=300, env=environment, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report.keys() >= CONTRACT
    assert report["records"] == 400 and report["backend"] == "sqlite-fts5"
    assert report["queries"] == len(report["per_query"]) >= 30
    assert report["recall"] == 1.0
    assert report["index_bytes"] > 0 and 0 <= report["relevance_overlap_at20"] <= 1
    kinds = {query["kind"] for query in report["per_query"]}
    assert {"common word", "rare word", "two words", "phrase", "filter", "page 50", "latin"} <= kinds
    assert list(tmp_path.iterdir()) == []


def test_a_build_only_run_reports_the_build_and_the_index_without_the_queries(tmp_path):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("GONGKAI_", "DJANGO_"))}
    environment["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.bench", "search", "--records", "300", "--build-only", "--json"],
        capture_output=True, text=True, timeout=300, env=environment, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["records"] == 300 and report["build_s"] >= 0 and report["index_bytes"] > 0
    assert report["index_ratio"] > 0 and "p95_ms" not in report and "per_query" not in report
    assert list(tmp_path.iterdir()) == []
