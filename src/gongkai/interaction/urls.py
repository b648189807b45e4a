from __future__ import annotations

from django.urls import path

from gongkai.interaction import (
    console_consultations,
    incident_views,
    public,
    public_consultations,
    views,
)

app_name = "interaction"

urlpatterns = [
    # public (no login)
    path("messages/", public.public_list, name="public_list"),
    path("messages/<int:pk>/", public.public_detail, name="public_detail"),
    path("messages/leave/", public.leave, name="leave"),
    path("messages/track/", public.track, name="track"),
    path("messages/track/rate/", public.rate, name="rate"),
    path("consultations/", public_consultations.public_list, name="consultations"),
    path("consultations/<int:pk>/", public_consultations.public_detail, name="consultation"),
    path("consultations/<int:pk>/comment/", public_consultations.comment, name="consultation_comment"),
    path("consultations/<int:pk>/feedback/", public_consultations.feedback, name="consultation_feedback"),
    # console
    path("console/messages/", views.queue, name="queue"),
    path("console/messages/statistics/", views.statistics_page, name="statistics"),
    path("console/messages/register/", views.register, name="register"),
    path("console/messages/<int:pk>/", views.detail, name="detail"),
    path("console/messages/<int:pk>/steps/<str:step>/", views.act, name="act"),
    path("console/consultations/", console_consultations.console_list, name="consultation_list"),
    path("console/consultations/open/", console_consultations.open_page, name="consultation_open"),
    path("console/consultations/<int:pk>/", console_consultations.detail, name="consultation_console"),
    path("console/consultations/<int:pk>/comments/<int:comment_pk>/moderate/", console_consultations.moderate,
         name="consultation_moderate"),
    path("console/consultations/<int:pk>/decide/", console_consultations.decide, name="consultation_decide"),
    path("console/consultations/<int:pk>/feedback/", console_consultations.publish_feedback,
         name="consultation_feedback_publish"),
    path("console/consultations/<int:pk>/export.<str:fmt>", console_consultations.export,
         name="consultation_export"),
    path("console/incidents/", incident_views.incident_list, name="incidents"),
    path("console/incidents/new/", incident_views.register, name="incident_register"),
    path("console/incidents/<int:pk>/", incident_views.detail, name="incident"),
    path("console/incidents/<int:pk>/responses/", incident_views.add_response, name="incident_response"),
]
