"""Records in the admin: scoped by the permission policy like the console and read-only there
(every change goes through the services, with its event, audit row and index update). Another
unit's record does not exist for a user: its change page is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.orgs.admin_scope import ReadOnlyScopedAdmin
from gongkai.records.models import CatalogImport, Column, Gazette, IndexCounter, Record, RecordEvent


@admin.register(Record)
class RecordAdmin(ReadOnlyScopedAdmin):
    list_display = ["title", "unit", "kind", "status", "index_number", "doc_number", "published_on"]
    list_filter = ["status", "kind", "disclosure"]
    search_fields = ["title", "index_number", "doc_number"]
    exclude = ["body"]

    def get_queryset(self, request: HttpRequest) -> Any:
        # In the admin, as in the console, staff see their own unit's records only.
        queryset = super().get_queryset(request)
        if getattr(request.user, "is_office_admin", False):
            return queryset
        return queryset.filter(unit_id=getattr(request.user, "unit_id", None))


@admin.register(RecordEvent)
class RecordEventAdmin(ReadOnlyScopedAdmin):
    list_display = ["record", "kind", "actor_label", "at"]
    list_filter = ["kind"]


@admin.register(Column)
class ColumnAdmin(ReadOnlyScopedAdmin):
    list_display = ["name", "unit", "parent", "sort_order", "is_active"]
    list_filter = ["is_active"]


@admin.register(Gazette)
class GazetteAdmin(ReadOnlyScopedAdmin):
    list_display = ["title", "year", "month", "status", "published_on"]


@admin.register(CatalogImport)
class CatalogImportAdmin(ReadOnlyScopedAdmin):
    list_display = ["original_name", "unit", "status", "total_rows", "created_count", "error_count", "created_at"]


@admin.register(IndexCounter)
class IndexCounterAdmin(ReadOnlyScopedAdmin):
    list_display = ["key", "last_serial"]
