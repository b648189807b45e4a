"""Chinese full-text search: exact recall against a substring scan, the queries people type,
filters, freshness in the publishing transaction, and the same answers on both databases."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.db import transaction

from gongkai.rules.bigrams import normalize, parse_query
from gongkai.search.api import index_documents, register_provider, reindex, remove_documents, search
from gongkai.search.backends import CAP, Filters, Order
from gongkai.search.documents import SearchDocument
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db

WORDS = ["政务公开", "扶贫资金", "住房保障", "公租房", "审计", "行政许可", "双随机一公开", "政策解读",
         "年度报告", "财政预算", "三公经费", "市财政局", "IPv6", "PPP", "2019", "5G", "工作", "管理",
         "推进", "落实", "海府办函〔2019〕168号", "青龙湖湿地公园", "，", "。", "、", "的", "和"]


def corpus(count: int, seed: int = 7) -> list[SearchDocument]:
    rng = random.Random(seed)
    documents = []
    for number in range(count):
        title = "".join(rng.choices(WORDS[:22], k=rng.randint(3, 6))) + "的通知"
        body = "".join(rng.choices(WORDS, k=rng.randint(20, 120)))
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(3600))
        documents.append(SearchDocument(
            f"test.doc:{number}", title, body, f"/records/{number}/", day, unit_id=rng.choice([1, 2, 3]),
            column_ids=(rng.choice([10, 11]),), topic=rng.choice(["综合政务", "财政"]), validity="有效",
        ))
    return documents


def put(documents):
    with transaction.atomic():
        index_documents(documents)


def substring_scan(documents, text):
    """The documents whose text (normalised as the index normalises it) contains every required
    term as typed and no excluded one: what the engine must find, every one of them."""
    query = parse_query(text)

    def contains(document, term):
        return term.text in normalize(document.title + "\n" + document.body)

    return {
        d.key for d in documents
        if all(contains(d, t) for t in query.required) and not any(contains(d, t) for t in query.excluded)
    }


def all_keys(text, **filters):
    found = search(text, Filters(**filters), Order.NEWEST, per_page=CAP)
    urls = {hit.url for hit in found.hits}
    return {f"test.doc:{url.split('/')[2]}" for url in urls}


QUERIES = ["政务公开", "扶贫资金 审计", "住房保障 -公租房", '"财政局"', "ipv6", "ppp", "2019", "5g",
           "海府办函〔2019〕168号", "168号", "府办", "青龙湖", "湿地", "v6", "公开年度", "知的",
           # three characters, Latin and digits, 文号 pieces, words
           # running into the next one
           "府办函", "ipv", "pv6", "湿地公园", "办函〔2019〕168", "〔2019〕", "2019〕168号", "8号", "5g政务",
           "ipv6ppp", "号青龙", "ppp项目 -2019"]
# Strings that cross punctuation at an end ("9〕1": the 9 ends a run, the 1 begins one): every
# document containing them is found, and a few more (the one-character ends match loosely).
CROSSING = ["9〕1", "019〕16", '"开，扶贫"', "〔2019〕1"]


@pytest.mark.parametrize("text", QUERIES)
def test_it_finds_every_document_a_substring_scan_finds(text):
    documents = corpus(400)
    put(documents)
    assert all_keys(text) == substring_scan(documents, text)


@pytest.mark.parametrize("text", CROSSING)
def test_it_finds_every_document_across_punctuation(text):
    documents = corpus(400)
    put(documents)
    expected = substring_scan(documents, text)
    assert expected and all_keys(text) >= expected


def test_both_engines_rank_the_same_way():
    """The ranking runs over the stored text (rules.bigrams.rank): the same order on SQLite and
    PostgreSQL (the PostgreSQL pass runs this file too)."""
    put(corpus(400))
    found = search("扶贫资金 审计")
    assert found.ranked_by == "relevance" and found.total == len(substring_scan(corpus(400), "扶贫资金 审计"))
    assert [hit.url for hit in found.hits[:6]] == GOLDEN_ORDER


GOLDEN_ORDER = ['/records/63/', '/records/49/', '/records/86/', '/records/292/', '/records/21/', '/records/261/']


def test_it_filters_by_unit_column_year_topic_and_validity():
    documents = corpus(300)
    put(documents)
    expected = {d.key for d in substring_scan(documents, "扶贫资金") and documents
                if d.key in substring_scan(documents, "扶贫资金") and d.unit_id == 2
                and 11 in d.column_ids and d.published_on.year == 2019 and d.topic == "财政"}
    assert all_keys("扶贫资金", unit_id=2, column_id=11, year=2019, topic="财政", validity="有效") == expected
    assert all_keys("扶贫资金", validity="废止") == set()


def test_it_ranks_title_matches_first_when_matches_are_few():
    put([
        SearchDocument("a:1", "关于做好冰雹灾害防御的通知", "各地要做好防御。", "/a/1/", date(2020, 1, 1)),
        SearchDocument("a:2", "农业生产通知", "注意冰雹天气。", "/a/2/", date(2024, 1, 1)),
    ])
    results = search("冰雹")
    assert [hit.url for hit in results.hits] == ["/a/1/", "/a/2/"] and results.ranked_by == "relevance"
    assert [hit.url for hit in search("冰雹", order=Order.NEWEST).hits] == ["/a/2/", "/a/1/"]


def test_it_highlights_the_words_found():
    put([SearchDocument("a:1", "扶贫资金管理办法", "为加强扶贫资金管理，制定本办法。", "/a/1/", date(2020, 1, 1))])
    hit = search("扶贫资金").hits[0]
    assert ("扶贫资金", True) in hit.title_marks and ("扶贫资金", True) in hit.snippet


@pytest.mark.parametrize("text", ['"unbalanced', "，。、；", "x" * 10_000, "NEAR(工作", "*", "工作 AND OR NOT", "-审计", "单"])
def test_it_never_fails_on_what_people_type(text, client):
    put(corpus(50))
    results = search(text)
    assert results.total >= 0
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    if not results.query.runnable:
        assert results.query.message in response.content.decode()


def test_its_reads_keep_djangos_errors_and_types():
    """The search path reads on the DB-API connection on SQLite (``backends.read``): its errors
    must still be Django's, and a date column still a date, on both engines."""
    from django.db import DatabaseError

    from gongkai.search.backends import read

    put(corpus(3))
    assert all(isinstance(day, date) for (day,) in read("SELECT published_on FROM search_searchentry", []))
    assert read("SELECT key FROM search_searchentry WHERE key = %s", ["test.doc:1"]) == [("test.doc:1",)]
    with pytest.raises(DatabaseError):
        read("SELECT no_such_column FROM search_searchentry", [])


def test_it_forgets_a_withdrawn_document_in_the_same_transaction():
    put(corpus(20))
    key = "test.doc:3"
    with transaction.atomic():
        remove_documents([key])
        assert key not in all_keys("的通知")
    assert not SearchEntry.objects.filter(key=key).exists()


def test_it_replaces_an_edited_document():
    put([SearchDocument("a:1", "旧标题", "旧正文内容", "/a/1/", date(2020, 1, 1))])
    put([SearchDocument("a:1", "新标题", "修订后的正文", "/a/1/", date(2021, 1, 1))])
    assert search("旧标题").total == 0 and search("新标题").total == 1 and search("修订").total == 1
    assert SearchEntry.objects.count() == 1


def test_it_leaves_unchanged_documents_alone(monkeypatch):
    from gongkai.search import backends

    documents = corpus(30)
    put(documents)
    written = []
    for engine in (backends.SqliteBackend, backends.PostgresBackend):
        monkeypatch.setattr(engine, "write", lambda self, entries, forms: written.extend(entries))
    put(documents)
    assert written == []
    edited = replace(documents[0], title="扶贫资金管理办法（修订）")
    put([edited, *documents[1:]])
    assert [entry.key for entry in written] == [edited.key]


def test_it_refuses_to_index_outside_a_transaction(transactional_db):
    with pytest.raises(RuntimeError):
        index_documents(corpus(1))


def test_it_pages_deep_into_broad_results():
    put(corpus(600))
    first = search("的通知", order=Order.NEWEST, page=1, per_page=10)
    tenth = search("的通知", order=Order.NEWEST, page=10, per_page=10)
    assert first.total == 600 and len(tenth.hits) == 10
    assert tenth.hits[0].published_on <= first.hits[-1].published_on


def test_it_ranks_broad_queries_from_a_pool_when_asked(settings, monkeypatch):
    from gongkai.search import backends

    monkeypatch.setattr(backends, "CAP", 50)
    put(corpus(300))
    default = search("的通知")
    relevance = search("的通知", order=Order.RELEVANCE)
    assert default.capped and default.ranked_by == "newest"
    assert relevance.ranked_by == "relevance-pool" and len(relevance.hits) == 20


def test_it_rebuilds_the_index_from_the_providers():
    documents = corpus(120)
    register_provider("test", lambda: iter(documents))
    try:
        put([SearchDocument("stale:1", "过期信息", "过期", "/x/", date(2020, 1, 1))])
        assert reindex(batch=50) == 120
        assert search("过期信息").total == 0
        assert all_keys("扶贫资金") == substring_scan(documents, "扶贫资金")
        assert reindex(batch=50, force=True) == 120  # every document rewritten: the same answers
        assert all_keys("扶贫资金") == substring_scan(documents, "扶贫资金")
    finally:
        from gongkai.search import api

        api._providers.pop("test")


def test_it_shows_results_on_the_search_page(client):
    put([SearchDocument("a:1", "扶贫资金管理办法", "为加强扶贫资金管理。", "/a/1/", date(2020, 1, 1), doc_number="肇府〔2020〕1号")])
    text = client.get("/search/", {"q": "扶贫资金"}).content.decode()
    assert "<mark>扶贫资金</mark>" in text and "找到 1 条结果" in text and "肇府〔2020〕1号" in text
    assert 'name="q"' in client.get("/").content.decode()  # the box on every portal page
    assert client.get("/search/advanced/").status_code == 200
