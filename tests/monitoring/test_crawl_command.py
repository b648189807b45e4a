"""`gongkai monitor crawl URL --json` (CONTRACTS.md section 8) run as a script would run it, and a
crawl killed with SIGKILL half way then started again."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.monitoring.fixture_site import EXPECTED_FINDINGS, TIMEOUT, fixture_site, outbound_site
from tests.monitoring.sites import serving

ARGS = ["--timeout", str(TIMEOUT), "--today", "2024-06-30", "--exclude", "/search", "--json"]


def _command(url: str, *extra: str, var: Path) -> list[str]:
    return [sys.executable, "-m", "gongkai.cli", "monitor", "crawl", url, *ARGS, *extra]


def _env(var: Path) -> dict[str, str]:
    return {**os.environ, "GONGKAI_VAR_DIR": str(var)}


def _run(url: str, *extra: str, var: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(url, *extra, var=var), capture_output=True, text=True, timeout=120, env=_env(var))


def test_it_prints_the_contract_and_touches_no_database(tmp_path) -> None:
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as site:
        result = _run(site.url, "--rate", "0", var=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["site"] == site.url + "/"
    found = {(f["indicator"], f["veto"], urlsplit(f["evidence"].get("column") or f["evidence"].get("link")
                                                   or f["evidence"]["page"]).path) for f in answer["findings"]}
    assert found == EXPECTED_FINDINGS
    # no database opened, no state file left behind (the settings module makes its key and queue)
    assert not list(tmp_path.glob("gongkai.sqlite3*")) and not list(tmp_path.glob("crawl*"))


def test_it_refuses_what_is_not_a_site(tmp_path) -> None:
    result = _run("ftp://example", var=tmp_path)
    assert result.returncode == 2 and "http://" in result.stderr and "Traceback" not in result.stderr
    result = _run("http://127.0.0.1:9/", "--max-pages", "0", var=tmp_path)
    assert result.returncode == 2 and "页数" in result.stderr


def _fetched(state: Path) -> int:
    try:
        # read-only: opening the state file before the crawler made it must not create it (an empty
        # file of ours, open while the crawler switched it to WAL, kept its counts out of sight)
        with sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM page WHERE fetched = 1").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_crawl_killed_half_way_ends_with_the_same_findings(tmp_path) -> None:
    with serving(outbound_site()) as other, serving(fixture_site(other.url)) as site:
        whole = _run(site.url, "--rate", "0", var=tmp_path)
        assert whole.returncode == 0, whole.stderr
        site.hits.clear()

        state = tmp_path / "crawl.sqlite"
        # two pages a second: the whole crawl takes about ten, so a loaded machine (CI runs the
        # SQLite and PostgreSQL passes side by side) still sees it half way before it ends
        slow = subprocess.Popen(_command(site.url, "--rate", "2", "--concurrency", "1", "--state", str(state),
                                         var=tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path))
        deadline = time.monotonic() + 60
        while _fetched(state) < 6 and time.monotonic() < deadline and slow.poll() is None:
            time.sleep(0.05)
        assert slow.poll() is None, "the crawl ended before it could be killed"
        os.kill(slow.pid, signal.SIGKILL)
        slow.wait()
        stopped_at = _fetched(state)
        assert 6 <= stopped_at < 19

        resumed = _run(site.url, "--rate", "0", "--state", str(state), var=tmp_path)
        assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout) == json.loads(whole.stdout)
    assert site.hits["/"] == 1  # the home page, saved before the kill, was not fetched again
