from __future__ import annotations

from django.contrib import admin

from gongkai.jobs.models import JobFailure
from gongkai.orgs.admin_scope import PolicyScopedAdmin


@admin.register(JobFailure)
class JobFailureAdmin(PolicyScopedAdmin):
    list_display = ["failed_at", "task_name", "attempts", "resolved"]
    list_filter = ["resolved", "task_name"]
    readonly_fields = ["task_name", "task_id", "arguments", "error", "attempts", "failed_at"]
