"""The publishing workflow: draft → 保密审查 → published, each step by the right person, with an
event row and an audit row; a clerk cannot publish without review."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.records import services
from gongkai.records.models import EventKind, Record, RecordStatus
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_it_takes_a_draft_through_review_to_publication(make_draft, clerk_a, reviewer_a):
    record = make_draft()
    services.submit_record(record, actor=clerk_a)
    assert record.status == RecordStatus.IN_REVIEW
    services.publish_record(record, actor=reviewer_a)
    record.refresh_from_db()
    assert record.status == RecordStatus.PUBLISHED and record.is_public
    assert record.index_number.startswith("MB0000002/") and record.published_on
    kinds = list(record.events.values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.SUBMITTED, EventKind.PUBLISHED]
    actions = set(AuditEntry.objects.filter(object_id=str(record.pk)).values_list("action", flat=True))
    assert {"record_created", "record_submitted", "record_published"} <= actions
    assert SearchEntry.objects.filter(key=record.search_key).exists()


def test_it_refuses_publication_by_a_clerk(make_draft, clerk_a, login):
    record = make_draft()
    services.submit_record(record, actor=clerk_a)
    with pytest.raises(PermissionDenied):
        services.publish_record(record, actor=clerk_a)
    response = login(clerk_a).post(f"/console/records/{record.pk}/steps/publish/")
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_REVIEW and record.index_number is None
    assert not SearchEntry.objects.filter(key=record.search_key).exists()


def test_it_refuses_to_publish_a_draft_that_skipped_review(make_draft, reviewer_a, login):
    record = make_draft()
    response = login(reviewer_a).post(f"/console/records/{record.pk}/steps/publish/", follow=True)
    assert "不能执行此操作" in response.content.decode()
    record.refresh_from_db()
    assert record.status == RecordStatus.DRAFT and record.index_number is None


def test_it_keeps_four_eyes_when_one_person_is_clerk_and_reviewer(make_draft, unit_a, columns_a):
    from tests.conftest import make_user

    both = make_user("both", unit_a, "clerk", "reviewer")
    record = make_draft(actor=both)
    services.submit_record(record, actor=both)
    with pytest.raises(PermissionDenied):
        services.publish_record(record, actor=both)


def test_it_lets_the_reviewer_return_with_a_comment(make_draft, clerk_a, reviewer_a, login):
    record = make_draft()
    services.submit_record(record, actor=clerk_a)
    client = login(reviewer_a)
    empty = client.post(f"/console/records/{record.pk}/steps/return/", {"comment": " "}, follow=True)
    assert "退回时请写明" in empty.content.decode()
    client.post(f"/console/records/{record.pk}/steps/return/", {"comment": "请补充预算公开的时限要求。"})
    record.refresh_from_db()
    assert record.status == RecordStatus.RETURNED
    assert record.events.last().comment == "请补充预算公开的时限要求。"
    page = login(clerk_a).get(f"/console/records/{record.pk}/").content.decode()
    assert "请补充预算公开的时限要求。" in page
    services.update_record(record, {"title": "关于做好2026年部门预算公开工作的通知（修改稿）"}, actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    assert record.status == RecordStatus.IN_REVIEW


def test_it_needs_a_column_and_a_date_before_review(clerk_a, columns_a):
    record = services.create_record(clerk_a.unit, {"title": "无栏目的信息", "body": "正文"}, actor=clerk_a)
    with pytest.raises(ValidationError) as error:
        services.submit_record(record, actor=clerk_a)
    assert "columns" in error.value.message_dict and "written_on" in error.value.message_dict


def test_it_withdraws_and_removes_from_the_portal_and_index(make_draft, publish, reviewer_a, client):
    record = publish(make_draft())
    assert client.get(f"/xxgk/content/{record.pk}/").status_code == 200
    with pytest.raises(ValidationError):
        services.withdraw_record(record, "", actor=reviewer_a)
    services.withdraw_record(record, "误发，内容有误。", actor=reviewer_a)
    assert client.get(f"/xxgk/content/{record.pk}/").status_code == 404
    assert not SearchEntry.objects.filter(key=record.search_key).exists()
    assert Record.objects.get(pk=record.pk).index_number  # the number stays with it, never reissued


def test_it_supersedes_an_old_version(make_draft, publish, reviewer_a, client):
    from gongkai.records.models import RecordKind

    old = publish(make_draft(title="示范市财政专项资金管理办法", kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",)))
    new = publish(make_draft(title="示范市财政专项资金管理办法（2026年修订）", kind=RecordKind.NORMATIVE,
                             columns=("政策文件/规范性文件",)))
    services.supersede_record(old, new, actor=reviewer_a)
    old.refresh_from_db()
    assert old.status == RecordStatus.SUPERSEDED and old.repealed_on == new.published_on
    page = client.get(f"/xxgk/content/{old.pk}/").content.decode()
    assert "已被" in page and new.title in page


def test_it_shows_a_correction_only_after_its_review(make_draft, publish, reviewer_a, clerk_a, clerk_b):
    # Issue 15 point 1 / PRODUCT.md 3 ("Publishing goes draft → 保密审查 → published"): a
    # correction is reviewed before it shows; it used to replace the published text at once.
    record = publish(make_draft())
    with pytest.raises(PermissionDenied):
        services.update_record(record, {"title": "改标题"}, actor=clerk_b)
    services.update_record(record, {"title": "关于做好2026年部门预算公开工作的通知（更正）"}, actor=clerk_a)
    assert not SearchEntry.objects.get(key=record.search_key).title.endswith("（更正）")
    assert record.events.last().kind == EventKind.CORRECTION_PROPOSED
    services.approve_correction(record, actor=reviewer_a)
    assert SearchEntry.objects.get(key=record.search_key).title.endswith("（更正）")
    assert record.events.last().kind == EventKind.CORRECTED


def test_it_walks_the_console_pages(make_draft, clerk_a, reviewer_a, login, columns_a):
    client = login(clerk_a)
    assert client.get("/console/records/").status_code == 200
    form = client.get("/console/records/new/")
    assert form.status_code == 200 and "通知公告" in form.content.decode()
    response = client.post("/console/records/new/", {
        "kind": "general", "title": "示范市财政局2026年政府信息公开工作要点", "written_on": "2026-03-02",
        "disclosure": "proactive", "audience": "public", "columns": [columns_a["通知公告"].pk],
        "body": "一、加强财政信息公开。", "doc_number": "示财〔2026〕第05号",
    })
    record = Record.objects.get(title="示范市财政局2026年政府信息公开工作要点")
    assert response.status_code == 302 and record.doc_number == "示财〔2026〕5号"
    client.post(f"/console/records/{record.pk}/steps/submit/")
    detail = login(reviewer_a).get(f"/console/records/{record.pk}/").content.decode()
    assert "审查通过并发布" in detail
    login(reviewer_a).post(f"/console/records/{record.pk}/steps/publish/")
    record.refresh_from_db()
    assert record.status == RecordStatus.PUBLISHED
