"""The second step of a staff login, enrolment of an authenticator app, and one's own second
factor. The session holds a *pending* login between the password and the code: the user is not
logged in (``django.contrib.auth.login``) until the second factor passed, so no page, the admin
site included, can be reached with the password alone."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from gongkai.audit.context import Actor, client_ip
from gongkai.audit.log import record
from gongkai.orgs import twofactor
from gongkai.orgs.forms import CodeForm
from gongkai.orgs.models import User

PENDING = "gongkai_pending_login"
ENROL_SECRET = "gongkai_enrol_secret"
PENDING_SECONDS = 300  # five minutes from the password to the code
BLOCKED_MESSAGE = "动态口令连续输错次数过多，请 {minutes} 分钟后重新登录。"


def start_pending(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    """After a correct password: remember who is half-way in and ask for the code (or, for a
    user who must have a second factor and has none, enrolment first)."""
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk, "backend": getattr(user, "backend", ""), "next": next_url, "since": time.time(),
    }
    if twofactor.device_of(user) is None:
        return redirect("orgs:login_enrol")
    return redirect("orgs:login_verify")


def complete_login(request: HttpRequest, user: User, backend: str, method: str | None) -> None:
    """The user is in: Django's login (a new session key) and the audit row."""
    request.session.pop(PENDING, None)
    request.session.pop(ENROL_SECRET, None)
    auth_login(request, user, backend=backend or None)
    with transaction.atomic():
        record(
            "login", user, actor=Actor(user=user, ip_address=client_ip(request), label=str(user)),
            after={"second_factor": method} if method else None,
        )


def _pending(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    data = request.session.get(PENDING)
    if not isinstance(data, dict) or time.time() - float(data.get("since", 0)) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    return (user, data) if user is not None else None


def _next_url(request: HttpRequest, data: dict[str, Any]) -> str:
    target = str(data.get("next") or "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("console:home")


def _start_again(request: HttpRequest, message: str) -> HttpResponse:
    request.session.pop(PENDING, None)
    messages.error(request, message)
    return redirect("orgs:login")


def _blocked(request: HttpRequest, user: User) -> HttpResponse | None:
    if twofactor.second_factor_blocked(user.username):
        return _start_again(request, BLOCKED_MESSAGE.format(minutes=settings.LOGIN_LOCKOUT_MINUTES))
    return None


@never_cache
@sensitive_post_parameters("code")
def login_verify(request: HttpRequest) -> HttpResponse:
    pending = _pending(request)
    if pending is None:
        return _start_again(request, "登录已超时，请重新输入用户名和密码。")
    user, data = pending
    if twofactor.device_of(user) is None:
        return redirect("orgs:login_enrol")
    if (refused := _blocked(request, user)) is not None:
        return refused
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        method = twofactor.check_second_factor(user, form.cleaned_data["code"], client_ip(request))
        if method is not None:
            complete_login(request, user, data.get("backend", ""), method)
            if method == "recovery_code":
                left = twofactor.recovery_codes_left(user)
                messages.warning(request, f"已使用一个恢复码，还剩 {left} 个。手机找回或更换后，请在“两步验证”页面重新生成恢复码。")
            return redirect(_next_url(request, data))
        if (refused := _blocked(request, user)) is not None:
            return refused
        form.add_error("code", "动态口令或恢复码不正确，请核对手机上当前显示的数字后重试。")
    return render(request, "orgs/login_verify.html", {"form": form, "pending_user": user})


def _enrolment_context(request: HttpRequest, user: User, form: CodeForm) -> dict[str, Any]:
    secret = request.session.get(ENROL_SECRET)
    if not isinstance(secret, str) or len(secret) != 32:
        secret = request.session[ENROL_SECRET] = twofactor.new_secret()
    return {
        "form": form, "pending_user": user, "secret": twofactor.grouped(secret),
        "qr": twofactor.qr_svg(twofactor.provisioning_uri(user, secret)),
        "required": twofactor.required_for(user),
    }


def _enrol(request: HttpRequest, user: User, form: CodeForm) -> list[str] | None:
    """Enrol with the secret shown to this session and the code typed; None (and a form error)
    if the code is wrong."""
    secret = request.session.get(ENROL_SECRET)
    codes = None
    if isinstance(secret, str):
        codes = twofactor.enrol(user, secret, form.cleaned_data["code"], ip=client_ip(request))
    if codes is None:
        form.add_error("code", "动态口令不正确：请确认已扫描上方二维码，并输入应用中当前显示的 6 位数字。")
    return codes


@never_cache
@sensitive_post_parameters("code")
def login_enrol(request: HttpRequest) -> HttpResponse:
    """First login of a user who must have a second factor: enrol, see the recovery codes once."""
    pending = _pending(request)
    if pending is None:
        return _start_again(request, "登录已超时，请重新输入用户名和密码。")
    user, data = pending
    if twofactor.device_of(user) is not None:
        return redirect("orgs:login_verify")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (codes := _enrol(request, user, form)):
        complete_login(request, user, data.get("backend", ""), "totp")
        return render(request, "orgs/recovery_codes.html", {"codes": codes, "next": _next_url(request, data)})
    return render(request, "orgs/login_enrol.html", _enrolment_context(request, user, form))


@never_cache
@login_required
@sensitive_post_parameters("code")
def two_factor(request: HttpRequest) -> HttpResponse:
    """One's own second factor: enrol, renew the recovery codes, or remove it (if not required);
    every change needs a valid code (or a recovery code), wrong ones counted as at login."""
    user = request.user
    device = twofactor.device_of(user)
    form = CodeForm(request.POST or None)
    action = request.POST.get("action", "")
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if device is None:
            if (codes := _enrol(request, user, form)) is not None:
                request.session.pop(ENROL_SECRET, None)
                return render(request, "orgs/recovery_codes.html", {"codes": codes, "next": reverse("orgs:two_factor")})
        elif action not in ("renew", "remove"):
            form.add_error(None, "请选择“重新生成恢复码”或“关闭两步验证”。")
        elif action == "remove" and twofactor.required_for(user):
            form.add_error(None, "您的角色必须使用两步验证，不能关闭。")
        elif twofactor.second_factor_blocked(user.username):
            form.add_error("code", BLOCKED_MESSAGE.format(minutes=settings.LOGIN_LOCKOUT_MINUTES))
        elif twofactor.check_second_factor(user, code, client_ip(request)) is None:  # counted, audited
            form.add_error("code", "动态口令或恢复码不正确，请核对手机上当前显示的数字后重试。")
        elif action == "renew":
            codes = twofactor.regenerate_codes(user, ip=client_ip(request))
            return render(request, "orgs/recovery_codes.html", {"codes": codes, "next": reverse("orgs:two_factor")})
        else:
            twofactor.remove(user, actor=user, ip=client_ip(request))
            messages.success(request, "已关闭两步验证。")
            return redirect("orgs:two_factor")
    if device is None:
        context = _enrolment_context(request, user, form)
    else:
        context = {"form": form, "required": twofactor.required_for(user)}
    context.update(device=device, left=twofactor.recovery_codes_left(user) if device else 0,
                   required_roles=twofactor.required_roles_label())
    return render(request, "orgs/two_factor.html", context)


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin site signs in through the one staff login, second factor and all."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("admin:index")
    return redirect(f"{reverse('orgs:login')}?{urlencode({'next': target})}")
