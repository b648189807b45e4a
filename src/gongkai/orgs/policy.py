"""The one permission policy: "may this user do this action on this object?"

Every app asks here rather than testing roles itself (the habit of Wagtail's permission policies).
An object takes part by having ``owner_unit_id`` (the unit that holds it) and ``is_public`` (True
once the public may read it); a model takes part in list scoping by naming ``unit_field`` (the
lookup to its owning unit, default ``"unit"``; ``None`` for the office's own data) and, if some rows are public, ``public_q()``.

The rules:
- 公开办管理员 may do everything.
- Anyone, even the public, may view a public object.
- A unit's clerk, reviewer or evaluator may view the non-public objects of their own unit only:
  another unit's drafts, requests and personal data stay invisible (404, not 403, in views).
- A requester's identity proof (and other papers that prove who a person is) is for the unit's
  clerks and reviewers, who handle the request, and the office: not for evaluators, who score how
  requests are handled and never need to see who someone is.
- A clerk changes their own unit's objects; a reviewer reviews (approves, returns, extends
  deadlines) their own unit's objects.
- Managing users and the registry is for the office admin alone.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Final, Protocol

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from gongkai.orgs.models import Role, User


class SystemActor:
    """The platform acting on its own: demo data, the worker's jobs, an import the office
    started. Service functions are given either a user or :data:`SYSTEM`, never nothing."""

    def __str__(self) -> str:
        return "系统"


SYSTEM: Final = SystemActor()
ServiceActor = User | SystemActor


class MissingActor(RuntimeError):
    """A service function was called without saying who acts: a view forgot to pass its user."""


class Action(StrEnum):
    VIEW = "view"
    VIEW_IDENTITY = "view_identity"  # a requester's identity proof
    CHANGE = "change"
    REVIEW = "review"
    EVALUATE = "evaluate"
    MANAGE = "manage"  # users, units, catalogs, calendars: the office's configuration


class UnitOwned(Protocol):
    @property
    def owner_unit_id(self) -> int | None: ...

    @property
    def is_public(self) -> bool: ...


# Which role may perform which action on its own unit's objects.
_ROLE_ACTIONS: dict[Action, frozenset[str]] = {
    Action.VIEW: frozenset({Role.CLERK, Role.REVIEWER, Role.EVALUATOR}),
    Action.VIEW_IDENTITY: frozenset({Role.CLERK, Role.REVIEWER}),
    Action.CHANGE: frozenset({Role.CLERK}),
    Action.REVIEW: frozenset({Role.REVIEWER}),
    Action.EVALUATE: frozenset({Role.EVALUATOR}),
    Action.MANAGE: frozenset(),
}


class PermissionPolicy:
    def may(self, user: User | AnonymousUser, action: Action, obj: UnitOwned) -> bool:
        if action is Action.VIEW and obj.is_public:
            return True
        if not isinstance(user, User) or not user.is_active:
            return False
        if user.is_office_admin:
            return True
        if action is Action.EVALUATE and user.has_role(Role.EVALUATOR):
            return True  # evaluators score every unit, on what the units show them
        return (
            user.unit_id is not None
            and obj.owner_unit_id == user.unit_id
            and bool(user.role_set & _ROLE_ACTIONS[action])
        )

    def may_manage(self, user: User | AnonymousUser) -> bool:
        return isinstance(user, User) and user.is_active and user.is_office_admin

    def require_actor(self, actor: ServiceActor | None) -> User | None:
        """The user behind ``actor`` (None for the platform itself); refuses a missing actor."""
        if actor is None:
            raise MissingActor("没有传入操作人：视图应传入 request.user，后台任务应传入 policy.SYSTEM。")
        return None if isinstance(actor, SystemActor) else actor

    def may_report(self, user: User | AnonymousUser, unit_id: int | None) -> bool:
        """May ``user`` write and hand in progress reports for the unit ``unit_id`` (its active clerk)."""
        return (
            isinstance(user, User) and user.is_active and unit_id is not None
            and user.unit_id == unit_id and user.has_role(Role.CLERK)
        )

    def require_manage(self, actor: ServiceActor | None, message: str) -> User | None:
        """Refuse a service call made by someone other than the office admin or the platform
        itself (:data:`SYSTEM`), and one that does not say who acts; returns the user behind
        ``actor`` (None for the platform)."""
        user = self.require_actor(actor)
        if user is not None and not self.may_manage(user):
            raise PermissionDenied(message)
        return user

    def require_report(self, actor: ServiceActor | None, unit_id: int | None, message: str) -> User | None:
        """Refuse a progress report written by anyone but the unit's active clerk or the platform
        itself (demo data); returns the user behind ``actor``."""
        user = self.require_actor(actor)
        if user is not None and not self.may_report(user, unit_id):
            raise PermissionDenied(message)
        return user

    def scope(
        self, user: User | AnonymousUser, queryset: QuerySet[Any], action: Action = Action.VIEW
    ) -> QuerySet[Any]:
        """The rows of ``queryset`` on which ``user`` may perform ``action``."""
        model = queryset.model
        public = _public_q(model) if action is Action.VIEW else None
        if public is ALL_ROWS:
            return queryset
        if isinstance(user, User) and user.is_active:
            if user.is_office_admin:
                return queryset
            unit_field = getattr(model, "unit_field", "unit")
            if unit_field and user.unit_id is not None and user.role_set & _ROLE_ACTIONS[action]:
                own = Q(**{unit_field: user.unit_id})
                return queryset.filter(own | public if public is not None else own)
        return queryset.filter(public) if public is not None else queryset.none()


ALL_ROWS = Q(pk__isnull=False)


def _public_q(model: type[Model]) -> Q | None:
    if getattr(model, "is_public", None) is True:
        return ALL_ROWS  # every row is public (e.g. the unit registry)
    public_q = getattr(model, "public_q", None)
    return public_q() if callable(public_q) else None


policy = PermissionPolicy()
