from __future__ import annotations

from django.urls import path

from gongkai.interaction import public, views

app_name = "interaction"

urlpatterns = [
    # public (no login)
    path("messages/", public.public_list, name="public_list"),
    path("messages/<int:pk>/", public.public_detail, name="public_detail"),
    path("messages/leave/", public.leave, name="leave"),
    path("messages/track/", public.track, name="track"),
    path("messages/track/rate/", public.rate, name="rate"),
    # console
    path("console/messages/", views.queue, name="queue"),
    path("console/messages/statistics/", views.statistics_page, name="statistics"),
    path("console/messages/register/", views.register, name="register"),
    path("console/messages/<int:pk>/", views.detail, name="detail"),
    path("console/messages/<int:pk>/steps/<str:step>/", views.act, name="act"),
]
