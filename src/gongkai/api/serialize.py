"""Rows as the API answers them (the dicts the schemas of ``schemas.py`` validate). Built by hand
from rows fetched with their relations in a constant number of queries."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from pydantic import BaseModel

from gongkai.orgs.models import Unit, UnitCategory, UnitKind
from gongkai.records.models import Audience, Column, Disclosure, Record, RecordKind, RecordStatus
from gongkai.rules import validity


@cache
def choice(enum: Any, value: str) -> dict[str, str]:
    """A code with its Chinese label (one shared dict per code: the answers only read it)."""
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


def record_urls() -> Callable[[int], str]:
    """``record_url`` for the many records of a page: the address reversed once, the number put
    in by hand (reversing twenty times was a tenth of a list page)."""
    head, _, tail = reverse("records:record", args=[0]).rpartition("0")
    return lambda pk: f"{head}{pk}{tail}"


# A listed record as the API reads it: the catalog fields (not the body) and the unit's names,
# as plain values (``values()``: building model objects was a tenth of a list page).
ROW_FIELDS = (
    "id", "index_number", "title", "summary", "kind", "publisher", "doc_number", "written_on", "formed_on",
    "published_on", "effective_on", "expires_on", "repealed_on", "declared_validity", "status", "topic",
    "genre", "keywords", "disclosure", "audience", "superseded_by_id", "interprets_id", "updated_at",
    "unit_id", "unit__key", "unit__name",
)


def for_list(records: QuerySet[Record]) -> QuerySet[Record, dict[str, Any]]:
    """The rows of a list, in the page's one query."""
    return records.values(*ROW_FIELDS)


def column_refs(record_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each record's active columns with their paths, in the catalog's order, in one query over
    the link table. Written as SQL: its shape never changes, and building it through the ORM on
    every page (four tables) cost a fifth of a list page; the SQL is plain joins that SQLite and
    PostgreSQL read alike."""
    if not record_ids:
        return {}
    found: dict[int, list[dict[str, Any]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_column_sql(len(record_ids)), [True, *record_ids])
        for record_id, pk, name, parent, grandparent in cursor.fetchall():
            path = " / ".join(part for part in (grandparent, parent, name) if part)
            found.setdefault(record_id, []).append({"id": pk, "name": name, "path": path})
    return found


@cache
def _column_sql(count: int) -> str:
    quote = connection.ops.quote_name
    links, columns = quote(Record.columns.through._meta.db_table), quote(Column._meta.db_table)
    record_id, column_id = quote("record_id"), quote("column_id")
    pk, name, parent_id, active, order = (quote(n) for n in ("id", "name", "parent_id", "is_active", "sort_order"))
    return (
        f"SELECT l.{record_id}, c.{pk}, c.{name}, p.{name}, g.{name} FROM {links} l "
        f"INNER JOIN {columns} c ON c.{pk} = l.{column_id} "
        f"LEFT OUTER JOIN {columns} p ON p.{pk} = c.{parent_id} "
        f"LEFT OUTER JOIN {columns} g ON g.{pk} = p.{parent_id} "
        f"WHERE c.{active} = %s AND l.{record_id} IN ({', '.join(['%s'] * count)}) "
        f"ORDER BY c.{order}, c.{pk}"
    )


def record_out(
    row: Mapping[str, Any], today: date, columns: list[dict[str, Any]], public_ids: set[int] | None = None,
    url: Callable[[int], str] = record_url,
) -> dict[str, Any]:
    """``row``: a row of ``for_list``; ``columns``: the record's (``column_refs``); ``public_ids``:
    which of the records it points to (``interprets``, ``superseded_by``) the public may open; a
    pointer to any other is null."""
    public_ids = public_ids or set()
    pk, superseded = row["id"], row["status"] == RecordStatus.SUPERSEDED
    return {
        "id": pk, "index_number": row["index_number"], "title": row["title"], "summary": row["summary"],
        "kind": choice(RecordKind, row["kind"]),
        "unit": {"id": row["unit_id"], "key": row["unit__key"], "name": row["unit__name"]},
        "publisher": row["publisher"], "doc_number": row["doc_number"], "written_on": row["written_on"],
        "formed_on": row["formed_on"], "published_on": row["published_on"], "effective_on": row["effective_on"],
        "expires_on": row["expires_on"], "repealed_on": row["repealed_on"],
        "validity": _validity(row, superseded, today),
        "topic": row["topic"], "genre": row["genre"], "keywords": row["keywords"],
        "columns": columns,
        "disclosure": choice(Disclosure, row["disclosure"]), "audience": choice(Audience, row["audience"]),
        "superseded": superseded,
        "superseded_by_id": row["superseded_by_id"] if row["superseded_by_id"] in public_ids else None,
        "interprets_id": row["interprets_id"] if row["interprets_id"] in public_ids else None,
        "updated_at": row["updated_at"], "url": url(pk),
    }


def _validity(row: Mapping[str, Any], superseded: bool, today: date) -> dict[str, str]:
    """The same rule as ``Record.validity_on``, over the row's values."""
    facts = validity.ValidityFacts(
        declared=validity.declared_from(row["declared_validity"]), effective_on=row["effective_on"],
        expires_on=row["expires_on"], repealed_on=row["repealed_on"], superseded=superseded,
    )
    return choice(validity.Validity, validity.validity_on(facts, today).value)


def public_pointers(rows: list[Mapping[str, Any]]) -> set[int]:
    """Of the records these point to (解读 → 政策, old → new version), those the public may open."""
    wanted = {pk for row in rows for pk in (row["interprets_id"], row["superseded_by_id"]) if pk}
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
