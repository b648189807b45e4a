"""Migration 0004 fills the PostgreSQL grams and title tokens of the entries already indexed, and
0005 replaces the grams by a RUM index where the rum extension is available (and back), so that an
installation that upgrades finds them without a reindex."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gongkai.search import api
from gongkai.search.backends import Filters, forget_scheme, pg_scheme

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the grams are PostgreSQL's"),
]


def _migrate(target: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.fixture(autouse=True)
def _latest_afterwards():
    """The tests after these run on the latest schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    forget_scheme()


def _old_entry() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchentry (key, fts_rowid, title, body, url, published_on, column_ids, topic, "
            "validity, doc_number, index_number, tokens, long_text) VALUES ('old:1', 1, '政务公开工作要点', "
            "'关于青龙湖湿地公园的通知', '/r/1/', '2020-01-02', '[]', '', '', '', '', %s::tsvector, false)",
            ["'政务':1A '务公':2A '公开':3A '开工':4A '工作':5A '作要':6A '要点':7A '关于':9 '于青':10 '青龙':11 "
             "'龙湖':12 '湖湿':13 '湿地':14 '地公':15 '公园':16 '园的':17 '的通':18 '通知':19"],
        )


def test_upgrading_fills_the_grams_of_existing_entries():
    _migrate(("search", "0003_bulk_writes"))
    _old_entry()
    _migrate(("search", "0004_pg_grams"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT grams::text, title_tokens::text FROM search_searchentry WHERE key = 'old:1'")
        grams, title = cursor.fetchone()
    assert "'工作要点'" in grams and "'青龙湖湿'" in grams and "'要点'" in title
    assert api.search("工作要点", Filters()).total == 1


def test_upgrading_to_rum_keeps_existing_entries_found_and_going_back_restores_the_grams():
    _migrate(("search", "0003_bulk_writes"))
    _old_entry()
    _migrate(("search", "0005_pg_rum"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'rum'")
        available = cursor.fetchone()[0] == 1
    assert pg_scheme() == ("rum" if available else "grams")
    assert api.search("工作要点", Filters()).total == 1 and api.search('"青龙湖湿地"', Filters()).total == 1
    _migrate(("search", "0004_pg_grams"))
    assert pg_scheme() == "grams"
    with connection.cursor() as cursor:
        cursor.execute("SELECT grams::text FROM search_searchentry WHERE key = 'old:1'")
        assert "'工作要点'" in cursor.fetchone()[0]
    assert api.search("工作要点", Filters()).total == 1 and api.search("湿地公园", Filters()).total == 1


def test_a_database_told_to_keep_the_grams_keeps_them(settings):
    """GONGKAI_SEARCH_PG_INDEX=grams, as on a server without rum: 0005 leaves the grams."""
    settings.GONGKAI_SEARCH_PG_INDEX = "grams"
    _migrate(("search", "0003_bulk_writes"))
    _old_entry()
    _migrate(("search", "0005_pg_rum"))
    forget_scheme()
    assert pg_scheme() == "grams"
    with connection.cursor() as cursor:
        cursor.execute("SELECT grams::text FROM search_searchentry WHERE key = 'old:1'")
        assert "'工作要点'" in cursor.fetchone()[0]
    assert api.search("工作要点", Filters()).total == 1
