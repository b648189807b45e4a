"""Request events are append-only like the audit log: a request with events cannot be deleted
(a cascade would bypass the ORM's refusal), and the database refuses UPDATE of an event."""

import django.db.models.deletion
from django.db import migrations, models

from gongkai.audit.appendonly import refuse_update

create_trigger, drop_trigger = refuse_update("foi_requestevent", "request events are append-only")


class Migration(migrations.Migration):

    dependencies = [
        ('foi', '0002_request_published_record'),
    ]

    operations = [
        migrations.AlterField(
            model_name='requestevent',
            name='request',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='foi.request'),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
