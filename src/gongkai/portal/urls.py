from __future__ import annotations

from django.urls import path

from gongkai.portal import search, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("font-size/<str:size>/", views.set_font_size, name="font_size"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", search.results, name="search"),
    path("search/advanced/", search.advanced, name="search_advanced"),
]
