"""Search tokens as plain rules: the NFKC shortcut, the PostgreSQL forms and the ranking.
(Recall against a substring scan, on both engines, is tested in tests/search.)"""

from __future__ import annotations

import re
import unicodedata

import pytest

from gongkai.rules import bigrams
from gongkai.rules.bigrams import parse_query, rank, tokens, tsquery, tsvector_literal

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
    assert tsquery(parse_query("公开"), weight="A") == "('公开':A)"
    assert tsquery(parse_query("〔2019〕1")) == "('20' <-> '01' <-> '19' <-> '1':*)"
    assert tsquery(parse_query("〔2019〕1"), weight="A") == "('20':A <-> '01':A <-> '19':A <-> '1':*A)"
    assert tsquery(parse_query("政务公开 -年度报告")) == "('政务' <-> '务公' <-> '公开') & !('年度' <-> '度报' <-> '报告')"


def test_the_tsvector_weights_the_title_and_leaves_a_gap_before_the_body():
    literal, too_long = tsvector_literal("政务公开", "IPv6，2019")
    lexemes = dict(item.split(":") for item in literal.split())
    assert lexemes["'政务'"] == "1A" and lexemes["'公开'"] == "3A"
    assert lexemes["'ip'"] == "5" and lexemes["'v6'"] == "7" and lexemes["'20'"] == "8" and not too_long


def test_a_document_beyond_the_tsvector_limits_is_flagged():
    assert tsvector_literal("通知", "公开" * 300)[1]  # one lexeme at more than 256 positions


def test_ranking_puts_title_matches_first_and_breaks_ties_newest_first():
    query = parse_query("扶贫资金")
    rows = [(1, "通知", "扶贫资金扶贫资金"), (2, "扶贫资金管理办法", "正文"), (3, "通知", "扶贫资金扶贫资金")]
    assert rank(rows, query) == [2, 3, 1]


def test_ranking_counts_latin_letters_regardless_of_case():
    rows = [(1, "通知", "ipv6 的有关通知"), (2, "通知", "IPv6 与 IPV6")]  # the same length
    assert rank(rows, parse_query("IPv6")) == [2, 1]
