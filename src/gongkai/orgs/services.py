"""The write path of units and people: every change is made, audited and committed together."""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.log import record, snapshot
from gongkai.orgs.models import Role, Unit, UnitAlias, User, UserRole
from gongkai.orgs.policy import SYSTEM, policy
from gongkai.rules.units import normalize_phrase

USER_FIELDS = ["username", "full_name", "unit", "phone", "email", "is_active", "is_staff"]
UNIT_FIELDS = ["key", "name", "kind", "category", "org_code", "parent", "sort_order", "is_active"]


def generate_password(length: int = 14) -> str:
    """A random password that satisfies the policy (all four character classes)."""
    alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_"
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.islower() for c in password)
            and any(c.isupper() for c in password)
            and any(c.isdigit() for c in password)
            and any(not c.isalnum() for c in password)
        ):
            return password


def _require_manager(actor: User | None) -> None:
    policy.require_manage(actor or SYSTEM, "只有公开办管理员可以管理用户和单位。")


@transaction.atomic
def create_user(
    *,
    username: str,
    full_name: str,
    unit: Unit | None,
    roles: Iterable[Role | str],
    password: str | None = None,
    phone: str = "",
    email: str = "",
    actor: User | None = None,
) -> tuple[User, str]:
    """Create a user with roles; returns the user and the (generated) initial password."""
    _require_manager(actor)
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": f"用户名“{username}”已被使用。"})
    user = User(username=username, full_name=full_name, unit=unit, phone=phone, email=email)
    # Staff use the console; the admin site shows them only what the policy lets them see.
    user.is_staff = True
    password = password or generate_password()
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    role_codes = sorted({str(Role(role)) for role in roles})
    UserRole.objects.bulk_create([UserRole(user=user, role=code) for code in role_codes])
    after = {**snapshot(user, USER_FIELDS), "roles": role_codes}
    record("user_created", user, after=after)
    return user, password


@transaction.atomic
def set_roles(user: User, roles: Iterable[Role | str], *, actor: User | None = None) -> None:
    _require_manager(actor)
    before = sorted(user.role_set)
    wanted = sorted({str(Role(role)) for role in roles})
    UserRole.objects.filter(user=user).exclude(role__in=wanted).delete()
    UserRole.objects.bulk_create(
        [UserRole(user=user, role=code) for code in wanted if code not in before]
    )
    user.__dict__.pop("role_set", None)
    record("user_roles_changed", user, before={"roles": before}, after={"roles": wanted})


@transaction.atomic
def update_user(user: User, *, actor: User | None = None, **changes: object) -> User:
    _require_manager(actor)
    before = snapshot(user, USER_FIELDS)
    for field, value in changes.items():
        if field not in USER_FIELDS:
            raise ValueError(f"不能修改字段 {field}")
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    user.save()
    record("user_updated", user, before=before, after=snapshot(user, USER_FIELDS))
    return user


@transaction.atomic
def reset_password(user: User, *, actor: User | None = None) -> str:
    _require_manager(actor)
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    record("user_password_reset", user)
    return password


@transaction.atomic
def change_own_password(user: User, new_password: str) -> None:
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record("password_changed", user)


@transaction.atomic
def save_unit(unit: Unit, *, aliases: Iterable[str] | None = None, actor: User | None = None) -> Unit:
    """Create or update a unit (and replace its aliases when given)."""
    _require_manager(actor)
    before = None
    if unit.pk is not None:
        before = snapshot(Unit.objects.get(pk=unit.pk), UNIT_FIELDS)
        before["aliases"] = sorted(unit.aliases.values_list("alias", flat=True))
    unit.full_clean()
    unit.save()
    if aliases is not None:
        replace_aliases(unit, aliases)
    after = {**snapshot(unit, UNIT_FIELDS), "aliases": sorted(unit.aliases.values_list("alias", flat=True))}
    record("unit_created" if before is None else "unit_updated", unit, before=before, after=after)
    return unit


@transaction.atomic
def set_liaison(unit: Unit, liaison: User | None, *, actor: User | None = None) -> Unit:
    """Name the unit's 政务公开联络员, who receives its task reminders (None: nobody, and the
    reminders go to all of its clerks). Only a working account of the unit itself qualifies."""
    policy.require_manage(actor or SYSTEM, "只有公开办管理员可以指定单位的政务公开联络员。")
    if liaison is not None:
        _check_liaison(unit, liaison)
    if unit.liaison_id == (liaison.pk if liaison else None):
        return unit
    before = {"liaison": unit.liaison.username if unit.liaison else None}
    unit.liaison = liaison
    unit.save(update_fields=["liaison"])
    record("unit_liaison_set", unit, before=before, after={"liaison": liaison.username if liaison else None})
    return unit


def _check_liaison(unit: Unit, user: User) -> None:
    if user.unit_id != unit.pk:
        where = f"是{user.unit.name}的工作人员" if user.unit else "不属于任何单位"
        raise ValidationError(f"{user}{where}，不能担任{unit.name}的联络员，请选择本单位的工作人员。")
    if not user.is_active:
        raise ValidationError(f"{user}的账号已停用，不能担任联络员。")
    if not user.role_set:
        raise ValidationError(f"{user}还没有任何角色，登录后看不到本单位的任务，请先为其分配角色。")


def replace_aliases(unit: Unit, aliases: Iterable[str]) -> None:
    wanted = {normalize_phrase(alias) for alias in aliases if alias.strip()}
    wanted.discard(normalize_phrase(unit.name))
    clash = UnitAlias.objects.filter(alias__in=wanted).exclude(unit=unit).first()
    if clash is not None:
        raise ValidationError(f"别名“{clash.alias}”已属于{clash.unit.name}。")
    UnitAlias.objects.filter(unit=unit).exclude(alias__in=wanted).delete()
    existing = set(UnitAlias.objects.filter(unit=unit).values_list("alias", flat=True))
    UnitAlias.objects.bulk_create([UnitAlias(unit=unit, alias=a) for a in sorted(wanted - existing)])


@transaction.atomic
def add_alias(unit: Unit, alias: str, *, actor: User | None = None) -> UnitAlias:
    """Remember that ``alias`` means ``unit`` (e.g. when the office resolves an import)."""
    _require_manager(actor)
    normalized = normalize_phrase(alias)
    existing = UnitAlias.objects.filter(alias=normalized).select_related("unit").first()
    if existing is not None and existing.unit_id != unit.pk:
        raise ValidationError(f"别名“{normalized}”已属于{existing.unit.name}。")
    entry, created = UnitAlias.objects.get_or_create(alias=normalized, unit=unit)
    if created:
        record("unit_alias_added", unit, after={"alias": normalized})
    return entry
