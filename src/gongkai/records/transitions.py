"""Which step may be taken on a record in which status, and by whom: the one table the services
enforce and the record page reads to offer its buttons.

draft ─提交─▶ 保密审查 ─通过─▶ published ─撤回─▶ withdrawn
  ▲              │                 ├─被替代─▶ superseded
  └────退回──────┘                 └─更正─▶ (pending revision) ─通过/退回─▶ published
A clerk (单位经办人) drafts and submits; only a reviewer (审核人) of the same unit, or the office,
approves: a clerk cannot publish without review, and nobody approves what they submitted
themselves (the office excepted). A correction of a published record is a submission too: it
waits beside the published version, which the public keeps seeing, until it is approved.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from django.contrib.auth.models import AnonymousUser

from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, policy
from gongkai.records.models import EDITABLE_STATUSES, NORMATIVE_KINDS, Record, RecordStatus


class Step(StrEnum):
    EDIT = "edit"
    ATTACH = "attach"
    DELETE = "delete"
    SUBMIT = "submit"
    MASK = "mask"
    RETURN = "return"
    PUBLISH = "publish"
    CORRECT = "correct"  # propose a 更正 of a published record (shown once approved)
    APPROVE_CORRECTION = "approve_correction"
    RETURN_CORRECTION = "return_correction"
    WITHDRAW = "withdraw"
    SUPERSEDE = "supersede"
    REPEAL = "repeal"  # 废止 a 规章 or 行政规范性文件


_EDITABLE: Final = frozenset(EDITABLE_STATUSES)
_REVIEW: Final = frozenset({RecordStatus.IN_REVIEW})
_PUBLISHED: Final = frozenset({RecordStatus.PUBLISHED})

# step → (statuses in which it may be taken, the policy actions that allow it)
STEPS: Final[dict[Step, tuple[frozenset[RecordStatus], tuple[Action, ...]]]] = {
    Step.EDIT: (_EDITABLE, (Action.CHANGE,)),
    Step.ATTACH: (_EDITABLE, (Action.CHANGE,)),
    Step.DELETE: (_EDITABLE, (Action.CHANGE,)),
    Step.SUBMIT: (_EDITABLE, (Action.CHANGE,)),
    Step.MASK: (_EDITABLE | _REVIEW, (Action.CHANGE, Action.REVIEW)),
    Step.RETURN: (_REVIEW, (Action.REVIEW,)),
    Step.PUBLISH: (_REVIEW, (Action.REVIEW,)),
    Step.CORRECT: (_PUBLISHED, (Action.CHANGE, Action.REVIEW)),
    Step.APPROVE_CORRECTION: (_PUBLISHED, (Action.REVIEW,)),
    Step.RETURN_CORRECTION: (_PUBLISHED, (Action.REVIEW,)),
    Step.WITHDRAW: (_PUBLISHED | {RecordStatus.SUPERSEDED}, (Action.REVIEW,)),
    Step.SUPERSEDE: (_PUBLISHED, (Action.REVIEW,)),
    Step.REPEAL: (_PUBLISHED, (Action.REVIEW,)),
}


_ON_REVISION: Final = frozenset({Step.APPROVE_CORRECTION, Step.RETURN_CORRECTION})


def status_allows(step: Step, record: Record) -> bool:
    if step is Step.REPEAL and (record.kind not in NORMATIVE_KINDS or record.repealed_on):
        return False
    if step in _ON_REVISION and record.revision is None:
        return False
    return record.status in STEPS[step][0]


def user_may(user: User | AnonymousUser | None, step: Step, record: Record) -> bool:
    """``None`` is the system (demo data, imports, commands): always allowed."""
    if user is None:
        return True
    if step is Step.PUBLISH and not policy.may_manage(user) and record.submitted_by_id == user.pk:
        return False  # four eyes: the person who submitted does not approve
    if step is Step.APPROVE_CORRECTION and not policy.may_manage(user) and record.revision_by_id == user.pk:
        return False  # nor the person who proposed the correction
    return any(policy.may(user, action, record) for action in STEPS[step][1])


def steps_for(user: User | AnonymousUser, record: Record) -> set[str]:
    """The steps the record page offers ``user`` now."""
    return {step.value for step in Step if status_allows(step, record) and user_may(user, step, record)}
