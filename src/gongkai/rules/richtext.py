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

Before any of that, :func:`check_body` bounds what the cleaner is given (:data:`MAX_BODY_CHARS`
characters, :data:`MAX_NESTING` levels of nested tags): the cleaner's time grows with the square of
the nesting, and a body of 200,000 nested ``div`` (1 MB) took it five minutes (issue 15, point 6).
Real bodies, Word tables included, nest a few dozen levels deep.

Everything else goes: ``script``/``style``/``iframe``/``object``/``embed``/``svg`` with their
content, other tags keeping their text, every ``on*`` event attribute, ``style``, ``class``, ``id``,
and ``javascript:``/``vbscript:``/``data:`` URLs.

:func:`clean_body` gives the sanitised body and its text with one pass of the cleaner (what a
record stores, so that showing it never cleans again); :func:`html_to_text` gives the text the search index and the privacy scan (``rules.pii``) read;
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


MAX_BODY_CHARS: Final = 1_000_000
MAX_NESTING: Final = 300
_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>")
_VOID: Final = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                          "source", "track", "wbr"})
# Start tags that end an open element on top of the stack, as HTML parsers do ("<p>a<p>b" is not
# nested): without them, old sites' unclosed <p>, <li> and <td> would count as deep nesting.
_TABLE_PARTS: Final = frozenset({"td", "th", "tr", "thead", "tbody", "tfoot"})
_ENDS: Final = {
    "p": frozenset({"p"}), "li": frozenset({"li", "p"}), "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}), "option": frozenset({"option"}), "td": frozenset({"td", "th", "p"}),
    "th": frozenset({"td", "th", "p"}), "tr": frozenset({"td", "th", "tr", "p"}),
    "thead": _TABLE_PARTS | {"p"}, "tbody": _TABLE_PARTS | {"p"}, "tfoot": _TABLE_PARTS | {"p"},
}
_ENDS_P: Final = frozenset({"p"})


class BodyError(ValueError):
    """A body the cleaner must not be given; the message tells the clerk what to do."""


def nesting_depth(body: str, limit: int = MAX_NESTING) -> int:
    """How deep the tags of ``body`` nest, counted the way a browser would build the tree (closing
    tags close, void and self-closed tags do not open, implied ends are applied), at most
    ``limit + 1``: the count stops as soon as the limit is passed. Linear in the length."""
    open_tags: list[str] = []
    deepest = 0
    for match in _TAG.finditer(body):
        closing, name = match[1], match[2].lower()
        if closing:
            if name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name):]
            continue
        if name in _VOID or match[0].endswith("/>"):
            continue
        ends = _ENDS.get(name, _ENDS_P if name in _BLOCKS else frozenset())
        while open_tags and open_tags[-1] in ends:
            open_tags.pop()
        open_tags.append(name)
        deepest = max(deepest, len(open_tags))
        if deepest > limit:
            break
    return deepest


def check_body(body: str) -> None:
    """Raise :class:`BodyError` for a body too long or too deeply nested to clean in bounded time."""
    if len(body) > MAX_BODY_CHARS:
        raise BodyError(
            f"正文过长：共 {len(body):,} 个字符，上限为 {MAX_BODY_CHARS:,} 个字符。"
            "请删去多余的格式，或把长表格等内容作为附件上传。"
        )
    if nesting_depth(body) > MAX_NESTING:
        raise BodyError(
            f"正文嵌套层级过深（超过 {MAX_NESTING} 层），无法安全处理。"
            "请在 Word 中复制后以“只保留文本”方式重新粘贴，或把内容作为附件上传。"
        )


def sanitize(body: str) -> str:
    """``body`` reduced to the allow-list of this module; :class:`BodyError` for a body outside
    the bounds of :func:`check_body`, which is never given to the cleaner."""
    check_body(body)
    return _CLEANER.clean(body)


def clean_body(raw: str) -> tuple[str, str]:
    """The sanitised ``raw`` and its :func:`html_to_text`, cleaning once."""
    body = sanitize(raw)
    return body, _plain(_split_clean(body)).rstrip()


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
    return _split_clean(sanitize(body))


def _split_clean(clean: str) -> list[_Part]:
    splitter = _Splitter()
    splitter.feed(clean)
    splitter.close()
    return splitter.parts


def _plain(parts: Sequence[_Part]) -> str:
    return "".join(part.text for part in parts)


def html_to_text(body: str) -> str:
    """The text of ``body`` as a reader sees it: one line per block, cells separated by tabs."""
    return _plain(_split(body)).rstrip()


def stored_text(clean: str) -> str:
    """:func:`html_to_text` of a body that :func:`sanitize` already cleaned (a stored record's):
    the same text without running the cleaner again; :class:`BodyError` for one stored before
    the bounds of :func:`check_body` (a quick pass)."""
    check_body(clean)
    return _plain(_split_clean(clean)).rstrip()


def scan_html(body: str, options: ScanOptions = DEFAULT_OPTIONS) -> list[PiiHit]:
    """The privacy scan of ``body``; offsets refer to :func:`html_to_text`."""
    return scan(html_to_text(body), options)


def mask_html(body: str, hits: Sequence[PiiHit]) -> str:
    """The sanitised ``body`` with ``hits`` (found in :func:`html_to_text` of it) masked in its
    text nodes; markup is untouched, also where a hit spans several nodes ("138<b>1234</b>5678")."""
    return sanitize(_masked(_split(body), hits))


def mask_stored_html(clean: str, hits: Sequence[PiiHit]) -> str:
    """:func:`mask_html` of a body already cleaned: its markup is kept as it is and only escaped
    text goes between, so the result is clean without running the cleaner again."""
    check_body(clean)
    return _masked(_split_clean(clean), hits)


def _masked(parts: Sequence[_Part], hits: Sequence[PiiHit]) -> str:
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
    return "".join(pieces)
