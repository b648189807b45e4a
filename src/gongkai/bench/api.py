"""``api``: the records list page and one record through /api/v1/ on ``records`` published
records (100,000 by default), beside the same query through the ORM by hand, serialised to JSON
by hand, in the same run (issue 20, point 6: p95 ≤ 50 ms and ≤ 1.5× the hand query).

The benchmark runs in a child process against a fresh embedded database in a temporary directory
(migrated), so it never touches the platform's own data. It builds 50 units with a catalog column
each and ``records`` published records spread over ten years (every catalog field filled), then
requests through Django's test client, with the whole middleware stack and the API's rate limits
as configured by default:

- ``list``: the first page of ``/api/v1/records`` (20 records), and ``list_deep``: a page reached
  by cursor half-way through the catalog (cursor paging costs the same at any depth);
- ``detail``: ``/api/v1/records/{id}``;
- ``hand_list`` / ``hand_detail``: the same rows read with one ``values()`` query each and their
  columns with one more, turned into the same JSON with ``json.dumps`` — no HTTP, no schema.

Each API measure and its hand peer are timed in turns, ten calls of each at a time.

Fields (CONTRACTS.md section 5): ``records, list_p95_ms, detail_p95_ms, hand_list_p95_ms,
export_rows, export_s, export_peak_rss_mb``, with the p50s, ``hand_detail_p95_ms``,
``list_ratio`` and ``detail_ratio`` (API p95 over hand p95; ``*_ratio_p50`` the same of the
medians), ``list_queries``, ``build_s``,
``database``, ``cpu_count`` and ``python``. ``export_*``: the console's record list exported as
CSV by the office (every record, streamed), its time, the resident memory before it
(``export_rss_before_mb``) and the highest sampled while it streamed (``export_peak_rss_mb``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from typing import Any

from gongkai.bench.common import machine, p50, p95, timed_ms

UNITS = 50
FIELDS = ["id", "index_number", "title", "summary", "kind", "unit_id", "unit__key", "unit__name", "publisher",
          "doc_number", "written_on", "formed_on", "published_on", "effective_on", "expires_on", "repealed_on",
          "declared_validity", "status", "topic", "genre", "keywords", "disclosure", "audience",
          "superseded_by_id", "interprets_id", "updated_at"]


def _build(records: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from gongkai.orgs.models import Unit, UnitKind
    from gongkai.records.models import Column, Record

    now = timezone.now()
    first = date(2016, 1, 1)
    with transaction.atomic():
        units = Unit.objects.bulk_create(
            Unit(key=f"bench-{n}", name=f"示范市第{n}局", kind=UnitKind.DEPARTMENT, sort_order=n) for n in range(UNITS)
        )
        columns = Column.objects.bulk_create(Column(unit=unit, name="通知公告") for unit in units)
        through = Record.columns.through
        for start in range(0, records, 5000):
            batch = Record.objects.bulk_create([
                Record(
                    unit=units[n % UNITS], kind="normative" if n % 10 == 0 else "general",
                    title=f"示范市第{n % UNITS}局关于做好第{n}项政务公开工作的通知", summary="按照要求做好相关信息公开工作。" * 3,
                    publisher=f"示范市第{n % UNITS}局", doc_number=f"示{n % UNITS}〔{2016 + n % 10}〕{n}号",
                    written_on=first + timedelta(days=n % 3650), published_on=first + timedelta(days=n % 3650),
                    effective_on=first + timedelta(days=n % 3650), topic="综合政务", genre="通知", keywords="政务 公开",
                    status="published", index_number=f"BENCH-{n:07d}", body="<p>正文。</p>", body_text="正文。",
                    updated_at=now, published_at=now,
                )
                for n in range(start, min(records, start + 5000))
            ], batch_size=1000)
            through.objects.bulk_create(
                [through(record_id=record.pk, column_id=columns[record.unit_id % UNITS].pk) for record in batch],
                batch_size=2000,
            )


def _office_admin() -> Any:
    from gongkai.orgs.models import Unit, User, UserRole

    admin = User.objects.create_user("bench-admin", unit=Unit.objects.first(), full_name="公开办", is_staff=True)
    UserRole.objects.create(user=admin, role="office_admin")
    return admin


def _hand_list(cursor: tuple[date, int] | None = None) -> str:
    """The same page by hand: the listed records, newest first, 20 of them, with their columns."""
    from gongkai.records.models import Column, Record

    rows = Record.objects.filter(Record.listed_q())
    if cursor is not None:  # the rows after the cursor, as one index range (as the API reads them)
        rows = rows.filter(published_on__lte=cursor[0]).exclude(published_on=cursor[0], pk__gte=cursor[1])
    page = list(rows.order_by("-published_on", "-pk").values(*FIELDS)[:21])
    ids = [row["id"] for row in page[:20]]
    columns: dict[int, list[dict[str, Any]]] = {}
    for record_id, column_id, name in Column.objects.filter(records__in=ids).values_list("records", "pk", "name"):
        columns.setdefault(record_id, []).append({"id": column_id, "name": name, "path": name})
    for row in page[:20]:
        row["columns"] = columns.get(row["id"], [])
    return json.dumps({"items": page[:20]}, default=str, ensure_ascii=False)


def _hand_detail(pk: int) -> str:
    from gongkai.records.models import Attachment, Record

    row = Record.objects.filter(Record.public_q(), pk=pk).values(*FIELDS, "body", "body_text").get()
    row["columns"] = list(Record.columns.through.objects.filter(record_id=pk).values("column_id", "column__name"))
    row["attachments"] = list(Attachment.objects.filter(record_id=pk).values("name", "size"))
    row["interpretations"] = [  # as the API does: by the foreign key, listed or not by hand
        {"id": r["id"], "title": r["title"]}
        for r in Record.objects.filter(interprets_id=pk).values("id", "title", "status", "disclosure", "audience")
        if (r["status"], r["disclosure"], r["audience"]) == ("published", "proactive", "public")
    ]
    return json.dumps(row, default=str, ensure_ascii=False)


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _export(client: Any) -> dict[str, Any]:
    """The console's record list as CSV, every row, as the office downloads it: the rows counted
    from the streamed body, the resident memory sampled while it streams."""
    started, before = time.perf_counter(), _rss_mb()
    peak, rows, tail = before, 0, b""
    response = client.get("/console/records/?format=csv")
    if response.status_code != 200:
        raise RuntimeError(f"导出返回 {response.status_code}")
    for number, chunk in enumerate(response.streaming_content):
        rows += chunk.count(b"\n")
        tail = chunk[-200:]
        if number % 20 == 0:
            peak = max(peak, _rss_mb())
    if not tail.endswith(b"\r\n"):
        raise RuntimeError("导出未完整结束")
    return {"export_rows": rows - 1, "export_s": round(time.perf_counter() - started, 2),
            "export_rss_before_mb": round(before, 1), "export_peak_rss_mb": round(max(peak, _rss_mb()), 1)}


def _alternated(api: Any, hand: Any, requests: int, block: int = 10) -> tuple[list[float], list[float]]:
    """The API's and the hand path's timings taken in turns, ``block`` calls of each at a time,
    so that both meet the same moments of a shared machine (timed one after the other, a burst
    of other work during either skewed their ratio by half)."""
    api_ms: list[float] = []
    hand_ms: list[float] = []
    for start in range(0, requests, block):
        count = min(block, requests - start)
        api_ms += timed_ms(api, count)
        hand_ms += timed_ms(hand, count)
    return api_ms, hand_ms


def _queries(call: Any) -> int:
    from django.db import connection

    executed: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        call()
    return len(executed)


def _inner(records: int, requests: int) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from gongkai.records.models import Record

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    _build(records)
    build_s = time.perf_counter() - started
    client, office = Client(), Client()
    office.force_login(_office_admin())

    def get(url: str) -> Any:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} 返回 {response.status_code}: {response.content[:300]!r}")
        return response

    middle = Record.objects.order_by("-published_on", "-pk").values_list("published_on", "pk")[records // 2]
    from gongkai.api.paging import encode

    deep_url = f"/api/v1/records?cursor={encode([middle[0].isoformat(), middle[1]])}"
    detail_pk = middle[1]
    for url in ("/api/v1/records", deep_url, f"/api/v1/records/{detail_pk}"):
        get(url)  # warm-up
    _hand_list(), _hand_detail(detail_pk)
    list_ms, hand_list_ms = _alternated(lambda: get("/api/v1/records"), _hand_list, requests)
    deep_ms, hand_deep_ms = _alternated(lambda: get(deep_url), lambda: _hand_list(middle), requests)
    detail_ms, hand_detail_ms = _alternated(
        lambda: get(f"/api/v1/records/{detail_pk}"), lambda: _hand_detail(detail_pk), requests
    )
    return {
        "benchmark": "api", "records": records, "requests": requests,
        "list_p50_ms": p50(list_ms), "list_p95_ms": p95(list_ms),
        "list_deep_p50_ms": p50(deep_ms), "list_deep_p95_ms": p95(deep_ms),
        "detail_p50_ms": p50(detail_ms), "detail_p95_ms": p95(detail_ms),
        "hand_list_p50_ms": p50(hand_list_ms), "hand_list_p95_ms": p95(hand_list_ms),
        "hand_list_deep_p95_ms": p95(hand_deep_ms),
        "hand_detail_p50_ms": p50(hand_detail_ms), "hand_detail_p95_ms": p95(hand_detail_ms),
        "list_ratio": round(p95(list_ms) / p95(hand_list_ms), 2),
        "detail_ratio": round(p95(detail_ms) / p95(hand_detail_ms), 2),
        "list_ratio_p50": round(p50(list_ms) / p50(hand_list_ms), 2),
        "detail_ratio_p50": round(p50(detail_ms) / p50(hand_detail_ms), 2),
        "list_queries": _queries(lambda: get("/api/v1/records")),
        "hand_list_queries": _queries(_hand_list),
        **_export(office),
        "build_s": round(build_s, 2), "database": connection.vendor,
    }


def run(records: int = 100_000, requests: int = 200, database_url: str | None = None) -> dict[str, Any]:
    """One build and measurement in a child process (``database_url``: an empty database to use
    instead of a temporary SQLite file; it is migrated and written to)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-api-") as directory:
        env = {**os.environ, "GONGKAI_VAR_DIR": directory, "DJANGO_SETTINGS_MODULE": "gongkai.settings",
               "GONGKAI_ALLOWED_HOSTS": "testserver,localhost", "GONGKAI_DEBUG": "false",
               # one client makes every request: a limit per address would refuse most of them
               "GONGKAI_API_RATE_ADDRESS": str(10 * requests)}
        env.pop("GONGKAI_DATABASE_URL", None)
        database_url = database_url or os.environ.get("GONGKAI_BENCH_DATABASE_URL")
        if database_url:
            env["GONGKAI_DATABASE_URL"] = database_url
        command = [sys.executable, "-m", "gongkai.bench.api", "--inner", "--records", str(records),
                   "--requests", str(requests)]
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"api 基准运行失败：\n{completed.stderr[-4000:]}")
    return {**json.loads(completed.stdout.strip().splitlines()[-1]), **machine()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.bench.api", description="数据接口基准，输出 JSON。")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="输出 JSON（默认即为 JSON）")
    parser.add_argument("--database-url", help="使用的空数据库（默认临时 SQLite）")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        result = _inner(args.records, args.requests)
    else:
        result = run(args.records, args.requests, args.database_url)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
