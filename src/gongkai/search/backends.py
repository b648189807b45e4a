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
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from gongkai.rules import bigrams
from gongkai.search.models import SearchEntry

CAP = 1_000
POOL = 1_000
DAY_SLOTS = 10_000_000  # rowids per day of publication: newest first is rowid order


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


def _ids_without(setting: str, sql: str, params: list[object]) -> list[int]:
    """``_ids`` with one of PostgreSQL's planner methods (``enable_…``) off for this statement."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL {setting} = off")
        try:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.execute(f"SET LOCAL {setting} = on")


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


RUM_INDEX = "search_entry_tokens_rum"
_schemes: dict[tuple[str, str], str] = {}


def pg_scheme() -> str:
    """Which index the PostgreSQL database holds (migration 0005): "rum" where the rum extension
    was available, else "grams" (migration 0004's). Read once per database and process."""
    db = connections[DEFAULT_DB_ALIAS]
    key = (db.alias, str(db.settings_dict["NAME"]))
    if key not in _schemes:
        with db.cursor() as cursor:  # (by the grams' column: the RUM index is rebuilt by a bulk load)
            cursor.execute(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = 'search_searchentry' AND column_name = 'grams'"
            )
            _schemes[key] = "grams" if cursor.fetchone()[0] else "rum"
    return _schemes[key]


def forget_scheme() -> None:
    """After a migration changed the index (0005 forward or back)."""
    _schemes.clear()


class PostgresBackend:
    """Per entry (migrations 0002, 0004 and 0005): ``tokens``, the positional tsvector of the same
    bigrams; ``title_tokens``, the title's own positional tsvector (GIN); ``long_text`` for
    documents beyond the tsvector's limits; and one of two schemes (``pg_scheme``):

    - "rum": a RUM index on ``tokens`` (positions inside the index, so a phrase is checked without
      reading the rows); matches are read newest first, the planner choosing between that index
      and a walk of the rowid index that checks each row (a common word);
    - "grams" (no rum extension): a GIN index on ``tokens`` and ``grams``, the three- and
      four-character grams of its chains of overlapping bigrams, without positions (GIN)."""

    def __init__(self) -> None:
        self.scheme = pg_scheme()
        self.newest_first = self.scheme == "rum"  # a capped page is then a slice of the matches
        # what the index is given of (title, body)
        self.form: Callable[[str, str], tuple[object, ...]] = (
            bigrams.pg_rum_form if self.newest_first else bigrams.pg_index_form
        )
        self._columns = ("tokens", "long_text", "title_tokens") if self.newest_first else (
            "tokens", "long_text", "grams", "title_tokens")

    def insert(self, entries: Sequence[SearchEntry], forms: Sequence[tuple[object, ...]]) -> None:
        """New entries with their tokens, in one statement each (an UPDATE afterwards would write
        every row and its index entries twice)."""
        rows = [(*_entry_row(entry), *form) for entry, form in zip(entries, forms, strict=True)]
        _insert_entries(rows, self._columns, tuple("" if column == "long_text" else "::tsvector" for column in self._columns))

    def write(self, entries: Sequence[SearchEntry], forms: Sequence[tuple[object, ...]]) -> None:
        """The tokens of changed entries."""
        rows = [(*form, entry.pk) for entry, form in zip(entries, forms, strict=True)]
        assignments = ", ".join(f"{column} = %s" + ("" if column == "long_text" else "::tsvector") for column in self._columns)
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE search_searchentry SET {assignments} WHERE id = %s", rows)

    def delete(self, entries: Sequence[SearchEntry]) -> None:
        """Nothing to do: the tokens live in the entry's own row."""

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """A reindex into an empty table (a new site, a restored or moved database) loads the rows
        first and builds the RUM index once at the end: a third of the time of inserting into it
        row by row (docs/search.md). The index is made again at the end whenever it is missing, so
        that a reindex stopped half-way is repaired by the next one."""
        if self.scheme != "rum":
            yield
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT NOT EXISTS (SELECT 1 FROM search_searchentry)")
            if cursor.fetchone()[0]:
                cursor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON search_searchentry USING rum (tokens rum_tsvector_ops)")

    def merge(self, pages: int) -> bool:
        """Nothing to merge; the statistics are refreshed instead."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
        return False

    def select(self, query: bigrams.Query, filters: Filters, columns: str = "fts_rowid", title_only: bool = False,
               newest: int = 0, driver: str = "", rowids: tuple[int, int | None] | None = None) -> tuple[str, list[object]]:
        """SELECT ``columns`` of the matching entries: through the index (RUM: exact; grams: the
        candidates of the GIN indexes, checked by positions unless the indexes are exact); then
        (unless ``title_only``) the long_text ones that match by substring instead; with
        ``newest``, only that many newest of each.

        - The positional check of the gram scheme is ``ts_match_vq()``, not ``@@``, so that the
          planner cannot turn it into a scan of the tokens' GIN index: every bigram of a phrase
          such as 工作要点 is common, and the bitmap of all three took longer than the search.
        - The filters come first: PostgreSQL tests conditions of equal cost in the order written,
          and a filter that rejects a row spares reading its tsvector.
        - Two branches rather than one OR, which would make PostgreSQL test the whole condition
          on every row it reads (140 ms for the first 2,001 of 工作 at 100,000 records; 15 ms as
          two branches). Each branch is ordered and limited by itself, so that the newest of a
          common word is read backwards along the index rather than all its matches sorted."""
        plan = bigrams.pg_query(query)
        narrowing, narrowing_params = _narrowing(filters)
        if rowids is not None:  # a slice of the newest rows: (after, up to) rowid
            narrowing.append("fts_rowid > %s" if rowids[1] is None else "fts_rowid > %s AND fts_rowid <= %s")
            narrowing_params += [rowid for rowid in rowids if rowid is not None]
        tail = " ORDER BY fts_rowid DESC LIMIT %s" if newest else ""
        if newest and self.newest_first and not title_only:
            # Through the RUM index, then sorted: ordered by the rowid itself, the planner would
            # rather walk the rowid index and check every row (a rare phrase of common bigrams,
            # 工作要点, estimated 26 times too common: 2.4 s at 100,000 records).
            tail = " ORDER BY fts_rowid + 0 DESC LIMIT %s"
        if title_only:
            conditions = [*narrowing, "title_tokens @@ %s::tsquery"]
            params: list[object] = [*narrowing_params, plan.title]
            if plan.excluded:
                conditions.append("NOT ts_match_vq(tokens, %s::tsquery)")
                params.append(plan.excluded)
            return (f"SELECT {columns} FROM search_searchentry WHERE {' AND '.join(conditions)}{tail}",
                    params + ([newest] if newest else []))
        if driver:  # RUM: the rows of one rare token, each checked for the whole query
            match, match_params = "(tokens @@ %s::tsquery AND ts_match_vq(tokens, %s::tsquery))", [f"'{driver}'", bigrams.tsquery(query)]
        elif self.newest_first:
            match, match_params = "tokens @@ %s::tsquery", [bigrams.tsquery(query)]
        else:
            match, match_params = _match(plan)
        sql = (f"(SELECT {columns} FROM search_searchentry WHERE {' AND '.join([*narrowing, match])}{tail})"
               f" UNION ALL (SELECT {columns} FROM search_searchentry WHERE long_text AND "
               f"{' AND '.join([*narrowing, _substrings(query)])} AND NOT ({match}){tail})")
        params = [*narrowing_params, *match_params] + ([newest] if newest else [])
        params += [*narrowing_params, *_substring_params(query), *match_params] + ([newest] if newest else [])
        return sql, params

    def matches(self, query: bigrams.Query, filters: Filters, limit: int) -> list[int]:
        """Up to ``limit`` matches: RUM, the newest; grams, in the GIN bitmaps' order. Plain index
        scans are off for the grams' statement: under a LIMIT, a planner that overestimates how
        many rows match would walk a btree and test every row it meets (two queries of 33 and 0
        matches took 105 ms that way at 100,000 records, 3 ms and 1 ms through the bitmaps)."""
        if self.newest_first:
            return self._rum_matches(query, filters, limit)
        sql, params = self.select(query, filters)
        return _ids_without("enable_indexscan", f"{sql} LIMIT %s", [*params, limit])

    def _rum_matches(self, query: bigrams.Query, filters: Filters, limit: int) -> list[int]:
        """The newest ``limit`` matches by the cheapest of three ways, from the lexemes'
        frequencies in the statistics (``_frequencies``):

        - every token common (工作, 政务公开): walk the newest rows and check each, as far as the
          frequencies say ``limit`` matches should be found (at most ``WALK_ROWS``), and once more
          as far as the rate it saw says (at most ``WALK_MORE_ROWS``: 政策解读, estimated at 45 %
          of the records from 策解, is in 17 %); when the walks fall short and the filters left
          more rows than they read, the whole query through RUM;
        - a rare token (in the statistics with less than ``RARE_SHARE``, or not there at all)
          beside common ones (政务公开 年度报告: 度报 is in 0.2 % of the records):
          the rare token's rows from the RUM index, each checked for the whole query. RUM checks
          a phrase inside the index, but walks every posting (with positions) of every token,
          and the common ones are in most records;
        - otherwise the whole query through the RUM index."""
        frequencies, floor = _frequencies()
        walk = _walk_rows(query, frequencies, limit)
        if walk:
            found, complete = self._walk(query, filters, limit, walk)
            if not complete and found:  # the estimate was short: again, as far as the rate seen says
                more = int(walk * limit / len(found) * 1.2)
                if more <= WALK_MORE_ROWS:
                    found, complete = self._walk(query, filters, limit, more)
            if complete:
                return found
        tokens = sorted(_required_tokens(query), key=lambda token: frequencies.get(token, 0.0))
        rare = [token for token in tokens if frequencies.get(token, 0.0) < min(floor, RARE_SHARE) or token not in frequencies]
        driver = rare[0] if rare and len(rare) < len(tokens) else ""
        if driver and driver not in frequencies and floor > RARE_SHARE and not _narrowing(filters)[0]:
            # a token below the statistics' floor may still be in one record of ten ('pp' of PPP):
            # its rows slice by slice, newest first, so that a common one stops early
            return self._staged(query, filters, limit, driver, floor)
        sql, params = self.select(query, filters, newest=limit, driver=driver)
        # A bitmap of the RUM index rechecks every candidate row (its positions are lost in a
        # bitmap); its index scan checks phrases inside the index. (The title's GIN index has
        # only bitmaps: they stay on for the other statements.)
        return _ids_without("enable_bitmapscan", f"SELECT fts_rowid FROM ({sql}) AS found ORDER BY fts_rowid DESC LIMIT %s",
                            [*params, limit])

    def _staged(self, query: bigrams.Query, filters: Filters, limit: int, driver: str, floor: float) -> list[int]:
        """The newest ``limit`` matches of a driver token's rows, the newest rows first: a slice
        of them (as many as ``limit`` matches need were the token at the statistics' floor),
        read as a bitmap of the token's rows and the slice's rowids, each candidate checked for
        the whole query; then, when the matches found there say a second slice would do, that
        slice; else the rest as ``_rum_matches`` reads a driver (a rare token stops early
        nowhere: its few rows are read once)."""
        rows = int(STAGE_FIRST * limit / floor)
        upper: int | None = None
        found: list[int] = []
        for _ in range(2):
            bound = _ids("SELECT fts_rowid FROM search_searchentry ORDER BY fts_rowid DESC OFFSET %s LIMIT 1", [rows])
            if not bound:
                break  # fewer rows than the slice: the whole query at once, below
            sql, params = self.select(query, filters, newest=limit - len(found), driver=driver, rowids=(bound[0], upper))
            found += _ids_without("enable_indexscan", f"SELECT fts_rowid FROM ({sql}) AS found ORDER BY fts_rowid DESC LIMIT %s",
                                  [*params, limit - len(found)])
            if len(found) >= limit:
                return found
            needed = (limit - len(found)) * rows / len(found) if found else float("inf")
            upper = bound[0]
            if needed * 1.5 > STAGE_MORE * rows:
                break
            rows = int(needed * 1.5)
        sql, params = self.select(query, filters, newest=limit - len(found), driver=driver,
                                  rowids=None if upper is None else (0, upper))
        return found + _ids_without("enable_bitmapscan", f"SELECT fts_rowid FROM ({sql}) AS found ORDER BY fts_rowid DESC LIMIT %s",
                                    [*params, limit - len(found)])

    def _walk(self, query: bigrams.Query, filters: Filters, limit: int, rows: int) -> tuple[list[int], bool]:
        """The matches among the newest ``rows`` rows that the filters leave, and whether they are
        all there is (``limit`` found, or no row left beyond those read)."""
        narrowing, narrowing_params = _narrowing(filters)
        where = f"WHERE {' AND '.join(narrowing)}" if narrowing else ""
        recent = f"SELECT fts_rowid, tokens, long_text, title, body FROM search_searchentry {where} ORDER BY fts_rowid DESC LIMIT %s"
        found = _ids(f"SELECT fts_rowid FROM ({recent}) AS recent WHERE ts_match_vq(tokens, %s::tsquery) "
                     f"OR (long_text AND {_substrings(query)}) ORDER BY fts_rowid DESC LIMIT %s",
                     [*narrowing_params, rows, bigrams.tsquery(query), *_substring_params(query), limit])
        if len(found) >= limit:
            return found, True
        left = _ids(f"SELECT count(*) FROM (SELECT 1 FROM search_searchentry {where} ORDER BY fts_rowid DESC LIMIT %s) AS r",
                    [*narrowing_params, rows + 1])
        return found, left[0] <= rows

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


WALK_ROWS = 8_000  # at most this many newest rows checked one by one (10–20 µs each)
WALK_MORE_ROWS = 25_000  # a second walk, when the first found matches at a rate that says it will do
RARE_SHARE = 0.05  # a token in fewer records than this leads the RUM plan beside common ones
STAGE_FIRST = 2.5  # the first slice of a driver's rows: this many times the rows ``limit`` matches need at the floor's share
STAGE_MORE = 4  # a second slice at most this many times the first; else the rest of the driver's rows at once
STATISTICS_SECONDS = 600  # the lexemes' frequencies are read again after this
_statistics: dict[tuple[str, str], tuple[float, dict[str, float], float]] = {}


def _frequencies() -> tuple[dict[str, float], float]:
    """The share of records holding each common lexeme (``ANALYZE``'s most common elements of
    ``tokens``) and the least of those shares: a lexeme not listed is rarer than that."""
    db = connections[DEFAULT_DB_ALIAS]
    key = (db.alias, str(db.settings_dict["NAME"]))
    now = time.monotonic()
    if key not in _statistics or now - _statistics[key][0] > STATISTICS_SECONDS:
        rows = read("SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                    "WHERE tablename = 'search_searchentry' AND attname = 'tokens'", [])
        lexemes, shares = (rows[0][0] or [], rows[0][1] or []) if rows else ([], [])
        frequencies = dict(zip(lexemes, shares[: len(lexemes)], strict=True))
        _statistics[key] = (now, frequencies, min(frequencies.values(), default=0.0))
    return _statistics[key][1], _statistics[key][2]


def _required_tokens(query: bigrams.Query) -> list[str]:
    return [token for term in query.required for token in (term.tokens[:-1] if term.prefix else term.tokens)]


def _walk_rows(query: bigrams.Query, frequencies: dict[str, float], limit: int) -> int:
    """How many newest rows to check one by one to find ``limit`` matches (twice the estimate:
    each term as frequent as its rarest token, the terms independent; at most ``WALK_ROWS``), or
    0 when a token is not common. A walk's cost does not grow with the table; the RUM index's
    does, with every posting of every token, and these tokens are in most records."""
    share = 1.0
    for term in query.required:
        known = [frequencies.get(token) for token in (term.tokens[:-1] if term.prefix else term.tokens)]
        if not known or None in known:
            return 0
        share *= min(value for value in known if value is not None)
    return int(min(2 * limit / max(share, 1e-9), WALK_ROWS))


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
        # The year's rowids too: a walk of the rowid index newest first starts at the year's end.
        first, last = date(filters.year, 1, 1).toordinal(), date(filters.year + 1, 1, 1).toordinal()
        clauses.append("fts_rowid > %s AND fts_rowid <= %s AND published_on >= %s AND published_on < %s")
        params += [first * DAY_SLOTS, last * DAY_SLOTS, f"{filters.year}-01-01", f"{filters.year + 1}-01-01"]
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
