"""Request events are append-only, like the audit log: the ORM, the admin and the database refuse
to change or remove what happened to a request (issue 15 point 5)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from gongkai.foi.models import AppendOnlyError, Request, RequestEvent

pytestmark = pytest.mark.django_db


def test_it_never_changes_or_deletes_an_event(filed):
    event = filed.events.get()
    event.note = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError, match="不能删除"):
        event.delete()
    with pytest.raises(AppendOnlyError, match="不能删除"):
        RequestEvent.objects.filter(request=filed).delete()
    with pytest.raises(AppendOnlyError):
        RequestEvent.objects.filter(pk=event.pk).update(note="rewritten")
    assert RequestEvent.objects.filter(pk=event.pk).exists()


def test_it_never_deletes_the_events_with_their_request(filed):
    with pytest.raises(ProtectedError):
        filed.delete()
    with pytest.raises(ProtectedError):
        Request.objects.filter(pk=filed.pk).delete()
    assert filed.events.exists()


def test_it_refuses_updates_of_events_in_the_database_itself(filed):
    event = filed.events.get()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE foi_requestevent SET note = %s WHERE id = %s", ["forged", event.pk])
    assert RequestEvent.objects.get(pk=event.pk).note == event.note


def test_it_offers_no_way_to_delete_events_or_requests_in_the_admin(login, office_admin, filed):
    client = login(office_admin)
    assert client.get("/admin/foi/requestevent/").status_code == 404
    assert client.post(f"/admin/foi/request/{filed.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Request.objects.filter(pk=filed.pk).exists() and filed.events.exists()
