"""Correcting a published record runs the privacy scan and 保密审查 again before the correction
shows: the corrected version waits beside the published one, which the public keeps seeing on the
record page, in the lists and feeds and in search, until a reviewer approves it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.records import services
from gongkai.records.models import EventKind, Record
from gongkai.search.api import search
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db
ID_NUMBER = "440104199003071239"  # check character valid (GB 11643-1999)
PUBLISHED_BODY = "<p>各预算单位：请于三月底前公开部门预算。</p>"
CORRECTED_BODY = "<p>各预算单位：请于四月十五日前公开部门预算和三公经费。</p>"


@pytest.fixture
def published(make_draft, publish):
    return publish(make_draft(body=PUBLISHED_BODY))


def _public_texts(client, record, unit):
    """Everything the public can read of the record."""
    feed = ET.fromstring(client.get("/xxgk/feed/").content)
    return "\n".join([
        client.get(f"/xxgk/content/{record.pk}/").content.decode(),
        client.get(f"/xxgk/units/{unit.key}/").content.decode(),
        client.get("/").content.decode(),
        ET.tostring(feed, encoding="unicode"),
        SearchEntry.objects.get(key=record.search_key).title,
        SearchEntry.objects.get(key=record.search_key).body,
    ])


def test_it_never_shows_the_public_an_unreviewed_correction(published, clerk_a, reviewer_a, client, unit_a):
    services.update_record(published, {"title": "关于做好2026年部门预算和三公经费公开工作的通知",
                                       "body": CORRECTED_BODY}, actor=clerk_a)
    shown = _public_texts(client, published, unit_a)
    assert "四月十五日" not in shown and "三公经费公开工作" not in shown
    assert "三月底前" in shown
    assert search("四月十五日").total == 0
    stored = Record.objects.get(pk=published.pk)
    assert "三月底前" in stored.body_text and stored.title == "关于做好2026年部门预算公开工作的通知"
    services.approve_correction(stored, actor=reviewer_a)
    shown = _public_texts(client, stored, unit_a)
    assert "四月十五日" in shown and "三月底前" not in shown
    assert [hit.title for hit in search("四月十五日").hits] == ["关于做好2026年部门预算和三公经费公开工作的通知"]


def test_it_runs_the_privacy_scan_on_a_correction_before_it_shows(published, clerk_a, reviewer_a, client):
    services.update_record(published, {"body": f"<p>联系人张三，身份证号码{ID_NUMBER}。</p>"}, actor=clerk_a)
    proposed = published.events.last()
    assert proposed.kind == EventKind.CORRECTION_PROPOSED and proposed.data["pii_hits"] >= 1
    assert ID_NUMBER not in client.get(f"/xxgk/content/{published.pk}/").content.decode()
    with pytest.raises(ValidationError, match="疑似个人信息"):
        services.approve_correction(published, actor=reviewer_a)
    assert ID_NUMBER not in SearchEntry.objects.get(key=published.search_key).body
    with pytest.raises(ValidationError):
        services.return_correction(published, " ", actor=reviewer_a)
    services.return_correction(published, "请删去身份证号码。", actor=reviewer_a)
    published.refresh_from_db()
    assert published.revision is None and "三月底前" in published.body_text
    assert published.events.last().kind == EventKind.CORRECTION_RETURNED
    assert AuditEntry.objects.filter(action="record_correction_returned", object_id=str(published.pk)).exists()


def test_it_keeps_four_eyes_on_a_correction(published, reviewer_a, office_admin):
    services.update_record(published, {"title": "关于做好2026年部门预算公开工作的通知（更正）"}, actor=reviewer_a)
    with pytest.raises(PermissionDenied):
        services.approve_correction(published, actor=reviewer_a)
    services.approve_correction(published, actor=office_admin)
    assert Record.objects.get(pk=published.pk).title.endswith("（更正）")
    audit = AuditEntry.objects.get(action="record_corrected", object_id=str(published.pk))
    assert audit.before["title"] == "关于做好2026年部门预算公开工作的通知" and audit.after["title"].endswith("（更正）")


def test_it_corrects_through_the_console(published, clerk_a, reviewer_a, login, columns_a, client):
    editor = login(clerk_a)
    form = editor.get(f"/console/records/{published.pk}/edit/")
    assert form.status_code == 200
    response = editor.post(f"/console/records/{published.pk}/edit/", {
        "kind": "general", "title": published.title, "written_on": "2026-03-02", "disclosure": "proactive",
        "audience": "public", "columns": [columns_a["通知公告"].pk, columns_a["财政信息"].pk], "body": CORRECTED_BODY,
    }, follow=True)
    assert "更正已提交保密审查" in response.content.decode()
    assert "四月十五日" in editor.get(f"/console/records/{published.pk}/edit/").content.decode()  # edits go on
    assert "四月十五日" not in client.get(f"/xxgk/content/{published.pk}/").content.decode()
    reviewer = login(reviewer_a)
    detail = reviewer.get(f"/console/records/{published.pk}/").content.decode()
    assert "待保密审查的更正" in detail and "更正审查通过" in detail
    reviewer.post(f"/console/records/{published.pk}/steps/approve_correction/")
    published.refresh_from_db()
    assert "四月十五日" in published.body_text and published.revision is None
    assert {column.name for column in published.columns.all()} == {"通知公告", "财政信息"}
    client.logout()
    assert "四月十五日" in client.get(f"/xxgk/content/{published.pk}/").content.decode()


def test_it_refuses_a_correction_that_changes_nothing(published, clerk_a):
    with pytest.raises(ValidationError, match="没有需要审查的修改"):
        services.update_record(published, {"title": published.title}, actor=clerk_a)
