"""Disclosure requests (依申请公开): the request and its events, its letters, the proposals it
feeds into proactive disclosure, and the rate-limit counter of the public form.

Dependency direction inside the package: ``requests`` ← ``letters`` ← ``proposals``; ``throttle``
stands alone.
"""

from __future__ import annotations

from gongkai.foi.models.letters import (
    TO_APPLICANT,
    Letter,
    LetterKind,
    LetterSeries,
    LetterTemplate,
    ServiceMethod,
)
from gongkai.foi.models.proposals import DisclosureProposal, ProposalStatus
from gongkai.foi.models.requests import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    PUBLIC_EVENT_KINDS,
    AppendOnlyError,
    ApplicantKind,
    Channel,
    Delivery,
    EventKind,
    FormWanted,
    IdType,
    Request,
    RequestEvent,
    Status,
)
from gongkai.foi.models.throttle import RateLimitHit

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "PUBLIC_EVENT_KINDS",
    "TO_APPLICANT",
    "AppendOnlyError",
    "ApplicantKind",
    "Channel",
    "Delivery",
    "DisclosureProposal",
    "EventKind",
    "FormWanted",
    "IdType",
    "Letter",
    "LetterKind",
    "LetterSeries",
    "LetterTemplate",
    "ProposalStatus",
    "RateLimitHit",
    "Request",
    "RequestEvent",
    "ServiceMethod",
    "Status",
]
