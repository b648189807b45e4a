"""The catalog as a table: the public CSV of the catalog pages (by unit, by column, the normative
documents) and the console's .csv/.xlsx of its record list, both streamed through
``gongkai.tabular`` a chunk of rows at a time (100,000 records export in flat memory)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.db.models import QuerySet

from gongkai.records.models import Audience, Disclosure, Record, RecordKind, RecordStatus
from gongkai.rules.validity import ValidityFacts, declared_from, validity_on

CHUNK = 2000
HEADER = [
    "信息编号", "索引号", "名称", "信息类别", "发布机构", "发布单位", "文号", "成文日期", "发布日期", "生效日期",
    "失效日期", "废止日期", "有效性", "主题分类", "体裁", "主题词", "所属栏目", "公开方式", "公开范围", "状态", "内容概述",
]
STAFF_HEADER = [*HEADER, "修改时间"]
_FIELDS = (
    "pk", "index_number", "title", "kind", "publisher", "unit__name", "doc_number", "written_on", "published_on",
    "effective_on", "expires_on", "repealed_on", "declared_validity", "status", "topic", "genre", "keywords",
    "disclosure", "audience", "summary", "updated_at",
)


def _columns(ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    through = Record.columns.through.objects.filter(record_id__in=ids, column__is_active=True)
    for record_id, name, parent in through.values_list("record_id", "column__name", "column__parent__name"):
        found.setdefault(record_id, []).append(f"{parent}/{name}" if parent else name)
    return found


def rows(records: QuerySet[Record], today: date, staff: bool = False) -> Iterator[list[Any]]:
    """The rows of ``records`` in the queryset's order, read ``CHUNK`` at a time."""
    chunk: list[tuple[Any, ...]] = []
    for values in records.values_list(*_FIELDS).iterator(chunk_size=CHUNK):
        chunk.append(values)
        if len(chunk) >= CHUNK:
            yield from _chunk_rows(chunk, today, staff)
            chunk = []
    if chunk:
        yield from _chunk_rows(chunk, today, staff)


def _chunk_rows(chunk: list[tuple[Any, ...]], today: date, staff: bool) -> Iterator[list[Any]]:
    columns = _columns([values[0] for values in chunk])
    for (pk, index_number, title, kind, publisher, unit, doc_number, written_on, published_on, effective_on,
         expires_on, repealed_on, declared, status, topic, genre, keywords, disclosure, audience, summary,
         updated_at) in chunk:
        facts = ValidityFacts(declared=declared_from(declared), effective_on=effective_on, expires_on=expires_on,
                              repealed_on=repealed_on, superseded=status == RecordStatus.SUPERSEDED)
        row = [
            pk, index_number, title, RecordKind(kind).label, publisher, unit, doc_number, written_on, published_on,
            effective_on, expires_on, repealed_on, validity_on(facts, today).label, topic, genre, keywords,
            "；".join(columns.get(pk, [])), Disclosure(disclosure).label, Audience(audience).label,
            RecordStatus(status).label, summary,
        ]
        yield [*row, updated_at] if staff else row
