"""Records handed to the search index, always inside the transaction that changes them, so the
index is never out of step with what the portal shows (ARCHITECTURE.md: search imports no app)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from gongkai.records.models import Record
from gongkai.search import api as search_api
from gongkai.search.documents import SearchDocument


def document_for(
    record: Record, column_ids: Iterable[int] | None = None, today: date | None = None
) -> SearchDocument:
    """The search document of a public record (PII already masked in body and attachments); its
    有效性 is the one rule's (``rules.validity``) on ``today``, as the record page shows it."""
    if column_ids is None:
        column_ids = [column.pk for column in record.columns.all()]
    texts = [record.summary, record.body_text]
    if record.pk:
        texts += [attachment.text for attachment in record.attachments.all() if attachment.text]
    return SearchDocument(
        key=record.search_key,
        title=record.title,
        body="\n".join(text for text in texts if text),
        url=reverse("records:record", args=[record.pk]),
        published_on=record.published_on or timezone.localdate(),
        unit_id=record.unit_id,
        column_ids=tuple(sorted(column_ids)),
        topic=record.topic,
        validity=record.validity_on(today or timezone.localdate()).label,
        doc_number=record.doc_number,
        index_number=record.index_number or "",
    )


def sync(records: Iterable[Record]) -> None:
    """Index the listed ones (current, 主动公开, 面向社会), remove the others at once (withdrawn,
    superseded, 面向申请人). Call inside the transaction of the change."""
    public: list[Record] = []
    hidden: list[Record] = []
    for record in records:
        (public if record.is_listed else hidden).append(record)
    if public:
        search_api.index_documents([document_for(record) for record in public])
    if hidden:
        search_api.remove_documents([record.search_key for record in hidden])


INDEX_CHUNK = 5000


def index_new(documents: list[SearchDocument]) -> None:
    """Hand many new documents to the index (the import): by day of publication, in chunks, so
    each call of ``index_documents`` stays small (its cost grows faster than its size)."""
    ordered = sorted(documents, key=lambda document: document.published_on)
    for start in range(0, len(ordered), INDEX_CHUNK):
        search_api.index_documents(ordered[start:start + INDEX_CHUNK])


def all_documents() -> Iterator[SearchDocument]:
    """Every public record, for ``gongkai search reindex`` (registered in ``apps.ready``)."""
    records = Record.objects.filter(Record.listed_q()).prefetch_related("columns", "attachments")
    for record in records.order_by("pk").iterator(chunk_size=2000):
        yield document_for(record)


def refresh_validity(today: date | None = None, chunk: int = 2000) -> int:
    """The daily job: re-index every listed record whose 有效性 changed since it was indexed (a
    生效日期 reached, a 失效日期 passed, a 废止日期 arrived), so that the search filter answers as
    the record page does. Only records with such a date can change by the passing of time; every
    other change goes through the services, which re-index at once. Returns how many changed."""
    day = today or timezone.localdate()
    dated = Record.objects.filter(Record.listed_q()).filter(
        Q(effective_on__isnull=False) | Q(expires_on__isnull=False) | Q(repealed_on__isnull=False)
    )
    ids = list(dated.order_by("pk").values_list("pk", flat=True))
    changed = 0
    for start in range(0, len(ids), chunk):
        records = list(Record.objects.filter(pk__in=ids[start:start + chunk]).prefetch_related("columns", "attachments"))
        held = search_api.validities([record.search_key for record in records])
        stale = [record for record in records if held.get(record.search_key) != record.validity_on(day).label]
        if stale:
            with transaction.atomic():
                search_api.index_documents([document_for(record, today=day) for record in stale])
        changed += len(stale)
    return changed
