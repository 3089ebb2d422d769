"""Links to where each figure was read. Plain Python.

A figure's source is written as the dataset's README describes: a web address;
``owner/repo:path@commit`` for a file in a public GitHub repository;
``owner/repo:A + B@commit`` for two files of one commit (A gives the money, B
the ratio); or ``URL1 (USD) ; URL2 (% of GNI)`` for two pages. Each becomes a
list of links; text that is none of these is kept as text, without a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

_REPOSITORY = re.compile(
    r"^(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+):(?P<paths>[^@]+)@(?P<commit>[0-9a-f]{7,40})$"
)
_LABELLED = re.compile(r"^(?P<url>\S+)(?:\s+\((?P<label>[^)]*)\))?$")


@dataclass(frozen=True)
class SourceLink:
    label: str
    url: str  # empty when the source is not an address


def _is_web_address(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def _host(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[0]


def links(source: str) -> list[SourceLink]:
    source = source.strip()
    found = _REPOSITORY.match(source)
    if found:
        repo, commit = found["repo"], found["commit"]
        result = []
        for path in (part.strip() for part in found["paths"].split(" + ")):
            url = f"https://github.com/{repo}/blob/{commit}/{quote(path)}"
            result.append(SourceLink(f"{path.rsplit('/', 1)[-1]} ({repo}, {commit[:7]})", url))
        return result
    result = []
    for part in (piece.strip() for piece in source.split(" ; ")):
        labelled = _LABELLED.match(part)
        if labelled and _is_web_address(labelled["url"]):
            label = _host(labelled["url"])
            if labelled["label"]:
                label = f"{label} ({labelled['label']})"
            result.append(SourceLink(label, labelled["url"]))
        elif part:
            result.append(SourceLink(part, ""))
    return result
