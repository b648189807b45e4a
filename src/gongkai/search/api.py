"""The one interface of search: apps hand documents over, the portal asks questions.

``index_documents`` and ``remove_documents`` run inside the caller's transaction (publishing,
editing, withdrawing), so a withdrawn record is never found and a new one is found at once.
``search`` is the path the search page takes. ``register_provider`` lets an app say how to list
all its published documents, for ``gongkai search reindex``.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

from django.db import connection, transaction

from gongkai.pause import pause_point
from gongkai.rules import bigrams
from gongkai.search.backends import CAP, DAY_SLOTS, Filters, Order, Page, backend, read
from gongkai.search.documents import SearchDocument
from gongkai.search.models import SearchEntry

T = TypeVar("T")
_providers: dict[str, Callable[[], Iterable[SearchDocument]]] = {}


def register_provider(name: str, documents: Callable[[], Iterable[SearchDocument]]) -> None:
    _providers[name] = documents


def providers() -> dict[str, Callable[[], Iterable[SearchDocument]]]:
    return dict(_providers)


def _require_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("index changes must run inside the transaction of the change they follow")


def index_documents(documents: Sequence[SearchDocument], forms: Sequence[Any] | None = None, force: bool = False) -> None:
    """Add or replace documents (by key), in the caller's transaction. A document the index holds
    unchanged is left alone unless ``force``; ``forms`` are the documents' index forms when a bulk
    reindex has computed them in its worker process (``backend().form`` of title and body)."""
    _require_transaction()
    engine = backend()
    existing = {e.key: e for e in SearchEntry.objects.filter(key__in=[d.key for d in documents])}
    changed = [
        index for index, document in enumerate(documents)
        if force or document.key not in existing or not _same(existing[document.key], document)
    ]
    if not changed:
        return
    documents = [documents[index] for index in changed]
    forms = [forms[index] for index in changed] if forms is not None else [engine.form(d.title, d.body) for d in documents]
    engine.delete([existing[d.key] for d in documents if d.key in existing])
    entries = _entries(documents, existing)
    new = [index for index, entry in enumerate(entries) if entry.pk is None]
    old = [index for index, entry in enumerate(entries) if entry.pk is not None]
    engine.insert([entries[index] for index in new], [forms[index] for index in new])
    SearchEntry.objects.bulk_update([entries[index] for index in old], _FIELDS, batch_size=500)
    engine.write([entries[index] for index in old], [forms[index] for index in old])


def _entries(documents: list[SearchDocument], existing: dict[str, SearchEntry]) -> list[SearchEntry]:
    """The entries the documents become: the existing ones refilled, new ones created; a new
    rowid (the next of its day) for a new entry or a changed day of publication."""
    counters = _DayCounters({d.published_on for d in documents})
    entries = []
    for document in documents:
        entry = existing.get(document.key) or SearchEntry(key=document.key)
        if entry.pk is None or entry.published_on != document.published_on:
            entry.fts_rowid = counters.next(document.published_on)
        _fill(entry, document)
        entries.append(entry)
    return entries


_FIELDS = ["fts_rowid", "title", "body", "url", "published_on", "unit_id", "column_ids", "topic", "validity",
           "doc_number", "index_number"]


def _same(entry: SearchEntry, document: SearchDocument) -> bool:
    """Whether the entry already holds exactly what the document would write."""
    fresh = SearchEntry(key=document.key)
    _fill(fresh, document)
    return all(getattr(entry, name) == getattr(fresh, name) for name in _FIELDS if name != "fts_rowid")


def remove_documents(keys: Sequence[str]) -> None:
    """Remove documents from the index, in the caller's transaction (withdrawal, deletion)."""
    _require_transaction()
    entries = list(SearchEntry.objects.filter(key__in=list(keys)))
    backend().delete(entries)
    SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()


def validities(keys: Sequence[str]) -> dict[str, str]:
    """The 有效性 each indexed document holds now (for the daily refresh of expiries)."""
    return dict(SearchEntry.objects.filter(key__in=list(keys)).values_list("key", "validity"))


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


@dataclass(slots=True)  # not frozen: a frozen dataclass takes twice as long to build, 20 a search
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


HIT_COLUMNS = "fts_rowid, title, body, url, published_on, unit_id, doc_number, index_number, topic, validity"


def _hits(rowids: list[int], query: bigrams.Query) -> list[Hit]:
    """The result rows in one plain query (the ORM's per-row cost is measurable at this rate)."""
    if not rowids:
        return []
    placeholders = ", ".join(["%s"] * len(rowids))
    found = {row[0]: row for row in read(f"SELECT {HIT_COLUMNS} FROM search_searchentry WHERE fts_rowid IN ({placeholders})", rowids)}
    marks = bigrams.marker(query)
    hits = []
    for rowid in rowids:
        if rowid not in found:
            continue
        _, title, body, url, published_on, unit_id, doc_number, index_number, topic, validity = found[rowid]
        hits.append(Hit(
            title=title, url=url, published_on=published_on, snippet=bigrams.snippet(body, marks),
            title_marks=bigrams.highlight(title, marks), unit_id=unit_id, doc_number=doc_number,
            index_number=index_number, topic=topic, validity=validity,
        ))
    return hits


MERGE_PAGES = 2_000  # index pages merged per transaction after a reindex (about 8 MB)


def reindex(batch: int = 2000, progress: Callable[[int], None] | None = None, force: bool = False) -> int:
    """Rebuild the index from every provider, batch by batch (each its own transaction, so the
    site keeps serving): new and changed documents are written (all of them with ``force``),
    entries no provider lists any more removed, then the index merged into one segment, a few
    pages per transaction. A worker process tokenises the next batch while this one is written.
    Returns the number of documents."""
    engine = backend()
    seen: set[str] = set()
    with engine.bulk():
        for chunk, forms in _with_forms(_chunks(_all_documents(), batch), engine.form):
            with transaction.atomic():
                index_documents(chunk, forms, force)
            seen.update(document.key for document in chunk)
            if progress:
                progress(len(seen))
            pause_point("reindex_batch")
    stale = [key for key in SearchEntry.objects.values_list("key", flat=True).iterator() if key not in seen]
    for chunk_keys in _chunks(iter(stale), batch):
        with transaction.atomic():
            remove_documents(chunk_keys)
    merging = True
    while merging:
        with transaction.atomic():
            merging = engine.merge(MERGE_PAGES)
    return len(seen)


def _with_forms(chunks: Iterator[list[SearchDocument]], form: Callable[[str, str], Any]) -> Iterator[tuple[list[SearchDocument], list[Any]]]:
    """Each chunk with its documents' index forms, computed in a worker process one chunk ahead
    of the writing (the documents are read here: providers use this thread's connection). The
    worker is forked: it only runs ``bigrams`` and never touches the inherited connections, and
    unlike a spawned one it does not re-run the calling script."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending: deque[tuple[list[SearchDocument], AsyncResult[list[Any]]]] = deque()
        for chunk in chunks:
            texts = [(document.title, document.body) for document in chunk]
            pending.append((chunk, pool.apply_async(bigrams.index_forms, (form, texts))))
            if len(pending) > 1:
                done, forms = pending.popleft()
                yield done, forms.get()
        for done, forms in pending:
            yield done, forms.get()


def _all_documents() -> Iterator[SearchDocument]:
    for documents in _providers.values():
        yield from documents()


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
