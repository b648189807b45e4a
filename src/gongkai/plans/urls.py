from __future__ import annotations

from django.urls import path

from gongkai.plans import (
    bulletin_views,
    dashboard,
    disclosure_views,
    division_views,
    implementation_views,
    public,
    views,
    work,
)

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
    path("console/plans/<int:pk>/year/", views.set_year, name="set_year"),
    path("console/plans/<int:pk>/delete/", views.delete_draft, name="delete"),
    path("console/plans/inbox/", work.inbox, name="inbox"),
    path("console/plans/<int:pk>/dashboard/", dashboard.dashboard, name="dashboard"),
    path("console/plans/<int:pk>/dashboard.xlsx", dashboard.dashboard_xlsx, name="dashboard_xlsx"),
    path("console/plans/<int:pk>/bulletins/", bulletin_views.bulletin_list, name="bulletins"),
    path("console/plans/bulletins/<int:pk>/", bulletin_views.bulletin_detail, name="bulletin"),
    path("console/plans/bulletins/<int:pk>/bulletin.docx", bulletin_views.bulletin_docx, name="bulletin_docx"),
    path("console/plans/bulletins/<int:pk>/upload/", bulletin_views.bulletin_upload, name="bulletin_upload"),
    path("console/plans/bulletins/<int:pk>/discard/", bulletin_views.bulletin_discard, name="bulletin_discard"),
    path("console/plans/bulletins/<int:pk>/issue/", bulletin_views.bulletin_issue, name="bulletin_issue"),
    path("console/plans/assignments/<int:pk>/", work.assignment_detail, name="assignment"),
    path("console/plans/assignments/<int:pk>/periods/<int:period_pk>/", work.report_edit, name="report"),
    path("console/plans/reports/<int:pk>/", work.report_detail, name="report_detail"),
    path("console/plans/reports/<int:pk>/evidence/", work.evidence_add, name="evidence_add"),
    path("console/plans/evidence/<int:pk>/remove/", work.evidence_remove, name="evidence_remove"),
    path("console/plans/evidence/<int:pk>/", work.evidence_file, name="evidence_file"),
    path("console/plans/<int:pk>/reports/", work.review_queue, name="review_queue"),
    path("console/plans/<int:pk>/items/<int:item_pk>/trigger/", work.record_trigger, name="trigger"),
    path("console/plans/<int:pk>/items/<int:item_pk>/units/", division_views.item_units, name="item_units"),
    path("plans/<int:pk>/progress/<int:disclosure_pk>/", disclosure_views.public_progress, name="public_progress"),
    path("console/plans/<int:pk>/progress/", disclosure_views.disclosure_list, name="disclosures"),
    path("console/plans/<int:pk>/progress/<int:disclosure_pk>/", disclosure_views.disclosure_review, name="disclosure"),
    path("console/plans/<int:pk>/progress/<int:disclosure_pk>/items/<int:item_pk>/", disclosure_views.disclosure_entry,
         name="disclosure_entry"),
    path("console/plans/<int:pk>/progress/<int:disclosure_pk>/regenerate/", disclosure_views.disclosure_regenerate,
         name="disclosure_regenerate"),
    path("console/plans/<int:pk>/progress/<int:disclosure_pk>/publish/", disclosure_views.disclosure_publish,
         name="disclosure_publish"),
    path("console/plans/<int:pk>/implementation/", implementation_views.implementation_status, name="implementation"),
]
