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
        **extra,
    }


def test_the_deployment_check_finds_nothing_to_report_in_production(tmp_path):
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], **_production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SOLIDARITY_SECRET_KEY", "SOLIDARITY_ALLOWED_HOSTS", "SOLIDARITY_EMAIL_HOST"]
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
def test_the_api_answers_too_many_requests_past_its_rate(client, settings):
    from solidarity.api.urls import api

    throttle = api.throttle[0]
    throttle.rate = "3/m"
    throttle.num_requests, throttle.duration = throttle.parse_rate("3/m")
    try:
        codes = [client.get("/api/v1/countries/CUB").status_code for _ in range(5)]
    finally:
        throttle.rate = settings.API_RATE
        throttle.num_requests, throttle.duration = throttle.parse_rate(throttle.rate)
    assert codes == [200, 200, 200, 429, 429]


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_escape_the_api_rate(client, settings):
    from solidarity.api.urls import api

    throttle = api.throttle[0]
    throttle.num_requests, throttle.duration = throttle.parse_rate("2/m")
    try:
        codes = [
            client.get("/api/v1/countries/CUB", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
            for n in range(4)
        ]
    finally:
        throttle.num_requests, throttle.duration = throttle.parse_rate(settings.API_RATE)
    assert codes == [200, 200, 429, 429]


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
    assert "NUL" in response.content.decode()


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
