"""Which step may be taken on an annual report in which state, and by whom: the one table the
services enforce and the report page reads to offer its forms.

The unit writes and submits (draft, or returned with comments); the office (公开办) returns it or
accepts it (《政府信息公开条例》第四十九条: departments submit to the 主管部门) and publishes it."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from django.contrib.auth.models import AnonymousUser

from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, policy
from gongkai.reports.models import AnnualReport, ReportState


class Step(StrEnum):
    SAVE = "save"  # write §一 and §五
    SUBMIT = "submit"  # 报送公开办
    RETURN = "return"  # 退回修改 (the office)
    ACCEPT = "accept"  # 审核通过 (the office)
    PUBLISH = "publish"  # 发布 (the office): a record in the unit's 政府信息公开年报 column
    CORRECT = "correct"  # 更正 a published report: back to a draft, published again as a new version


_EDITABLE: Final = frozenset({ReportState.DRAFT, ReportState.RETURNED})
# step → (states in which it may be taken, the state after it, the policy action; None: the office)
STEPS: Final[dict[Step, tuple[frozenset[ReportState], ReportState | None, Action | None]]] = {
    Step.SAVE: (_EDITABLE, None, Action.CHANGE),
    Step.SUBMIT: (_EDITABLE, ReportState.SUBMITTED, Action.CHANGE),
    Step.RETURN: (frozenset({ReportState.SUBMITTED}), ReportState.RETURNED, None),
    Step.ACCEPT: (frozenset({ReportState.SUBMITTED}), ReportState.ACCEPTED, None),
    Step.PUBLISH: (frozenset({ReportState.ACCEPTED}), ReportState.PUBLISHED, None),
    Step.CORRECT: (frozenset({ReportState.PUBLISHED}), ReportState.DRAFT, Action.CHANGE),
}


def state_allows(step: Step, report: AnnualReport) -> bool:
    return report.state in STEPS[step][0]


def user_may(user: User | AnonymousUser, step: Step, report: AnnualReport) -> bool:
    action = STEPS[step][2]
    if action is None:
        return policy.may_manage(user)
    return policy.may(user, action, report)


def steps_for(user: User | AnonymousUser, report: AnnualReport) -> set[Step]:
    """The steps ``user`` may take now."""
    return {step for step in Step if state_allows(step, report) and user_may(user, step, report)}
