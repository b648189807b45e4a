"""Supervision bulletins in the console: list and draft per plan, edit the entries, download and
upload the .docx, issue (and publish as a record). Office only; every write goes through
``plans.bulletins``."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.orgs.policy import policy
from gongkai.plans import board, bulletins
from gongkai.plans.dashboard import published_plan
from gongkai.plans.models import Bulletin, BulletinStatus
from gongkai.records.models import Column
from gongkai.rules import board as rules

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class CreateForm(forms.Form):
    cutoff = forms.TypedChoiceField(label="统计截止日期", coerce=date.fromisoformat,
                                    help_text="通报截至该日到期的各期报送情况。")

    def __init__(self, *args: Any, cutoffs: list[date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cutoff"].choices = [(day.isoformat(), rules.day_text(day)) for day in cutoffs]


class BulletinForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    doc_number = forms.CharField(label="文号", max_length=100, required=False, help_text="如“肇府办函〔2016〕12号”。")
    issuer = forms.CharField(label="发文单位（落款）", max_length=100, required=False)
    summary = forms.CharField(label="一、总体情况", widget=forms.Textarea(attrs={"rows": 5}), required=False)
    closing = forms.CharField(label="四、有关要求", widget=forms.Textarea(attrs={"rows": 4}), required=False)


class EntryForm(forms.Form):
    included = forms.BooleanField(label="列入通报", required=False)
    item = forms.CharField(label="事项名称", widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.CharField(label="责任单位", max_length=100)
    person = forms.CharField(label="责任人", max_length=50, required=False)
    facts = forms.CharField(label="推进落实不力主要事实", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    requirement = forms.CharField(label="整改要求", widget=forms.Textarea(attrs={"rows": 3}), required=False)


EntryFormSet = forms.formset_factory(EntryForm, extra=0)


class UploadForm(forms.Form):
    document = forms.FileField(label="修改后的通报（.docx）", error_messages={
        "required": "请选择在 Word 中修改后的通报文件。", "empty": "所选文件是空的，请检查后重新上传。",
    })


class IssueForm(forms.Form):
    publish_as_record = forms.BooleanField(label="同时作为政府信息主动公开", required=False)
    column = forms.ModelChoiceField(label="发布栏目", queryset=Column.objects.none(), required=False,
                                    empty_label="（默认：通知公告或工作动态）")
    accept_remaining = forms.BooleanField(
        label="已核对通报内容，其中的责任人姓名等信息可以公开", required=False,
        help_text="保密审查扫描到疑似个人信息时，须勾选此项才能发布。",
    )

    def __init__(self, *args: Any, unit_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["column"].queryset = Column.objects.filter(unit_id=unit_id, is_active=True)  # type: ignore[attr-defined]


def _bulletin(request: HttpRequest, pk: int) -> Bulletin:
    policy.require_manage(request.user, bulletins.DENIED)
    return get_object_or_404(Bulletin.objects.select_related("plan", "record"), pk=pk)


def _errors(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, "；".join(error.messages))


@login_required
def bulletin_list(request: HttpRequest, pk: int) -> HttpResponse:
    plan = published_plan(request, pk)
    cutoffs = board.due_dates(plan)
    form = CreateForm(request.POST or None, cutoffs=cutoffs,
                      initial={"cutoff": (rules.default_cutoff(cutoffs, timezone.localdate()) or "")})
    if request.method == "POST" and form.is_valid():
        try:
            bulletin = bulletins.create_bulletin(plan, form.cleaned_data["cutoff"], actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "通报草稿已生成，请核对和修改后印发。")
            return redirect("plans:bulletin", pk=bulletin.pk)
    return render(request, "plans/bulletins.html", {
        "plan": plan, "form": form, "bulletins": plan.bulletins.select_related("record"),
    })


ENTRIES_PER_PAGE = 40  # one page of the form stays under Django's limit of 1,000 fields


def _entry_initial(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{name: entry.get(name, "") for name in ("included", *bulletins.ENTRY_FIELDS)} for entry in entries]


@login_required
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    content = bulletin.content
    page = Paginator(content.get("entries", []), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    data = request.POST if request.method == "POST" else None
    form = BulletinForm(data, initial={
        "title": bulletin.title, "doc_number": bulletin.doc_number,
        **{name: content.get(name, "") for name in bulletins.TEXT_FIELDS},
    })
    entries = EntryFormSet(data, initial=_entry_initial(list(page)), prefix="entries")
    if data is not None and form.is_valid() and entries.is_valid():
        offset = page.start_index() - 1 if page.paginator.count else 0
        edits = {offset + index: values for index, values in enumerate(entries.cleaned_data)}
        try:
            bulletins.update_content(bulletin, {**form.cleaned_data, "entries": edits}, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "通报已保存。")
            return redirect(f"{reverse('plans:bulletin', args=[bulletin.pk])}?page={page.number}")
    unit_id = request.user.unit_id or bulletin.plan.issuer_unit_id
    return render(request, "plans/bulletin.html", {
        "bulletin": bulletin, "plan": bulletin.plan, "content": content, "form": form, "entries": entries,
        "page": page, "upload_form": UploadForm(), "issue_form": IssueForm(unit_id=unit_id),
        "is_draft": bulletin.status == BulletinStatus.DRAFT, "cutoff_label": rules.day_text(bulletin.cutoff),
    })


@login_required
def bulletin_docx(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    response = HttpResponse(bulletins.document_bytes(bulletin), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(bulletin.title[:80] + '.docx')}"
    return response


@login_required
@require_POST
def bulletin_upload(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "；".join(error for errors in form.errors.values() for error in errors))
        return redirect("plans:bulletin", pk=bulletin.pk)
    upload = form.cleaned_data["document"]
    try:
        bulletins.replace_document(bulletin, upload.name, upload.read(), actor=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, f"已上传“{upload.name}”，印发时将使用这份修改稿。")
    return redirect("plans:bulletin", pk=bulletin.pk)


@login_required
@require_POST
def bulletin_discard(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    try:
        bulletins.discard_document(bulletin, actor=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, "已删除上传的修改稿，通报将按表单内容生成。")
    return redirect("plans:bulletin", pk=bulletin.pk)


@login_required
@require_POST
def bulletin_issue(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    form = IssueForm(request.POST, unit_id=request.user.unit_id or bulletin.plan.issuer_unit_id)
    if not form.is_valid():
        messages.error(request, "请重新选择发布栏目。")
        return redirect("plans:bulletin", pk=bulletin.pk)
    try:
        bulletin = bulletins.issue_bulletin(
            bulletin, actor=request.user, publish_as_record=form.cleaned_data["publish_as_record"],
            column=form.cleaned_data["column"], accept_remaining=form.cleaned_data["accept_remaining"],
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        published = f"，并已作为政府信息公开（索引号 {bulletin.record.index_number}）" if bulletin.record else ""
        messages.success(request, f"通报已印发{published}。")
    return redirect("plans:bulletin", pk=bulletin.pk)
