"""The one write path of the reports app: every change checked, audited, in one transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.audit.log import record
from gongkai.foi.models import Request
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import Action, ServiceActor, policy
from gongkai.reports.models import CaseKind, CaseResult, ReviewCase


def _case_summary(case: ReviewCase) -> dict[str, object]:
    return {
        "kind": case.kind, "case_number": case.case_number, "filed_on": case.filed_on,
        "request": case.request_id, "result": case.result, "decided_on": case.decided_on,
        "only_as_review_body": case.only_as_review_body,
    }  # fmt: skip


def _require_change(actor: ServiceActor | None, unit: Unit) -> None:
    user = policy.require_actor(actor)
    if user is not None and not policy.may(user, Action.CHANGE, unit):
        raise PermissionDenied("只能登记本单位的行政复议、行政诉讼案件。")


@transaction.atomic
def register_case(
    unit: Unit, *, kind: CaseKind | str, body: str, filed_on: date, case_number: str = "",
    request: Request | None = None, only_as_review_body: bool = False, note: str = "",
    actor: ServiceActor | None,
) -> ReviewCase:
    """A 行政复议 or 行政诉讼 about a disclosure decision of ``unit``, as filed (尚未审结)."""
    _require_change(actor, unit)
    if kind not in CaseKind.values:
        raise ValidationError("请选择案件类型：行政复议、未经复议直接起诉或复议后起诉。")
    if not body.strip():
        raise ValidationError("请填写复议机关或受理法院。")
    if request is not None and request.unit_id != unit.pk:
        raise ValidationError("所涉申请不是本单位办理的申请。")
    user = policy.require_actor(actor)
    case = ReviewCase.objects.create(
        unit=unit, kind=kind, body=body.strip(), filed_on=filed_on, case_number=case_number.strip(),
        request=request, only_as_review_body=only_as_review_body, note=note.strip(), created_by=user,
    )  # fmt: skip
    record("review_case_registered", case, after=_case_summary(case))
    return case


@transaction.atomic
def record_case_result(
    case: ReviewCase, *, result: CaseResult | str, decided_on: date, actor: ServiceActor | None
) -> ReviewCase:
    """The 复议决定 or 判决: 维持, 纠正 or another result, and the day it was made."""
    case = ReviewCase.objects.select_for_update().get(pk=case.pk)
    _require_change(actor, case.unit)
    if result not in CaseResult.values:
        raise ValidationError("请选择审结结果：维持、纠正或其他结果。")
    if decided_on < case.filed_on:
        raise ValidationError("审结之日早于申请复议或起诉之日。")
    before = _case_summary(case)
    case.result, case.decided_on = str(result), decided_on
    case.save(update_fields=["result", "decided_on"])
    record("review_case_decided", case, before=before, after=_case_summary(case))
    return case
