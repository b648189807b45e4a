"""Rows as the API answers them (the dicts the schemas of ``schemas.py`` validate). Built by hand
from rows fetched with their relations in a constant number of queries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from pydantic import BaseModel

from gongkai.orgs.models import Unit, UnitCategory, UnitKind
from gongkai.records.models import Audience, Disclosure, Record, RecordKind, RecordStatus


def choice(enum: Any, value: str) -> dict[str, str]:
    return {"code": value, "label": enum(value).label}


def unit_ref(unit: Unit) -> dict[str, Any]:
    return {"id": unit.pk, "key": unit.key, "name": unit.name}


def unit_out(unit: Unit) -> dict[str, Any]:
    return {
        **unit_ref(unit), "kind": choice(UnitKind, unit.kind),
        "category": choice(UnitCategory, unit.category) if unit.category else None,
        "parent_id": unit.parent_id, "org_code": unit.org_code,
    }


def record_url(pk: int) -> str:
    return reverse("records:record", args=[pk])  # a dict lookup of the resolver, cached by Django


LIST_FIELDS = (
    "index_number", "title", "summary", "kind", "publisher", "doc_number", "written_on", "formed_on",
    "published_on", "effective_on", "expires_on", "repealed_on", "declared_validity", "status", "topic",
    "genre", "keywords", "disclosure", "audience", "superseded_by_id", "interprets_id", "updated_at",
    "unit__key", "unit__name",
)


def for_list(records: QuerySet[Record]) -> QuerySet[Record]:
    """Only the catalog fields (not the body) and the unit, in the page's one query."""
    return records.select_related("unit").only(*LIST_FIELDS)


def column_refs(record_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each record's active columns with their paths, in one query over the link table."""
    through = Record.columns.through.objects.filter(record_id__in=record_ids, column__is_active=True)
    found: dict[int, list[dict[str, Any]]] = {}
    for record_id, pk, name, parent, grandparent in through.order_by("column__sort_order", "column_id").values_list(
        "record_id", "column_id", "column__name", "column__parent__name", "column__parent__parent__name",
    ):
        path = " / ".join(part for part in (grandparent, parent, name) if part)
        found.setdefault(record_id, []).append({"id": pk, "name": name, "path": path})
    return found


def record_out(
    record: Record, today: date, columns: list[dict[str, Any]], public_ids: set[int] | None = None
) -> dict[str, Any]:
    """``columns``: the record's (``column_refs``); ``public_ids``: which of the records it points
    to (``interprets``, ``superseded_by``) the public may open; a pointer to any other is null."""
    public_ids = public_ids or set()
    return {
        "id": record.pk, "index_number": record.index_number, "title": record.title, "summary": record.summary,
        "kind": choice(RecordKind, record.kind), "unit": unit_ref(record.unit), "publisher": record.publisher,
        "doc_number": record.doc_number, "written_on": record.written_on, "formed_on": record.formed_on,
        "published_on": record.published_on, "effective_on": record.effective_on, "expires_on": record.expires_on,
        "repealed_on": record.repealed_on, "validity": _validity(record, today),
        "topic": record.topic, "genre": record.genre, "keywords": record.keywords,
        "columns": columns,
        "disclosure": choice(Disclosure, record.disclosure), "audience": choice(Audience, record.audience),
        "superseded": record.status == RecordStatus.SUPERSEDED,
        "superseded_by_id": record.superseded_by_id if record.superseded_by_id in public_ids else None,
        "interprets_id": record.interprets_id if record.interprets_id in public_ids else None,
        "updated_at": record.updated_at, "url": record_url(record.pk),
    }


def _validity(record: Record, today: date) -> dict[str, str]:
    validity = record.validity_on(today)
    return {"code": validity.value, "label": validity.label}


def public_pointers(records: list[Record]) -> set[int]:
    """Of the records these point to (解读 → 政策, old → new version), those the public may open."""
    wanted = {pk for r in records for pk in (r.interprets_id, r.superseded_by_id) if pk}
    if not wanted:
        return set()
    return set(Record.objects.filter(Record.public_q(), pk__in=wanted).values_list("pk", flat=True))


def json_answer(schema: type[BaseModel], data: dict[str, Any], temporal: HttpResponse) -> HttpResponse:
    """``data`` validated against its documented schema and written by pydantic's own JSON writer,
    with the headers the view set on ninja's temporal response (Last-Modified). For the catalog's
    pages: ninja's dump to Python objects and JSON encoding after it were a fifth of a list page."""
    answer = HttpResponse(schema.model_validate(data).model_dump_json(), content_type="application/json; charset=utf-8")
    for header, value in temporal.items():
        if header.lower() != "content-type":
            answer[header] = value
    return answer


def last_modified(response: HttpResponse, stamps: list[datetime | None]) -> None:
    known = [stamp for stamp in stamps if stamp is not None]
    if known:
        response["Last-Modified"] = http_date(max(known).timestamp())
