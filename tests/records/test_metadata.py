"""Catalog metadata: 文号 validated and normalised, 公开方式 with its reason, columns of the own
unit only, 有效性 derived from the dates."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.records import services
from gongkai.records.models import Disclosure, Record, RecordKind, Validity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("typed", "stored"), [
    ("肇府办[2019]第068号", "肇府办〔2019〕68号"),
    ("海府办函（2019）168号", "海府办函〔2019〕168号"),
    ("肇庆市人民政府令 第5号", "肇庆市人民政府令第5号"),
])
def test_it_normalises_the_doc_number(make_draft, typed, stored):
    assert make_draft(doc_number=typed).doc_number == stored


def test_it_refuses_an_unreadable_doc_number_with_a_clear_message(make_draft, clerk_a, login, columns_a):
    with pytest.raises(ValidationError) as error:
        make_draft(doc_number="2019年第12号文件")
    assert "doc_number" in error.value.message_dict
    response = login(clerk_a).post("/console/records/new/", {
        "kind": "general", "title": "测试", "disclosure": "proactive", "audience": "public",
        "doc_number": "肇府办〔19〕3号",
    })
    assert response.status_code == 200 and "应写全四位" in response.content.decode()
    assert not Record.objects.filter(title="测试").exists()


def test_it_requires_a_reason_when_not_proactive(make_draft):
    with pytest.raises(ValidationError) as error:
        make_draft(disclosure=Disclosure.ON_REQUEST)
    assert "disclosure_reason" in error.value.message_dict
    record = make_draft(disclosure=Disclosure.WITHHELD,
                        disclosure_reason="涉及个人隐私，依据《政府信息公开条例》第十五条不予公开。")
    assert not record.is_public


def test_it_keeps_a_not_proactive_record_off_the_portal(make_draft, publish, client):
    record = publish(make_draft(disclosure=Disclosure.ON_REQUEST, disclosure_reason="依申请提供。"))
    assert record.index_number  # catalogued with its number ...
    assert client.get(f"/xxgk/content/{record.pk}/").status_code == 404  # ... but not shown


def test_it_refuses_columns_of_another_unit(clerk_a, columns_a, columns_b):
    with pytest.raises(ValidationError) as error:
        services.create_record(clerk_a.unit, {"title": "跨单位栏目"}, columns=[columns_b["通知公告"]], actor=clerk_a)
    assert "columns" in error.value.message_dict


def test_it_derives_the_validity_from_the_dates(make_draft):
    record = make_draft(kind=RecordKind.NORMATIVE, effective_on=date(2026, 4, 1), expires_on=date(2028, 3, 31))
    assert record.validity_on(date(2026, 3, 15)) == Validity.NOT_YET
    assert record.validity_on(date(2027, 1, 1)) == Validity.VALID
    assert record.validity_on(date(2028, 4, 1)) == Validity.EXPIRED
    record.repealed_on = date(2027, 6, 1)
    assert record.validity_on(date(2027, 6, 1)) == Validity.REPEALED


def test_it_links_an_interpretation_only_to_a_policy(make_draft, publish, clerk_a):
    notice = publish(make_draft(title="普通通知"))
    with pytest.raises(ValidationError):
        make_draft(title="解读", kind=RecordKind.INTERPRETATION, interprets=notice, columns=("政策解读",))
    with pytest.raises(ValidationError):
        make_draft(title="一般信息不能关联", kind=RecordKind.GENERAL, interprets=notice)
