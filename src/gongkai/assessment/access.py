"""Who may see and do what in a round, on top of ``gongkai.orgs.policy``.

- The office (公开办管理员) runs rounds: opens them, approves (审定) and publishes.
- A unit's staff see their own unit's sheet only; its clerk fills the 自评 and the evidence.
  The evaluators' scores stay hidden from the unit until the round is published; other units'
  sheets are never shown (404).
- An evaluator (also a third party) sees and scores only the units the round assigned to them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from gongkai.assessment.models import Participant, Round
from gongkai.orgs.models import Role, User
from gongkai.orgs.policy import Action, policy


def _is_assigned(user: Any, participant: Participant) -> bool:
    return (
        isinstance(user, User) and user.has_role(Role.EVALUATOR)
        and participant.evaluators.filter(pk=user.pk).exists()
    )


def may_view(user: Any, participant: Participant) -> bool:
    return policy.may(user, Action.VIEW, participant) or _is_assigned(user, participant)


def may_self_assess(user: Any, participant: Participant) -> bool:
    return policy.may(user, Action.CHANGE, participant)


def may_evaluate(user: Any, participant: Participant) -> bool:
    return policy.may_manage(user) or _is_assigned(user, participant)


def may_see_scores(user: Any, participant: Participant) -> bool:
    """The evaluators' scores: for the office and the assigned evaluators, and for the unit
    itself once the round is published."""
    if policy.may_manage(user) or _is_assigned(user, participant):
        return True
    return participant.round.is_published and policy.may(user, Action.VIEW, participant)


def visible_participants(user: Any, round_: Round) -> QuerySet[Participant]:
    participants = round_.participants.select_related("unit")
    if policy.may_manage(user):
        return participants
    if not isinstance(user, User) or not user.is_active:
        return participants.none()
    assigned = participants.filter(evaluators=user) if user.has_role(Role.EVALUATOR) else participants.none()
    return (policy.scope(user, participants) | assigned).distinct()


def visible_rounds(user: Any) -> QuerySet[Round]:
    rounds = Round.objects.select_related("system")
    if policy.may_manage(user):
        return rounds
    if not isinstance(user, User) or not user.is_active:
        return rounds.none()
    own = rounds.filter(participants__unit_id=user.unit_id) if user.unit_id else rounds.none()
    assigned = rounds.filter(participants__evaluators=user) if user.has_role(Role.EVALUATOR) else rounds.none()
    return (own | assigned).distinct()
