"""Settings come from environment variables: good values are parsed, bad ones stop start-up
with one line that names the variable."""

import functools
import importlib.util
import os
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "huisvanhetkind" / "settings.py"

# Every environment variable settings.py reads: os.environ.get("X"), os.environ["X"],
# os.getenv("X") and the env_bool/env_int/env_list/env_database("X", ...) helpers.
ENV_READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|os\.environ\[|env_\w+)\(?\s*["']([A-Z][A-Z0-9_]*)["']"""
)
SETTINGS_ENV = sorted(set(ENV_READ.findall(SETTINGS_FILE.read_text(encoding="utf-8"))))

# What the README's example leaves out ("…"). The database is never connected to: the tests
# look at settings only.
README_PLACEHOLDERS = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://hvhk@db.example/hvhk",
    "EMAIL_HOST": "smtp.example",
    "REFERRAL_KEYS": Fernet.generate_key().decode(),
    "REFERRAL_LOOKUP_KEY": secrets.token_urlsafe(50),
}


def readme_production_env():
    """The variables the README's Production section exports, its "…" filled in."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    production = readme.split("\n## Production\n", 1)[1]
    command = re.search(r"^export ((?:.*\\\n)*.*)$", production, re.MULTILINE)[1]
    env = dict(item.split("=", 1) for item in shlex.split(command.replace("\\\n", " ")))
    for name, value in env.items():
        if "…" in value:
            env[name] = README_PLACEHOLDERS[name]
    return env


PRODUCTION_ENV = readme_production_env()


def exec_settings(monkeypatch, **env):
    """Execute settings.py afresh with exactly the given variables set (none of the caller's)."""
    for name in SETTINGS_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_under_test", SETTINGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def load_settings(monkeypatch):
    return functools.partial(exec_settings, monkeypatch)


def manage(*args, **env):
    """Run manage.py in a subprocess with a clean environment plus `env`."""
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; check --deploy rightly
    # refuses it, and a production server would not have it.
    inherited = {*SETTINGS_ENV, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_stops_with_one_line(result, variable):
    assert result.returncode != 0
    output = (result.stdout + result.stderr).strip()
    assert "Traceback" not in output
    assert len(output.splitlines()) == 1, output
    assert variable in output


def test_it_finds_the_variables_settings_reads():
    assert {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST"} <= set(
        SETTINGS_ENV
    )


def test_the_readme_documents_every_variable_settings_reads():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    undocumented = [name for name in SETTINGS_ENV if f"`{name}`" not in readme]
    assert not undocumented, f"add these to the configuration table in README.md: {undocumented}"


@pytest.mark.parametrize(
    "url",
    [
        "mysql://x",
        "sqlite:///db.sqlite3",
        "postgres://",
        "nonsense",
        "postgres://localhost:port/hvhk",
    ],
)
def test_a_malformed_database_url_stops_start_up_naming_database_url(url):
    assert_stops_with_one_line(manage("check", DATABASE_URL=url), "DATABASE_URL")


def test_the_database_url_error_does_not_print_the_password():
    result = manage("check", DATABASE_URL="mysql://hvhk:s3cr3t-pw@db.example/hvhk")
    assert_stops_with_one_line(result, "DATABASE_URL")
    assert "s3cr3t-pw" not in result.stderr


def test_debug_off_without_secret_key_refuses_to_start():
    assert_stops_with_one_line(manage("check", DEBUG="false"), "SECRET_KEY")


def test_debug_off_without_database_url_refuses_to_start():
    """The embedded server is for development; production names its PostgreSQL server."""
    result = manage("check", DEBUG="false", SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert_stops_with_one_line(result, "DATABASE_URL")


@pytest.mark.parametrize("variable", ["REFERRAL_KEYS", "REFERRAL_LOOKUP_KEY"])
def test_debug_off_without_the_referral_keys_refuses_to_start(variable):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != variable}
    assert_stops_with_one_line(manage("check", **env), variable)


def test_a_referral_key_that_is_no_fernet_key_stops_start_up_without_showing_it():
    result = manage("check", REFERRAL_KEYS="not-a-key-at-all")
    assert_stops_with_one_line(result, "REFERRAL_KEYS")
    assert "not-a-key-at-all" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("EMAIL_PORT", "abc"),
        ("SECURE_HSTS_SECONDS", "1 year"),
        # One host only, which the Content-Security-Policy can name; and a tile's place in it.
        ("MAP_TILE_URL", "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"),
        ("MAP_TILE_URL", "https://tiles.example/map.png"),
        ("MAP_TILE_URL", "tiles.example/{z}/{x}/{y}.png"),
        ("TRUSTED_PROXIES", "one"),
        ("TRUSTED_PROXIES", "-1"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_clear_message(variable, value):
    result = manage("check", **{variable: value})
    assert_stops_with_one_line(result, variable)
    assert repr(value) in result.stderr


def test_a_redis_url_of_another_kind_stops_start_up_without_printing_it():
    result = manage("check", REDIS_URL="memcached://portal:s3cr3t-pw@cache.example")
    assert_stops_with_one_line(result, "REDIS_URL")
    assert "'memcached'" in result.stderr
    assert "s3cr3t-pw" not in result.stderr


def test_a_bad_log_level_stops_start_up_with_the_allowed_levels():
    result = manage("check", LOG_LEVEL="loud")
    assert_stops_with_one_line(result, "LOG_LEVEL")
    assert "WARNING" in result.stderr


def test_the_development_defaults_need_no_environment(load_settings):
    settings = load_settings()
    assert settings.DEBUG is True
    assert settings.SECRET_KEY
    assert len(settings.REFERRAL_KEYS) == 1
    assert settings.REFERRAL_LOOKUP_KEY
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    # The embedded server, reached through its socket in the project folder.
    assert (Path(database["HOST"]), database["NAME"]) == (ROOT / ".pgdata", "hvhk")
    assert "-c jit=off" in database["OPTIONS"]["options"]
    assert settings.ALLOWED_HOSTS == ["localhost", "127.0.0.1", "[::1]"]
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.STORAGES["staticfiles"]["BACKEND"].endswith(".StaticFilesStorage")


def test_a_postgres_url_gives_postgresql_with_persistent_connections(load_settings):
    settings = load_settings(DATABASE_URL="postgres://hvhk:pw@db.example:5433/hvhk")
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5433, "hvhk")
    assert (database["USER"], database["PASSWORD"]) == ("hvhk", "pw")
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True


def test_hosts_and_trusted_origins_are_comma_separated_lists(load_settings):
    settings = load_settings(
        ALLOWED_HOSTS=" huisvanhetkind.example, www.huisvanhetkind.example ,",
        CSRF_TRUSTED_ORIGINS="https://huisvanhetkind.example,https://www.huisvanhetkind.example",
    )
    assert settings.ALLOWED_HOSTS == ["huisvanhetkind.example", "www.huisvanhetkind.example"]
    assert settings.CSRF_TRUSTED_ORIGINS == [
        "https://huisvanhetkind.example",
        "https://www.huisvanhetkind.example",
    ]


def test_production_serves_hashed_compressed_static_files_and_secure_cookies(load_settings):
    settings = load_settings(**PRODUCTION_ENV)
    assert settings.DEBUG is False
    assert PRODUCTION_ENV["SECRET_KEY"] == settings.SECRET_KEY
    assert settings.ALLOWED_HOSTS == ["www.example.be"]
    assert (
        settings.STORAGES["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.LANGUAGE_COOKIE_SECURE is True
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")


def test_production_names_its_cookies_for_this_host_only(load_settings):
    settings = load_settings(**PRODUCTION_ENV)
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"


def test_local_http_keeps_the_plain_cookie_names(load_settings):
    """Browsers refuse __Host- cookies over http, and development runs on http."""
    settings = load_settings()
    assert not hasattr(settings, "SESSION_COOKIE_NAME")
    assert not hasattr(settings, "CSRF_COOKIE_NAME")


def test_production_redirects_to_https_and_sends_hsts_for_a_year(load_settings):
    settings = load_settings(**PRODUCTION_ENV)
    assert settings.SECURE_SSL_REDIRECT is True
    assert settings.SECURE_HSTS_SECONDS == 365 * 24 * 3600


def test_development_neither_redirects_nor_sends_hsts(load_settings):
    settings = load_settings()
    assert settings.SECURE_SSL_REDIRECT is False
    assert settings.SECURE_HSTS_SECONDS == 0


def test_the_proxy_header_is_trusted_only_when_asked(load_settings):
    settings = load_settings()
    assert not hasattr(settings, "SECURE_PROXY_SSL_HEADER")


def test_the_cache_is_the_database_unless_redis_is_named(load_settings):
    assert load_settings().CACHES["default"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
    redis = load_settings(REDIS_URL="redis://cache.example:6379/1").CACHES["default"]
    assert redis == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.example:6379/1",
    }


def test_client_addresses_come_from_the_connection_unless_proxies_are_named(load_settings):
    assert load_settings().TRUSTED_PROXIES == 0
    assert load_settings(TRUSTED_PROXIES="2").TRUSTED_PROXIES == 2


def test_production_allows_no_host_unless_configured(load_settings):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "ALLOWED_HOSTS"}
    assert load_settings(**env).ALLOWED_HOSTS == []


def test_email_goes_to_the_console_unless_a_host_is_set(load_settings):
    settings = load_settings(
        EMAIL_HOST="smtp.example",
        EMAIL_PORT="465",
        EMAIL_HOST_USER="portal",
        EMAIL_HOST_PASSWORD="pw",
        EMAIL_USE_TLS="false",
        DEFAULT_FROM_EMAIL="Huis van het Kind <info@huisvanhetkind.example>",
    )
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings.EMAIL_HOST, settings.EMAIL_PORT) == ("smtp.example", 465)
    assert (settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD) == ("portal", "pw")
    assert settings.EMAIL_USE_TLS is False
    assert settings.SERVER_EMAIL == "Huis van het Kind <info@huisvanhetkind.example>"


def test_an_explicit_email_backend_wins(load_settings):
    settings = load_settings(
        EMAIL_HOST="smtp.example", EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    )
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


def test_the_map_tiles_host_is_the_one_image_host_the_policy_allows(load_settings):
    settings = load_settings(
        MAP_TILE_URL="https://tiles.example.org/osm/{z}/{x}/{y}.png?key=k",
        MAP_ATTRIBUTION="© Example",
    )
    assert settings.MAP_TILE_URL == "https://tiles.example.org/osm/{z}/{x}/{y}.png?key=k"
    assert settings.MAP_ATTRIBUTION == "© Example"
    img_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    assert img_src == ["'self'", "data:", "https://tiles.example.org"]


def test_production_wants_the_map_tiles_over_https(load_settings):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILE_URL"):
        load_settings(**PRODUCTION_ENV, MAP_TILE_URL="http://tiles.example/{z}/{x}/{y}.png")


def test_log_level_and_media_root_are_read(load_settings, tmp_path):
    settings = load_settings(LOG_LEVEL="info", MEDIA_ROOT=str(tmp_path))
    assert settings.LOGGING["root"]["level"] == "INFO"
    assert tmp_path == settings.MEDIA_ROOT


def test_hsts_and_https_redirect_are_configurable(load_settings):
    settings = load_settings(
        SECURE_SSL_REDIRECT="true",
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="yes",
        SECURE_HSTS_PRELOAD="on",
    )
    assert settings.SECURE_SSL_REDIRECT is True
    assert settings.SECURE_HSTS_SECONDS == 31536000
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert settings.SECURE_HSTS_PRELOAD is True


def test_the_deploy_check_is_clean_for_the_readme_production_example():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_without_hsts_and_redirect_only_warns_about_what_the_proxy_may_do():
    """README: W004 (HSTS) and W008 (HTTPS redirect) are acceptable when the proxy does both."""
    env = {**PRODUCTION_ENV, "SECURE_HSTS_SECONDS": "0", "SECURE_SSL_REDIRECT": "false"}
    result = manage("check", "--deploy", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = set(re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stdout + result.stderr))
    assert warnings == {"security.W004", "security.W008"}
