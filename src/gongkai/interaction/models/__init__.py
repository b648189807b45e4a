"""The interaction app's models: public messages (``messages``), consultations on drafts
(``consultations``) and incidents of public concern (``incidents``). Dependency direction inside
the package: messages ← consultations, incidents (each imports only what it needs)."""

from gongkai.foi.models import AppendOnlyError
from gongkai.interaction.models.consultations import (
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Decision,
    DraftKind,
)
from gongkai.interaction.models.incidents import (
    Incident,
    IncidentLevel,
    IncidentResponse,
    ResponseKind,
)
from gongkai.interaction.models.messages import (
    HANDOVER_KINDS,
    OPEN_STATUSES,
    PUBLIC_EVENT_KINDS,
    Channel,
    EventKind,
    Kind,
    Message,
    MessageEvent,
    MessageReminder,
    Rating,
    ReminderKind,
    ReplyRule,
    RoutingKeyword,
    Status,
)

__all__ = [
    "HANDOVER_KINDS",
    "OPEN_STATUSES",
    "PUBLIC_EVENT_KINDS",
    "AppendOnlyError",
    "Channel",
    "Comment",
    "CommentStatus",
    "Consultation",
    "ConsultationStatus",
    "Decision",
    "DraftKind",
    "EventKind",
    "Incident",
    "IncidentLevel",
    "IncidentResponse",
    "Kind",
    "Message",
    "MessageEvent",
    "MessageReminder",
    "Rating",
    "ReminderKind",
    "ReplyRule",
    "ResponseKind",
    "RoutingKeyword",
    "Status",
]
