"""Who an operative paragraph asks to act, in the platform's fixed vocabulary.

A paragraph asks when it requests, calls upon, invites, urges, encourages,
appeals to or exhorts someone, or "reiterates its request to" someone. The
object of each such verb, up to the infinitive that says what to do ("to
mainstream", "to report"), is matched against ``VOCABULARY``: the one list of
the kinds of actor the platform knows, each with the phrases that name it.
The result keeps the order of appearance without duplicates. Those only
mentioned ("to report to the General Assembly", "the views of Governments")
are not addressees; nor is a catch-all such as "other relevant
organizations", which names no kind of actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from solidarity.resolutions.parsing.text import phrase_pattern, word_set

# The vocabulary: each term and the phrases that name it (matched without regard to case).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "States": (
        "States",
        "Governments",
        "developed countries",
        "developing countries",
        "donor countries",
    ),
    "Member States": ("Member States", "States Members of the United Nations"),
    "States parties": ("States parties",),
    "Independent Expert": ("Independent Expert", "Independent Experts"),
    "Special Rapporteur": ("Special Rapporteur", "Special Rapporteurs"),
    "Working Group": ("Working Group", "Working Groups"),
    "Advisory Committee": ("Advisory Committee", "Human Rights Council Advisory Committee"),
    "special procedures": (
        "special procedures",
        "special procedure mandate holders",
        "special procedures mandate holders",
    ),
    "treaty bodies": ("treaty bodies", "human rights treaty bodies"),
    "Secretary-General": ("Secretary-General", "Secretary\u2011General"),
    "High Commissioner": (
        "High Commissioner",
        "High Commissioner for Human Rights",
        "United Nations High Commissioner for Human Rights",
    ),
    "Office of the High Commissioner": (
        "Office of the High Commissioner",
        "Office of the High Commissioner for Human Rights",
        "Office of the United Nations High Commissioner for Human Rights",
        "OHCHR",
    ),
    "United Nations agencies": (
        "United Nations agencies",
        "United Nations bodies",
        "United Nations entities",
        "United Nations organs",
        "United Nations funds and programmes",
        "United Nations specialized agencies",
        "United Nations system",
        "specialized agencies",
        "agencies, funds and programmes",
    ),
    "international organizations": (
        "international organizations",
        "intergovernmental organizations",
    ),
    "regional organizations": (
        "regional organizations",
        "regional and subregional organizations",
    ),
    "international financial institutions": ("international financial institutions",),
    "non-governmental organizations": ("non-governmental organizations", "NGOs"),
    "civil society": ("civil society", "civil society organizations", "civil society actors"),
    "national human rights institutions": ("national human rights institutions",),
    "private sector": ("private sector", "business enterprises"),
    "academia": ("academia", "academic institutions"),
    "international community": ("international community",),
    "donors": ("donors", "donor community"),
    "Human Rights Council": ("Human Rights Council",),
    "General Assembly": ("General Assembly",),
}
TERMS: tuple[str, ...] = tuple(VOCABULARY)

# Phrases that contain a term's words but name none: matched so that they are skipped.
_NOT_ACTORS = ("United States", "United States of America")


_TERM_OF = {phrase.lower(): term for term, phrases in VOCABULARY.items() for phrase in phrases}
_TERM_OF.update(dict.fromkeys((phrase.lower() for phrase in _NOT_ACTORS), ""))
# Matched on lowered text; at each point the longest phrase wins ("member states", not "states").
_ACTORS = re.compile(phrase_pattern(dict.fromkeys(_TERM_OF, "")) + r"(?![\w-])")

_ASKS = re.compile(
    r"(?P<verb>requests|request|calls\s+(?:up)?on|call\s+(?:up)?on|invites|invite|urges|urge"
    r"|encourages|encourage|appeals\s+to|exhorts|asks)\b"
    r"|(?:reiterates|renews)\s+its\s+(?:requests?|calls?|invitations?|appeals?)\s+(?:to|(?:up)?on)\b"
)
# Where to look for the verbs: each stem is found first, then the verb matched there.
_STEMS = (
    "request",
    "call",
    "invite",
    "urge",
    "encourage",
    "appeal",
    "exhort",
    "ask",
    "reiterates its",
    "renews its",
)
# Words that make a following "requests" a noun: "the requests of the Independent Expert".
_NOUN_BEFORE = word_set("the its their his her these those such of any a an our to this that")
_DECIDES_TO = re.compile(r"\b(?:decides|decide|agrees)\s+to\s*$", re.IGNORECASE)
_DECIDES_CHAPEAU = re.compile(r"(?:\w+ )?(?:decides|agrees)\b[^;]*:$", re.IGNORECASE)
# After "to", these begin a noun phrase ("the right to food"), not what is asked.
_NOT_A_VERB = word_set(
    """the a an all their its this these those his her development food education health
    water housing life privacy work peace self-determination international national"""
)
_ASIDE = re.compile(
    r",\s*(?:in (?:close )?(?:consultation|cooperation|coordination|collaboration|partnership)"
    r"|with the (?:support|assistance|participation) of|through|within)\b[^,;:]*,"
)


def _asks(lowered: str) -> list[re.Match[str]]:
    """The requests in the lowered text, in order of appearance.

    Each stem is looked for with ``in`` first, then found with ``find``: most
    paragraphs hold one or two of the stems, and a missing one costs one scan.
    """
    starts = []
    for stem in _STEMS:
        if stem in lowered:
            at = lowered.find(stem)
            while at != -1:
                starts.append(at)
                at = lowered.find(stem, at + 1)
    if not starts:
        return []
    if len(starts) > 1:
        starts.sort()
    found = []
    covered = -1
    for start in starts:
        if start < covered:
            continue
        if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "-"):
            continue
        match = _ASKS.match(lowered, start)
        if match is not None:
            covered = match.end()
            found.append(match)
    return found


def _object(rest: str) -> str:
    """The object of a verb: up to the end of the clause or the infinitive of the task."""
    end = len(rest)
    for stop in (";", ":", ". ", " that "):
        at = rest.find(stop, 0, end)
        if at != -1:
            end = at
    at = rest.find(" to ", 0, end)
    while at != -1:
        following = rest[at + 4 : at + 40].split(None, 1)
        word = following[0] if following else ""
        if word[:1].islower() and word.rstrip(",") not in _NOT_A_VERB:
            return rest[:at]
        at = rest.find(" to ", at + 4, end)
    return rest[:end].rstrip(".")


def _actors(target: str, found: list[str]) -> None:
    """Add the terms named in the target, in order of appearance."""
    lowered = target.lower()
    for match in _ACTORS.finditer(lowered):
        start = match.start()
        if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "-"):
            continue
        term = _TERM_OF.get(" ".join(match.group().split()))
        if term and term not in found:
            found.append(term)


def _collect(text: str, found: list[str]) -> None:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    for match in _asks(lowered):
        start = match.start()
        context = text[max(0, start - 40) : start]
        before = context.split()
        previous = before[-1].lower() if before else ""
        verb = match.group("verb")
        if previous in _NOUN_BEFORE:
            # "the requests of": a noun; "decides to request": the body asks.
            if previous != "to" or verb is None or verb.endswith("s"):
                continue
            if not _DECIDES_TO.search(context):
                continue
        target = _object(text[match.end() : match.end() + 400])
        if "," in target:
            target = _ASIDE.sub(",", target)
        _actors(target, found)


def addressees(text: str, subparagraphs: Iterable[str] = ()) -> list[str]:
    """The kinds of actor a paragraph asks to act, in order of appearance, each once.

    Sub-paragraphs count too. Under "Decides:", a sub-paragraph "To request the
    Secretary-General ..." is the body's own request; under "Requests the
    Secretary-General:", "To invite States ..." is the Secretary-General's task.
    """
    found: list[str] = []
    _collect(text, found)
    decides = _DECIDES_CHAPEAU.match(text) is not None
    for sub in subparagraphs:
        if decides and sub[:3].lower() == "to ":
            sub = "decides " + sub
        _collect(sub, found)
    return found
