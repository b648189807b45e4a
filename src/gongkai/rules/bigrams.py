"""Search tokens that never miss: overlapping character bigrams, and the queries people type.

Chinese has no spaces, and a word segmenter silently misses documents that it cuts differently
from the query (STACK.md sections 3 and 5: "住房 保障" found 49,846 of 79,227). So every run of
letters, digits and CJK characters becomes its overlapping two-character pieces, Latin and digits
included ("IPv6" → ip pv v6, "2019" → 20 01 19), and a query string becomes the phrase of its
pieces. A document that contains the query as a substring contains that phrase: recall is exact
for any query of two or more characters, across scripts ("5G网络" holds "g网").

The same tokens go to SQLite's FTS5 (``fts5_texts``, ``fts5_match``) and to PostgreSQL's tsvector
(``pg_index_form``, ``pg_query``); the matches are ranked by ``rank``, in Python over the stored
text, so both engines give the same results in the same order.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

# CJK Unified Ideographs, Extension A and compatibility ideographs, plus ASCII letters and digits.
_RUN: Final = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Characters NFKC leaves alone or turns into punctuation only: ASCII, CJK ideographs and the
# punctuation of Chinese text (tests/rules/test_bigrams.py checks every one). A text made of them
# alone has the same runs without NFKC, which costs more than all the rest of tokenising.
_NEEDS_NFKC: Final = re.compile(
    "[^\x00-\x7f\u00b7\u2010-\u2027\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3400-\u4dbf"
    "\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
MAX_QUERY_CHARS: Final = 200
T = TypeVar("T")
MAX_TERMS: Final = 12


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII, compatibility forms folded) and lower case."""
    if _NEEDS_NFKC.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


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


def fts5_texts(title: str, body: str) -> tuple[str, str]:
    """What SQLite's FTS5 table is given of a document: the token texts of title and body."""
    return token_text(title), token_text(body)


def index_forms(form: Callable[[str, str], T], texts: Sequence[tuple[str, str]]) -> list[T]:
    """``form`` (``fts5_texts`` or ``pg_index_form``) of each (title, body): the part of a
    bulk reindex that a worker process does while the main one writes."""
    return [form(title, body) for title, body in texts]


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


def tsquery(query: Query) -> str:
    """The same query as a PostgreSQL ``tsquery`` literal (lexemes verbatim, as the tsvector holds
    them): phrases with <->."""
    return " & ".join([_pg_phrase(term) for term in query.required] + ["!" + _pg_phrase(term) for term in query.excluded])


def _pg_phrase(term: Term) -> str:
    lexemes = [f"'{token}'" for token in term.tokens]  # tokens hold no quote or operator
    if term.prefix:
        lexemes[-1] = f"'{term.tokens[-1]}':*"
    return "(" + " <-> ".join(lexemes) + ")"


# PostgreSQL keeps at most 256 positions per lexeme and positions up to 16,383: a longer document
# would lose phrase matches, so such documents are also matched by substring (few, and indexed).
PG_MAX_POSITION: Final = 16_383
PG_MAX_POSITIONS_PER_LEXEME: Final = 256


def _positions_literal(title_tokens: list[str], body_tokens: list[str]) -> tuple[str, bool]:
    """The positional tsvector (title positions weighted A, then a gap so that no phrase spans
    title and body) and whether it exceeds PostgreSQL's limits."""
    positions: dict[str, list[str]] = {}
    for index, token in enumerate(title_tokens, start=1):
        positions.setdefault(token, []).append(f"{index}A")
    start = len(title_tokens) + 2
    for index, token in enumerate(body_tokens, start=start):
        positions.setdefault(token, []).append(str(min(index, PG_MAX_POSITION)))
    too_long = start + len(body_tokens) > PG_MAX_POSITION or any(
        len(found) > PG_MAX_POSITIONS_PER_LEXEME for found in positions.values()
    )
    literal = " ".join(f"'{token}':{','.join(found[:PG_MAX_POSITIONS_PER_LEXEME])}" for token, found in positions.items())
    return literal, too_long


def chain_grams(sequence: Sequence[str]) -> list[str]:
    """The three- and four-character grams of two or three consecutive tokens, each overlapping
    the next ("政务", "务公", "公开" → "政务公", "政务公开", "务公开"), in order of first appearance.
    A phrase of bigrams matches only where its consecutive tokens stand, so a document matching
    the phrase holds all of the phrase's grams (punctuation included: "工作。作要点" holds the
    phrase 工作要点 as FTS5 sees it, and the gram 工作要 too). PostgreSQL finds the candidates of
    a phrase by its grams in a GIN index without positions, and reads positions only of those:
    a phrase of three or four characters is one gram and needs no positions at all."""
    found: list[str] = []
    for index in range(len(sequence) - 1):
        first, second = sequence[index], sequence[index + 1]
        if len(first) == 2 == len(second) and first[1] == second[0]:
            found.append(first + second[1])
            third = sequence[index + 2] if index + 2 < len(sequence) else ""
            if len(third) == 2 and second[1] == third[0]:
                found.append(first + second[1] + third[1])
    return list(dict.fromkeys(found))


def document_grams(text: str) -> set[str]:
    """``chain_grams`` of a text's tokens, from its runs (371 µs for a 900-character body, against
    743 µs to tokenise and walk the tokens): a run's bigrams always overlap, and the chain goes
    on into the next run when the last character of one is the first of the next; a run of one
    character breaks it."""
    chains: list[str] = []
    for run in runs(text):
        if len(run) < 2:
            chains.append("")
        elif chains and chains[-1] and chains[-1][-1] == run[0]:
            chains[-1] += run[1:]
        else:
            chains.append(run)
    found: set[str] = set()
    for chain in chains:
        found.update(chain[i : i + 3] for i in range(len(chain) - 2))
        found.update(chain[i : i + 4] for i in range(len(chain) - 3))
    return found


def pg_index_form(title: str, body: str) -> tuple[str, bool, str, str]:
    """What PostgreSQL stores of a document with the gram scheme: the positional tsvector of title
    and body, whether it exceeds PostgreSQL's limits, the grams of title and body (a tsvector
    without positions) and the positional tsvector of the title alone (for matches in the title)."""
    literal, too_long, title_literal = pg_rum_form(title, body)
    grams = document_grams(title) | document_grams(body)
    return literal, too_long, " ".join(f"'{gram}'" for gram in grams), title_literal


def pg_rum_form(title: str, body: str) -> tuple[str, bool, str]:
    """What PostgreSQL stores of a document with the RUM scheme: ``pg_index_form`` without the
    grams (RUM keeps the positions in its index, so phrases need no grams)."""
    title_tokens, body_tokens = tokens(title), tokens(body)
    literal, too_long = _positions_literal(title_tokens, body_tokens)
    title_literal, _ = _positions_literal([], title_tokens)
    return literal, too_long, title_literal


@dataclass(frozen=True)
class PgQuery:
    """A query as PostgreSQL runs it: index conditions that every match meets (the grams of the
    required phrases, and the tokens of terms that have no grams), and the positional check of the
    whole query for the candidates, unless the index conditions are already exact (every term a
    single bigram or a single gram, nothing excluded)."""

    grams: str  # tsquery of all grams, or ""
    tokens: str  # tsquery of the tokens of terms without grams, or ""
    check: str  # the whole query (``tsquery``) when candidates need checking, or ""
    title: str  # the required phrases, for the title's own tsvector
    excluded: str  # the excluded phrases, or ""


def pg_query(query: Query) -> PgQuery:
    grams: list[str] = []
    lexemes: list[str] = []
    exact = not query.excluded
    for term in query.required:
        whole = term.tokens[:-1] if term.prefix else term.tokens
        found = chain_grams(whole)
        grams += [gram for gram in found if not any(len(other) > len(gram) and gram in other for other in found)]
        if not found:
            lexemes += [f"'{token}'" for token in whole]
            if term.prefix:
                lexemes.append(f"'{term.tokens[-1]}':*")
        # exact when the term is one bigram, or one gram spanning all its tokens
        exact = exact and not term.prefix and (len(whole) == 1 or any(len(gram) == len(whole) + 1 for gram in found))
    excluded = " & ".join(_pg_phrase(term) for term in query.excluded)
    return PgQuery(
        grams=" & ".join(f"'{gram}'" for gram in dict.fromkeys(grams)),
        tokens=" & ".join(dict.fromkeys(lexemes)),
        check="" if exact else tsquery(query),
        title=" & ".join(_pg_phrase(term) for term in query.required),
        excluded=excluded,
    )


TITLE_WEIGHT: Final = 3.0
K1: Final = 1.2
B: Final = 0.75
_LETTER: Final = re.compile("[a-z]")


def rank(rows: Iterable[tuple[int, str, str]], query: Query) -> list[int]:
    """The row ids of (id, title, body) rows, most relevant first: bm25 as FTS5 computes it per
    column (title ×3, k1 1.2, b 0.75; lengths in characters, averaged over these rows) over the
    stored text, so both engines give the same order. idf is left out: every row ranked contains
    every required term. Ties: newest first (the higher id)."""
    terms = [[piece for piece in term.pieces if len(piece) >= 2] or list(term.pieces) for term in query.required]
    fold = any(_LETTER.search(piece) for pieces in terms for piece in pieces)
    counted = []
    for rowid, title, body in rows:
        if fold:  # Latin letters are matched regardless of case; lower() is slow on CJK text
            title, body = title.lower(), body.lower()
        frequencies = [(sum(title.count(p) for p in pieces), sum(body.count(p) for p in pieces)) for pieces in terms]
        counted.append((rowid, len(title), len(body), frequencies))
    if not counted:
        return []
    title_average = sum(row[1] for row in counted) / len(counted) or 1.0
    body_average = sum(row[2] for row in counted) / len(counted) or 1.0
    scores = {}
    for rowid, title_length, body_length, frequencies in counted:
        title_norm = K1 * (1 - B + B * title_length / title_average)
        body_norm = K1 * (1 - B + B * body_length / body_average)
        scores[rowid] = sum(
            TITLE_WEIGHT * _saturated(in_title, title_norm) + _saturated(in_body, body_norm)
            for in_title, in_body in frequencies
        )
    return sorted(scores, key=lambda rowid: (-scores[rowid], -rowid))


def _saturated(frequency: int, norm: float) -> float:
    return frequency * (K1 + 1) / (frequency + norm)


def marker(query: Query) -> re.Pattern[str] | None:
    """What to highlight: the required pieces of two or more characters (longest first), in any
    case; compiled once a search and used for every hit's title and snippet."""
    pieces = sorted({p for term in query.required for p in term.pieces if len(p) >= 2}, key=len, reverse=True)
    if not pieces:
        return None
    return re.compile("|".join(map(re.escape, pieces)), re.IGNORECASE if any(map(_LETTER.search, pieces)) else 0)


def snippet(text: str, marks: re.Pattern[str] | None, width: int = 120) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first match, as (segment, is_match) pairs for <mark>."""
    found = marks.search(text) if marks else None
    begin = max(0, (found.start() if found else 0) - width // 4)
    segments = highlight(text[begin : begin + width], marks)
    if begin > 0:
        segments.insert(0, ("…", False))
    if begin + width < len(text):
        segments.append(("…", False))
    return segments


def highlight(text: str, marks: re.Pattern[str] | None) -> list[tuple[str, bool]]:
    if marks is None:
        return [(text, False)]
    segments: list[tuple[str, bool]] = []
    position = 0
    for match in marks.finditer(text):
        if match.start() > position:
            segments.append((text[position : match.start()], False))
        segments.append((match.group(), True))
        position = match.end()
    if position < len(text):
        segments.append((text[position:], False))
    return segments
