"""The public pages of consultations: the list, a draft with its explanation by section and the
comments shown, the comment form (rate-limited, acknowledged after commit), and the 采纳情况
beside the final document. Nothing here shows who commented; a comment's text only when its
author agreed, masked by the publication scan."""

from __future__ import annotations

from typing import Any, Final

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.audit.context import client_ip
from gongkai.foi import dates, throttle
from gongkai.foi.forms import bound_token, open_session
from gongkai.foi.public import _too_many
from gongkai.interaction import consultations as services
from gongkai.interaction.forms import CommentForm
from gongkai.interaction.models import (
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Decision,
)
from gongkai.interaction.privacy import public_text
from gongkai.rules.interaction import consultations as rules

COMMENT: Final = throttle.Limit("consultation_comment", 5, 600)
PAGE_SIZE: Final = 20
HIDDEN_TEXT: Final = "（意见人未同意公开意见内容）"


def shown_comment(comment: Comment) -> Comment:
    comment.public_text = public_text(comment, comment.text) if comment.text_public else HIDDEN_TEXT
    comment.public_reason = public_text(comment, comment.decision_reason)
    return comment


def public_list(request: HttpRequest) -> HttpResponse:
    rows = Consultation.objects.select_related("unit").order_by("-opens_on", "-id")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "interaction/consultations/public_list.html", {"page": page, "today": dates.today()})


def _context(consultation: Consultation, form: CommentForm | None = None) -> dict[str, Any]:
    today = dates.today()
    sections = consultation.sections
    comments = [shown_comment(c) for c in consultation.comments.filter(status=CommentStatus.SHOWN)]
    by_section = {section.key: [c for c in comments if c.section == section.key] for section in sections}
    open_now = consultation.takes_comments(today)
    return {
        "consultation": consultation, "today": today, "phase": consultation.phase(today),
        "sections": [(section, by_section[section.key]) for section in sections],
        "whole_comments": [c for c in comments if not c.section or c.section not in by_section],
        "open_now": open_now,
        "form": form or (CommentForm(sections=tuple(s.key for s in sections)) if open_now else None),
        "minimum": services.min_days()[consultation.rule_kind],
    }


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    open_session(request)
    consultation = get_object_or_404(Consultation.objects.select_related("unit", "final_record"), pk=pk)
    return render(request, "interaction/consultations/public_detail.html", _context(consultation))


def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """POST a comment; the page says it was received only once it is stored."""
    consultation = get_object_or_404(Consultation.objects.select_related("unit"), pk=pk)
    if request.method != "POST":
        return public_detail(request, pk)
    address = client_ip(request)
    if not throttle.take(COMMENT, address):
        return _too_many(request, COMMENT, "提交意见")
    form = CommentForm(request.POST, sections=tuple(s.key for s in consultation.sections))
    if form.is_valid():
        try:
            services.submit_comment(consultation, form.details(), token=bound_token(request, form.cleaned_data["submission_token"]))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "interaction/consultations/comment_received.html", {"consultation": consultation})
    throttle.give_back(COMMENT, address)  # nothing was stored: the use does not count
    return render(request, "interaction/consultations/public_detail.html", _context(consultation, form), status=400)


def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    """The 采纳情况, once published: each comment or group with the decision and its reason."""
    consultation = get_object_or_404(
        Consultation.objects.select_related("unit", "final_record"), pk=pk,
        status=ConsultationStatus.FEEDBACK_PUBLISHED,
    )
    if consultation.final_record is None or not consultation.final_record.is_public:
        raise Http404("没有找到采纳情况。")
    return render(request, "interaction/consultations/feedback.html", feedback_context(consultation))


def feedback_context(consultation: Consultation) -> dict[str, Any]:
    comments = [shown_comment(c) for c in consultation.comments.filter(status=CommentStatus.SHOWN)]
    groups: dict[tuple[str, str, str], list[Comment]] = {}
    for item in comments:
        groups.setdefault((item.decision_group, item.decision, item.public_reason), []).append(item)
    counts = rules.tally([rules.Decision(c.decision) for c in comments if c.decision])
    return {
        "consultation": consultation, "groups": [(key, rows) for key, rows in groups.items()],
        "counts": [(Decision(d.value).label, n) for d, n in counts.items()], "total": len(comments),
        "received": consultation.comments.count(),
    }
