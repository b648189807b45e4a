"""规章 and 行政规范性文件: issued, repealed and in force, for the public list and for the annual
report's table 二 第二十条第（一）项 (国办公开办函〔2021〕30号; DOMAIN.md 2.3):

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |

本年制发 counts the documents whose 成文日期 (issue date) falls in the year; 本年废止 those whose
废止日期 does; 现行有效 those issued by 31 December and in force then. "In force" is the one rule
of ``rules.validity`` (the record page and the search index read it too), applied here in Python
to the few thousand normative documents a government has, never restated as a query.
Withdrawn records (published by mistake) are not counted; superseded ones are, through their
废止日期.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from gongkai.orgs.models import Unit
from gongkai.records.models import NORMATIVE_KINDS, ON_RECORD_STATUSES, Record, RecordKind
from gongkai.records.validityfilter import validity_q
from gongkai.rules.validity import ENDED, Validity, in_force

# The public list's states: which validities each shows ("all": every one).
STATES: dict[str, frozenset[Validity]] = {
    "in_force": frozenset({Validity.VALID}),
    "not_yet": frozenset({Validity.NOT_YET}),
    "repealed": ENDED,
    "all": frozenset(Validity),
}


@dataclass(frozen=True)
class NormativeRow:
    label: str  # "规章" / "行政规范性文件"
    issued: int  # 本年制发件数
    repealed: int  # 本年废止件数
    in_force: int  # 现行有效件数


def _issued_on() -> Coalesce:
    return Coalesce("written_on", "published_on")


def normative_documents(unit: Unit | None = None) -> QuerySet[Record]:
    documents = Record.objects.filter(kind__in=NORMATIVE_KINDS, status__in=ON_RECORD_STATUSES)
    if unit is not None:
        documents = documents.filter(unit=unit)
    return documents.annotate(issued_on=_issued_on())


# The columns of 第二十条第（一）项, by their keys in the annual report's template.
NORMATIVE_COLUMNS = ("制发", "废止", "现行有效")


def counted_in(document: Record, year: int) -> set[str]:
    """The columns of ``year``'s table a document (annotated with ``issued_on``) counts in: the
    one rule behind the numbers and the list behind each number."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    columns = set()
    if first <= document.issued_on <= last:
        columns.add("制发")
    if document.repealed_on and first <= document.repealed_on <= last:
        columns.add("废止")
    if document.issued_on <= last and in_force(document.validity_facts, last):
        columns.add("现行有效")
    return columns


def normative_counts(year: int, unit: Unit | None = None) -> list[NormativeRow]:
    """The two rows of 第二十条第（一）项 for ``year`` (all units when ``unit`` is None)."""
    counts: Counter[tuple[str, str]] = Counter()
    for document in normative_documents(unit).filter(issued_on__lte=date(year, 12, 31)).only(*_VALIDITY_FIELDS):
        for column in counted_in(document, year):
            counts[document.kind, column] += 1
    return [
        NormativeRow(
            label=RecordKind(kind).label, issued=counts[kind, "制发"], repealed=counts[kind, "废止"],
            in_force=counts[kind, "现行有效"],
        )
        for kind in NORMATIVE_KINDS
    ]


def documents_in_cell(year: int, label: str, column: str, units: list[int] | None = None) -> list[Record]:
    """The documents one cell of the table counts (``label`` "规章" or "行政规范性文件"; ``units``
    None: every unit), by :func:`counted_in`: why a cell says 3."""
    kinds = [kind for kind in NORMATIVE_KINDS if RecordKind(kind).label == label]
    documents = normative_documents().filter(kind__in=kinds, issued_on__lte=date(year, 12, 31))
    if units is not None:
        documents = documents.filter(unit_id__in=units)
    return [
        document for document in documents.select_related("unit").order_by("issued_on", "pk")
        if column in counted_in(document, year)
    ]


_VALIDITY_FIELDS = ("kind", "status", "declared_validity", "effective_on", "expires_on", "repealed_on")


def public_normative_documents(today: date, state: str = "in_force", unit: Unit | None = None) -> QuerySet[Record]:
    """The public list, newest first: "in_force" (现行有效, the default), "not_yet" (尚未生效),
    "repealed" (已废止、失效或已修订) or "all", each record's validity decided by the one rule — as
    a query (``validityfilter``, held to ``validity_on`` by its test), so that the list pages in the
    database: deciding each document in Python read every normative document of the catalog on
    every page (650 ms at 100,000 records)."""
    documents = normative_documents(unit).filter(Record.public_q())
    if STATES[state] != STATES["all"]:
        wanted = Q()
        for value in STATES[state]:
            wanted |= validity_q(value, today)
        documents = documents.filter(wanted)
    return documents.select_related("unit").order_by("-issued_on", "-pk")
