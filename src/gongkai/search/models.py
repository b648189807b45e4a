"""The search index: one entry per published document, and the full-text structure beside it.

The entry keeps the plain text once (for snippets and the exact-recall checks) with the values
that filters use. The full-text structure holds only tokens: on SQLite a contentless FTS5 table
whose rowid is ``fts_rowid``; on PostgreSQL a ``tsvector`` column with a GIN index (both created
by the migration for their own database).
"""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    key = models.CharField(max_length=100, unique=True)
    # Newest first is rowid order: the day of publication times 10^7 plus a counter of that day
    # (its unique index serves newest first, read backwards).
    fts_rowid = models.BigIntegerField(unique=True)
    title = models.TextField()
    body = models.TextField()
    url = models.CharField(max_length=500)
    published_on = models.DateField(db_index=True)
    unit_id = models.IntegerField(null=True, db_index=True)  # orgs.Unit, kept loose: search imports no app
    column_ids = models.JSONField(default=list)
    topic = models.CharField(max_length=100, blank=True, default="")
    validity = models.CharField(max_length=20, blank=True, default="")
    doc_number = models.CharField(max_length=100, blank=True, default="")
    index_number = models.CharField(max_length=100, blank=True, default="")

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"

    def __str__(self) -> str:
        return self.title[:60]
