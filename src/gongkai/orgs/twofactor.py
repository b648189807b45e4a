"""Two-factor sign-in for staff (等保 2.0 第三级 身份鉴别: 两种或两种以上组合的鉴别技术).

The second factor is a time-based one-time password (TOTP, RFC 6238: 6 digits, 30-second steps,
SHA-1, which every authenticator app reads) computed with pyotp. Enrolment shows the secret as a QR
code drawn here as SVG (segno) and as text; the secret is saved only once the user has typed a code
from the app, so a half-finished enrolment leaves nothing behind. Each accepted code raises the
device's last time step: a code (or an older one) is never accepted twice.

Ten recovery codes are made at enrolment, shown once and kept only as password hashes; each works
once. Who must use the second factor is ``GONGKAI_TWO_FACTOR_REQUIRED`` (roles, or ``all``):
by default the office admin and reviewers. Anyone else who enrolled is asked for it too.

The secret is kept sealed with SM4 under a key derived from the site's secret key
(``rules.sealing``): a copy of the database or a backup does not give out the second factor. A
secret no key opens (the site key replaced without ``SECRET_KEY_FALLBACKS``) accepts no code:
the user signs in with a recovery code and enrols again.

Wrong codes are counted per account like wrong passwords (``LoginAttempt`` with stage
``second_factor``): five in the lockout window and the second step is refused for that window.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Final

import pyotp
import segno
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from gongkai.audit.context import Actor
from gongkai.audit.log import record
from gongkai.orgs.models import LoginAttempt, RecoveryCode, Role, TOTPDevice, User
from gongkai.rules import sealing

RECOVERY_CODES: Final = 10
SECOND_FACTOR: Final = "second_factor"
# Letters and digits that cannot be mistaken for one another when copied from paper.
_ALPHABET: Final = "abcdefghjkmnpqrstuvwxyz23456789"
ALL: Final = "all"


def required_for(user: User) -> bool:
    """Whether ``user`` may not work without a second factor (the setting, by role)."""
    required = set(getattr(settings, "GONGKAI_TWO_FACTOR_REQUIRED", ()))
    if ALL in required:
        return True
    return bool(required & user.role_set)


def device_of(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user).first()


def asks_second_factor(user: User) -> bool:
    """Whether the login of ``user`` goes on to a second step (a code, or enrolment first)."""
    return required_for(user) or device_of(user) is not None


SEAL_PURPOSE: Final = "totp"


def sealed(secret: str) -> str:
    return sealing.seal(secret, settings.SECRET_KEY, SEAL_PURPOSE)


def opened(device: TOTPDevice) -> str | None:
    """The device's secret, or None when no key of the site opens it."""
    try:
        return sealing.unseal(device.secret, [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS], SEAL_PURPOSE)
    except sealing.SealError:
        return None


def new_secret() -> str:
    return pyotp.random_base32()  # 32 base32 letters: 160 bits, as RFC 4226 recommends


def provisioning_uri(user: User, secret: str) -> str:
    issuer = settings.GONGKAI_SITE["name"]
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as inline SVG: drawn on the server, no image service, no script."""
    return str(segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff", title="动态口令二维码"))


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _matching_step(secret: str, code: str) -> int | None:
    """The time step (±1 step for clock drift) whose code is ``code``; None if none is."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    now = timezone.now()
    current = totp.timecode(now)
    for step in (current, current - 1, current + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def use_totp(device: TOTPDevice, code: str) -> bool:
    """Accept ``code`` once: the device's last step rises in one UPDATE, so two requests sending
    the same code at the same moment cannot both pass."""
    secret = opened(device)
    step = None if secret is None else _matching_step(secret, code)
    if step is None:
        return False
    return TOTPDevice.objects.filter(pk=device.pk, last_step__lt=step).update(last_step=step) == 1


def _new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(10))  # about 50 bits
    return f"{raw[:5]}-{raw[5:]}"


def _normal_code(code: str) -> str:
    return "".join(code.lower().split()).replace("-", "")


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; the plain codes are returned once."""
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=make_password(_normal_code(code))) for code in codes
    )
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    normal = _normal_code(code)
    if len(normal) != 10 or any(char not in _ALPHABET for char in normal):
        return False
    for stored in RecoveryCode.objects.filter(user=user, used_at__isnull=True):
        if check_password(normal, stored.code_hash):
            # Conditional: of two requests with the same code, one marks it used, the other fails.
            return RecoveryCode.objects.filter(pk=stored.pk, used_at__isnull=True).update(
                used_at=timezone.now()
            ) == 1
    return False


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def second_factor_blocked(username: str) -> bool:
    """Five wrong codes for the account within the lockout window stop the second step."""
    since = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    failures = LoginAttempt.objects.filter(
        username=username, stage=SECOND_FACTOR, succeeded=False, attempted_at__gte=since
    )
    return failures.count() >= settings.LOGIN_LOCKOUT_ATTEMPTS


def check_second_factor(user: User, code: str, ip: str | None) -> str | None:
    """The method that accepted ``code`` ("totp" or "recovery_code"), or None; a failure is counted
    and audited, and the fifth one audited as a lock."""
    device = device_of(user)
    method = None
    with transaction.atomic():
        if device is not None and use_totp(device, code):
            method = "totp"
        elif use_recovery_code(user, code):
            method = "recovery_code"
        LoginAttempt.objects.create(
            username=user.username, ip_address=ip, succeeded=method is not None, stage=SECOND_FACTOR
        )
        actor = Actor(user=None, ip_address=ip, label=user.username)
        if method == "recovery_code":
            record("recovery_code_used", user, actor=actor, after={"left": recovery_codes_left(user)})
        elif method is None:
            record("second_factor_failed", user, actor=actor)
            if second_factor_blocked(user.username):
                record("second_factor_locked", user, actor=actor,
                       after={"failures": settings.LOGIN_LOCKOUT_ATTEMPTS})
    return method


@transaction.atomic
def enrol(user: User, secret: str, code: str, *, ip: str | None) -> list[str] | None:
    """Save the device once ``code`` shows the app holds ``secret`` (replacing any old device)
    and make new recovery codes, returned for showing once; None for a wrong code."""
    step = _matching_step(secret, code)
    if step is None:
        return None
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(user=user, secret=sealed(secret), confirmed_at=timezone.now(), last_step=step)
    codes = new_recovery_codes(user)
    record("two_factor_enrolled", user, actor=Actor(user=user, ip_address=ip, label=str(user)))
    return codes


@transaction.atomic
def regenerate_codes(user: User, *, ip: str | None) -> list[str]:
    codes = new_recovery_codes(user)
    record("recovery_codes_renewed", user, actor=Actor(user=user, ip_address=ip, label=str(user)))
    return codes


@transaction.atomic
def remove(user: User, *, actor: User, ip: str | None) -> None:
    """Take away the user's device and codes: the user, if the second factor is not required of
    them; the office admin, for someone who lost the phone (they enrol again at the next login)."""
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    record("two_factor_removed", user, actor=Actor(user=actor, ip_address=ip, label=str(actor)))


def required_roles_label() -> str:
    required = tuple(getattr(settings, "GONGKAI_TWO_FACTOR_REQUIRED", ()))
    if ALL in required:
        return "全部工作人员"
    return "、".join(Role(role).label for role in required if role in Role.values) or "无"
