"""Login with lockout: 5 failed attempts within 15 minutes lock the account for 15 minutes.

The lock stops password guessing, but anyone who knows a staff user name could use it to keep that
user out. So a user with a second factor (``orgs.twofactor``) still gets through a locked account
with the correct password *and* a valid code: the backend lets the password step pass, the login
view then asks for the code, and only a valid code (a success of its own) lifts the lock. Without a
second factor the lock holds. Failures, locks and refusals are written to the audit log."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from gongkai.audit.context import Actor, client_ip
from gongkai.audit.log import record
from gongkai.orgs.models import LoginAttempt, User

LOCKED_MESSAGE = "该账号连续登录失败次数过多，已被锁定，请 {minutes} 分钟后再试或联系公开办管理员。"
ADDRESS_MESSAGE = "您所在的网络地址登录失败次数过多，请 {minutes} 分钟后再试。"


def recent_failures(username: str) -> int:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    last_success = (
        LoginAttempt.objects.filter(username=username, succeeded=True, attempted_at__gte=since)
        .order_by("-attempted_at")
        .values_list("attempted_at", flat=True)
        .first()
    )
    failures = LoginAttempt.objects.filter(
        username=username, succeeded=False, attempted_at__gte=last_success or since
    )
    return failures.count()


def is_locked(username: str) -> bool:
    return recent_failures(username) >= settings.LOGIN_LOCKOUT_ATTEMPTS


def address_blocked(ip: str | None) -> bool:
    """One address trying many accounts (password spraying) is stopped too."""
    if not ip:
        return False
    since = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    failures = LoginAttempt.objects.filter(ip_address=ip, succeeded=False, attempted_at__gte=since)
    return failures.count() >= settings.LOGIN_ADDRESS_FAILURES


def note_attempt(username: str, request: HttpRequest | None, user: User | None) -> None:
    """Keep the attempt (for lockout); audit a failure and the moment an account locks. The
    login itself is audited once the user is in (``orgs.views.complete_login``)."""
    ip = client_ip(request) if request is not None else None
    succeeded = user is not None
    with transaction.atomic():
        LoginAttempt.objects.create(username=username, ip_address=ip, succeeded=succeeded)
        if user is None:
            record(
                "login_failed", object_type="orgs.user", object_repr=username,
                actor=Actor(user=None, ip_address=ip, label=username),
            )
        locked_now = not succeeded and recent_failures(username) == settings.LOGIN_LOCKOUT_ATTEMPTS
        if locked_now:
            record(
                "account_locked",
                object_type="orgs.user",
                object_repr=username,
                actor=Actor(user=None, ip_address=ip, label=username),
                after={"failures": settings.LOGIN_LOCKOUT_ATTEMPTS},
            )


class LockoutModelBackend(ModelBackend):
    """Django's model backend that refuses a locked account, unless the password is right and
    the user has a second factor, which the login view then asks for (``through_lock``)."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None,
        password: str | None = None, **kwargs: Any,
    ) -> Any:
        if username is None:
            return None
        ip = client_ip(request) if request else None
        minutes = settings.LOGIN_LOCKOUT_MINUTES
        if address_blocked(ip):
            raise PermissionDenied(ADDRESS_MESSAGE.format(minutes=minutes))
        locked = is_locked(username)
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if not locked:
            note_attempt(username, request, user)
            return user
        from gongkai.orgs.twofactor import device_of

        if user is not None and device_of(user) is not None:
            user.through_lock = True  # no success noted: only a valid code lifts the lock
            return user
        if user is None:
            note_attempt(username, request, None)
        else:
            with transaction.atomic():
                record(
                    "login_refused_locked", user,
                    actor=Actor(user=None, ip_address=ip, label=username),
                )
        raise PermissionDenied(LOCKED_MESSAGE.format(minutes=minutes))
