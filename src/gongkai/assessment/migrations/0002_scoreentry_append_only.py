"""Signed score entries are never changed: a correction is a new entry (rules.assessment.scoring)."""

from django.db import migrations

from gongkai.audit.appendonly import refuse_update

create_trigger, drop_trigger = refuse_update("assessment_scoreentry", "score entries are append-only")


class Migration(migrations.Migration):

    dependencies = [
        ("assessment", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_trigger, drop_trigger),
    ]
