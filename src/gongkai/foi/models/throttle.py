"""Hits counted per client address in the database, so that a limit holds across all the
web server's worker processes."""

from __future__ import annotations

from django.db import models


class RateLimitHit(models.Model):
    scope = models.CharField(max_length=20)
    key = models.CharField(max_length=64)  # a keyed hash of the address, never the address itself
    at = models.DateTimeField()

    unit_field = None
    is_public = False
    owner_unit_id = None

    class Meta:
        verbose_name = "访问频率记录"
        verbose_name_plural = "访问频率记录"
        indexes = [models.Index(fields=["scope", "key", "at"])]
