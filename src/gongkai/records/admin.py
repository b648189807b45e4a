"""Records in the admin: scoped by the permission policy like the console and read-only there
(every change goes through the services, with its event, audit row and index update). Another
unit's record does not exist for a user: its change page is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse

from gongkai.orgs.admin_scope import PolicyScopedAdmin
from gongkai.records.models import CatalogImport, Column, Gazette, IndexCounter, Record, RecordEvent


class ReadOnlyScopedAdmin(PolicyScopedAdmin):
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        if not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404("没有找到该对象。")
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request: HttpRequest) -> Any:
        queryset = super().get_queryset(request)
        user = request.user
        if getattr(user, "is_office_admin", False) or self.model is not Record:
            return queryset
        # In the admin, as in the console, staff see their own unit's records only.
        return queryset.filter(unit_id=getattr(user, "unit_id", None))


@admin.register(Record)
class RecordAdmin(ReadOnlyScopedAdmin):
    list_display = ["title", "unit", "kind", "status", "index_number", "doc_number", "published_on"]
    list_filter = ["status", "kind", "disclosure"]
    search_fields = ["title", "index_number", "doc_number"]
    exclude = ["body"]


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
