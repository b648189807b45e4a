"""Two engines behind one plan: SQLite FTS5 (embedded default) and PostgreSQL (GIN over tsvector).

The plan, the same on both (BASELINES.md part 2 measured why):
1. Count the matches, but stop at ``CAP`` + 1 (newest first, which both engines do cheaply).
2. At most ``CAP`` matches: rank them all by bm25 (title ×3) — exact relevance, cheap.
3. More than ``CAP`` (a broad query such as 工作): the default order is newest first, which is
   instant; when relevance is asked for, the newest ``POOL`` title matches and the newest
   ``POOL`` matches are scored with the same bm25 formula in Python (an approximation whose
   overlap with exact bm25 the benchmark reports).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.db import connection

from gongkai.rules import bigrams
from gongkai.search.models import SearchEntry

CAP = 10_000
POOL = 1_000
TITLE_WEIGHT = 3.0
K1, B = 1.2, 0.75


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
    total: int  # exact when not capped
    capped: bool  # more than CAP matches
    ranked_by: str  # "bm25", "newest" or "bm25-pool"


class SqliteBackend:
    def write(self, entries: Sequence[SearchEntry]) -> None:
        rows = [(e.fts_rowid, bigrams.token_text(e.title), bigrams.token_text(e.body), meta_tokens(e)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO search_fts(rowid, title, body, meta) VALUES (%s, %s, %s, %s)", rows)

    def delete(self, entries: Sequence[SearchEntry]) -> None:
        # A contentless FTS5 row is deleted by handing back exactly the tokens it was given.
        rows = [(e.fts_rowid, bigrams.token_text(e.title), bigrams.token_text(e.body), meta_tokens(e)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts(search_fts, rowid, title, body, meta) VALUES ('delete', %s, %s, %s, %s)", rows
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    def count_capped(self, match: str, cap: int = CAP) -> int:
        return _scalar(
            "SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s)",
            [match, cap + 1],
        )

    def bm25(self, match: str, limit: int, offset: int = 0) -> list[int]:
        return _ids(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
            f"ORDER BY bm25(search_fts, {TITLE_WEIGHT}, 1.0, 0.0) LIMIT %s OFFSET %s",
            [match, limit, offset],
        )

    def newest(self, match: str, limit: int, offset: int = 0) -> list[int]:
        return _ids(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s OFFSET %s",
            [match, limit, offset],
        )

    def search(self, query: bigrams.Query, filters: Filters, order: Order, offset: int, limit: int) -> Page:
        match = bigrams.fts5_match(query, filters.tokens())
        total = self.count_capped(match)
        capped = total > CAP
        if not capped and order is not Order.NEWEST:
            return Page(self.bm25(match, limit, offset), total, False, "bm25")
        if order is Order.RELEVANCE:
            title_match = bigrams.fts5_match(query, filters.tokens(), columns=("title",))
            pool = list(dict.fromkeys(self.newest(title_match, POOL) + self.newest(match, POOL)))
            return Page(pool_rank(pool, query)[offset : offset + limit], total, capped, "bm25-pool")
        return Page(self.newest(match, limit, offset), min(total, CAP), capped, "newest")


def _scalar(sql: str, params: list[object]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def _ids(sql: str, params: list[object]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def pool_rank(rowids: list[int], query: bigrams.Query) -> list[int]:
    """bm25's term-frequency part (title ×3, k1 1.2, b 0.75) computed in Python over a pool of
    candidates; idf is left out: every term of a broad query matches a large share of the
    collection, where idf is close to zero and nearly equal between terms."""
    if not rowids:
        return []
    rows = SearchEntry.objects.filter(fts_rowid__in=rowids).values_list("fts_rowid", "title", "body")
    texts = {rowid: (title.lower(), body.lower()) for rowid, title, body in rows}
    pieces = [term.pieces for term in query.required]
    lengths = {rowid: len(title) * TITLE_WEIGHT + len(body) for rowid, (title, body) in texts.items()}
    average = sum(lengths.values()) / len(lengths)
    scores = {}
    for rowid, (title, body) in texts.items():
        score = 0.0
        for term_pieces in pieces:
            frequency = sum(TITLE_WEIGHT * title.count(p) + body.count(p) for p in term_pieces)
            norm = K1 * (1 - B + B * lengths[rowid] / average)
            score += frequency * (K1 + 1) / (frequency + norm)
        scores[rowid] = score
    return sorted(scores, key=lambda rowid: (-scores[rowid], -rowid))


# PostgreSQL keeps at most 256 positions per lexeme and positions up to 16,383: a longer document
# would lose phrase matches, so such documents are also matched by substring (few, and indexed).
PG_MAX_POSITION = 16_383
PG_MAX_POSITIONS_PER_LEXEME = 256


def tsvector_literal(title: str, body: str) -> tuple[str, bool]:
    """The tsvector of a document (title tokens weighted A) and whether it exceeds the limits."""
    positions: dict[str, list[str]] = {}
    title_tokens, body_tokens = bigrams.tokens(title), bigrams.tokens(body)
    for index, token in enumerate(title_tokens, start=1):
        positions.setdefault(token, []).append(f"{index}A")
    offset = len(title_tokens) + 2  # a gap: no phrase spans title and body
    for index, token in enumerate(body_tokens, start=offset):
        positions.setdefault(token, []).append(str(min(index, PG_MAX_POSITION)))
    too_long = offset + len(body_tokens) > PG_MAX_POSITION or any(
        len(found) > PG_MAX_POSITIONS_PER_LEXEME for found in positions.values()
    )
    literal = " ".join(f"'{token}':{','.join(found[:PG_MAX_POSITIONS_PER_LEXEME])}" for token, found in positions.items())
    return literal, too_long


class PostgresBackend:
    def write(self, entries: Sequence[SearchEntry]) -> None:
        rows = []
        for entry in entries:
            literal, too_long = tsvector_literal(entry.title, entry.body)
            rows.append((literal, too_long, entry.pk))
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET tokens = %s::tsvector, long_text = %s WHERE id = %s", rows
            )

    def delete(self, entries: Sequence[SearchEntry]) -> None:
        """Nothing to do: the tokens live in the entry's own row."""

    def clear(self) -> None:
        """Nothing to do: the tokens live in the entries' own rows."""

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def _where(self, query: bigrams.Query, filters: Filters, title_only: bool = False) -> tuple[str, list[object]]:
        tsq = bigrams.tsquery(query, weight="A" if title_only else "")
        if title_only:  # lexemes restricted to weight A: the title's positions
            condition = "tokens @@ to_tsquery('simple', %s)"
        else:
            condition = f"(tokens @@ to_tsquery('simple', %s) OR (long_text AND {_substrings(query)}))"
        params: list[object] = [tsq, *_substring_params(query, title_only)]
        clauses = [condition]
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
        return " AND ".join(clauses), params

    def count_capped(self, where: str, params: list[object], cap: int = CAP) -> int:
        return _scalar(f"SELECT count(*) FROM (SELECT 1 FROM search_searchentry WHERE {where} LIMIT %s) hits", [*params, cap + 1])

    def ranked(self, where: str, params: list[object], tsq: str, limit: int, offset: int) -> list[int]:
        return _ids(
            f"SELECT fts_rowid FROM search_searchentry WHERE {where} "
            "ORDER BY ts_rank('{0.1, 0.2, 0.4, 1.0}', tokens, to_tsquery('simple', %s), 1) DESC, fts_rowid DESC "
            "LIMIT %s OFFSET %s",
            [*params, tsq, limit, offset],
        )

    def newest(self, where: str, params: list[object], limit: int, offset: int = 0) -> list[int]:
        return _ids(
            f"SELECT fts_rowid FROM search_searchentry WHERE {where} ORDER BY fts_rowid DESC LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )

    def search(self, query: bigrams.Query, filters: Filters, order: Order, offset: int, limit: int) -> Page:
        where, params = self._where(query, filters)
        total = self.count_capped(where, params)
        capped = total > CAP
        if not capped and order is not Order.NEWEST:
            return Page(self.ranked(where, params, bigrams.tsquery(query), limit, offset), total, False, "bm25")
        if order is Order.RELEVANCE:
            title_where, title_params = self._where(query, filters, title_only=True)
            pool = list(dict.fromkeys(self.newest(title_where, title_params, POOL) + self.newest(where, params, POOL)))
            return Page(pool_rank(pool, query)[offset : offset + limit], total, capped, "bm25-pool")
        return Page(self.newest(where, params, limit, offset), min(total, CAP), capped, "newest")


def _substrings(query: bigrams.Query) -> str:
    required = ["(lower(title) LIKE %s OR lower(body) LIKE %s)" for term in query.required for _ in term.pieces]
    excluded = ["NOT (lower(title) LIKE %s OR lower(body) LIKE %s)" for term in query.excluded for _ in term.pieces]
    return "(" + " AND ".join(required + excluded) + ")"


def _substring_params(query: bigrams.Query, title_only: bool) -> list[object]:
    if title_only:
        return []
    params: list[object] = []
    for term in (*query.required, *query.excluded):
        for piece in term.pieces:
            pattern = "%" + piece.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [pattern, pattern]
    return params


def backend() -> SqliteBackend | PostgresBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
