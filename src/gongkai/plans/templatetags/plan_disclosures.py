"""``{% published_halves plan as halves %}``: the published half-yearly progress pages of a plan,
for the public plan page (so that the page's view need not know about them)."""

from __future__ import annotations

from django import template
from django.db.models import QuerySet

from gongkai.plans.disclosures import published_disclosures
from gongkai.plans.models import Plan, ProgressDisclosure

register = template.Library()


@register.simple_tag
def published_halves(plan: Plan) -> QuerySet[ProgressDisclosure]:
    return published_disclosures(plan)
