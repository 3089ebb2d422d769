"""Typed readers of environment variables that fail loudly.

Settings read the environment only through these functions, so a missing or
malformed variable stops start-up with a message naming it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit


class ConfigurationError(Exception):
    """A required setting is missing or malformed; the message names the variable."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MISSING = object()


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    return (os.environ if environ is None else environ).get(name)


def env_str(name: str, default: object = _MISSING, *, environ=None) -> str:
    value = _raw(name, environ)
    if value is None or value == "":
        if default is _MISSING:
            raise ConfigurationError(f"The environment variable {name} is required but not set.")
        return default  # type: ignore[return-value]
    return value


def env_bool(name: str, default: bool, *, environ=None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(
        f"The environment variable {name} must be true or false (1/0, yes/no), not {value!r}."
    )


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ=None,
) -> int:
    value = _raw(name, environ)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(
            f"The environment variable {name} must be a whole number, not {value!r}."
        ) from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        bounds = (
            f"between {minimum} and {maximum}"
            if minimum is not None and maximum is not None
            else f"at least {minimum}"
            if minimum is not None
            else f"at most {maximum}"
        )
        raise ConfigurationError(f"The environment variable {name} must be {bounds}, not {number}.")
    return number


def env_list(name: str, default: list[str] | None = None, *, environ=None) -> list[str]:
    value = _raw(name, environ)
    if value is None or value.strip() == "":
        if default is None:
            raise ConfigurationError(
                f"The environment variable {name} is required: a comma-separated list."
            )
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str, *, environ=None) -> str:
    value = _raw(name, environ) or default
    if value not in choices:
        raise ConfigurationError(
            f"The environment variable {name} must be one of {', '.join(choices)}, not {value!r}."
        )
    return value


_PERIODS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}
_RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*", re.IGNORECASE)


def parse_rate(text: str) -> tuple[int, int]:
    """A rate as (requests, seconds): ``300/m`` is (300, 60), ``30/15min`` is (30, 900)."""
    match = _RATE.fullmatch(text)
    period = _PERIODS.get(match[3].lower()) if match else None
    if match is None or period is None or int(match[1]) < 1 or (match[2] and int(match[2]) < 1):
        raise ValueError(
            f"a number of requests per period such as 300/m (periods: s, m, h, d), not {text!r}"
        )
    return int(match[1]), int(match[2] or 1) * period


def env_rate(name: str, default: str, *, environ=None) -> str:
    """A rate such as ``300/m``, checked at start-up (see ``parse_rate``)."""
    value = (_raw(name, environ) or "").strip() or default
    try:
        parse_rate(value)
    except ValueError as error:
        raise ConfigurationError(f"The environment variable {name} must be {error}.") from None
    return value


def env_url(
    name: str, default: object = _MISSING, *, schemes: tuple[str, ...], environ=None
) -> str:
    """A URL with one of ``schemes`` and a host (or a path, for ``unix`` and ``sqlite``).

    The value is never repeated in the message: a URL may carry a password.
    """
    value = env_str(name, default, environ=environ)
    if value == default:
        return value
    parts = urlsplit(value.strip())
    local = parts.scheme in ("unix", "sqlite")
    if parts.scheme not in schemes or not (parts.netloc or (local and parts.path)):
        raise ConfigurationError(
            f"The environment variable {name} must be a URL starting with "
            f"{' or '.join(s + '://' for s in schemes)} and naming a host"
            + (f", not one starting with {parts.scheme}://." if parts.scheme else ".")
        )
    return value.strip()


def env_hosts(
    name: str, default: list[str] | None = None, *, allow_any: bool = False, environ=None
) -> list[str]:
    """Host names (``example.org``, ``.example.org`` for its subdomains), never URLs.

    ``*`` (any host) is refused unless ``allow_any``: with it, links in e-mails
    (password resets) could be made to point at a host an attacker names.
    """
    hosts = env_list(name, default, environ=environ)
    for host in hosts:
        if host == "*" and not allow_any:
            raise ConfigurationError(
                f"The environment variable {name} must name the platform's hosts: "
                "'*' would accept any Host header."
            )
        if host != "*" and ("/" in host or " " in host or "@" in host):
            raise ConfigurationError(
                f"The environment variable {name} must hold host names such as "
                f"solidarity.example.org (no scheme or path), not {host!r}."
            )
    return hosts


def env_origins(name: str, *, environ=None) -> list[str]:
    """Origins such as ``https://solidarity.example.org`` (scheme and host, no path)."""
    origins = env_list(name, [], environ=environ)
    for origin in origins:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
            raise ConfigurationError(
                f"The environment variable {name} must hold origins such as "
                f"https://solidarity.example.org, not {origin!r}."
            )
    return origins


def env_email(name: str, default: object = _MISSING, *, environ=None) -> str:
    """An e-mail address, alone or with a name: ``Solidarity <no-reply@example.org>``."""
    value = env_str(name, default, environ=environ)
    address = value.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in value else value.strip()
    local, _at, domain = address.partition("@")
    if not local or "." not in domain or " " in address:
        raise ConfigurationError(
            f"The environment variable {name} must be an e-mail address such as "
            f"Solidarity <no-reply@example.org>, not {value!r}."
        )
    return value
