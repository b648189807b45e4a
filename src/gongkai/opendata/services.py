"""The one write path of open data: every change in a transaction with its audit row.

Review as for records (records/transitions.py): a unit's clerk (单位经办人) creates a data set,
uploads its table and submits it; a reviewer (审核人) of the same unit, or the office, publishes
it or returns it with a comment; nobody but the office publishes what they submitted themselves.
A new version of a published data set is submitted and reviewed the same way, while the public
keeps seeing the version published before. A reviewer or the office withdraws a data set.

draft ─提交─▶ in_review ─发布─▶ published ─撤回─▶ withdrawn
  ▲              │  ▲  ▲             │                  │
  └────退回──────┘  │  └──提交新版本──┘                  │
                    └─────────重新提交（改正后）──────────┘

退回 a new version goes back to published, 退回 a resubmitted withdrawn data set back to withdrawn:
until a reviewer publishes it again, a withdrawn data set stays off the portal.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.log import record as audit
from gongkai.audit.log import snapshot
from gongkai.foi import dates
from gongkai.opendata.models import Dataset, DatasetStatus, DatasetVersion, PlanEntry, Source
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import Action, ServiceActor, policy
from gongkai.rules.opendata.sheet import SheetRefused, read_table

METADATA = ["title", "description", "theme", "frequency", "licence", "keywords", "source"]


def _require(actor: ServiceActor, action: Action, obj: Dataset | PlanEntry, message: str) -> Any:
    user = policy.require_actor(actor)
    if user is not None and not policy.may(user, action, obj):
        raise PermissionDenied(message)
    return user


def _locked(dataset: Dataset) -> Dataset:
    return Dataset.objects.select_for_update().get(pk=dataset.pk)


def latest_version(dataset: Dataset) -> DatasetVersion | None:
    return dataset.versions.order_by("-number").first()


def has_pending_version(dataset: Dataset) -> bool:
    latest = dataset.versions.order_by("-number").values_list("pk", flat=True).first()
    return latest is not None and latest != dataset.published_version_id


def has_pending_changes(dataset: Dataset) -> bool:
    """A published data set's new version or changed description, waiting to be submitted or reviewed."""
    return bool(dataset.pending_changes) or has_pending_version(dataset)


# --- the data set's description ----------------------------------------------------------------


def _keywords(raw: Any) -> list[str]:
    if isinstance(raw, str):
        raw = raw.replace("，", ",").replace("、", ",").replace(";", ",").split(",")
    return [word.strip()[:30] for word in raw if word and word.strip()][:10]


@transaction.atomic
def create_dataset(unit: Unit, data: Mapping[str, Any], *, actor: ServiceActor) -> Dataset:
    dataset = Dataset(unit=unit, slug=f"new-{uuid.uuid4().hex}")
    _require(actor, Action.CHANGE, dataset, "只有本单位经办人或公开办可以新建数据集。")
    for name in METADATA:
        if name in data:
            setattr(dataset, name, _keywords(data[name]) if name == "keywords" else data[name])
    dataset.full_clean(exclude=["slug"])
    dataset.save()
    dataset.slug = f"{unit.key}-{dataset.pk}".lower().replace("_", "-")
    dataset.save(update_fields=["slug"])
    audit("opendata_dataset_created", dataset, after=snapshot(dataset, ["slug", *METADATA]))
    return dataset


@transaction.atomic
def update_dataset(dataset: Dataset, data: Mapping[str, Any], *, actor: ServiceActor) -> Dataset:
    """The description of a draft changes at once; that of a published data set waits in
    ``pending_changes`` for review (its source, which names its download URL, stays as published)."""
    dataset = _locked(dataset)
    _require(actor, Action.CHANGE, dataset, "只有本单位经办人或公开办可以修改数据集。")
    if dataset.status not in EDITABLE:
        raise ValidationError(f"数据集{dataset.get_status_display()}，不能修改说明。")
    before = snapshot(dataset, METADATA)
    fields = METADATA if dataset.status == DatasetStatus.DRAFT else [name for name in METADATA if name != "source"]
    for name in fields:
        if name in data:
            setattr(dataset, name, _keywords(data[name]) if name == "keywords" else data[name])
    dataset.full_clean()
    after = snapshot(dataset, METADATA)
    if dataset.status == DatasetStatus.DRAFT:
        dataset.save()
        audit("opendata_dataset_changed", dataset, before=before, after=after)
        return dataset
    dataset.refresh_from_db(fields=fields)
    dataset.pending_changes = {name: after[name] for name in fields if after[name] != before[name]}
    dataset.save(update_fields=["pending_changes", "updated_at"])
    audit("opendata_dataset_change_proposed", dataset, before=before, after=dataset.pending_changes)
    return dataset


@transaction.atomic
def upload_version(dataset: Dataset, name: str, content: bytes, *, actor: ServiceActor) -> DatasetVersion:
    """A new version from an uploaded .xlsx or .csv, validated whole first: a bad sheet raises
    ``ValidationError`` with every problem (row and reason) and nothing is stored."""
    dataset = _locked(dataset)
    user = _require(actor, Action.CHANGE, dataset, "只有本单位经办人或公开办可以上传数据。")
    if dataset.source != Source.UPLOAD:
        raise ValidationError("该数据集来自平台自身的数据，下载时自动生成，不需上传。")
    if dataset.status not in EDITABLE:
        raise ValidationError(f"数据集{dataset.get_status_display()}，不能上传新版本。")
    try:
        table = read_table(name, content)
    except SheetRefused as refused:
        raise ValidationError([str(problem) for problem in refused.problems]) from None
    latest = latest_version(dataset)
    if latest is not None and latest.pk != dataset.published_version_id:
        latest.delete()  # a draft version not yet reviewed is replaced, not kept beside the new one
    number = (dataset.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = DatasetVersion.objects.create(
        dataset=dataset, number=number, file_name=name[:200], header=list(table.header),
        rows=[list(row) for row in table.rows], row_count=len(table.rows), uploaded_by=user,
    )
    audit("opendata_version_uploaded", dataset, after={
        "version": number, "file": version.file_name, "columns": list(table.header), "rows": version.row_count,
    })
    return version


# What a clerk may still change and send for review (a withdrawn data set, once corrected).
EDITABLE = (DatasetStatus.DRAFT, DatasetStatus.PUBLISHED, DatasetStatus.WITHDRAWN)


# --- review ------------------------------------------------------------------------------------


@transaction.atomic
def submit_dataset(dataset: Dataset, *, actor: ServiceActor) -> Dataset:
    dataset = _locked(dataset)
    user = _require(actor, Action.CHANGE, dataset, "只有本单位经办人或公开办可以提交数据集。")
    if dataset.status == DatasetStatus.PUBLISHED and not has_pending_changes(dataset):
        raise ValidationError("已发布的数据集没有待审核的新版本或说明修改。")
    if dataset.status not in EDITABLE:
        raise ValidationError(f"数据集{dataset.get_status_display()}，不能提交。")
    if dataset.source == Source.UPLOAD and latest_version(dataset) is None:
        raise ValidationError("请先上传数据表格（.xlsx 或 .csv）再提交审核。")
    before = dataset.status
    dataset.status, dataset.submitted_by, dataset.review_comment = DatasetStatus.IN_REVIEW, user, ""
    dataset.save(update_fields=["status", "submitted_by", "review_comment", "updated_at"])
    audit("opendata_dataset_submitted", dataset, before={"status": before}, after={"status": dataset.status})
    return dataset


def _require_review(dataset: Dataset, actor: ServiceActor, message: str) -> Any:
    user = _require(actor, Action.REVIEW, dataset, message)
    if dataset.status != DatasetStatus.IN_REVIEW:
        raise ValidationError(f"数据集{dataset.get_status_display()}，不在待审核状态。")
    return user


@transaction.atomic
def publish_dataset(dataset: Dataset, *, actor: ServiceActor) -> Dataset:
    dataset = _locked(dataset)
    user = _require_review(dataset, actor, "只有本单位审核人或公开办可以发布数据集。")
    if user is not None and not policy.may_manage(user) and dataset.submitted_by_id == user.pk:
        raise PermissionDenied("提交人不能审核发布自己提交的数据集。")
    version = latest_version(dataset)
    before = {"status": dataset.status, "version": dataset.published_version.number if dataset.published_version else None}
    dataset.published_version = version
    changes = dataset.pending_changes
    for name, value in changes.items():
        setattr(dataset, name, value)
    dataset.pending_changes = {}
    dataset.status, dataset.review_comment, dataset.withdrawn_reason = DatasetStatus.PUBLISHED, "", ""
    dataset.issued_on = dataset.issued_on or dates.today()
    dataset.modified_at = timezone.now()
    dataset.save()
    audit("opendata_dataset_published", dataset, before=before, after={
        "status": dataset.status, "version": version.number if version else None, "issued_on": dataset.issued_on,
        "changes": changes,
    })
    return dataset


@transaction.atomic
def return_dataset(dataset: Dataset, comment: str, *, actor: ServiceActor) -> Dataset:
    dataset = _locked(dataset)
    _require_review(dataset, actor, "只有本单位审核人或公开办可以退回数据集。")
    comment = comment.strip()[:500]
    if not comment:
        raise ValidationError("退回时请写明原因。")
    if dataset.withdrawn_reason:  # a withdrawn data set sent again: it stays withdrawn
        dataset.status = DatasetStatus.WITHDRAWN
    else:
        dataset.status = DatasetStatus.PUBLISHED if dataset.issued_on else DatasetStatus.DRAFT
    dataset.review_comment = comment
    dataset.save(update_fields=["status", "review_comment", "updated_at"])
    audit("opendata_dataset_returned", dataset, before={"status": DatasetStatus.IN_REVIEW},
          after={"status": dataset.status, "comment": comment})
    return dataset


@transaction.atomic
def withdraw_dataset(dataset: Dataset, reason: str, *, actor: ServiceActor) -> Dataset:
    dataset = _locked(dataset)
    _require(actor, Action.REVIEW, dataset, "只有本单位审核人或公开办可以撤回数据集。")
    reason = reason.strip()[:500]
    if not dataset.is_public:
        raise ValidationError("只有已发布的数据集可以撤回。")
    if not reason:
        raise ValidationError("撤回时请写明原因。")
    before = dataset.status
    dataset.status, dataset.withdrawn_reason = DatasetStatus.WITHDRAWN, reason
    dataset.save(update_fields=["status", "withdrawn_reason", "updated_at"])
    audit("opendata_dataset_withdrawn", dataset, before={"status": before}, after={"status": dataset.status, "reason": reason})
    return dataset


# --- the yearly opening plan -------------------------------------------------------------------


@dataclass(frozen=True)
class PlanEntryData:
    year: int
    title: str
    theme: str
    planned_on: date
    dataset: Dataset | None = None
    note: str = ""


# What an entry says, as its audit rows show it (its unit stays; the year is fixed when it is added).
PLAN_FIELDS = ("title", "theme", "planned_on", "dataset", "note")


@transaction.atomic
def add_plan_entry(unit: Unit, data: PlanEntryData, *, actor: ServiceActor) -> PlanEntry:
    entry = PlanEntry(unit=unit, year=data.year, title=data.title.strip(), theme=data.theme,
                      planned_on=data.planned_on, dataset=data.dataset, note=data.note.strip())
    _require(actor, Action.CHANGE, entry, "只有本单位经办人或公开办可以编制本单位的开放计划。")
    _check_entry(entry)
    entry.full_clean()
    entry.save()
    audit("opendata_plan_entry_added", entry, after=snapshot(entry, ["year", *PLAN_FIELDS]))
    return entry


def _check_entry(entry: PlanEntry) -> None:
    if entry.planned_on.year != entry.year:
        raise ValidationError(f"计划开放日期应在 {entry.year} 年内。")
    if entry.dataset is not None and entry.dataset.unit_id != entry.unit_id:
        raise ValidationError("只能对应本单位的数据集。")


@transaction.atomic
def link_plan_entry(entry: PlanEntry, dataset: Dataset | None, *, actor: ServiceActor) -> PlanEntry:
    """Say which data set opens the entry (or none)."""
    entry = PlanEntry.objects.select_for_update().get(pk=entry.pk)
    _require(actor, Action.CHANGE, entry, "只有本单位经办人或公开办可以修改本单位的开放计划。")
    before = {"dataset": entry.dataset}
    entry.dataset = dataset
    _check_entry(entry)
    entry.save(update_fields=["dataset"])
    audit("opendata_plan_entry_linked", entry, before=before, after={"dataset": dataset})
    return entry


@transaction.atomic
def update_plan_entry(entry: PlanEntry, data: PlanEntryData, *, actor: ServiceActor) -> PlanEntry:
    """Change an entry in place (its unit and year stay): a new date or title is in the audit log
    with the one before, so that a plan moved late is seen as moved, not as always planned so."""
    entry = PlanEntry.objects.select_for_update().get(pk=entry.pk)
    _require(actor, Action.CHANGE, entry, "只有本单位经办人或公开办可以修改本单位的开放计划。")
    before = snapshot(entry, list(PLAN_FIELDS))
    entry.title, entry.theme, entry.planned_on = data.title.strip(), data.theme, data.planned_on
    entry.dataset, entry.note = data.dataset, data.note.strip()
    _check_entry(entry)
    entry.full_clean()
    entry.save()
    audit("opendata_plan_entry_changed", entry, before=before, after=snapshot(entry, list(PLAN_FIELDS)))
    return entry


@transaction.atomic
def remove_plan_entry(entry: PlanEntry, *, actor: ServiceActor) -> None:
    _require(actor, Action.CHANGE, entry, "只有本单位经办人或公开办可以修改本单位的开放计划。")
    audit("opendata_plan_entry_removed", entry, before=snapshot(entry, ["year", "title", "planned_on"]))
    entry.delete()
