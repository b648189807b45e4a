"""The one settings module of Gongkai, configured by the environment (see config.py).

| variable | meaning | default |
| --- | --- | --- |
| GONGKAI_DATABASE_URL | sqlite:///path or postgres://user:pass@host:port/db | SQLite in var/ |
| GONGKAI_SECRET_KEY | Django's secret key | generated once into var/secret_key |
| GONGKAI_DEBUG | debug pages | false |
| GONGKAI_ALLOWED_HOSTS | comma-separated host names | 127.0.0.1,localhost |
| GONGKAI_VAR_DIR | where the database, keys, uploads and the job queue live | ./var |
| GONGKAI_REDIS_URL | use Redis for background jobs and the cache instead of SQLite and local memory (required with several app servers: the page cache must be one for all) | unset |
| GONGKAI_MEDIA_DIR | where uploads (identity proofs, attachments, evidence) are kept, through Django's storage API; with several app servers a directory all of them mount (NFS), or an S3-compatible store through GONGKAI_MEDIA_STORAGE | var/media |
| GONGKAI_MEDIA_STORAGE | the storage class of uploads, e.g. storages.backends.s3.S3Storage (django-storages, configured by its own AWS_* settings) | django.core.files.storage.FileSystemStorage |
| GONGKAI_PORTAL_CACHE_SECONDS | how long a public page may stay in the cache unused (0: no cache); a change is seen at once whatever this says (gongkai.pagecache) | 600 |
| GONGKAI_PORTAL_MEMO_SECONDS | how long the catalog's counts stay in the cache, also when pages are not cached (0: counted on every page); a change is seen at once (gongkai.pagecache.memo) | 3600 |
| GONGKAI_TRUSTED_PROXIES | addresses or networks of our reverse proxies, whose X-Forwarded-For / X-Real-IP are believed | none: the headers are ignored |
| GONGKAI_SITE_URL | the platform's address, in front of every link in letters and e-mails; required in production (a host in GONGKAI_ALLOWED_HOSTS other than localhost) | http://127.0.0.1:8000 on one's own machine |
| GONGKAI_PLAN_REMINDER_WORKDAYS | how many working days before each plan due date the units are reminded | 5,1 |
| GONGKAI_ASSESSMENT_WEIGHT | the weight, in percent, of 政务公开 in the government's performance assessment; at least 4 (seeds 000, 002) | 4 |
| GONGKAI_FOI_CLOCK | the jurisdiction's disclosure-request periods, never longer than the 条例's, e.g. reply_workdays=15,amendment_workdays=10 (fields of rules.foiclock.ClockRules) | the 条例's |
| GONGKAI_MESSAGE_LIMITS | reply periods of public messages in working days per kind, e.g. 咨询=5,投诉=15,remind_before=2,escalate_after=1 (fields of rules.interaction.MessageLimits) | 咨询 5, the others 10 |
| GONGKAI_CONSULTATION_MIN_DAYS | the shortest comment period of a consultation in days per draft kind (normative, major_decision, other); a shorter one needs a stated reason, e.g. normative=30,other=10 | 30, 30 and 7 |
| GONGKAI_ANNUAL_REPORT_DEADLINES | the jurisdiction's dates for last year's annual report, never later than the 条例's, e.g. department=01-26,government=03-20 | 01-31 and 03-31 |
| GONGKAI_API_RATE_ADDRESS, GONGKAI_API_RATE_TOKEN | API requests per minute per client address and per token (0: no limit) | 300, 1200 |
| GONGKAI_API_CORS_ORIGINS | origins allowed to call the API from a browser (comma-separated; * for any) | none: CORS off |
| GONGKAI_API_MAX_BODY_BYTES | the largest request body the API accepts | 65536 |
| GONGKAI_ANNUAL_REPORT_REMINDER_WORKDAYS | how many working days before the annual report's deadline the units that have not handed it in are reminded | 10,5,1 |
| GONGKAI_AUDIT_HASH | the audit log's hash chain: sha256, or sm3 for 国密 (GB/T 32905-2016) | sha256 |
| GONGKAI_BACKUP_DIR | where `gongkai backup` and the worker's nightly backup write their archives (put it on another disk) | var/backups |
| GONGKAI_BACKUP_KEEP_DAILY, GONGKAI_BACKUP_KEEP_WEEKLY | how many days' and weeks' newest nightly archives are kept | 7, 4 |
| GONGKAI_TWO_FACTOR_REQUIRED | who must sign in with a second factor (TOTP): roles such as office_admin,reviewer, all, or none (only those who enrolled) | office_admin,reviewer |
| GONGKAI_PROXY_SSL_HEADER | the header by which the trusted reverse proxy says the connection was HTTPS, e.g. X-Forwarded-Proto (then HSTS and Secure cookies on those requests) | unset |
| GONGKAI_HSTS_SECONDS | Strict-Transport-Security max-age sent on HTTPS requests | 31536000 |
| GONGKAI_CSRF_TRUSTED_ORIGINS | origins (scheme://host) whose form posts are accepted besides the request's own host, e.g. https://gk.example.gov.cn behind a proxy that rewrites Host | none |
| GONGKAI_USE_X_FORWARDED_HOST | believe the proxy's X-Forwarded-Host for the host name (only if the proxy sets it; deploy/nginx/gongkai.conf passes Host instead) | false |
| GONGKAI_SITE_NAME, GONGKAI_SITE_SPONSOR, GONGKAI_SITE_OPERATOR, GONGKAI_SITE_CODE, GONGKAI_SITE_ICP | the portal's name and footer (主办、承办、网站标识码、备案号) | demo values |
| GONGKAI_BENCH_BARE_VIEW | serve the portal benchmark's bare peer view at /bench/bare/<pk>/ (only `python -m gongkai.bench portal` sets it) | false |
| GONGKAI_SEARCH_PG_INDEX | PostgreSQL's full-text index, chosen when migrating (search 0005): rum (the rum extension, when the server has it and this user may create it) or grams (GIN, larger; what a server without rum gets anyway) | rum |
"""

from __future__ import annotations

from pathlib import Path

from gongkai.config import (
    env_bool,
    env_choice,
    env_clock,
    env_consultation_days,
    env_int,
    env_list,
    env_message_limits,
    env_networks,
    env_proxy_ssl_header,
    env_report_deadlines,
    env_site_url,
    env_str,
    env_two_factor_roles,
    env_weight,
    env_workdays,
    parse_database_url,
    secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent
# An editable install (make run) keeps var/ beside pyproject.toml; otherwise the working directory.
_REPO_DIR = PACKAGE_DIR.parents[1]
BASE_DIR = _REPO_DIR if (_REPO_DIR / "pyproject.toml").exists() else Path.cwd()
VAR_DIR = Path(env_str("GONGKAI_VAR_DIR", str(BASE_DIR / "var"))).resolve()

DEBUG = env_bool("GONGKAI_DEBUG", False)
# The reverse proxies in front of the platform (e.g. 10.0.0.5 or 10.0.0.0/24): only a connection
# from one of them may tell the client's address in X-Forwarded-For / X-Real-IP (rules.clientip).
GONGKAI_TRUSTED_PROXIES = env_networks("GONGKAI_TRUSTED_PROXIES")
SECRET_KEY = secret_key("GONGKAI_SECRET_KEY", VAR_DIR)
ALLOWED_HOSTS = env_list("GONGKAI_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

DATABASES = {
    "default": parse_database_url(
        "GONGKAI_DATABASE_URL",
        env_str("GONGKAI_DATABASE_URL", f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"),
        BASE_DIR,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "huey.contrib.djhuey",
    # ground floor: pure rules live in gongkai.rules (not an app)
    "gongkai.orgs",
    "gongkai.audit",
    "gongkai.calendars",
    "gongkai.jobs",
    "gongkai.search",
    # domain apps
    "gongkai.plans",
    "gongkai.records",
    "gongkai.foi",
    "gongkai.interaction",
    "gongkai.assessment",
    "gongkai.reports",
    "gongkai.monitoring",
    "gongkai.backup",
    "gongkai.opendata",
    # top floor
    "gongkai.api",
    "gongkai.console",
    "gongkai.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gongkai.portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gongkai.api.middleware.ApiMiddleware",
    "gongkai.pagecache.EarlyPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "gongkai.audit.middleware.AuditContextMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% url %} with literal arguments reversed once per template (see the module)
            "builtins": ["gongkai.portal.templatetags.kept_urls"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.portal.context.site",
            ],
        },
    }
]

# --- People and login (政务系统的登录要求) ---
AUTH_USER_MODEL = "orgs.User"
AUTHENTICATION_BACKENDS = ["gongkai.orgs.auth.LockoutModelBackend"]
LOGIN_URL = "orgs:login"
LOGIN_REDIRECT_URL = "console:home"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "gongkai.orgs.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "gongkai.orgs.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_LOCKOUT_ATTEMPTS = 5
LOGIN_LOCKOUT_MINUTES = 15
LOGIN_ADDRESS_FAILURES = 30  # failures from one address, over all accounts, in the same window
# Sessions live in the database, which every app server shares: a user signed in through one
# server goes on through any other (tests/cluster).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 30 * 60  # 30 idle minutes: every request renews the expiry
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Who must sign in with a second factor (orgs.twofactor): by default the office admin and reviewers.
GONGKAI_TWO_FACTOR_REQUIRED = env_two_factor_roles("GONGKAI_TWO_FACTOR_REQUIRED")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Language and time ---
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Files ---
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it even when serving from finders
STORAGES = {
    # Uploads are written and read only through this storage (FileField / default_storage), so
    # that every app server sees the same files: one directory they all mount, or an object store.
    "default": {"BACKEND": env_str("GONGKAI_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve our own assets without a collectstatic step
MEDIA_ROOT = Path(env_str("GONGKAI_MEDIA_DIR", str(VAR_DIR / "media"))).resolve()
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
GONGKAI_UPLOAD_MAX_BYTES = env_int("GONGKAI_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

# --- Background work (huey: SQLite by default, Redis when configured) ---
_REDIS_URL = env_str("GONGKAI_REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL, "KEY_PREFIX": "gongkai"}
        if _REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}
    )
}
GONGKAI_PORTAL_CACHE_SECONDS = env_int("GONGKAI_PORTAL_CACHE_SECONDS", 600)
GONGKAI_PORTAL_MEMO_SECONDS = env_int("GONGKAI_PORTAL_MEMO_SECONDS", 3600)
GONGKAI_BENCH_BARE_VIEW = env_bool("GONGKAI_BENCH_BARE_VIEW", False)
GONGKAI_SEARCH_PG_INDEX = env_choice("GONGKAI_SEARCH_PG_INDEX", "rum", ("rum", "grams"))
HUEY = {
    "name": "gongkai",
    "immediate": False,
    "results": True,
    # Periodic tasks' crontabs are read in local time (TIME_ZONE, which Django puts in the
    # process's TZ): "hour=2" is 02:00 in Asia/Shanghai, not 10:00.
    "utc": False,
    "consumer": {"workers": 2, "worker_type": "thread", "periodic": True, "check_worker_health": True},
    **(
        {"huey_class": "huey.RedisHuey", "url": _REDIS_URL}
        if _REDIS_URL
        else {"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "jobs.sqlite3")}
    ),
}

EMAIL_BACKEND = env_str("GONGKAI_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("GONGKAI_FROM_EMAIL", "gongkai@localhost")

# --- Plans in motion: reminders to the units, N working days before each due date ---
GONGKAI_PLAN_REMINDER_WORKDAYS = env_workdays("GONGKAI_PLAN_REMINDER_WORKDAYS", (5, 1))
GONGKAI_FOI_CLOCK = env_clock("GONGKAI_FOI_CLOCK")
GONGKAI_MESSAGE_LIMITS = env_message_limits("GONGKAI_MESSAGE_LIMITS")
GONGKAI_CONSULTATION_MIN_DAYS = env_consultation_days("GONGKAI_CONSULTATION_MIN_DAYS")
# 政务公开's weight in the government's performance assessment: seed 000 "分值权重不应低于4%".
GONGKAI_ASSESSMENT_WEIGHT = env_weight("GONGKAI_ASSESSMENT_WEIGHT", "4", minimum="4")
GONGKAI_ANNUAL_REPORT_DEADLINES = env_report_deadlines("GONGKAI_ANNUAL_REPORT_DEADLINES")
GONGKAI_ANNUAL_REPORT_REMINDER_WORKDAYS = env_workdays("GONGKAI_ANNUAL_REPORT_REMINDER_WORKDAYS", (10, 5, 1))
# The platform's address (e.g. https://gk.example.gov.cn), for links in letters and e-mails
# (gongkai.links.absolute_url): start-up stops without it in production.
GONGKAI_SITE_URL = env_site_url("GONGKAI_SITE_URL", debug=DEBUG, allowed_hosts=ALLOWED_HOSTS)
# Served over TLS (the site URL is https, or the proxy says so per request): Secure cookies and HSTS.
# SecurityMiddleware sends HSTS only on requests that are secure; the portal's middleware marks the
# cookies of such a request Secure even when the site URL does not say https.
SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("GONGKAI_PROXY_SSL_HEADER")
SESSION_COOKIE_SECURE = env_bool("GONGKAI_SECURE_COOKIES", GONGKAI_SITE_URL.startswith("https://"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("GONGKAI_HSTS_SECONDS", 365 * 24 * 3600)
# Behind a reverse proxy (docs/deploy.md): form posts from these origins, and the host it names.
CSRF_TRUSTED_ORIGINS = env_list("GONGKAI_CSRF_TRUSTED_ORIGINS", [])
USE_X_FORWARDED_HOST = env_bool("GONGKAI_USE_X_FORWARDED_HOST", False)

# --- The JSON API (/api/v1/) ---
# Requests per minute per client address and per token (0: no limit); answered 429 with Retry-After.
GONGKAI_API_RATE_ADDRESS = env_int("GONGKAI_API_RATE_ADDRESS", 300)
GONGKAI_API_RATE_TOKEN = env_int("GONGKAI_API_RATE_TOKEN", 1200)
# Origins allowed to call the API from a browser (CORS): none by default; "*" for any.
GONGKAI_API_CORS_ORIGINS = env_list("GONGKAI_API_CORS_ORIGINS", [])
GONGKAI_API_MAX_BODY_BYTES = env_int("GONGKAI_API_MAX_BODY_BYTES", 64 * 1024)

# --- The audit chain and the backups (issue 21) ---
GONGKAI_AUDIT_HASH = env_choice("GONGKAI_AUDIT_HASH", "sha256", ("sha256", "sm3"))
GONGKAI_BACKUP_DIR = Path(env_str("GONGKAI_BACKUP_DIR", str(VAR_DIR / "backups"))).resolve()
GONGKAI_BACKUP_KEEP_DAILY = env_int("GONGKAI_BACKUP_KEEP_DAILY", 7)
GONGKAI_BACKUP_KEEP_WEEKLY = env_int("GONGKAI_BACKUP_KEEP_WEEKLY", 4)

# --- The portal's identity (政府网站标识) ---
GONGKAI_SITE = {
    "name": env_str("GONGKAI_SITE_NAME", "肇庆市人民政府 政务公开"),
    "sponsor": env_str("GONGKAI_SITE_SPONSOR", "肇庆市人民政府办公室"),
    "operator": env_str("GONGKAI_SITE_OPERATOR", "肇庆市政务服务数据管理局"),
    "site_code": env_str("GONGKAI_SITE_CODE", "4412000001"),
    "icp": env_str("GONGKAI_SITE_ICP", "粤ICP备00000000号（演示）"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The level sits on the handler: records that other loggers (huey's consumer) propagate are
    # filtered here too, instead of being printed twice.
    "handlers": {
        "console": {"class": "logging.StreamHandler", "level": env_str("GONGKAI_LOG_LEVEL", "WARNING")}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
