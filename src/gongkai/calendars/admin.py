from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from gongkai.calendars import service
from gongkai.calendars.models import Holiday, ScheduleYear
from gongkai.orgs.admin_scope import PolicyScopedAdmin


@admin.register(Holiday)
class HolidayAdmin(PolicyScopedAdmin):
    list_display = ["day", "kind", "name", "source"]
    list_filter = ["kind"]
    date_hierarchy = "day"

    # Through the service, so that open deadlines are recomputed and the change is audited.
    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:  # type: ignore[type-arg]
        saved = service.set_day(obj.day, obj.kind, obj.name, obj.source)
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        service.remove_day(obj.day)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for holiday in queryset:
            service.remove_day(holiday.day)


@admin.register(ScheduleYear)
class ScheduleYearAdmin(PolicyScopedAdmin):
    list_display = ["year", "source", "confirmed_at"]
