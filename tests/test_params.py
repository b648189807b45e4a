"""Numbers and dates from a request go through gongkai.params: a malformed one is a 400 page in
Chinese or a form error, never a 500 (issue 15, point 6)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from gongkai.params import BadParameter, date_field, int_field, int_param, parse_int

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ["²", "١٢", "99999999999999999999", "-1", "abc", "1.5", "1e3", "0x10"])
def test_it_refuses_what_is_not_an_integer_in_bounds(raw):
    with pytest.raises(ValueError, match="页码"):
        parse_int(raw, 1, 10_000, "页码")


def test_it_reads_a_plain_integer_and_gives_the_default_for_an_empty_one():
    params = QueryDict("page=%2042%20&year=&unit=-3")
    assert int_param(params, "page") == 42
    assert int_param(params, "year", default=2026) == 2026 and int_param(params, "absent") is None
    assert int_param(params, "unit", low=-5, high=5) == -3
    with pytest.raises(BadParameter, match="“单位”应为 1 至"):
        int_param(params, "unit", label="单位")
    with pytest.raises(ValidationError, match="“单位”应为 1 至"):
        int_field(params, "unit", label="单位")


@pytest.mark.parametrize("raw", ["2026-02-30", "9999-12-31", "1900-01-01", "²"])
def test_it_refuses_a_date_that_cannot_be_a_law_date(raw):
    with pytest.raises(ValidationError, match="起始日期"):
        date_field(QueryDict(f"from={raw}"), "from", label="起始日期")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/search/?q=预算&page=²", "页码"),
        ("/search/?q=预算&year=²", "年份"),
        ("/search/?q=预算&unit=99999999999999999999", "发布单位"),
        ("/search/?q=预算&column=abc", "栏目"),
        ("/xxgk/gazette/?year=²", "年份"),
    ],
)
def test_it_answers_a_malformed_query_with_a_400_page_in_chinese(client, city, url, words):
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 400 and "请求无效" in text and words in text


def test_it_answers_a_calendar_year_out_of_range_with_a_400_page(login, office_admin):
    response = login(office_admin).get("/console/calendar/", {"year": "99999"})
    assert response.status_code == 400 and "2000 至 2100" in response.content.decode()


def test_it_refuses_an_unbounded_publishing_setting(login, office_admin):
    from gongkai.records import catalog
    from gongkai.records.models import PublishingSettings

    data = {"index_period": "year", "index_prefix": "org_code", "publication_workdays": "9223372036854775807",
            "interpretation_workdays": "3"}
    response = login(office_admin).post("/console/records/settings/", data)
    assert response.status_code == 200 and "小于或等于250" in response.content.decode().replace(" ", "")
    assert login(office_admin).post("/console/records/settings/", {**data, "publication_workdays": "25"}).status_code == 302
    with pytest.raises(ValidationError, match="主动公开时限"):
        catalog.change_settings({"publication_workdays": 10**6}, actor=office_admin)
    assert PublishingSettings.current().publication_workdays == 25


def test_it_answers_an_oversized_request_in_chinese(client, city, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/accounts/login/", {"username": "预" * 2000, "password": "x"})
    text = response.content.decode()
    assert response.status_code == 400 and "内容过大" in text and "DATA_UPLOAD" not in text
