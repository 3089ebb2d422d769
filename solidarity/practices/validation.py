"""The rules a practice's content follows, for every way in (form, import).

Plain Python: the caller passes the theme and country codes that exist.
:func:`clean_content` turns content in the published JSON shape into model
field values, or raises :class:`ContentError` naming each wrong field. Every
text in it is first cleaned of control characters (``core.text.clean_tree``).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from solidarity.core.text import clean_tree
from solidarity.practices.content import TEXT_FIELDS, sanitize_html
from solidarity.practices.taxonomy import (
    SDG_GOALS,
    ActorType,
    CountryRole,
    HumanRight,
    Level,
    Modality,
    sdg_target_goal,
)

LIMITS = {"title": 200, "summary": 600}
# The allowed codes, computed once (an enum's .values builds a new list each time).
LEVELS = frozenset(Level.values)
MODALITIES = frozenset(Modality.values)
HUMAN_RIGHTS = frozenset(HumanRight.values)
ACTOR_TYPES = frozenset(ActorType.values)
COUNTRY_ROLES = frozenset(CountryRole.values)
SDG_GOAL_NUMBERS = frozenset(SDG_GOALS)
MAX_LONG_TEXT = 20_000
MAX_ITEMS = 60


class ContentError(ValueError):
    """Wrong content: ``errors`` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(
            "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
        )


def _date(value, field: str, errors) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors.setdefault(field, []).append(_("Not a date in the form YYYY-MM-DD."))
        return None


def _codes(values, allowed, field: str, errors) -> list:
    values = list(values or [])
    unknown = [str(v) for v in values if v not in allowed]
    if unknown:
        errors.setdefault(field, []).append(
            _("Unknown value: %(values)s.") % {"values": ", ".join(unknown)}
        )
    return list(dict.fromkeys(v for v in values if v in allowed))


def clean_content(content: dict, *, theme_codes, country_codes) -> dict:
    """Model field values from content in the published shape; ContentError if wrong.

    ``theme_codes`` and ``country_codes`` are sets (or anything ``in`` works on).
    """
    content = clean_tree(dict(content))
    errors: dict[str, list[str]] = {}
    fields: dict = {}
    for name in TEXT_FIELDS:
        value = str(content.get(name) or "").strip()
        limit = LIMITS.get(name, MAX_LONG_TEXT)
        if len(value) > limit:
            errors.setdefault(name, []).append(
                _("At most %(limit)d characters (it has %(count)d).")
                % {"limit": limit, "count": len(value)}
            )
        fields[name] = value
    if not fields["title"]:
        errors.setdefault("title", []).append(_("A practice needs a title."))
    description = sanitize_html(str(content.get("description") or ""))
    if len(description) > MAX_LONG_TEXT * 3:
        errors.setdefault("description", []).append(_("The description is too long."))
    fields["description"] = description

    period = content.get("period") or {}
    fields["started_on"] = _date(period.get("start"), "started_on", errors)
    fields["ended_on"] = _date(period.get("end"), "ended_on", errors)
    fields["ongoing"] = bool(period.get("ongoing"))
    if fields["ongoing"] and fields["ended_on"]:
        errors.setdefault("ended_on", []).append(
            _("An ongoing practice has no end date: clear one or the other.")
        )
    if fields["started_on"] and fields["ended_on"] and fields["ended_on"] < fields["started_on"]:
        errors.setdefault("ended_on", []).append(_("The end comes before the start."))

    level = content.get("level") or ""
    if level and level not in LEVELS:
        errors.setdefault("level", []).append(_("Unknown value: %(values)s.") % {"values": level})
    fields["level"] = level if level in LEVELS else ""

    fields["themes"] = _codes(content.get("themes"), theme_codes, "themes", errors)
    fields["modalities"] = _codes(content.get("modalities"), MODALITIES, "modalities", errors)
    fields["human_rights"] = _codes(
        content.get("human_rights"), HUMAN_RIGHTS, "human_rights", errors
    )
    goals = []
    for goal in content.get("sdg_goals") or []:
        try:
            goals.append(int(goal))
        except (TypeError, ValueError):
            goals.append(goal)
    fields["sdg_goals"] = sorted(_codes(goals, SDG_GOAL_NUMBERS, "sdg_goals", errors))
    targets = []
    for target in content.get("sdg_targets") or []:
        goal = sdg_target_goal(str(target))
        if goal is None:
            errors.setdefault("sdg_targets", []).append(
                _("%(code)s is not an SDG target such as 2.1 or 17.a.") % {"code": target}
            )
        elif goal not in fields["sdg_goals"]:
            errors.setdefault("sdg_targets", []).append(
                _("Target %(code)s belongs to goal %(goal)d, which is not chosen.")
                % {"code": target, "goal": goal}
            )
        else:
            targets.append(str(target).strip())
    fields["sdg_targets"] = list(dict.fromkeys(targets))

    fields["actors"] = _actors(content.get("actors") or [], errors)
    fields["countries"] = _countries(content.get("countries") or [], country_codes, errors)
    fields["sources"] = _sources(content.get("sources") or [], errors)
    language = content.get("language") or settings.LANGUAGE_CODE
    if language not in {code for code, _name in settings.LANGUAGES}:
        errors.setdefault("language", []).append(
            _("Unknown value: %(values)s.") % {"values": language}
        )
    fields["language"] = language
    for name in ("actors", "countries", "sources", "themes", "sdg_targets"):
        if len(fields[name]) > MAX_ITEMS:
            errors.setdefault(name, []).append(_("At most %(n)d entries.") % {"n": MAX_ITEMS})
    if errors:
        raise ContentError(errors)
    return fields


def _actors(items, errors) -> list[dict]:
    actors = []
    for position, item in enumerate(items, start=1):
        name = str(item.get("name") or "").strip()[:200]
        kind = item.get("type") or ""
        if not name:
            continue
        if kind not in ACTOR_TYPES:
            errors.setdefault("actors", []).append(
                _("Actor %(n)d (%(name)s): choose a type.") % {"n": position, "name": name}
            )
            continue
        actors.append({"name": name, "type": kind})
    return actors


def _countries(items, known, errors) -> list[dict]:
    rows, seen = [], set()
    for item in items:
        code = str(item.get("country") or "").strip().upper()
        role = item.get("role") or ""
        if not code:
            continue
        if code not in known:
            errors.setdefault("countries", []).append(
                _("%(code)s is not a State the platform knows.") % {"code": code}
            )
            continue
        if role not in COUNTRY_ROLES:
            errors.setdefault("countries", []).append(
                _("%(code)s: choose its role (provider, partner or beneficiary).") % {"code": code}
            )
            continue
        if (code, role) not in seen:
            seen.add((code, role))
            rows.append({"country": code, "role": role})
    return rows


def _sources(items, errors) -> list[dict]:
    sources = []
    for item in items:
        url = str(item.get("url") or "").strip()
        title = str(item.get("title") or "").strip()[:300]
        if not url and not title:
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 1000:
            errors.setdefault("sources", []).append(
                _("%(url)s is not a web address starting with http:// or https://.")
                % {"url": url or title}
            )
            continue
        sources.append({"title": title or url, "url": url})
    return sources


def missing_for_review(fields: dict) -> list[str]:
    """What a submitted practice must have that a draft may still lack: field names."""
    needed = ["summary", "started_on", "level", "actors", "countries", "themes", "modalities"]
    missing = [name for name in needed if not fields.get(name)]
    if not (fields.get("description") or fields.get("actions")):
        missing.append("description")
    return missing
