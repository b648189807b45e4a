"""Bad input never breaks the site (issue 15, point 6): every URL of the project, walked as the
public, as a unit clerk and as the office admin, with hostile numbers and dates in its path and in
the query keys and form fields that the views read, answers 4xx, 200 or 302, never 500.

The URLs with real ids are found the way a visitor finds them, by following the links of the demo
data's pages; every other pattern is still requested with hostile ids in its path. Every form met
on the way, and every link with a query string, is then sent again with one field at a time made
hostile and the others as the page filled them. Each POST runs in a savepoint that is rolled back,
so that one hostile step cannot change what the next sees. Fields whose names differ only in
their numbers are sent once for all, and on PostgreSQL only the values that reach the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from gongkai.orgs.models import User

pytestmark = pytest.mark.django_db

HOSTILE = ["²", "-1", "99999999999999999999", "abc", "9999-12-31", ""]
HOSTILE_PATH_INTS = ["0", "99999999999999999999"]
HOSTILE_PATH_STRINGS = ["abc", "²"]
KEYS = [
    "page", "year", "unit", "column", "record", "month", "cutoff", "plan", "q", "day", "kind", "status",
    "start", "sort_order", "workdays", "triggered_on", "remove", "state", "show", "within", "half",
    "publication_workdays", "repealed_on", "written_on", "index_number", "new_ref", "source",
]
FIELD_VALUES = ["²", "99999999999999999999", "9999-12-31", "-1"]
ENGINE_VALUES = ("99999999999999999999", "9999-12-31", "-1")
PAGES_PER_USER = 600
TRIES_PER_ROUTE = 4  # ids that other users' pages hold answer 404: follow other links of the route
_LINK = re.compile(r'(?:href|action)="(/[^"#]*)"')
_SKIPPED = ("/static/", "/media/", "/admin/", "/accounts/logout/")


def _patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


def _routes() -> list[tuple[str, URLPattern]]:
    """Every pattern of gongkai.urls but Django's own admin site."""
    return [(route, pattern) for route, pattern in _patterns(get_resolver("gongkai.urls")) if not route.startswith("admin/")]


def _fill(route: str, pattern: URLPattern, int_value: str, str_value: str) -> str:
    path = route
    for name, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__
        value = int_value if kind == "IntConverter" else str_value
        path = re.sub(rf"<(?:\w+:)?{name}>", value, path)
    return "/" + path


def _route_of(path: str) -> str | None:
    try:
        match = resolve(path.split("?", 1)[0])
    except Resolver404:
        return None
    return match.route


@dataclass
class Form:
    """A form (or a link with a query string) as the page fills it."""

    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)


class _Forms(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.forms, self._select = page, list[Form](), ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form":
            method = "post" if found.get("method", "").lower() == "post" else "get"
            self.forms.append(Form(method, found.get("action") or self.page))
        elif tag == "a" and "?" in found.get("href", "") and found["href"].startswith(("/", "?")):
            path, query = found["href"].split("?", 1)
            self.forms.append(Form("get", path or self.page, dict(parse_qsl(query, keep_blank_values=True))))
        elif self.forms and tag in ("input", "select", "textarea") and self._fillable(found):
            self.forms[-1].fields.setdefault(found["name"], found.get("value", ""))

    @staticmethod
    def _fillable(found: dict[str, str]) -> bool:
        return bool(found.get("name")) and found.get("type") not in ("file", "submit") and (
            found["name"] != "csrfmiddlewaretoken"
        )


def _crawl(client: Client, seeds: list[str]) -> tuple[dict[str, str], list[Form]]:
    """One real URL per route (one that answers), found by following the links of the pages,
    breadth first, and the forms of those pages (one per action and set of fields)."""
    found: dict[str, str] = {}
    tries: dict[str, int] = {}
    forms: dict[tuple[str, str, tuple[str, ...]], Form] = {}
    queue, seen = list(seeds), set(seeds)
    fetched = 0
    while queue and fetched < PAGES_PER_USER:
        path = queue.pop(0)
        route = _route_of(path)
        if route is None or route in found or tries.get(route, 0) >= TRIES_PER_ROUTE:
            continue
        tries[route] = tries.get(route, 0) + 1
        response = client.get(path)
        fetched += 1
        if response.status_code >= 400:
            continue
        found[route] = path
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        parser = _Forms(path)
        parser.feed(page)
        for form in parser.forms:
            forms.setdefault((_route_of(form.action) or form.action, form.method, tuple(sorted(form.fields))), form)
        for link in _LINK.findall(page):
            link = link.replace("&amp;", "&").split("?", 1)[0]
            if link not in seen and not link.startswith(_SKIPPED):
                seen.add(link)
                queue.append(link)
    return found, list(forms.values())


def _check(client: Client, method: str, path: str, data: dict[str, str], note: str, failures: list[str]) -> None:
    """Send the request; a 500 is noted with the exception behind it."""
    if method == "get":
        response = client.get(path, data)
    else:
        with transaction.atomic():
            response = client.post(path, data)
            transaction.set_rollback(True)
    if response.status_code >= 500:
        error = getattr(response, "exc_info", None)
        failures.append(f"{note} {method.upper()} {path} {data if len(data) < 3 else ''} → "
                        f"{response.status_code} {repr(error[1]) if error else ''}")


def _hostile_paths(route: str, pattern: URLPattern) -> set[str]:
    """The route with hostile values in its path: huge or zero ids, odd strings."""
    converters = pattern.pattern.converters.values()
    if not converters:
        return set()
    paths = {_fill(route, pattern, number, "abc") for number in HOSTILE_PATH_INTS}
    if any(type(converter).__name__ != "IntConverter" for converter in converters):
        paths |= {_fill(route, pattern, "1", text) for text in HOSTILE_PATH_STRINGS}
    return paths


def _field_kinds(fields: dict[str, str]) -> list[str]:
    """One field of each kind: fields whose names differ only in their numbers (a score per
    indicator leaf, a row per unit) are read by the same code, so the first stands for all."""
    kinds: dict[str, str] = {}
    for name in fields:
        kinds.setdefault(re.sub(r"\d+", "#", name), name)
    return list(kinds.values())


def _values(values: list[str]) -> list[str]:
    """On the second engine only the values that reach the database: an out-of-range integer and
    a far date are refused differently by PostgreSQL; strings that fail to parse never get there."""
    if connection.vendor == "sqlite":
        return values
    return [value for value in values if value in ENGINE_VALUES]


def _walk(client: Client, label: str, failures: list[str]) -> tuple[set[str], int]:
    routes = _routes()
    seeds = [_fill(route, pattern, "1", "abc") for route, pattern in routes]
    real, forms = _crawl(client, ["/", "/console/", *seeds])
    for form in forms:
        for name in _field_kinds(form.fields):
            for value in _values(FIELD_VALUES):
                _check(client, form.method, form.action, {**form.fields, name: value}, f"{label} {name}={value!r}", failures)
    for route, pattern in routes:
        path = real.get(route, _fill(route, pattern, "1", "abc"))
        for value in _values(HOSTILE):
            for method in ("get", "post"):
                _check(client, method, path, dict.fromkeys(KEYS, value), f"{label} [{value!r}]", failures)
        for hostile in _hostile_paths(route, pattern):
            for method in ("get", "post"):
                _check(client, method, hostile, {}, label, failures)
    return set(real), len(forms)


@pytest.fixture
def demo_data(settings, tmp_path):
    from gongkai.console.demo import load_demo

    settings.VAR_DIR = tmp_path
    load_demo()


def _client(user: Any | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_it_answers_no_500_to_hostile_numbers_and_dates_on_any_url(demo_data):
    clerk = User.objects.get(username="caizheng")
    admin = User.objects.get(username="gongkaiban")
    failures: list[str] = []
    reached: set[str] = set()
    forms = 0
    for label, user in (("公众", None), ("经办人", clerk), ("公开办", admin)):
        answered, sent = _walk(_client(user), label, failures)
        reached, forms = reached | answered, forms + sent
    assert not failures, "\n".join(failures[:80]) + f"\n… {len(failures)} in all"
    # The crawl reached real objects, not only 404s (the routes left are POST-only steps, whose
    # forms are among those sent, and links that need a session of their own).
    assert len(reached) >= 0.8 * len(_routes()) and forms >= 100
