"""The staff console's home: what the signed-in person can do, by role."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.audit.models import AuditEntry
from gongkai.calendars.service import working_calendar
from gongkai.foi import dates
from gongkai.interaction.dashboard import due_today
from gongkai.orgs.policy import policy


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today: date = timezone.localdate()
    calendar = working_calendar()
    may_manage = policy.may_manage(request.user)
    next_year = today.year + 1
    return render(request, "console/home.html", {
        "today": today,
        "today_is_workday": calendar.is_workday(today),
        "next_year": next_year,
        "next_year_confirmed": calendar.is_confirmed(next_year),
        "may_manage": may_manage,
        "recent_audit": AuditEntry.objects.select_related("unit")[:8] if may_manage else [],
        "due": due_today(request.user, dates.today()),
    })
