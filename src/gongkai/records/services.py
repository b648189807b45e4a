"""The write path of records: draft, attach, submit for 保密审查, mask, return, publish, correct,
withdraw, supersede, repeal. Each function checks the step table (``transitions``), writes, appends
a ``RecordEvent``, audits and updates the search index, all in one transaction.

A body is cleaned (``rules.richtext``) before that transaction begins: SQLite's transactions are
IMMEDIATE here, so the write lock is held from BEGIN, and nothing slow may run inside one."""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.audit import log as audit
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.records import numbering, privacy, searchdocs
from gongkai.records.models import (
    Attachment,
    CatalogImport,
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
from gongkai.rules.richtext import BodyError, check_body, clean_body, mask_stored_html, stored_text
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
    Step.CORRECT: "只有本单位经办人或审核人可以提交已发布信息的更正。",
    Step.APPROVE_CORRECTION: "只有本单位审核人可以审查通过更正，且提交更正的人不能审核自己的更正。",
    Step.RETURN_CORRECTION: "只有本单位审核人可以退回更正。",
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


def _body_cleaned_first(step: Callable[..., Record]) -> Callable[..., Record]:
    """Run ``step(target, data, **options)`` in a transaction, with ``data``'s body cleaned before
    the transaction begins (the write lock is held from BEGIN: nothing slow may run inside)."""

    @functools.wraps(step)
    def run(target: Any, data: Mapping[str, Any], **options: Any) -> Record:
        prepared = _with_clean_body(data)
        with transaction.atomic():
            return step(target, prepared, **options)

    return run


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


def _comment(comment: str, missing: str) -> str:
    """The reviewer's comment, required when a step sends something back."""
    if not comment.strip():
        raise ValidationError({"comment": missing})
    return comment.strip()


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


@_body_cleaned_first
def create_record(
    unit: Unit, data: Mapping[str, Any], *, columns: Sequence[Column] = (), actor: User | None = None
) -> Record:
    """A new draft of ``unit``."""
    record = Record(unit=unit, created_by=actor)
    if actor is not None and not user_may(actor, Step.EDIT, record):
        raise PermissionDenied("只有本单位经办人可以起草政府信息。")
    _apply(record, data)
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
    """Edit a draft; for a published record, submit a correction (``propose_correction``)."""
    if record.status == RecordStatus.PUBLISHED:
        return propose_correction(record, data, columns=columns, actor=actor)
    return _update_draft(record, data, columns=columns, actor=actor)


@_body_cleaned_first
def _update_draft(
    record: Record, data: Mapping[str, Any], *, columns: Sequence[Column] | None, actor: User | None
) -> Record:
    _require(Step.EDIT, record, actor)
    before = _summary(record)
    _apply(record, data)
    _validate(record, columns)
    record.updated_at = timezone.now()
    record.save()
    if columns is not None:
        record.columns.set(columns)
    after = _summary(record)
    _event(record, EventKind.EDITED, actor, changed=_changed(before, after))
    audit.record("record_edited", record, before=before, after=after)
    return record


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return sorted(name for name in after if before.get(name) != after[name])


# --- 更正: a correction of a published record waits for 保密审查 beside the published version --

# What a correction carries (by attribute name): the metadata, the cleaned body and its text.
_REVISED = [Record._meta.get_field(name).attname for name in [*FIELDS, "body_text"]]


def pending_version(record: Record) -> Record | None:
    """The record as it will read once its pending correction is approved (unsaved), or None.
    It keeps the record's pk, so that the privacy scan reads the attachments too."""
    if record.revision is None:
        return None
    revised = _copy(record)
    for attname, value in record.revision["fields"].items():
        setattr(revised, attname, Record._meta.get_field(attname).to_python(value))
    return revised


def _copy(record: Record) -> Record:
    return Record(**{field.attname: getattr(record, field.attname) for field in Record._meta.concrete_fields})


def pending_columns(record: Record) -> list[int] | None:
    """The column ids of the pending correction (None: unchanged)."""
    return None if record.revision is None else record.revision.get("columns")


@_body_cleaned_first
def propose_correction(
    record: Record, data: Mapping[str, Any], *, columns: Sequence[Column] | None = None,
    actor: User | None = None,
) -> Record:
    """更正 a published record: the corrected version is checked as a draft would be and waits for
    保密审查 (privacy scan included) beside the published one, which the portal, the feeds and
    search keep showing until a reviewer approves it. A second proposal replaces the first."""
    _require(Step.CORRECT, record, actor)
    revised = pending_version(record) or _copy(record)
    _apply(revised, data)
    _validate(revised, columns)
    chosen = sorted(column.pk for column in columns) if columns is not None else pending_columns(record)
    before, after = _summary(record), _summary(revised)
    changed = _changed(before, after)
    if chosen is not None and chosen != sorted(record.columns.values_list("pk", flat=True)):
        changed.append("columns")
    if not changed:
        raise ValidationError("更正内容与已发布的版本相同，没有需要审查的修改。")
    record.revision = {"fields": {attname: getattr(revised, attname) for attname in _REVISED}, "columns": chosen}
    record.revision_by = actor
    record.save(update_fields=["revision", "revision_by"])
    hits = privacy.scan_record(revised)
    _event(record, EventKind.CORRECTION_PROPOSED, actor, changed=changed, pii_hits=len(hits))
    audit.record("record_correction_proposed", record, before=before, after={**after, "pii_hits": len(hits)})
    return record


@transaction.atomic
def approve_correction(record: Record, *, actor: User | None = None, accept_remaining: bool = False) -> Record:
    """保密审查通过 of a correction: the corrected version replaces the published one on the
    portal and in the search index, in this transaction."""
    _require(Step.APPROVE_CORRECTION, record, actor)
    revised = pending_version(record)
    assert revised is not None  # the step requires a pending revision
    remaining = privacy.blocking_hits(revised)
    if remaining and not accept_remaining:
        raise ValidationError(
            f"更正后的内容还有 {len(remaining)} 处疑似个人信息未去标识化。请退回更正由提交人修改，"
            "或确认其为可以公开的信息（如单位办公电话）后勾选“其余命中均可公开”再审查通过。"
        )
    before = _summary(record)
    columns = pending_columns(record)
    for attname in _REVISED:
        setattr(record, attname, getattr(revised, attname))
    record.revision, record.revision_by, record.reviewed_by = None, None, actor
    record.save()
    if columns is not None:
        record.columns.set(columns)
    after = _summary(record)
    _event(record, EventKind.CORRECTED, actor, changed=_changed(before, after), accepted_hits=len(remaining))
    audit.record("record_corrected", record, before=before, after={**after, "accepted_hits": len(remaining)})
    searchdocs.sync([record])
    return record


@transaction.atomic
def return_correction(record: Record, comment: str, *, actor: User | None = None) -> Record:
    """退回 a correction: it is dropped, the published version stays as it was."""
    _require(Step.RETURN_CORRECTION, record, actor)
    comment = _comment(comment, "退回更正时请写明理由。")
    dropped = record.revision
    record.revision, record.revision_by = None, None
    record.save(update_fields=["revision", "revision_by"])
    _event(record, EventKind.CORRECTION_RETURNED, actor, comment=comment)
    audit.record("record_correction_returned", record, before={"revision": dropped}, after={"comment": comment})
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
        read = extract_text(verdict.name, content)
    except AttachmentTextError as error:
        raise ValidationError(str(error)) from error
    attachment = Attachment(  # text_read: every part was read; else a person checks the file
        record=record, name=verdict.name, size=len(content), kind=verdict.kind.value,
        text=read.text, text_read=read.complete, sort_order=record.attachments.count(),
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
    record.review_comment = _comment(comment, "退回时请写明需要修改的地方。")
    record.status = RecordStatus.RETURNED
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
    unread = privacy.unread_attachments(record)  # the scan cannot vouch for them: a person looks
    if (remaining or unread) and not accept_remaining:
        problems = [f"还有 {len(remaining)} 处疑似个人信息未去标识化"] if remaining else []
        problems += [f"附件“{attachment.name}”的文字未能完整读取" for attachment in unread]
        raise ValidationError(
            "；".join(problems) + "。请逐处处理、打开附件原件核对，"
            "或确认其为可以公开的信息（如单位办公电话）后勾选“其余命中均可公开”再发布。"
        )
    today = timezone.localdate()
    if not record.index_number:  # an imported record keeps the number it was given
        try:
            number = numbering.draw_index_numbers(record.unit, today, PublishingSettings.current().index_format)[0]
        except IndexNumberError as error:
            raise ValidationError(str(error)) from error
        record.index_number = number.text
    # An imported record keeps the date its old site published it on.
    record.published_on = record.published_on if record.source_import_id and record.published_on else today
    record.published_at = timezone.now()
    record.status = RecordStatus.PUBLISHED
    record.reviewed_by = actor
    record.review_comment = ""
    record.save()
    _event(
        record, EventKind.PUBLISHED, actor, index_number=record.index_number, accepted_hits=len(remaining),
        unread_attachments=len(unread),
    )
    audit.record("record_published", record, after={
        "index_number": record.index_number, "published_on": record.published_on, "accepted_hits": len(remaining),
        "unread_attachments": [attachment.name for attachment in unread],
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
        record.body = mask_stored_html(record.body, raw)
        record.body_text = stored_text(record.body)
    elif source == privacy.LINKS:
        record.body = privacy.mask_links(record.body, raw)
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



@dataclass(frozen=True)
class BatchApproval:
    published: int
    flagged: list[Record]  # left in 保密审查 for a reviewer to take one by one


BATCH_DENIED = "只有公开办管理员可以整批审查通过导入的目录；单位审核人请逐条审查。"


def approve_import(job: CatalogImport, *, actor: ServiceActor) -> BatchApproval:
    """The office approves an imported batch in one act (保密审查通过): every record of it still
    in review is published — each with its own event and audit row naming the batch — except
    those in which the privacy scan finds something that blocks publication: they stay in review,
    with an event saying why, for a reviewer to mask or accept one by one."""
    return approve_batch(Record.objects.filter(source_import=job), actor=actor, job=job)


APPROVAL_CHUNK = 1000


def approve_batch(
    records: QuerySet[Record], *, actor: ServiceActor, job: CatalogImport | None = None,
    chunk: int = APPROVAL_CHUNK,
) -> BatchApproval:
    """``approve_import`` for any set of imported records (the demo's have no upload). A large
    batch is taken ``chunk`` records per transaction, so that other writers (logins, requests)
    get the database between chunks; each record's publication, event and audit row share one."""
    user = policy.require_manage(actor, BATCH_DENIED)
    batch = job.pk if job else None
    ids = list(records.filter(status=RecordStatus.IN_REVIEW).order_by("pk").values_list("pk", flat=True))
    published = 0
    flagged: list[Record] = []
    for start in range(0, len(ids), chunk):
        with transaction.atomic():
            done, held = _approve_chunk(ids[start:start + chunk], batch, user)
        published += done
        flagged += held
    with transaction.atomic():
        audit.record("catalog_import_approved", job, object_type="records.catalogimport", after={
            "published": published, "flagged": [record.pk for record in flagged],
        })
    return BatchApproval(published=published, flagged=flagged)


def _approve_chunk(ids: list[int], batch: int | None, user: User | None) -> tuple[int, list[Record]]:
    pending = (Record.objects.select_for_update().filter(pk__in=ids, status=RecordStatus.IN_REVIEW)
               .select_related("unit").prefetch_related("attachments", "columns").order_by("pk"))
    published: list[Record] = []
    flagged: list[Record] = []
    for record in pending:
        hits = privacy.blocking_hits(record)
        if hits:
            flagged.append(record)
            _event(record, EventKind.FLAGGED, user, batch=batch, pii_hits=len(hits))
        else:
            published.append(record)
    _publish_in_batch(published, batch, user)
    searchdocs.index_new([searchdocs.document_for(record) for record in published if record.is_listed])
    return len(published), flagged


def _publish_in_batch(records: list[Record], batch: int | None, actor: User | None) -> None:
    """Publish ``records`` in bulk, each with its own event row and audit row."""
    now, today = timezone.now(), timezone.localdate()
    for record in records:
        record.status, record.published_at, record.updated_at = RecordStatus.PUBLISHED, now, now
        record.published_on = record.published_on or today
        record.reviewed_by, record.review_comment = actor, ""
    ids = [record.pk for record in records]
    for start in range(0, len(ids), 900):  # one UPDATE per chunk: the values are the same for all
        chunk = Record.objects.filter(pk__in=ids[start:start + 900])
        chunk.update(status=RecordStatus.PUBLISHED, published_at=now, updated_at=now, reviewed_by=actor,
                     review_comment="")
        chunk.filter(published_on__isnull=True).update(published_on=today)
    RecordEvent.objects.bulk_create([
        RecordEvent(record=record, kind=EventKind.PUBLISHED, actor=actor, actor_label=str(actor or "系统"), at=now,
                    comment=f"整批审查通过（导入批次 {batch or '—'}）",
                    data={"index_number": record.index_number, "batch": batch})
        for record in records
    ], batch_size=1000)
    for record in records:
        audit.record("record_published", record, after={
            "index_number": record.index_number, "published_on": record.published_on, "batch": batch,
        })
