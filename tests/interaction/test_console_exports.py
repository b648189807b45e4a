"""The console's lists of messages, consultations and incidents as .csv and .xlsx: every row the
page's filters show, scoped like the page (a unit never gets another unit's rows), and a cell
that would be a spreadsheet formula written as text."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tests.interaction.conftest import SENDER_NAME, SENDER_PHONE, comment_details, message_details

pytestmark = pytest.mark.django_db


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def _sheet(response) -> list[tuple]:
    return list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))


@pytest.fixture
def two_units_messages(routed, office_admin, unit_b):
    """The routed message of 财政局, and one of 教育局 whose subject starts like a formula."""
    from gongkai.interaction import services

    other = services.submit_message(message_details(subject="=HYPERLINK(\"http://x\")", text="学校的问题"))
    return routed, services.route(other, unit_b, actor=office_admin)


def test_a_unit_exports_its_own_messages_and_the_office_all(two_units_messages, clerk_a, clerk_b, office_admin, login):
    mine, theirs = two_units_messages
    rows = _rows(login(clerk_a).get("/console/messages/?format=csv"))
    assert rows[0][:4] == ["查询码", "办理单位", "留言类型", "标题"]
    assert [row[0] for row in rows[1:]] == [mine.display_code]
    assert rows[1][1] == "示范市财政局" and rows[1][6] and rows[1][8]  # due date, clock state
    body = "\n".join(",".join(row) for row in rows)
    assert SENDER_NAME not in body and SENDER_PHONE not in body  # the page shows no contact either
    assert [row[0] for row in _rows(login(clerk_b).get("/console/messages/?format=csv"))[1:]] == [theirs.display_code]
    office = _rows(login(office_admin).get("/console/messages/?format=csv"))
    assert {row[0] for row in office[1:]} == {mine.display_code, theirs.display_code}
    formula = next(row for row in office[1:] if row[0] == theirs.display_code)[3]
    assert formula == "'=HYPERLINK(\"http://x\")"


def test_the_message_export_follows_the_status_filter_and_comes_as_xlsx(two_units_messages, office_admin, login):
    client = login(office_admin)
    assert _rows(client.get("/console/messages/?status=replied&format=csv"))[1:] == []
    response = client.get("/console/messages/?status=processing&format=xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = list(book.active.iter_rows(values_only=True))
    assert sheet[0][0] == "查询码" and len(sheet) == 3
    # the subject typed as a formula is kept as the text it is, never a formula Excel would run
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert any(cell.value == '=HYPERLINK("http://x")' for cell in cells)
    assert all(cell.data_type != "f" for cell in cells)


def test_consultations_export_with_their_counts_scoped_to_the_unit(consultation, clerk_a, clerk_b, login):
    from gongkai.interaction import consultations

    consultations.submit_comment(consultation, comment_details())
    rows = _rows(login(clerk_a).get("/console/consultations/?format=csv"))
    assert rows[0] == ["标题", "单位", "草案类型", "开始日期", "截止日期", "状态", "待审核意见", "待说明采纳情况"]
    assert rows[1][0] == consultation.title and rows[1][4] == "2026-10-31" and rows[1][6:] == ["1", "0"]
    assert _rows(login(clerk_b).get("/console/consultations/?format=csv"))[1:] == []
    sheet = _sheet(login(clerk_a).get("/console/consultations/?format=xlsx"))
    assert [row[0] for row in sheet] == ["标题", consultation.title]


def test_incidents_export_with_their_marks_for_the_lead_unit_and_the_office(office_admin, unit_a, clerk_a, clerk_b, login):
    from gongkai.interaction import incidents

    learned = timezone.make_aware(datetime(2026, 9, 30, 22, 0))
    incidents.register_incident(title="-示范市某小区供水中断", learned_at=learned, level="major", lead_unit=unit_a,
                                actor=office_admin)
    for user in (clerk_a, office_admin):
        rows = _rows(login(user).get("/console/incidents/?format=csv"))
        assert rows[0] == ["舆情事项", "级别", "牵头单位", "获知时间", "回应时限", "是否超时"]
        assert rows[1][0] == "'-示范市某小区供水中断" and rows[1][2] == "示范市财政局"
        assert rows[1][3] == "2026-09-30 22:00:00" and "2026-10-01 03:00 前" in rows[1][4]
    assert _rows(login(clerk_b).get("/console/incidents/?format=csv"))[1:] == []
    assert len(_sheet(login(office_admin).get("/console/incidents/?format=xlsx"))) == 2


def test_the_public_cannot_export_these_lists(client):
    for path in ("/console/messages/", "/console/consultations/", "/console/incidents/"):
        assert client.get(f"{path}?format=csv").status_code == 302



def test_a_download_of_the_message_queue_is_audited(clerk_a, login):
    from gongkai.audit.models import AuditEntry

    _rows(login(clerk_a).get("/console/messages/?status=processing&format=csv"))
    entry = AuditEntry.objects.get(action="list_exported")
    assert entry.actor == clerk_a and entry.after["list"] == "留言办理" and entry.after["filters"] == {"status": "processing"}
