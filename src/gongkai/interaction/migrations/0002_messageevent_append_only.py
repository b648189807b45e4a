"""Message events are append-only like the audit log and the request events: the database
refuses UPDATE of an event (the ORM and the admin refuse both update and delete)."""

from django.db import migrations

from gongkai.audit.appendonly import refuse_update

create_trigger, drop_trigger = refuse_update("interaction_messageevent", "message events are append-only")


class Migration(migrations.Migration):

    dependencies = [
        ("interaction", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_trigger, drop_trigger),
    ]
