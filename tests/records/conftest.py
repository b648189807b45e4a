"""Records fixtures: the units' catalogs, a reviewer for each unit, and record factories that go
through the services (the one write path)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def columns_a(unit_a):
    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import Column

    apply_default_columns(unit_a)
    return {column.path.replace(" / ", "/"): column for column in Column.objects.filter(unit=unit_a)}


@pytest.fixture
def columns_b(unit_b):
    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import Column

    apply_default_columns(unit_b)
    return {column.path.replace(" / ", "/"): column for column in Column.objects.filter(unit=unit_b)}


@pytest.fixture
def reviewer_b(unit_b):
    from tests.conftest import make_user

    return make_user("reviewer_b", unit_b, "reviewer", full_name="教育局钱审核")


@pytest.fixture
def make_draft(columns_a, clerk_a):
    """A draft of 示范市财政局 by its clerk, in 通知公告 unless told otherwise."""
    from gongkai.records import services

    def make(title="关于做好2026年部门预算公开工作的通知", body="<p>各预算单位：请按要求公开部门预算。</p>",
             columns=("通知公告",), actor=clerk_a, **fields):
        data = {"title": title, "body": body, "written_on": date(2026, 3, 2), **fields}
        return services.create_record(clerk_a.unit, data, columns=[columns_a[p] for p in columns], actor=actor)

    return make


@pytest.fixture
def publish(clerk_a, reviewer_a):
    """Submit (as the clerk) and approve (as the reviewer)."""
    from gongkai.records import services

    def go(record, clerk=clerk_a, reviewer=reviewer_a, accept_remaining=False):
        services.submit_record(record, actor=clerk)
        return services.publish_record(record, actor=reviewer, accept_remaining=accept_remaining)

    return go


@pytest.fixture(autouse=True)
def _media_in_tmp(request, tmp_path):
    """Uploaded attachments go to a temporary directory, not to var/."""
    if "settings" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("settings").MEDIA_ROOT = str(tmp_path / "media")
