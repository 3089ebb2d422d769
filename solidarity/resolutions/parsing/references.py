"""Documents and resolutions a resolution cites.

Two kinds of citation are found in the text of paragraphs and footnotes:

- document symbols: "A/HRC/56/57", "E/CN.4/2005/L.10/Add.17", "A/78/481/Add.2";
  a resolution's or decision's own symbol ("A/RES/70/1", "A/HRC/RES/53/5",
  "A/HRC/DEC/18/120") is read as that resolution or decision;
- resolutions and decisions by number: "resolution 53/5", "General Assembly
  resolution 70/1", "Council resolutions 35/3 and 38/8", "Security Council
  resolution 1325 (2000)", "resolution 2625 (XXV)", and the forms of special
  sessions and parts: "resolution S-35/1", "resolution ES-11/1", "resolution
  78/262 A", "resolution 2200 A (XXI)". The body, when printed,
  prefixes the number ("GA 70/1"); "its resolution" names the adopting body
  itself, unless a body is named just before ("the General Assembly in its
  resolution 41/128").

Each is listed once, in order of first citation, with the anchors citing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from solidarity.resolutions.parsing.document import Reference
from solidarity.resolutions.parsing.header import MONTHS
from solidarity.resolutions.parsing.text import word_set

_SERIES = word_set("A E S ST CCPR CERD CEDAW CRC CRPD CMW CED CAT CESCR HRI TD UNEP DP ICCD FCCC")
SYMBOL = re.compile(r"[ACDEFHIPSTU][A-Z]{0,5}(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+")
_OWN_SYMBOL = re.compile(r"A/(HRC/)?(RES|DEC)/((?:E?S-)?\d+/\d+)")
_PART = re.compile(r" ([A-Z])(?![A-Za-z0-9/])")  # the part of "A/RES/78/262 A"
_MONTH = "|".join(MONTHS)
# "53/5", "S-35/1", "ES-11/1", "78/262 A" (a part), "78/262 A and B" (parts of one
# resolution: each is cited), "1325 (2000)", "2200 A (XXI)".
_LETTER = r"[A-Z](?![A-Za-z0-9/])"
_MORE_PARTS = rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LETTER})*"
_NUMBER = (
    rf"(?:E?S-)?\d{{1,4}}/\d{{1,4}}(?: {_LETTER}{_MORE_PARTS})?(?!/)"
    r"|\d{2,4}(?:\s[A-Z])?\s\((?:\d{4}|[IVXLC]+)\)"
)
_OF_DATE = rf"(?:\s+of\s+\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})?"
RESOLUTION = re.compile(
    r"(?P<kind>resolution|decision)s?\s+"
    rf"(?P<numbers>(?:{_NUMBER}){_OF_DATE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{_NUMBER}){_OF_DATE})*)"
)
_BODY_BEFORE = re.compile(
    r"(?:\b(?P<body>General Assembly|Assembly|Human Rights Council|Security Council"
    r"|Economic and Social Council|Commission on Human Rights|Council)"
    r"(?:\s+(?:in|by|through|under)\s+its)?|\b(?P<its>its))\s+$"
)
_EACH = re.compile(_NUMBER)
_PREFIXES = {
    "General Assembly": "GA",
    "Assembly": "GA",
    "Human Rights Council": "HRC",
    "Security Council": "SC",
    "Economic and Social Council": "ECOSOC",
    "Commission on Human Rights": "CHR",
}


def _prefix(printed: str | None, body: str) -> str:
    if printed is None:
        return ""
    if printed == "its":
        return body
    if printed == "Council":
        return "HRC" if body == "HRC" else ""
    return _PREFIXES[printed]


_PARTS = re.compile(_LETTER)


def _parts(number: str) -> list[str]:
    """Each part a number cites: "78/262 A and B" is "78/262 A" and "78/262 B"."""
    if "," not in number and " and " not in number:
        return [number]
    resolution, _, letters = number.partition(" ")
    return [f"{resolution} {letter}" for letter in _PARTS.findall(letters)]


def _cite(found: dict[tuple[str, str], Reference], kind: str, cited: str, anchor: str) -> None:
    reference = found.get((kind, cited))
    if reference is None:
        found[(kind, cited)] = Reference(kind=kind, cited=cited, paragraphs=[anchor])
    elif anchor not in reference.paragraphs:
        reference.paragraphs.append(anchor)


def find_references(cited_in: list[tuple[str, str]], body: str) -> list[Reference]:
    """References in (anchor, text) pairs taken in document order."""
    found: dict[tuple[str, str], Reference] = {}
    for anchor, text in cited_in:
        citations = []
        for match in SYMBOL.finditer(text) if "/" in text else ():
            start = match.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "/-"):
                continue
            symbol = match.group().rstrip(".-")
            if symbol.split("/", 1)[0] not in _SERIES:
                continue
            own = _OWN_SYMBOL.fullmatch(symbol)
            if own:
                kind = "resolution" if own.group(2) == "RES" else "decision"
                cited = ("HRC " if own.group(1) else "GA ") + own.group(3)
                part = _PART.match(text, match.end()) if symbol == match.group() else None
                if part:
                    cited += f" {part.group(1)}"
                citations.append((match.start(), kind, cited))
            else:
                citations.append((match.start(), "document", symbol))
        matches: Iterable[re.Match[str]]
        if "resolution" not in text and "decision" not in text:
            matches = ()
        else:
            matches = RESOLUTION.finditer(text)
        for match in matches:
            kind = match.group("kind")
            before = _BODY_BEFORE.search(text, max(0, match.start() - 45), match.start())
            printed = before and (before.group("body") or before.group("its"))
            prefix = _prefix(printed or None, body)
            for number in _EACH.finditer(match.group("numbers")):
                for each in _parts(number.group()):
                    cited = f"{prefix} {each}" if prefix else each
                    citations.append((match.start("numbers") + number.start(), kind, cited))
        citations.sort(key=lambda item: item[0])
        for _, kind, cited in citations:
            _cite(found, kind, cited, anchor)
    return list(found.values())
