from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import password_validators_help_texts

from gongkai.audit.context import client_ip
from gongkai.orgs.auth import ADDRESS_MESSAGE, LOCKED_MESSAGE, address_blocked, is_locked
from gongkai.orgs.models import Role, Unit, User


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。连续失败 %(attempts)s 次后账号将被锁定 %(minutes)s 分钟。",
        "inactive": "该账号已停用，请联系公开办管理员。",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        minutes = settings.LOGIN_LOCKOUT_MINUTES
        if self.request is not None and address_blocked(client_ip(self.request)):
            raise forms.ValidationError(ADDRESS_MESSAGE.format(minutes=minutes), code="address_blocked")
        locked = bool(username) and is_locked(username)
        try:
            return super().clean()
        except forms.ValidationError:
            # The backend let a locked account through only for the right password and a second
            # factor; every other try on it reads as the lock, not as a wrong password.
            if locked:
                raise forms.ValidationError(LOCKED_MESSAGE.format(minutes=minutes), code="locked") from None
            raise

    def get_invalid_login_error(self) -> forms.ValidationError:
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={
                "attempts": settings.LOGIN_LOCKOUT_ATTEMPTS,
                "minutes": settings.LOGIN_LOCKOUT_MINUTES,
            },
        )


class CodeForm(forms.Form):
    """The second step of a login, enrolment and changes to one's own second factor."""

    code = forms.CharField(
        label="动态口令", max_length=20, strip=True,
        error_messages={"required": "请输入动态口令。", "max_length": "动态口令为 6 位数字，恢复码为 10 位字母数字。"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
        help_text="打开手机上的身份验证器应用，输入其中显示的 6 位数字；手机丢失时可输入一个恢复码。",
    )


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label="原密码", widget=forms.PasswordInput)
    new_password = forms.CharField(
        label="新密码", widget=forms.PasswordInput,
        help_text=" ".join(password_validators_help_texts()),
    )
    new_password_again = forms.CharField(label="再次输入新密码", widget=forms.PasswordInput)

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_old_password(self) -> str:
        old: str = self.cleaned_data["old_password"]
        if not self.user.check_password(old):
            raise forms.ValidationError("原密码不正确。")
        return old

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", "两次输入的新密码不一致。")
        return data


class UserForm(forms.Form):
    username = forms.RegexField(
        label="用户名", max_length=150, regex=r"^[A-Za-z0-9_.@+-]+$",
        error_messages={"invalid": "用户名只能包含字母、数字和 _ . @ + -。"},
    )
    full_name = forms.CharField(label="姓名", max_length=50)
    unit = forms.ModelChoiceField(label="所在单位", queryset=Unit.objects.filter(is_active=True))
    roles = forms.MultipleChoiceField(
        label="角色", choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)


class LiaisonForm(forms.Form):
    """Any user may be posted: the service, not the form, says why another unit's user cannot."""

    liaison = forms.ModelChoiceField(
        label="政务公开联络员", queryset=User.objects.select_related("unit"), required=False,
        error_messages={"invalid_choice": "所选用户不存在，请重新选择。"},
    )
