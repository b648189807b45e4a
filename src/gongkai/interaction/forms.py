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
from gongkai.interaction.models import Channel, Kind, Rating

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


class MessageForm(forms.Form):
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
    submission_token = PlainCharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", secrets.token_hex(16))

    def clean_submission_token(self) -> str:
        token = self.cleaned_data.get("submission_token", "").strip().lower()
        return token if _TOKEN.match(token) else ""

    def clean_subject(self) -> str:
        return _no_markup(self.cleaned_data["subject"], "标题")

    def clean_text(self) -> str:
        return _no_markup(self.cleaned_data["text"], "留言内容")

    def clean_name(self) -> str:
        return _no_markup(self.cleaned_data["name"], "姓名")

    def clean_phone(self) -> str:
        phone = validators.normalize_phone(self.cleaned_data["phone"])
        problem = validators.phone_problem(phone)
        if problem:
            raise ValidationError(problem)
        return phone

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
