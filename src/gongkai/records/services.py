"""The write path of records: draft, attach, submit for 保密审查, mask, return, publish, correct,
withdraw, supersede, repeal. Each function checks the step table (``transitions``), writes, appends
a ``RecordEvent``, audits and updates the search index, all in one transaction.

A body is cleaned (``rules.richtext``) before that transaction begins: SQLite's transactions are
IMMEDIATE here, so the write lock is held from BEGIN, and nothing slow may run inside one."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.audit import log as audit
from gongkai.orgs.models import Unit, User
from gongkai.records import numbering, privacy, searchdocs
from gongkai.records.models import (
    Attachment,
    Column,
    Disclosure,
    EventKind,
    PublishingSettings,
    Record,
    RecordEvent,
    RecordKind,
    RecordStatus,
)
from gongkai.records.transitions import Step, status_allows, user_may
from gongkai.rules import pii
from gongkai.rules.docnumber import DocNumberError, normalize_doc_number
from gongkai.rules.indexno import IndexNumberError
from gongkai.rules.lawdates import EXPIRY_YEARS_AHEAD, YEARS_AHEAD, law_date_problem
from gongkai.rules.richtext import BodyError, check_body, clean_body, html_to_text, mask_html
from gongkai.rules.uploads import (
    AttachmentTextError,
    UploadLimits,
    check_upload,
    extension_of,
    extract_text,
)

# The metadata a clerk fills in (forms, imports and the demo use the same names).
FIELDS = [
    "kind", "title", "summary", "publisher", "doc_number", "written_on", "formed_on", "effective_on",
    "expires_on", "declared_validity", "topic", "genre", "keywords", "disclosure", "disclosure_reason",
    "audience", "body", "interprets",
]
_AUDITED = [name for name in FIELDS if name != "body"]
_NULLABLE = frozenset({"written_on", "formed_on", "effective_on", "expires_on", "interprets"})
_LAW_DATES = ("written_on", "formed_on", "effective_on", "expires_on")
_TAG = re.compile(r"<[A-Za-z/!]")

STEP_DENIED = {
    Step.EDIT: "只有本单位经办人可以修改草稿或退回的信息。",
    Step.ATTACH: "只有本单位经办人可以在草稿中上传附件。",
    Step.DELETE: "只有本单位经办人可以删除草稿。",
    Step.SUBMIT: "只有本单位经办人可以提交保密审查。",
    Step.MASK: "只有本单位经办人或审核人可以去标识化。",
    Step.RETURN: "只有本单位审核人可以退回。",
    Step.PUBLISH: "只有本单位审核人可以审查通过并发布，且提交人不能审核自己提交的信息。",
    Step.CORRECT: "只有本单位审核人可以更正已发布的信息。",
    Step.WITHDRAW: "只有本单位审核人可以撤回已发布的信息。",
    Step.SUPERSEDE: "只有本单位审核人可以用新版本替代已发布的信息。",
    Step.REPEAL: "只有本单位审核人可以废止规范性文件。",
}


def _require(step: Step, record: Record, actor: User | None) -> None:
    if not user_may(actor, step, record):
        raise PermissionDenied(STEP_DENIED[step])
    if not status_allows(step, record):
        raise ValidationError(f"信息当前状态为“{record.get_status_display()}”，不能执行此操作。")


def _event(record: Record, kind: EventKind, actor: User | None, comment: str = "", **data: Any) -> RecordEvent:
    """The step's append-only event row; the record's ``updated_at`` follows it."""
    event = RecordEvent.objects.create(
        record=record, kind=kind, actor=actor, actor_label=str(actor) if actor else "系统",
        comment=comment, data=data,
    )
    Record.objects.filter(pk=record.pk).update(updated_at=event.at)
    record.updated_at = event.at
    return event


def _summary(record: Record) -> dict[str, Any]:
    values = audit.snapshot(record, _AUDITED)
    values["interprets"] = record.interprets_id
    values["body_chars"] = len(record.body_text)
    values["status"] = record.status
    return values


def body_and_text(raw: str) -> tuple[str, str]:
    """The body to store (sanitised rich text, or plain text turned into paragraphs) and its text;
    :class:`BodyError` for a body too long or too deeply nested to be cleaned."""
    if _TAG.search(raw):
        return clean_body(raw)
    check_body(raw)
    paragraphs = [line.strip() for line in raw.splitlines() if line.strip()]
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs), "\n".join(paragraphs)


def _with_clean_body(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """``data`` with its body cleaned and its text added, to be called outside any transaction."""
    if "body" not in data:
        return data
    try:
        body, text = body_and_text(data["body"] or "")
    except BodyError as error:
        raise ValidationError({"body": str(error)}) from error
    return {**data, "body": body, "body_text": text}


def _apply(record: Record, data: Mapping[str, Any]) -> None:
    """Set the fields of ``data`` (prepared by :func:`_with_clean_body`: the body is stored as it
    comes, already clean)."""
    for name in FIELDS:
        if name in data:
            value = data[name]
            setattr(record, name, value if value is not None or name in _NULLABLE else "")
    if "body_text" in data:
        record.body_text = data["body_text"]
    record.title = (record.title or "").strip()
    record.publisher = (record.publisher or record.unit.name).strip()
    if record.doc_number:
        try:
            record.doc_number = normalize_doc_number(record.doc_number)
        except DocNumberError as error:
            raise ValidationError({"doc_number": str(error)}) from error


def _validate(record: Record, columns: Sequence[Column] | None) -> None:
    errors: dict[str, str] = {}
    if not record.title:
        errors["title"] = "请填写名称。"
    errors.update(_law_date_errors({name: getattr(record, name) for name in _LAW_DATES}))
    if record.disclosure != Disclosure.PROACTIVE and not record.disclosure_reason.strip():
        errors["disclosure_reason"] = (
            f"公开方式为“{record.get_disclosure_display()}”时必须写明理由（公开属性源头认定），"
            "如“涉及个人隐私，依据《政府信息公开条例》第十五条不予公开”。"
        )
    if record.effective_on and record.expires_on and record.expires_on < record.effective_on:
        errors["expires_on"] = "失效日期不能早于生效日期。"
    if record.interprets_id and record.kind != RecordKind.INTERPRETATION:
        errors["interprets"] = "只有“政策解读”类信息才能关联所解读的政策。"
    if record.interprets is not None and (
        not record.interprets.is_policy or record.interprets_id == record.pk
    ):
        errors["interprets"] = "所解读的应是一份规章、规范性文件或其他政策文件。"
    if columns is not None and any(column.unit_id != record.unit_id for column in columns):
        errors["columns"] = "只能选择本单位目录中的栏目。"
    if errors:
        raise ValidationError(errors)


def _law_date_errors(values: Mapping[str, date | None]) -> dict[str, str]:
    """The law dates (record fields by name) outside the sane range of ``rules.lawdates``."""
    today = timezone.localdate()
    errors = {}
    for name, value in values.items():
        label = str(Record._meta.get_field(name).verbose_name)
        ahead = EXPIRY_YEARS_AHEAD if name == "expires_on" else YEARS_AHEAD
        if value is not None and (problem := law_date_problem(label, value, today, ahead)):
            errors[name] = problem
    return errors


def _require_complete(record: Record) -> None:
    """What 保密审查 and publication need beyond a valid draft."""
    errors: dict[str, str] = {}
    if not record.columns.exists():
        errors["columns"] = "请至少选择一个所属栏目（组配分类）。"
    if not record.written_on:
        errors["written_on"] = "请填写成文日期。"
    if record.kind == RecordKind.INTERPRETATION and not record.interprets_id:
        errors["interprets"] = "政策解读须关联所解读的政策。"
    if not record.body_text and not record.attachments.exists():
        errors["body"] = "正文和附件不能都为空。"
    if errors:
        raise ValidationError(errors)


def create_record(
    unit: Unit, data: Mapping[str, Any], *, columns: Sequence[Column] = (), actor: User | None = None
) -> Record:
    """A new draft of ``unit``."""
    record = Record(unit=unit, created_by=actor)
    if actor is not None and not user_may(actor, Step.EDIT, record):
        raise PermissionDenied("只有本单位经办人可以起草政府信息。")
    prepared = _with_clean_body(data)
    with transaction.atomic():
        _apply(record, prepared)
        _validate(record, columns)
        record.save()
        record.columns.set(columns)
        _event(record, EventKind.CREATED, actor)
        audit.record("record_created", record, after=_summary(record))
    return record


def update_record(
    record: Record, data: Mapping[str, Any], *, columns: Sequence[Column] | None = None,
    actor: User | None = None,
) -> Record:
    """Edit a draft, or 更正 a published record (which is re-indexed at once)."""
    prepared = _with_clean_body(data)
    with transaction.atomic():
        return _update_record(record, prepared, columns, actor)


def _update_record(
    record: Record, data: Mapping[str, Any], columns: Sequence[Column] | None, actor: User | None
) -> Record:
    published = record.status == RecordStatus.PUBLISHED
    _require(Step.CORRECT if published else Step.EDIT, record, actor)
    before = _summary(record)
    _apply(record, data)
    _validate(record, columns)
    record.updated_at = timezone.now()
    record.save()
    if columns is not None:
        record.columns.set(columns)
    after = _summary(record)
    changed = sorted(name for name in after if before.get(name) != after[name])
    _event(record, EventKind.CORRECTED if published else EventKind.EDITED, actor, changed=changed)
    audit.record("record_corrected" if published else "record_edited", record, before=before, after=after)
    if published:
        searchdocs.sync([record])
    return record


@transaction.atomic
def add_attachment(record: Record, name: str, content: bytes, *, actor: User | None = None) -> Attachment:
    """Check the file by its content (``rules.uploads``) and save it, or refuse with the reason;
    nothing is written for a refused file."""
    _require(Step.ATTACH, record, actor)
    verdict = check_upload(name, content, UploadLimits(max_bytes=settings.GONGKAI_UPLOAD_MAX_BYTES))
    if not verdict.ok:
        raise ValidationError(verdict.message)
    try:
        text = extract_text(verdict.name, content)
    except AttachmentTextError as error:
        raise ValidationError(str(error)) from error
    attachment = Attachment(
        record=record, name=verdict.name, size=len(content), kind=verdict.kind.value,
        text=text or "", text_read=text is not None, sort_order=record.attachments.count(),
    )
    extension = extension_of(verdict.name) or "bin"
    attachment.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    attachment.save()
    _event(record, EventKind.ATTACHED, actor, name=attachment.name, size=attachment.size)
    audit.record("record_attachment_added", record, after={"name": attachment.name, "size": attachment.size})
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, *, actor: User | None = None) -> None:
    record = attachment.record
    _require(Step.ATTACH, record, actor)
    _event(record, EventKind.DETACHED, actor, name=attachment.name)
    audit.record("record_attachment_removed", record, before={"name": attachment.name})
    attachment.file.delete(save=False)
    attachment.delete()


@transaction.atomic
def delete_draft(record: Record, *, actor: User | None = None) -> None:
    _require(Step.DELETE, record, actor)
    audit.record("record_draft_deleted", record, before=_summary(record))
    for attachment in record.attachments.all():
        attachment.file.delete(save=False)
    record.delete()


@transaction.atomic
def submit_record(record: Record, *, actor: User | None = None) -> Record:
    """To 保密审查; the privacy scan's findings go with it."""
    _require(Step.SUBMIT, record, actor)
    _require_complete(record)
    hits = privacy.scan_record(record)
    record.status = RecordStatus.IN_REVIEW
    record.submitted_by = actor
    record.save(update_fields=["status", "submitted_by"])
    _event(record, EventKind.SUBMITTED, actor, pii_hits=len(hits))
    audit.record("record_submitted", record, after={"status": record.status, "pii_hits": len(hits)})
    return record


@transaction.atomic
def return_record(record: Record, comment: str, *, actor: User | None = None) -> Record:
    _require(Step.RETURN, record, actor)
    if not comment.strip():
        raise ValidationError({"comment": "退回时请写明需要修改的地方。"})
    record.status = RecordStatus.RETURNED
    record.review_comment = comment.strip()
    record.reviewed_by = actor
    record.save(update_fields=["status", "review_comment", "reviewed_by"])
    _event(record, EventKind.RETURNED, actor, comment=record.review_comment)
    audit.record("record_returned", record, after={"status": record.status, "comment": record.review_comment})
    return record


@transaction.atomic
def publish_record(record: Record, *, actor: User | None = None, accept_remaining: bool = False) -> Record:
    """保密审查通过: the 索引号 is drawn, the record goes public (if 主动公开) and into the index."""
    _require(Step.PUBLISH, record, actor)
    _require_complete(record)
    remaining = privacy.blocking_hits(record)
    if remaining and not accept_remaining:
        raise ValidationError(
            f"还有 {len(remaining)} 处疑似个人信息未去标识化。请逐处处理，"
            "或确认其为可以公开的信息（如单位办公电话）后勾选“其余命中均可公开”再发布。"
        )
    today = timezone.localdate()
    try:
        number = numbering.draw_index_numbers(record.unit, today, PublishingSettings.current().index_format)[0]
    except IndexNumberError as error:
        raise ValidationError(str(error)) from error
    record.index_number = number.text
    record.published_on = today
    record.published_at = timezone.now()
    record.status = RecordStatus.PUBLISHED
    record.reviewed_by = actor
    record.review_comment = ""
    record.save()
    _event(record, EventKind.PUBLISHED, actor, index_number=record.index_number, accepted_hits=len(remaining))
    audit.record("record_published", record, after={
        "index_number": record.index_number, "published_on": today, "accepted_hits": len(remaining),
    })
    searchdocs.sync([record])
    return record


def _locate(record: Record, source: str, start: int, matched: str) -> privacy.SourcedHit:
    for found in privacy.scan_record(record):
        if found.source == source and found.hit.start == start and found.hit.matched == matched:
            return found
    raise ValidationError("这处命中已不在当前文本中（可能已被处理或文本已修改），请刷新页面后重试。")


@transaction.atomic
def mask_pii(record: Record, source: str, start: int, matched: str, *, actor: User | None = None) -> str:
    """去标识化 one hit (one click of the reviewer); returns its masked form. The audit trail keeps
    the kind and the masked form only, never the personal data itself."""
    _require(Step.MASK, record, actor)
    found = _locate(record, source, start, matched)
    _mask_source(record, [found])
    record.save(update_fields=["summary", "body", "body_text"])
    masked = found.hit.masked
    _event(record, EventKind.MASKED, actor, source=found.source_label, pii_kind=found.hit.label, masked=masked)
    audit.record("record_pii_masked", record, after={"source": found.source_label, "kind": found.hit.label, "masked": masked})
    return masked


@transaction.atomic
def mask_all_pii(record: Record, *, actor: User | None = None) -> int:
    """Mask every hit that blocks publication (LOW-confidence ones are left to the reviewer)."""
    _require(Step.MASK, record, actor)
    by_source: dict[str, list[privacy.SourcedHit]] = {}
    for found in privacy.blocking_hits(record):
        by_source.setdefault(found.source, []).append(found)
    for source_hits in by_source.values():
        _mask_source(record, source_hits)
    count = sum(len(source_hits) for source_hits in by_source.values())
    record.save(update_fields=["summary", "body", "body_text"])
    _event(record, EventKind.MASKED, actor, count=count)
    audit.record("record_pii_masked", record, after={"count": count})
    return count


def _mask_source(record: Record, hits: list[privacy.SourcedHit]) -> None:
    source, raw = hits[0].source, [found.hit for found in hits]
    if source == privacy.SUMMARY:
        record.summary = pii.mask(record.summary, raw)
    elif source == privacy.BODY:
        record.body = mask_html(record.body, raw)
        record.body_text = html_to_text(record.body)
    else:
        attachment = record.attachments.get(pk=int(source.removeprefix(privacy.ATTACHMENT_PREFIX)))
        attachment.text = pii.mask(attachment.text, raw)
        attachment.masked_count += len(raw)
        attachment.save(update_fields=["text", "masked_count"])


@transaction.atomic
def withdraw_record(record: Record, reason: str, *, actor: User | None = None) -> Record:
    _require(Step.WITHDRAW, record, actor)
    if not reason.strip():
        raise ValidationError({"reason": "撤回时请写明理由。"})
    before = record.status
    record.status = RecordStatus.WITHDRAWN
    record.save(update_fields=["status"])
    _event(record, EventKind.WITHDRAWN, actor, comment=reason.strip())
    audit.record("record_withdrawn", record, before={"status": before}, after={"status": record.status, "reason": reason})
    searchdocs.sync([record])
    return record


@transaction.atomic
def supersede_record(old: Record, new: Record, *, actor: User | None = None) -> Record:
    """``new`` (published, same unit) replaces ``old``; a replaced 规章/规范性文件 is repealed
    from the day the new one takes effect."""
    _require(Step.SUPERSEDE, old, actor)
    if new.pk == old.pk or new.unit_id != old.unit_id or new.status != RecordStatus.PUBLISHED:
        raise ValidationError("替代的新版本须是本单位另一条已发布的信息。")
    old.status = RecordStatus.SUPERSEDED
    old.superseded_by = new
    if old.is_normative and not old.repealed_on:
        old.repealed_on = new.effective_on or new.published_on
    old.save(update_fields=["status", "superseded_by", "repealed_on"])
    _event(old, EventKind.SUPERSEDED, actor, new=new.index_number, title=new.title)
    audit.record("record_superseded", old, after={"superseded_by": new.index_number, "repealed_on": old.repealed_on})
    searchdocs.sync([old])
    return old


@transaction.atomic
def repeal_record(record: Record, repealed_on: date, *, actor: User | None = None) -> Record:
    """废止 a 规章 or 行政规范性文件 (it stays on record, marked 废止, and is counted in the
    annual report's 本年废止件数 of its year)."""
    _require(Step.REPEAL, record, actor)
    if errors := _law_date_errors({"repealed_on": repealed_on}):
        raise ValidationError(errors)
    record.repealed_on = repealed_on
    record.save(update_fields=["repealed_on"])
    _event(record, EventKind.REPEALED, actor, repealed_on=repealed_on)
    audit.record("record_repealed", record, after={"repealed_on": repealed_on})
    searchdocs.sync([record])
    return record

