"""The content of a practice as one plain dict: what is versioned, exported and indexed.

Plain Python. The same shape is the JSON of the API and of exports, the data
of each published version and the input of ``solidarity practices import``.
The private contact is never part of it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re

import nh3

from solidarity.core.text import clean_text

TEXT_FIELDS = (
    "title",
    "summary",
    "challenge",
    "actions",
    "results",
    "enabling_factors",
    "sustainability",
    "resources",
)
LIST_FIELDS = (
    "actors",
    "countries",
    "themes",
    "modalities",
    "sdg_goals",
    "sdg_targets",
    "human_rights",
    "sources",
)
CONTENT_FIELDS = (
    *TEXT_FIELDS[:2],
    "description",
    *TEXT_FIELDS[2:],
    "period",
    "level",
    *LIST_FIELDS,
    "language",
    "attachments",
)

# Rich text keeps structure and links, nothing that runs or restyles the page.
ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitize_html(text: str) -> str:
    """Rich text safe to show as it is: allowed tags only, links to http(s) and mailto.

    Cleaned of control characters after nh3 too, which writes a character
    reference such as ``&#7;`` as the character itself.
    """
    return clean_text(
        nh3.clean(
            text or "",
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow noopener",
        )
    ).strip()


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h3|h4|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(text: str) -> str:
    """The words of rich text, block by block, for search and for diffs."""
    text = _BLOCK_END.sub("\n", text or "")
    text = clean_text(html.unescape(_TAG.sub("", text)))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def content_of(practice, attachments=()) -> dict:
    """The public content of a working copy, as versioned and published."""
    return {
        "title": practice.title,
        "summary": practice.summary,
        "description": practice.description,
        "challenge": practice.challenge,
        "actions": practice.actions,
        "results": practice.results,
        "enabling_factors": practice.enabling_factors,
        "sustainability": practice.sustainability,
        "resources": practice.resources,
        "period": {
            "start": _iso(practice.started_on),
            "end": _iso(practice.ended_on),
            "ongoing": practice.ongoing,
        },
        "level": practice.level,
        "actors": list(practice.actors),
        "countries": list(practice.countries),
        "themes": list(practice.themes),
        "modalities": list(practice.modalities),
        "sdg_goals": list(practice.sdg_goals),
        "sdg_targets": list(practice.sdg_targets),
        "human_rights": list(practice.human_rights),
        "sources": list(practice.sources),
        "language": practice.language,
        "attachments": [
            {"id": a.pk, "name": a.name, "media_type": a.media_type, "size": a.size}
            for a in attachments
        ],
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def start_year(content: dict) -> int | None:
    start = (content.get("period") or {}).get("start")
    return int(start[:4]) if start else None


def searchable_text(content: dict, *, country_names: dict[str, str]) -> str:
    """Everything a person may look for in a practice, in reading order."""
    parts = [content["summary"], html_to_text(content["description"])]
    parts.extend(content[name] for name in TEXT_FIELDS[2:])
    parts.extend(actor["name"] for actor in content["actors"])
    parts.extend(country_names.get(c["country"], c["country"]) for c in content["countries"])
    return "\n".join(part for part in parts if part)


# -- Differences between two versions, for people to read --------------------


def _lines(content: dict, name: str) -> list[str]:
    value = content.get(name)
    if name == "description":
        return html_to_text(value or "").splitlines()
    if name == "period":
        value = value or {}
        end = "ongoing" if value.get("ongoing") else (value.get("end") or "")
        return [f"{value.get('start') or ''} – {end}"]
    if name in ("actors",):
        return [f"{a['name']} ({a['type']})" for a in value or []]
    if name == "countries":
        return [f"{c['country']} ({c['role']})" for c in value or []]
    if name == "sources":
        return [f"{s.get('title', '')} {s.get('url', '')}".strip() for s in value or []]
    if name == "attachments":
        return [a["name"] for a in value or []]
    if isinstance(value, list):
        return [str(item) for item in value]
    return (value or "").splitlines() if isinstance(value, str) else [str(value or "")]


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces: op is "=", "-" or "+"; words compared, spaces kept."""
    a, b = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", "".join(b[j1:j2])))
    return pieces


def diff_contents(old: dict, new: dict) -> list[dict]:
    """For each changed field: its name and its lines, each a list of (op, text) pieces."""
    changes = []
    for name in CONTENT_FIELDS:
        before, after = _lines(old, name), _lines(new, name)
        if before == after:
            continue
        lines = []
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                lines.extend([[("=", line)] for line in before[i1:i2]])
            elif op == "replace" and i2 - i1 == j2 - j1:
                lines.extend(
                    _word_diff(x, y) for x, y in zip(before[i1:i2], after[j1:j2], strict=True)
                )
            else:
                lines.extend([[("-", line)] for line in before[i1:i2]])
                lines.extend([[("+", line)] for line in after[j1:j2]])
        changes.append({"field": name, "lines": lines})
    return changes
