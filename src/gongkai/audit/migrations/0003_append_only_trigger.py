"""Refuse UPDATE of audit rows in the database itself, on SQLite and on PostgreSQL (see
``gongkai.audit.appendonly``)."""

from django.db import migrations

from gongkai.audit.appendonly import refuse_update

create_trigger, drop_trigger = refuse_update("audit_auditentry", "audit log is append-only")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]
    operations = [migrations.RunPython(create_trigger, drop_trigger)]
