"""PostgreSQL with the rum extension: one RUM index on ``tokens`` (positions inside the index)
replaces the grams and the GIN index of the tokens, a seventh of their size (docs/search.md,
"A million records on PostgreSQL"). Where ``rum`` is not available (a compatible domestic
database, a server without Debian's postgresql-NN-rum) or may not be created by this user, or
GONGKAI_SEARCH_PG_INDEX=grams, the grams of migration 0004 stay and the search uses them. SQLite
is unchanged."""

from importlib import import_module

from django.conf import settings
from django.db import migrations

from gongkai.search.backends import RUM_INDEX, forget_scheme


def _rum_created(schema_editor) -> bool:
    """Whether the rum extension is there, creating it when available (a savepoint: a refusal,
    for want of privileges, leaves the migration's transaction usable)."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_extension WHERE extname = 'rum'")
        if cursor.fetchone()[0]:
            return True
        cursor.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'rum'")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SAVEPOINT search_rum")
        try:
            cursor.execute("CREATE EXTENSION rum")
        except Exception:  # noqa: BLE001 - any refusal means: keep the grams
            cursor.execute("ROLLBACK TO SAVEPOINT search_rum")
            return False
        cursor.execute("RELEASE SAVEPOINT search_rum")
        return True


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql" or settings.GONGKAI_SEARCH_PG_INDEX != "rum":
        return
    if not _rum_created(schema_editor):
        return
    schema_editor.execute(f"CREATE INDEX {RUM_INDEX} ON search_searchentry USING rum (tokens rum_tsvector_ops)")
    schema_editor.execute("DROP INDEX search_entry_tokens")
    schema_editor.execute("DROP INDEX search_entry_grams")
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN grams")
    forget_scheme()


def backward(apps, schema_editor):
    """Back to the grams (filled for the entries already indexed, as 0004 does)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [RUM_INDEX])
        if not cursor.fetchone()[0]:
            return
    schema_editor.execute("ALTER TABLE search_searchentry ADD COLUMN grams tsvector NOT NULL DEFAULT ''::tsvector")
    import_module("gongkai.search.migrations.0004_pg_grams").fill(schema_editor, ("grams",))
    schema_editor.execute("CREATE INDEX search_entry_grams ON search_searchentry USING gin (grams)")
    schema_editor.execute("CREATE INDEX search_entry_tokens ON search_searchentry USING gin (tokens)")
    schema_editor.execute(f"DROP INDEX {RUM_INDEX}")
    forget_scheme()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_pg_grams")]
    operations = [migrations.RunPython(forward, backward)]
