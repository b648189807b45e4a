"""The write path of assessment: systems, rounds, 自评 with evidence, the evaluators' stages and
publication. Each function checks who acts, applies ``gongkai.rules.assessment``, writes and
audits in one transaction; bad input raises ``ValidationError`` in Chinese, nothing half-saved."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.assessment import access
from gongkai.assessment.awards_docx import AWARDS_TITLE
from gongkai.assessment.models import (
    Evidence,
    EvidenceKind,
    Indicator,
    IndicatorSystem,
    Participant,
    Round,
    RoundKind,
    RoundStatus,
    ScoreEntry,
)
from gongkai.audit.log import record as audit
from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import Role, Unit, User
from gongkai.orgs.policy import ServiceActor, policy
from gongkai.plans.models import ProgressReport, ReportState
from gongkai.records import services as records
from gongkai.records.models import Column, Record
from gongkai.rules.assessment import indicators as rules
from gongkai.rules.assessment.rounds import check_stage_dates
from gongkai.rules.assessment.scoring import STAGE_LABELS, Entry, Stage, check_entry, missing_leaves
from gongkai.rules.assessment.seed001 import seed001_system
from gongkai.rules.assessment.sheet import read_system
from gongkai.rules.awards import AwardResult
from gongkai.rules.uploads import UploadLimits, check_upload, extension_of

HANDED_IN = (ReportState.SUBMITTED, ReportState.ACCEPTED)


def _office(actor: ServiceActor, message: str) -> User | None:
    return policy.require_manage(actor, message)


# -- indicator systems ----------------------------------------------------------------------


@transaction.atomic
def import_system(content: bytes, name: str, *, source_name: str = "", actor: ServiceActor) -> IndicatorSystem:
    """A system from the .xlsx ``content``; a bad sheet is refused whole, each row named."""
    _office(actor, "只有公开办管理员可以导入指标体系。")
    try:
        system = read_system(content, name.strip() or source_name or "未命名指标体系")
    except rules.IndicatorSystemError as error:
        raise ValidationError([problem.describe() for problem in error.problems]) from None
    return _save_system(system, source_name)


@transaction.atomic
def create_demo_system(*, actor: ServiceActor) -> IndicatorSystem:
    """Seed 001's indicators, with the points the demo assumes (its note says which)."""
    _office(actor, "只有公开办管理员可以导入指标体系。")
    return _save_system(seed001_system(), "六政务公开办〔2017〕2号")


def _save_system(system: rules.IndicatorSystem, source_name: str) -> IndicatorSystem:
    saved = IndicatorSystem.objects.create(name=system.name[:200], note=system.note, source_name=source_name[:255])
    Indicator.objects.bulk_create(
        Indicator(system=saved, code=item.code, name=item.name[:300], points=item.points, guide=item.guide,
                  classes=sorted(cls.value for cls in item.classes), key_area=item.key_area, measure=item.measure,
                  order=order)
        for order, item in enumerate(system.indicators)
    )
    audit("assessment_system_imported", saved, after={
        "name": saved.name, "leaves": len(system.leaves()), "source": source_name,
    })
    return saved


# -- rounds ---------------------------------------------------------------------------------


@transaction.atomic
def open_round(*, system: IndicatorSystem, title: str, kind: RoundKind | str, period_start: date,
               period_end: date, opens_on: date, due: Mapping[Stage, date], units: Iterable[Unit],
               evaluators: Iterable[User] = (), actor: ServiceActor) -> Round:
    """A round on ``system`` for ``units``, each scored as its 考评类别, stages ending on working days."""
    _office(actor, "只有公开办管理员可以发起考评。")
    chosen, people = list(units), list(evaluators)
    problems = check_stage_dates(opens_on, due, working_calendar())
    if period_end < period_start:
        problems.append("考评期间的结束日期早于开始日期")
    if not chosen:
        problems.append("请至少选择一个参评单位")
    problems += _unit_problems(system.as_rules(), chosen)
    problems += [f"{person}不是评估人，不能分配评估任务" for person in people if not person.has_role(Role.EVALUATOR)]
    if problems:
        raise ValidationError(problems)
    round_ = Round.objects.create(
        system=system, title=title.strip()[:200], kind=str(kind), period_start=period_start,
        period_end=period_end, opens_on=opens_on, self_due=due[Stage.SELF], collect_due=due[Stage.COLLECT],
        recheck_due=due[Stage.RECHECK], approve_due=due[Stage.APPROVE],
    )
    for unit in chosen:
        participant = Participant.objects.create(round=round_, unit=unit, category=unit.category)
        participant.evaluators.set(people)
    audit("assessment_round_opened", round_, after={
        "title": round_.title, "system": system.name, "units": [unit.name for unit in chosen],
        "evaluators": [str(person) for person in people],
        "due": {STAGE_LABELS[stage]: day for stage, day in due.items()},
    })
    return round_


@transaction.atomic
def assign_evaluators(participant: Participant, evaluators: Iterable[User], *, actor: ServiceActor) -> Participant:
    """The evaluators of one unit in a round (the office's choice, also outside third parties,
    who then see only the units assigned to them). What they signed stays signed; audited on
    the round, the office's record, not the unit's."""
    _office(actor, "只有公开办管理员可以分配评估人。")
    if participant.round.is_published:
        raise ValidationError("本轮考评结果已公布，不能再分配评估人")
    people = list(evaluators)
    problems = [f"{person}不是评估人，不能分配评估任务" for person in people if not person.has_role(Role.EVALUATOR)]
    if problems:
        raise ValidationError(problems)
    before = sorted(str(person) for person in participant.evaluators.all())
    participant.evaluators.set(people)
    after = sorted(str(person) for person in people)
    if before != after:
        audit("assessment_evaluators_assigned", participant.round, before={"unit": participant.unit.name,
                                                                           "evaluators": before},
              after={"unit": participant.unit.name, "evaluators": after})
    return participant


def _unit_problems(system: rules.IndicatorSystem, units: list[Unit]) -> list[str]:
    problems = []
    for unit in units:
        if not unit.category:
            problems.append(f"{unit.name}没有考评类别，请先在单位名录中设置")
        elif not system.leaves(rules.UnitCategory(unit.category)):
            problems.append(f"指标体系中没有适用于{unit.get_category_display()}（{unit.name}）的指标")
    return problems


# -- score entries --------------------------------------------------------------------------


def leaf_entries(participant: Participant) -> dict[str, dict[Stage, Entry]]:
    """Each leaf's latest entry per stage (a correction within a stage supersedes, never erases)."""
    entries: dict[str, dict[Stage, Entry]] = {}
    for row in participant.entries.order_by("signed_at", "id"):
        entries.setdefault(row.code, {})[Stage(row.stage)] = Entry(
            Stage(row.stage), row.score, row.note, str(row.signed_by_id or "")
        )
    return entries


def _leaf(participant: Participant, code: str) -> rules.Indicator:
    system = participant.round.system.as_rules()
    leaf = system.by_code.get(code)
    if leaf is None or not system.is_leaf(code) or participant.category not in {c.value for c in leaf.classes}:
        raise ValidationError(f"指标 {code} 不适用于{participant.unit.name}")
    return leaf


def _decimal(score: Any) -> Decimal:
    try:
        value = Decimal(str(score).strip())
    except InvalidOperation:
        raise ValidationError(f"得分“{score}”不是数字") from None
    if not value.is_finite():
        raise ValidationError(f"得分“{score}”不是数字")
    return value


def _enter(participant: Participant, code: str, stage: Stage, score: Any, note: str, user: User | None) -> ScoreEntry:
    leaf = _leaf(participant, code)
    value = _decimal(score)
    points = leaf.points if leaf.points is not None else Decimal(0)
    problems = check_entry(stage, value, points, note=note, signer=str(user.pk if user else ""),
                           earlier=leaf_entries(participant).get(code, {}))
    if problems:
        raise ValidationError(problems)
    entry = ScoreEntry.objects.create(participant=participant, code=code, stage=stage.value, score=value,
                                      note=note.strip(), signed_by=user)
    audit(f"assessment_score_{stage.value}", entry, after={
        "unit": participant.unit.name, "code": code, "stage": STAGE_LABELS[stage], "score": value, "note": entry.note,
    })
    return entry


@transaction.atomic
def enter_self_score(participant: Participant, code: str, score: Any, note: str = "", *,
                     actor: ServiceActor) -> ScoreEntry:
    """The unit's 自评 of one leaf, until it hands the self-assessment in."""
    user = policy.require_actor(actor)
    if user is not None and not access.may_self_assess(user, participant):
        raise PermissionDenied("只有本单位经办人可以填写自评。")
    _require_open(participant, Stage.SELF)
    return _enter(participant, code, Stage.SELF, score, note, user)


@transaction.atomic
def submit_self_assessment(participant: Participant, *, actor: ServiceActor) -> Participant:
    """Hand the 自评 in: every leaf of the unit's class has a self score."""
    user = policy.require_actor(actor)
    if user is not None and not access.may_self_assess(user, participant):
        raise PermissionDenied("只有本单位经办人可以提交自评。")
    if participant.submitted_at is not None:
        raise ValidationError("自评已提交")
    system = participant.round.system.as_rules()
    claimed = {code: stages[Stage.SELF].score for code, stages in leaf_entries(participant).items()
               if Stage.SELF in stages}
    missing = missing_leaves(system, rules.UnitCategory(participant.category), claimed)
    if missing:
        raise ValidationError(f"还有 {len(missing)} 项指标没有自评：{'、'.join(missing)}")
    participant.submitted_at = timezone.now()
    participant.save(update_fields=["submitted_at"])
    audit("assessment_self_submitted", participant, after={"unit": participant.unit.name, "leaves": len(claimed)})
    return participant


@transaction.atomic
def enter_score(participant: Participant, code: str, stage: Stage, score: Any, note: str = "", *,
                actor: ServiceActor) -> ScoreEntry:
    """An evaluator's 采集 or 复核, or the office's 审定, of one leaf."""
    user = policy.require_actor(actor)
    if stage is Stage.SELF:
        raise ValidationError("自评由单位填写")
    if stage is Stage.APPROVE:
        if user is not None and not policy.may_manage(user):
            raise PermissionDenied("审定由公开办进行。")
    elif user is not None and not access.may_evaluate(user, participant):
        raise PermissionDenied("您不是该单位的评估人。")
    _require_open(participant, stage)
    return _enter(participant, code, stage, score, note, user)


def _require_open(participant: Participant, stage: Stage) -> None:
    """What refuses a whole stage of the sheet, whatever the leaf: a published round, a 自评
    handed in, or scoring before the unit hands in (until its due date)."""
    if participant.round.is_published:
        raise ValidationError("本轮考评结果已公布，不能再修改评分")
    if stage is Stage.SELF and participant.submitted_at is not None:
        raise ValidationError("自评已提交，不能再修改")
    if stage is not Stage.SELF and participant.submitted_at is None and timezone.localdate() <= participant.round.self_due:
        raise ValidationError(f"{participant.unit.name}尚未提交自评，自评截止日期 {participant.round.self_due} 之后才能评分")


@transaction.atomic
def enter_sheet(participant: Participant, stage: Stage, scores: Mapping[str, tuple[str, str]], *,
                actor: ServiceActor) -> list[ScoreEntry]:
    """A whole stage of a unit's sheet at once (``scores``: leaf code → (score, note)): the
    leaves whose score or note differ from what the stage already holds, each signed as
    ``enter_self_score`` or ``enter_score`` would; one refused leaf refuses all, each named."""
    _require_open(participant, stage)
    current = leaf_entries(participant)
    entered, problems = [], []
    for code, (score, note) in scores.items():
        if not str(score).strip():
            continue
        held = current.get(code, {}).get(stage)
        if held is not None and held.note == note.strip() and _same_number(held.score, score):
            continue
        try:
            if stage is Stage.SELF:
                entered.append(enter_self_score(participant, code, score, note, actor=actor))
            else:
                entered.append(enter_score(participant, code, stage, score, note, actor=actor))
        except ValidationError as error:
            problems += [f"指标 {code}：{message}" for message in error.messages]
    if problems:
        raise ValidationError(problems)
    return entered


def _same_number(held: Decimal, score: Any) -> bool:
    try:
        return held == _decimal(score)
    except ValidationError:
        return False


# -- evidence -------------------------------------------------------------------------------


@transaction.atomic
def add_evidence(participant: Participant, code: str, *, title: str = "", record: Record | None = None,
                 plan_report: ProgressReport | None = None, url: str = "", file_name: str = "",
                 content: bytes = b"", actor: ServiceActor) -> Evidence:
    """One piece of evidence for a leaf: one of the unit's own published records, one of its
    progress reports on a plan item (handed in), a link or a file (checked by its content)."""
    user = policy.require_actor(actor)
    if user is not None and not access.may_self_assess(user, participant):
        raise PermissionDenied("只有本单位经办人可以添加佐证材料。")
    if participant.submitted_at is not None or participant.round.is_published:
        raise ValidationError("自评已提交，不能再添加佐证材料")
    _leaf(participant, code)
    evidence = Evidence(participant=participant, code=code, added_by=user)
    if record is not None:
        if record.unit_id != participant.unit_id or not record.is_public:
            raise ValidationError("只能引用本单位已主动公开的政府信息作为佐证")
        evidence.kind, evidence.record, evidence.title = EvidenceKind.RECORD, record, title or record.title[:200]
    elif plan_report is not None:
        if plan_report.unit_id != participant.unit_id or plan_report.state not in HANDED_IN:
            raise ValidationError("只能引用本单位已报送的工作要点进展报告作为佐证")
        evidence.kind, evidence.plan_report = EvidenceKind.PLAN_REPORT, plan_report
        evidence.title = title or f"进展报告：{plan_report.assignment.item.text[:60]}"
    elif url:
        if not url.startswith(("http://", "https://")):
            raise ValidationError("链接须以 http:// 或 https:// 开头")
        evidence.kind, evidence.url, evidence.title = EvidenceKind.URL, url[:500], title or url[:200]
    elif content:
        verdict = check_upload(file_name, content, UploadLimits(max_bytes=settings.GONGKAI_UPLOAD_MAX_BYTES))
        if not verdict.ok:
            raise ValidationError(verdict.message)
        evidence.kind, evidence.title = EvidenceKind.FILE, title or verdict.name
        evidence.file.save(f"{uuid.uuid4().hex}.{extension_of(verdict.name) or 'bin'}", ContentFile(content), save=False)
    else:
        raise ValidationError("请选择一条已公开的信息或进展报告、填写链接或上传文件")
    evidence.title = evidence.title.strip()[:200]
    evidence.save()
    audit("assessment_evidence_added", evidence, after={
        "unit": participant.unit.name, "code": code, "kind": evidence.get_kind_display(), "title": evidence.title,
    })
    return evidence


# -- the bonus of an earlier round's awards ------------------------------------------------


@transaction.atomic
def apply_bonus(source: Round, target: Round, bonus: Mapping[str, Decimal], ties: list[list[str]], *,
                actor: ServiceActor) -> list[str]:
    """Seed 001 三(四)2: the bonus points of ``source``'s awards (unit or 县区 name → points) count
    in the annual round ``target``. ``ties`` are those still undecided: the office must first
    record its decision on each (``assessment.ties``). Returns the names with a bonus that are
    not in ``target`` (nothing to credit them to)."""
    _office(actor, "只有公开办管理员可以计入表彰加分。")
    problems = []
    if not source.is_published:
        problems.append("表彰所依据的考评结果尚未公布")
    if target.pk == source.pk or target.kind != RoundKind.ANNUAL or target.is_published:
        problems.append("加分只能计入另一轮进行中的年度考评")
    if ties:
        problems.append("表彰结果有得分率相同的单位，请先决定其先后（在“得分与排名”中记录决定），再计入加分")
    if problems:
        raise ValidationError(problems)
    before = {p.unit.name: p.bonus for p in target.participants.select_related("unit") if p.bonus}
    credited, after = set(), {}
    for participant in target.participants.select_related("unit"):
        participant.bonus = bonus.get(participant.unit.name, Decimal(0))
        participant.save(update_fields=["bonus"])
        if participant.bonus:
            credited.add(participant.unit.name)
            after[participant.unit.name] = participant.bonus
    target.bonus_from = source
    target.save(update_fields=["bonus_from"])
    missing = sorted(name for name in bonus if name not in credited)
    audit("assessment_bonus_applied", target, before={"bonus": before}, after={
        "source": source.title, "bonus": after, "not_in_round": missing, "ties": ties,
    })
    return missing


@transaction.atomic
def issue_awards_record(round_: Round, outcome: AwardResult, docx: bytes, *, actor: ServiceActor) -> Record:
    """The 表彰通知 as a draft record of the office's own unit (通知公告), the notice attached; it
    is then reviewed and published as any record. Every tie must have been decided by the office."""
    user = _office(actor, "只有公开办管理员可以发布表彰通知。")
    if user is None or user.unit is None:
        raise ValidationError("发布表彰通知的管理员须属于公开办所在单位")
    if not round_.is_published:
        raise ValidationError("考评结果公布后才能发布表彰通知")
    if outcome.ties:
        raise ValidationError("表彰结果有得分率相同的单位，请先决定其先后（在“得分与排名”中记录决定），再发布表彰通知")
    column = Column.objects.filter(unit=user.unit, name="通知公告", is_active=True).first()
    named = "、".join(outcome.awarded) or "无"
    record = records.create_record(user.unit, {
        "title": AWARDS_TITLE, "written_on": timezone.localdate(), "genre": "通知",
        "body": f"<p>根据{round_.title}评估结果，授予以下单位“政务公开示范点建设先进单位”称号：{named}。</p>",
    }, columns=[column] if column else [], actor=user)
    records.add_attachment(record, f"{AWARDS_TITLE}.docx", docx, actor=user)
    audit("assessment_awards_issued", round_, after={"record": record.pk, "awarded": outcome.awarded,
                                                     "decided_ties": outcome.decided})
    return record


# -- publication ----------------------------------------------------------------------------


@transaction.atomic
def publish_round(round_: Round, *, actor: ServiceActor) -> Round:
    """Publish the results: every leaf of every unit 审定."""
    _office(actor, "只有公开办管理员可以公布考评结果。")
    if round_.is_published:
        raise ValidationError("本轮考评结果已公布")
    system = round_.system.as_rules()
    problems = []
    for participant in round_.participants.select_related("unit"):
        approved = {code: stages[Stage.APPROVE].score for code, stages in leaf_entries(participant).items()
                    if Stage.APPROVE in stages}
        missing = missing_leaves(system, rules.UnitCategory(participant.category), approved)
        if missing:
            problems.append(f"{participant.unit.name}还有 {len(missing)} 项指标未审定")
    if problems:
        raise ValidationError(problems)
    round_.status, round_.published_at = RoundStatus.PUBLISHED, timezone.now()
    round_.save(update_fields=["status", "published_at"])
    audit("assessment_round_published", round_, after={"title": round_.title})
    return round_
