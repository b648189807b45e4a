from __future__ import annotations

from django.urls import path

from gongkai.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("console/monitoring/", views.site_list, name="sites"),
    path("console/monitoring/ranking.xlsx", views.ranking_export, name="ranking_xlsx"),
    path("console/monitoring/ranking.csv", views.ranking_csv, name="ranking_csv"),
    path("console/monitoring/system/", views.system_page, name="system"),
    path("console/monitoring/system/indicators.xlsx", views.system_sheet, name="system_sheet"),
    path("console/monitoring/system/national/", views.system_national, name="system_national"),
    path("console/monitoring/sites/new/", views.site_register, name="site_register"),
    path("console/monitoring/sites/<int:pk>/", views.site_detail, name="site"),
    path("console/monitoring/sites/<int:pk>/report.xlsx", views.site_report_xlsx, name="report_xlsx"),
    path("console/monitoring/sites/<int:pk>/report.docx", views.site_report_docx, name="report_docx"),
    path("console/monitoring/sites/<int:pk>/findings/", views.finding_add, name="finding_add"),
    path("console/monitoring/sites/<int:pk>/crawl/", views.crawl_now, name="crawl_now"),
    path("console/monitoring/columns/<int:pk>/class/", views.column_class, name="column_class"),
]
