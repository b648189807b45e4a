"""The public pages: leave a message, follow it with the tracking code and rate the reply, and
the published messages with their replies. No login; nothing here shows who wrote a message."""

from __future__ import annotations

from typing import Any, Final

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from gongkai.audit.context import client_ip
from gongkai.foi import codes, throttle
from gongkai.foi.forms import TrackForm, bound_token, open_session
from gongkai.foi.public import _too_many
from gongkai.interaction import services
from gongkai.interaction.forms import MessageForm, RateForm
from gongkai.interaction.models import PUBLIC_EVENT_KINDS, Message, Status
from gongkai.interaction.privacy import public_text

# The public form's own limits, counted like the disclosure form's (``foi.throttle``).
SUBMIT: Final = throttle.Limit("message_submit", 5, 600)
TRACK: Final = throttle.Limit("message_track", 30, 600)
PAGE_SIZE: Final = 20


def leave(request: HttpRequest) -> HttpResponse:
    """The message form; the tracking code is shown only once the message is committed."""
    if request.method != "POST":
        open_session(request)
        return render(request, "interaction/leave.html", {"form": MessageForm()})
    address = client_ip(request)
    if not throttle.take(SUBMIT, address):
        return _too_many(request, SUBMIT, "留言")
    form = MessageForm(request.POST)
    if not form.is_valid():
        throttle.give_back(SUBMIT, address)
        return render(request, "interaction/leave.html", {"form": form}, status=400)
    message = services.submit_message(form.details(), token=bound_token(request, form.cleaned_data["submission_token"]))
    return render(request, "interaction/submitted.html", {"message": message})


def _lookup(code_text: str) -> Message | None:
    code = codes.normalize(code_text)
    if code is None:
        return None
    return Message.objects.select_related("unit").filter(tracking_code=code).first()


def _track_context(message: Message) -> dict[str, Any]:
    """Whoever holds the code reads the reply as the portal shows it: the sender's own contact and
    any ID, phone or e-mail in it masked (a code can be passed on, overheard or guessed)."""
    return {
        "message": message, "reply": public_text(message, message.reply_text),
        "events": [event for event in message.events.all() if event.kind in PUBLIC_EVENT_KINDS],
        "rate_form": RateForm(initial={"code": message.tracking_code})
        if message.status == Status.REPLIED and not message.rating else None,
    }


def track(request: HttpRequest) -> HttpResponse:
    """Enter the code, see the message and its reply: by POST, so the code stays out of logs."""
    if request.method != "POST":
        return render(request, "interaction/track.html", {"form": TrackForm()})
    if not throttle.take(TRACK, client_ip(request)):
        return _too_many(request, TRACK, "查询")
    form = TrackForm(request.POST)
    if not form.is_valid():
        return render(request, "interaction/track.html", {"form": form}, status=400)
    message = _lookup(form.cleaned_data["code"])
    if message is None:
        form.add_error("code", "没有找到与该查询码对应的留言，请核对后重新输入（查询码共12位，可含连字符）。")
        return render(request, "interaction/track.html", {"form": form}, status=404)
    return render(request, "interaction/track_result.html", _track_context(message))


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    if not throttle.take(TRACK, client_ip(request)):
        return _too_many(request, TRACK, "查询")
    form = RateForm(request.POST)
    message = _lookup(form.data.get("code", ""))
    if message is None:
        return render(request, "interaction/track.html", {"form": TrackForm()}, status=404)
    if not form.is_valid():
        return render(request, "interaction/track_result.html", {**_track_context(message), "rate_form": form},
                      status=400)
    try:
        message = services.rate(message, form.cleaned_data["rating"])
    except ValidationError as error:
        return render(request, "interaction/track_result.html",
                      {**_track_context(message), "error": " ".join(error.messages)}, status=400)
    notice = "感谢您的评价。" + ("您对答复不满意，留言已重新交办理单位办理。" if message.is_open else "")
    return render(request, "interaction/track_result.html", {**_track_context(message), "notice": notice})


def _shown(message: Message) -> Message:
    message.public_subject = public_text(message, message.subject)
    message.public_body = public_text(message, message.text)
    message.public_reply = public_text(message, message.reply_text)
    return message


def public_list(request: HttpRequest) -> HttpResponse:
    rows = Message.objects.filter(Message.public_q()).select_related("replied_by").order_by("-replied_on", "-id")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [_shown(message) for message in page.object_list]
    return render(request, "interaction/public_list.html", {"page": page})


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(Message.objects.filter(Message.public_q()).select_related("replied_by"), pk=pk)
    return render(request, "interaction/public_detail.html", {"message": _shown(message)})
