"""``annualreport``: computing one unit's annual report and the whole government's roll-up from a
year of disclosure requests (issue 16, item 6: one unit ≤ 200 ms, the roll-up ≤ 2 s, and a query
count that does not grow with the number of requests).

The benchmark runs in a child process against a fresh embedded database in a temporary directory
(migrated), so it never touches the platform's own data. It builds a government with ``units``
departments under it and ``requests`` requests of last year spread over them by bulk insert: every
applicant kind, every outcome, one in twelve carried in from the year before, one in twenty still
open on 31 December, the 视为放弃 ones closed by their event. It then computes the report
(``reports.counting.compute_tables``) of one unit and of the government as a whole, ``repeat``
times each after one warm-up, and counts the SQL queries of one computation of each.

Fields (CONTRACTS.md section 5): ``requests, units, unit_p50_ms, unit_p95_ms, rollup_p50_ms,
rollup_p95_ms, unit_queries, rollup_queries``, with ``build_s``, ``database``, ``cpu_count`` and
``python``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from typing import Any

from gongkai.bench.common import machine, p50, p95, timed_ms


def _build(units: int, requests: int, year: int, seed: int = 16) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone

    from gongkai.foi.models import EventKind, Request, RequestEvent, Status
    from gongkai.orgs.models import Unit, UnitKind
    from gongkai.rules.foioutcomes import ApplicantKind, Outcome

    rng = random.Random(seed)
    kinds, outcomes = list(ApplicantKind), list(Outcome)
    abandoning = {Outcome.OTHER_NOT_AMENDED, Outcome.OTHER_FEE_UNPAID}
    with transaction.atomic():
        government = Unit.objects.create(key="bench-gov", name="示范市人民政府", kind=UnitKind.CITY_GOV)
        departments = Unit.objects.bulk_create(
            Unit(key=f"bench-{n}", name=f"示范市第{n}局", kind=UnitKind.DEPARTMENT, parent=government, sort_order=n)
            for n in range(1, units + 1)
        )
        rows, abandoned = [], []
        for n in range(requests):
            carried_in = rng.random() < 1 / 12
            received = date(year - (1 if carried_in else 0), 1, 1) + timedelta(days=rng.randrange(365))
            if carried_in:
                received = date(year - 1, 12, 1) + timedelta(days=rng.randrange(31))
            outcome = rng.choice(outcomes)
            open_at_end = rng.random() < 0.05
            closed = received + timedelta(days=rng.randrange(10, 40))
            closed_in_year = not open_at_end and closed.year == year
            request = Request(
                tracking_code=f"B{n:011d}", unit=departments[n % units], channel="online",
                applicant_kind=rng.choice(kinds).value, applicant_name=f"申请人{n}",
                description="申请公开的信息", form_wanted="electronic", delivery="online",
                submitted_at=timezone.make_aware(datetime.combine(received, datetime.min.time())),
                arrived_on=received, received_on=received,
                status=Status.PROCESSING, outcome="",
            )  # fmt: skip
            if closed_in_year and outcome in abandoning:
                request.status, request.outcome = Status.ABANDONED, outcome.value
                abandoned.append((request, closed))
            elif closed_in_year:
                request.status, request.outcome, request.replied_on = Status.REPLIED, outcome.value, closed
            rows.append(request)
        Request.objects.bulk_create(rows, batch_size=2000)
        RequestEvent.objects.bulk_create(
            (RequestEvent(request=request, kind=EventKind.ABANDONED, on=day) for request, day in abandoned),
            batch_size=2000,
        )
    return {"government": government, "unit": departments[0]}


def _measure(compute: Any, repeat: int) -> tuple[list[float], int]:
    from django.db import connection

    compute()  # warm-up
    executed: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        compute()
    return timed_ms(compute, repeat), len(executed)


def _inner(units: int, requests: int, repeat: int) -> dict[str, Any]:
    """In the child process: set up Django on the temporary database, build, measure."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gongkai.reports.counting import compute_tables

    call_command("migrate", verbosity=0, interactive=False)
    year = date.today().year - 1
    started = time.perf_counter()
    built = _build(units, requests, year)
    build_s = time.perf_counter() - started
    unit, rollup = built["unit"], built["government"]
    unit_ms, unit_queries = _measure(lambda: compute_tables(unit, year), repeat)
    rollup_ms, rollup_queries = _measure(lambda: compute_tables(rollup, year, whole=True), repeat)
    return {
        "benchmark": "annualreport", "requests": requests, "units": units, "year": year,
        "unit_p50_ms": p50(unit_ms), "unit_p95_ms": p95(unit_ms),
        "rollup_p50_ms": p50(rollup_ms), "rollup_p95_ms": p95(rollup_ms),
        "unit_queries": unit_queries, "rollup_queries": rollup_queries,
        "build_s": round(build_s, 2), "database": connection.vendor,
    }  # fmt: skip


def run(units: int = 100, requests: int = 100_000, repeat: int = 10,
        database_url: str | None = None) -> dict[str, Any]:
    """One build and measurement in a child process (``database_url``: an empty database to use
    instead of a temporary SQLite file; it is migrated and written to)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-annualreport-") as directory:
        env = {**os.environ, "GONGKAI_VAR_DIR": directory, "DJANGO_SETTINGS_MODULE": "gongkai.settings",
               "GONGKAI_DEBUG": "false"}  # fmt: skip
        env.pop("GONGKAI_DATABASE_URL", None)
        database_url = database_url or os.environ.get("GONGKAI_BENCH_DATABASE_URL")
        if database_url:
            env["GONGKAI_DATABASE_URL"] = database_url
        command = [sys.executable, "-m", "gongkai.bench.annualreport", "--inner", "--units", str(units),
                   "--requests", str(requests), "--repeat", str(repeat)]  # fmt: skip
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"annualreport 基准运行失败：\n{completed.stderr[-4000:]}")
    return {**json.loads(completed.stdout.strip().splitlines()[-1]), **machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench.annualreport", description="年度报告统计基准，输出 JSON。")
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    parser.add_argument("--database-url", help="使用的空数据库（默认临时 SQLite）")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        result = _inner(args.units, args.requests, args.repeat)
    else:
        result = run(args.units, args.requests, args.repeat, args.database_url)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
