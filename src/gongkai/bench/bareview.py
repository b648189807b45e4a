"""The portal benchmark's peer: a bare Django view that renders a public record from one query.

Served at ``/bench/bare/<pk>/`` only when ``GONGKAI_BENCH_BARE_VIEW`` is on (``gongkai.urls``),
which only ``python -m gongkai.bench portal`` sets, for its own temporary server: the same
gunicorn, settings and middleware as the record page it is compared with, without the portal's
layout, catalog columns, interpretations or cache.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template import engines

from gongkai.records.models import Record

_FIELDS = ("title", "index_number", "publisher", "doc_number", "written_on", "published_on", "topic", "body")
_TEMPLATE = engines["django"].from_string(
    "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ r.title }}</title></head><body>"
    "<h1>{{ r.title }}</h1><table><tr><th>索引号</th><td>{{ r.index_number }}</td></tr>"
    "<tr><th>发布机构</th><td>{{ r.publisher }}</td></tr><tr><th>文号</th><td>{{ r.doc_number }}</td></tr>"
    "<tr><th>成文日期</th><td>{{ r.written_on|date:'Y-m-d' }}</td></tr>"
    "<tr><th>发布日期</th><td>{{ r.published_on|date:'Y-m-d' }}</td></tr>"
    "<tr><th>主题分类</th><td>{{ r.topic }}</td></tr></table>{{ r.body|safe }}</body></html>"
)


def bare_record(request: HttpRequest, pk: int) -> HttpResponse:
    row = Record.objects.filter(Record.public_q(), pk=pk).values(*_FIELDS).first()
    if row is None:
        raise Http404("没有找到该信息。")
    return HttpResponse(_TEMPLATE.render({"r": row}, request))
