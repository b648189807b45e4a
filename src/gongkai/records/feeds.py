"""Machine-readable views of the public catalog: Atom feeds of new records (all, per unit, per
column) and the sitemap (an index over pages of at most 40,000 URLs, the protocol's limit being
50,000), so search engines and aggregators find every public record."""

from __future__ import annotations

from datetime import datetime, time
from xml.sax.saxutils import escape

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from gongkai.orgs.models import Unit
from gongkai.pagecache import memo, public_page
from gongkai.records import catalog
from gongkai.records.models import Column, Gazette, Record
from gongkai.records.public import public_records

FEED_ITEMS = 50
SITEMAP_PAGE = 40_000


def _published_at(record: Record) -> datetime:
    if record.published_at:
        return record.published_at
    day = record.published_on or timezone.localdate()
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _atom(request: HttpRequest, title: str, link: str, records: QuerySet[Record]) -> HttpResponse:
    feed = Atom1Feed(
        title=title, link=request.build_absolute_uri(link), description=title, language="zh-CN",
        feed_url=request.build_absolute_uri(),
    )
    for record in records.order_by("-published_on", "-pk")[:FEED_ITEMS]:
        url = request.build_absolute_uri(reverse("records:record", args=[record.pk]))
        feed.add_item(
            title=record.title, link=url, unique_id=url,
            description=record.summary or record.body_text[:200],
            pubdate=_published_at(record), updateddate=_published_at(record),
            author_name=record.publisher, categories=[record.topic] if record.topic else None,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


@public_page
def feed_all(request: HttpRequest) -> HttpResponse:
    return _atom(request, "政府信息公开 · 最新信息", reverse("records:catalog"), public_records())


@public_page
def feed_unit(request: HttpRequest, unit_key: str) -> HttpResponse:
    unit = get_object_or_404(Unit, key=unit_key, is_active=True)
    return _atom(request, f"{unit.name} · 政府信息公开", reverse("records:unit", args=[unit.key]),
                 public_records().filter(unit=unit))


@public_page
def feed_column(request: HttpRequest, unit_key: str, column_pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit, key=unit_key, is_active=True)
    column = get_object_or_404(Column, pk=column_pk, unit=unit, is_active=True)
    through = Record.columns.through.objects.filter(column_id__in=catalog.descendant_ids(column))
    records = public_records().filter(pk__in=through.values("record_id"))
    return _atom(request, f"{unit.name} · {column.path}", reverse("records:column", args=[unit.key, column.pk]), records)


def _xml(body: str) -> HttpResponse:
    return HttpResponse(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}', content_type="application/xml; charset=utf-8")


@public_page
def sitemap_index(request: HttpRequest) -> HttpResponse:
    pages = _sitemap_paginator().num_pages
    locations = [reverse("records:sitemap_pages")] + [
        reverse("records:sitemap_records", args=[number]) for number in range(1, pages + 1)
    ]
    entries = "".join(
        f"<sitemap><loc>{escape(request.build_absolute_uri(location))}</loc></sitemap>" for location in locations
    )
    return _xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>')


def _urlset(request: HttpRequest, entries: list[tuple[str, object]], absolute: bool = False) -> HttpResponse:
    """``entries``: (path, or address when ``absolute``; last modified or None)."""
    body = "".join(
        f"<url><loc>{escape(location if absolute else request.build_absolute_uri(location))}</loc>"
        + (f"<lastmod>{modified}</lastmod>" if modified else "") + "</url>"
        for location, modified in entries
    )
    return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>')


@public_page
def sitemap_pages(request: HttpRequest) -> HttpResponse:
    """The portal's own pages: home, catalog, each unit and column, the lists and the gazette."""
    entries: list[tuple[str, object]] = [(reverse("portal:home"), None), (reverse("records:catalog"), None),
                                        (reverse("records:normative"), None), (reverse("records:gazette"), None)]
    for unit in Unit.objects.filter(is_active=True).order_by("sort_order", "pk"):
        entries.append((reverse("records:unit", args=[unit.key]), None))
    for column in Column.objects.filter(is_active=True, unit__is_active=True).select_related("unit"):
        entries.append((reverse("records:column", args=[column.unit.key, column.pk]), None))
    for issue in Gazette.objects.filter(Gazette.public_q()):
        entries.append((reverse("records:gazette_issue", args=[issue.pk]), issue.published_on))
    return _urlset(request, entries)


@public_page
def sitemap_records(request: HttpRequest, number: int) -> HttpResponse:
    paginator = _sitemap_paginator()
    if number < 1 or number > paginator.num_pages:
        raise Http404("没有这一页。")
    # a record's address built from one reversed sample (the path's only argument is the id):
    # reversing and absolutising 50,000 times took a second
    head = request.build_absolute_uri(reverse("records:record", args=[0])).rsplit("/0/", 1)[0]
    return _urlset(request, [
        (f"{head}/{pk}/", published_on) for pk, published_on in paginator.page(number).object_list
    ], absolute=True)


def _sitemap_paginator() -> Paginator:
    paginator = Paginator(_sitemap_rows(), SITEMAP_PAGE)
    paginator.count = memo("sitemap-count", _sitemap_rows().count)  # type: ignore[misc]
    return paginator


def _sitemap_rows() -> QuerySet[Record]:
    return Record.objects.filter(Record.listed_q()).order_by("pk").values_list("pk", "published_on")
