"""Seed 001's awards on a published round: each participant becomes a ``rules.awards.Candidate``
(its class, its 得分率 and 重点领域得分率 over the 审定 scores, a town's county or district), and
``rules.awards.compute_awards`` decides. What cannot be placed is refused with the reason.

A town's or subdistrict's 县区 is its parent unit; whether that is a 县 or a 区 is read from the
parent's name: a name ending in 区 (before 人民政府) is a district, one ending in 县 or 市 (a 县级市
counts with the counties, as 各县(市、区) does) a county.
"""

from __future__ import annotations

from typing import Final

from django.core.exceptions import ValidationError

from gongkai.assessment.models import Round
from gongkai.assessment.results import round_results
from gongkai.orgs.models import Unit, UnitCategory
from gongkai.rules.awards import (
    COUNTY,
    DISTRICT,
    AwardClass,
    AwardResult,
    Candidate,
    compute_awards,
)

AWARD_CLASSES: Final = {
    UnitCategory.COUNTY_GOV: AwardClass.COUNTY_GOV,
    UnitCategory.COMMITTEE: AwardClass.MGMT,
    UnitCategory.KEY_DEPARTMENT: AwardClass.CITY_KEY,
    UnitCategory.OTHER_DEPARTMENT: AwardClass.CITY_NONKEY,
    UnitCategory.TOWNSHIP: AwardClass.TOWNSHIP,
    UnitCategory.SUBDISTRICT: AwardClass.SUBDISTRICT,
    UnitCategory.PUBLIC_SERVICE_INSTITUTION: AwardClass.PUBLIC_SERVICE,
}
LOCAL: Final = (AwardClass.TOWNSHIP, AwardClass.SUBDISTRICT)


def county_kind(unit: Unit) -> str | None:
    """县 or 区 from the government's name (None when it is neither)."""
    name = unit.name.removesuffix("人民政府").removesuffix("政府")
    if name.endswith("区"):
        return DISTRICT
    if name.endswith(("县", "市")):
        return COUNTY
    return None


def round_candidates(round_: Round) -> list[Candidate]:
    candidates, problems = [], []
    for _, rows in round_results(round_):
        for row in rows:
            participant, result = row.participant, row.result
            cls = AWARD_CLASSES[UnitCategory(participant.category)]
            parent, kind = "", ""
            if cls in LOCAL:
                county = participant.unit.parent
                kind = (county_kind(county) if county is not None else None) or ""
                if county is None or not kind:
                    problems.append(f"{participant.unit.name}的上级单位不是县或区人民政府，无法按县区分配名额")
                    continue
                parent = county.name
            if result.key_rate is None:
                problems.append(f"{participant.unit.name}所在类别没有重点领域指标，无法判断重点领域得分率")
                continue
            candidates.append(Candidate(participant.unit.name, cls, result.rate, result.key_rate, parent, kind))
    if problems:
        raise ValidationError(problems)
    return candidates


def round_awards(round_: Round) -> AwardResult:
    """The awards of a published round (三(四)), with why each unit won or did not; ties the
    office decided (``TieDecision``) are ordered as it decided."""
    if not round_.is_published:
        raise ValidationError("考评结果公布后才能评定表彰")
    return compute_awards(round_candidates(round_), round_.tie_orders())
