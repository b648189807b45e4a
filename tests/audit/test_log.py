"""The audit log: written with the change in one transaction, append-only, office-only."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from gongkai.audit.log import record
from gongkai.audit.models import AppendOnlyError, AuditEntry
from gongkai.orgs import services
from gongkai.orgs.models import Role, User

pytestmark = pytest.mark.django_db


def test_it_records_who_did_what_from_where(login, office_admin, unit_a):
    client = login(office_admin)
    response = client.post(
        "/console/users/new/",
        {"username": "new_clerk", "full_name": "新经办人", "unit": unit_a.pk, "roles": ["clerk"]},
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="user_created")
    assert entry.actor == office_admin
    assert entry.ip_address == "10.1.2.3"
    assert entry.unit == unit_a
    assert entry.after["roles"] == ["clerk"]
    assert entry.after["username"] == "new_clerk"


def test_it_rolls_the_audit_back_with_a_failed_change(unit_a):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.create_user(username="ghost", full_name="幽灵", unit=unit_a, roles=[Role.CLERK])
        raise RuntimeError("the change fails after the audit row was written")
    assert not User.objects.filter(username="ghost").exists()
    assert not AuditEntry.objects.filter(object_repr="幽灵").exists()


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_record_outside_a_transaction(unit_a):
    with pytest.raises(RuntimeError, match="inside transaction"):
        record("unit_updated", unit_a)


def test_it_never_changes_or_deletes_an_entry(unit_a):
    with transaction.atomic():
        entry = record("something_happened", unit_a)
    entry.action = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_it_refuses_updates_in_the_database_itself(unit_a):
    with transaction.atomic():
        entry = record("something_happened", unit_a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = %s WHERE id = %s", ["forged", entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "something_happened"


def test_it_shows_the_log_to_the_office_admin_with_filters(login, office_admin, unit_a, unit_b):
    with transaction.atomic():
        record("unit_updated", unit_a)
        record("unit_updated", unit_b)
        record("other_action", unit_b)
    client = login(office_admin)
    text = client.get("/console/audit/", {"action": "unit_updated", "unit": unit_b.pk}).content.decode()
    assert "示范市教育局" in text
    assert "other_action</td>" not in text
    assert "共 1 条" in text
    bad = client.get("/console/audit/", {"from": "2026-02-30"})
    assert bad.status_code == 200 and "日期格式" in bad.content.decode()


def test_it_hides_the_log_from_clerks(login, clerk_a):
    client = login(clerk_a)
    assert client.get("/console/audit/").status_code == 403
    assert client.get("/admin/audit/auditentry/").status_code == 403


def test_it_offers_no_edit_or_delete_in_the_admin(login, office_admin, unit_a):
    with transaction.atomic():
        entry = record("unit_updated", unit_a)
    client = login(office_admin)
    assert client.get("/admin/audit/auditentry/").status_code == 200
    assert client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
