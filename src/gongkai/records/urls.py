from __future__ import annotations

from django.urls import path

from gongkai.records import feeds, importview, office, public, views

app_name = "records"

urlpatterns = [
    # public portal (政府信息公开, "xxgk" as on government sites)
    path("xxgk/", public.catalog_index, name="catalog"),
    path("xxgk/feed/", feeds.feed_all, name="feed"),
    path("xxgk/content/<int:pk>/", public.record_page, name="record"),
    path("xxgk/content/<int:pk>/files/<int:attachment_pk>/", public.attachment_download, name="attachment"),
    path("xxgk/lanmu/<str:name>/", public.column_by_name, name="column_by_name"),
    path("xxgk/gfxwj/", public.normative_list, name="normative"),
    path("xxgk/gazette/", public.gazette_index, name="gazette"),
    path("xxgk/gazette/<int:pk>/", public.gazette_issue, name="gazette_issue"),
    path("xxgk/gazette/<int:pk>/docx/", public.gazette_docx, name="gazette_docx"),
    path("xxgk/units/<slug:unit_key>/", public.unit_catalog, name="unit"),
    path("xxgk/units/<slug:unit_key>/feed/", feeds.feed_unit, name="unit_feed"),
    path("xxgk/units/<slug:unit_key>/<int:column_pk>/", public.column_records, name="column"),
    path("xxgk/units/<slug:unit_key>/<int:column_pk>/feed/", feeds.feed_column, name="column_feed"),
    path("sitemap.xml", feeds.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", feeds.sitemap_pages, name="sitemap_pages"),
    path("sitemap-records-<int:number>.xml", feeds.sitemap_records, name="sitemap_records"),
    # console
    path("console/records/", views.record_list, name="console_list"),
    path("console/records/new/", views.record_create, name="create"),
    path("console/records/dashboard/", office.dashboard, name="dashboard"),
    path("console/records/<int:pk>/", views.record_detail, name="console_detail"),
    path("console/records/<int:pk>/edit/", views.record_edit, name="edit"),
    path("console/records/<int:pk>/attachments/", views.attachment_upload, name="attach"),
    path("console/records/<int:pk>/attachments/<int:attachment_pk>/", views.attachment_original, name="attachment_original"),
    path("console/records/<int:pk>/attachments/<int:attachment_pk>/delete/", views.attachment_delete, name="detach"),
    path("console/records/<int:pk>/steps/<str:step>/", views.act, name="act"),
    path("console/records/catalog/", office.catalog_units, name="catalog_units"),
    path("console/records/catalog/<int:unit_pk>/", office.catalog_edit, name="catalog_edit"),
    path("console/records/catalog/<int:unit_pk>/defaults/", office.catalog_defaults, name="catalog_defaults"),
    path("console/records/columns/<int:pk>/", office.column_change, name="column_change"),
    path("console/records/import/", importview.import_new, name="import"),
    path("console/records/import/template.xlsx", importview.import_template, name="import_template"),
    path("console/records/imports/<int:pk>/", importview.import_status, name="import_status"),
    path("console/records/imports/<int:pk>/approve/", importview.import_approve, name="import_approve"),
    path("console/records/gazette/", office.gazette_list, name="gazette_console_list"),
    path("console/records/gazette/<int:pk>/", office.gazette_console, name="gazette_console"),
    path("console/records/gazette/<int:pk>/publish/", office.gazette_publish, name="gazette_publish"),
    path("console/records/settings/", office.settings_edit, name="settings"),
]
