"""The write path of API tokens: create and revoke, each audited in its transaction; and the
one check a request's bearer token goes through."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from gongkai.api.models import ApiToken
from gongkai.audit.log import record
from gongkai.orgs.models import User
from gongkai.orgs.policy import policy

TOKEN_PREFIX = "gk_"
MAX_ACTIVE_TOKENS = 10  # per user: enough for a few systems, few enough to keep track of


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def may_hold_tokens(user: User) -> bool:
    """Staff with a role: the office, or a unit's clerk, reviewer or evaluator."""
    return user.is_active and bool(user.role_set)


@transaction.atomic
def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user`` (who creates it for themself); the token text is returned once."""
    if not may_hold_tokens(user):
        raise PermissionDenied("只有具有角色的工作人员可以创建接口令牌。")
    name = name.strip()[:100] or "未命名"
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise PermissionDenied(f"每人最多 {MAX_ACTIVE_TOKENS} 个有效令牌，请先吊销不用的令牌。")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:10], digest=digest(raw))
    record("api_token_created", token, after={"name": name, "prefix": token.prefix, "user": user.username})
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, actor: User) -> ApiToken:
    """Revoke at once: the next request with it is answered 401. The token's own user or the
    office may revoke it."""
    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if token.user_id != actor.pk and not policy.may_manage(actor):
        raise PermissionDenied("只能吊销自己的令牌。")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("api_token_revoked", token, after={"name": token.name, "prefix": token.prefix, "user": token.user.username})
    return token


def authenticate(raw: str) -> User | None:
    """The active user behind an active token, or None. The lookup is by digest (a unique index),
    so the comparison never touches the token text itself."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(digest=digest(raw), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)  # not a state change: no audit row
    return token.user
