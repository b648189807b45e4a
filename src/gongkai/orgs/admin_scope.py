"""The admin site under the permission policy: staff see in the admin exactly what the policy
lets them see in the console, whatever Django's model permissions say."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import Http404, HttpRequest, HttpResponse

from gongkai.audit.log import record
from gongkai.orgs.policy import Action, policy


class PolicyScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Lists scoped by the policy; changes only where the policy allows; managing is the office's."""

    manager_only_writes = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return policy.scope(request.user, super().get_queryset(request))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if not self.has_module_permission(request):
            return False
        return obj is None or policy.may(request.user, Action.VIEW, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.manager_only_writes or obj is None:
            return policy.may_manage(request.user)
        return policy.may(request.user, Action.CHANGE, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return policy.may_manage(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return policy.may_manage(request.user)

    # Writes through the admin are audited like every other write (the admin already wraps each
    # change in a transaction).
    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:  # type: ignore[type-arg]
        before = _fields(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        record("admin_changed" if change else "admin_created", obj, before=before, after=_fields(obj))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record("admin_deleted", obj, before=_fields(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            record("admin_deleted", obj, before=_fields(obj))
        super().delete_queryset(request, queryset)


class ReadOnlyScopedAdmin(PolicyScopedAdmin):
    """Read-only in the admin: every change goes through the services (with its event, audit row
    and index update); an object outside the user's scope does not exist for them (404)."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        if not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404("没有找到该对象。")
        return super().change_view(request, object_id, form_url, extra_context)


def _fields(obj: Model) -> dict[str, Any]:
    return {
        field.name: field.value_from_object(obj)
        for field in obj._meta.concrete_fields
        if field.name != "password"
    }
