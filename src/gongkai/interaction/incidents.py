"""Every write of the incident register (政务舆情回应): the office registers an incident with the
moment it learned of it, its level and lead unit; the lead unit (or the office) records what was
published when. The clocks are read, never written (``Incident.marks``); each step is one
transaction with its audit row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.audit.log import record
from gongkai.interaction.models import Incident, IncidentLevel, IncidentResponse, ResponseKind
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import Action, ServiceActor, policy
from gongkai.records.models import Record
from gongkai.rules import interaction as rules


@transaction.atomic
def register_incident(*, title: str, learned_at: datetime, level: IncidentLevel | str, lead_unit: Unit,
                      summary: str = "", actor: ServiceActor | None) -> Incident:
    user = policy.require_manage(actor, "只有公开办可以登记政务舆情。")
    if learned_at > timezone.now():
        raise ValidationError("获知时间晚于现在，请核对。")
    if not title.strip():
        raise ValidationError("请填写舆情事项。")
    incident = Incident.objects.create(title=title.strip(), learned_at=learned_at, level=IncidentLevel(level),
                                       lead_unit=lead_unit, summary=summary.strip(), created_by=user)
    record("incident_registered", incident, after={
        "learned_at": learned_at, "level": incident.level, "lead_unit": lead_unit.name,
        "marks": {mark.mark.key: mark.due_at for mark in incident.marks([])},
    })
    return incident


@transaction.atomic
def record_response(incident: Incident, *, kind: ResponseKind | str, published_at: datetime, channel: str = "",
                    note: str = "", linked: Record | None = None, actor: ServiceActor | None) -> IncidentResponse:
    """What was published when; a linked record must be one the public can open."""
    user = policy.require_actor(actor)
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if user is not None and not policy.may(user, Action.CHANGE, incident) and not policy.may_manage(user):
        raise PermissionDenied("只有牵头回应单位或公开办可以记录舆情回应。")
    if published_at < incident.learned_at:
        raise ValidationError("发布时间早于获知舆情的时间，请核对。")
    if published_at > timezone.now():
        raise ValidationError("发布时间晚于现在，请在发布后记录。")
    if linked is not None and not linked.is_public:
        raise ValidationError("所链接的政府信息尚未公开发布。")
    response = IncidentResponse.objects.create(
        incident=incident, kind=ResponseKind(kind), published_at=published_at, channel=channel.strip()[:100],
        note=note.strip(), record=linked, created_by=user,
    )
    marks = incident.marks()
    record("incident_response_recorded", response, after={
        "incident": incident.pk, "kind": response.kind, "published_at": published_at,
        "record": linked.pk if linked else None, "late": [m.mark.what for m in marks if m.late],
    })
    return response


# --- reading: the register, the office dashboard and the unit statistics --------------------------


@dataclass(frozen=True)
class Reading:
    incident: Incident
    marks: tuple[rules.DueMark, ...]
    now: datetime  # local, naive, like the marks

    @property
    def states(self) -> list[tuple[rules.DueMark, rules.MarkState, str]]:
        return [(m, m.state(self.now), rules.format_remaining(m.remaining(self.now))) for m in self.marks]

    @property
    def late(self) -> bool:
        """A mark met late, or past and still not met."""
        return any(m.late or m.state(self.now) is rules.MarkState.OVERDUE for m in self.marks)

    @property
    def open_marks(self) -> list[rules.DueMark]:
        return [m for m in self.marks if m.done_at is None]


def local_now() -> datetime:
    return timezone.localtime().replace(tzinfo=None)


def read(incidents: Iterable[Incident], now: datetime | None = None) -> list[Reading]:
    now = now or local_now()
    return [Reading(incident, incident.marks(list(incident.responses.all())), now) for incident in incidents]


def with_responses(rows: QuerySet[Incident]) -> QuerySet[Incident]:
    return rows.select_related("lead_unit").prefetch_related("responses")
