"""Assessment in the staff console: the office's systems and rounds with progress by unit; a
unit's sheet (its 自评 and evidence; its scores once published); the evaluators' stages.
Thin views: every write goes through ``gongkai.assessment.services``; a sheet outside the
user's scope is a 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.assessment import access, awarding, measures, results, services, ties
from gongkai.assessment.awards_docx import awards_docx
from gongkai.assessment.forms import (
    BonusForm,
    EvaluatorsForm,
    EvidenceForm,
    RoundForm,
    SystemImportForm,
    TieDecisionForm,
    own_plan_reports,
    own_published_records,
    plan_report_label,
)
from gongkai.assessment.models import EvidenceKind, IndicatorSystem, Participant, Round
from gongkai.calendars.service import working_calendar
from gongkai.orgs.policy import policy
from gongkai.rules.assessment.measures import Measure, suggested_points
from gongkai.rules.assessment.scoring import (
    EVALUATOR_STAGES,
    STAGE_LABELS,
    STAGE_ORDER,
    Stage,
    previous_stage,
    shown,
)
from gongkai.rules.assessment.sheet import write_system

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _require_office(request: HttpRequest) -> None:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以管理考评。")


def _attempt(request: HttpRequest, call: Callable[[], object], success: str) -> None:
    """Run one service call: its refusal becomes messages a clerk can act on, its success one."""
    try:
        call()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    return render(request, "assessment/round_list.html", {
        "rounds": access.visible_rounds(request.user), "may_manage": policy.may_manage(request.user),
    })


@login_required
def system_list(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = SystemImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            system = services.import_system(upload.read(), form.cleaned_data["name"] or upload.name.rsplit(".", 1)[0],
                                            source_name=upload.name, actor=request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, f"已导入指标体系“{system.name}”。")
            return redirect("assessment:systems")
    systems = IndicatorSystem.objects.annotate(n=Count("indicators"))
    return render(request, "assessment/system_list.html", {"form": form, "systems": systems})


@login_required
@require_POST
def system_demo(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    system = services.create_demo_system(actor=request.user)
    messages.success(request, f"已载入演示体系“{system.name}”。")
    return redirect("assessment:systems")


@login_required
def system_export(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    system = get_object_or_404(IndicatorSystem, pk=pk)
    return _download(write_system(system.as_rules()), XLSX, f"system-{system.pk}.xlsx")


@login_required
def round_open(request: HttpRequest) -> HttpResponse:
    _require_office(request)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.open_round(
                system=data["system"], title=data["title"], kind=data["kind"], period_start=data["period_start"],
                period_end=data["period_end"], opens_on=data["opens_on"], due=form.due(), units=data["units"],
                evaluators=data["evaluators"], actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "考评已发起，参评单位可以开始自评。")
            return redirect("assessment:round", pk=round_.pk)
    return render(request, "assessment/round_open.html", {"form": form})


def _visible_round(request: HttpRequest, pk: int) -> tuple[Round, Any]:
    round_ = get_object_or_404(Round.objects.select_related("system"), pk=pk)
    participants = access.visible_participants(request.user, round_)
    if not policy.may_manage(request.user) and not participants.exists():
        raise Http404("没有找到该考评。")
    return round_, participants


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_, participants = _visible_round(request, pk)
    system = round_.system.as_rules()
    stage_counts = {f"n_{stage.value}": Count("entries__code", filter=Q(entries__stage=stage), distinct=True)
                    for stage in STAGE_ORDER}
    rows = []
    for participant in participants.annotate(**stage_counts).prefetch_related("evaluators"):
        leaves = len(system.leaves(participant.category))
        rows.append({"participant": participant, "leaves": leaves,
                     "stages": [getattr(participant, f"n_{stage.value}") for stage in STAGE_ORDER]})
    return render(request, "assessment/round_detail.html", {
        "round": round_, "rows": rows, "stage_labels": [STAGE_LABELS[stage] for stage in STAGE_ORDER],
        "may_manage": policy.may_manage(request.user),
    })


@login_required
def participant_evaluators(request: HttpRequest, round_pk: int, pk: int) -> HttpResponse:
    """The office assigns or re-assigns the evaluators of one unit."""
    _require_office(request)
    participant = get_object_or_404(Participant.objects.select_related("round", "unit"), pk=pk, round_id=round_pk)
    form = EvaluatorsForm(request.POST or None, initial={"evaluators": list(participant.evaluators.all())})
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_evaluators(participant, form.cleaned_data["evaluators"], actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已更新{participant.unit.name}的评估人。")
            return redirect("assessment:round", pk=round_pk)
    return render(request, "assessment/evaluators.html", {"participant": participant, "round": participant.round,
                                                          "form": form})


@login_required
@require_POST
def round_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    round_ = get_object_or_404(Round, pk=pk)
    _attempt(request, lambda: services.publish_round(round_, actor=request.user),
             "考评结果已公布，各单位可以查看本单位的评分表。")
    return redirect("assessment:round", pk=pk)


@login_required
def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    round_ = get_object_or_404(Round.objects.select_related("system"), pk=pk)
    tables = results.round_results(round_)
    average = results.average_rate(tables)
    tie_forms = [TieDecisionForm(names=names) for names in ties.open_ties(round_)]
    return render(request, "assessment/results.html", {
        "round": round_, "tables": tables, "weight": shown(settings.GONGKAI_ASSESSMENT_WEIGHT),
        "average": (results.percent(average[0]), shown(average[1])) if average else None,
        "tie_forms": tie_forms, "decisions": round_.tie_decisions.select_related("decided_by"),
    })


MAX_TIED = 50


@login_required
@require_POST
def tie_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The office records the order of a group of tied units and why (issue 17: never silently)."""
    _require_office(request)
    round_ = get_object_or_404(Round, pk=pk)
    names = [name for name in request.POST.get("group", "")[:4000].split("、") if name][:MAX_TIED]
    form = TieDecisionForm(request.POST, names=names)
    if not form.is_valid():
        messages.error(request, "并列名次的决定未记录：" + "；".join(
            error for errors in form.errors.values() for error in errors))
        return redirect("assessment:results", pk=pk)
    _attempt(request, lambda: ties.decide_tie(round_, form.order(), form.cleaned_data["reason"], actor=request.user),
             f"已记录并列单位的先后：{'、'.join(form.order())}。")
    return redirect("assessment:results", pk=pk)


@login_required
def round_awards(request: HttpRequest, pk: int) -> HttpResponse:
    """Seed 001 三(四) on this round: who is named, the bonus points, the ties and why."""
    _require_office(request)
    round_ = get_object_or_404(Round.objects.select_related("system"), pk=pk)
    try:
        outcome, problems = awarding.round_awards(round_), []
    except ValidationError as error:
        outcome, problems = None, error.messages
    form = BonusForm(source=round_)
    return render(request, "assessment/awards.html", {
        "round": round_, "outcome": outcome, "problems": problems, "form": form,
        "decided": [(names, round_.tie_reasons().get(names[0], "")) for names in outcome.decided] if outcome else [],
        "may_apply": outcome is not None and outcome.bonus and form.fields["target"].queryset.exists(),
    })


@login_required
@require_POST
def round_bonus(request: HttpRequest, pk: int) -> HttpResponse:
    """The awards' bonus points into another annual round (seed 001 三(四)2)."""
    _require_office(request)
    round_ = get_object_or_404(Round, pk=pk)
    form = BonusForm(request.POST, source=round_)
    if not form.is_valid():
        messages.error(request, "请选择计入加分的年度考评。")
        return redirect("assessment:awards", pk=pk)
    target = form.cleaned_data["target"]
    try:
        outcome = awarding.round_awards(round_)
        missing = services.apply_bonus(round_, target, outcome.bonus, outcome.ties, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("assessment:awards", pk=pk)
    messages.success(request, f"表彰加分已计入“{target.title}”。")
    if missing:
        messages.warning(request, f"以下单位或县区不在“{target.title}”中，加分未计入：{'、'.join(missing)}")
    return redirect("assessment:results", pk=target.pk)


@login_required
@require_POST
def round_awards_record(request: HttpRequest, pk: int) -> HttpResponse:
    """The 表彰通知 issued as a draft record of the office, for the records' review and publication."""
    _require_office(request)
    round_ = get_object_or_404(Round, pk=pk)
    issuer = request.user.unit.name if request.user.unit else ""
    try:
        outcome = awarding.round_awards(round_)
        content = awards_docx(round_, outcome, issuer, timezone.localdate(), draft=False)
        record = services.issue_awards_record(round_, outcome, content, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("assessment:awards", pk=pk)
    messages.success(request, "表彰通知已生成为政府信息草稿，请检查后按发布流程报送审查。")
    return redirect("records:console_detail", pk=record.pk)


@login_required
def round_awards_docx(request: HttpRequest, pk: int) -> HttpResponse:
    _require_office(request)
    round_ = get_object_or_404(Round, pk=pk)
    try:
        outcome = awarding.round_awards(round_)
    except ValidationError as error:
        raise Http404("；".join(error.messages)) from None
    issuer = request.user.unit.name if request.user.unit else ""
    return _download(awards_docx(round_, outcome, issuer, timezone.localdate()), DOCX, f"round-{round_.pk}-awards.docx")


@login_required
def round_results_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The office's tables: the scores as .xlsx, the ranking as .docx."""
    _require_office(request)
    round_ = get_object_or_404(Round, pk=pk)
    if fmt == "docx":
        return _download(results.results_docx(round_), DOCX, f"round-{round_.pk}-scores.docx")
    return _download(results.results_xlsx(round_), XLSX, f"round-{round_.pk}-scores.xlsx")


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


def _visible_participant(request: HttpRequest, round_pk: int, pk: int) -> Participant:
    participant = get_object_or_404(
        Participant.objects.select_related("round__system", "unit"), pk=pk, round_id=round_pk
    )
    if not access.may_view(request.user, participant):
        raise Http404("没有找到该单位的评分表。")
    return participant


def _measured(participant: Participant, leaf: Any, found: dict[str, Any]) -> str:
    """What the platform measured for ``leaf`` and the points it suggests, for the evaluator
    (``found`` keeps each measure and the working calendar for the page)."""
    if not leaf.measure:
        return ""
    if leaf.measure not in found:
        if "calendar" not in found:
            found["calendar"] = working_calendar()
        found[leaf.measure] = measures.measure(participant, Measure(leaf.measure), calendar=found["calendar"])
    suggestion = suggested_points(leaf.points, found[leaf.measure])
    return found[leaf.measure].describe() + (f"；建议 {shown(suggestion)} 分" if suggestion is not None else "")


def evaluator_stages(user: Any, participant: Participant) -> list[Stage]:
    """The stages ``user`` may sign on this sheet: 采集 and 复核 for an assigned evaluator, and
    审定 too for the office; none once the round is published."""
    if participant.round.is_published or not access.may_evaluate(user, participant):
        return []
    return list(EVALUATOR_STAGES) if policy.may_manage(user) else [Stage.COLLECT, Stage.RECHECK]


def current_stage(stages: list[Stage], entries: dict[str, dict[Stage, Any]], codes: list[str]) -> Stage | None:
    """The first of ``stages`` some leaf still lacks (the last one when all are done)."""
    for stage in stages:
        if any(stage not in entries.get(code, {}) for code in codes):
            return stage
    return stages[-1] if stages else None


def _value(stages: dict[Stage, Any], stage: Stage) -> tuple[str, str]:
    """What the input of ``stage`` holds: its own entry, else the score of the stage before it
    (the evaluator agrees by saving, or changes it and gives the reason)."""
    if stage in stages:
        return shown(stages[stage].score), stages[stage].note
    before = previous_stage(stage)
    return (shown(stages[before].score) if before is not None and before in stages else ""), ""


def sheet_rows(participant: Participant, *, with_scores: bool, entering: Stage | None = None,
               posted: Any = None, system: Any = None, entries: Any = None) -> list[dict[str, Any]]:
    """One row per leaf of the unit's class: its parents, its entries (the 自评 always; the
    evaluators' and the platform's measures only ``with_scores``), its evidence and the value of
    the stage being ``entering`` (as ``posted`` when a refused form comes back)."""
    system = system or participant.round.system.as_rules()
    entries = services.leaf_entries(participant) if entries is None else entries
    evidence: dict[str, list[Any]] = {}
    for item in participant.evidence.select_related("record", "plan_report__assignment__item"):
        evidence.setdefault(item.code, []).append(item)
    rows, found = [], {}
    for leaf in system.leaves(participant.category):
        stages = entries.get(leaf.code, {})
        shown_stages = STAGE_ORDER if with_scores else (Stage.SELF,)
        value, note = _value(stages, entering) if entering is not None else ("", "")
        if posted is not None:
            value, note = posted.get(f"score-{leaf.code}", ""), posted.get(f"note-{leaf.code}", "")
        rows.append({
            "leaf": leaf, "parents": [parent.name for parent in system.ancestors(leaf.code)],
            "points": shown(leaf.points) if leaf.points is not None else "",
            "entries": [(STAGE_LABELS[stage], stages.get(stage), shown(stages[stage].score) if stage in stages else "")
                        for stage in shown_stages],
            "evidence": evidence.get(leaf.code, []),
            "measured": _measured(participant, leaf, found) if with_scores else "",
            "value": value, "note": note,
        })
    return rows


def _sheet_page(request: HttpRequest, participant: Participant, *, stage: Stage | None = None,
                posted: Any = None) -> HttpResponse:
    with_scores = access.may_see_scores(request.user, participant)
    may_self = (access.may_self_assess(request.user, participant) and not policy.may_manage(request.user)
                and participant.submitted_at is None and not participant.round.is_published)
    stages = evaluator_stages(request.user, participant)
    system, entries = participant.round.system.as_rules(), services.leaf_entries(participant)
    if stage not in stages:
        stage = current_stage(stages, entries, [leaf.code for leaf in system.leaves(participant.category)])
    entering = Stage.SELF if may_self else stage
    before = previous_stage(stage) if stage is not None else None
    return render(request, "assessment/sheet.html", {
        "participant": participant, "round": participant.round,
        "rows": sheet_rows(participant, with_scores=with_scores, entering=entering, posted=posted, system=system,
                           entries=entries),
        "with_scores": with_scores, "may_self": may_self, "bonus": shown(participant.bonus),
        "stage": stage, "stage_label": STAGE_LABELS[stage] if stage else "",
        "previous_label": STAGE_LABELS[before] if before else "",
        "stage_links": [(value.value, STAGE_LABELS[value]) for value in stages],
        "own_records": list(own_published_records(participant.unit)) if may_self else [],
        "own_reports": [(report.pk, plan_report_label(report))
                        for report in own_plan_reports(participant.unit, participant.round)] if may_self else [],
        "link_reports": policy.may_manage(request.user) or getattr(request.user, "unit_id", None) == participant.unit_id,
    })


@login_required
def sheet(request: HttpRequest, round_pk: int, pk: int) -> HttpResponse:
    participant = _visible_participant(request, round_pk, pk)
    return _sheet_page(request, participant, stage=_stage(request.GET.get("stage", "")))


def _stage(value: str) -> Stage | None:
    return next((stage for stage in Stage if stage.value == value), None)


@login_required
def evidence_file(request: HttpRequest, round_pk: int, pk: int, evidence_pk: int) -> FileResponse:
    """A file a unit gave as evidence: for whoever may see its sheet."""
    participant = _visible_participant(request, round_pk, pk)
    evidence = get_object_or_404(participant.evidence, pk=evidence_pk, kind=EvidenceKind.FILE)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.title)


def _back(participant: Participant, code: str = "") -> HttpResponse:
    url = reverse("assessment:sheet", args=[participant.round_id, participant.pk])
    return redirect(f"{url}#leaf-{code}" if code else url)


@login_required
@require_POST
def evidence_add(request: HttpRequest, round_pk: int, pk: int, code: str) -> HttpResponse:
    participant = _visible_participant(request, round_pk, pk)
    form = EvidenceForm(request.POST, request.FILES, unit=participant.unit, round_=participant.round)
    if not form.is_valid():
        messages.error(request, "佐证材料填写有误：" + "；".join(error for errors in form.errors.values() for error in errors))
        return _back(participant, code)
    upload = form.cleaned_data["file"]
    _attempt(request, lambda: services.add_evidence(
        participant, code, title=form.cleaned_data["title"], record=form.cleaned_data["record"],
        plan_report=form.cleaned_data["plan_report"], url=form.cleaned_data["url"], file_name=upload.name if upload else "",
        content=upload.read() if upload else b"", actor=request.user,
    ), f"已为指标 {code} 添加佐证材料。")
    return _back(participant, code)


@login_required
@require_POST
def self_submit(request: HttpRequest, round_pk: int, pk: int) -> HttpResponse:
    participant = _visible_participant(request, round_pk, pk)
    _attempt(request, lambda: services.submit_self_assessment(participant, actor=request.user),
             "自评已提交，等待评估。")
    return _back(participant)


def _posted_scores(request: HttpRequest, participant: Participant) -> dict[str, tuple[str, str]]:
    """The leaves' fields of a sheet form (score-CODE, note-CODE), bounded in length."""
    codes = [leaf.code for leaf in participant.round.system.as_rules().leaves(participant.category)]
    return {code: (request.POST.get(f"score-{code}", "")[:12], request.POST.get(f"note-{code}", "")[:2000])
            for code in codes}


@login_required
@require_POST
def sheet_scores(request: HttpRequest, round_pk: int, pk: int) -> HttpResponse:
    """The unit's 自评 or an evaluator's stage, all leaves at once; a refused sheet comes back
    with what was typed and each leaf's reason, nothing saved."""
    participant = _visible_participant(request, round_pk, pk)
    stage = _stage(request.POST.get("stage", ""))
    if stage is None:
        messages.error(request, "请选择评分阶段。")
        return _back(participant)
    try:
        entered = services.enter_sheet(participant, stage, _posted_scores(request, participant), actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _sheet_page(request, participant, stage=stage, posted=request.POST)
    if stage is Stage.SELF:
        messages.success(request, f"自评已保存（{len(entered)} 项有变动）。")
    else:
        messages.success(request, f"{STAGE_LABELS[stage]}分已签名保存（{len(entered)} 项有变动）。")
    return redirect(f"{reverse('assessment:sheet', args=[participant.round_id, participant.pk])}?stage={stage.value}")
