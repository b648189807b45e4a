from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only, for the office admin alone: the log is never edited or deleted."""

    list_display = ["created_at", "actor_label", "action", "object_type", "object_repr", "unit", "ip_address"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "object_repr", "object_id"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "chain_algorithm", "prev_hash", "row_hash"]  # not in the form: shown

    def has_module_permission(self, request: HttpRequest) -> bool:
        return getattr(request.user, "is_office_admin", False)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return getattr(request.user, "is_office_admin", False)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
