from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# No inline script anywhere: every script is a file served by the app itself. The admin keeps
# inline style attributes of its own templates, so only there are they allowed.
_BASE_POLICY = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PORTAL_CSP = _BASE_POLICY + "; style-src 'self'"
ADMIN_CSP = _BASE_POLICY + "; style-src 'self' 'unsafe-inline'"


# Pages behind the staff login show personal data (requesters, phone numbers, identity proofs):
# no browser or proxy may keep a copy (a shared office computer's back button, a proxy cache).
PRIVATE_PREFIXES = ("/console/", "/admin/", "/accounts/")


class SecurityHeadersMiddleware:
    """Content-Security-Policy, frame denial and a conservative permissions policy; no-store on
    staff pages; Secure cookies on every HTTPS request (the proxy may say so, per request)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        csp = ADMIN_CSP if request.path.startswith("/admin/") else PORTAL_CSP
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.path.startswith(PRIVATE_PREFIXES):
            response.headers["Cache-Control"] = "no-store, private"
        if request.is_secure():
            for cookie in response.cookies.values():
                cookie["secure"] = True
        return response
