from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from gongkai.audit.context import Actor, client_ip, reset_actor, set_actor


class AuditContextMiddleware:
    """Makes the request's user and address the actor of the audit rows written meanwhile."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        label = str(user) if user is not None else "公众"
        token = set_actor(Actor(user=user, ip_address=client_ip(request), label=label))
        try:
            return self.get_response(request)
        finally:
            reset_actor(token)
