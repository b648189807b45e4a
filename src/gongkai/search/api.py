"""The one interface of search: apps hand documents over, the portal asks questions.

``index_documents`` and ``remove_documents`` run inside the caller's transaction (publishing,
editing, withdrawing), so a withdrawn record is never found and a new one is found at once.
``search`` is the path the search page takes. ``register_provider`` lets an app say how to list
all its published documents, for ``gongkai search reindex``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction

from gongkai.rules import bigrams
from gongkai.search.backends import CAP, Filters, Order, Page, backend
from gongkai.search.documents import SearchDocument
from gongkai.search.models import SearchEntry

DAY_SLOTS = 10_000_000  # rowids per day of publication: newest first is rowid order
_providers: dict[str, Callable[[], Iterable[SearchDocument]]] = {}


def register_provider(name: str, documents: Callable[[], Iterable[SearchDocument]]) -> None:
    _providers[name] = documents


def providers() -> dict[str, Callable[[], Iterable[SearchDocument]]]:
    return dict(_providers)


def _require_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("index changes must run inside the transaction of the change they follow")


def index_documents(documents: Sequence[SearchDocument]) -> None:
    """Add or replace documents (by key), in the caller's transaction."""
    _require_transaction()
    if not documents:
        return
    engine = backend()
    existing = {e.key: e for e in SearchEntry.objects.filter(key__in=[d.key for d in documents])}
    engine.delete(list(existing.values()))
    counters = _DayCounters({d.published_on for d in documents})
    entries = []
    for document in documents:
        entry = existing.get(document.key) or SearchEntry(key=document.key)
        if entry.pk is None or entry.published_on != document.published_on:
            entry.fts_rowid = counters.next(document.published_on)
        _fill(entry, document)
        entries.append(entry)
    new = [entry for entry in entries if entry.pk is None]
    old = [entry for entry in entries if entry.pk is not None]
    _insert(new)
    fields = ["fts_rowid", "title", "body", "url", "published_on", "unit_id", "column_ids", "topic",
              "validity", "doc_number", "index_number"]
    SearchEntry.objects.bulk_update(old, fields, batch_size=500)
    engine.write(entries)


_INSERT_COLUMNS = ("key", "fts_rowid", "title", "body", "url", "published_on", "unit_id", "column_ids",
                   "topic", "validity", "doc_number", "index_number")


def _insert(entries: list[SearchEntry]) -> None:
    """New entries; on SQLite one executemany (the ORM's per-object cost dominates bulk imports,
    and the FTS5 rows are keyed by fts_rowid, not by id)."""
    if connection.vendor != "sqlite":
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        return
    rows = [
        (e.key, e.fts_rowid, e.title, e.body, e.url, e.published_on.isoformat(), e.unit_id,
         json.dumps(e.column_ids), e.topic, e.validity, e.doc_number, e.index_number)
        for e in entries
    ]
    columns = ", ".join(_INSERT_COLUMNS)
    marks = ", ".join(["%s"] * len(_INSERT_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO search_searchentry ({columns}) VALUES ({marks})", rows)


def remove_documents(keys: Sequence[str]) -> None:
    """Remove documents from the index, in the caller's transaction (withdrawal, deletion)."""
    _require_transaction()
    entries = list(SearchEntry.objects.filter(key__in=list(keys)))
    backend().delete(entries)
    SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()


def _fill(entry: SearchEntry, document: SearchDocument) -> None:
    entry.title, entry.body, entry.url = document.title, document.body, document.url
    entry.published_on, entry.unit_id = document.published_on, document.unit_id
    entry.column_ids = sorted(set(document.column_ids))
    entry.topic, entry.validity = document.topic, document.validity
    entry.doc_number, entry.index_number = document.doc_number, document.index_number


class _DayCounters:
    """The next free rowid of each day of publication, read for a whole batch in one query."""

    def __init__(self, days: set[date]) -> None:
        self.last = {day: day.toordinal() * DAY_SLOTS for day in days}
        low, high = min(self.last.values()), max(self.last.values()) + DAY_SLOTS
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT fts_rowid / %s, max(fts_rowid) FROM search_searchentry "
                "WHERE fts_rowid >= %s AND fts_rowid < %s GROUP BY fts_rowid / %s",
                [DAY_SLOTS, low, high, DAY_SLOTS],
            )
            for ordinal, top in cursor.fetchall():
                day = date.fromordinal(int(ordinal))
                if day in self.last:
                    self.last[day] = max(self.last[day], int(top))

    def next(self, day: date) -> int:
        self.last[day] += 1
        return self.last[day]


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    published_on: date
    snippet: list[tuple[str, bool]]
    title_marks: list[tuple[str, bool]]
    unit_id: int | None
    doc_number: str
    index_number: str
    topic: str
    validity: str


@dataclass(frozen=True)
class Results:
    query: bigrams.Query
    hits: list[Hit]
    total: int
    capped: bool  # more than ``total`` matches: shown as "超过 10,000 条"
    page: int
    per_page: int
    ranked_by: str

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search(
    text: str, filters: Filters | None = None, order: Order = Order.DEFAULT, page: int = 1,
    per_page: int = 20,
) -> Results:
    """What the search page shows: never raises on what a person types."""
    query = bigrams.parse_query(text)
    page = max(1, min(page, CAP // per_page))
    if not query.runnable:
        return Results(query, [], 0, False, page, per_page, "")
    found: Page = backend().search(query, filters or Filters(), order, (page - 1) * per_page, per_page)
    return Results(query, _hits(found.ids, query), found.total, found.capped, page, per_page, found.ranked_by)


_HIT_COLUMNS = "fts_rowid, title, body, url, published_on, unit_id, doc_number, index_number, topic, validity"


def _hits(rowids: list[int], query: bigrams.Query) -> list[Hit]:
    """The result rows in one plain query (the ORM's per-row cost is measurable at this rate)."""
    if not rowids:
        return []
    with connection.cursor() as cursor:
        marks = ", ".join(["%s"] * len(rowids))
        cursor.execute(f"SELECT {_HIT_COLUMNS} FROM search_searchentry WHERE fts_rowid IN ({marks})", rowids)
        rows = {row[0]: row for row in cursor.fetchall()}
    pieces = [piece for term in query.required for piece in term.pieces]
    hits = []
    for rowid in rowids:
        if rowid not in rows:
            continue
        _, title, body, url, published_on, unit_id, doc_number, index_number, topic, validity = rows[rowid]
        if isinstance(published_on, str):  # SQLite hands dates back as text on a plain cursor
            published_on = date.fromisoformat(published_on)
        hits.append(Hit(
            title=title, url=url, published_on=published_on, snippet=bigrams.snippet(body, query),
            title_marks=bigrams.highlight(title, pieces), unit_id=unit_id, doc_number=doc_number,
            index_number=index_number, topic=topic, validity=validity,
        ))
    return hits


def reindex(batch: int = 2000, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the index from every provider, batch by batch (each its own transaction, so the
    site keeps serving); entries no provider lists any more are removed. Returns the count."""
    seen: set[str] = set()
    for chunk in _chunks(_all_documents(), batch):
        with transaction.atomic():
            index_documents(chunk)
        seen.update(document.key for document in chunk)
        if progress:
            progress(len(seen))
    stale = [key for key in SearchEntry.objects.values_list("key", flat=True).iterator() if key not in seen]
    for chunk_keys in _chunks(iter(stale), batch):
        with transaction.atomic():
            remove_documents(chunk_keys)
    with transaction.atomic():
        backend().optimize()
    return len(seen)


def _all_documents() -> Iterator[SearchDocument]:
    for documents in _providers.values():
        yield from documents()


def _chunks(items: Iterator[SearchDocument] | Iterator[str], size: int) -> Iterator[list]:  # type: ignore[type-arg]
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
