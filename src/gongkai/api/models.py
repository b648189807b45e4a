"""Per-user API tokens. Only a SHA-256 digest of the token is stored: the token itself is shown
once, when it is created, and cannot be read back from the database."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("用途", max_length=100)
    prefix = models.CharField("令牌前缀", max_length=12, help_text="令牌的前几位，用于辨认，不能用来访问。")
    digest = models.CharField(max_length=64, unique=True)  # sha256 of the whole token, hex
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    # A token is its user's: it is seen by the user and the office, like the user's own record.
    unit_field = "user__unit"
    is_public = False

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.prefix}…）"

    @property
    def owner_unit_id(self) -> int | None:
        return self.user.unit_id

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class RateWindow(models.Model):
    """One address's (or token's) requests to the API in the current minute and in the minute
    before it: the counts of a sliding-window limit, kept in one row per client so that one
    statement counts a request and reads the counts back (``api.ratelimit``)."""

    scope = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    slot = models.BigIntegerField()  # the current window's number: epoch seconds // window length
    hits = models.IntegerField()  # requests in window ``slot``
    previous_hits = models.IntegerField()  # requests in window ``slot - 1``

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="api_ratewindow_client")]
        indexes = [models.Index(fields=["slot"], name="api_ratewindow_slot")]
