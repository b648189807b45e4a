"""Requests in the admin: scoped by the permission policy like the console, and read-only there
(every change goes through the services and the request page, with its event and audit rows)."""

from __future__ import annotations

from django.contrib import admin

from gongkai.foi.models import DisclosureProposal, Letter, LetterSeries, LetterTemplate, Request
from gongkai.orgs.admin_scope import ReadOnlyScopedAdmin


@admin.register(Request)
class RequestAdmin(ReadOnlyScopedAdmin):
    list_display = ["tracking_code", "unit", "applicant_name", "channel", "status", "received_on", "due_on", "outcome"]
    list_filter = ["status", "channel", "applicant_kind"]
    search_fields = ["tracking_code"]
    exclude = ["id_proof"]


@admin.register(Letter)
class LetterAdmin(ReadOnlyScopedAdmin):
    list_display = ["number", "kind", "request", "issued_on", "service_method", "signed_on"]
    exclude = ["content"]


@admin.register(LetterSeries)
class LetterSeriesAdmin(ReadOnlyScopedAdmin):
    list_display = ["unit", "year", "prefix", "last_serial"]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ReadOnlyScopedAdmin):
    list_display = ["kind", "title", "updated_at"]


@admin.register(DisclosureProposal)
class DisclosureProposalAdmin(ReadOnlyScopedAdmin):
    list_display = ["topic", "unit", "request_count", "status", "created_at"]
