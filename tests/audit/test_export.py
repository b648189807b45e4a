"""The audit log as .csv and .xlsx: what the filters show, for the office only."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_the_office_exports_the_filtered_log_and_a_clerk_cannot(login, office_admin, clerk_a, unit_a):
    client = login(office_admin)
    client.post("/console/users/new/", {"username": "new_clerk", "full_name": "新经办人", "unit": unit_a.pk,
                                        "roles": ["clerk"]}, REMOTE_ADDR="10.1.2.3")
    response = client.get("/console/audit/?action=user_created&format=csv")
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(body)))
    assert header[:4] == ["时间", "操作人", "来源地址", "操作"]
    assert rows and {row[3] for row in rows} == {"user_created"} and rows[0][2] == "10.1.2.3"
    assert any('"username": "new_clerk"' in row[9] for row in rows)
    sheet = load_workbook(io.BytesIO(b"".join(client.get("/console/audit/?action=nothing&format=xlsx").streaming_content)))
    assert len(list(sheet.active.iter_rows(values_only=True))) == 1  # the header alone
    assert login(clerk_a).get("/console/audit/?format=csv").status_code == 403
