"""Search tokens as plain rules: the NFKC shortcut, the PostgreSQL forms and the ranking.
(Recall against a substring scan, on both engines, is tested in tests/search.)"""

from __future__ import annotations

import re
import unicodedata

import pytest

from gongkai.rules import bigrams
from gongkai.rules.bigrams import parse_query, pg_index_form, rank, tokens, tsquery

RUN_CHARACTER = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SAMPLES = ["海府办函〔2019〕168号", "ＩＰｖ６和２０１９年", "ＰＰＰ项目", "①号文件", "℃", "第一、二条", "5G网络", "“政务公开”"]


def test_the_nfkc_shortcut_only_skips_characters_that_nfkc_keeps_out_of_runs():
    plain = [chr(c) for c in range(0x10000) if not bigrams._NEEDS_NFKC.match(chr(c))]
    for character in plain:
        folded = unicodedata.normalize("NFKC", character).lower()
        assert folded == character.lower() or not RUN_CHARACTER.search(folded + character.lower()), character


@pytest.mark.parametrize("text", SAMPLES)
def test_tokens_are_those_of_the_full_nfkc(text):
    full = [token for run in re.findall(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+",
                                        unicodedata.normalize("NFKC", text).lower())
            for token in bigrams.run_tokens(run)]
    assert tokens(text) == full


def test_postgresql_gets_the_same_phrases_as_a_tsquery_literal():
    assert tsquery(parse_query("政务公开")) == "('政务' <-> '务公' <-> '公开')"
    assert tsquery(parse_query("〔2019〕1")) == "('20' <-> '01' <-> '19' <-> '1':*)"
    assert tsquery(parse_query("政务公开 -年度报告")) == "('政务' <-> '务公' <-> '公开') & !('年度' <-> '度报' <-> '报告')"


def test_the_postgresql_form_weights_the_title_leaves_a_gap_and_adds_grams():
    literal, too_long, grams, title = pg_index_form("政务公开", "IPv6，2019")
    lexemes = dict(item.split(":") for item in literal.split())
    assert lexemes["'政务'"] == "1A" and lexemes["'公开'"] == "3A"
    assert lexemes["'ip'"] == "5" and lexemes["'v6'"] == "7" and lexemes["'20'"] == "8" and not too_long
    assert set(grams.split()) == {"'政务公'", "'政务公开'", "'务公开'", "'ipv'", "'ipv6'", "'pv6'", "'201'", "'2019'", "'019'"}
    assert title == "'政务':2 '务公':3 '公开':4"  # the title alone, unweighted


def test_a_document_beyond_the_tsvector_limits_is_flagged():
    assert pg_index_form("通知", "公开" * 300)[1]  # one lexeme at more than 256 positions


def test_ranking_puts_title_matches_first_and_breaks_ties_newest_first():
    query = parse_query("扶贫资金")
    rows = [(1, "通知", "扶贫资金扶贫资金"), (2, "扶贫资金管理办法", "正文"), (3, "通知", "扶贫资金扶贫资金")]
    assert rank(rows, query) == [2, 3, 1]


def test_ranking_counts_latin_letters_regardless_of_case():
    rows = [(1, "通知", "ipv6 的有关通知"), (2, "通知", "IPv6 与 IPV6")]  # the same length
    assert rank(rows, parse_query("IPv6")) == [2, 1]


def _phrase_in(document: list[str], term: bigrams.Term) -> bool:
    """The phrase as FTS5 matches it: the term's tokens at consecutive positions (the last a
    prefix of the document's token when the term ends in a prefix)."""
    whole = list(term.tokens[:-1] if term.prefix else term.tokens)
    size = len(term.tokens)
    for start in range(len(document) - size + 1):
        if document[start : start + len(whole)] == whole and (
            not term.prefix or document[start + size - 1].startswith(term.tokens[-1])
        ):
            return True
    return False


def _random_text(rng, alphabet: str, size: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(size))


def test_document_grams_are_the_chain_grams_of_its_tokens():
    import random

    rng = random.Random(5)
    for _ in range(2000):
        text = _random_text(rng, "政务公开工作要点，。 ab1", rng.randint(0, 30))
        assert bigrams.document_grams(text) == set(bigrams.chain_grams(tokens(text))), text
    assert bigrams.chain_grams(tokens("工作。作要点")) == ["工作要", "工作要点", "作要点"]  # as FTS5's phrase sees it


def test_postgresql_candidates_hold_every_phrase_match_and_are_exact_when_said():
    """The GIN conditions of ``pg_query`` never drop a document whose tokens hold the phrase;
    when it says no positional check is needed, they hold nothing else either."""
    import random

    rng = random.Random(7)
    alphabet = "政务公开工作要点，。〔〕 ab"
    checked = exact = 0
    for _ in range(3000):
        document = _random_text(rng, alphabet, rng.randint(5, 40))
        query = parse_query(_random_text(rng, alphabet.replace(" ", ""), rng.randint(2, 6)))
        if not query.runnable or len(query.required) != 1:
            continue
        term = query.required[0]
        plan = bigrams.pg_query(query)
        grams = set(re.findall(r"'([^']+)'(?!:\*)", plan.grams))
        lexemes = set(re.findall(r"'([^']+)'(?!:\*)", plan.tokens))
        document_tokens = tokens(document)
        candidate = grams <= bigrams.document_grams(document) and lexemes <= set(document_tokens)
        matches = _phrase_in(document_tokens, term)
        assert candidate or not matches, (document, term)
        if not plan.check:
            assert candidate == matches, (document, term)
            exact += 1
        checked += 1
    assert checked > 1000 and exact > 300


@pytest.mark.parametrize(("text", "grams", "lexemes", "checked"), [
    ("工作", "", "'工作'", False),
    ("石门村", "'石门村'", "", False),
    ("工作要点", "'工作要点'", "", False),
    ("青龙湖湿地公园", "'青龙湖湿' & '龙湖湿地' & '湖湿地公' & '湿地公园'", "", True),
    ("〔2019〕168号", "'2019' & '168号'", "", True),
    ("〔2019〕1", "'2019'", "", True),
    ("PPP 项目", "'ppp'", "'项目'", False),
    ("政务公开 -年度报告", "'政务公开'", "", True),
])
def test_postgresql_plans_of_typical_queries(text, grams, lexemes, checked):
    plan = bigrams.pg_query(parse_query(text))
    assert (plan.grams, plan.tokens, bool(plan.check)) == (grams, lexemes, checked)
