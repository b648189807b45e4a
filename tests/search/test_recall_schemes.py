"""Exact recall and newest-first order against a brute-force scan, for each index the database may
hold: FTS5 on SQLite; on PostgreSQL the RUM index (migration 0005) and the grams that stay where
the rum extension is missing (migration 0004, reached here by migrating back inside the test's
transaction). Phrases of common bigrams (the shape that made the grams necessary), Latin terms,
filters, exclusions, and a capped newest-first page."""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from gongkai.rules.bigrams import normalize, parse_query
from gongkai.search import backends
from gongkai.search.api import index_documents, search
from gongkai.search.backends import Filters, Order, backend, forget_scheme
from gongkai.search.documents import SearchDocument

pytestmark = pytest.mark.django_db

# Common bigrams that make rare phrases: 工作, 作要, 要点 are everywhere, 工作要点 is not.
PIECES = ["工作", "要点", "作要", "工作要求", "重点", "政务", "公开", "政务公开", "年度", "报告", "年度报告",
          "责任", "单位", "责任单位", "IPv6", "PPP", "2019", "项目", "。", "，", "的", "工作要点", "5G网络", "冰雹灾害"]
QUERIES = ['"工作要点"', "工作要点", "政务公开 年度报告", "责任单位", "工作 -要点", "作要", "ipv6", "ppp 项目",
           "2019", "5g网", "g网络", "点重", "工作要点 -ipv6", "冰雹 工作", '"工作冰雹"', "灾害 -政务公开"]


def documents(count: int = 300) -> list[SearchDocument]:
    rng = random.Random(22)
    weights = [8, 6, 3, 2, 4, 5, 5, 1, 3, 3, 1, 2, 3, 1, 1, 1, 1, 2, 6, 6, 4, 0.3, 0.5, 0.02]
    found = []
    for number in range(count):
        title = "".join(rng.choices(PIECES, weights, k=rng.randint(3, 7)))
        body = "".join(rng.choices(PIECES, weights, k=rng.randint(30, 200)))
        found.append(SearchDocument(
            f"t:{number}", title, body, f"/d/{number}/", date(2015, 1, 1) + timedelta(days=rng.randrange(4000)),
            unit_id=rng.choice([1, 2]), column_ids=(rng.choice([5, 6]),),
        ))
    return found


@pytest.fixture(params=["rum", "grams"] if connection.vendor == "postgresql" else ["fts5"])
def scheme(request):
    """The index to search: on PostgreSQL "grams" migrates the search app back to 0004 inside the
    test's transaction, which undoes it."""
    if request.param == "grams":
        executor = MigrationExecutor(connection)
        executor.migrate([("search", "0004_pg_grams")])
    elif request.param == "rum" and backends.pg_scheme() != "rum":
        pytest.skip("this PostgreSQL has no rum extension")
    yield request.param
    forget_scheme()


def brute_force(corpus: list[SearchDocument], text: str, **filters: int) -> list[str]:
    """Keys of the documents containing every required term and no excluded one, newest first
    (rowids follow the order of indexing within a day, as the index assigns them)."""
    query = parse_query(text)

    def contains(document: SearchDocument, term: object) -> bool:
        return term.text in normalize(document.title + "\n" + document.body)  # type: ignore[attr-defined]

    found = [
        (document.published_on, number, document.key) for number, document in enumerate(corpus)
        if all(contains(document, t) for t in query.required) and not any(contains(document, t) for t in query.excluded)
        and all(getattr(document, name) == value for name, value in filters.items() if name != "column_id")
        and ("column_id" not in filters or filters["column_id"] in document.column_ids)
    ]
    return [key for _, _, key in sorted(found, reverse=True)]


def keys(results) -> list[str]:
    return [f"t:{hit.url.split('/')[2]}" for hit in results.hits]


def analyze() -> None:
    """Statistics for the RUM plan's choice (walk, rare token, whole query); without them it
    takes the whole query through the index."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        backends._statistics.clear()


def test_it_finds_exactly_what_a_scan_finds_newest_first(scheme):
    corpus = documents()
    with transaction.atomic():
        index_documents(corpus)
    assert backend().__class__.__name__ != "PostgresBackend" or backend().scheme == scheme
    for statistics in (False, True):
        if statistics:
            analyze()
            if scheme == "rum":  # and 冰雹 工作 to the rows of its rare token
                frequencies = backends._frequencies()[0]
                assert frequencies.get("冰雹", 0.0) < backends.RARE_SHARE < frequencies["工作"]
        for text in QUERIES:
            expected = brute_force(corpus, text)
            found = search(text, Filters(), Order.NEWEST, per_page=500)
            assert (found.total, keys(found)) == (len(expected), expected), (text, statistics)
            filtered = search(text, Filters(unit_id=2, column_id=6), Order.NEWEST, per_page=500)
            assert keys(filtered) == brute_force(corpus, text, unit_id=2, column_id=6), (text, statistics)
    backends._statistics.clear()


def test_a_capped_page_is_the_newest_of_all_matches(scheme, monkeypatch):
    monkeypatch.setattr(backends, "CAP", 40)
    corpus = documents()
    with transaction.atomic():
        index_documents(corpus)
    analyze()
    if scheme == "rum":  # the statistics send 工作 on a walk
        assert backends._walk_rows(parse_query("工作"), backends._frequencies()[0], 41) > 0
    for text in ("工作", "政务公开", "工作要点", "5g网", "公开 -ipv6"):
        expected = brute_force(corpus, text)
        assert len(expected) > 40, text
        first, second = search(text, page=1, per_page=10), search(text, page=2, per_page=10)
        assert first.capped and first.ranked_by == "newest"
        assert keys(first) + keys(second) == expected[:20], text
    backends._statistics.clear()


@pytest.mark.parametrize("floor", [0.2, 1.0, 4.0])
def test_a_token_below_the_statistics_floor_is_read_slice_by_slice_and_finds_the_same(scheme, monkeypatch, floor):
    """'pp' of PPP is not among the common lexemes the statistics list, yet may be in one record
    of ten: its rows are read newest slice first (the first slice enough, a second one, or the
    rest at once), and the page is the one a scan gives."""
    if scheme != "rum":
        pytest.skip("the slices are the RUM plan's")
    monkeypatch.setattr(backends, "CAP", 40)
    monkeypatch.setattr(backends, "_frequencies", lambda: ({"项目": 0.9, "工作": 0.99}, floor))
    staged = []
    original = backends.PostgresBackend._staged
    monkeypatch.setattr(backends.PostgresBackend, "_staged",
                        lambda self, *args: staged.append(args[3]) or original(self, *args))
    corpus = documents()
    with transaction.atomic():
        index_documents(corpus)
    expected = brute_force(corpus, "ppp 项目")
    assert len(expected) > 40
    first, second = search("ppp 项目", page=1, per_page=10), search("ppp 项目", page=2, per_page=10)
    assert first.capped and keys(first) + keys(second) == expected[:20], floor
    rare = search("冰雹 工作", Filters(), Order.NEWEST, per_page=40)  # a few rows: read at once
    assert (rare.total, keys(rare)) == (len(brute_force(corpus, "冰雹 工作")), brute_force(corpus, "冰雹 工作"))
    assert staged == ["pp", "pp", "冰雹"]


def _rum_index_exists() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [backends.RUM_INDEX])
        return bool(cursor.fetchone()[0])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the RUM index is PostgreSQL's")
def test_a_reindex_into_an_empty_table_builds_the_rum_index_once_and_repairs_a_missing_one(scheme):
    if scheme != "rum":
        pytest.skip("the grams keep their GIN indexes through a reindex")
    from gongkai.search import api

    corpus = documents(120)
    api.register_provider("schemes", lambda: iter(corpus))
    dropped: list[bool] = []
    real_bulk = backends.PostgresBackend.bulk

    def watching(self):
        with real_bulk(self):
            dropped.append(not _rum_index_exists())  # while the rows load into the empty table
            yield

    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(backends.PostgresBackend, "bulk", contextmanager(watching))
            assert api.reindex(batch=50) == 120
            assert dropped == [True] and _rum_index_exists()
            assert backends.pg_scheme() == "rum"
            for text in ("工作要点", "ppp 项目", "冰雹 工作"):
                assert keys(search(text, Filters(), Order.NEWEST, per_page=500)) == brute_force(corpus, text), text
            assert api.reindex(batch=50, force=True) == 120  # into a full table: the index stays
            assert dropped == [True, False] and _rum_index_exists()
        with connection.cursor() as cursor:  # a reindex stopped before the index was made again
            cursor.execute(f"DROP INDEX {backends.RUM_INDEX}")
        assert api.reindex(batch=50) == 120 and _rum_index_exists()
    finally:
        api._providers.pop("schemes")
