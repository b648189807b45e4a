"""From requests to proactive disclosure (seed 003 五(四): "对公众申请较为集中的政府信息，可以
转为主动公开的，应当及时主动公开").

Information counts as "asked for by several applicants" when at least ``MIN_APPLICANTS`` different
applicants asked one unit for it within ``WINDOW_DAYS``. Two requests ask for the same thing when
their descriptions, normalised (full-width folded, punctuation and the words every request uses —
申请公开, 关于, 信息 … — removed), share at least ``MIN_SHARED`` character bigrams and those cover
``MIN_OVERLAP`` of the shorter one's bigrams. Chinese has no spaces, so bigrams are the robust unit
(the same choice as the search index). Requests linked pairwise form one group (union-find).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.log import record
from gongkai.foi.models import DisclosureProposal, ProposalStatus, Request
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import Action, policy

WINDOW_DAYS: Final = 90
MIN_APPLICANTS: Final = 3
MIN_SHARED: Final = 4
MIN_OVERLAP: Final = 0.5

_FILLERS: Final = (
    "申请公开", "请求公开", "要求公开", "依申请", "请予公开", "予以公开", "申请", "公开", "请求", "要求", "提供",
    "关于", "有关", "相关", "政府信息", "信息", "资料", "文件", "情况", "内容", "具体", "本人", "我们", "贵局",
    "贵单位", "贵机关", "贵委", "贵办", "请", "的", "了", "和", "及", "与", "等", "我", "该",
)
_NOT_TEXT: Final = re.compile(r"[^\w]|_", re.UNICODE)


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower()
    for filler in _FILLERS:
        folded = folded.replace(filler, " ")
    return _NOT_TEXT.sub(" ", folded)


def bigrams(text: str) -> frozenset[str]:
    grams: set[str] = set()
    for chunk in normalize(text).split():
        grams.update(chunk[index:index + 2] for index in range(len(chunk) - 1))
    return frozenset(grams)


def similar(first: frozenset[str], second: frozenset[str]) -> bool:
    shared = len(first & second)
    shorter = min(len(first), len(second))
    return shorter > 0 and shared >= MIN_SHARED and shared / shorter >= MIN_OVERLAP


@dataclass(frozen=True)
class Group:
    requests: tuple[Request, ...]
    keywords: tuple[str, ...]
    topic: str


def _applicant(request: Request) -> str:
    return "|".join(request.applicant_identity.values())


def group_requests(requests: Sequence[Request]) -> list[Group]:
    """The groups of similar requests that come from at least ``MIN_APPLICANTS`` applicants."""
    grams = [bigrams(request.description) for request in requests]
    parent = list(range(len(requests)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for left in range(len(requests)):
        for right in range(left + 1, len(requests)):
            if similar(grams[left], grams[right]):
                parent[root(right)] = root(left)
    members: dict[int, list[int]] = {}
    for index in range(len(requests)):
        members.setdefault(root(index), []).append(index)
    groups = []
    for indexes in members.values():
        if len({_applicant(requests[index]) for index in indexes}) >= MIN_APPLICANTS:
            groups.append(_group([requests[i] for i in indexes], [grams[i] for i in indexes]))
    return groups


def _group(requests: list[Request], grams: list[frozenset[str]]) -> Group:
    counts = Counter(gram for request_grams in grams for gram in request_grams)
    # Keywords to show: bigrams of Chinese characters most requests share ("三公", "经费").
    common = [
        gram for gram, seen in counts.most_common()
        if seen * 2 >= len(requests) and all("\u4e00" <= char <= "\u9fff" for char in gram)
    ]
    # The description closest to all the others names the information best.
    best = max(range(len(requests)), key=lambda i: sum(len(grams[i] & other) for other in grams))
    topic = requests[best].description.strip().splitlines()[0][:120]
    return Group(tuple(requests), tuple(common[:12]), topic)


@transaction.atomic
def propose_disclosures(today: date, units: Iterable[Unit] | None = None) -> list[DisclosureProposal]:
    """Propose (or bring up to date) one record to publish per group of similar requests."""
    since = today - timedelta(days=WINDOW_DAYS)
    recent = Request.objects.filter(received_on__gte=since, received_on__lte=today).order_by("received_on", "id")
    if units is not None:
        recent = recent.filter(unit__in=list(units))
    by_unit: dict[int, list[Request]] = {}
    for request in recent:
        by_unit.setdefault(request.unit_id, []).append(request)
    proposals = []
    for unit_id, requests in by_unit.items():
        for group in group_requests(requests):
            proposal = _save_group(unit_id, group)
            if proposal is not None:
                proposals.append(proposal)
    return proposals


def _save_group(unit_id: int, group: Group) -> DisclosureProposal | None:
    ids = {request.pk for request in group.requests}
    for existing in DisclosureProposal.objects.filter(unit_id=unit_id).prefetch_related("requests"):
        known = {request.pk for request in existing.requests.all()}
        if len(known & ids) * 2 >= len(ids):  # the same information
            if existing.status != ProposalStatus.PROPOSED or ids <= known:
                return None
            return _fill(existing, group, "foi_proposal_updated")
    return _fill(DisclosureProposal(unit_id=unit_id), group, "foi_proposal_created")


def _fill(proposal: DisclosureProposal, group: Group, action: str) -> DisclosureProposal:
    received = [request.received_on for request in group.requests if request.received_on]
    proposal.topic, proposal.keywords = group.topic, list(group.keywords)
    proposal.request_count = len(group.requests)
    proposal.applicant_count = len({_applicant(request) for request in group.requests})
    proposal.first_received_on, proposal.last_received_on = min(received), max(received)
    proposal.save()
    proposal.requests.add(*group.requests)
    record(action, proposal, after={
        "topic": proposal.topic, "requests": proposal.request_count, "applicants": proposal.applicant_count,
    })
    return proposal


def _decide(proposal: DisclosureProposal, status: ProposalStatus, note: str, actor: User | None) -> DisclosureProposal:
    if actor is not None and not (
        policy.may(actor, Action.CHANGE, proposal) or policy.may(actor, Action.REVIEW, proposal)
    ):
        raise PermissionDenied("只有本单位或公开办可以处理该建议。")
    proposal = DisclosureProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError("该建议已经处理过。")
    before = {"status": proposal.status}
    proposal.status, proposal.decision_note = status, note.strip()
    proposal.decided_at, proposal.decided_by = timezone.now(), actor
    proposal.save()
    record(f"foi_proposal_{status.value}", proposal, before=before, after={"status": status.value, "note": note.strip()})
    return proposal


@transaction.atomic
def accept_proposal(proposal: DisclosureProposal, *, note: str = "", actor: User | None = None) -> DisclosureProposal:
    """The unit will publish the information proactively (条例 第二十六条: within 20 working days)."""
    return _decide(proposal, ProposalStatus.ACCEPTED, note, actor)


@transaction.atomic
def dismiss_proposal(proposal: DisclosureProposal, *, note: str, actor: User | None = None) -> DisclosureProposal:
    if not note.strip():
        raise ValidationError("请说明不予采纳的理由（如：属于不予公开的信息）。")
    return _decide(proposal, ProposalStatus.DISMISSED, note, actor)
