"""Migration 0004 fills the PostgreSQL grams and title tokens of the entries already indexed, so
that an installation that upgrades finds them without a reindex."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gongkai.search import api
from gongkai.search.backends import Filters

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the grams are PostgreSQL's"),
]


def _migrate(target: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


def test_upgrading_fills_the_grams_of_existing_entries():
    _migrate(("search", "0003_bulk_writes"))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_searchentry (key, fts_rowid, title, body, url, published_on, column_ids, topic, "
            "validity, doc_number, index_number, tokens, long_text) VALUES ('old:1', 1, '政务公开工作要点', "
            "'关于青龙湖湿地公园的通知', '/r/1/', '2020-01-02', '[]', '', '', '', '', %s::tsvector, false)",
            ["'政务':1A '务公':2A '公开':3A '开工':4A '工作':5A '作要':6A '要点':7A"],
        )
    _migrate(("search", "0004_pg_grams"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT grams::text, title_tokens::text FROM search_searchentry WHERE key = 'old:1'")
        grams, title = cursor.fetchone()
    assert "'工作要点'" in grams and "'青龙湖湿'" in grams and "'要点'" in title
    assert api.search("工作要点", Filters()).total == 1
