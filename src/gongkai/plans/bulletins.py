"""Supervision bulletins (督查通报): the office takes stock of a plan at a cutoff, edits the draft,
optionally edits the .docx in Word and uploads it back, then issues it; an issued bulletin may be
published as a record (seed 000 item 20: 视情向社会公开督查存在问题的事项名称、责任单位、责任人、
推进落实不力主要事实、整改要求等内容).

``create_bulletin`` snapshots the numbers (``plans.board``) into ``Bulletin.content``, so a
bulletin keeps saying what it said when the office drafted it even as reports come in later:

    {"cutoff": "2016-12-31", "generated_on": "…", "issuer": "…",
     "overall": {"units": …, "total": …, "handed_in": …, "done": …, "advanced": …, "overdue": …,
                 "handed_in_rate": …, "completion": …, "advanced_rate": …},
     "summary": "总体情况 paragraph", "closing": "有关要求 paragraph",
     "ranking": [{"rank": 1, "unit_id": …, "unit": "…", "total": …, …}],
     "entries": [{"unit_id": …, "item_id": …, "item": "事项名称", "unit": "责任单位",
                  "person": "责任人", "facts": "推进落实不力主要事实", "requirement": "整改要求",
                  "kinds": ["overdue", …], "included": true}]}

Every write is the office's (``policy.require_manage``), audited in its transaction.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from docx import Document

from gongkai.audit import log as audit
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.plans import board
from gongkai.plans.bulletin_docx import write_docx
from gongkai.plans.models import Bulletin, BulletinStatus, Plan, PlanStatus
from gongkai.records import services as records
from gongkai.records.models import Column, Record, RecordKind
from gongkai.rules import board as rules
from gongkai.rules.docnumber import DocNumberError, normalize_doc_number
from gongkai.rules.uploads import UploadLimits, check_upload, extension_of

DENIED = "督查通报由公开办管理员起草、修改和印发。"
ENTRY_FIELDS = ("item", "unit", "person", "facts", "requirement")
TEXT_FIELDS = ("summary", "closing", "issuer")
MAX_TEXT = 5000
RECORD_COLUMNS = ("通知公告", "工作动态", "政务动态")  # where a published bulletin goes by default
CLOSING = (
    "各单位要对照本通报指出的问题，认真分析原因，切实落实整改，按要求报送整改情况。"
    "对整改不力的，将视情向社会公开督查存在问题的事项名称、责任单位、责任人、推进落实不力主要事实、整改要求等内容。"
)


def _require_office(actor: ServiceActor) -> None:
    policy.require_manage(actor, DENIED)


def _require_draft(bulletin: Bulletin) -> None:
    if bulletin.status != BulletinStatus.DRAFT:
        raise ValidationError("该通报已印发，不能再修改。")


# -- the snapshot -------------------------------------------------------------------------------


def _tally_fields(value: rules.Tally) -> dict[str, Any]:
    return {
        "total": value.total, "handed_in": value.handed_in, "done": value.done, "advanced": value.advanced,
        "accepted": value.accepted, "overdue": value.overdue, "handed_in_rate": value.handed_in_rate,
        "completion": value.completion, "advanced_rate": value.advanced_rate,
    }


def _item_name(row: Mapping[str, Any]) -> str:
    task, text = (row["item__task"] or "").strip(), (row["item__text"] or "").strip()
    return f"{task}：{text}" if task and task != text else text


def _liaisons(unit_ids: Sequence[int]) -> dict[int, str]:
    units = Unit.objects.filter(pk__in=unit_ids, liaison__isnull=False).select_related("liaison")
    # The name only: an account name is no 责任人 and must not reach a published document.
    return {unit.pk: unit.liaison.full_name for unit in units if unit.liaison and unit.liaison.full_name}


def entries(scope: board.Scope, unit_order: Sequence[int]) -> list[dict[str, Any]]:
    """One entry per unit and item not advanced by the cutoff, in registry order then item order."""
    grouped: dict[tuple[int, int], list[Mapping[str, Any]]] = {}
    for row in board.shortfall_slots(scope):
        grouped.setdefault((row["unit_id"], row["item_id"]), []).append(row)
    position = {unit_id: index for index, unit_id in enumerate(unit_order)}
    liaisons = _liaisons(sorted({unit_id for unit_id, _ in grouped}))
    result = []
    for (unit_id, item_id), rows in sorted(grouped.items(), key=lambda pair: (position.get(pair[0][0], 0), pair[0][1])):
        slots = [rules.Slot(row["due_on"], row["report_state"], row["report_status"], row["reason"] or "") for row in rows]
        found = rules.Shortfalls.of(slots, scope.today, scope.plan.given_on)
        if not found:
            continue
        result.append({
            "unit_id": unit_id, "item_id": item_id, "item": _item_name(rows[0]), "unit": rows[0]["unit__name"],
            "number": rows[0]["item__number"], "person": liaisons.get(unit_id, ""),
            "facts": rules.facts_text(found, scope.cutoff or scope.today),
            "requirement": rules.requirement_text(found), "kinds": found.kinds, "included": True,
        })
    return result


def snapshot(plan: Plan, cutoff: date, today: date, issuer: str) -> dict[str, Any]:
    """What the bulletin says at ``cutoff``, seen on ``today``."""
    scope = board.Scope(plan=plan, cutoff=cutoff, today=today)
    units = board.by_unit(scope)
    overall = rules.total(row.tally for row in units)
    ranked = rules.rank({row.key: row.tally for row in units}, {row.key: row.name for row in units})
    found = entries(scope, [row.key for row in units])
    return {
        "cutoff": cutoff.isoformat(), "generated_on": today.isoformat(), "issuer": issuer,
        "overall": {"units": len(units), **_tally_fields(overall)},
        "summary": summary_text(plan, cutoff, len(units), overall, len(found)),
        "closing": CLOSING,
        "ranking": [{"rank": r.rank, "unit_id": r.key, "unit": r.name, **_tally_fields(r.tally)} for r in ranked],
        "entries": found,
    }


def summary_text(plan: Plan, cutoff: date, units: int, overall: rules.Tally, entry_count: int) -> str:
    return (
        f"截至{rules.day_text(cutoff)}，《{plan.title}》涉及的{units}个单位应报送进展情况{overall.total}期次，"
        f"已报送{overall.handed_in}期次，报送率{overall.handed_in_rate:g}%；其中填报为已完成的{overall.done}期次，"
        f"完成率{overall.completion:g}%；逾期未报送{overall.overdue}期次。"
        + (f"经督查，推进落实不力的事项共{entry_count}项（见附件）。" if entry_count else "经督查，未发现推进落实不力的事项。")
    )


def default_title(plan: Plan, cutoff: date) -> str:
    return f"关于《{plan.title}》落实情况的督查通报（截至{rules.day_text(cutoff)}）"[:200]


@transaction.atomic
def create_bulletin(plan: Plan, cutoff: date, actor: ServiceActor) -> Bulletin:
    """A draft bulletin of ``plan`` for the periods due by ``cutoff``, snapshotted now."""
    _require_office(actor)
    if plan.status != PlanStatus.PUBLISHED:
        raise ValidationError("方案尚未发布，还没有进展可以通报。")
    if cutoff not in board.due_dates(plan):
        raise ValidationError(f"{rules.day_text(cutoff)}不是本方案的报送截止日期，请从列表中选择。")
    user = policy.require_actor(actor)
    issuer = user.unit.name if user is not None and user.unit_id else plan.issuer
    bulletin = Bulletin.objects.create(
        plan=plan, cutoff=cutoff, title=default_title(plan, cutoff), created_by=user,
        content=snapshot(plan, cutoff, timezone.localdate(), issuer),
    )
    audit.record("plan_bulletin_created", bulletin, after={
        "plan": plan.pk, "cutoff": cutoff, "entries": len(bulletin.content["entries"]),
    })
    return bulletin


# -- the office's edits -------------------------------------------------------------------------


def _clean_text(label: str, value: Any) -> str:
    text = str(value or "").strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(f"{label}不能超过 {MAX_TEXT} 字。")
    return text


def _clean_doc_number(value: Any) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        return normalize_doc_number(text)
    except DocNumberError as error:
        raise ValidationError(f"文号：{error}") from error


def _edited_entries(
    current: list[dict[str, Any]], edits: Sequence[Mapping[str, Any]] | Mapping[int, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The entries with ``edits`` applied: a list as long as the draft's, or (one page of the
    form) a mapping from entry index to its edits."""
    if not isinstance(edits, Mapping):
        if len(edits) != len(current):
            raise ValidationError("通报事项的数量与草稿不一致，请刷新页面后重新编辑。")
        edits = dict(enumerate(edits))
    if any(not 0 <= index < len(current) for index in edits):
        raise ValidationError("通报事项的数量与草稿不一致，请刷新页面后重新编辑。")
    result = [dict(entry) for entry in current]
    for index, edit in edits.items():
        result[index] = _edited_entry(result[index], edit, index + 1)
    return result


ENTRY_LABELS = {"item": "事项名称", "unit": "责任单位", "person": "责任人", "facts": "主要事实", "requirement": "整改要求"}


def _edited_entry(entry: dict[str, Any], edit: Mapping[str, Any], number: int) -> dict[str, Any]:
    for name in ENTRY_FIELDS:
        if name in edit:
            entry[name] = _clean_text(f"第 {number} 项的{ENTRY_LABELS[name]}", edit[name])
    if "included" in edit:
        entry["included"] = bool(edit["included"])
    if entry["included"] and not (entry["item"] and entry["unit"]):
        raise ValidationError(f"第 {number} 项：列入通报的事项须有事项名称和责任单位。")
    return entry


@transaction.atomic
def update_content(bulletin: Bulletin, data: Mapping[str, Any], actor: ServiceActor) -> Bulletin:
    """Save the office's edits: ``title``, ``doc_number``, ``summary``, ``closing``, ``issuer``
    and ``entries`` (a list as long as the draft's, or a mapping from entry index to edits, each
    with any of ``ENTRY_FIELDS`` and ``included``). The numbers (overall, ranking) stay as
    snapshotted."""
    _require_office(actor)
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    _require_draft(bulletin)
    before = {"title": bulletin.title, "doc_number": bulletin.doc_number}
    content = dict(bulletin.content)
    if "title" in data:
        bulletin.title = _clean_text("标题", data["title"])[:200]
        if not bulletin.title:
            raise ValidationError("请填写通报标题。")
    if "doc_number" in data:
        bulletin.doc_number = _clean_doc_number(data["doc_number"])
    labels = {"summary": "总体情况", "closing": "有关要求", "issuer": "发文单位"}
    for name in TEXT_FIELDS:
        if name in data:
            content[name] = _clean_text(labels[name], data[name])
    if "entries" in data:
        content["entries"] = _edited_entries(list(content.get("entries", [])), data["entries"])
    bulletin.content = content
    bulletin.save(update_fields=["title", "doc_number", "content"])
    audit.record("plan_bulletin_edited", bulletin, before=before, after={
        "title": bulletin.title, "doc_number": bulletin.doc_number,
        "included": sum(1 for entry in content.get("entries", []) if entry.get("included")),
    })
    return bulletin


# -- the document -------------------------------------------------------------------------------


def render_docx(bulletin: Bulletin) -> bytes:
    """The bulletin generated from its content, as the office would issue it."""
    issued_on = timezone.localtime(bulletin.issued_at).date() if bulletin.issued_at else timezone.localdate()
    return write_docx(bulletin.title, bulletin.doc_number, bulletin.content, issued_on)


def document_bytes(bulletin: Bulletin) -> bytes:
    """The .docx to download: the uploaded (or issued) file if there is one, else generated."""
    if bulletin.document:
        with bulletin.document.open("rb") as stored:
            return stored.read()
    return render_docx(bulletin)


def _check_docx(name: str, content: bytes) -> str:
    verdict = check_upload(name, content, UploadLimits(max_bytes=settings.GONGKAI_UPLOAD_MAX_BYTES))
    if not verdict.ok:
        raise ValidationError(verdict.message)
    if extension_of(verdict.name) != "docx":
        raise ValidationError(f"“{verdict.name}”不是 Word 文档（.docx），请在 Word 中另存为 .docx 后上传。")
    try:
        Document(io.BytesIO(content))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise ValidationError(f"“{verdict.name}”无法作为 Word 文档打开，可能已损坏，请在 Word 中另存为 .docx 后重新上传。") from error
    except Exception as error:  # python-docx raises its own and lxml's errors on broken parts
        raise ValidationError(f"“{verdict.name}”无法作为 Word 文档打开（{type(error).__name__}），请在 Word 中另存为 .docx 后重新上传。") from error
    return verdict.name


@transaction.atomic
def replace_document(bulletin: Bulletin, name: str, content: bytes, actor: ServiceActor) -> Bulletin:
    """The office's Word-edited version replaces the generated one; it is what will be issued.
    A file that is not a readable .docx is refused and nothing changes."""
    _require_office(actor)
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    _require_draft(bulletin)
    shown = _check_docx(name, content)
    previous = bulletin.document.name if bulletin.document else ""
    bulletin.document.save(f"{uuid.uuid4().hex}.docx", ContentFile(content), save=False)
    bulletin.save(update_fields=["document"])
    audit.record("plan_bulletin_document_uploaded", bulletin, before={"document": previous},
                 after={"name": shown, "size": len(content)})
    return bulletin


@transaction.atomic
def discard_document(bulletin: Bulletin, actor: ServiceActor) -> Bulletin:
    """Drop the uploaded version: the bulletin is generated from its content again."""
    _require_office(actor)
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    _require_draft(bulletin)
    if not bulletin.document:
        return bulletin
    previous = bulletin.document.name
    bulletin.document = ""
    bulletin.save(update_fields=["document"])
    audit.record("plan_bulletin_document_discarded", bulletin, before={"document": previous})
    return bulletin


# -- issuing ------------------------------------------------------------------------------------


def publishing_unit(plan: Plan, actor: ServiceActor) -> Unit:
    user = policy.require_actor(actor)
    unit = user.unit if user is not None and user.unit_id else plan.issuer_unit
    if unit is None:
        raise ValidationError("无法确定发布单位：请以公开办所在单位的账号操作。")
    return unit


def default_column(unit: Unit) -> Column | None:
    columns = {column.name: column for column in unit.columns.filter(is_active=True, name__in=RECORD_COLUMNS)}
    return next((columns[name] for name in RECORD_COLUMNS if name in columns), None)


@transaction.atomic
def issue_bulletin(
    bulletin: Bulletin, actor: ServiceActor, publish_as_record: bool = False, column: Column | None = None,
    *, accept_remaining: bool = False,
) -> Bulletin:
    """Issue the bulletin: its final .docx (uploaded, or generated now) is kept; with
    ``publish_as_record`` it is also published as a record of the office's unit in ``column``
    (default 通知公告/工作动态), the .docx attached. ``accept_remaining`` is the office's
    confirmation that what the privacy scan still flags may be published (e.g. 责任人 names)."""
    _require_office(actor)
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    _require_draft(bulletin)
    bulletin.issued_at = timezone.now()
    bulletin.status = BulletinStatus.ISSUED
    final = document_bytes(bulletin)
    if publish_as_record:  # first: if it is refused, no file is left behind
        bulletin.record = _publish_record(bulletin, final, actor, column, accept_remaining)
    if not bulletin.document:
        bulletin.document.save(f"{uuid.uuid4().hex}.docx", ContentFile(final), save=False)
    bulletin.save(update_fields=["issued_at", "document", "status", "record"])
    audit.record("plan_bulletin_issued", bulletin, after={
        "title": bulletin.title, "doc_number": bulletin.doc_number, "record": bulletin.record_id,
    })
    return bulletin


def _publish_record(
    bulletin: Bulletin, document: bytes, actor: ServiceActor, column: Column | None, accept_remaining: bool
) -> Record:
    user = policy.require_actor(actor)
    unit = publishing_unit(bulletin.plan, actor)
    column = column or default_column(unit)
    if column is None:
        raise ValidationError(f"{unit.name}的目录中没有“通知公告”或“工作动态”栏目，请选择发布栏目。")
    content = bulletin.content
    body = "\n".join(part for part in (content.get("summary", ""), content.get("closing", ""), "通报全文见附件。") if part)
    record = records.create_record(unit, {
        "kind": RecordKind.GENERAL, "title": bulletin.title, "summary": content.get("summary", "")[:500],
        "publisher": content.get("issuer") or unit.name, "doc_number": bulletin.doc_number,
        "written_on": timezone.localtime(bulletin.issued_at).date(), "genre": "通报", "body": body,
    }, columns=[column], actor=user)
    records.add_attachment(record, f"{bulletin.title[:150]}.docx", document, actor=user)
    records.submit_record(record, actor=user)
    return records.publish_record(record, actor=user, accept_remaining=accept_remaining)
