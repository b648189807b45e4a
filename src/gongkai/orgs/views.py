"""Login, the unit registry, user management and the user's own notices in the staff console. Views stay thin: every
write goes through ``gongkai.orgs.services``; every read is scoped by ``gongkai.orgs.policy``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from gongkai import tabular
from gongkai.audit.context import client_ip
from gongkai.orgs import notices, services, twofactor, twofactor_views, unitfiles
from gongkai.orgs.forms import LiaisonForm, LoginForm, PasswordChangeForm, UserForm
from gongkai.orgs.models import GroupPhrase, Notice, Role, Unit, UnitAlias, UnitKind, User, UserRole
from gongkai.orgs.policy import Action, policy
from gongkai.orgs.registry import build_registry
from gongkai.params import int_param
from gongkai.rules.units import UnitRole, resolve_cell

ROLE_LABELS = {UnitRole.LEAD: "牵头", UnitRole.RESPONSIBLE: "负责", UnitRole.ASSISTING: "配合"}


class LoginView(auth_views.LoginView):
    """The password step; a user with (or required to have) a second factor goes on to it."""

    form_class = LoginForm
    template_name = "orgs/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:
        user = form.get_user()
        if twofactor.asks_second_factor(user):
            return twofactor_views.start_pending(self.request, user, self.get_success_url())
        twofactor_views.complete_login(self.request, user, getattr(user, "backend", ""), None)
        return redirect(self.get_success_url())


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "您已安全退出。")
    return redirect("portal:home")


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_own_password(request.user, form.cleaned_data["new_password"])
        except ValidationError as error:
            form.add_error("new_password", error)
        else:
            from django.contrib.auth import update_session_auth_hash

            update_session_auth_hash(request, request.user)
            messages.success(request, "密码已修改。")
            return redirect("console:home")
    return render(request, "orgs/password_change.html", {"form": form})


def _manager_only(request: HttpRequest) -> None:
    if not policy.may_manage(request.user):
        raise PermissionDenied("只有公开办管理员可以管理用户和单位。")


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = list(
        Unit.objects.select_related("parent").prefetch_related(
            Prefetch("aliases", queryset=UnitAlias.objects.order_by("alias"))
        )
    )
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    rows: list[tuple[int, Unit]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in children.get(parent_id, []):
            rows.append((depth, unit))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    governments = [unit for unit in units if unit.kind in (UnitKind.CITY_GOV, UnitKind.COUNTY_GOV)]
    return render(request, "orgs/unit_list.html", {
        "rows": rows,
        "may_manage": policy.may_manage(request.user),
        "groups": GroupPhrase.objects.all(),
        "governments": governments,
        "trial": _try_phrase(request, {unit.key: unit for unit in units}),
    })


def _try_phrase(request: HttpRequest, by_key: dict[str, Unit]) -> dict[str, object] | None:
    """The office types a unit cell as a notice has it and sees which units it means."""
    cell = request.GET.get("phrase", "").strip()[:500]
    if not cell:
        return None
    within = request.GET.get("within") or None
    resolved = resolve_cell(cell, build_registry(), within if within in by_key else None)
    return {
        "cell": cell,
        "within": within,
        "parts": [
            {
                "phrase": part.resolution.phrase,
                "role": ROLE_LABELS[part.role],
                "ok": part.resolution.ok,
                "reason": part.resolution.reason,
                "group": part.resolution.group,
                "units": [by_key[key] for key in part.resolution.unit_keys if key in by_key],
            }
            for part in resolved.parts
        ],
    }


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.select_related("parent", "liaison"), pk=pk)
    # The unit's name is public, its staff list (names, phones) is not: another unit's clerk
    # gets 404, as if the page did not exist.
    staff = policy.scope(request.user, User.objects.filter(unit=unit))
    if not policy.may_manage(request.user) and request.user.unit_id != unit.pk:
        raise Http404("没有找到该单位的工作页面。")
    return render(request, "orgs/unit_detail.html", {
        "unit": unit,
        "staff": staff.prefetch_related("roles").order_by("username"),
        "children": unit.children.all(),
        "aliases": unit.aliases.all(),
        "may_manage": policy.may_manage(request.user),
        "liaison_choices": staff.filter(is_active=True).exclude(roles=None).distinct().order_by("username"),
    })


@login_required
@require_POST
def unit_liaison(request: HttpRequest, pk: int) -> HttpResponse:
    """The office names (or clears) a unit's 政务公开联络员."""
    _manager_only(request)
    unit = get_object_or_404(Unit.objects.select_related("liaison"), pk=pk)
    form = LiaisonForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["liaison"]))
        return redirect("orgs:unit_detail", pk=unit.pk)
    liaison = form.cleaned_data["liaison"]
    try:
        services.set_liaison(unit, liaison, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"已指定{liaison}为政务公开联络员。" if liaison else "已取消联络员，任务提醒将发给本单位全部经办人。")
    return redirect("orgs:unit_detail", pk=unit.pk)


@login_required
def unit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    units = Unit.objects.select_related("parent").prefetch_related("aliases")
    if fmt == "xlsx":
        content = unitfiles.export_xlsx(units)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "csv":
        content, content_type = unitfiles.export_csv(units), "text/csv; charset=utf-8"
    else:
        raise Http404("只支持导出 xlsx 或 csv。")
    tabular.audit_export("单位名录", fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''units.{fmt}"
    return response


@login_required
def unit_import(request: HttpRequest) -> HttpResponse:
    _manager_only(request)
    result = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "请选择要导入的 .xlsx 或 .csv 文件。")
        elif upload.size > 5 * 1024 * 1024:
            messages.error(request, f"{upload.name}：文件超过 5 MB，单位名录不应这么大，请检查文件。")
        else:
            try:
                rows = unitfiles.read_rows(upload.name, upload.read())
            except unitfiles.UnitFileError as error:
                messages.error(request, str(error))
            else:
                result = unitfiles.import_rows(rows, actor=request.user)
                if result.ok:
                    messages.success(request, f"导入完成：新增 {result.created} 个单位，更新 {result.updated} 个。")
                    return redirect("orgs:unit_list")
    return render(request, "orgs/unit_import.html", {"result": result, "header": unitfiles.HEADER})


@login_required
def user_list(request: HttpRequest) -> HttpResponseBase:
    """Every account, or one unit's (``unit``), or the active or disabled (``active`` 1 or 0);
    ``format`` xlsx or csv downloads what the filters show."""
    _manager_only(request)
    users = User.objects.select_related("unit").prefetch_related(
        Prefetch("roles", queryset=UserRole.objects.order_by("role"))
    ).order_by("unit__sort_order", "username")
    unit_id = int_param(request.GET, "unit", label="单位")
    if unit_id is not None:
        users = users.filter(unit_id=unit_id)
    active = request.GET.get("active", "")
    if active in ("1", "0"):
        users = users.filter(is_active=active == "1")
    if (fmt := request.GET.get("format", "")) in tabular.FORMATS:
        return tabular.audited_export(fmt, "用户", "用户", USER_HEADER, (
            [person.username, person.full_name, person.unit.name if person.unit else "",
             "、".join(str(role) for role in person.roles.all()), "启用" if person.is_active else "停用",
             person.phone, person.email, person.last_login, person.date_joined]
            for person in users.iterator(chunk_size=500)
        ), filters={"unit": unit_id, "active": active})
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "orgs/user_list.html", {
        "users": users, "units": Unit.objects.order_by("sort_order", "id"), "unit_id": unit_id, "active": active,
        "query": query.urlencode(),
    })


USER_HEADER = ["用户名", "姓名", "单位", "角色", "状态", "联系电话", "电子邮箱", "最近登录", "创建时间"]


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    _manager_only(request)
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, password = services.create_user(
                username=data["username"], full_name=data["full_name"], unit=data["unit"],
                roles=data["roles"], phone=data["phone"], email=data["email"], actor=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            return render(request, "orgs/user_created.html", {"new_user": user, "password": password})
    return render(request, "orgs/user_form.html", {"form": form, "title": "新建用户"})


@login_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _manager_only(request)
    user = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "roles":
            roles = [r for r in request.POST.getlist("roles") if r in Role.values]
            services.set_roles(user, roles, actor=request.user)
            messages.success(request, "角色已更新。")
        elif action in ("deactivate", "activate"):
            if user == request.user:
                messages.error(request, "不能停用自己的账号。")
            else:
                services.update_user(user, is_active=action == "activate", actor=request.user)
                messages.success(request, "账号已" + ("启用。" if action == "activate" else "停用。"))
        elif action == "reset_two_factor":
            twofactor.remove(user, actor=request.user, ip=client_ip(request))
            messages.success(request, "已重置该用户的两步验证，其下次登录时需重新绑定。")
        elif action == "reset_password":
            password = services.reset_password(user, actor=request.user)
            return render(request, "orgs/user_created.html", {"new_user": user, "password": password, "reset": True})
        return redirect("orgs:user_edit", pk=user.pk)
    return render(request, "orgs/user_edit.html", {
        "target": user, "roles": Role.choices, "may_view": policy.may(request.user, Action.VIEW, user),
        "two_factor": twofactor.device_of(user) is not None,
    })


# -- the user's own notices (站内通知): nobody ever sees another user's ----------------------------


@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notices.notices_of(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "orgs/notices.html", {"page": page, "unread": notices.unread_count(request.user)})


def _own_notice(request: HttpRequest, pk: int) -> Notice:
    return get_object_or_404(Notice, pk=pk, user=request.user)


@login_required
def notice_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Opening a notice marks it read and leads to what it is about."""
    notice = _own_notice(request, pk)
    notices.mark_read(notice)
    if notice.url and url_has_allowed_host_and_scheme(
        notice.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(notice.url)
    return redirect("orgs:notices")


@login_required
@require_POST
def notice_read(request: HttpRequest, pk: int) -> HttpResponse:
    notices.mark_read(_own_notice(request, pk))
    return redirect("orgs:notices")


@login_required
@require_POST
def notices_read_all(request: HttpRequest) -> HttpResponse:
    count = notices.mark_all_read(request.user)
    messages.success(request, f"已将 {count} 条通知标为已读。" if count else "没有未读通知。")
    return redirect("orgs:notices")
