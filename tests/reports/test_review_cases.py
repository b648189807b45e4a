"""The register of 行政复议 and 行政诉讼 cases (§四): written through the services only, audited,
by the unit's clerk or the office, never by another unit."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.orgs.policy import SYSTEM
from gongkai.reports.models import ReviewCase
from gongkai.reports.services import record_case_result, register_case

pytestmark = pytest.mark.django_db


def test_it_registers_a_case_and_its_result_with_an_audit_row_each(unit_a, clerk_a):
    case = register_case(unit_a, kind="review", body="示范市人民政府", filed_on=date(2026, 4, 1), actor=clerk_a)
    assert (case.result, case.decided_on) == ("", None)
    record_case_result(case, result="corrected", decided_on=date(2026, 6, 1), actor=clerk_a)
    case.refresh_from_db()
    assert (case.result, case.decided_on) == ("corrected", date(2026, 6, 1))
    actions = list(AuditEntry.objects.filter(object_id=str(case.pk)).order_by("pk").values_list("action", flat=True))
    assert actions == ["review_case_registered", "review_case_decided"]


def test_another_units_clerk_may_not_register_or_decide_a_case(unit_a, clerk_a, clerk_b):
    with pytest.raises(PermissionDenied):
        register_case(unit_a, kind="review", body="示范市人民政府", filed_on=date(2026, 4, 1), actor=clerk_b)
    case = register_case(unit_a, kind="review", body="示范市人民政府", filed_on=date(2026, 4, 1), actor=clerk_a)
    with pytest.raises(PermissionDenied):
        record_case_result(case, result="upheld", decided_on=date(2026, 5, 1), actor=clerk_b)
    assert ReviewCase.objects.get().result == ""


def test_the_office_and_the_platform_may_register_for_any_unit(unit_a, office_admin):
    register_case(unit_a, kind="direct_suit", body="示范市中级人民法院", filed_on=date(2026, 4, 1), actor=office_admin)
    register_case(unit_a, kind="direct_suit", body="示范市中级人民法院", filed_on=date(2026, 4, 2), actor=SYSTEM)
    assert ReviewCase.objects.count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"kind": "appeal"}, "请选择案件类型"), ({"body": " "}, "请填写复议机关或受理法院")],
)
def test_it_refuses_a_case_without_kind_or_body(unit_a, clerk_a, changes, message):
    values = {"kind": "review", "body": "示范市人民政府", "filed_on": date(2026, 4, 1), **changes}
    with pytest.raises(ValidationError, match=message):
        register_case(unit_a, actor=clerk_a, **values)
    assert not ReviewCase.objects.exists()


def test_it_refuses_a_result_before_the_filing_day(unit_a, clerk_a):
    case = register_case(unit_a, kind="review", body="示范市人民政府", filed_on=date(2026, 4, 1), actor=clerk_a)
    with pytest.raises(ValidationError, match="审结之日早于"):
        record_case_result(case, result="upheld", decided_on=date(2026, 3, 1), actor=clerk_a)
    with pytest.raises(ValidationError, match="请选择审结结果"):
        record_case_result(case, result="pending", decided_on=date(2026, 5, 1), actor=clerk_a)
    case.refresh_from_db()
    assert case.result == "" and not AuditEntry.objects.filter(action="review_case_decided").exists()
