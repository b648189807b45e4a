"""Public pages cached, and never wrong (issue 22, point 2).

``public_page`` wraps the views of the pages every visitor sees alike (home, catalog lists,
record pages, feeds). A visitor without a session gets the page from the configured cache (local
memory by default, Redis when GONGKAI_REDIS_URL is set) under a key that holds the content's
generation; a signed-in user (whose header differs) always gets it rendered.

The generation is the pair (the ``ContentGeneration`` counter, the largest audit row id), read in
one query on every request. Every state change of the platform is audited in its own transaction,
so the largest id grows with each change a request can see; a PostgreSQL transaction that took a
lower id but commits later is covered by the counter, which is bumped once after the commit of
every transaction that wrote an audit row. So a page cached before a publication, withdrawal,
correction or interpretation link is never served after it, on any app server that shares the
database: no timeout is needed for that (the timeout only frees memory), and the calendar day is
part of the key for what the date alone changes (有效性, deadlines).

``memo`` keeps, under the same generation and day, the aggregates that every rendering of a
public page repeats whatever its visitor (the count of a catalog list, the counts per column):
they cost a scan of the catalog, which grows with it, and they are kept even when the page cache
is off, for as long as ``GONGKAI_PORTAL_MEMO_SECONDS``.

Each cached page carries an ``ETag`` and ``Cache-Control: public, max-age=0, must-revalidate`` so
that a reverse proxy may keep it and ask again each time; the answer to a matching
``If-None-Match`` is a 304 without rendering.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from gongkai.audit.models import AuditEntry
from gongkai.portal.models import ContentGeneration

View = Callable[..., HttpResponseBase]
T = TypeVar("T")
_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "text/csv")
_HEADERS_KEPT = ("Content-Type", "Content-Disposition", "Content-Language")
_HEADERS_IN_KEY = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HOST")


# The generation read once per public page's request (its cache key and each ``memo``), not per use.
_request_generation: ContextVar[list[str] | None] = ContextVar("request_generation", default=None)


def generation() -> str:
    """The content's generation, as one short string (see the module's docstring)."""
    kept = _request_generation.get()
    if kept:
        return kept[0]
    counter = ContentGeneration._meta.db_table
    audit = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT (SELECT MAX(value) FROM {counter}), (SELECT MAX(id) FROM {audit})")
        value, last = cursor.fetchone()
    found = f"{value or 0}.{last or 0}"
    if kept is not None:
        kept.append(found)
    return found


def bump() -> None:
    """Grow the counter by one (after a commit; see ``after_audit_row``)."""
    if not ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 1})


def after_audit_row(sender: Any, created: bool = False, **kwargs: Any) -> None:
    """post_save of an audit row: bump the counter once when its transaction commits."""
    if not created:
        return
    pending = transaction.get_connection().run_on_commit
    if not any(entry[1] is bump for entry in pending):
        transaction.on_commit(bump)


def memo(name: str, compute: Callable[[], T], *parts: Hashable) -> T:
    """``compute()``, kept for the content's generation and the calendar day (see the module's
    docstring); ``name`` and ``parts`` tell one aggregate from another."""
    text = "\n".join([name, generation(), timezone.localdate().isoformat(), *map(repr, parts)])
    key = "portal-memo:" + hashlib.sha256(text.encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        kept = (compute(),)  # in a tuple: a None result is kept too
        cache.set(key, kept, settings.GONGKAI_PORTAL_MEMO_SECONDS)
    return kept[0]


def public_page(view: View) -> View:
    """Serve ``view`` from the cache to visitors without a session (see the module's docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # a GET changes nothing, so one reading serves the whole request; a POST may change the
        # content before a ``memo`` is asked for, which must then see the new generation
        reading = getattr(request, "pagecache_generation", []) if request.method in ("GET", "HEAD") else None
        token = _request_generation.set(reading)
        try:
            return _served(request, *args, **kwargs)
        finally:
            _request_generation.reset(token)

    def _served(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = getattr(request, "pagecache_key", None)  # looked up already by EarlyPageCacheMiddleware
        if key is None:
            key = _key(request)
            kept = _kept_response(request, key)
            if kept is not None:
                return kept
        response = view(request, *args, **kwargs)
        if _cacheable_response(request, response):
            assert isinstance(response, HttpResponse)
            headers = [(name, response[name]) for name in _HEADERS_KEPT if response.has_header(name)]
            cache.set(key, (response.content, headers), settings.GONGKAI_PORTAL_CACHE_SECONDS)
            response["X-Cache"] = "miss"
            _revalidated(response, _etag(key))
        return response

    wrapper.is_public_page = True  # type: ignore[attr-defined]
    return wrapper


class EarlyPageCacheMiddleware:
    """A cached public page answered before the session, locale, CSRF, authentication and
    message middleware run (they have nothing to do for a visitor without a session), with the
    key rules of ``public_page``: only for requests that view would serve from the cache, only
    for paths whose view is a ``public_page``. The security headers middleware sits above it,
    so a page answered here carries the same headers as one rendered. On a miss the key is
    handed on to the view (``request.pagecache_key``), so that it is not looked up twice."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if _cacheable_request(request) and _is_public_page(request):
            reading: list[str] = []
            token = _request_generation.set(reading)
            try:
                key = _key(request)
            finally:
                _request_generation.reset(token)
            request.pagecache_generation = reading  # type: ignore[attr-defined]
            kept = _kept_response(request, key)
            if kept is not None:
                # what the middleware below adds to a rendered page on its way out (locale, common)
                patch_vary_headers(kept, ("Accept-Language",))
                kept.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
                if isinstance(kept, HttpResponse) and kept.status_code == 200:
                    kept["Content-Length"] = str(len(kept.content))
                return kept
            request.pagecache_key = key  # type: ignore[attr-defined]
        return self.get_response(request)


def _is_public_page(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return getattr(match.func, "is_public_page", False)


def _kept_response(request: HttpRequest, key: str) -> HttpResponseBase | None:
    """The page stored under ``key`` (or a 304 when the client holds it already), or None."""
    etag = _etag(key)
    if etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
        return _revalidated(HttpResponseNotModified(), etag)
    kept = cache.get(key)
    if kept is None:
        return None
    content, headers = kept
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return _revalidated(response, etag)


def _etag(key: str) -> str:
    return f'"{key[-32:]}"'


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.GONGKAI_PORTAL_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES  # a notice shown once, to this visitor
    )


def _cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A whole 200 page that holds nothing of this visitor: no cookie set, no CSRF token used."""
    return (
        isinstance(response, HttpResponse)
        and response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and response.get("Content-Type", "").split(";")[0].strip() in _TYPES
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _key(request: HttpRequest) -> str:
    parts = [
        generation(), timezone.localdate().isoformat(), request.get_full_path(),
        request.COOKIES.get("font_size", ""), *(request.META.get(name, "") for name in _HEADERS_IN_KEY),
    ]
    return "portal-page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _revalidated(response: HttpResponseBase, etag: str) -> HttpResponseBase:
    response["ETag"] = etag
    patch_vary_headers(response, ("Cookie",))  # a visitor with a session gets another page
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
