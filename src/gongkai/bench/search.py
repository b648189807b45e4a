"""Search at scale, against the engines themselves (CONTRACTS.md section 5, issue: search).

``python -m gongkai.bench search --records N [--database-url URL] --json`` generates a
deterministic corpus (titles 15–40 characters, bodies 300–3,000, vocabulary from the seed notices
and the unit registry, a few Latin tokens, rare terms), indexes it through the app's own write
path into a fresh database, and times per query, in the same run:
- ours: ``gongkai.search.api.search`` (the path the search page takes), default order;
- raw engine: the same query plan issued by hand on a bare DB-API cursor;
- exact bm25 top-20 on the engine (what most systems run);
- naive: Django ``icontains`` over title and body with a count (what small sites do);
plus relevance order on request (p95 and its top-20 overlap with exact bm25), how far the default
order's ranking (at most CAP matches) is from exact bm25, recall of the engine's match set against
a substring scan, the build time (``gongkai search reindex``'s bulk path), the index size and peak
memory.
"""

from __future__ import annotations

import os
import random
import re
import resource
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from gongkai.bench.common import machine, p50, p95
from gongkai.console.seeds import SEEDS

UNITS = Path(__file__).resolve().parents[1] / "orgs" / "data" / "demo_units.json"
LATIN = ["PPP", "IPv6", "2019", "5G", "GDP", "APP", "PM2.5", "12345", "2020", "QQ", "WiFi", "CPI"]
RARE = ["鼠疫", "蝗灾", "冰雹", "青龙湖湿地公园", "石门村", "生猪调出大县", "犬只管理"]
DOC_TYPES = ["通知", "意见", "办法", "方案", "通报", "决定", "公告", "批复", "规定", "报告"]
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("common word", "工作", {}), ("common word", "管理", {}), ("common word", "公开", {}),
    ("common word", "建设", {}),
    ("rare word", "鼠疫", {}), ("rare word", "冰雹", {}), ("rare word", "蝗灾", {}),
    ("two words", "政务公开 年度报告", {}), ("two words", "扶贫 资金", {}),
    ("two words", "住房 保障", {}), ("two words", "行政许可 双随机", {}), ("two words", "信息公开 解读", {}),
    ("phrase", '"政务公开"', {}), ("phrase", '"工作要点"', {}), ("phrase", '"政策解读"', {}),
    ("phrase", '"责任单位"', {}),
    ("very common pair", "工作 管理", {}), ("very common pair", "加强 推进", {}),
    ("rare term", "青龙湖湿地公园", {}), ("rare term", "石门村", {}), ("rare term", "生猪调出大县", {}),
    ("rare term", "犬只管理", {}),
    ("latin", "PPP", {}), ("latin", "IPv6", {}), ("latin", "2019", {}), ("latin", "PPP 项目", {}),
    ("filter", "公开", {"unit_id": 3}), ("filter", "工作", {"year": 2019}),
    ("filter", "政务公开 -年度报告", {"unit_id": 5, "year": 2020}),
    ("page 50", "工作", {"page": 50}), ("page 50", "公开", {"page": 50}),
]


def vocabulary() -> tuple[list[str], list[float]]:
    """Phrases of the seed notices (2–4 character pieces of their runs) and unit names, with
    Zipf-like weights by frequency, plus the Latin tokens."""
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    counts: Counter[str] = Counter()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        for size in (2, 3, 4):
            counts.update(run[i : i + size] for i in range(0, len(run) - size + 1, size))
    words = [word for word, count in counts.most_common(1200) if count >= 2]
    import json

    units = [unit["name"] for unit in json.loads(UNITS.read_text(encoding="utf-8"))["units"]][:60]
    words += units + LATIN
    weights = [1 / (rank + 2.7) for rank in range(len(words))]
    return words, weights


class Corpus:
    def __init__(self, records: int, seed: int = 20261122) -> None:
        self.records, self.seed = records, seed
        self.words, weights = vocabulary()
        self.cumulative = list(__import__("itertools").accumulate(weights))
        self.punctuation = ["，", "。", "、", "；", "："]

    def documents(self) -> Any:
        from gongkai.search.documents import SearchDocument

        rng = random.Random(self.seed)
        start = date(2008, 1, 1)
        span = (date(2026, 11, 22) - start).days
        for number in range(self.records):
            yield SearchDocument(
                key=f"bench.doc:{number}", title=self._title(rng), body=self._body(rng),
                url=f"/records/{number}/", published_on=start + timedelta(days=span * number // self.records),
                unit_id=rng.randint(1, 60), column_ids=(rng.randint(1, 30),),
                topic=rng.choice(["综合政务", "财政、金融、审计", "城乡建设、环境保护", "劳动、人事"]),
                validity=rng.choice(["有效", "有效", "有效", "废止"]),
            )

    def _title(self, rng: random.Random) -> str:
        middle = "".join(rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(3, 8)))
        title = f"{rng.choice(self.words[-72:-12])}关于{middle}的{rng.choice(DOC_TYPES)}"
        return title[:40] if len(title) >= 15 else title + "工作安排"

    def _body(self, rng: random.Random) -> str:
        length = int(min(3000, max(300, rng.lognormvariate(6.62, 0.6))))
        words = rng.choices(self.words, cum_weights=self.cumulative, k=length // 2)
        for index in range(len(words)):
            roll = rng.random()
            if roll < 0.13:
                words[index] = rng.choice(self.punctuation)
            elif roll < 0.1302:
                words[index] = rng.choice(RARE)
        return "".join(words)[:length]


def run(records: int = 10_000, database_url: str | None = None, runs: int = 5, pg_scheme: str | None = None,
        reuse: bool = False, build_only: bool = False) -> dict[str, Any]:
    """``pg_scheme`` "grams" takes the PostgreSQL index back to migration 0004's (``None``: what the
    migrations chose); ``reuse`` measures a database that already holds this corpus without
    building it again (a million records take most of an hour to build); ``build_only`` builds
    and reports the build and the index's size, without the queries (their peers take hours at
    a million records)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-search-") as directory:  # 9 GB at 1,000,000
        try:
            return _run(records, database_url, runs, Path(directory), pg_scheme, reuse, build_only)
        finally:
            from django.db import connections

            connections.close_all()


def _run(records: int, database_url: str | None, runs: int, workdir: Path, pg_scheme: str | None = None,
         reuse: bool = False, build_only: bool = False) -> dict[str, Any]:
    os.environ["GONGKAI_VAR_DIR"] = str(workdir)
    os.environ["GONGKAI_DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    if pg_scheme:
        os.environ["GONGKAI_SEARCH_PG_INDEX"] = pg_scheme
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    scheme = _choose_scheme(pg_scheme)
    corpus = Corpus(records)
    began = time.perf_counter()
    documents = list(corpus.documents())
    generate_s = time.perf_counter() - began
    from gongkai.search.models import SearchEntry

    held = SearchEntry.objects.count()
    if reuse and held not in (0, records):
        raise RuntimeError(f"数据库已有 {held} 条检索条目，不是 {records} 条的语料")
    build_s = None if reuse and held == records else round(_build(documents), 1)
    result = {"benchmark": "search", **machine(), "records": records, "build_s": build_s,
              "generate_s": round(generate_s, 1), "pg_scheme": scheme}
    if not build_only:
        result.update(_measure(corpus, documents, runs))
    result["index_bytes"] = _index_bytes()
    result["text_bytes"] = _text_bytes()
    result["index_ratio"] = round(result["index_bytes"] / max(1, result["text_bytes"]), 2)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def _choose_scheme(wanted: str | None) -> str:
    """The PostgreSQL index to measure ("" on SQLite): "grams" migrates the search app back to 0004."""
    from django.db import connection

    from gongkai.search.backends import pg_scheme

    if connection.vendor != "postgresql":
        return ""
    if wanted == "grams" and pg_scheme() == "rum":
        from django.core.management import call_command

        call_command("migrate", "search", "0004_pg_grams", verbosity=0)
    if wanted == "rum" and pg_scheme() != "rum":
        raise RuntimeError("此 PostgreSQL 没有 rum 扩展（apt-get install postgresql-15-rum）")
    return pg_scheme()


def _build(documents: list[Any], batch: int = 2000) -> float:
    """Through the app's bulk path: ``gongkai search reindex`` with the corpus as a provider."""
    from django.db import connection

    from gongkai.search import api

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # a throwaway database: durability is not needed
            cursor.execute("PRAGMA synchronous=OFF")
    api.register_provider("bench", lambda: iter(documents))
    started = time.perf_counter()
    api.reindex(batch=batch)
    return time.perf_counter() - started


def _timed(call: Any, runs: int) -> list[float]:
    call()  # warm-up
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        call()
        samples.append((time.perf_counter() - begin) * 1000)
    return samples


def _measure(corpus: Corpus, documents: list[Any], runs: int) -> dict[str, Any]:
    from gongkai.rules import bigrams
    from gongkai.search import api
    from gongkai.search.backends import Filters, Order

    ours: list[float] = []
    raw: list[float] = []
    exact: list[float] = []
    relevance: list[float] = []
    naive: list[float] = []
    overlaps: list[float] = []
    ranked_overlaps: list[float] = []  # the default order where it ranks (at most CAP matches)
    per_query = []
    for kind, text, options in QUERIES:
        page = options.get("page", 1)
        filters = Filters(**{k: v for k, v in options.items() if k != "page"})
        query = bigrams.parse_query(text)
        mine = _timed(partial(api.search, text, filters, Order.DEFAULT, page=page), runs)
        hand = _timed(partial(_raw_plan, query, filters, page), runs)
        best = _timed(partial(_exact_bm25, query, filters), 1 if corpus.records > 200_000 else runs)
        asked = _timed(partial(api.search, text, filters, Order.RELEVANCE), runs)
        lazy = _timed(partial(_naive, query, filters), 1 if corpus.records > 200_000 else min(runs, 2))
        overlap = _overlap(api.search(text, filters, Order.RELEVANCE), _exact_bm25(query, filters))
        ours += mine
        raw += hand
        exact += best
        relevance += asked
        naive += lazy
        overlaps.append(overlap)
        found = api.search(text, filters)
        if not found.capped and found.total:
            ranked_overlaps.append(_overlap(found, _exact_bm25(query, filters)))
        per_query.append({"kind": kind, "query": text, **options, "hits": found.total, "capped": found.capped,
                          "ranked_by": found.ranked_by, "p50_ms": p50(mine), "raw_p50_ms": p50(hand),
                          "exact_bm25_p50_ms": p50(best), "relevance_p50_ms": p50(asked),
                          "naive_ms": p50(lazy), "overlap_at20": round(overlap, 2)})
    return {
        "backend": _vendor(), "queries": len(QUERIES), "p50_ms": p50(ours), "p95_ms": p95(ours),
        "raw_engine_p50_ms": p50(raw), "raw_engine_p95_ms": p95(raw),
        "exact_bm25_p50_ms": p50(exact), "exact_bm25_p95_ms": p95(exact),
        "relevance_p95_ms": p95(relevance), "relevance_overlap_at20": round(sum(overlaps) / len(overlaps), 3),
        "ranked_overlap_at20": round(sum(ranked_overlaps) / max(1, len(ranked_overlaps)), 3),
        "naive_like_p50_ms": p50(naive), "speedup_vs_naive_p50": round(p50(naive) / max(p50(ours), 1e-6), 1),
        "overhead_vs_raw_p50": round(p50(ours) / max(p50(raw), 1e-6), 2),
        "recall": _recall(documents), "per_query": per_query,
    }


def _vendor() -> str:
    from django.db import connection

    return "postgresql" if connection.vendor == "postgresql" else "sqlite-fts5"


def _raw_plan(query: Any, filters: Any, page: int) -> list[int]:
    """The same statements as the app's plan, written by hand on the DB-API cursor, down to the
    columns of the hits (``bigrams.rank`` is the plan's ranking, so it is called here too); what
    the app adds is the parsing, the snippets and its own Python."""
    from django.db import connection

    from gongkai.rules import bigrams
    from gongkai.search.api import HIT_COLUMNS
    from gongkai.search.backends import CAP, PostgresBackend

    offset = (page - 1) * 20
    raw = connection.connection
    if connection.vendor == "sqlite":
        cursor = raw.cursor()
        match = bigrams.fts5_match(query, filters.tokens())
        newest = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?"
        found = [row[0] for row in cursor.execute(newest, (match, CAP + 1, 0))]
        if len(found) > CAP:
            ids = found[offset : offset + 20]
        else:
            marks = ",".join("?" * len(found))
            rows = cursor.execute(f"SELECT fts_rowid, title, body FROM search_searchentry WHERE fts_rowid IN ({marks})", found)
            ids = bigrams.rank(rows.fetchall(), query)[offset : offset + 20]
        marks = ",".join("?" * len(ids)) or "NULL"
        cursor.execute(f"SELECT {HIT_COLUMNS} FROM search_searchentry WHERE fts_rowid IN ({marks})", ids).fetchall()
        return ids
    engine = PostgresBackend()
    with raw.transaction(), raw.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        if engine.newest_first:  # RUM: its choice of statements is the backend's own (walk, rare token, index)
            found = engine.matches(query, filters, CAP + 1)
        else:
            select, params = engine.select(query, filters)
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute(f"{select} LIMIT %s", [*params, CAP + 1])
            found = [row[0] for row in cursor.fetchall()]
            cursor.execute("SET LOCAL enable_indexscan = on")
        if len(found) > CAP and engine.newest_first:
            ids = found[offset : offset + 20]
        elif len(found) > CAP:
            newest, newest_params = PostgresBackend().select(query, filters, newest=offset + 20)
            cursor.execute(f"SELECT fts_rowid FROM ({newest}) AS found ORDER BY fts_rowid DESC LIMIT 20 OFFSET %s",
                           [*newest_params, offset])
            ids = [row[0] for row in cursor.fetchall()]
        else:
            cursor.execute("SELECT fts_rowid, title, body FROM search_searchentry WHERE fts_rowid = ANY(%s)", [found])
            ids = bigrams.rank(cursor.fetchall(), query)[offset : offset + 20]
        cursor.execute(f"SELECT {HIT_COLUMNS} FROM search_searchentry WHERE fts_rowid = ANY(%s)", [ids])
        cursor.fetchall()
    return ids


def _exact_bm25(query: Any, filters: Any) -> list[int]:
    from django.db import connection

    from gongkai.rules import bigrams
    from gongkai.search.backends import PostgresBackend

    cursor = connection.connection.cursor()
    if connection.vendor == "sqlite":
        cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 3.0, 1.0, 0.0) "
                       "LIMIT 20", (bigrams.fts5_match(query, filters.tokens()),))
    else:
        select, params = PostgresBackend().select(query, filters, "fts_rowid, tokens")
        cursor.execute(f"SELECT fts_rowid FROM ({select}) found ORDER BY "
                       "ts_rank('{0.1, 0.2, 0.4, 1.0}', tokens, %s::tsquery, 1) DESC LIMIT 20",
                       [*params, bigrams.tsquery(query)])
    return [row[0] for row in cursor.fetchall()]


def _naive(query: Any, filters: Any) -> int:
    from django.db.models import Q

    from gongkai.search.models import SearchEntry

    rows = SearchEntry.objects.all()
    for term in query.required:
        for piece in term.pieces:
            rows = rows.filter(Q(title__icontains=piece) | Q(body__icontains=piece))
    for term in query.excluded:
        for piece in term.pieces:
            rows = rows.exclude(Q(title__icontains=piece) | Q(body__icontains=piece))
    if filters.unit_id is not None:
        rows = rows.filter(unit_id=filters.unit_id)
    if filters.year is not None:
        rows = rows.filter(published_on__year=filters.year)
    list(rows.order_by("-published_on").values_list("id", flat=True)[:20])
    return rows.count()


def _overlap(results: Any, exact_ids: list[int]) -> float:
    from gongkai.search.models import SearchEntry

    urls = {hit.url for hit in results.hits}
    mine = set(SearchEntry.objects.filter(url__in=urls).values_list("fts_rowid", flat=True))
    return len(mine & set(exact_ids)) / max(1, min(20, len(exact_ids)))


def _recall(documents: list[Any]) -> float:
    """Every document containing the query (substring scan of the corpus) is in the engine's
    match set, for the recall queries (no filters)."""
    from django.db import connection

    from gongkai.rules import bigrams
    from gongkai.search.backends import Filters, PostgresBackend

    checks = [text for kind, text, options in QUERIES if not options]
    truth: dict[str, set[int]] = {text: set() for text in checks}
    parsed = {text: bigrams.parse_query(text) for text in checks}
    keys = {}
    for number, document in enumerate(documents):
        haystack = (document.title + "\n" + document.body).lower()
        for text, query in parsed.items():
            if all(all(p in haystack for p in t.pieces) for t in query.required) and not any(
                all(p in haystack for p in t.pieces) for t in query.excluded
            ):
                truth[text].add(number)
        keys[number] = document.key
    from gongkai.search.models import SearchEntry

    rowid_of = dict(SearchEntry.objects.values_list("key", "fts_rowid"))
    found = missed = 0
    cursor = connection.connection.cursor()
    for text, query in parsed.items():
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (bigrams.fts5_match(query),))
        else:
            select, params = PostgresBackend().select(query, Filters())
            cursor.execute("SET enable_seqscan = off")  # the index's answer, not a scan's
            cursor.execute(select, params)
        engine = {row[0] for row in cursor.fetchall()}
        if connection.vendor == "postgresql":
            cursor.execute("RESET enable_seqscan")
        expected = {rowid_of[keys[number]] for number in truth[text]}
        found += len(expected & engine)
        missed += len(expected - engine)
    return round(found / max(1, found + missed), 6)


def _index_bytes() -> int:
    """What the full-text index takes: FTS5's table; on PostgreSQL the scheme's indexes and the
    tsvector columns (which hold nothing else)."""
    from django.db import connection

    from gongkai.search.backends import RUM_INDEX, pg_scheme

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search_fts%'")
        elif pg_scheme() == "rum":
            cursor.execute(f"SELECT pg_relation_size('{RUM_INDEX}') + pg_relation_size('search_entry_title') "
                           "+ (SELECT coalesce(sum(pg_column_size(tokens) + pg_column_size(title_tokens)), 0) "
                           "FROM search_searchentry)")
        else:
            cursor.execute("SELECT pg_relation_size('search_entry_tokens') + pg_relation_size('search_entry_grams') "
                           "+ pg_relation_size('search_entry_title') + (SELECT coalesce(sum(pg_column_size(tokens) "
                           "+ pg_column_size(grams) + pg_column_size(title_tokens)), 0) FROM search_searchentry)")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _text_bytes() -> int:
    """The text as the database stores it, the measure of the index's size: PostgreSQL keeps it
    compressed (``pg_column_size``), SQLite as it is."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT coalesce(sum(pg_column_size(title) + pg_column_size(body)), 0) FROM search_searchentry")
        else:
            cursor.execute("SELECT coalesce(sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))), 0) "
                           "FROM search_searchentry")
        row = cursor.fetchone()
    return int(row[0]) if row else 0
