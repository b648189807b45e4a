from __future__ import annotations

from django.urls import path

from gongkai.foi import public, views

app_name = "foi"

urlpatterns = [
    # public (no login)
    path("foi/", public.apply, name="apply"),
    path("foi/track/", public.track, name="track"),
    path("foi/track/amend/", public.track_amend, name="track_amend"),
    path("foi/track/letters/<int:pk>/", public.track_letter, name="track_letter"),
    path("foi/statistics/", public.statistics, name="statistics"),
    # console
    path("console/foi/", views.queue, name="queue"),
    path("console/foi/register/", views.register, name="register"),
    path("console/foi/<int:pk>/", views.detail, name="detail"),
    path("console/foi/<int:pk>/steps/<str:step>/", views.act, name="act"),
    path("console/foi/<int:pk>/id-proof/", views.id_proof, name="id_proof"),
    path("console/foi/letters/<int:pk>/", views.letter_download, name="letter"),
    path("console/foi/templates/", views.template_list, name="templates"),
    path("console/foi/templates/<str:kind>/", views.template_edit, name="template_edit"),
    path("console/foi/proposals/", views.proposal_list, name="proposals"),
    path("console/foi/proposals/<int:pk>/", views.proposal_decide, name="proposal_decide"),
]
