"""``planboard``: the office dashboard and a unit's inbox of a large plan in motion (issue 7, item 9:
p95 ≤ 300 ms, and a query count that does not grow with the number of items).

The benchmark runs in a child process against a fresh embedded database in a temporary directory
(migrated), so it never touches the platform's own data. It builds ``units`` units and a
published plan of ``items`` quarterly items in ten sections, each item assigned to five units (the
first leads), with ``periods`` reporting periods in the current year, and reports by bulk insert
for about three in four slots already due (accepted, submitted, returned or draft; 已完成, 推进中,
未启动 or 无法按期完成). Then it requests the office dashboard (``plans:dashboard``) as the office
admin and the inbox (``plans:inbox``) as a clerk of one unit through Django's test client,
``repeat`` times each (``--requests``) after one warm-up, and counts the SQL queries of one request of each.

Fields (CONTRACTS.md section 5): ``units, items, periods, dashboard_p50_ms, dashboard_p95_ms,
inbox_p50_ms, inbox_p95_ms, dashboard_queries, inbox_queries``, with ``slots`` (assignment ×
period), ``reports``, ``build_s``, ``database``, ``cpu_count`` and ``python``.
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
from calendar import monthrange
from datetime import date
from typing import Any

from gongkai.bench.common import machine, p50, p95, timed_ms

UNITS_PER_ITEM = 5
SECTIONS = 10
STATES = [("accepted", 40), ("submitted", 30), ("returned", 10), ("draft", 20)]
STATUSES = [("done", 35), ("in_progress", 45), ("not_started", 10), ("delayed", 10)]


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([name for name, _ in choices], [weight for _, weight in choices])[0]


def _due_dates(year: int, periods: int) -> list[date]:
    """``periods`` period ends spread over the year (quarters for 4)."""
    months = [round(12 * (n + 1) / periods) for n in range(periods)]
    return [date(year, month, monthrange(year, month)[1]) for month in months]


def _build(units: int, items: int, periods: int, seed: int = 7) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone

    from gongkai.orgs.models import Unit, UnitKind, User, UserRole
    from gongkai.plans.models import (
        Assignment,
        Item,
        Period,
        Plan,
        PlanStatus,
        ProgressReport,
        Section,
    )

    rng = random.Random(seed)
    today = timezone.localdate()
    with transaction.atomic():
        office = Unit.objects.create(key="bench-office", name="示范市人民政府办公室", kind=UnitKind.DEPARTMENT)
        registry = Unit.objects.bulk_create(
            Unit(key=f"bench-{n}", name=f"示范市第{n}局", kind=UnitKind.DEPARTMENT, sort_order=n) for n in range(1, units + 1)
        )
        admin = User.objects.create_user("bench-admin", unit=office, full_name="公开办", is_staff=True)
        clerk = User.objects.create_user("bench-clerk", unit=registry[0], full_name="经办人", is_staff=True)
        UserRole.objects.bulk_create([UserRole(user=admin, role="office_admin"), UserRole(user=clerk, role="clerk")])
        plan = Plan.objects.create(title=f"示范市{today.year}年政务公开工作要点分工方案", year=today.year,
                                   issued_on=date(today.year, 1, 5), status=PlanStatus.PUBLISHED,
                                   published_at=timezone.now())
        sections = Section.objects.bulk_create(
            Section(plan=plan, title=f"第{n + 1}部分 推进重点领域信息公开", order=n) for n in range(SECTIONS)
        )
        item_rows = Item.objects.bulk_create(
            Item(plan=plan, section=sections[n % SECTIONS], order=n, number=str(n + 1), task=f"工作任务{n // 3 + 1}",
                 text=f"第{n + 1}项：推进有关领域政府信息公开，按季度报送进展情况。", recurrence="quarterly")
            for n in range(items)
        )
        dues = _due_dates(today.year, periods)
        period_rows = Period.objects.bulk_create(
            Period(item=item, seq=seq, due_on=due) for item in item_rows for seq, due in enumerate(dues, start=1)
        )
        assignments = Assignment.objects.bulk_create(
            Assignment(plan=plan, item=item, unit=unit, order=order, is_coordinator=order == 0,
                       role="lead" if order == 0 else "cooperating")
            for n, item in enumerate(item_rows)
            for order, unit in enumerate(registry[(n * 7 + k * 13) % units] for k in range(UNITS_PER_ITEM))
        )
        reports = _reports(rng, assignments, period_rows, periods, today)
        ProgressReport.objects.bulk_create(reports, batch_size=2000)
    return {"plan": plan.pk, "admin": admin, "clerk": clerk, "slots": len(assignments) * periods, "reports": len(reports)}


def _reports(rng: random.Random, assignments: list[Any], period_rows: list[Any], periods: int, today: date) -> list[Any]:
    from django.utils import timezone

    from gongkai.plans.models import ProgressReport

    by_item: dict[int, list[Any]] = {}
    for period in period_rows:
        by_item.setdefault(period.item_id, []).append(period)
    now = timezone.now()
    reports = []
    for assignment in assignments:
        for period in by_item[assignment.item_id]:
            if period.due_on > today or rng.random() > 0.75:
                continue
            status = _weighted(rng, STATUSES)
            state = _weighted(rng, STATES)
            reports.append(ProgressReport(
                assignment=assignment, period=period, unit_id=assignment.unit_id, status=status,
                reason="配套资金尚未到位" if status == "delayed" else "", text="已按计划推进，相关信息已在网站公开。",
                consolidated=assignment.is_coordinator, state=state, updated_at=now,
                submitted_at=now if state != "draft" else None,
            ))
    return reports


def _measure(client: Any, url: str, requests: int) -> tuple[list[float], int]:
    from django.db import connection

    response = client.get(url)  # warm-up: templates, session
    if response.status_code != 200:
        raise RuntimeError(f"{url} 返回 {response.status_code}")
    executed: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    # A wrapper, not CaptureQueriesContext: the connection is closed at the end of each request,
    # as in production, and the wrapper outlives that.
    with connection.execute_wrapper(count):
        client.get(url)
    return timed_ms(lambda: client.get(url), requests), len(executed)


def _inner(units: int, items: int, periods: int, requests: int) -> dict[str, Any]:
    """In the child process: set up Django on the temporary database, build, measure."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    built = _build(units, items, periods)
    build_s = time.perf_counter() - started
    office, unit = Client(), Client()
    office.force_login(built["admin"])
    unit.force_login(built["clerk"])
    dashboard, dashboard_queries = _measure(office, reverse("plans:dashboard", args=[built["plan"]]), requests)
    inbox, inbox_queries = _measure(unit, reverse("plans:inbox"), requests)
    return {
        "benchmark": "planboard", "units": units, "items": items, "periods": periods,
        "slots": built["slots"], "reports": built["reports"], "requests": requests,
        "dashboard_p50_ms": p50(dashboard), "dashboard_p95_ms": p95(dashboard),
        "inbox_p50_ms": p50(inbox), "inbox_p95_ms": p95(inbox),
        "dashboard_queries": dashboard_queries, "inbox_queries": inbox_queries,
        "build_s": round(build_s, 2), "database": connection.vendor,
    }


def run(units: int = 100, items: int = 500, periods: int = 4, repeat: int = 30,
        database_url: str | None = None) -> dict[str, Any]:
    """One build and measurement in a child process (``database_url``: an empty database to use
    instead of a temporary SQLite file; it is migrated and written to)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-planboard-") as directory:
        env = {**os.environ, "GONGKAI_VAR_DIR": directory, "DJANGO_SETTINGS_MODULE": "gongkai.settings",
               "GONGKAI_ALLOWED_HOSTS": "testserver,localhost", "GONGKAI_DEBUG": "false"}
        env.pop("GONGKAI_DATABASE_URL", None)
        database_url = database_url or os.environ.get("GONGKAI_BENCH_DATABASE_URL")
        if database_url:
            env["GONGKAI_DATABASE_URL"] = database_url
        command = [sys.executable, "-m", "gongkai.bench.planboard", "--inner", "--units", str(units),
                   "--items", str(items), "--periods", str(periods), "--requests", str(repeat)]
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"planboard 基准运行失败：\n{completed.stderr[-4000:]}")
    return {**json.loads(completed.stdout.strip().splitlines()[-1]), **machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench.planboard", description="督查统计与分工任务页面基准，输出 JSON。")
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--periods", type=int, default=4)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    parser.add_argument("--database-url", help="使用的空数据库（默认临时 SQLite）")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        result = _inner(args.units, args.items, args.periods, args.requests)
    else:
        result = run(args.units, args.items, args.periods, args.requests, args.database_url)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
