"""The office's decisions on ties (并列): units of a round with equal 得分率 whose order decides
a ranking place, an award or a bonus. Seed 001 三(四) and issue 17: ties are reported for the
office to decide, never broken silently; until it decides, the tie is shown as 并列.

A decision is the order of the tied units and the reason, recorded (append-only) and audited; the
results, their exports and the awards then follow it (``rules.assessment.scoring.rank``,
``rules.awards.compute_awards``)."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.assessment.models import Round, TieDecision
from gongkai.assessment.results import round_results
from gongkai.audit.log import record as audit
from gongkai.orgs.policy import ServiceActor, policy

REASON_MAX = 1000


def open_ties(round_: Round) -> list[list[str]]:
    """The groups still 并列: in the ranking of a class and, once published, in the awards."""
    groups: list[list[str]] = []
    for _, rows in round_results(round_):
        by_rate: dict[Decimal, list[str]] = {}
        for row in rows:
            if row.tied:
                by_rate.setdefault(row.result.rate, []).append(row.result.unit)
        groups += [sorted(names) for names in by_rate.values()]
    if round_.is_published:
        from gongkai.assessment.awarding import round_awards

        with suppress(ValidationError):  # the awards page says why they cannot be computed
            groups += [names for names in round_awards(round_).ties if sorted(names) not in groups]
    return groups


def _rates(round_: Round) -> dict[str, Decimal]:
    return {row.result.unit: row.result.rate for _, rows in round_results(round_) for row in rows}


@transaction.atomic
def decide_tie(round_: Round, order: Sequence[str], reason: str, *, actor: ServiceActor) -> TieDecision:
    """Record the office's order of units with equal 得分率 in ``round_`` and why."""
    user = policy.require_manage(actor, "只有公开办管理员可以决定并列单位的先后。")
    names = [name.strip() for name in order]
    reason = reason.strip()
    problems = []
    rates = _rates(round_)
    if len(names) < 2 or len(set(names)) != len(names):
        problems.append("请为每个并列单位选择不同的名次")
    unknown = [name for name in names if name not in rates]
    if unknown:
        problems.append(f"以下单位不在本轮考评中：{'、'.join(unknown)}")
    elif len({rates[name] for name in names}) > 1:
        problems.append("所选单位的得分率不同，不是并列，无需决定先后")
    if not reason:
        problems.append("请填写决定的理由")
    elif len(reason) > REASON_MAX:
        problems.append(f"理由不超过 {REASON_MAX} 字")
    if problems:
        raise ValidationError(problems)
    before = [list(decision.order) for decision in round_.tie_decisions.all() if set(names) <= set(decision.order)]
    decision = TieDecision.objects.create(round=round_, order=names, reason=reason, decided_by=user)
    audit("assessment_tie_decided", round_, before={"orders": before} if before else None,
          after={"order": names, "reason": reason, "rate": str(rates[names[0]])})
    return decision
