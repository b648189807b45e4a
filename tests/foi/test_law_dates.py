"""Issue 15, point 6: every date of a request's forms is a law date within 1949-10-01 … the end of
next year (rules.lawdates); a 补正期限 of 9999-12-31 used to be accepted."""

from __future__ import annotations

import pytest

from gongkai.foi.models import RequestEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "label"), [("reply_by", "补正期限"), ("on", "日期")])
def test_it_refuses_an_amendment_law_date_out_of_range(filed, clerk_a, login, field, label):
    data = {"amend-what": "请写明预算年度", "amend-on": "2026-09-28", f"amend-{field}": "9999-12-31"}
    before = RequestEvent.objects.count()
    response = login(clerk_a).post(f"/console/foi/{filed.pk}/steps/amend/", data, follow=True)
    assert response.status_code == 200 and f"{label} 9999-12-31 超出合理范围" in response.content.decode()
    assert RequestEvent.objects.count() == before
