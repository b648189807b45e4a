"""Imported records go through 保密审查 and the privacy scan like any record: nothing imported is
public until it is reviewed; the office may approve a batch in one act, recorded record by record,
and what the scan flags stays in review for a reviewer to take one by one."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.audit.models import AuditEntry
from gongkai.records import services
from gongkai.records.importing import HEADER, import_catalog
from gongkai.records.models import CatalogImport, EventKind, Record, RecordStatus
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db
ID_NUMBER = "440104199003071239"  # check character valid (GB 11643-1999)


def _csv(bodies) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for number, body in enumerate(bodies, start=1):
        values = {"名称": f"示范市财政局第{number}批专项资金分配结果公示", "发布日期": "2025-06-15", "栏目": "通知公告",
                  "成文日期": "2025-06-10", "正文": body, "索引号": f"MB0000002/2025-{number:05d}"}
        writer.writerow([values.get(name, "") for name in HEADER])
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def batch(unit_a, columns_a, clerk_a):
    """Three rows imported by the unit's clerk; the second names a person by ID number."""
    job = CatalogImport.objects.create(unit=unit_a, original_name="旧目录.csv", file="x.csv", created_by=clerk_a)
    bodies = ["一、分配结果如下。", f"申请人张三，身份证号码{ID_NUMBER}，已发放。", "三、公示期五个工作日。"]
    result = import_catalog(unit_a, "旧目录.csv", _csv(bodies), job=job)
    assert result.ok and result.created == 3
    return job


def test_it_imports_records_for_review_never_straight_to_the_public(batch, client):
    records = list(Record.objects.filter(source_import=batch))
    assert {record.status for record in records} == {RecordStatus.IN_REVIEW}
    assert not SearchEntry.objects.exists()
    for record in records:
        assert client.get(f"/xxgk/content/{record.pk}/").status_code == 404
        assert [event.kind for event in record.events.all()] == [EventKind.IMPORTED]
    assert "专项资金分配结果" not in client.get("/xxgk/feed/").content.decode()


def test_it_lets_the_office_approve_a_batch_as_one_act_recorded_per_record(batch, office_admin, client):
    outcome = services.approve_import(batch, actor=office_admin)
    flagged = Record.objects.get(title__contains="第2批")
    assert outcome.published == 2 and outcome.flagged == [flagged]
    published = list(Record.objects.filter(source_import=batch, status=RecordStatus.PUBLISHED))
    assert len(published) == 2
    for record in published:
        assert record.index_number.startswith("MB0000002/2025-") and str(record.published_on) == "2025-06-15"
        event = record.events.last()
        assert event.kind == EventKind.PUBLISHED and event.actor == office_admin and event.data["batch"] == batch.pk
        audit = AuditEntry.objects.get(action="record_published", object_id=str(record.pk))
        assert audit.after["batch"] == batch.pk
        assert client.get(f"/xxgk/content/{record.pk}/").status_code == 200
        assert SearchEntry.objects.filter(key=record.search_key).exists()
    assert AuditEntry.objects.filter(action="catalog_import_approved", object_id=str(batch.pk)).count() == 1


def test_it_leaves_what_the_privacy_scan_flags_for_individual_review(batch, office_admin, reviewer_a, client):
    services.approve_import(batch, actor=office_admin)
    flagged = Record.objects.get(title__contains="第2批")
    assert flagged.status == RecordStatus.IN_REVIEW and flagged.events.last().kind == EventKind.FLAGGED
    assert client.get(f"/xxgk/content/{flagged.pk}/").status_code == 404
    assert not SearchEntry.objects.filter(key=flagged.search_key).exists()
    services.approve_import(batch, actor=office_admin)  # approving again does not let it through
    flagged.refresh_from_db()
    assert flagged.status == RecordStatus.IN_REVIEW
    services.mask_all_pii(flagged, actor=reviewer_a)  # the reviewer takes it one by one
    services.publish_record(flagged, actor=reviewer_a)
    assert flagged.status == RecordStatus.PUBLISHED and flagged.index_number == "MB0000002/2025-00002"
    assert ID_NUMBER not in SearchEntry.objects.get(key=flagged.search_key).body


def test_it_refuses_batch_approval_to_anyone_but_the_office(batch, reviewer_a, clerk_a, login):
    with pytest.raises(PermissionDenied):
        services.approve_import(batch, actor=reviewer_a)
    assert login(clerk_a).post(f"/console/records/imports/{batch.pk}/approve/").status_code == 403
    assert not Record.objects.filter(status=RecordStatus.PUBLISHED).exists()


def test_it_lets_a_unit_reviewer_publish_an_imported_record_with_its_own_number(batch, reviewer_a):
    record = Record.objects.get(title__contains="第1批")
    services.publish_record(record, actor=reviewer_a)
    assert record.index_number == "MB0000002/2025-00001" and str(record.published_on) == "2025-06-15"


def test_it_approves_a_batch_from_the_import_page_in_the_worker(
    batch, office_admin, login, immediate_jobs, django_capture_on_commit_callbacks
):
    from gongkai.records.models import ImportStatus

    CatalogImport.objects.filter(pk=batch.pk).update(status=ImportStatus.DONE, created_count=3, total_rows=3)
    client = login(office_admin)
    page = client.get(f"/console/records/imports/{batch.pk}/").content.decode()
    assert "待保密审查 3 条" in page and "整批审查通过并发布" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/console/records/imports/{batch.pk}/approve/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "整批审查已开始" in page and "已发布 2 条" in page and "须逐条审查" in page and "第2批" in page
    audit = AuditEntry.objects.get(action="record_published", object_id=str(Record.objects.get(title__contains="第1批").pk))
    assert audit.actor == office_admin  # the worker acts as the admin who approved


def test_it_takes_a_large_batch_in_chunks_each_its_own_transaction(batch, office_admin):
    outcome = services.approve_batch(Record.objects.filter(source_import=batch), actor=office_admin, job=batch, chunk=1)
    assert outcome.published == 2 and len(outcome.flagged) == 1
    assert AuditEntry.objects.filter(action="record_published").count() == 2
