"""Typed readers of environment variables that fail loudly.

Settings read the environment only through these functions, so a missing or
malformed variable stops start-up with a message naming it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


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


def env_int(name: str, default: int, *, environ=None) -> int:
    value = _raw(name, environ)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigurationError(
            f"The environment variable {name} must be a whole number, not {value!r}."
        ) from None


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
