"""The public content's generation: a number that grows after every committed change the audit
log records, read by the public-page cache (``gongkai.pagecache``) as part of every key."""

from __future__ import annotations

from django.db import models


class ContentGeneration(models.Model):
    """One row. Bumped after the commit of any audited change, so that a page cached before the
    change is never served after it, on any app server sharing the database."""

    value = models.BigIntegerField("代次", default=0)

    class Meta:
        verbose_name = "公开内容代次"
