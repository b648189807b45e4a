"""Bad input never breaks the site (issue 15, point 6): a hostile body is refused before the
cleaner sees it, an allowed body is cleaned once outside the write transaction and never again on
a page view, and no law date outside 1949-10-01 … the end of next year gets in through the form,
the service or the importer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from gongkai.records import privacy, services
from gongkai.records.importing import ImportFileError, import_catalog
from gongkai.records.models import Record
from gongkai.rules import richtext
from gongkai.rules.pii import PiiKind
from tests.records.test_import import _csv, _row

pytestmark = pytest.mark.django_db

HOSTILE_BODY = "<div>" * 200_000  # 1 MB: five minutes of the cleaner, holding SQLite's write lock


class CountingCleaner:
    """Counts the calls of the real cleaner and how many atomic blocks were open at each (the
    test's own transaction is one)."""

    def __init__(self, real):
        self.real, self.calls, self.open_blocks = real, 0, []

    def clean(self, body):
        self.calls += 1
        self.open_blocks.append(len(connection.atomic_blocks))
        return self.real.clean(body)


@pytest.fixture
def cleaner(monkeypatch):
    counting = CountingCleaner(richtext._CLEANER)
    monkeypatch.setattr(richtext, "_CLEANER", counting)
    return counting


def _form(catalog, **fields):
    return {"kind": "general", "title": "关于预算公开的通知", "disclosure": "proactive", "audience": "public",
            "columns": [catalog["通知公告"].pk], "body": "<p>正文</p>", "written_on": "2026-03-02", **fields}


def test_it_refuses_a_body_nested_too_deeply_before_cleaning_it(clerk_a, columns_a, login, cleaner):
    response = login(clerk_a).post("/console/records/new/", _form(columns_a, body=HOSTILE_BODY))
    assert response.status_code == 200 and "正文嵌套层级过深" in response.content.decode()
    with pytest.raises(ValidationError) as refused:
        services.create_record(clerk_a.unit, {"title": "通知", "body": HOSTILE_BODY}, columns=[], actor=clerk_a)
    assert "正文嵌套层级过深" in refused.value.message_dict["body"][0]
    assert cleaner.calls == 0 and not Record.objects.exists()


def test_it_refuses_a_body_too_long_before_cleaning_it(clerk_a, columns_a, login, cleaner):
    body = "<p>" + "正" * richtext.MAX_BODY_CHARS + "</p>"
    response = login(clerk_a).post("/console/records/new/", _form(columns_a, body=body))
    assert "正文过长" in response.content.decode()
    assert cleaner.calls == 0 and not Record.objects.exists()


def test_it_cleans_an_allowed_body_once_outside_the_transaction_and_never_on_a_view(
    make_draft, publish, clerk_a, reviewer_a, client, login, cleaner
):
    depth = richtext.MAX_NESTING - 10
    body = "<div>" * depth + "<p onclick='x()'>深层正文</p>" + "</div>" * depth
    outside = len(connection.atomic_blocks)
    record = make_draft(body=body)
    assert cleaner.calls == 1 and cleaner.open_blocks == [outside]
    assert "onclick" not in record.body and "深层正文" in record.body_text
    publish(record)
    cleaner.calls = 0
    assert "深层正文" in client.get(f"/xxgk/content/{record.pk}/").content.decode()
    assert "深层正文" in login(reviewer_a).get(f"/console/records/{record.pk}/").content.decode()
    assert cleaner.calls == 0


def test_it_keeps_the_stored_body_when_an_edit_leaves_it_out(make_draft, clerk_a, cleaner):
    record = make_draft()
    cleaner.calls = 0
    services.update_record(record, {"title": "新的名称"}, actor=clerk_a)
    record.refresh_from_db()
    assert record.body == "<p>各预算单位：请按要求公开部门预算。</p>" and cleaner.calls == 0


@pytest.mark.parametrize("field", ["written_on", "formed_on", "effective_on", "expires_on"])
def test_it_refuses_an_impossible_law_date_in_the_service(make_draft, field):
    with pytest.raises(ValidationError) as refused:
        make_draft(**{field: date(9999, 12, 31)})
    assert "9999-12-31 超出合理范围" in refused.value.message_dict[field][0]
    assert not Record.objects.exists()


def test_it_refuses_an_impossible_law_date_in_the_form(clerk_a, columns_a, login):
    response = login(clerk_a).post("/console/records/new/", _form(columns_a, written_on="9999-12-31"))
    text = response.content.decode()
    assert "成文日期 9999-12-31 超出合理范围" in text and "1949-10-01" in text
    assert not Record.objects.exists()


def test_it_refuses_a_repeal_date_out_of_range(make_draft, publish, reviewer_a, login):
    record = publish(make_draft(kind="normative", title="示范市财政专项资金管理办法"))
    response = login(reviewer_a).post(f"/console/records/{record.pk}/steps/repeal/", {"repealed_on": "9999-12-31"},
                                      follow=True)
    assert "废止日期 9999-12-31 超出合理范围" in response.content.decode()
    with pytest.raises(ValidationError, match="废止日期"):
        services.repeal_record(record, date(1900, 1, 1), actor=reviewer_a)
    record.refresh_from_db()
    assert record.repealed_on is None


def test_it_refuses_an_impossible_law_date_in_an_imported_catalog(unit_a, columns_a):
    late = date(timezone.localdate().year + 2, 1, 1)
    rows = [_row(1, 成文日期="9999-12-31"), _row(2, 生效日期=late.isoformat()), _row(3, 失效日期="1900-01-01"), _row(4)]
    result = import_catalog(unit_a, "旧目录.csv", _csv(rows))
    assert not result.ok and [error["row"] for error in result.errors] == [2, 3, 4]
    messages = [" ".join(error["messages"]) for error in result.errors]
    assert "成文日期 9999-12-31 超出合理范围" in messages[0]
    assert f"生效日期 {late.isoformat()} 超出合理范围" in messages[1] and "失效日期 1900-01-01" in messages[2]
    assert not Record.objects.exists()


def test_it_refuses_an_imported_body_nested_too_deeply(unit_a, columns_a, cleaner):
    result = import_catalog(unit_a, "旧目录.csv", _csv([_row(1, 正文="<div>" * 20_000)]))
    assert not result.ok and "正文嵌套层级过深" in " ".join(result.errors[0]["messages"])
    assert cleaner.calls == 0 and not Record.objects.exists()


def test_it_names_the_row_of_a_csv_cell_too_long_to_read(unit_a, columns_a):
    with pytest.raises(ImportFileError, match="第 3 行无法读取"):
        import_catalog(unit_a, "旧目录.csv", _csv([_row(1), _row(2, 正文=HOSTILE_BODY)]))
    assert not Record.objects.exists()


def test_it_shows_the_pages_of_a_record_stored_with_an_impossible_date(make_draft, publish, reviewer_a, office_admin,
                                                                         login, client):
    """A row saved before the range was enforced: its pages and the dashboards still answer."""
    record = publish(make_draft())
    Record.objects.filter(pk=record.pk).update(written_on=date(9999, 12, 31), formed_on=None)
    assert client.get(f"/xxgk/content/{record.pk}/").status_code == 200
    assert login(reviewer_a).get(f"/console/records/{record.pk}/").status_code == 200
    assert client.get("/console/records/dashboard/").status_code == 200  # the unit's dashboard
    assert login(office_admin).get("/console/records/dashboard/").status_code == 200


def test_it_accepts_an_effective_date_to_the_end_of_next_year_and_an_expiry_years_ahead(make_draft):
    last = date(timezone.localdate().year + 1, 12, 31)
    expiry = last + timedelta(days=5 * 365)  # a 规范性文件 valid for five years
    record = make_draft(kind="normative", effective_on=last, expires_on=expiry)
    assert (record.effective_on, record.expires_on) == (last, expiry)


def test_it_refuses_a_column_id_beyond_the_database(clerk_a, columns_a, login):
    response = login(clerk_a).post("/console/records/new/", _form(columns_a, columns=["99999999999999999999"]))
    assert response.status_code == 200 and "99999999999999999999" in response.content.decode()
    assert not Record.objects.exists()


def test_it_names_a_body_stored_before_the_bounds_instead_of_failing(make_draft, clerk_a, login):
    record = make_draft()
    deep = "<div>" * (richtext.MAX_NESTING + 100) + "旧正文" + "</div>" * (richtext.MAX_NESTING + 100)
    Record.objects.filter(pk=record.pk).update(body=deep)
    client = login(clerk_a)
    page = client.get(f"/console/records/{record.pk}/")
    assert page.status_code == 200 and "正文嵌套层级过深" in page.content.decode()
    submitted = client.post(f"/console/records/{record.pk}/steps/submit/", follow=True)
    assert submitted.status_code == 200 and "正文嵌套层级过深" in submitted.content.decode()
    record.refresh_from_db()
    assert record.status == "draft"


def test_it_cleans_a_correction_outside_the_transaction_and_refuses_a_hostile_one(make_draft, publish, reviewer_a,
                                                                                   cleaner):
    record = publish(make_draft())
    cleaner.calls, cleaner.open_blocks = 0, []
    outside = len(connection.atomic_blocks)
    with pytest.raises(ValidationError, match="正文嵌套层级过深"):
        services.update_record(record, {"body": HOSTILE_BODY}, actor=reviewer_a)
    services.update_record(record, {"body": "<p onclick='x()'>更正后的正文</p>"}, actor=reviewer_a)
    record.refresh_from_db()
    assert "更正后的正文" in record.revision["fields"]["body"] and "onclick" not in record.revision["fields"]["body"]
    assert cleaner.open_blocks[0] == outside


def test_the_privacy_scan_and_masking_of_a_stored_body_never_run_the_cleaner(make_draft, cleaner):
    record = make_draft(body="<p>联系人手机<b>138</b>00138000，邮箱zhang@163.com</p>")
    cleaner.calls = 0
    hits = privacy.scan_record(record)
    assert {hit.hit.kind for hit in hits if hit.source == privacy.BODY} >= {PiiKind.MOBILE}
    masked = richtext.mask_stored_html(record.body, [hit.hit for hit in hits if hit.source == privacy.BODY])
    assert cleaner.calls == 0
    assert "138****8000" in richtext.stored_text(masked) and masked == richtext.sanitize(masked)
