"""Production settings are safe, and a missing setting stops start-up by name."""

import os
import secrets
import subprocess
import sys

import pytest

from solidarity.environment import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
)

SOLIDARITY = os.path.join(os.path.dirname(sys.executable), "solidarity")


def _run(args, **env):
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("SOLIDARITY_", "DATABASE_URL"))
    }
    return subprocess.run(
        [SOLIDARITY, *args], capture_output=True, text=True, env={**base, **env}, timeout=120
    )


def _production(tmp_path, **extra):
    return {
        "SOLIDARITY_ENV": "production",
        "SOLIDARITY_SECRET_KEY": secrets.token_urlsafe(60),
        "SOLIDARITY_ALLOWED_HOSTS": "solidarity.example.org",
        "SOLIDARITY_EMAIL_HOST": "smtp.example.org",
        "SOLIDARITY_VAR_DIR": str(tmp_path),
        "SOLIDARITY_SITE_URL": "https://solidarity.example.org",
        "SOLIDARITY_FROM_EMAIL": "Solidarity <no-reply@solidarity.example.org>",
        "DATABASE_URL": f"sqlite:///{tmp_path}/solidarity.sqlite3",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        **extra,
    }


def test_the_deployment_check_finds_nothing_to_report_in_production(tmp_path):
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], **_production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing",
    [
        "SOLIDARITY_SECRET_KEY",
        "SOLIDARITY_ALLOWED_HOSTS",
        "SOLIDARITY_EMAIL_HOST",
        "DATABASE_URL",
        "REDIS_URL",
        "SOLIDARITY_SITE_URL",
        "SOLIDARITY_FROM_EMAIL",
    ],
)
def test_a_missing_production_setting_stops_start_up_naming_it(tmp_path, missing):
    env = _production(tmp_path)
    del env[missing]
    result = _run(["check"], **env)
    assert result.returncode == 2
    assert f"error: The environment variable {missing} is required" in result.stderr


def test_a_short_secret_key_is_refused(tmp_path):
    result = _run(["check"], **_production(tmp_path, SOLIDARITY_SECRET_KEY="short"))
    assert result.returncode == 2
    assert "SOLIDARITY_SECRET_KEY must be at least 50 characters" in result.stderr


def _load_settings(env) -> subprocess.CompletedProcess:
    """Import the real settings module in a fresh process, as start-up does."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SOLIDARITY_", "DATABASE_URL", "REDIS_URL"))
    }
    code = (
        "from solidarity.environment import ConfigurationError\n"
        "try:\n    import solidarity.settings\n"
        "except ConfigurationError as error:\n    print(error)\n    raise SystemExit(2)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**base, **env},
        timeout=60,
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SOLIDARITY_API_RATE", "lots", "SOLIDARITY_API_RATE must be a number of requests per"),
        ("SOLIDARITY_API_RATE", "300/fortnight", "SOLIDARITY_API_RATE must be a number of"),
        ("SOLIDARITY_API_RATE", "0/m", "SOLIDARITY_API_RATE must be a number of requests per"),
        ("SOLIDARITY_ALLOWED_HOSTS", "*", "SOLIDARITY_ALLOWED_HOSTS must name the platform's"),
        ("SOLIDARITY_ALLOWED_HOSTS", "a.org,*", "'*' would accept any Host header"),
        ("SOLIDARITY_ALLOWED_HOSTS", "https://a.org/", "must hold host names such as"),
        ("DATABASE_URL", "postgress://db/solidarity", "DATABASE_URL must be a URL starting with"),
        ("DATABASE_URL", "solidarity.sqlite3", "DATABASE_URL must be a URL starting with"),
        ("REDIS_URL", "127.0.0.1:6379", "REDIS_URL must be a URL starting with redis://"),
        ("SOLIDARITY_SITE_URL", "http://solidarity.example.org", "SOLIDARITY_SITE_URL must be"),
        ("SOLIDARITY_SITE_URL", "solidarity.example.org", "SOLIDARITY_SITE_URL must be a URL"),
        ("SOLIDARITY_FROM_EMAIL", "Solidarity", "SOLIDARITY_FROM_EMAIL must be an e-mail address"),
        ("SOLIDARITY_EMAIL_HOST", "smtp://mail.example.org", "SOLIDARITY_EMAIL_HOST must hold"),
        ("SOLIDARITY_EMAIL_PORT", "0", "SOLIDARITY_EMAIL_PORT must be between 1 and 65535"),
        ("SOLIDARITY_EMAIL_PORT", "smtp", "SOLIDARITY_EMAIL_PORT must be a whole number"),
        ("SOLIDARITY_EMAIL_TLS", "sure", "SOLIDARITY_EMAIL_TLS must be true or false"),
        ("SOLIDARITY_PROXY_COUNT", "-1", "SOLIDARITY_PROXY_COUNT must be between 0 and 10"),
        ("SOLIDARITY_HSTS_SECONDS", "-5", "SOLIDARITY_HSTS_SECONDS must be at least 0"),
        ("SOLIDARITY_SSL_REDIRECT", "maybe", "SOLIDARITY_SSL_REDIRECT must be true or false"),
        ("SOLIDARITY_MAX_REQUEST_MB", "0", "SOLIDARITY_MAX_REQUEST_MB must be at least 1"),
        ("SOLIDARITY_LOGIN_FAILURE_LIMIT", "0", "SOLIDARITY_LOGIN_FAILURE_LIMIT must be at"),
        ("SOLIDARITY_LOG_LEVEL", "loud", "SOLIDARITY_LOG_LEVEL must be one of DEBUG"),
        ("SOLIDARITY_CSRF_TRUSTED_ORIGINS", "solidarity.example.org", "must hold origins"),
        ("SOLIDARITY_ENV", "prod", "SOLIDARITY_ENV must be one of development, test, production"),
    ],
)
def test_a_malformed_production_setting_stops_start_up_naming_it(
    tmp_path, variable, value, message
):
    result = _load_settings(_production(tmp_path, **{variable: value}))
    assert result.returncode == 2, result.stderr
    assert message in result.stdout
    assert "Traceback" not in result.stderr


def test_a_database_password_is_not_repeated_in_the_message(tmp_path):
    url = "postgress://solidarity:s3cret-pass@db/solidarity"
    result = _load_settings(_production(tmp_path, DATABASE_URL=url))
    assert result.returncode == 2 and "DATABASE_URL" in result.stdout
    assert "s3cret-pass" not in result.stdout


def test_the_cli_names_a_malformed_rate_without_a_traceback(tmp_path):
    result = _run(["check"], **_production(tmp_path, SOLIDARITY_API_RATE="lots"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: The environment variable SOLIDARITY_API_RATE must be")
    assert "Traceback" not in result.stderr


def test_a_sqlite_database_named_in_production_keeps_its_safe_options(tmp_path):
    code = (
        "from django.conf import settings; db = settings.DATABASES['default']; "
        "options = db['OPTIONS']; "
        "print(db['NAME'], options['transaction_mode'], 'WAL' in options['init_command'])"
    )
    result = _run(["shell", "--no-imports", "-c", code], **_production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [f"{tmp_path}/solidarity.sqlite3", "IMMEDIATE", "True"]


def test_the_demo_data_is_never_loaded_with_production_settings(tmp_path):
    result = _run(["demo"], **_production(tmp_path))
    assert result.returncode != 0
    assert "never loaded with production settings" in result.stderr


def test_typed_readers_name_the_malformed_variable():
    with pytest.raises(ConfigurationError, match="PORT must be a whole number"):
        env_int("PORT", 8000, environ={"PORT": "eighty"})
    with pytest.raises(ConfigurationError, match="DEBUG must be true or false"):
        env_bool("DEBUG", False, environ={"DEBUG": "maybe"})
    with pytest.raises(ConfigurationError, match="MODE must be one of a, b"):
        env_choice("MODE", ("a", "b"), "a", environ={"MODE": "c"})
    with pytest.raises(ConfigurationError, match="HOSTS is required"):
        env_list("HOSTS", environ={})
    assert env_list("HOSTS", environ={"HOSTS": " a.org, b.org ,"}) == ["a.org", "b.org"]
    assert env_str("NAME", "x", environ={}) == "x"
    assert env_bool("DEBUG", False, environ={"DEBUG": "Yes"}) is True


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_has_an_inline_script_or_style(client, resolution_56_4):
    import re

    pages = [
        "/",
        "/ar/",
        "/countries/",
        "/countries/NLD/",
        "/organizations/",
        "/accounts/login/",
        "/accounts/sign-up/",
        "/resolutions/",
        "/resolutions/?q=solidarity",
        "/resolutions/A/HRC/RES/56/4/",
    ]
    for path in pages:
        html = client.get(path).content.decode()
        inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert inline_scripts == [], path
        assert " style=" not in html and "<style" not in html, path
        assert re.search(r"\son[a-z]+=", html) is None, path  # no onclick= and the like


def test_with_redis_the_cache_and_login_counts_live_in_redis(tmp_path):
    code = (
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('solidarity-probe', 'ok', 5); "
        "print(settings.CACHES['default']['BACKEND'], settings.AXES_HANDLER, "
        "cache.get('solidarity-probe'))"
    )
    result = _run(
        ["shell", "--no-imports", "-c", code],
        SOLIDARITY_ENV="test",
        SOLIDARITY_VAR_DIR=str(tmp_path),
        REDIS_URL="redis://127.0.0.1:6379/15",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_redis.cache.RedisCache",
        "axes.handlers.cache.AxesCacheHandler",
        "ok",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/countries/?q=%00",
        "/countries/%00/",
        "/api/v1/countries?group=%00",
        "/api/v1/resolutions/%00",
        "/resolutions/?q=a%00b",
    ],
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "NUL" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_character_is_refused_in_the_language_of_the_address(client):
    response = client.get("/fr/countries/?q=%00")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "NUL" in response.content.decode()
    assert "The address contains" not in response.content.decode()


@pytest.mark.django_db
def test_a_60_mb_upload_is_refused_before_it_is_read(personas):
    response = personas["secretariat"].generic(
        "POST",
        "/resolutions/ingest/",
        data=b"%PDF-1.7 truncated",
        content_type="application/pdf",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "at most 25 MB" in response.content.decode()
