"""The requests queue as .csv and .xlsx: every request its filters show, with its clock state,
scoped like the page (a unit's clerk never gets another unit's requests)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.foi.conftest import CITIZEN_NAME, citizen_details

pytestmark = pytest.mark.django_db


def _rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def test_a_clerk_exports_their_units_queue_only(filed, unit_b, clerk_a, clerk_b, login):
    from gongkai.foi import services

    other = services.submit_request(citizen_details(description="教育局的招生计划"), unit=unit_b)
    rows = _rows(login(clerk_a).get("/console/foi/?format=csv"))
    assert rows[0][:3] == ["申请编号", "办理单位", "申请渠道"]
    assert [int(row[0]) for row in rows[1:]] == [filed.pk]
    assert rows[1][4] == CITIZEN_NAME and rows[1][9]  # the applicant, for the unit that handles it; the state
    assert [int(row[0]) for row in _rows(login(clerk_b).get("/console/foi/?format=csv"))[1:]] == [other.pk]


def test_the_export_follows_the_filters_and_comes_as_xlsx(filed, clerk_a, login):
    client = login(clerk_a)
    assert _rows(client.get("/console/foi/?status=replied&format=csv"))[1:] == []
    response = client.get("/console/foi/?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["申请编号", filed.pk]


def test_the_public_cannot_export(client):
    assert client.get("/console/foi/?format=csv").status_code == 302


def test_each_download_of_the_queue_is_in_the_audit_log_with_who_and_which_filters(filed, clerk_a, login):
    from gongkai.audit.models import AuditEntry

    client = login(clerk_a)
    _rows(client.get("/console/foi/?status=replied&format=csv"))
    entry = AuditEntry.objects.get(action="list_exported")
    assert entry.actor == clerk_a and entry.after == {
        "list": "依申请公开申请", "format": "csv", "filters": {"status": "replied"},  # the requesters' data left the platform
    }
