from __future__ import annotations

from django.urls import path

from gongkai.assessment import views

app_name = "assessment"

urlpatterns = [
    path("console/assessment/", views.round_list, name="rounds"),
    path("console/assessment/systems/", views.system_list, name="systems"),
    path("console/assessment/systems/demo/", views.system_demo, name="system_demo"),
    path("console/assessment/systems/<int:pk>/xlsx/", views.system_export, name="system_export"),
    path("console/assessment/rounds/new/", views.round_open, name="round_open"),
    path("console/assessment/rounds/<int:pk>/", views.round_detail, name="round"),
    path("console/assessment/rounds/<int:pk>/publish/", views.round_publish, name="round_publish"),
    path("console/assessment/rounds/<int:pk>/results/", views.round_results, name="results"),
    path("console/assessment/rounds/<int:pk>/ties/", views.tie_decide, name="tie_decide"),
    path("console/assessment/rounds/<int:pk>/awards/", views.round_awards, name="awards"),
    path("console/assessment/rounds/<int:pk>/awards/bonus/", views.round_bonus, name="bonus"),
    path("console/assessment/rounds/<int:pk>/awards/record/", views.round_awards_record, name="awards_record"),
    path("console/assessment/rounds/<int:pk>/awards.docx", views.round_awards_docx, name="awards_docx"),
    path("console/assessment/rounds/<int:pk>/results.xlsx", views.round_results_file, {"fmt": "xlsx"},
         name="results_xlsx"),
    path("console/assessment/rounds/<int:pk>/results.docx", views.round_results_file, {"fmt": "docx"},
         name="results_docx"),
    path("console/assessment/rounds/<int:round_pk>/units/<int:pk>/", views.sheet, name="sheet"),
    path("console/assessment/rounds/<int:round_pk>/units/<int:pk>/evidence/<int:evidence_pk>/", views.evidence_file,
         name="evidence_file"),
    path("console/assessment/rounds/<int:round_pk>/units/<int:pk>/evaluators/", views.participant_evaluators,
         name="evaluators"),
    path("console/assessment/rounds/<int:round_pk>/units/<int:pk>/submit/", views.self_submit, name="self_submit"),
    path("console/assessment/rounds/<int:round_pk>/units/<int:pk>/scores/", views.sheet_scores, name="sheet_scores"),
    path("console/assessment/rounds/<int:round_pk>/units/<int:pk>/leaves/<str:code>/evidence/", views.evidence_add,
         name="evidence_add"),
]
