"""Messages in the staff console: the office's queue of every message (and of those waiting to be
routed), a unit's queue of its own, the message page with its steps, and staff registration.

A message outside the user's scope answers 404, never 403. A unit sees only the messages routed to
it, with their sender's contact; a message that went on to another unit is gone from its queue.
Every write goes through ``gongkai.interaction.services``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.interaction import forms, incidents, services, statistics
from gongkai.interaction.clock import read_message
from gongkai.interaction.models import Incident, Message, MessageEvent, Status
from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, policy
from gongkai.rules.interaction import MessageError

PAGE_SIZE = 50


def _scoped(request: HttpRequest) -> QuerySet[Message]:
    """The messages whose sender's contact the user may see: the office all, a unit's clerk and
    reviewer those routed to their unit. Published messages of other units are read on the
    portal, never here (this page would show their sender)."""
    return policy.scope(request.user, Message.objects.select_related("unit"), Action.VIEW_IDENTITY)


def _visible(request: HttpRequest, pk: int) -> Message:
    return get_object_or_404(_scoped(request), pk=pk)


QUEUE_HEADER = ["查询码", "办理单位", "留言类型", "标题", "渠道", "收到日期", "答复期限", "状态", "期限情况", "答复日期"]


def _queue_rows(rows: QuerySet[Message], today: Any, calendar: Any) -> Iterator[list[Any]]:
    """Every message the filter shows, as the queue shows it (the sender's contact stays out, as
    on the page), a chunk at a time with each chunk's events for the clocks."""
    events = Prefetch("events", queryset=MessageEvent.objects.order_by("id"))
    for message in rows.prefetch_related(events).iterator(chunk_size=500):
        reading = _reading(message, today, calendar)
        yield [
            message.display_code, message.unit.name if message.unit else "待分办", message.get_kind_display(),
            message.subject, message.get_channel_display(), message.received_on, message.due_on,
            message.get_status_display(), reading.label if reading else "", message.replied_on,
        ]


@login_required
def queue(request: HttpRequest) -> HttpResponseBase:
    office = policy.may_manage(request.user)
    wanted = request.GET.get("status", "")
    rows = _scoped(request).order_by(F("due_on").asc(nulls_last=True), "id")
    if wanted in Status.values:
        rows = rows.filter(status=wanted)
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # what the filter shows, every row
        return tabular.audited_export(fmt, "留言办理", "留言", QUEUE_HEADER,
                                       _queue_rows(rows, dates.today(), working_calendar()), filters=request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    calendar, today = working_calendar(), dates.today()
    page.object_list = [(message, _reading(message, today, calendar)) for message in page.object_list]
    return render(request, "interaction/queue.html", {
        "page": page, "office": office, "statuses": Status.choices, "wanted": wanted,
        "may_register": office or request.user.has_role("clerk"),
    })


def _reading(message: Message, today: Any, calendar: Any) -> Any:
    try:
        return read_message(message, today, calendar)
    except MessageError:
        return None


# step → (form, who may take it and when, the service call, what to tell the user)
_Step = tuple[type[Any], Callable[[User, Message], bool], Callable[[Message, dict[str, Any], User], object], str]


def _clerk(user: User, message: Message) -> bool:
    return message.status == Status.PROCESSING and policy.may(user, Action.CHANGE, message)


def _reviewer(user: User, message: Message) -> bool:
    return message.status == Status.IN_REVIEW and policy.may(user, Action.REVIEW, message)


STEPS: dict[str, _Step] = {
    "route": (forms.RouteForm, lambda u, m: policy.may_manage(u) and m.status in (Status.UNROUTED, Status.PROCESSING),
              lambda m, d, u: services.route(m, d["unit"], restart=d["restart"], note=d["note"], actor=u),
              "留言已分办。"),
    "transfer": (forms.TransferForm, _clerk,
                 lambda m, d, u: services.transfer(m, d["unit"], reason=d["reason"], actor=u), "留言已转办。"),
    "send_back": (forms.ReasonForm, _clerk,
                  lambda m, d, u: services.send_back(m, reason=d["reason"], actor=u), "留言已退回公开办。"),
    "reply": (forms.ReplyForm, _clerk, lambda m, d, u: services.reply(m, d["text"], actor=u), "答复已提交。"),
    "approve": (forms.forms.Form, _reviewer, lambda m, d, u: services.approve_reply(m, actor=u), "答复已审核发送。"),
    "return": (forms.ReasonForm, _reviewer,
               lambda m, d, u: services.return_reply(m, reason=d["reason"], actor=u), "答复已退回修改。"),
}
STEP_LABELS = {"route": "分办", "transfer": "转办", "send_back": "退回公开办", "reply": "答复",
               "approve": "审核通过并发送", "return": "退回答复"}


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = _visible(request, pk)
    events = list(message.events.order_by("id"))
    steps = [(name, STEP_LABELS[name], form()) for name, (form, allowed, _, _) in STEPS.items()
             if allowed(request.user, message)]
    return render(request, "interaction/detail.html", {
        "message": message, "events": events, "steps": steps,
        "reading": _reading(message, dates.today(), working_calendar()),
    })


@login_required
@require_POST
def act(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    message = _visible(request, pk)
    if step not in STEPS:
        raise Http404("没有这个操作。")
    form_class, _, run, done = STEPS[step]
    form = form_class(request.POST)
    if not form.is_valid():
        flash.error(request, "；".join(str(error) for errors in form.errors.values() for error in errors))
    else:
        try:
            run(message, form.cleaned_data, request.user)
            flash.success(request, done)
        except ValidationError as error:
            flash.error(request, "；".join(error.messages))
    if not _scoped(request).filter(pk=message.pk).exists():  # sent on or back: no longer ours
        return redirect("interaction:queue")
    return redirect(reverse("interaction:detail", args=[message.pk]) + "#steps")


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Staff enter a 12345 hand-off, a telephone message or a letter."""
    if not (policy.may_manage(request.user) or request.user.has_role("clerk")):
        raise Http404("没有这个页面。")
    form = forms.RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = data["unit"] if policy.may_manage(request.user) else request.user.unit
        try:
            message = services.register_message(form.details(), channel=data["channel"],
                                                received_on=data["received_on"], unit=unit, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            flash.success(request, f"留言已登记，查询码 {message.display_code}。")
            return redirect("interaction:detail", message.pk)
    return render(request, "interaction/register.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def statistics_page(request: HttpRequest) -> HttpResponse:
    """Counts per unit and month: the office sees every unit, a unit its own. No sender, no text."""
    today = dates.today()
    rows = statistics.monthly(statistics.with_events(_scoped(request)), today)
    scoped_incidents = policy.scope(request.user, Incident.objects.all(), Action.VIEW)
    incident_rows = statistics.incident_rows(incidents.read(incidents.with_responses(scoped_incidents)))
    return render(request, "interaction/statistics.html", {"rows": rows, "today": today,
                                                           "incident_rows": incident_rows})
