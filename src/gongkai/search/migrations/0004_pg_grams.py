"""PostgreSQL: the grams of each entry's overlapping bigram pairs and the title's own tsvector,
each with a GIN index (docs/search.md, "PostgreSQL specifics"). Existing entries are filled in
batches before the indexes are built. SQLite is unchanged."""

from django.db import migrations

from gongkai.rules import bigrams

BATCH = 2000


def fill(schema_editor, columns: tuple[str, ...]) -> None:
    """Set ``columns`` ("grams", "title_tokens") of every entry from its text, in batches (also
    used by 0005 on its way back)."""
    parts = {"grams": 2, "title_tokens": 3}
    assignments = ", ".join(f"{column} = %s::tsvector" for column in columns)
    with schema_editor.connection.cursor() as cursor:
        last = 0
        while True:
            cursor.execute("SELECT id, title, body FROM search_searchentry WHERE id > %s ORDER BY id LIMIT %s",
                           [last, BATCH])
            rows = cursor.fetchall()
            if not rows:
                break
            forms = [(*(form[parts[column]] for column in columns), pk)
                     for pk, form in ((pk, bigrams.pg_index_form(title, body)) for pk, title, body in rows)]
            cursor.executemany(f"UPDATE search_searchentry SET {assignments} WHERE id = %s", forms)
            last = rows[-1][0]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchentry ADD COLUMN grams tsvector NOT NULL DEFAULT ''::tsvector")
    schema_editor.execute("ALTER TABLE search_searchentry ADD COLUMN title_tokens tsvector NOT NULL DEFAULT ''::tsvector")
    fill(schema_editor, ("grams", "title_tokens"))
    schema_editor.execute("CREATE INDEX search_entry_grams ON search_searchentry USING gin (grams)")
    schema_editor.execute("CREATE INDEX search_entry_title ON search_searchentry USING gin (title_tokens)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN grams, DROP COLUMN title_tokens")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_bulk_writes")]
    operations = [migrations.RunPython(forward, backward)]
