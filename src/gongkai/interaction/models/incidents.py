"""The register of incidents of public concern (政务舆情回应): when the office learned of one, its
level and lead unit, and what was published when. The clocks (5 h / 24 h / 48 h, DOMAIN.md
section 5) are never stored: ``marks`` derives them from ``learned_at`` and the responses through
``rules.interaction.marks_for``, the function ``gongkai interaction due`` answers from."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.rules import interaction as rules


class IncidentLevel(models.TextChoices):
    MAJOR = rules.IncidentLevel.MAJOR.value, "特别重大、重大"
    GENERAL = rules.IncidentLevel.GENERAL.value, "一般"


class ResponseKind(models.TextChoices):
    """What was published; the first three meet the marks of the same key."""

    AUTHORITATIVE = "authoritative", "发布权威信息"
    PRESS_CONFERENCE = "press_conference", "新闻发布会"
    RESPONSE = "response", "回应"
    FOLLOW_UP = "follow_up", "后续发布"


# Which marks a publication meets: any authoritative publication answers the public (the 48-hour
# response of an ordinary incident, the 5-hour one of a major one); a news conference is one too.
MEETS: dict[str, tuple[str, ...]] = {
    ResponseKind.AUTHORITATIVE: ("authoritative", "response"),
    ResponseKind.RESPONSE: ("authoritative", "response"),
    ResponseKind.PRESS_CONFERENCE: ("press_conference", "authoritative", "response"),
    ResponseKind.FOLLOW_UP: (),
}


class Incident(models.Model):
    title = models.CharField("舆情事项", max_length=200)
    summary = models.TextField("情况摘要", blank=True, default="")
    learned_at = models.DateTimeField("获知时间")
    level = models.CharField("级别", max_length=12, choices=IncidentLevel.choices)
    lead_unit = models.ForeignKey("orgs.Unit", verbose_name="牵头回应单位", on_delete=models.PROTECT,
                                  related_name="incidents")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    unit_field = "lead_unit"
    is_public = False

    class Meta:
        verbose_name = "政务舆情"
        verbose_name_plural = "政务舆情"
        ordering = ["-learned_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_unit_id(self) -> int:
        return self.lead_unit_id

    @property
    def rule_level(self) -> rules.IncidentLevel:
        return rules.IncidentLevel(self.level)

    def marks(self, responses: list[IncidentResponse] | None = None) -> tuple[rules.DueMark, ...]:
        """The level's marks in local time, each met by the first publication that meets it (``MEETS``)."""
        rows = list(self.responses.all()) if responses is None else responses
        done: dict[str, datetime] = {}
        for response in sorted(rows, key=lambda row: row.published_at):
            for key in MEETS[response.kind]:
                done.setdefault(key, timezone.localtime(response.published_at).replace(tzinfo=None))
        learned = timezone.localtime(self.learned_at).replace(tzinfo=None)
        return rules.marks_for(self.rule_level, learned, done)


class IncidentResponse(models.Model):
    """One publication about the incident, with the record it published where there is one."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="responses")
    kind = models.CharField("发布类型", max_length=20, choices=ResponseKind.choices)
    published_at = models.DateTimeField("发布时间")
    channel = models.CharField("发布渠道", max_length=100, blank=True, default="")
    note = models.TextField("内容摘要", blank=True, default="")
    record = models.ForeignKey("records.Record", verbose_name="对应的政府信息", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    unit_field = "incident__lead_unit"
    is_public = False

    class Meta:
        verbose_name = "舆情回应发布"
        verbose_name_plural = "舆情回应发布"
        ordering = ["published_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.published_at:%Y-%m-%d %H:%M}"

    @property
    def owner_unit_id(self) -> int:
        return self.incident.lead_unit_id
