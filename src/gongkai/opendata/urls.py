from __future__ import annotations

from django.urls import path

from gongkai.opendata import public, views

app_name = "opendata"

urlpatterns = [
    path("console/opendata/", views.dataset_list, name="datasets"),
    path("console/opendata/new/", views.dataset_new, name="dataset_new"),
    path("console/opendata/<int:pk>/", views.dataset_detail, name="dataset"),
    path("console/opendata/<int:pk>/edit/", views.dataset_edit, name="dataset_edit"),
    path("console/opendata/<int:pk>/upload/", views.dataset_upload, name="dataset_upload"),
    path("console/opendata/<int:pk>/steps/<str:step>/", views.dataset_step, name="dataset_step"),
    path("console/opendata/plan/", views.plan, name="plan"),
    path("console/opendata/plan/export.xlsx", views.plan_export, name="plan_export"),
    path("console/opendata/plan/entries/<int:pk>/", views.plan_entry_edit, name="plan_entry_edit"),
    path("console/opendata/plan/entries/<int:pk>/remove/", views.plan_entry_remove, name="plan_entry_remove"),
    path("console/opendata/plan/entries/<int:pk>/dataset/", views.plan_entry_link, name="plan_entry_link"),
    path("data/", public.catalog, name="catalog"),
    path("data/catalog.jsonld", public.catalog_jsonld, name="catalog_jsonld"),
    path("data/<slug:slug>/", public.dataset_page, name="dataset_page"),
    path("data/<slug:slug>/metadata.jsonld", public.dataset_jsonld, name="dataset_jsonld"),
    path("data/<slug:slug>/<slug:resource>.csv", public.download, {"fmt": "csv"}, name="download_csv"),
    path("data/<slug:slug>/<slug:resource>.xlsx", public.download, {"fmt": "xlsx"}, name="download_xlsx"),
    path("data/<slug:slug>/<slug:resource>.json", public.download, {"fmt": "json"}, name="download_json"),
]
