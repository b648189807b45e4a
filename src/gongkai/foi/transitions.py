"""Which step may be taken on a request in which status, and by whom: the one table the services
enforce and the request page reads to offer its forms."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from django.contrib.auth.models import AnonymousUser

from gongkai.foi.models import OPEN_STATUSES, Request, Status
from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, policy


class Step(StrEnum):
    CONFIRM = "confirm"  # 确认收到 (第三十一条: plain letters, fax, e-mail)
    TRANSFER = "transfer"  # 转办 (the office)
    AMEND = "amend"  # 告知补正 (第三十条)
    AMENDED = "amended"  # 收到补正
    ABANDON = "abandon"  # 视为放弃 (第三十条; 109号)
    EXTEND = "extend"  # 申请延期 (clerk)
    DECIDE_EXTENSION = "decide_extension"  # 批准或不同意延期 (第三十三条: 负责人)
    CONSULT = "consult"  # 征求意见 (第三十二条、第三十三条第三款)
    END_CONSULT = "end_consult"
    FEE = "fee"  # 收费通知 (第四十二条)
    PAID = "paid"
    REPLY = "reply"  # 答复 (第三十六条)
    SERVE = "serve"  # 送达 (国办公开办函〔2016〕235号)


_ANY: Final = frozenset(Status)
_OPEN: Final = frozenset(OPEN_STATUSES)
_PROCESSING: Final = frozenset({Status.PROCESSING})

# step → (statuses in which it may be taken, the policy action it needs; None: the office only)
STEPS: Final[dict[Step, tuple[frozenset[Status], Action | None]]] = {
    Step.CONFIRM: (frozenset({Status.UNCONFIRMED}), Action.CHANGE),
    Step.TRANSFER: (_OPEN, None),
    Step.AMEND: (_PROCESSING, Action.CHANGE),
    Step.AMENDED: (frozenset({Status.AWAITING_AMENDMENT}), Action.CHANGE),
    Step.ABANDON: (frozenset({Status.AWAITING_AMENDMENT, Status.AWAITING_FEE}), Action.CHANGE),
    Step.EXTEND: (_PROCESSING, Action.CHANGE),
    Step.DECIDE_EXTENSION: (frozenset({Status.PROCESSING, Status.AWAITING_FEE}), Action.REVIEW),
    Step.CONSULT: (_PROCESSING, Action.CHANGE),
    Step.END_CONSULT: (frozenset({Status.PROCESSING, Status.AWAITING_FEE}), Action.CHANGE),
    Step.FEE: (_PROCESSING, Action.CHANGE),
    Step.PAID: (frozenset({Status.AWAITING_FEE}), Action.CHANGE),
    Step.REPLY: (_PROCESSING, Action.CHANGE),
    Step.SERVE: (_ANY, Action.CHANGE),
}


def status_allows(step: Step, request: Request) -> bool:
    return request.status in STEPS[step][0]


def user_may(user: User | AnonymousUser | None, step: Step, request: Request) -> bool:
    """``None`` is the system (demo data, commands): always allowed."""
    if user is None:
        return True
    action = STEPS[step][1]
    if action is None:
        return policy.may_manage(user)
    return policy.may(user, action, request)


def steps_for(user: User | AnonymousUser, request: Request) -> set[str]:
    """The steps the request page offers ``user`` now."""
    return {step.value for step in Step if status_allows(step, request) and user_may(user, step, request)}
