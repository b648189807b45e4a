"""Refuse UPDATE of audit rows in the database itself, on SQLite and on PostgreSQL.

DELETE is refused by the ORM and the admin; it is not blocked by trigger so that the test
framework can still empty tables between tests (PostgreSQL's TRUNCATE would pass anyway).
"""

from django.db import migrations


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION audit_auditentry_refuse_update() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql;"
        )
        schema_editor.execute(
            "CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry "
            "FOR EACH ROW EXECUTE FUNCTION audit_auditentry_refuse_update();"
        )


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in ("sqlite", "postgresql"):
        suffix = " ON audit_auditentry" if vendor == "postgresql" else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS audit_auditentry_no_update{suffix};")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]
    operations = [migrations.RunPython(create_trigger, drop_trigger)]
