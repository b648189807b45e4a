"""Proposals to publish proactively what several applicants asked for (seed 003 五(四):
"对公众申请较为集中的政府信息，可以转为主动公开的，应当及时主动公开")."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.foi.models.requests import Request


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "待处理"
    ACCEPTED = "accepted", "已采纳，转为主动公开"
    DISMISSED = "dismissed", "不予采纳"


class DisclosureProposal(models.Model):
    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    topic = models.CharField("申请较为集中的信息", max_length=200)
    keywords = models.JSONField("关键词", default=list, blank=True)
    requests = models.ManyToManyField(Request, verbose_name="相关申请", related_name="proposals")
    request_count = models.PositiveIntegerField("申请件数", default=0)
    applicant_count = models.PositiveIntegerField("申请人数", default=0)
    first_received_on = models.DateField("最早收到")
    last_received_on = models.DateField("最近收到")
    status = models.CharField("状态", max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED)
    created_at = models.DateTimeField("提出时间", auto_now_add=True)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField("处理说明", blank=True, default="")

    unit_field = "unit"
    is_public = False

    class Meta:
        verbose_name = "转主动公开建议"
        verbose_name_plural = "转主动公开建议"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.topic

    @property
    def owner_unit_id(self) -> int:
        return self.unit_id
