"""The audit log becomes a hash chain (``rules.auditchain``): three columns, the rows written
before chained in id order, and the database refusing DELETE as well as UPDATE.

The UPDATE trigger is lifted while the old rows get their hashes; SQLite also loses its triggers
when the table is rebuilt for the new columns, so both are (re)created at the end.
"""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from gongkai.audit.appendonly import AUDIT_REFUSALS, AUDIT_TABLE, create_trigger, drop_trigger
from gongkai.rules import auditchain

TABLE = AUDIT_TABLE


def lift_update_guard(apps, schema_editor):
    drop_trigger(schema_editor, TABLE, "UPDATE")


def restore_update_guard(apps, schema_editor):
    create_trigger(schema_editor, TABLE, "UPDATE", AUDIT_REFUSALS["UPDATE"])


def chain_existing_rows(apps, schema_editor):
    from gongkai.audit.models import chain_content

    entry_model = apps.get_model("audit", "AuditEntry")
    algorithm = getattr(settings, "GONGKAI_AUDIT_HASH", "sha256")
    previous, batch = auditchain.GENESIS, []
    for entry in entry_model.objects.order_by("id").iterator(chunk_size=1000):
        entry.chain_algorithm, entry.prev_hash = algorithm, previous
        entry.row_hash = previous = auditchain.link(algorithm, previous, chain_content(entry))
        batch.append(entry)
        if len(batch) == 1000:
            entry_model.objects.bulk_update(batch, ["chain_algorithm", "prev_hash", "row_hash"])
            batch = []
    if batch:
        entry_model.objects.bulk_update(batch, ["chain_algorithm", "prev_hash", "row_hash"])


def guard_both(apps, schema_editor):
    drop_trigger(schema_editor, TABLE, "UPDATE")
    create_trigger(schema_editor, TABLE, "UPDATE", AUDIT_REFUSALS["UPDATE"])
    create_trigger(schema_editor, TABLE, "DELETE", AUDIT_REFUSALS["DELETE"])


def unguard_both(apps, schema_editor):
    drop_trigger(schema_editor, TABLE, "DELETE")
    drop_trigger(schema_editor, TABLE, "UPDATE")


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0003_append_only_trigger'),
    ]

    operations = [
        migrations.RunPython(lift_update_guard, restore_update_guard),
        migrations.AddField(
            model_name='auditentry',
            name='chain_algorithm',
            field=models.CharField(default='', editable=False, max_length=8, verbose_name='哈希算法'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='prev_hash',
            field=models.CharField(default='', editable=False, max_length=64, verbose_name='上一环哈希'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='row_hash',
            field=models.CharField(db_index=True, default='', editable=False, max_length=64, verbose_name='本环哈希'),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='created_at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='时间'),
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.RunPython(guard_both, unguard_both),
    ]
