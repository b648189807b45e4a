"""The console's page of API tokens: each staff member creates and revokes their own; the office
sees and may revoke everyone's. The token text is shown once, on creation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.api import tokens
from gongkai.api.models import ApiToken
from gongkai.foi.forms import PlainCharField
from gongkai.orgs.policy import policy


class TokenForm(forms.Form):
    name = PlainCharField(label="用途", max_length=100, help_text="如“市数据开放平台同步”，便于日后辨认和吊销。")


def _visible(request: HttpRequest) -> object:
    rows = ApiToken.objects.select_related("user__unit")
    return rows if policy.may_manage(request.user) else rows.filter(user=request.user)


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    if not tokens.may_hold_tokens(request.user):  # type: ignore[arg-type]
        raise PermissionDenied("只有具有角色的工作人员可以使用接口令牌。")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = tokens.create_token(request.user, form.cleaned_data["name"])  # type: ignore[arg-type]
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            return render(request, "api/token_created.html", {"token": token, "raw": raw})
    return render(request, "api/token_list.html", {
        "form": form, "tokens": _visible(request), "office": policy.may_manage(request.user),
    })


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(_visible(request), pk=pk)  # type: ignore[arg-type]
    tokens.revoke_token(token, request.user)  # type: ignore[arg-type]
    messages.success(request, f"令牌“{token.name}”已吊销，立即失效。")
    return redirect("api_tokens:list")
