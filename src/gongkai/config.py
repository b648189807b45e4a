"""Strict readers for the environment variables that configure Gongkai.

Every helper raises ``ImproperlyConfigured`` with a one-line message that names the variable, so
that a typo stops start-up instead of silently running on a default (the habit of healthchecks'
settings). The command line turns that exception into one line on stderr.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from gongkai.rules.clientip import parse_networks

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str, environ: Mapping[str, str] = os.environ) -> str:
    value = environ.get(name)
    if value is None:
        return default
    value = value.strip()
    if not value:
        raise ImproperlyConfigured(f"{name}: 不能为空（删除该变量即使用默认值）")
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...], environ: Mapping[str, str] = os.environ) -> str:
    """One of ``choices`` (compared in lower case)."""
    value = env_str(name, default, environ).lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}: 应为 {'、'.join(choices)} 之一，而不是 {value!r}")
    return value


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    value = environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}: 应为 true/false（或 1/0），而不是 {value!r}")


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    value = environ.get(name)
    if value is None:
        return list(default)
    items = [item.strip() for item in value.split(",")]
    if not all(items):
        raise ImproperlyConfigured(f"{name}: 应为逗号分隔的非空列表，而不是 {value!r}")
    return items


def env_networks(name: str, environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """Comma-separated IP addresses or networks (``10.0.0.1,172.16.0.0/12``); none when unset."""
    value = environ.get(name)
    if value is None:
        return ()
    items = tuple(item.strip() for item in value.split(","))
    try:
        parse_networks(items)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None
    return items


def env_int(name: str, default: int, environ: Mapping[str, str] = os.environ) -> int:
    value = environ.get(name)
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}: 应为整数，而不是 {value!r}") from None


def env_weight(name: str, default: str, minimum: str, environ: Mapping[str, str] = os.environ) -> Decimal:
    """A weight in percent, e.g. ``5`` or ``4.5``, at least ``minimum`` and at most 100."""
    value = environ.get(name, default).strip()
    try:
        weight = Decimal(value)
    except InvalidOperation:
        weight = Decimal("NaN")
    if not weight.is_finite() or not Decimal(minimum) <= weight <= 100:
        raise ImproperlyConfigured(f"{name}: 应为 {minimum} 至 100 之间的百分数，如 5，而不是 {value!r}")
    return weight


def env_workdays(
    name: str, default: tuple[int, ...], environ: Mapping[str, str] = os.environ
) -> tuple[int, ...]:
    """Distinct positive numbers of working days, e.g. ``5,1``, largest first."""
    value = environ.get(name)
    if value is None:
        return tuple(sorted(set(default), reverse=True))
    parts = [part.strip() for part in value.split(",")]
    if not all(part.isascii() and part.isdigit() and 1 <= int(part) <= 60 for part in parts):
        raise ImproperlyConfigured(f"{name}: 应为逗号分隔的工作日数（1 至 60），如 5,1，而不是 {value!r}")
    return tuple(sorted({int(part) for part in parts}, reverse=True))


def env_clock(name: str, environ: Mapping[str, str] = os.environ) -> dict[str, int | bool]:
    """The jurisdiction's FOI clock periods, e.g. ``reply_workdays=15,amendment_workdays=10``
    (fields of ``rules.foiclock.ClockRules``), checked against the 条例 now rather than at the
    first request."""
    from gongkai.rules.foiclock import ClockError, ClockRules

    value = environ.get(name, "").strip()
    values: dict[str, int | bool] = {}
    for pair in filter(None, (part.strip() for part in value.split(","))):
        key, _, raw = pair.partition("=")
        raw = raw.strip().lower()
        if raw in ("true", "false"):
            values[key.strip()] = raw == "true"
        elif raw.isascii() and raw.isdigit():
            values[key.strip()] = int(raw)
        else:
            raise ImproperlyConfigured(f"{name}: 应为“名称=工作日数”，以逗号分隔，而不是 {pair!r}")
    try:
        ClockRules(**values)  # type: ignore[arg-type]
    except TypeError:
        raise ImproperlyConfigured(f"{name}: 未知的期限设置 {sorted(values)}") from None
    except ClockError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None
    return values


def env_message_limits(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """The reply periods of public messages, e.g. ``咨询=5,投诉=15`` (fields of
    ``rules.interaction.MessageLimits``, kinds by label or name), checked now rather than at the
    first message."""
    from gongkai.rules.interaction import MessageError, parse_limits

    return _checked(name, parse_limits, MessageError, environ)


def env_consultation_days(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """The minimum comment periods of consultations in days per draft kind, e.g.
    ``normative=30,other=10`` (``rules.interaction.consultations.parse_min_days``), checked now."""
    from gongkai.rules.interaction.consultations import ConsultationError, parse_min_days

    return _checked(name, parse_min_days, ConsultationError, environ)


def env_report_deadlines(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """The jurisdiction's annual-report deadlines, e.g. ``department=01-26,government=03-20``,
    checked against 《政府信息公开条例》第四十九条 now (``rules.annualreport.deadlines``)."""
    from gongkai.rules.annualreport.deadlines import DeadlineError, parse_deadlines

    return _checked(name, parse_deadlines, DeadlineError, environ)


def _checked(
    name: str, check: Callable[[str], object], errors: type[Exception], environ: Mapping[str, str]
) -> str:
    """The variable's value, once ``check`` accepts it; its error stops start-up in one line."""
    value = environ.get(name, "").strip()
    try:
        check(value)
    except errors as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None
    return value


# Host names under which the platform only ever runs on one's own machine (make run, tests, the
# benchmarks); any other name in GONGKAI_ALLOWED_HOSTS means it serves real users.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]", "testserver"})
LOCAL_SITE_URL = "http://127.0.0.1:8000"  # what `make run` serves


def env_site_url(
    name: str, *, debug: bool, allowed_hosts: list[str], environ: Mapping[str, str] = os.environ
) -> str:
    """The platform's own address, put in front of every link in a letter or an e-mail. Required
    in production — when the site answers to a real host name and debug is off —, where a link
    without it would lead nowhere; on one's own machine it defaults to ``make run``'s address."""
    value = environ.get(name)
    if value is None:
        if debug or all(host in LOCAL_HOSTS for host in allowed_hosts):
            return LOCAL_SITE_URL
        raise ImproperlyConfigured(
            f"{name}: 生产环境必须设置平台的完整网址（如 https://gk.example.gov.cn），"
            "信函和邮件中的链接都以它开头"
        )
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name}: 应为 https://主机名[/路径] 形式的完整网址，而不是 {value!r}")
    return value.strip().rstrip("/")


STAFF_ROLES = ("office_admin", "reviewer", "clerk", "evaluator")


def env_two_factor_roles(name: str, environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """Who must sign in with a second factor: roles (``office_admin,reviewer``, the default),
    ``all`` staff, or ``none`` (then only those who enrolled by choice are asked)."""
    value = environ.get(name)
    if value is None:
        return ("office_admin", "reviewer")
    items = tuple(item.strip() for item in value.split(",") if item.strip())
    if items in ((), ("none",)):
        return ()
    if items == ("all",):
        return items
    unknown = [item for item in items if item not in STAFF_ROLES]
    if unknown:
        raise ImproperlyConfigured(
            f"{name}: 应为 all、none 或角色列表（{', '.join(STAFF_ROLES)}），无法识别 {', '.join(unknown)}"
        )
    return items


def env_proxy_ssl_header(name: str, environ: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """``X-Forwarded-Proto`` (or another header name): the trusted reverse proxy says by this
    header that the browser's connection was HTTPS (Django's SECURE_PROXY_SSL_HEADER)."""
    value = environ.get(name, "").strip()
    if not value:
        return None
    if not all(char.isalnum() or char == "-" for char in value):
        raise ImproperlyConfigured(f"{name}: 应为请求头名称，如 X-Forwarded-Proto，而不是 {value!r}")
    return ("HTTP_" + value.upper().replace("-", "_"), "https")


def parse_database_url(name: str, url: str, base_dir: Path) -> dict[str, Any]:
    """Turn ``sqlite:///var/gongkai.sqlite3`` or ``postgres://u:p@host:5432/db`` into Django's dict."""
    parts = urlsplit(url)
    hint = "应为 sqlite:///路径 或 postgres://用户:密码@主机:端口/库名"
    if parts.scheme == "sqlite":
        if parts.netloc or not parts.path.startswith("/") or len(parts.path) < 2:
            raise ImproperlyConfigured(f"{name}: 无法识别的 SQLite 地址 {url!r}（{hint}）")
        raw_path = Path(unquote(parts.path[1:]))
        path = raw_path if raw_path.is_absolute() else base_dir / raw_path
        return sqlite_database(path)
    if parts.scheme in {"postgres", "postgresql"}:
        dbname = unquote(parts.path.lstrip("/"))
        if not parts.hostname or not dbname:
            raise ImproperlyConfigured(f"{name}: PostgreSQL 地址缺少主机或库名：{url!r}（{hint}）")
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured(f"{name}: 端口不是数字：{url!r}") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": dbname,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname,
            "PORT": str(port or ""),
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(f"{name}: 无法识别的数据库地址 {url!r}（{hint}）")


def sqlite_database(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            # WAL lets the portal read while the worker writes; IMMEDIATE takes the write lock at
            # BEGIN so that two writers queue on the busy timeout instead of failing mid-transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def secret_key(name: str, var_dir: Path, environ: Mapping[str, str] = os.environ) -> str:
    """The key from the environment, else one generated once into ``var/`` (never committed)."""
    value = environ.get(name)
    if value is not None:
        if len(value.strip()) < 32:
            raise ImproperlyConfigured(f"{name}: 密钥至少 32 个字符")
        return value.strip()
    key_file = var_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="ascii").strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # the web server and the worker started at the same moment
        return key_file.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
