"""Forms of the public message, tracking and rating, and of the console steps. They only clean
input, with messages a sender or a clerk can act on; the services decide and write."""

from __future__ import annotations

import re
import secrets
from typing import Any, Final

from django import forms
from django.core.exceptions import ValidationError

from gongkai.foi import validators
from gongkai.foi.forms import PlainCharField, TrackForm, active_units
from gongkai.interaction.models import (
    Channel,
    Decision,
    DraftKind,
    IncidentLevel,
    Kind,
    Rating,
    ResponseKind,
)
from gongkai.params import IdMultipleChoiceField, LawDateField
from gongkai.records.models import Record

_TOKEN: Final = re.compile(r"^[0-9a-f]{32}$")
# A tag as a browser reads one: text is shown escaped anyway, but a message that carries markup is
# almost always a probe or a paste from a web page, and the sender should know it will not render.
_MARKUP: Final = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
SUBJECT_MAX: Final = 100
TEXT_MAX: Final = 2000


def _plain(label: str, max_length: int, **extra: Any) -> PlainCharField:
    return PlainCharField(
        label=label, max_length=max_length,
        error_messages={"required": f"请填写{label}。", "max_length": f"{label}不能超过{max_length}字。"},
        **extra,
    )


def _no_markup(value: str, label: str) -> str:
    if _MARKUP.search(value):
        raise ValidationError(f"{label}不能包含网页代码（如 <script>、<a> 等标签），请只填写文字。")
    return value.strip()


class PublicForm(forms.Form):
    """A public form sent once: its hidden token makes a second sending of the same form (a
    double click, a retry after a lost answer) return what the first one stored."""

    submission_token = PlainCharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", secrets.token_hex(16))

    def clean_submission_token(self) -> str:
        token = self.cleaned_data.get("submission_token", "").strip().lower()
        return token if _TOKEN.match(token) else ""

    def clean_phone(self) -> str:
        phone = validators.normalize_phone(self.cleaned_data["phone"])
        problem = validators.phone_problem(phone) if phone or self.fields["phone"].required else ""
        if problem:
            raise ValidationError(problem)
        return phone

    def clean_name(self) -> str:
        return _no_markup(self.cleaned_data["name"], "姓名")


class MessageForm(PublicForm):
    kind = forms.ChoiceField(label="留言类型", choices=Kind.choices, widget=forms.RadioSelect,
                             error_messages={"required": "请选择留言类型。", "invalid_choice": "请选择留言类型。"})
    subject = _plain("标题", SUBJECT_MAX)
    text = _plain("留言内容", TEXT_MAX, widget=forms.Textarea(attrs={"rows": 8}))
    name = _plain("姓名", 50)
    phone = _plain("联系电话", 30)
    email = forms.EmailField(label="电子邮箱", required=False,
                             error_messages={"invalid": "请填写有效的电子邮箱地址，如 name@example.com。"})
    may_publish = forms.BooleanField(
        label="同意在网站公开我的留言和答复", required=False,
        help_text="公开时不显示您的姓名、电话和邮箱；留言中出现的证件号码、电话号码等也会被遮盖。",
    )

    def clean_subject(self) -> str:
        return _no_markup(self.cleaned_data["subject"], "标题")

    def clean_text(self) -> str:
        return _no_markup(self.cleaned_data["text"], "留言内容")

    def details(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in
                ("kind", "subject", "text", "name", "phone", "email", "may_publish")}


class RegisterForm(MessageForm):
    """Staff enter a 12345 hand-off, a telephone message or a letter."""

    channel = forms.ChoiceField(label="渠道", choices=[c for c in Channel.choices if c[0] != Channel.ONLINE])
    received_on = forms.DateField(label="收到日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                  error_messages={"invalid": "请输入有效日期，如 2026-09-28。", "required": "请填写收到日期。"})
    unit = forms.ModelChoiceField(label="办理单位", queryset=active_units(), required=False,
                                  empty_label="按规则自动分办或由公开办分办")


class RateForm(TrackForm):
    rating = forms.ChoiceField(label="您对答复的评价", choices=Rating.choices, widget=forms.RadioSelect,
                               error_messages={"required": "请选择评价。", "invalid_choice": "请选择评价。"})


class RouteForm(forms.Form):
    unit = forms.ModelChoiceField(label="分办至", queryset=active_units(), error_messages={"required": "请选择办理单位。"})
    restart = forms.BooleanField(label="答复期限自今日重新计算", required=False,
                                 help_text="默认连续计算；只有公开办决定时才重新计算，并记入审计日志。")
    note = _plain("说明", 500, required=False)


class TransferForm(forms.Form):
    unit = forms.ModelChoiceField(label="转办至", queryset=active_units(), error_messages={"required": "请选择单位。"})
    reason = _plain("转办理由", 500)


class ReasonForm(forms.Form):
    reason = _plain("理由", 500, widget=forms.Textarea(attrs={"rows": 3}))


class ReplyForm(forms.Form):
    text = _plain("答复内容", 4000, widget=forms.Textarea(attrs={"rows": 8}))

    def clean_text(self) -> str:
        return _no_markup(self.cleaned_data["text"], "答复内容")


# --- consultations -------------------------------------------------------------------------------

COMMENT_MAX: Final = 3000


class CommentForm(PublicForm):
    """A comment on a draft; the section choices are the draft's own (none: the whole draft)."""

    section = forms.ChoiceField(label="针对条款", required=False, choices=[("", "全文")],
                                error_messages={"invalid_choice": "请从列表中选择条款。"})
    text = _plain("意见内容", COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    name = _plain("姓名（选填）", 50, required=False)
    phone = _plain("联系电话（选填）", 30, required=False)
    email = forms.EmailField(label="电子邮箱（选填）", required=False,
                             error_messages={"invalid": "请填写有效的电子邮箱地址，如 name@example.com。"})
    text_public = forms.BooleanField(
        label="同意在网站公开我的意见内容", required=False,
        help_text="公开时不显示您的姓名和联系方式；不同意公开的，网站只显示“意见内容未公开”。",
    )

    def __init__(self, *args: Any, sections: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "全文"), *((key, key) for key in sections)]
        if not sections:
            self.fields["section"].widget = forms.HiddenInput()

    def clean_text(self) -> str:
        return _no_markup(self.cleaned_data["text"], "意见内容")

    def details(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("section", "text", "name", "phone", "email", "text_public")}


class OpenConsultationForm(forms.Form):
    draft = forms.ModelChoiceField(label="草案", queryset=None, error_messages={  # type: ignore[arg-type]
        "required": "请选择草案。", "invalid_choice": "请从列表中选择本单位尚未发布的草案。"})
    kind = forms.ChoiceField(label="草案类型", choices=DraftKind.choices,
                             error_messages={"invalid_choice": "请选择草案类型。"})
    title = _plain("标题（选填）", 300, required=False)
    explanation = _plain("起草说明", 5000, widget=forms.Textarea(attrs={"rows": 6}))
    closes_on = LawDateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                             error_messages={"invalid": "请输入有效日期，如 2026-10-31。", "required": "请填写截止日期。"})
    short_reason = _plain("缩短期限的理由", 500, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                          help_text="期限短于该类草案的最短期限（默认30日）时必须填写，并在网站上公开。")

    def __init__(self, *args: Any, drafts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["draft"].queryset = drafts


class ModerateForm(forms.Form):
    show = forms.TypedChoiceField(label="审核结果", choices=[("1", "展示"), ("0", "不予展示")],
                                  coerce=lambda value: value == "1", widget=forms.RadioSelect,
                                  error_messages={"required": "请选择审核结果。", "invalid_choice": "请选择审核结果。"})
    note = _plain("说明", 200, required=False, help_text="不予展示时必填，如：与征求意见稿无关、含有辱骂内容。")


class DecideForm(forms.Form):
    comments = IdMultipleChoiceField(label="意见", queryset=None, widget=forms.CheckboxSelectMultiple,  # type: ignore[arg-type]
                                     error_messages={"required": "请选择至少一条意见。",
                                                     "invalid_choice": "请从列表中选择意见。",
                                                     "invalid_pk_value": "请从列表中选择意见。"})
    decision = forms.ChoiceField(label="采纳情况", choices=Decision.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "请选择采纳情况。", "invalid_choice": "请选择采纳情况。"})
    group = _plain("意见归类（选填）", 60, required=False)
    reason = _plain("理由", 2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
                    help_text="部分采纳、未采纳须说明理由。")

    def __init__(self, *args: Any, comments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comments"].queryset = comments
        self.fields["comments"].label_from_instance = (
            lambda comment: f"{comment.number}（{comment.section or '全文'}）{comment.text[:40]}")


class FeedbackForm(forms.Form):
    final_record = forms.ModelChoiceField(label="正式文件", queryset=None, error_messages={  # type: ignore[arg-type]
        "required": "请选择正式文件。", "invalid_choice": "请选择本单位已发布的政府信息。"})
    summary = _plain("采纳情况说明", 5000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, records: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["final_record"].queryset = records


# --- incidents of public concern -----------------------------------------------------------------

_MOMENT_FORMATS: Final = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def _moment(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, input_formats=_MOMENT_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": f"请按“2026-09-30 22:00”的格式填写{label}。", "required": f"请填写{label}。"},
    )


class IncidentForm(forms.Form):
    title = _plain("舆情事项", 200)
    learned_at = _moment("获知时间")
    level = forms.ChoiceField(label="级别", choices=IncidentLevel.choices, widget=forms.RadioSelect,
                              error_messages={"required": "请选择级别。", "invalid_choice": "请选择级别。"},
                              help_text="特别重大、重大：5小时内发布权威信息、24小时内举行新闻发布会；一般：48小时内回应。")
    lead_unit = forms.ModelChoiceField(label="牵头回应单位", queryset=active_units(),
                                       error_messages={"required": "请选择牵头回应单位。"})
    summary = _plain("情况摘要", 2000, required=False, widget=forms.Textarea(attrs={"rows": 4}))


class IncidentResponseForm(forms.Form):
    kind = forms.ChoiceField(label="发布类型", choices=ResponseKind.choices,
                             error_messages={"required": "请选择发布类型。", "invalid_choice": "请选择发布类型。"})
    published_at = _moment("发布时间")
    channel = _plain("发布渠道", 100, required=False, help_text="如：政府网站、政务微博、新闻发布会。")
    note = _plain("内容摘要", 2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    index_number = _plain("政府信息索引号（选填）", 64, required=False,
                          help_text="在本平台发布的，填写其索引号以链接到该信息。")

    def clean_index_number(self) -> Record | None:
        number = self.cleaned_data["index_number"].strip()
        if not number:
            return None
        found = Record.objects.filter(Record.public_q(), index_number=number).first()
        if found is None:
            raise ValidationError("没有找到该索引号的已公开政府信息。")
        return found
