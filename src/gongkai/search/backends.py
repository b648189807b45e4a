"""Two engines behind one plan: SQLite FTS5 (embedded default) and PostgreSQL (GIN over tsvector).

The plan, the same on both (``run_plan``):
1. Find the matches, but at most ``CAP`` + 1 of them (the cheapest order the engine has).
2. At most ``CAP``: rank them all with ``bigrams.rank`` over their stored text (title ×3), or
   newest first when that is asked for; the total is exact.
3. More than ``CAP`` (a broad query such as 工作): the default order is newest first, instant at
   any depth (page 50 included), and the page says "超过 1000 条"; when relevance is asked for,
   the newest ``POOL`` title matches and the newest ``POOL`` matches are ranked the same way (the
   benchmark reports how far this top 20 is from exact bm25).

Why not the engines' own ranking: FTS5's bm25() computes idf by running each phrase of the query
over the whole table, whatever the other terms and filters leave, so a query that ANDs common
phrases took 92 ms in bm25 for 33 matches found in 4 ms (100,000 records; ten times that at a
million); PostgreSQL's ts_rank has no idf and differs from it. Ranking from the text gives both
the same order; it costs about 15 µs a row on SQLite and 25 µs on PostgreSQL (reading,
decompressing and sending each body), which ``CAP`` bounds near 15 and 25 ms.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from gongkai.rules import bigrams
from gongkai.search.models import SearchEntry

CAP = 1_000
POOL = 1_000


class Order(StrEnum):
    DEFAULT = "default"  # relevance while the matches are few, newest first when many
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass(frozen=True)
class Filters:
    unit_id: int | None = None
    column_id: int | None = None
    year: int | None = None
    topic: str = ""
    validity: str = ""

    def tokens(self) -> tuple[str, ...]:
        """The meta tokens these filters require (SQLite's FTS5 intersects them itself)."""
        found = []
        if self.unit_id is not None:
            found.append(f"u{self.unit_id}")
        if self.column_id is not None:
            found.append(f"c{self.column_id}")
        if self.year is not None:
            found.append(f"y{self.year}")
        if self.topic:
            found.append(f"t{_code(self.topic)}")
        if self.validity:
            found.append(f"v{_code(self.validity)}")
        return tuple(found)


def _code(text: str) -> str:
    return format(zlib.crc32(text.encode("utf-8")), "x")


def meta_tokens(entry: SearchEntry) -> str:
    filters = [f"u{entry.unit_id}" if entry.unit_id is not None else "", f"y{entry.published_on.year}"]
    filters += [f"c{column}" for column in entry.column_ids]
    filters += [f"t{_code(entry.topic)}" if entry.topic else "", f"v{_code(entry.validity)}" if entry.validity else ""]
    return " ".join(token for token in filters if token)


@dataclass(frozen=True)
class Page:
    ids: list[int]  # fts_rowid values, in result order
    total: int  # exact when not capped, else CAP
    capped: bool  # more than CAP matches
    ranked_by: str  # "relevance", "newest" or "relevance-pool"


class Engine(Protocol):
    newest_first: bool  # whether matches() gives the newest first (then a capped page is a slice)

    def matches(self, query: bigrams.Query, filters: Filters, limit: int) -> list[int]: ...

    def newest(self, query: bigrams.Query, filters: Filters, limit: int, offset: int = 0, title_only: bool = False) -> list[int]: ...


def run_plan(engine: Engine, query: bigrams.Query, filters: Filters, order: Order, offset: int, limit: int) -> Page:
    """The plan of the module docstring, for either engine."""
    found = engine.matches(query, filters, CAP + 1)
    if len(found) <= CAP:
        if order is Order.NEWEST:
            return Page(sorted(found, reverse=True)[offset : offset + limit], len(found), False, "newest")
        return Page(bigrams.rank(texts(found), query)[offset : offset + limit], len(found), False, "relevance")
    if order is Order.RELEVANCE:
        recent = found[:POOL] if engine.newest_first else engine.newest(query, filters, POOL)
        pool = engine.newest(query, filters, POOL, title_only=True) + recent
        ranked = bigrams.rank(texts(list(dict.fromkeys(pool))), query)
        return Page(ranked[offset : offset + limit], CAP, True, "relevance-pool")
    page = found[offset : offset + limit] if engine.newest_first else engine.newest(query, filters, limit, offset)
    return Page(page, CAP, True, "newest")


def texts(rowids: list[int]) -> list[tuple[int, str, str]]:
    """(fts_rowid, title, body) of entries, for ranking."""
    if not rowids:
        return []
    marks = ", ".join(["%s"] * len(rowids))
    return read(f"SELECT fts_rowid, title, body FROM search_searchentry WHERE fts_rowid IN ({marks})", rowids)


def read(sql: str, params: Sequence[object]) -> list[tuple[object, ...]]:
    """The rows of a read on the search path. On SQLite it goes to the DB-API connection itself:
    Django's cursor wrapper costs 15–40 µs a statement (a new cursor, the placeholder rewrite,
    the checks), a tenth of a whole search; its errors are still Django's."""
    db = connections[DEFAULT_DB_ALIAS]  # the proxy ``connection`` looks it up on every attribute
    if db.vendor != "sqlite":
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    db.ensure_connection()
    with db.wrap_database_errors:
        return db.connection.execute(sql.replace("%s", "?"), params).fetchall()


_ENTRY_COLUMNS = ("key", "fts_rowid", "title", "body", "url", "published_on", "unit_id", "column_ids", "topic",
                  "validity", "doc_number", "index_number")


def _entry_row(entry: SearchEntry) -> tuple[object, ...]:
    """An entry as the values of ``_ENTRY_COLUMNS`` (plain SQL: the ORM's per-object cost
    dominates bulk writes; dates as ISO text and the columns as JSON text suit both engines)."""
    return (entry.key, entry.fts_rowid, entry.title, entry.body, entry.url, entry.published_on.isoformat(),
            entry.unit_id, json.dumps(entry.column_ids), entry.topic, entry.validity, entry.doc_number,
            entry.index_number)


def _insert_entries(rows: list[tuple[object, ...]], extra: tuple[str, ...] = (), casts: tuple[str, ...] = ()) -> None:
    """INSERT rows of ``_ENTRY_COLUMNS`` plus ``extra`` columns (their placeholders cast as given)."""
    columns = ", ".join((*_ENTRY_COLUMNS, *extra))
    marks = ", ".join(["%s"] * len(_ENTRY_COLUMNS) + [f"%s{cast}" for cast in casts])
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO search_searchentry ({columns}) VALUES ({marks})", rows)


def _ids(sql: str, params: list[object]) -> list[int]:
    return [row[0] for row in read(sql, params)]


class SqliteBackend:
    """A contentless FTS5 table ``search_fts(title, body, meta)`` of bigram texts (migration 0002)."""

    newest_first = True

    form = staticmethod(bigrams.fts5_texts)  # what the index is given of (title, body)

    def insert(self, entries: Sequence[SearchEntry], forms: Sequence[tuple[str, str]]) -> None:
        """New entries, and their rows in the index."""
        _insert_entries([_entry_row(entry) for entry in entries])
        self.write(entries, forms)

    def write(self, entries: Sequence[SearchEntry], forms: Sequence[tuple[str, str]]) -> None:
        """The index rows of entries (new, or changed ones whose old rows ``delete`` removed)."""
        rows = [(e.fts_rowid, title, body, meta_tokens(e)) for e, (title, body) in zip(entries, forms, strict=True)]
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO search_fts(rowid, title, body, meta) VALUES (%s, %s, %s, %s)", rows)

    def delete(self, entries: Sequence[SearchEntry]) -> None:
        # A contentless FTS5 row is deleted by handing back exactly the tokens it was given.
        rows = [(e.fts_rowid, *self.form(e.title, e.body), meta_tokens(e)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts(search_fts, rowid, title, body, meta) VALUES ('delete', %s, %s, %s, %s)", rows
            )

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """While a reindex writes, FTS5 merges segments 16 at a time rather than 4: less merging
        on the way (a fifth less time at 100,000 records); the reindex merges all at the end."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 16)")
            try:
                yield
            finally:
                cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 4)")

    def merge(self, pages: int) -> bool:
        """Merge index segments, writing about ``pages`` pages; False when there was nothing left
        (FTS5 changes at most one row when it did no work)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT total_changes()")
            before = cursor.fetchone()[0]
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', %s)", [-pages])
            cursor.execute("SELECT total_changes()")
            return bool(cursor.fetchone()[0] - before > 1)

    def matches(self, query: bigrams.Query, filters: Filters, limit: int) -> list[int]:
        return self.newest(query, filters, limit)

    def newest(self, query: bigrams.Query, filters: Filters, limit: int, offset: int = 0, title_only: bool = False) -> list[int]:
        columns = ("title",) if title_only else ("title", "body")
        return _ids(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s OFFSET %s",
            [bigrams.fts5_match(query, filters.tokens(), columns), limit, offset],
        )

    def search(self, query: bigrams.Query, filters: Filters, order: Order, offset: int, limit: int) -> Page:
        return run_plan(self, query, filters, order, offset, limit)


class PostgresBackend:
    """Per entry (migrations 0002 and 0004): ``tokens``, the positional tsvector of the same
    bigrams; ``grams``, the three- and four-character grams of its chains of overlapping bigrams,
    without positions; ``title_tokens``, the title's own positional tsvector; each with a GIN index; and
    ``long_text`` for documents beyond the tsvector's limits."""

    newest_first = False

    form = staticmethod(bigrams.pg_index_form)  # what the index is given of (title, body)

    _COLUMNS = ("tokens", "long_text", "grams", "title_tokens")

    def insert(self, entries: Sequence[SearchEntry], forms: Sequence[tuple[str, bool, str, str]]) -> None:
        """New entries with their tokens, in one statement each (an UPDATE afterwards would write
        every row and its GIN entries twice)."""
        rows = [(*_entry_row(entry), *form) for entry, form in zip(entries, forms, strict=True)]
        _insert_entries(rows, self._COLUMNS, ("::tsvector", "", "::tsvector", "::tsvector"))

    def write(self, entries: Sequence[SearchEntry], forms: Sequence[tuple[str, bool, str, str]]) -> None:
        """The tokens of changed entries."""
        rows = [(*form, entry.pk) for entry, form in zip(entries, forms, strict=True)]
        with connection.cursor() as cursor:
            cursor.executemany("UPDATE search_searchentry SET tokens = %s::tsvector, long_text = %s, "
                               "grams = %s::tsvector, title_tokens = %s::tsvector WHERE id = %s", rows)

    def delete(self, entries: Sequence[SearchEntry]) -> None:
        """Nothing to do: the tokens live in the entry's own row."""

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Nothing to change while a reindex writes."""
        yield

    def merge(self, pages: int) -> bool:
        """Nothing to merge; the statistics are refreshed instead."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        return False

    def select(self, query: bigrams.Query, filters: Filters, columns: str = "fts_rowid", title_only: bool = False,
               newest: int = 0) -> tuple[str, list[object]]:
        """SELECT ``columns`` of the matching entries: the candidates of the GIN indexes (grams,
        and tokens of terms without grams), checked by positions unless the indexes are exact;
        then (unless ``title_only``) the long_text ones that match by substring instead; with
        ``newest``, only that many newest of each.

        - The positional check is ``ts_match_vq()``, not ``@@``, so that the planner cannot
          turn it into a scan of the tokens' GIN index: every bigram of a phrase such as 工作要点
          is common, and the bitmap of all three took longer than the whole search.
        - The filters come first: PostgreSQL tests conditions of equal cost in the order written,
          and a filter that rejects a row spares reading its tsvector.
        - Two branches rather than one OR, which would make PostgreSQL test the whole condition
          on every row it reads (140 ms for the first 2,001 of 工作 at 100,000 records; 15 ms as
          two branches). Each branch is ordered and limited by itself, so that the newest of a
          common word is read backwards along the index rather than all its matches sorted."""
        plan = bigrams.pg_query(query)
        narrowing, narrowing_params = _narrowing(filters)
        tail = " ORDER BY fts_rowid DESC LIMIT %s" if newest else ""
        if title_only:
            conditions = [*narrowing, "title_tokens @@ %s::tsquery"]
            params: list[object] = [*narrowing_params, plan.title]
            if plan.excluded:
                conditions.append("NOT ts_match_vq(tokens, %s::tsquery)")
                params.append(plan.excluded)
            return (f"SELECT {columns} FROM search_searchentry WHERE {' AND '.join(conditions)}{tail}",
                    params + ([newest] if newest else []))
        match, match_params = _match(plan)
        sql = (f"(SELECT {columns} FROM search_searchentry WHERE {' AND '.join([*narrowing, match])}{tail})"
               f" UNION ALL (SELECT {columns} FROM search_searchentry WHERE long_text AND "
               f"{' AND '.join([*narrowing, _substrings(query)])} AND NOT ({match}){tail})")
        params = [*narrowing_params, *match_params] + ([newest] if newest else [])
        params += [*narrowing_params, *_substring_params(query), *match_params] + ([newest] if newest else [])
        return sql, params

    def matches(self, query: bigrams.Query, filters: Filters, limit: int) -> list[int]:
        """Up to ``limit`` matches in the GIN bitmaps' order. Plain index scans are off for this
        statement: under a LIMIT, a planner that overestimates how many rows match would walk a
        btree and test every row it meets (two queries of 33 and 0 matches took 105 ms that way
        at 100,000 records, 3 ms and 1 ms through the bitmaps)."""
        sql, params = self.select(query, filters)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_indexscan = off")
            try:
                cursor.execute(f"{sql} LIMIT %s", [*params, limit])
                return [row[0] for row in cursor.fetchall()]
            finally:
                cursor.execute("SET LOCAL enable_indexscan = on")

    def newest(self, query: bigrams.Query, filters: Filters, limit: int, offset: int = 0, title_only: bool = False) -> list[int]:
        sql, params = self.select(query, filters, title_only=title_only, newest=offset + limit)
        return _ids(f"SELECT fts_rowid FROM ({sql}) AS found ORDER BY fts_rowid DESC LIMIT %s OFFSET %s",
                    [*params, limit, offset])

    def search(self, query: bigrams.Query, filters: Filters, order: Order, offset: int, limit: int) -> Page:
        with transaction.atomic(), connection.cursor() as cursor:
            # The planner would rather test "tokens @@ …" row by row on a sequential scan when a
            # word is common, reading every row's toasted tsvector (77 ms for 工作 at 100,000
            # records); the GIN bitmap answers a single lexeme without reading any (21 ms).
            cursor.execute("SET LOCAL enable_seqscan = off")
            return run_plan(self, query, filters, order, offset, limit)


def _narrowing(filters: Filters) -> tuple[list[str], list[object]]:
    """The filters as conditions on the entry's own columns."""
    clauses: list[str] = []
    params: list[object] = []
    if filters.unit_id is not None:
        clauses.append("unit_id = %s")
        params.append(filters.unit_id)
    if filters.column_id is not None:
        clauses.append("column_ids @> %s::jsonb")
        params.append(f"[{int(filters.column_id)}]")
    if filters.year is not None:
        clauses.append("published_on >= %s AND published_on < %s")
        params += [f"{filters.year}-01-01", f"{filters.year + 1}-01-01"]
    if filters.topic:
        clauses.append("topic = %s")
        params.append(filters.topic)
    if filters.validity:
        clauses.append("validity = %s")
        params.append(filters.validity)
    return clauses, params


def _match(plan: bigrams.PgQuery) -> tuple[str, list[object]]:
    """The condition of a match through the indexes, with its positional check when needed."""
    conditions: list[str] = []
    params: list[object] = []
    for column, value in (("grams", plan.grams), ("tokens", plan.tokens)):
        if value:
            conditions.append(f"{column} @@ %s::tsquery")
            params.append(value)
    if plan.check:
        conditions.append("ts_match_vq(tokens, %s::tsquery)")
        params.append(plan.check)
    return "(" + " AND ".join(conditions) + ")", params


def _substrings(query: bigrams.Query) -> str:
    required = ["(lower(title) LIKE %s OR lower(body) LIKE %s)" for term in query.required for _ in term.pieces]
    excluded = ["NOT (lower(title) LIKE %s OR lower(body) LIKE %s)" for term in query.excluded for _ in term.pieces]
    return "(" + " AND ".join(required + excluded) + ")"


def _substring_params(query: bigrams.Query) -> list[object]:
    params: list[object] = []
    for term in (*query.required, *query.excluded):
        for piece in term.pieces:
            pattern = "%" + piece.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [pattern, pattern]
    return params


def backend() -> SqliteBackend | PostgresBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
