"""The full-text structure for each database (see models.py)."""

from django.db import migrations

SQLITE = [
    # Contentless: the index holds tokens only; the text lives once, in search_searchentry.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, meta, content='', tokenize='unicode61 remove_diacritics 0')",
]
POSTGRES = [
    "ALTER TABLE search_searchentry ADD COLUMN tokens tsvector NOT NULL DEFAULT ''::tsvector",
    "ALTER TABLE search_searchentry ADD COLUMN long_text boolean NOT NULL DEFAULT false",
    "CREATE INDEX search_entry_long ON search_searchentry (id) WHERE long_text",
    "CREATE INDEX search_entry_tokens ON search_searchentry USING gin (tokens)",
    "CREATE INDEX search_entry_columns ON search_searchentry USING gin (column_ids jsonb_path_ops)",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in SQLITE if vendor == "sqlite" else POSTGRES if vendor == "postgresql" else []:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tokens")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS long_text")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
