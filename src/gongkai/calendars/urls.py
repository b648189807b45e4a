from __future__ import annotations

from django.urls import path

from gongkai.calendars import views

app_name = "calendars"

urlpatterns = [
    path("", views.index, name="index"),
    path("day/", views.set_day, name="set_day"),
    path("notice/", views.import_notice, name="import_notice"),
]
