"""Records in the staff console: draft, attach, submit, 保密审查 with the privacy scan, publish,
and the record's later steps. Thin views: every write goes through ``gongkai.records.services``;
a record outside the user's scope is a 404, never a 403 (it does not exist for them)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.calendars.service import working_calendar
from gongkai.orgs.models import Role, Unit, User
from gongkai.orgs.policy import Action, policy
from gongkai.params import int_field, int_param
from gongkai.records import deadlines, exports, privacy, services
from gongkai.records.forms import (
    AttachmentForm,
    RecordForm,
    RepealForm,
    ReturnForm,
    SupersedeForm,
    WithdrawForm,
    initial_for,
)
from gongkai.records.models import Attachment, PublishingSettings, Record, RecordKind, RecordStatus
from gongkai.records.transitions import Step, steps_for
from gongkai.rules.richtext import MAX_BODY_CHARS, BodyError
from gongkai.rules.uploads import UploadLimits, check_upload_size


def scoped_records(user: Any) -> QuerySet[Record]:
    """What the console lists for ``user``: their unit's records (all states) for unit staff,
    everything for the office. Other units' published records are on the portal, not here."""
    records = Record.objects.select_related("unit")
    if policy.may_manage(user):
        return records
    if isinstance(user, User) and user.unit_id:
        return policy.scope(user, records.filter(unit_id=user.unit_id))
    return records.none()


def visible_record(request: HttpRequest, pk: int) -> Record:
    record = get_object_or_404(Record.objects.select_related("unit", "interprets"), pk=pk)
    if not policy.may(request.user, Action.VIEW, record) or (
        record.is_public and not (policy.may_manage(request.user) or record.unit_id == request.user.unit_id)
    ):
        raise Http404("没有找到该信息。")
    return record


@login_required
def record_list(request: HttpRequest) -> HttpResponseBase:
    records = scoped_records(request.user)
    status = request.GET.get("status", "")
    if status in RecordStatus.values:
        records = records.filter(status=status)
    if kind := request.GET.get("kind", ""):
        records = records.filter(kind=kind)
    if query := request.GET.get("q", "").strip():
        records = records.filter(Q(title__contains=query) | Q(doc_number__contains=query) | Q(index_number=query))
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:  # what the filters show, every row
        ordered = records.select_related(None).order_by("-updated_at", "-pk")
        return tabular.audited_export(fmt, "政府信息", "政府信息", exports.STAFF_HEADER,
                                       exports.rows(ordered, timezone.localdate(), staff=True), filters=request.GET)
    counts = dict(scoped_records(request.user).values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    page = Paginator(records.order_by("-updated_at", "-pk"), 30).get_page(request.GET.get("page"))
    export_query = request.GET.copy()
    export_query.pop("page", None)
    return render(request, "records/console_list.html", {
        "page": page, "status": status, "kind": kind, "q": query, "statuses": RecordStatus.choices,
        "export_query": export_query.urlencode(),
        "kinds": RecordKind.choices, "counts": counts, "may_draft": _may_draft(request.user),
        "may_manage": policy.may_manage(request.user),
    })


def _may_draft(user: Any) -> bool:
    return policy.may_manage(user) or (isinstance(user, User) and user.unit_id is not None and user.has_role(Role.CLERK))


@login_required
def record_create(request: HttpRequest) -> HttpResponse:
    if not _may_draft(request.user):
        raise PermissionDenied("只有单位经办人可以起草政府信息。")
    unit = None if policy.may_manage(request.user) and request.GET.get("unit") is None else request.user.unit
    if policy.may_manage(request.user) and (unit_id := int_param(request.GET, "unit", label="单位")):
        unit = get_object_or_404(Unit, pk=unit_id)
    if unit is None and not policy.may_manage(request.user):
        raise PermissionDenied("您的账号没有所属单位，不能起草信息。")
    if unit is None:
        return render(request, "records/choose_unit.html", {"units": Unit.objects.filter(is_active=True)})
    form = RecordForm(request.POST or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.create_record(
                unit, form.record_data(), columns=list(form.cleaned_data["columns"]), actor=request.user
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "草稿已保存。可以继续上传附件，完成后提交保密审查。")
            return redirect("records:console_detail", pk=record.pk)
    return render(request, "records/edit.html", {"form": form, "unit": unit, "record": None})


def _form_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@login_required
def record_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_record(request, pk)
    if not ({Step.EDIT.value, Step.CORRECT.value} & steps_for(request.user, record)):
        raise PermissionDenied("此信息当前不能由您修改。")
    # A published record is corrected on top of its pending correction, if one waits.
    form = RecordForm(request.POST or None, initial=initial_for(services.pending_version(record) or record,
                                                                services.pending_columns(record)),
                      user=request.user, unit=record.unit)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_record(
                record, form.record_data(), columns=list(form.cleaned_data["columns"]), actor=request.user
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "已保存。" if record.status != RecordStatus.PUBLISHED else
                             "更正已提交保密审查。审查通过前，门户网站和检索仍显示原发布的内容。")
            return redirect("records:console_detail", pk=record.pk)
    return render(request, "records/edit.html", {"form": form, "unit": record.unit, "record": record})


@login_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_record(request, pk)
    steps = steps_for(request.user, record)
    today = timezone.localdate()
    revised = services.pending_version(record)
    settings = PublishingSettings.current()
    calendar = working_calendar()
    return render(request, "records/console_detail.html", {
        "record": record, "steps": steps, "events": record.events.select_related("actor"),
        "attachments": record.attachments.all(), "columns": record.columns.select_related("parent"),
        "hits": _hits(request, record, steps),
        "unread": privacy.unread_attachments(record) if Step.MASK in steps or record.status == RecordStatus.IN_REVIEW else [],
        "revised": revised, "revision_hits": _scan(request, revised) if revised is not None else [],
        "due_on": deadlines.publication_due_on(record, calendar, settings.publication_workdays),
        "late": deadlines.lateness(record, today, calendar, settings.publication_workdays),
        "interpretations": record.interpretations.all(), "attachment_form": AttachmentForm(),
        "return_form": ReturnForm(), "withdraw_form": WithdrawForm(), "supersede_form": SupersedeForm(),
        "repeal_form": RepealForm(initial={"repealed_on": today}),
    })


def _hits(request: HttpRequest, record: Record, steps: set[str]) -> list[privacy.SourcedHit]:
    """The privacy scan's hits for whoever may act on them."""
    if Step.MASK not in steps and record.status != RecordStatus.IN_REVIEW:
        return []
    return _scan(request, record)


def _scan(request: HttpRequest, record: Record) -> list[privacy.SourcedHit]:
    """The privacy scan of ``record``; a body stored before the bounds of ``rules.richtext`` (too
    long or too deep to clean) is named instead of breaking the page."""
    try:
        return privacy.scan_record(record)
    except BodyError as error:
        messages.warning(request, f"{error}（此正文保存于限制生效之前，请修改正文后再提交审查。）")
        return []


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    record = visible_record(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的附件。")
        return redirect("records:console_detail", pk=record.pk)
    sized = check_upload_size(upload.name, upload.size, UploadLimits(max_bytes=_max_bytes()))
    try:
        if not sized.ok:
            raise ValidationError(sized.message)
        attachment = services.add_attachment(record, upload.name, upload.read(), actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"附件“{attachment.name}”已上传。")
    return redirect("records:console_detail", pk=record.pk)


def _max_bytes() -> int:
    from django.conf import settings

    return int(settings.GONGKAI_UPLOAD_MAX_BYTES)


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    record = visible_record(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, record=record)
    try:
        services.remove_attachment(attachment, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, "附件已删除。")
    return redirect("records:console_detail", pk=record.pk)


@login_required
def attachment_original(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """The original file, for the unit's staff and the office (the public may get the masked text)."""
    record = visible_record(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, record=record)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
@require_POST
def act(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    record = visible_record(request, pk)
    handler = _STEP_HANDLERS.get(step)
    if handler is None:
        raise Http404("没有这个操作。")
    try:
        message = handler(request, record)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    except BodyError as error:  # a body stored before the bounds: the scan cannot read it
        messages.error(request, str(error))
    else:
        messages.success(request, message)
        if step == Step.DELETE:
            return redirect("records:console_list")
    return redirect("records:console_detail", pk=record.pk)


def _submit(request: HttpRequest, record: Record) -> str:
    services.submit_record(record, actor=request.user)
    return "已提交保密审查，请等待本单位审核人审查。"


def _return(request: HttpRequest, record: Record) -> str:
    services.return_record(record, request.POST.get("comment", ""), actor=request.user)
    return "已退回经办人修改。"


def _publish(request: HttpRequest, record: Record) -> str:
    services.publish_record(record, actor=request.user, accept_remaining=request.POST.get("accept_remaining") == "1")
    return f"审查通过，已发布。索引号 {record.index_number}。"


def _mask(request: HttpRequest, record: Record) -> str:
    start = int_field(request.POST, "start", low=0, high=MAX_BODY_CHARS, label="命中位置")
    if start is None:
        raise ValidationError("请求无效，请刷新页面后重试。")
    masked = services.mask_pii(record, request.POST.get("source", ""), start, request.POST.get("matched", ""), actor=request.user)
    return f"已去标识化为“{masked}”。"


def _mask_all(request: HttpRequest, record: Record) -> str:
    count = services.mask_all_pii(record, actor=request.user)
    return f"已对 {count} 处疑似个人信息去标识化。"


def _approve_correction(request: HttpRequest, record: Record) -> str:
    services.approve_correction(record, actor=request.user, accept_remaining=request.POST.get("accept_remaining") == "1")
    return "更正审查通过，门户网站和检索已显示更正后的内容。"


def _return_correction(request: HttpRequest, record: Record) -> str:
    services.return_correction(record, request.POST.get("comment", ""), actor=request.user)
    return "已退回更正，公众看到的仍是原发布的内容。"


def _withdraw(request: HttpRequest, record: Record) -> str:
    services.withdraw_record(record, request.POST.get("reason", ""), actor=request.user)
    return "已撤回，门户网站和检索中不再显示。"


def _supersede(request: HttpRequest, record: Record) -> str:
    reference = request.POST.get("new_ref", "").strip()
    new = Record.objects.filter(index_number=reference).first()
    if new is None:
        raise ValidationError(f"没有找到索引号为“{reference}”的信息。")
    services.supersede_record(record, new, actor=request.user)
    return f"已标记为被“{new.title}”替代。"


def _repeal(request: HttpRequest, record: Record) -> str:
    form = RepealForm(request.POST)
    if not form.is_valid():
        raise ValidationError(form.errors.get("repealed_on") or "请填写有效的废止日期。")
    services.repeal_record(record, form.cleaned_data["repealed_on"], actor=request.user)
    return "已登记废止。"


def _delete(request: HttpRequest, record: Record) -> str:
    services.delete_draft(record, actor=request.user)
    return "草稿已删除。"


_STEP_HANDLERS = {
    Step.SUBMIT.value: _submit, Step.RETURN.value: _return, Step.PUBLISH.value: _publish,
    Step.MASK.value: _mask, "mask_all": _mask_all, Step.WITHDRAW.value: _withdraw,
    Step.SUPERSEDE.value: _supersede, Step.REPEAL.value: _repeal, Step.DELETE.value: _delete,
    Step.APPROVE_CORRECTION.value: _approve_correction, Step.RETURN_CORRECTION.value: _return_correction,
}
