"""The public pages: file a request, follow it with the tracking code, and the counts-only
statistics. No login; nothing here shows one applicant's data to anyone without the code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from gongkai.audit.context import client_ip
from gongkai.calendars.service import working_calendar
from gongkai.foi import codes, dates, services, throttle
from gongkai.foi.clock import request_clock, request_state
from gongkai.foi.forms import (
    ApplicationForm,
    PublicAmendmentForm,
    TrackForm,
    bound_token,
    open_session,
)
from gongkai.foi.models import (
    PUBLIC_EVENT_KINDS,
    TO_APPLICANT,
    EventKind,
    Letter,
    Request,
    RequestEvent,
    Status,
)
from gongkai.rules.foiclock import ClockError
from gongkai.rules.foioutcomes import Outcome, OutcomeGroup

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _too_many(request: HttpRequest, limit: throttle.Limit, what: str) -> HttpResponse:
    message = f"{what}过于频繁：同一网络地址{limit.minutes}分钟内最多{what}{limit.hits}次，请稍后再试。"
    response = render(request, "foi/rate_limited.html", {"message": message}, status=429)
    response["Retry-After"] = str(limit.seconds)
    return response


def apply(request: HttpRequest) -> HttpResponse:
    """The application form; the tracking code is shown only once the request is committed."""
    if request.method != "POST":
        open_session(request)
        return render(request, "foi/apply.html", {"form": ApplicationForm()})
    address = client_ip(request)
    if not throttle.take(throttle.SUBMIT, address):
        return _too_many(request, throttle.SUBMIT, "提交申请")
    form = ApplicationForm(request.POST, request.FILES)
    if not form.is_valid():
        throttle.give_back(throttle.SUBMIT, address)
        return render(request, "foi/apply.html", {"form": form}, status=400)
    foi_request = services.submit_request(
        form.details(), unit=form.cleaned_data["unit"], id_proof=form.cleaned_data["id_proof"],
        token=bound_token(request, form.cleaned_data["submission_token"]),
    )
    return render(request, "foi/submitted.html", {"foi_request": foi_request})


def _lookup(code_text: str) -> Request | None:
    code = codes.normalize(code_text)
    if code is None:
        return None
    return Request.objects.select_related("unit").filter(tracking_code=code).first()


# Notes the applicant may read: their own 补正, the reasons given to them. A consultation's party
# and a transfer's internal reason are not theirs to see.
_PUBLIC_NOTES = frozenset({
    EventKind.SUBMITTED, EventKind.REGISTERED, EventKind.RECEIPT_CONFIRMED, EventKind.AMENDMENT_REQUESTED,
    EventKind.AMENDED, EventKind.ABANDONED, EventKind.EXTENSION_APPROVED, EventKind.REPLIED,
    EventKind.DUE_RECOMPUTED, EventKind.FEE_NOTICE,
})


def _public_events(events: list[RequestEvent]) -> list[RequestEvent]:
    shown = []
    for event in events:
        if event.kind not in PUBLIC_EVENT_KINDS:
            continue
        event.public_note = event.note if event.kind in _PUBLIC_NOTES else ""
        if event.kind == EventKind.TRANSFERRED:
            event.public_note = f"转至{event.data.get('target', '')}办理"
        shown.append(event)
    return shown


def _track_context(foi_request: Request) -> dict[str, Any]:
    calendar = working_calendar()
    events = list(foi_request.events.all())
    try:
        clock = request_clock(foi_request, calendar, events)
        steps, state = clock.describe(), request_state(foi_request, clock, dates.today(), calendar)
    except ClockError:
        clock, steps, state = None, [], None
    return {
        "foi_request": foi_request, "clock": clock, "steps": steps, "state": state,
        "events": _public_events(events),
        "letters": foi_request.letters.filter(kind__in=TO_APPLICANT).order_by("issued_on", "id"),
        "amendment_form": PublicAmendmentForm(initial={"code": foi_request.tracking_code})
        if foi_request.status == Status.AWAITING_AMENDMENT else None,
    }


def track(request: HttpRequest) -> HttpResponse:
    """Enter the code, see the request: by POST, so the code stays out of addresses and logs."""
    if request.method != "POST":
        return render(request, "foi/track.html", {"form": TrackForm()})
    if not throttle.take(throttle.TRACK, client_ip(request)):
        return _too_many(request, throttle.TRACK, "查询")
    form = TrackForm(request.POST)
    if not form.is_valid():
        return render(request, "foi/track.html", {"form": form}, status=400)
    foi_request = _lookup(form.cleaned_data["code"])
    if foi_request is None:
        form.add_error("code", "没有找到与该查询码对应的申请，请核对后重新输入（查询码共12位，可含连字符）。")
        return render(request, "foi/track.html", {"form": form}, status=404)
    return render(request, "foi/track_result.html", _track_context(foi_request))


@require_POST
def track_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """A letter addressed to the applicant, for whoever holds the request's code."""
    if not throttle.take(throttle.TRACK, client_ip(request)):
        return _too_many(request, throttle.TRACK, "查询")
    foi_request = _lookup(request.POST.get("code", ""))
    letter = None
    if foi_request is not None:
        letter = Letter.objects.filter(pk=pk, request=foi_request, kind__in=TO_APPLICANT).first()
    if letter is None:
        raise Http404("没有找到该文书。")
    return docx_response(letter)


def docx_response(letter: Letter) -> HttpResponse:
    response = HttpResponse(bytes(letter.content), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(letter.filename)}"
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def track_amend(request: HttpRequest) -> HttpResponse:
    """The applicant sends the amended request online: the reply period restarts today."""
    if not throttle.take(throttle.TRACK, client_ip(request)):
        return _too_many(request, throttle.TRACK, "查询")
    form = PublicAmendmentForm(request.POST)
    foi_request = _lookup(form.data.get("code", ""))
    if foi_request is None:
        raise Http404("没有找到该申请。")
    context = _track_context(foi_request)
    if not form.is_valid():
        context["amendment_form"] = form
        return render(request, "foi/track_result.html", context, status=400)
    try:
        foi_request = services.receive_amendment(foi_request, text=form.cleaned_data["text"], by_applicant=True)
    except ValidationError as error:
        form.add_error(None, error)
        context["amendment_form"] = form
        return render(request, "foi/track_result.html", context, status=400)
    context = _track_context(foi_request)
    context["notice"] = "补正内容已提交，答复期限自今天起重新计算。"
    return render(request, "foi/track_result.html", context)


@dataclass(frozen=True)
class PublicCounts:
    """Counts only: by year of receipt, status and outcome group. No row, name or number; the
    statistics page and the API (/api/v1/foi/statistics) both show exactly this."""

    total: int
    by_year: list[tuple[int, int]]  # (year of arrival, count), newest first
    by_status: list[tuple[str, str, int]]  # (code, label, count)
    by_outcome: list[tuple[str, str, int]]  # (outcome group, label, count)


def public_counts() -> PublicCounts:
    by_year = (
        Request.objects.annotate(year=ExtractYear("arrived_on")).values("year")
        .annotate(total=Count("id")).order_by("-year").values_list("year", "total")
    )
    status_counts = dict(Request.objects.order_by().values_list("status").annotate(total=Count("id")))
    outcome_counts: dict[OutcomeGroup, int] = dict.fromkeys(OutcomeGroup, 0)
    outcomes = Request.objects.exclude(outcome="").order_by().values_list("outcome").annotate(total=Count("id"))
    for outcome, total in outcomes:
        outcome_counts[Outcome(outcome).info.group] += total
    return PublicCounts(
        total=sum(status_counts.values()),
        by_year=[(year, total) for year, total in by_year],
        by_status=[(value, label, status_counts.get(value, 0)) for value, label in Status.choices],
        by_outcome=[(group.value, group.label, total) for group, total in outcome_counts.items()],
    )


def statistics(request: HttpRequest) -> HttpResponse:
    counts = public_counts()
    return render(request, "foi/statistics.html", {
        "by_year": [{"year": year, "total": total} for year, total in counts.by_year],
        "by_status": [(label, total) for _, label, total in counts.by_status],
        "by_outcome": [(label, total) for _, label, total in counts.by_outcome],
        "total": counts.total,
    })
