"""规章 and 行政规范性文件: issued, repealed and in force, for the public list and for the annual
report's table 二 第二十条第（一）项 (国办公开办函〔2021〕30号; DOMAIN.md 2.3):

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |

本年制发 counts the documents whose 成文日期 (issue date) falls in the year; 本年废止 those whose
废止日期 does; 现行有效 those issued by 31 December and neither repealed nor expired by then.
Withdrawn records (published by mistake) are not counted; superseded ones are, through their
废止日期.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from gongkai.orgs.models import Unit
from gongkai.records.models import NORMATIVE_KINDS, ON_RECORD_STATUSES, Record, RecordKind


@dataclass(frozen=True)
class NormativeRow:
    label: str  # "规章" / "行政规范性文件"
    issued: int  # 本年制发件数
    repealed: int  # 本年废止件数
    in_force: int  # 现行有效件数


def _issued_on() -> Coalesce:
    return Coalesce("written_on", "published_on")


def in_force_q(on: date) -> Q:
    """In force on ``on``: issued by then, not repealed and not expired by then."""
    return (
        Q(issued_on__lte=on)
        & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=on))
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=on))
    )


def normative_documents(unit: Unit | None = None) -> QuerySet[Record]:
    documents = Record.objects.filter(kind__in=NORMATIVE_KINDS, status__in=ON_RECORD_STATUSES)
    if unit is not None:
        documents = documents.filter(unit=unit)
    return documents.annotate(issued_on=_issued_on())


def normative_counts(year: int, unit: Unit | None = None) -> list[NormativeRow]:
    """The two rows of 第二十条第（一）项 for ``year`` (all units when ``unit`` is None)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    totals = {
        row["kind"]: row
        for row in normative_documents(unit).values("kind").annotate(
            issued=Count("pk", filter=Q(issued_on__gte=first, issued_on__lte=last)),
            repealed=Count("pk", filter=Q(repealed_on__gte=first, repealed_on__lte=last)),
            in_force=Count("pk", filter=in_force_q(last)),
        )
    }
    return [
        NormativeRow(
            label=RecordKind(kind).label,
            issued=totals.get(kind, {}).get("issued", 0),
            repealed=totals.get(kind, {}).get("repealed", 0),
            in_force=totals.get(kind, {}).get("in_force", 0),
        )
        for kind in NORMATIVE_KINDS
    ]


def public_normative_documents(today: date, state: str = "in_force", unit: Unit | None = None) -> QuerySet[Record]:
    """The public list: "in_force" (现行有效, the default), "repealed" (已废止/失效) or "all"."""
    documents = normative_documents(unit).filter(Record.public_q()).select_related("unit")
    if state == "in_force":
        documents = documents.filter(in_force_q(today))
    elif state == "repealed":
        documents = documents.exclude(in_force_q(today))
    return documents.order_by("-issued_on", "-pk")
