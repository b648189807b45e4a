"""Console forms of records. They collect and tidy input; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from gongkai.orgs.models import Unit, User
from gongkai.params import IdMultipleChoiceField, LawDateField
from gongkai.records import importing
from gongkai.records.catalog import walk
from gongkai.records.models import (
    POLICY_KINDS,
    Audience,
    Column,
    Disclosure,
    Record,
    RecordKind,
    Validity,
)
from gongkai.records.services import FIELDS
from gongkai.rules.docnumber import DocNumberError, normalize_doc_number
from gongkai.rules.lawdates import EXPIRY_YEARS_AHEAD
from gongkai.rules.richtext import BodyError, check_body
from gongkai.rules.uploads import check_upload_size

DATE = forms.DateInput(attrs={"type": "date"})
DATE_ERRORS = {"invalid": "请输入有效日期，如 2026-05-20。"}


class ColumnChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, obj: Column) -> str:
        return obj.path


class RecordForm(forms.Form):
    unit = forms.ModelChoiceField(label="发布单位", queryset=Unit.objects.filter(is_active=True), required=False)
    kind = forms.ChoiceField(label="信息类别", choices=RecordKind.choices, initial=RecordKind.GENERAL)
    title = forms.CharField(label="名称", max_length=300)
    summary = forms.CharField(label="内容概述", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    publisher = forms.CharField(label="发布机构", max_length=100, required=False, help_text="不填则为本单位全称。")
    doc_number = forms.CharField(
        label="文号", max_length=100, required=False,
        help_text="如“肇府办〔2026〕3号”；括号、“第”和补零会自动规范。令写作“肇庆市人民政府令第5号”。",
    )
    written_on = LawDateField(label="成文日期", required=False, widget=DATE, error_messages=DATE_ERRORS)
    formed_on = LawDateField(
        label="形成或变更日期", required=False, widget=DATE, error_messages=DATE_ERRORS,
        help_text="《政府信息公开条例》第二十六条的 20 个工作日由此起算；不填按成文日期。",
    )
    effective_on = LawDateField(label="生效日期", required=False, widget=DATE, error_messages=DATE_ERRORS)
    expires_on = LawDateField(label="失效日期", years_ahead=EXPIRY_YEARS_AHEAD, required=False, widget=DATE, error_messages=DATE_ERRORS)
    declared_validity = forms.ChoiceField(
        label="有效性", required=False, choices=[("", "按日期自动判断"), *Validity.choices]
    )
    topic = forms.CharField(label="主题分类", max_length=100, required=False, help_text="如“综合政务/政务公开”。")
    genre = forms.CharField(label="体裁", max_length=50, required=False, help_text="如 通知、公告、意见、办法、报告。")
    keywords = forms.CharField(label="主题词", max_length=200, required=False)
    columns = ColumnChoiceField(
        label="所属栏目（组配分类）", queryset=Column.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text="同一条信息可以属于多个栏目。",
    )
    disclosure = forms.ChoiceField(label="公开方式", choices=Disclosure.choices, initial=Disclosure.PROACTIVE)
    disclosure_reason = forms.CharField(
        label="不主动公开的理由", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="选择依申请公开或不予公开时必填（公开属性源头认定），写明依据的条款。",
    )
    audience = forms.ChoiceField(label="公开范围", choices=Audience.choices, initial=Audience.PUBLIC)
    interprets_ref = forms.CharField(
        label="所解读的政策", max_length=100, required=False,
        help_text="信息类别为政策解读时填写：政策文件的索引号或文号。",
    )
    body = forms.CharField(
        label="正文", required=False, widget=forms.Textarea(attrs={"rows": 14}),
        help_text="可直接粘贴 Word 或网页中的带格式文字；保存时自动清除脚本等不安全内容。",
    )

    def __init__(self, *args: Any, user: User, unit: Unit | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if unit is not None or not user.is_office_admin:
            del self.fields["unit"]
        else:
            self.fields["unit"].required = True
        columns = Column.objects.filter(unit=unit, is_active=True).select_related("parent__parent") if unit else []
        ordered = [node.column for node in walk(columns)]
        self.fields["columns"].queryset = Column.objects.filter(pk__in=[c.pk for c in ordered])
        self.fields["columns"].choices = [(c.pk, c.path) for c in ordered]

    def clean_doc_number(self) -> str:
        value = self.cleaned_data["doc_number"].strip()
        if value:
            try:
                return normalize_doc_number(value)
            except DocNumberError as error:
                raise forms.ValidationError(str(error)) from error
        return value

    def clean_body(self) -> str:
        """Bounded before anything cleans it (``rules.richtext.check_body``)."""
        body: str = self.cleaned_data["body"]
        try:
            check_body(body)
        except BodyError as error:
            raise forms.ValidationError(str(error)) from error
        return body

    def clean_interprets_ref(self) -> Record | None:
        ref = self.cleaned_data["interprets_ref"].strip()
        if not ref:
            return None
        try:
            ref_doc = normalize_doc_number(ref)
        except DocNumberError:
            ref_doc = ref
        found = Record.objects.filter(Record.public_q(), kind__in=POLICY_KINDS).filter(
            Q(index_number=ref) | Q(doc_number=ref_doc)
        ).order_by("-published_on").first()
        if found is None:
            raise forms.ValidationError(f"没有找到索引号或文号为“{ref}”的已发布政策文件。")
        return found

    def record_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in FIELDS if name in self.cleaned_data}
        data["interprets"] = self.cleaned_data.get("interprets_ref")
        return data


def initial_for(record: Record, column_ids: list[int] | None = None) -> dict[str, Any]:
    """The form's values for ``record`` (or a pending correction of it, with its ``column_ids``)."""
    initial = {name: getattr(record, name) for name in FIELDS if name != "interprets"}
    initial["columns"] = column_ids if column_ids is not None else [column.pk for column in record.columns.all()]
    if record.interprets is not None:
        initial["interprets_ref"] = record.interprets.index_number or record.interprets.doc_number
    return initial


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="附件", help_text="PDF、OFD、Word、Excel、图片、纯文本或 ZIP；按实际内容检查，可执行程序一律拒绝。",
        error_messages={"empty": "所选文件是空的，请检查后重新选择。", "required": "请选择要上传的附件。"},
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(label="退回意见", widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤回理由", widget=forms.Textarea(attrs={"rows": 2}))


class SupersedeForm(forms.Form):
    new_ref = forms.CharField(label="新版本的索引号", max_length=64)


class RepealForm(forms.Form):
    repealed_on = LawDateField(label="废止日期", widget=DATE, error_messages=DATE_ERRORS)


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(label="导入到单位", queryset=Unit.objects.filter(is_active=True), required=False)
    file = forms.FileField(
        label="目录文件", help_text="支持 .xlsx 或 .csv，第一行为表头。任何一行有错误都不会导入。",
        error_messages={"empty": "所选文件是空的。", "required": "请选择要导入的文件。"},
    )

    def clean_file(self) -> Any:
        """Checked before anything is stored: the size first (before reading), then the content
        (``importing.check_import_file``)."""
        upload = self.cleaned_data["file"]
        sized = check_upload_size(upload.name, upload.size, importing.FILE_LIMITS)
        if not sized.ok:
            raise forms.ValidationError(sized.message.replace("附件", "文件") + "。")
        content = upload.read()
        upload.seek(0)
        try:
            importing.check_import_file(upload.name, content)
        except importing.ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ColumnForm(forms.Form):
    name = forms.CharField(label="栏目名称", max_length=50)
    parent = forms.ModelChoiceField(label="上级栏目", queryset=Column.objects.none(), required=False, empty_label="（一级栏目）")

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Column.objects.filter(unit=unit)


class GazetteForm(forms.Form):
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    month = forms.IntegerField(label="月份", min_value=1, max_value=12)
