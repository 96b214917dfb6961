"""Settings for the Huis van het Kind Leuven portal.

One module, read from environment variables. Every value has a safe development default,
except in production: with DEBUG off, SECRET_KEY and DATABASE_URL must be set.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF, UNSAFE_HASHES
from django.core.exceptions import ImproperlyConfigured

from huisvanhetkind import local_database

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# No JIT compilation: it pays off for long reports, not for a page's short queries. At 100,000
# offers PostgreSQL chose to compile the catalogue's queries, which cost more than running them
# (see README.md, Performance). An "-c jit=on" in the URL's options still wins.
POSTGRESQL_OPTIONS = "-c jit=off"


def tile_origin(name, url, debug):
    """The scheme and host of a map tile URL template, for the Content-Security-Policy: one
    host, so that the policy can allow exactly that one; https, but in development."""
    parts = urlsplit(url)
    schemes = ("https", "http") if debug else ("https",)
    if parts.scheme not in schemes or not parts.netloc or "{" in parts.netloc:
        raise ImproperlyConfigured(
            f"{name} must be an https address on one host with {{z}}, {{x}} and {{y}}, not {url!r}."
        )
    if not all(part in parts.path + parts.query for part in ("{z}", "{x}", "{y}")):
        raise ImproperlyConfigured(f"{name} must contain {{z}}, {{x}} and {{y}}, not {url!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def env_database(name, debug):
    """The database: a PostgreSQL server named by a URL, or, in development when the variable is
    unset, the embedded server in the project folder (huisvanhetkind/local_database.py)."""
    value = os.environ.get(name, "").strip()
    if not value:
        if not debug:
            raise ImproperlyConfigured(f"{name} must be set when DEBUG is off.")
        return local_database.settings_dict(POSTGRESQL_OPTIONS)
    if not value.startswith(("postgres://", "postgresql://")):
        # Name only the scheme: the rest of the URL may hold a password.
        scheme = value.partition("://")[0] if "://" in value else value[:20]
        raise ImproperlyConfigured(
            f"{name} must start with postgres:// or postgresql://, not {scheme!r}."
        )
    try:
        # Persistent connections: app servers keep their connection between requests.
        config = dj_database_url.parse(value, conn_max_age=600, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {error}") from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} must name a database, e.g. postgres://host/dbname.")
    options = config.setdefault("OPTIONS", {})
    options["options"] = f"{POSTGRESQL_OPTIONS} {options.get('options', '')}".strip()
    return config


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    # third party
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "django_filters",
    "axes",
    "simple_history",
    "rest_framework",
    "import_export",
    "lucide",
    # ours
    "common",
    "huisvanhetkind",
    "partners",
    "aanbod",
    "netwerk",
    "referrals",
    "analyse",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files carry these headers too.
    "csp.middleware.CSPMiddleware",
    "huisvanhetkind.middleware.cross_origin_resource_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything that reads the database with what the request carries; after the
    # language is chosen, so its 400 page is in the visitor's language.
    "common.middleware.reject_nul_characters",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "huisvanhetkind.middleware.no_store_for_logged_in_users",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change to models with history (after authentication).
    "simple_history.middleware.HistoryRequestMiddleware",
    # The view of a POST runs in one transaction: saved whole or not at all (outage.py).
    "huisvanhetkind.outage.AtomicWritesMiddleware",
    # Turns a locked-out login into the lockout page; axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "huisvanhetkind.urls"
WSGI_APPLICATION = "huisvanhetkind.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", DEBUG)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# The interface languages, each named in its own script: the language switcher shows these
# names, so a visitor finds their language whatever language the page is in. Arabic is
# written right to left (base.html sets dir="rtl" and loads Bootstrap's RTL stylesheet).
LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Leaflet, for the maps (static/js/map.js), as django-leaflet ships it: its static folder is
# served as static/leaflet/. Not an installed app: that would import GeoDjango, which needs GDAL.
LEAFLET_STATIC = Path(importlib.util.find_spec("leaflet").origin).parent / "static" / "leaflet"
STATICFILES_DIRS = [BASE_DIR / "static", ("leaflet", LEAFLET_STATIC)]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if not EMAIL_BACKEND:
    EMAIL_BACKEND = (
        "django.core.mail.backends.smtp.EmailBackend"
        if EMAIL_HOST
        else "django.core.mail.backends.console.EmailBackend"
    )
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# Seconds: e-mail is sent right after a request's change is committed (common.outbox), so a
# mail server that hangs must not hold the request; the outbox tries again later.
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Huis van het Kind Leuven <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Production hardening; relaxed only while DEBUG is on (local http).
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    # Browsers accept a __Host- cookie only from https, Secure, for path "/" and without a
    # Domain, so no subdomain can set or overwrite it. Over local http they would refuse it.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# On by default in production; set them to false/0 only when the proxy does the same.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
# Only for a domain whose every subdomain is HTTPS too; preloading is hard to undo.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
BEHIND_HTTPS_PROXY = env_bool("BEHIND_HTTPS_PROXY", False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies of our own stand in front of the app servers, each adding the address
# it got the request from to X-Forwarded-For. The login lockout and the rate limits count the
# address the outermost one saw (common.client); 0: the connection's own address.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
if TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured(
        f"TRUSTED_PROXIES must be 0 or more, not {os.environ['TRUSTED_PROXIES']!r}."
    )

# One cache for every worker process and app server, so that rate limits count every request:
# the database (its table comes from the migration common/0003_cache_table), or Redis.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    # Name only the scheme: the rest of the URL may hold a password.
    raise ImproperlyConfigured(
        "REDIS_URL must start with redis://, rediss:// or unix://, "
        f"not {REDIS_URL.partition('://')[0][:20]!r}."
    )
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        # Expired rows are removed once the table holds more than this many.
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}

# The maps (static/js/map.js, with Leaflet from django-leaflet, see STATICFILES_DIRS): their
# tiles come from this third party, asked only after the visitor chose to see a map.
# OpenStreetMap's tile policy asks for its attribution and forbids bulk downloads; another
# provider may be set here. The attribution is HTML, shown on the map as it is.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "").strip() or (
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAP_TILE_ORIGIN = tile_origin("MAP_TILE_URL", MAP_TILE_URL, DEBUG)
MAP_ATTRIBUTION = os.environ.get("MAP_ATTRIBUTION", "").strip() or (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)

# Content-Security-Policy (django-csp): only the site's own scripts, styles and images, so
# injected markup can run nothing. No inline scripts, event handlers or styles: page scripts
# live in static/js/, styles in static/css/. Bootstrap's CSS draws form controls with data: images;
# the map's tiles come from MAP_TILE_ORIGIN, and from no other host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", MAP_TILE_ORIGIN],
        # The one style attribute left, in django-simple-history's change history in the admin
        # (style="border-top: 0"): allowed by its hash, and no other.
        "style-src-attr": [UNSAFE_HASHES, "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Accounts: partner staff log in with their e-mail address (username = e-mail address).
AUTHENTICATION_BACKENDS = [
    # Refuses locked-out logins before any password is checked; must come first.
    "axes.backends.AxesStandaloneBackend",
    "partners.backends.EmailBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:index"
LOGOUT_REDIRECT_URL = "home"

# Login throttling (django-axes). Failures are counted per e-mail address *and* IP address:
# a stranger cannot lock a colleague out from elsewhere, and one address cannot try
# passwords for one account more than AXES_FAILURE_LIMIT times per cool-off period.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "partners.backends.axes_username"
AXES_CLIENT_IP_CALLABLE = "common.client.client_ip_address"
AXES_LOCKOUT_CALLABLE = "partners.views.locked_out"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "").strip().upper() or "WARNING"
if LOG_LEVEL not in LOG_LEVELS:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {os.environ['LOG_LEVEL']!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

# Offers not confirmed correct for this many months show a notice to the public.
REVIEW_NOTICE_MONTHS = 12
# Partner staff are asked to confirm their offers after this many months: the portal highlights
# them and remind_offer_review e-mails a digest.
OFFER_REVIEW_MONTHS = env_int("OFFER_REVIEW_MONTHS", 6)

# Absolute links in e-mails and calendar feeds, which have no request to build them from.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

# Referrals between partners (the referrals app). The family's details are encrypted with
# Fernet keys: the first key encrypts, every key decrypts, so a new key goes first and the old
# ones stay until `manage.py rotate_referral_keys` re-encrypted every row (see README.md).
# Generate a key with
# python3 -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'.
REFERRAL_KEYS = env_list("REFERRAL_KEYS", [])
if not REFERRAL_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured("REFERRAL_KEYS must be set when DEBUG is off.")
    REFERRAL_KEYS = ["ZGV2ZWxvcG1lbnQtb25seS1yZWZlcnJhbC1rZXktMDA="]
try:
    [Fernet(key) for key in REFERRAL_KEYS]
except ValueError:
    raise ImproperlyConfigured(
        "REFERRAL_KEYS must be comma-separated Fernet keys (32 bytes, url-safe base64)."
    ) from None
# The key of the keyed hash (HMAC-SHA256) of a family's e-mail address or phone number, which
# lets a coordinator find one person's referrals without decrypting every row.
REFERRAL_LOOKUP_KEY = os.environ.get("REFERRAL_LOOKUP_KEY", "")
if not REFERRAL_LOOKUP_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("REFERRAL_LOOKUP_KEY must be set when DEBUG is off.")
    REFERRAL_LOOKUP_KEY = "development-only-referral-lookup-key"
# An unanswered referral expires after this many days; both sides are warned 3 days before.
REFERRAL_EXPIRY_DAYS = env_int("REFERRAL_EXPIRY_DAYS", 14)
if REFERRAL_EXPIRY_DAYS < 4:
    raise ImproperlyConfigured(
        "REFERRAL_EXPIRY_DAYS must be at least 4 (a warning comes 3 before)."
    )
# The family's details are erased this many months after a referral ended.
REFERRAL_RETENTION_MONTHS = env_int("REFERRAL_RETENTION_MONTHS", 6)
if REFERRAL_RETENTION_MONTHS < 1:
    raise ImproperlyConfigured("REFERRAL_RETENTION_MONTHS must be at least 1.")
# The open data API (opendata/): read-only, anonymous JSON. No browsable HTML API, no sessions
# or tokens to check; ?format= picks JSON or NDJSON.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}

# Coordinators' imports and exports in the admin (django-import-export): an import needs the
# model's "add" permission, an export its "view" one. A file with any bad row saves nothing: the
# preview lists each row's errors first.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True
