"""The incident register in the staff console: the office registers incidents and sees all of
them; a lead unit sees its own and records what it published. The countdowns on the pages are
``rules.interaction.marks_for`` read now (the page shows the minute it was drawn, and a small
script keeps counting down in the browser); ``gongkai interaction due`` answers from the same."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.interaction import forms, incidents
from gongkai.interaction.models import Incident
from gongkai.orgs.policy import Action, policy


def _scoped(request: HttpRequest) -> QuerySet[Incident]:
    return incidents.with_responses(policy.scope(request.user, Incident.objects.all(), Action.VIEW))


EXPORT_HEADER = ["舆情事项", "级别", "牵头单位", "获知时间", "回应时限", "是否超时"]


def _export_rows(rows: Iterable[Incident]) -> Iterator[list[Any]]:
    """Every incident of the register, each with its marks read now, as the page lists them."""
    now = incidents.local_now()
    for incident in rows:
        reading = incidents.read([incident], now)[0]
        marks = "；".join(
            f"{mark.mark.what}：{mark.due_at:%Y-%m-%d %H:%M} 前 {state.label}"
            + (f"（{mark.done_at:%Y-%m-%d %H:%M} 完成）" if mark.done_at else "")
            for mark, state, _left in reading.states
        )
        yield [incident.title, incident.get_level_display(), incident.lead_unit.name, incident.learned_at, marks,
               "是" if reading.late else "否"]


@login_required
def incident_list(request: HttpRequest) -> HttpResponseBase:
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # the whole register, not the first 200
        return tabular.audited_export(fmt, "政务舆情回应", "舆情", EXPORT_HEADER,
                                       _export_rows(_scoped(request).iterator(chunk_size=500)), filters=request.GET)
    readings = incidents.read(_scoped(request)[:200])
    return render(request, "interaction/incidents/list.html", {
        "readings": readings, "may_register": policy.may_manage(request.user),
    })


@login_required
def register(request: HttpRequest) -> HttpResponse:
    if not policy.may_manage(request.user):
        raise Http404("没有这个页面。")
    form = forms.IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            incident = incidents.register_incident(
                title=data["title"], learned_at=data["learned_at"], level=data["level"],
                lead_unit=data["lead_unit"], summary=data["summary"], actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            flash.success(request, "舆情已登记，回应时限开始计时。")
            return redirect("interaction:incident", incident.pk)
    return render(request, "interaction/incidents/register.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(_scoped(request), pk=pk)
    may_respond = policy.may(request.user, Action.CHANGE, incident)
    return render(request, "interaction/incidents/detail.html", {
        "reading": incidents.read([incident])[0], "responses": incident.responses.select_related("record"),
        "form": forms.IncidentResponseForm(initial={"published_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")})
        if may_respond else None,
    })


@login_required
@require_POST
def add_response(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(_scoped(request), pk=pk)
    form = forms.IncidentResponseForm(request.POST)
    if not form.is_valid():
        flash.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("interaction:incident", incident.pk)
    data = form.cleaned_data
    try:
        incidents.record_response(incident, kind=data["kind"], published_at=data["published_at"],
                                  channel=data["channel"], note=data["note"], linked=data["index_number"],
                                  actor=request.user)
        flash.success(request, "已记录回应。")
    except (ValidationError, PermissionDenied) as error:
        flash.error(request, "；".join(getattr(error, "messages", [str(error)])))
    return redirect("interaction:incident", incident.pk)
