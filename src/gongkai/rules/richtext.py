"""The body of a record: sanitising its rich text, and its plain text for search and the privacy scan.

Bodies arrive from the console editor and, more often, pasted from Word or copied from old sites, so
they carry scripts, event attributes, inline styles and foreign images. :func:`sanitize` keeps an
explicit allow-list (nh3, i.e. the Ammonia sanitiser; STACK.md "Security"):

- text structure: ``p div br h2 h3 h4 strong b em i u sub sup blockquote hr ul ol li``
  (``ol start``); ``div`` stays because text pasted from other sites often has one per line;
  ``h1`` is the page's own title, so a body's ``h1`` keeps its text but loses the tag;
- tables: ``table caption thead tbody tfoot tr th td`` with ``colspan``/``rowspan`` (1–1000) and
  ``th scope`` — 公开目录 bodies are full of tables;
- links: ``a href title`` with http, https, mailto, tel or relative URLs only; every link gets
  ``rel="noopener noreferrer"``;
- images: ``img src alt width height``, where ``src`` must be a same-site absolute path ("/media/…").
  External and ``data:`` images are dropped: pages must load no asset from outside the app
  (issue 4, item 8), and a ``data:`` image would bypass the attachment checks of ``uploads``.

Everything else goes: ``script``/``style``/``iframe``/``object``/``embed``/``svg`` with their
content, other tags keeping their text, every ``on*`` event attribute, ``style``, ``class``, ``id``,
and ``javascript:``/``vbscript:``/``data:`` URLs.

:func:`html_to_text` gives the text the search index and the privacy scan (``rules.pii``) read;
:func:`mask_html` applies the reviewer's masks to that text inside the markup. The two agree
character for character: the masks of ``pii`` keep lengths, and the text maps one-to-one onto the
HTML's text nodes (whitespace becomes one space each; block boundaries add "\\n", table cells "\\t").

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

import nh3

from gongkai.rules.pii import DEFAULT_OPTIONS, PiiHit, ScanOptions, mask, scan

ALLOWED_TAGS: Final = frozenset(
    {
        "p",
        "div",
        "br",
        "h2",
        "h3",
        "h4",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "sub",
        "sup",
        "blockquote",
        "hr",
        "ul",
        "ol",
        "li",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "a",
        "img",
    }
)
ALLOWED_ATTRIBUTES: Final = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start"}),
}
URL_SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
# Removed together with their content (their "text" is code or a fallback, never body text).
REMOVED_WITH_CONTENT: Final = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "noscript",
        "template",
        "svg",
        "math",
        "textarea",
        "select",
        "head",
        "title",
    }
)

_NUMBER: Final = re.compile(r"[1-9]\d{0,3}")
_SAME_SITE_PATH: Final = re.compile(r"/(?![/\\])[^\s\\:]*")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Values that the allow-list admits by name but not by content are dropped."""
    if tag == "img" and attribute == "src":
        return value if _SAME_SITE_PATH.fullmatch(value) else None
    if attribute in ("colspan", "rowspan"):
        return value if _NUMBER.fullmatch(value) and int(value) <= 1000 else None
    if attribute in ("width", "height", "start"):
        return value if _NUMBER.fullmatch(value) else None
    if attribute == "scope":
        return value if value in ("row", "col", "rowgroup", "colgroup") else None
    return value


_CLEANER: Final = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_attribute_filter,
    strip_comments=True,
    link_rel="noopener noreferrer",
    url_schemes=set(URL_SCHEMES),
    url_relative="pass_through",
)


def sanitize(body: str) -> str:
    """``body`` reduced to the allow-list of this module."""
    return _CLEANER.clean(body)


# --- text of the body --------------------------------------------------------------------------

_BLOCKS: Final = frozenset(
    {
        "p",
        "div",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "hr",
        "ul",
        "ol",
        "li",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
    }
)
_CELLS: Final = frozenset({"td", "th"})
_WHITESPACE: Final = re.compile(r"\s")


@dataclass(frozen=True)
class _Part:
    """A piece of sanitised HTML. ``markup`` is a tag as written; ``text`` is what the part adds
    to the plain text; ``source`` is a text node as it was (whitespace not yet made spaces)."""

    markup: str = ""
    text: str = ""
    source: str | None = None


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[_Part] = []
        self._last = ""  # the last character of the plain text so far

    def _separate(self, separator: str) -> None:
        if not self._last or self._last == "\n" or self._last == separator:
            return
        self._add(_Part(text=separator))

    def _add(self, part: _Part) -> None:
        self.parts.append(part)
        if part.text:
            self._last = part.text[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._separate("\n")
        elif tag in _CELLS:
            self._separate("\t")
        self._add(_Part(markup=self.get_starttag_text() or ""))
        if tag == "br":
            self._add(_Part(text="\n"))

    def handle_endtag(self, tag: str) -> None:
        self._add(_Part(markup=f"</{tag}>"))
        if tag in _BLOCKS:
            self._separate("\n")

    def handle_data(self, data: str) -> None:
        self._add(_Part(text=_WHITESPACE.sub(" ", data), source=data))


def _split(body: str) -> list[_Part]:
    splitter = _Splitter()
    splitter.feed(sanitize(body))
    splitter.close()
    return splitter.parts


def _plain(parts: Sequence[_Part]) -> str:
    return "".join(part.text for part in parts)


def html_to_text(body: str) -> str:
    """The text of ``body`` as a reader sees it: one line per block, cells separated by tabs."""
    return _plain(_split(body)).rstrip()


def scan_html(body: str, options: ScanOptions = DEFAULT_OPTIONS) -> list[PiiHit]:
    """The privacy scan of ``body``; offsets refer to :func:`html_to_text`."""
    return scan(html_to_text(body), options)


def mask_html(body: str, hits: Sequence[PiiHit]) -> str:
    """The sanitised ``body`` with ``hits`` (found in :func:`html_to_text` of it) masked in its
    text nodes; markup is untouched, also where a hit spans several nodes ("138<b>1234</b>5678")."""
    parts = _split(body)
    plain = _plain(parts)
    masked = mask(plain, hits)  # raises ValueError for a hit from another version of the body
    pieces: list[str] = []
    offset = 0
    for part in parts:
        if part.source is not None:
            node = "".join(
                new if new != old else kept
                for kept, old, new in zip(part.source, part.text, masked[offset:], strict=False)
            )
            pieces.append(html.escape(node, quote=False))
        pieces.append(part.markup)
        offset += len(part.text)
    return sanitize("".join(pieces))
