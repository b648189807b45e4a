"""Every write of a consultation (征求意见): a unit opens one on its draft, the public comments,
the unit moderates the comments, decides on each (采纳情况) and publishes the feedback beside the
final document. Each step is one transaction with its audit row; a refused step leaves nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from gongkai.audit.log import record
from gongkai.foi import dates
from gongkai.interaction.models import (
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Decision,
)
from gongkai.orgs.models import User
from gongkai.orgs.policy import Action, ServiceActor, policy
from gongkai.records.models import Record, RecordStatus
from gongkai.rules.interaction import consultations as rules

# A draft still being written or reviewed: what a consultation is opened on.
DRAFT_STATUSES = (RecordStatus.DRAFT, RecordStatus.RETURNED, RecordStatus.IN_REVIEW)


def min_days() -> Mapping[rules.DraftKind, int]:
    configured = str(getattr(settings, "GONGKAI_CONSULTATION_MIN_DAYS", "") or "")
    try:
        return rules.parse_min_days(configured)
    except rules.ConsultationError as error:
        raise ImproperlyConfigured(f"GONGKAI_CONSULTATION_MIN_DAYS: {error}") from None


def _may_change(user: User | None, consultation: Consultation) -> bool:
    return user is None or policy.may(user, Action.CHANGE, consultation) or policy.may(
        user, Action.REVIEW, consultation)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _lock(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().get(pk=consultation.pk)


@transaction.atomic
def open_consultation(draft: Record, *, kind: str, closes_on: date, explanation: str, short_reason: str = "",
                      title: str = "", actor: ServiceActor | None) -> Consultation:
    """Publish ``draft`` (a record not yet published) for comment from today to ``closes_on``,
    checked against the kind's minimum period; its text is kept as it is now."""
    user = policy.require_actor(actor)
    _require(user is None or policy.may(user, Action.CHANGE, draft), "只能就本单位的草案征求意见。")
    if draft.status not in DRAFT_STATUSES:
        raise ValidationError("只能就尚未发布的草案征求意见。")
    text = (draft.body_text or draft.summary).strip()
    if not text:
        raise ValidationError("草案正文为空，请先在政府信息中填写正文。")
    if not explanation.strip():
        raise ValidationError("请填写起草说明。")
    opens_on = dates.today()
    try:
        check = rules.check_period(rules.DraftKind(kind), opens_on, closes_on, short_reason, min_days())
    except rules.ConsultationError as error:
        raise ValidationError(str(error)) from None
    consultation = Consultation.objects.create(
        unit=draft.unit, draft=draft, kind=kind, title=(title.strip() or f"关于《{draft.title}》公开征求意见")[:300],
        draft_text=text, explanation=explanation.strip(), opens_on=opens_on, closes_on=closes_on,
        short_reason=short_reason.strip() if check.shortened else "", created_by=user,
    )
    record("consultation_opened", consultation, after={
        "draft": draft.pk, "kind": kind, "opens_on": opens_on, "closes_on": closes_on, "days": check.days,
        "shortened": check.shortened, "short_reason": consultation.short_reason,
    })
    return consultation


def submit_comment(consultation: Consultation, details: Mapping[str, Any], *, token: str | None = None) -> Comment:
    """A comment from the public, waiting for moderation; the same form sent twice (``token``)
    stores one comment. The caller acknowledges only after this returns (after the commit)."""
    if token and (existing := Comment.objects.filter(submission_token=token).first()) is not None:
        return existing
    if not consultation.takes_comments(dates.today()):
        raise ValidationError("本次征求意见不在意见征集期内，不能再提交意见。")
    section = str(details.get("section") or "")
    if section and section not in {item.key for item in consultation.sections}:
        raise ValidationError("所选条款不在征求意见稿中。")
    fields = {name: details[name] for name in ("text", "name", "phone", "email", "text_public") if name in details}
    for _attempt in range(5):
        try:
            return _insert_comment(consultation, section, token, fields)
        except IntegrityError:  # the same form at the same moment, or a number taken meanwhile
            if token and (existing := Comment.objects.filter(submission_token=token).first()) is not None:
                return existing
    raise RuntimeError("无法为意见编号")  # pragma: no cover


@transaction.atomic
def _insert_comment(consultation: Consultation, section: str, token: str | None, fields: Mapping[str, Any]) -> Comment:
    """Numbered within its consultation: the consultation's row is locked while the number is
    drawn (on SQLite the transaction's immediate write lock does the same)."""
    list(Consultation.objects.select_for_update().filter(pk=consultation.pk).values_list("pk", flat=True))
    seq = (consultation.comments.aggregate(last=Max("seq"))["last"] or 0) + 1
    comment = Comment.objects.create(consultation=consultation, seq=seq, section=section,
                                     submission_token=token or None, **fields)
    record("consultation_comment_submitted", comment, after={"consultation": consultation.pk, "section": section})
    return comment


@transaction.atomic
def moderate(comment: Comment, show: bool, *, note: str = "", actor: ServiceActor | None) -> Comment:
    """The unit shows a comment on the public page or keeps it off (with the reason)."""
    user = policy.require_actor(actor)
    comment = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    _require(_may_change(user, comment.consultation), "只能审核本单位征求意见收到的意见。")
    if comment.consultation.status != ConsultationStatus.OPEN:
        raise ValidationError("采纳情况已公布，意见的审核结果不能再改。")
    if not show and not note.strip():
        raise ValidationError("不予展示的意见须说明理由。")
    before = {"status": comment.status}
    comment.status = CommentStatus.SHOWN if show else CommentStatus.REJECTED
    comment.moderation_note = note.strip()[:200]
    comment.save(update_fields=["status", "moderation_note"])
    record("consultation_comment_moderated", comment, before=before,
           after={"status": comment.status, "note": comment.moderation_note})
    return comment


@transaction.atomic
def decide(comments: Sequence[Comment], decision: str, reason: str, *, group: str = "",
           actor: ServiceActor | None) -> list[Comment]:
    """The unit's 采纳情况 for one comment or a group of them: adopted, partly or not, with the
    reason (required unless adopted)."""
    user = policy.require_actor(actor)
    if not comments:
        raise ValidationError("请选择至少一条意见。")
    problem = rules.decision_problem(decision, reason)
    if problem:
        raise ValidationError(problem)
    consultation = comments[0].consultation
    locked = list(Comment.objects.select_for_update().filter(pk__in=[c.pk for c in comments]))
    if any(c.consultation_id != consultation.pk for c in locked):
        raise ValidationError("只能对同一次征求意见的意见统一说明。")
    _require(_may_change(user, consultation), "只能对本单位征求意见收到的意见说明采纳情况。")
    if consultation.status != ConsultationStatus.OPEN:
        raise ValidationError("采纳情况已公布，不能再修改。")
    if any(c.status == CommentStatus.PENDING for c in locked):
        raise ValidationError("请先审核意见，再说明采纳情况。")
    for comment in locked:
        comment.decision, comment.decision_reason = Decision(decision), reason.strip()
        comment.decision_group = group.strip()[:60]
        comment.save(update_fields=["decision", "decision_reason", "decision_group"])
    record("consultation_comments_decided", consultation, after={
        "comments": [c.pk for c in locked], "decision": decision, "reason": reason.strip(), "group": group.strip(),
    })
    return locked


def undecided(consultation: Consultation) -> int:
    return consultation.comments.filter(status=CommentStatus.SHOWN, decision="").count()


@transaction.atomic
def publish_feedback(consultation: Consultation, final_record: Record, summary: str, *,
                     actor: ServiceActor | None) -> Consultation:
    """After the period, the unit publishes its 采纳情况 beside the final document (a public
    record of the unit), which links to it from then on."""
    user = policy.require_actor(actor)
    consultation = _lock(consultation)
    _require(_may_change(user, consultation), "只能公布本单位征求意见的采纳情况。")
    today = dates.today()
    if consultation.status != ConsultationStatus.OPEN:
        raise ValidationError("采纳情况已经公布。")
    if not consultation.closed(today):
        raise ValidationError(f"征求意见截止于 {consultation.closes_on.isoformat()}，期满后才能公布采纳情况。")
    if consultation.comments.filter(status=CommentStatus.PENDING).exists():
        raise ValidationError("还有意见未审核。")
    if missing := undecided(consultation):
        raise ValidationError(f"还有 {missing} 条意见未说明采纳情况。")
    if final_record.unit_id != consultation.unit_id or not final_record.is_public:
        raise ValidationError("正式文件应为本单位已公开发布的政府信息。")
    if not summary.strip():
        raise ValidationError("请填写采纳情况说明。")
    consultation.status = ConsultationStatus.FEEDBACK_PUBLISHED
    consultation.final_record, consultation.feedback_summary = final_record, summary.strip()
    consultation.feedback_published_on = today
    consultation.save()
    record("consultation_feedback_published", consultation, before={"status": ConsultationStatus.OPEN}, after={
        "status": consultation.status, "final_record": final_record.pk, "published_on": today,
    })
    return consultation
