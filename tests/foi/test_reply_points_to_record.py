"""A reply to information already published (条例 第三十六条第（一）项) points to that record."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(unit_a, clerk_a, reviewer_a):
    from datetime import date

    from gongkai.records import services
    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import Column

    apply_default_columns(unit_a)
    column = Column.objects.filter(unit=unit_a).first()
    data = {"title": "2026年市财政局部门预算", "body": "<p>部门预算。</p>", "written_on": date(2026, 3, 2)}
    record = services.create_record(unit_a, data, columns=[column], actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    return services.publish_record(record, actor=reviewer_a)


def test_it_points_the_reply_and_the_tracking_page_to_the_published_record(filed, clerk_a, published, client):
    from gongkai.foi import services

    record = published
    services.reply(filed, outcome="disclosed", text="您申请的信息已公开。", actor=clerk_a,
                   published_index_number=record.index_number)
    filed.refresh_from_db()
    assert filed.published_record == record
    page = client.post("/foi/track/", {"code": filed.tracking_code}).content.decode()
    assert "2026年市财政局部门预算" in page and record.index_number in page


def test_it_refuses_an_index_number_that_is_not_published(filed, clerk_a):
    from gongkai.foi import services

    with pytest.raises(ValidationError, match="没有找到索引号"):
        services.reply(filed, outcome="disclosed", text="已公开。", actor=clerk_a, published_index_number="000000000/2026-99999")
    filed.refresh_from_db()
    assert filed.replied_on is None
