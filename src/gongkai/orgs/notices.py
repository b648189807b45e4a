"""In-app notices (站内通知): the write path and the unread count of the console header.

A notice belongs to one user and only that user ever sees it; reading one is not audited (it
changes nothing anyone else relies on), sending them is audited by the caller's own action.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, QuerySet, Value, When
from django.utils import timezone

from gongkai.orgs.models import Notice, User

TITLE_MAX = 200


@dataclass(frozen=True)
class Message:
    """What one notice says: its title, its text and where it leads in the console."""

    title: str
    body: str = ""
    url: str = ""


def notify(deliveries: Iterable[tuple[User, Message]]) -> list[Notice]:
    """Create one notice per (user, message), in one insert; run it in the caller's transaction."""
    notices = [
        Notice(user=user, title=message.title[:TITLE_MAX], body=message.body, url=message.url)
        for user, message in deliveries
    ]
    return Notice.objects.bulk_create(notices)


def notices_of(user: User) -> QuerySet[Notice]:
    """The user's own notices, unread first, newest first within each."""
    unread_first = Case(When(read_at__isnull=True, then=Value(0)), default=Value(1))
    return Notice.objects.filter(user=user).order_by(unread_first, "-created_at", "-id")


def unread_count(user: User) -> int:
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(notice: Notice) -> None:
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])


def mark_all_read(user: User) -> int:
    return Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
