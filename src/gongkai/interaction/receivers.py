"""What interaction does when another app says something changed."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from gongkai.prepared import PreparedQuery


def on_calendar_changed(sender: Any, years: frozenset[int] = frozenset(), **kwargs: Any) -> None:
    """The holiday table changed (sent after commit): open messages get their due dates again."""
    from gongkai.interaction.services import recompute_due_dates

    recompute_due_dates(years or None)


def _feedback_published(record_pk: Any) -> QuerySet[Any]:
    from gongkai.interaction.models import Consultation, ConsultationStatus

    rows = Consultation.objects.filter(final_record_id=record_pk, status=ConsultationStatus.FEEDBACK_PUBLISHED)
    return rows.only("title").order_by("id")


# on every record page: two columns, the SQL compiled once
_FEEDBACK_PUBLISHED = PreparedQuery(_feedback_published)


def consultation_links(record: Any) -> list[tuple[str, str]]:
    """On a public record's page: the 采纳情况 of the consultations whose final document it is."""
    return [(f"公开征求意见及意见采纳情况：{row.title}", reverse("interaction:consultation_feedback", args=[row.pk]))
            for row in _FEEDBACK_PUBLISHED(record.pk)]
