"""Settings, read from the environment with safe local defaults.

A checkout runs as it is: SQLite and a file-system Celery broker under ./var. Set
DATABASE_URL and REDIS_URL for PostgreSQL and Redis. Bad values fail at start-up.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from sso.claims import parse_role_map

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("HRDD_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
env.read_env(str(BASE_DIR / ".env"), overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files, no CDN
    "django_celery_beat",
    "outbox",  # background work recorded in the database (lowest layer)
    "axes",  # failed sign-ins, per user and per address
    # The domain, one app per part of it.
    "taxonomy",  # the vocabulary, and the {% load words %} filters that name its codes
    "audit",
    "refdata",
    "accounts",
    "partners",
    "sso",  # single sign-on (OpenID Connect): identities and organisation values
    "partner_dd",  # partners' own due diligence: questionnaire, evidence, maturity
    "countries",
    "restricted_parties",
    "rules",
    "opportunities",
    "reviews",
    "lifecycle",  # a deal's life composed once: register, screen, route, announce
    "channel_imports",
    "onboarding",  # `manage.py setup`: the vendor and the first admin of a fresh install
    "saved_views",  # a user's named filters of a list (reads each list's filterset)
    "dashboards",  # overviews: compliance and a partner's own (reads other apps)
    "records",  # evidence packs, retention, authority notifications, the annual statement
    "monitoring",  # continuous due diligence: re-screening when the world changes
    "grievances",  # public misuse reports and their triage (above reviews: it opens cases)
    "webhooks",  # signed event deliveries to CRMs (above reviews: it reads the deal projection)
    "demo",
    "operations",  # /health/, /metrics/ and `manage.py health` (top layer: reads every app)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hrdd.middleware.ApiBodySizeLimitMiddleware",
    # Session, user and messages: Django's, skipped for token-authenticated API calls.
    "hrdd.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the page's language: chosen, or the browser's
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "hrdd.middleware.AuthenticationMiddleware",
    "accounts.middleware.RememberLanguageMiddleware",  # for emails written by workers
    "hrdd.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hrdd.middleware.ApplicationErrorMiddleware",
    "hrdd.middleware.CSPMiddleware",  # django-csp's, its header built once
    "axes.middleware.AxesMiddleware",  # last: turns a lock-out into its own response
]

ROOT_URLCONF = "hrdd.urls"
WSGI_APPLICATION = "hrdd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
            ],
        },
    },
]

# --- Database: SQLite by default (WAL, immediate transactions so the worker, beat and the
# web process can write side by side), PostgreSQL when DATABASE_URL says so.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'hrdd.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# Kept between requests on both: a new SQLite connection reads the whole schema again
# (tables, indexes, audit triggers), about 4 ms of CPU, more than a deal's detail itself.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # Values bound on the server and a statement prepared the Nth time a connection runs
    # it, so repeated reads skip parsing and planning. Off behind a pooler that loses them
    # (PgBouncer before 1.21; hrdd.prepared turns it off if one is lost). Keep the threshold
    # above 0: a schema change of several commands cannot be prepared.
    if env.bool("DATABASE_PREPARED_STATEMENTS", default=True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True,
            prepare_threshold=env.int("DATABASE_PREPARE_THRESHOLD", default=5),
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule: Django tells validators when a password changed; this one revokes API tokens.
    {"NAME": "accounts.passwords.RevokeApiTokensOnPasswordChange"},
]

# --- Signing in: failed attempts are counted per username and per address (django-axes,
# in the database, so every web and worker process agrees); past the limit both the web
# sign-in and API token requests answer 429 until the lock-out ends.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "sso.backends.PasswordBackend",  # Django's, unless PASSWORD_SIGNIN_ENABLED is off
    "sso.backends.OidcBackend",  # single sign-on, when OIDC_ISSUER and OIDC_CLIENT_ID are set
]
AXES_FAILURE_LIMIT = env.int("SIGNIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SIGNIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.signin_locked_out"
AXES_VERBOSE = False
# Behind reverse proxies, how many of them append to X-Forwarded-For (0: use REMOTE_ADDR).
SIGNIN_TRUSTED_PROXIES = env.int("SIGNIN_TRUSTED_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.views.signin_client_address"
# --- Single sign-on (OpenID Connect, mozilla-django-oidc): on when OIDC_ISSUER and
# OIDC_CLIENT_ID are set. Endpoints come from the issuer's discovery document unless set.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="")
OIDC_RP_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_ENABLED = bool(OIDC_ISSUER and OIDC_RP_CLIENT_ID)
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="single sign-on")
OIDC_RP_SIGN_ALGO = env.str("OIDC_SIGN_ALGORITHM", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_SCOPES", default="openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_USERINFO_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_JWKS_ENDPOINT", default="")
OIDC_ROLE_CLAIM = env.str("OIDC_ROLE_CLAIM", default="groups")
OIDC_ROLE_MAP = parse_role_map(env.str("OIDC_ROLE_MAP", default=""))
OIDC_ORGANISATION_CLAIM = env.str("OIDC_ORGANISATION_CLAIM", default="organisation")
OIDC_CREATE_USERS = env.bool("OIDC_CREATE_USERS", default=True)
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT_SECONDS", default=10.0)
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_VERIFY_KID = True
PASSWORD_SIGNIN_ENABLED = env.bool("PASSWORD_SIGNIN_ENABLED", default=True)
if not PASSWORD_SIGNIN_ENABLED and not OIDC_ENABLED:
    raise ImproperlyConfigured("PASSWORD_SIGNIN_ENABLED=false needs single sign-on (OIDC_ISSUER).")

API_TOKEN_TTL_DAYS = env.int("API_TOKEN_TTL_DAYS", default=30)
if API_TOKEN_TTL_DAYS < 1:
    raise ImproperlyConfigured("API_TOKEN_TTL_DAYS must be at least 1.")

LANGUAGE_CODE = "en-gb"
# Languages of the channel: partner-facing pages, the deal form and page, partner emails.
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True

# Public misuse reports (README "Misuse reports and grievances").
GRIEVANCE_ASSESS_BUSINESS_DAYS = env.int("GRIEVANCE_ASSESS_BUSINESS_DAYS", default=5)
GRIEVANCE_REPORTS_PER_HOUR = env.int("GRIEVANCE_REPORTS_PER_HOUR", default=5)
GRIEVANCE_LOOKUPS_PER_HOUR = env.int("GRIEVANCE_LOOKUPS_PER_HOUR", default=30)
GRIEVANCE_ADDITIONS_PER_HOUR = env.int("GRIEVANCE_ADDITIONS_PER_HOUR", default=10)
GRIEVANCE_MIN_FILL_SECONDS = env.int("GRIEVANCE_MIN_FILL_SECONDS", default=3)
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Request size: the API and forms refuse bodies past this (10 MB of text in a field must
# be a clear 4xx, not a memory spike). Bulk uploads have their own cap below.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Email: console in the embedded default, SMTP when EMAIL_URL is set.
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env.str(
        "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
    )
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="hrdd-screening@localhost")

# --- Celery: Redis when REDIS_URL is set, else a file-system broker that needs no server.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_FS_BROKER_DIR = VAR_DIR / "celery-broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # An unacknowledged message (its worker died) comes back after this; the outbox lease
    # re-sends the work sooner. A copy that comes back while its task still runs finds
    # the work leased and does nothing.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600)
    }
else:
    CELERY_BROKER_URL = "filesystem://localhost//"
    for sub in ("queue", "processed", "control"):
        (CELERY_FS_BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FS_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_FS_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_FS_BROKER_DIR / "processed"),
        "control_folder": str(CELERY_FS_BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-task leaves the task to be redelivered
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
# Celery's defaults, named: the outbox reads them on every send, and Celery finds a named
# one at its first try (a default: after three other names). `app.conf` at run time wins.
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_SEND_SENT_EVENT = False
CELERY_TASK_ROUTES = None
# Deployments sharing one broker name a queue each; each test process takes its own.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Every periodic job, in one place. Each is idempotent: it claims rows by conditional update.
CELERY_BEAT_SCHEDULE = {
    "reviews-escalate-overdue": {
        "task": "reviews.tasks.review_escalate_overdue",
        "schedule": env.int("ESCALATION_SWEEP_SECONDS", default=60),
    },
    "reviews-conditions-overdue": {
        "task": "reviews.tasks.conditions_flag_overdue",
        "schedule": crontab(minute="*/15"),
    },
    "monitoring-conditions-lapsed": {
        "task": "monitoring.tasks.conditions_reopen_lapsed",
        "schedule": crontab(minute="*/15"),
    },
    "outbox-reconcile": {
        "task": "outbox.tasks.reconcile",
        "schedule": env.int("OUTBOX_RECONCILE_SECONDS", default=15),
    },
    "partner-dd-questionnaires-due": {
        "task": "partner_dd.tasks.questionnaires_due_send",
        "schedule": crontab(minute=17),
    },
    "audit-checkpoint": {
        "task": "audit.tasks.audit_checkpoint_publish",
        "schedule": env.int("AUDIT_CHECKPOINT_SECONDS", default=60),
    },
}

# --- Continuous due diligence (monitoring): what a re-screening covers and how it runs.
# Approvals decided within this many months are re-screened with the open deals.
MONITORING_LOOKBACK_MONTHS = env.int("MONITORING_LOOKBACK_MONTHS", default=24)
# Deals per re-screening task (one transaction each).
MONITORING_CHUNK_DEALS = env.int("MONITORING_CHUNK_DEALS", default=500)
# Organisations per task when a list update screens them against its changes.
MONITORING_CHUNK_ORGANISATIONS = env.int("MONITORING_CHUNK_ORGANISATIONS", default=2000)
# A list update changing more than this share of the list re-screens every deal in scope.
MONITORING_FULL_RESCREEN_SHARE = env.float("MONITORING_FULL_RESCREEN_SHARE", default=0.2)
# Business days after a condition's due date before it reopens its deal for review.
CONDITION_GRACE_BUSINESS_DAYS = env.int("CONDITION_GRACE_BUSINESS_DAYS", default=5)
# The largest list file a scheduled import downloads from a URL.
RESTRICTED_PARTY_FETCH_MAX_BYTES = env.int(
    "RESTRICTED_PARTY_FETCH_MAX_BYTES", default=500 * 1024 * 1024
)

# --- Background work (outbox). A worker holds a lease on the work it runs and renews it
# every third of the lease; work whose lease lapsed (killed worker) or that waited
# OUTBOX_RESEND_SECONDS unstarted (lost message) is sent again by the reconciler.
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=60)
OUTBOX_RESEND_SECONDS = env.int("OUTBOX_RESEND_SECONDS", default=60)
OUTBOX_RECONCILE_SECONDS = env.int("OUTBOX_RECONCILE_SECONDS", default=15)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_KEEP_DONE_DAYS = env.int("OUTBOX_KEEP_DONE_DAYS", default=7)

# --- Partners' own due diligence. An accepted questionnaire is asked for again after
# PARTNER_DD_RENEWAL_DAYS (yearly by default); the partner has PARTNER_DD_ANSWER_DAYS to answer.
PARTNER_DD_RENEWAL_DAYS = env.int("PARTNER_DD_RENEWAL_DAYS", default=365)
PARTNER_DD_ANSWER_DAYS = env.int("PARTNER_DD_ANSWER_DAYS", default=30)
if min(PARTNER_DD_RENEWAL_DAYS, PARTNER_DD_ANSWER_DAYS) < 1:
    raise ImproperlyConfigured("PARTNER_DD_*_DAYS must be at least 1.")
# Signed profile exports (Ed25519): this installation's signing key (base64 of a 32-byte
# seed; unset with DEBUG on: a local-only key derived from SECRET_KEY; unset with DEBUG
# off: exports are refused), the name it signs as, and the origins whose exports it
# imports ("name=base64 public key", comma-separated).
PARTNER_DD_SIGNING_KEY = env.str("PARTNER_DD_SIGNING_KEY", default="")
PARTNER_DD_ORIGIN = env.str("PARTNER_DD_ORIGIN", default="hrdd-local")
PARTNER_DD_TRUSTED_KEYS = env.list("PARTNER_DD_TRUSTED_KEYS", default=[])
if min(OUTBOX_LEASE_SECONDS, OUTBOX_RESEND_SECONDS, OUTBOX_RECONCILE_SECONDS) < 1:
    raise ImproperlyConfigured("OUTBOX_*_SECONDS must be at least 1.")
# /health/ answers 503 when the oldest due work waits longer than this, or when the
# reconciler (run by a worker on beat's schedule) has not run for HEALTH_WORKER_STALE_SECONDS.
HEALTH_MAX_PENDING_SECONDS = env.int("HEALTH_MAX_PENDING_SECONDS", default=600)
HEALTH_WORKER_STALE_SECONDS = env.int(
    "HEALTH_WORKER_STALE_SECONDS", default=max(120, 4 * OUTBOX_RECONCILE_SECONDS)
)
# /metrics/ (Prometheus text): admins signed in, or `Authorization: Bearer <METRICS_TOKEN>`.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

# --- Audit trail: events and the chain are signed with HMAC keys held here, never in the
# database; checkpoints (the chain's length and head, signed) go to a file outside it.
AUDIT_HMAC_KEY = env.str("AUDIT_HMAC_KEY", default="")
if not AUDIT_HMAC_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("AUDIT_HMAC_KEY must be set when DEBUG is off.")
    AUDIT_HMAC_KEY = "insecure-local-audit-key-do-not-use-in-production"
AUDIT_HMAC_RETIRED_KEYS = env.list("AUDIT_HMAC_RETIRED_KEYS", default=[])
AUDIT_CHECKPOINT_DIR = Path(
    env.str("AUDIT_CHECKPOINT_DIR", default=str(VAR_DIR / "audit-checkpoints"))
)
# "background": each process's sealer thread links committed events onto the chain, off
# the request path; "inline": the committing thread seals them itself after commit.
AUDIT_SEAL_MODE = env.str("AUDIT_SEAL_MODE", default="background")
if AUDIT_SEAL_MODE not in ("background", "inline"):
    raise ImproperlyConfigured("AUDIT_SEAL_MODE must be 'background' or 'inline'.")
# Seconds the sealer thread waits after the first commit it is handed, so that one seal
# (one head lock, one insert, one update) takes the events of every commit meanwhile: a
# sync worker serving a registration every 100-150 ms would otherwise seal each alone.
AUDIT_SEAL_LINGER = env.float("AUDIT_SEAL_LINGER", default=0.2)
if not 0 <= AUDIT_SEAL_LINGER <= 5:
    raise ImproperlyConfigured("AUDIT_SEAL_LINGER must be between 0 and 5 seconds.")

# --- Records: retention, evidence packs, the annual statement (see README "Records").
# Years a decided deal's record is kept after its last decision. Each regime that applies
# (RECORD_RETENTION_REGIMES) has a period; a record type may have its own within a regime
# ("regime.record_type=years" in RECORD_RETENTION_YEARS); the longest that applies wins.
RECORD_RETENTION_DEFAULT_YEARS = env.int("RECORD_RETENTION_DEFAULT_YEARS", default=10)
RECORD_RETENTION_REGIMES = env.list("RECORD_RETENTION_REGIMES", default=["ofac"])
RECORD_RETENTION_YEARS = {
    "ofac": 10,  # 31 CFR 501.601, ten years since 2025
    "eu_dual_use": 5,  # Regulation (EU) 2021/821 Art. 27(3): at least five years
    **{k: int(v) for k, v in env.dict("RECORD_RETENTION_YEARS", default={}).items()},
}
# The annual statement is published: a count below this is shown as "fewer than N".
STATEMENT_MIN_COUNT = env.int("STATEMENT_MIN_COUNT", default=3)
# The exporter named in a notification to the competent authority.
AUTHORITY_NOTICE_EXPORTER = env.str("AUTHORITY_NOTICE_EXPORTER", default="Northwind Networks")
AUTHORITY_NOTICE_AUTHORITY = env.str(
    "AUTHORITY_NOTICE_AUTHORITY", default="the competent authority of the Member State"
)

# --- REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["hrdd.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "hrdd.negotiation.ContentNegotiation",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "hrdd.api.AutoSchema",
    "EXCEPTION_HANDLER": "hrdd.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "HRDD screening API",
    "DESCRIPTION": "Register sales opportunities, read their human-rights risk screening, "
    "and work the review queue. Authenticate with `Authorization: Token <key>` from "
    "`POST /api/v1/auth/token/`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Screening
RESTRICTED_PARTY_MATCH_THRESHOLD = env.float("RESTRICTED_PARTY_MATCH_THRESHOLD", default=90.0)
# Defaults until an admin sets the thresholds at /restricted-parties/thresholds/.
RESTRICTED_PARTY_POSSIBLE_MATCH_THRESHOLD = env.float(
    "RESTRICTED_PARTY_POSSIBLE_MATCH_THRESHOLD", default=79.0
)
# Saved match indexes, one file per active list version, shared by the processes of a machine.
RESTRICTED_PARTY_INDEX_DIR = Path(
    env.str("RESTRICTED_PARTY_INDEX_DIR", default=str(VAR_DIR / "match-index"))
)
COUNTRY_INDICATORS_FILE = BASE_DIR / "countries" / "data" / "country_indicators.csv"
# Probing reported to compliance: lists matched this often per window; rewording (text window).
RP_PROBING_THRESHOLD = env.int("RP_PROBING_THRESHOLD", default=3)
RP_PROBING_WINDOW_HOURS = env.int("RP_PROBING_WINDOW_HOURS", default=24)
TEXT_PROBING_WINDOW_HOURS = env.int("TEXT_PROBING_WINDOW_HOURS", default=72)
if min(RP_PROBING_THRESHOLD, RP_PROBING_WINDOW_HOURS, TEXT_PROBING_WINDOW_HOURS) < 1:
    raise ImproperlyConfigured("The probing thresholds and windows must be 1 or more")

# --- Webhooks: receivers on private, loopback or reserved addresses are refused (SSRF)
# unless allowed (local testing); plain http only when allowed.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=False)
WEBHOOK_ALLOW_HTTP = env.bool("WEBHOOK_ALLOW_HTTP", default=DEBUG)
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)

# --- Bulk channel imports
CHANNEL_IMPORT_MAX_BYTES = env.int("CHANNEL_IMPORT_MAX_BYTES", default=200 * 1024 * 1024)
CHANNEL_IMPORT_MAX_ROWS = env.int("CHANNEL_IMPORT_MAX_ROWS", default=2_000_000)
CHANNEL_IMPORT_CHUNK_ROWS = env.int("CHANNEL_IMPORT_CHUNK_ROWS", default=2_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},  # lock-outs are warnings; every sign-in is not
        "onboarding": {"level": "INFO"},  # a fresh install's setup code, whatever LOG_LEVEL
    },
}

# --- Content security policy: scripts and styles from our own static files only (no inline
# code, no eval), so injected markup cannot run. htmx and Swagger UI work within it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# --- Production (DEBUG off): HTTPS only, with HSTS. Behind a TLS-terminating proxy, set
# SECURE_PROXY_SSL_HEADER=true so Django trusts its X-Forwarded-Proto header.
if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
