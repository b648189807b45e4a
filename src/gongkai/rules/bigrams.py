"""Search tokens that never miss: overlapping character bigrams, and the queries people type.

Chinese has no spaces, and a word segmenter silently misses documents that it cuts differently
from the query (STACK.md sections 3 and 5: "住房 保障" found 49,846 of 79,227). So every run of
letters, digits and CJK characters becomes its overlapping two-character pieces, Latin and digits
included ("IPv6" → ip pv v6, "2019" → 20 01 19), and a query string becomes the phrase of its
pieces. A document that contains the query as a substring contains that phrase: recall is exact
for any query of two or more characters, across scripts ("5G网络" holds "g网").
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

# CJK Unified Ideographs, Extension A and compatibility ideographs, plus ASCII letters and digits.
_RUN: Final = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MAX_QUERY_CHARS: Final = 200
MAX_TERMS: Final = 12


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII, compatibility forms folded) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def runs(text: str) -> list[str]:
    return _RUN.findall(normalize(text))


def run_tokens(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokens(text: str) -> list[str]:
    """The index tokens of a text, in order; punctuation and spaces only separate runs."""
    return [token for run in runs(text) for token in run_tokens(run)]


def token_text(text: str) -> str:
    """The tokens joined by spaces, as the full-text engines index them (the hot path of
    indexing: the same tokens as ``tokens``, built without intermediate lists)."""
    return " ".join(run if len(run) == 1 else " ".join(map(operator.add, run, run[1:])) for run in runs(text))


@dataclass(frozen=True)
class Term:
    """One thing the person typed: a word or a quoted phrase, required or excluded."""

    text: str  # as typed, without quotes or minus
    tokens: tuple[str, ...]
    excluded: bool = False
    pieces: tuple[str, ...] = ()  # its runs of letters, digits and CJK, for highlighting
    prefix: bool = False  # the last token only begins a run of the document ("〔2019〕1")


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()
    message: str = ""  # for the person, when the query was changed or cannot run
    notes: tuple[str, ...] = field(default=())

    @property
    def required(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.excluded)

    @property
    def excluded(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.excluded)

    @property
    def runnable(self) -> bool:
        return bool(self.required)


_PIECE: Final = re.compile(r'(-?)"([^"]*)"|(\S+)')


def parse_query(raw: str) -> Query:
    """Words (all required), "quoted phrases", -excluded words. Never raises: whatever cannot
    be searched is dropped and said in ``message``."""
    notes: list[str] = []
    text = normalize(raw).replace("“", '"').replace("”", '"')
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append(f"检索词过长，只使用前 {MAX_QUERY_CHARS} 个字符。")
    if text.count('"') % 2:
        text = text.replace('"', " ")
        notes.append("引号不成对，已按普通检索词处理。")
    terms: list[Term] = []
    for match in _PIECE.finditer(text):
        minus, quoted, bare = match.groups()
        word = quoted if quoted is not None else bare
        excluded = bool(minus) or (bare is not None and bare.startswith("-") and len(bare) > 1)
        word = word[1:] if bare is not None and excluded else word
        term = _term(word, excluded, notes)
        if term is not None and term not in terms:
            terms.append(term)
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        notes.append(f"检索词过多，只使用前 {MAX_TERMS} 个。")
    return Query(tuple(terms), _message(terms, notes), tuple(notes))


def _term(word: str, excluded: bool, notes: list[str]) -> Term | None:
    pieces = runs(word)
    if not pieces:
        return None
    if sum(len(piece) for piece in pieces) < 2:
        notes.append(f"“{word}”只有一个字，检索词至少需要两个字，已忽略。")
        return None
    # Runs inside the term are whole runs of the document; the first may be the end of one and the
    # last the start of one. A one-character end has no token of its own: it is dropped (the
    # phrase still finds every document, with a little more besides); a one-character start
    # becomes a prefix token.
    matched = list(pieces)
    if len(matched) > 1 and len(matched[0]) == 1:
        matched = matched[1:]
    prefix = len(pieces) > 1 and len(pieces[-1]) == 1
    term_tokens = tuple(token for piece in matched for token in run_tokens(piece))
    text = "".join(pieces) if len(pieces) == 1 else word.strip()
    return Term(text, term_tokens, excluded, tuple(pieces), prefix)


def _message(terms: list[Term], notes: list[str]) -> str:
    if not any(not term.excluded for term in terms):
        if terms:
            return "请至少输入一个要包含的检索词（以减号开头的词表示排除）。"
        return notes[-1] if notes else "请输入检索词（至少两个字）。"
    return " ".join(notes)


def fts5_phrase(term: Term) -> str:
    """A phrase of tokens for an FTS5 MATCH: tokens are [0-9a-z CJK] only, so quoting is safe."""
    return '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "")


def fts5_match(
    query: Query, filters: tuple[str, ...] = (), columns: tuple[str, ...] = ("title", "body")
) -> str:
    """The MATCH expression: required phrases ANDed over the columns (title and body), filter
    tokens on the meta column, excluded phrases NOTed over title and body."""
    scope = "{" + " ".join(columns) + "}: "
    required = " AND ".join(scope + fts5_phrase(term) for term in query.required)
    parts = [f"({required})", *(f"meta: {token}" for token in filters)]
    expression = " AND ".join(parts)
    for term in query.excluded:
        expression = f"({expression}) NOT ({{title body}}: {fts5_phrase(term)})"
    return expression


def tsquery(query: Query, weight: str = "") -> str:
    """The same query for PostgreSQL's to_tsquery('simple', …): phrases with <-> ; ``weight``
    "A" restricts the required phrases to the title (its positions are weighted A)."""

    def phrase(term: Term, suffix: str = "") -> str:
        lexemes = [_pg_lexeme(token) + suffix for token in term.tokens]
        if term.prefix:
            lexemes[-1] = _pg_lexeme(term.tokens[-1]) + ":*" + suffix.lstrip(":")
        return "(" + " <-> ".join(lexemes) + ")"

    parts = [phrase(term, f":{weight}" if weight else "") for term in query.required]
    parts += ["!" + phrase(term) for term in query.excluded]
    return " & ".join(parts)


def _pg_lexeme(token: str) -> str:
    return "'" + token + "'"  # tokens hold no quote, backslash or operator characters


def snippet(text: str, query: Query, width: int = 120) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first match, as (segment, is_match) pairs for <mark>."""
    pieces = sorted({p for term in query.required for p in term.pieces if len(p) >= 2}, key=len, reverse=True)
    lowered = text.lower()
    starts = [lowered.find(piece) for piece in pieces if piece in lowered]
    first = min(starts) if starts else 0
    begin = max(0, first - width // 4)
    window = text[begin : begin + width]
    segments = highlight(window, pieces)
    if begin > 0:
        segments.insert(0, ("…", False))
    if begin + width < len(text):
        segments.append(("…", False))
    return segments


def highlight(text: str, pieces: list[str]) -> list[tuple[str, bool]]:
    if not pieces:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(piece) for piece in pieces), re.IGNORECASE)
    segments: list[tuple[str, bool]] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            segments.append((text[position : match.start()], False))
        segments.append((match.group(), True))
        position = match.end()
    if position < len(text):
        segments.append((text[position:], False))
    return segments
