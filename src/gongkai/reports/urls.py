from __future__ import annotations

from django.urls import path

from gongkai.reports import public, views

app_name = "reports"

urlpatterns = [
    path("console/reports/", views.index, name="index"),
    path("console/reports/check/", views.check_upload, name="check"),
    path("console/reports/figures/", views.figures_upload, name="figures_upload"),
    path("console/reports/figures/template.xlsx", views.figures_template, name="figures_template"),
    path("console/reports/<int:unit_id>/cases/", views.cases, name="cases"),
    path("console/reports/<int:unit_id>/cases/<int:pk>/result/", views.case_result, name="case_result"),
    path("console/reports/<int:unit_id>/<int:year>/", views.report, name="report"),
    path("console/reports/<int:unit_id>/<int:year>/report.docx", views.report_docx, name="docx"),
    path("console/reports/<int:unit_id>/<int:year>/report.xlsx", views.report_xlsx, name="xlsx"),
    path("console/reports/<int:unit_id>/<int:year>/steps/<str:step>/", views.workflow, name="workflow"),
    path("console/reports/<int:unit_id>/<int:year>/cases/<int:index>/", views.case_cell, name="case_cell"),
    path(
        "console/reports/<int:unit_id>/<int:year>/documents/<str:row>/<str:column>/",
        views.normative_cell, name="normative_cell",
    ),
    path("xxgk/nianbao/", public.index, name="public_index"),
    path("xxgk/nianbao/<int:year>/", public.year_list, name="public_year"),
    path("xxgk/nianbao/versions/<int:pk>/", public.version_page, name="public_version"),
    path(
        "console/reports/<int:unit_id>/<int:year>/cells/<str:row>/<str:column>/",
        views.cell, name="cell",
    ),
]
