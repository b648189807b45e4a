from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from gongkai.orgs.admin_scope import PolicyScopedAdmin
from gongkai.orgs.models import GroupPhrase, Unit, UnitAlias, User, UserRole


class UnitAliasInline(admin.TabularInline):  # type: ignore[type-arg]
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(PolicyScopedAdmin):
    list_display = ["name", "kind", "category", "org_code", "parent", "is_active"]
    list_filter = ["kind", "category", "is_active"]
    search_fields = ["name", "key", "aliases__alias", "org_code"]
    inlines = [UnitAliasInline]
    autocomplete_fields = ["parent"]


@admin.register(GroupPhrase)
class GroupPhraseAdmin(PolicyScopedAdmin):
    list_display = ["phrase", "aliases", "rule"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return admin.ModelAdmin.get_queryset(self, request)  # group phrases are public rules


class UserRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = UserRole
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_office_admin

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_office_admin

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_office_admin


@admin.register(User)
class UserAdmin(PolicyScopedAdmin, DjangoUserAdmin):
    list_display = ["username", "full_name", "unit", "is_active", "last_login"]
    list_filter = ["is_active", "unit__kind"]
    search_fields = ["username", "full_name", "unit__name"]
    inlines = [UserRoleInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("个人信息", {"fields": ["full_name", "unit", "phone", "email"]}),
        ("状态", {"fields": ["is_active", "is_staff", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
