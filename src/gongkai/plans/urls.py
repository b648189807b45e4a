from __future__ import annotations

from django.urls import path

from gongkai.plans import public, views

app_name = "plans"

urlpatterns = [
    path("plans/", public.plan_list, name="public_list"),
    path("plans/<int:pk>/", public.plan_detail, name="public_detail"),
    path("plans/<int:pk>/export.<str:fmt>", public.plan_export, name="export"),
    path("console/plans/", views.plan_list, name="console_list"),
    path("console/plans/import/", views.import_notice, name="import"),
    path("console/plans/imports/<int:pk>/", views.import_status, name="import_status"),
    path("console/plans/<int:pk>/", views.review, name="review"),
    path("console/plans/<int:pk>/items/<int:item_pk>/", views.edit_item, name="edit_item"),
    path("console/plans/<int:pk>/resolve/", views.resolve_phrase, name="resolve"),
    path("console/plans/<int:pk>/publish/", views.publish, name="publish"),
    path("console/plans/<int:pk>/delete/", views.delete_draft, name="delete"),
]
