"""What interaction does when another app says something changed."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def on_calendar_changed(sender: Any, years: frozenset[int] = frozenset(), **kwargs: Any) -> None:
    """The holiday table changed (sent after commit): open messages get their due dates again."""
    from gongkai.interaction.services import recompute_due_dates

    recompute_due_dates(years or None)


def consultation_links(record: Any) -> list[tuple[str, str]]:
    """On a public record's page: the 采纳情况 of the consultations whose final document it is."""
    from gongkai.interaction.models import Consultation, ConsultationStatus

    rows = Consultation.objects.filter(final_record=record, status=ConsultationStatus.FEEDBACK_PUBLISHED)
    return [(f"公开征求意见及意见采纳情况：{title}", reverse("interaction:consultation_feedback", args=[pk]))
            for pk, title in rows.order_by("id").values_list("pk", "title")]  # two columns: on every record page
